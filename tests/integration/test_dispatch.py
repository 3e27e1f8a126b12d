"""The Partnering menu inside a real headless LibreOffice with the built .oxt installed: the
menu and toolbar are registered (with their translations), every menu URL reaches our
protocol handler, and each command does its work or says clearly why not; a core error in a
command reaches the user as a message and soffice keeps running."""
import glob
import json
import os
import subprocess
import unittest

from office import ClosesItsDocuments, Office

import uno  # noqa: F401  (after office: needs Debian's python3 and UNO_TYPES)
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.frame import XDispatchResultListener
from com.sun.star.frame.DispatchResultState import SUCCESS, FAILURE

OXT = os.environ["PARTNERING_OXT"]
VERSION = os.environ["PARTNERING_VERSION"]
CLI = os.environ["PARTNERING_CLI"]
TEMPLATES = os.environ["PARTNERING_TEMPLATES_DIR"]
SOURCE = os.environ["PARTNERING_SOURCE_DIR"]
MENU = "/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar/org.partnering.journey.menu"
COMMANDS = ("JourneyWizard", "Lessons", "CheckAgreement", "About")


class ResultListener(unohelper.Base, XDispatchResultListener):
    def __init__(self):
        self.result = None

    def dispatchFinished(self, event):
        self.result = event

    def disposing(self, source):
        pass


def url(complete):
    parsed = uno.createUnoStruct("com.sun.star.util.URL")
    parsed.Complete = complete
    return parsed


class PartneringMenuInLibreOffice(ClosesItsDocuments, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = Office(oxt=OXT).start()
        draft = cls.office.writable_path("draft.odt")
        subprocess.run([CLI, "fill", "--template", os.path.join(TEMPLATES, "agreement.ott"),
                        "--answers", os.path.join(SOURCE, "examples", "small.json"), "--out", draft],
                       check=True, capture_output=True)
        os.chmod(draft, 0o644)
        cls.draft = draft

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()

    def run_command(self, document, command):
        frame = document.getCurrentController().getFrame()
        dispatch = frame.queryDispatch(url("org.partnering.journey:" + command), "", 0)
        self.assertIsNotNone(dispatch, "no dispatch for " + command)
        listener = ResultListener()
        dispatch.dispatchWithNotification(url("org.partnering.journey:" + command), (), listener)
        self.assertIsNotNone(listener.result, command + " did not report its outcome")
        return listener.result

    def menu(self, locale):
        provider = self.office.create("com.sun.star.configuration.ConfigurationProvider")
        arguments = (PropertyValue(Name="nodepath", Value=MENU), PropertyValue(Name="Locale", Value=locale))
        return provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", arguments)

    # ---- registration ------------------------------------------------------------------
    def test_menu_lists_every_command_for_writer(self):
        menu = self.menu("en-US")
        self.assertEqual(menu.getByName("Title"), "Part~nering")
        self.assertEqual(menu.getByName("Context"), "com.sun.star.text.TextDocument")
        submenu = menu.getByName("Submenu")
        urls = [submenu.getByName(n).getByName("URL") for n in submenu.getElementNames()]
        self.assertEqual(sorted(u for u in urls if u != "private:separator"),
                         sorted("org.partnering.journey:" + c for c in COMMANDS))

    def test_menu_titles_come_from_the_ui_catalogs(self):
        # locales/ui/fr.po, compiled into the generated Addons.xcu as xml:lang="fr" values
        self.assertEqual(self.menu("fr").getByName("Title"), "Partenariat~s")
        self.assertEqual(self.menu("en-US").getByName("Title"), "Part~nering")
        submenu = self.menu("ar").getByName("Submenu")
        about = [submenu.getByName(n) for n in submenu.getElementNames()
                 if submenu.getByName(n).getByName("URL") == "org.partnering.journey:About"][0]
        self.assertNotIn("About", about.getByName("Title"))

    def test_every_menu_url_reaches_our_handler(self):
        frame = self.open().getCurrentController().getFrame()
        for command in COMMANDS:
            with self.subTest(command=command):
                self.assertIsNotNone(frame.queryDispatch(url("org.partnering.journey:" + command), "", 0))
        self.assertIsNone(frame.queryDispatch(url("org.partnering.journey:NoSuchCommand"), "", 0))

    # ---- commands ------------------------------------------------------------------------
    def test_about_names_the_version_and_the_bundled_library(self):
        result = self.run_command(self.open(), "About")
        self.assertEqual(result.State, SUCCESS)
        lessons = len(glob.glob(os.path.join(SOURCE, "index", "lessons", "*.xml")))
        self.assertIn("Partnering Journey " + VERSION, result.Result)
        self.assertIn("bundled", result.Result)
        self.assertIn("Lessons: %d" % lessons, result.Result)

    # Check agreement shows its report in a dialog of its own (test_check_agreement drives it on
    # a display); headless, LibreOffice closes that dialog at once, and a dispatch listener gets
    # the same report as text, with no message box.
    def test_check_agreement_reports_each_step_of_a_draft(self):
        result = self.run_command(self.open(self.draft), "CheckAgreement")
        self.assertEqual(result.State, SUCCESS, result.Result)
        report = result.Result
        for number, title in ((1, "Understand the context"), (2, "Agree an overarching vision"),
                              (7, "Sign the partnership agreement")):
            self.assertRegex(report, r"(?m)^%d\. %s.*: complete$" % (number, title))
        self.assertIn("All seven steps are complete.", report)

    def test_check_agreement_names_what_is_missing(self):
        document = self.open(self.draft)
        properties = document.getDocumentProperties().getUserDefinedProperties()
        answers = properties.getPropertyValue("partnering-answers")
        data = json.loads(answers)
        del data["vision"]
        properties.setPropertyValue("partnering-answers", json.dumps(data))
        result = self.run_command(document, "CheckAgreement")
        self.assertEqual(result.State, SUCCESS, result.Result)
        self.assertRegex(result.Result, r"(?m)^2\. Agree an overarching vision: incomplete$")
        self.assertIn("Some steps are not complete yet.", result.Result)

    def test_check_agreement_on_a_document_without_answers(self):
        result = self.run_command(self.open(), "CheckAgreement")
        self.assertEqual(result.State, FAILURE)
        self.assertIn("holds no journey answers", result.Result)

    def test_a_core_error_becomes_a_message_and_soffice_goes_on(self):
        document = self.open(self.draft)
        properties = document.getDocumentProperties().getUserDefinedProperties()
        properties.setPropertyValue("partnering-answers", "{ this is not JSON")
        result = self.run_command(document, "CheckAgreement")
        self.assertEqual(result.State, FAILURE)
        self.assertIn("[partnering.answers.not-json]", result.Result)
        self.assertTrue(self.office.is_alive())
        # and the next command still works
        self.assertEqual(self.run_command(document, "About").State, SUCCESS)

    def test_journey_wizard_runs_and_returns(self):
        # Headless, LibreOffice cancels modal dialogs at once: the wizard opens and closes;
        # test_wizard drives it on a display.
        result = self.run_command(self.open(self.draft), "JourneyWizard")
        self.assertEqual(result.State, SUCCESS, result.Result)

    def test_lessons_opens_the_sidebar_deck(self):
        document = self.open()
        result = self.run_command(document, "Lessons")
        self.assertEqual(result.State, SUCCESS, result.Result)


if __name__ == "__main__":
    unittest.main()
