"""A whole LibreOffice session in French: with the UI language set to fr before our code first
runs, every surface of the extension speaks it — the wizard's roadmap and messages (the
journey catalog), the sidebar panel's labels and status, and the menu commands' reports (the
ui catalog) — each string the one locales/*/fr.po gives, not the English source."""
import gettext
import os
import subprocess
import unittest

from office import ClosesItsDocuments, Office

import uno  # noqa: F401  (after office: needs Debian's python3 and UNO_TYPES)
from com.sun.star.beans import PropertyValue
from com.sun.star.frame.DispatchResultState import SUCCESS
from test_dispatch import ResultListener, url

OXT = os.environ["PARTNERING_OXT"]
CLI = os.environ["PARTNERING_CLI"]
TEMPLATES = os.environ["PARTNERING_TEMPLATES_DIR"]
SOURCE = os.environ["PARTNERING_SOURCE_DIR"]
LOCALE_DIR = os.environ["PARTNERING_LOCALE_DIR"]
PANEL_URL = "private:resource/toolpanel/PartneringLessonsPanelFactory/PartneringLessonsPanel"

UI = gettext.translation("ui", LOCALE_DIR, languages=["fr"])
JOURNEY = gettext.translation("journey", LOCALE_DIR, languages=["fr"])


def french(catalog, english):
    """The catalog's French for `english`; a test of nothing if the catalog lacks it."""
    text = catalog.gettext(english)
    assert text != english, "fr.po does not translate %r" % english
    return text


class FrenchSession(ClosesItsDocuments, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = Office(oxt=OXT).start()
        try:
            provider = cls.office.create("com.sun.star.configuration.ConfigurationProvider")
            setup = provider.createInstanceWithArguments(
                "com.sun.star.configuration.ConfigurationUpdateAccess",
                (PropertyValue(Name="nodepath", Value="/org.openoffice.Setup/L10N"),))
            setup.replaceByName("ooLocale", "fr")
            setup.commitChanges()
            cls.draft = cls.office.writable_path("brouillon.odt")
            subprocess.run([CLI, "fill", "--template", os.path.join(TEMPLATES, "agreement.ott"),
                            "--answers", os.path.join(SOURCE, "examples", "small.json"), "--out", cls.draft],
                           check=True, capture_output=True)
            os.chmod(cls.draft, 0o644)
        except BaseException:
            cls.office.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()

    def test_the_wizard_titles_and_messages_are_french(self):
        frame = self.open().getCurrentController().getFrame()
        controller = self.office.service_manager.createInstanceWithArgumentsAndContext(
            "org.partnering.JourneyWizardController", (frame,), self.office.context)
        self.assertEqual(controller.getPageTitle(0), french(JOURNEY, "Understand the context and align interests"))
        message = controller.getStepMessage(1)
        self.assertTrue(message.startswith(french(UI, "This step still needs:")), message)
        # Each gap in plain French words, by the question's French label.
        self.assertIn(french(JOURNEY, "{1}: not answered yet.").replace("{1}", french(JOURNEY, "Name of the partnership")),
                      message)

    def test_the_sidebar_panel_is_french(self):
        frame = self.open().getCurrentController().getFrame()
        factory = self.office.create("org.partnering.LessonsPanelFactory")
        element = factory.createUIElement(PANEL_URL, (PropertyValue(Name="Frame", Value=frame),
                                                      PropertyValue(Name="ParentWindow", Value=frame.getContainerWindow())))
        try:
            panel = element.getRealInterface().Window
            self.assertEqual(panel.getControl("searchLabel").getModel().Label, french(UI, "Search the lessons learned:"))
            self.assertEqual(panel.getControl("insertCitation").getModel().Label, french(UI, "Insert citation"))
            self.assertEqual(panel.getControl("status").getModel().Label,
                             french(UI, "Suggested for the journey step this document is at: step %1.").replace("%1", "1"))
            self.assertEqual(panel.getControl("stepFilter").getItems()[0], french(UI, "All journey steps"))
        finally:
            element.dispose()

    def test_check_agreement_reports_in_french(self):
        document = self.open(self.draft)
        frame = document.getCurrentController().getFrame()
        command = url("org.partnering.journey:CheckAgreement")
        listener = ResultListener()
        frame.queryDispatch(command, "", 0).dispatchWithNotification(command, (), listener)
        self.assertEqual(listener.result.State, SUCCESS, listener.result.Result)
        report = listener.result.Result
        self.assertIn("1. " + french(JOURNEY, "Understand the context and align interests") + ": "
                      + french(UI, "complete"), report)
        self.assertIn(french(UI, "All seven steps are complete."), report)


if __name__ == "__main__":
    unittest.main()
