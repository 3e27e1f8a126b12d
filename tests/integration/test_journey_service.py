"""org.partnering.Journey inside a real headless LibreOffice, installed from the built .oxt."""
import os
import unittest

from office import Office

import uno  # noqa: F401  (after office: needs Debian's python3 and UNO_TYPES)
from com.sun.star.lang import IllegalArgumentException

OXT = os.environ["PARTNERING_OXT"]
VERSION = os.environ["PARTNERING_VERSION"]


class JourneyServiceInLibreOffice(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = Office(oxt=OXT)
        cls.office.prepare()
        cls.unopkg_listing = cls.office.unopkg("list")
        cls.office.launch()

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()

    def journey(self):
        service = self.office.create("org.partnering.Journey")
        self.assertIsNotNone(service, "org.partnering.Journey is not registered in soffice")
        return service

    def test_unopkg_lists_the_extension(self):
        self.assertIn("Identifier: org.partnering.journey", self.unopkg_listing)
        self.assertIn("Version: " + VERSION, self.unopkg_listing)
        self.assertIn("is registered: yes", self.unopkg_listing)

    def test_extension_manager_lists_the_extension(self):
        manager = self.office.context.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        extensions = {e.getIdentifier().Value: e for e in manager.getDeployedExtensions("user", None, None)}
        self.assertIn("org.partnering.journey", extensions)
        extension = extensions["org.partnering.journey"]
        self.assertEqual(extension.getVersion(), VERSION)
        self.assertEqual(extension.getDisplayName(), "Partnering Journey")
        registered = extension.isRegistered(None, None)
        self.assertTrue(registered.IsPresent and registered.Value.Value)

    def test_service_info(self):
        journey = self.journey()
        self.assertEqual(journey.getImplementationName(), "org.partnering.comp.Journey")
        self.assertTrue(journey.supportsService("org.partnering.Journey"))

    def test_steps_in_english(self):
        steps = self.journey().getSteps("en")
        self.assertEqual([s.Number for s in steps], list(range(1, 8)))
        self.assertEqual([s.Id for s in steps],
                         ["context", "vision", "purpose", "objectives", "resources", "structure", "agreement"])
        self.assertEqual(steps[1].Title, "Agree an overarching vision")

    def test_steps_translated_from_the_installed_catalogs(self):
        journey = self.journey()
        self.assertEqual(journey.getStep(6, "fr-FR").Title, "Structurer le partenariat")
        self.assertEqual(journey.getStep(7, "ar").Title, "توقيع اتفاق الشراكة")
        self.assertEqual(journey.getStep(2, "km").Title, "ឯកភាពលើចក្ខុវិស័យរួម")
        self.assertEqual(journey.getStep(1, "zh-Hans").Title, "了解背景，协调利益")
        self.assertEqual(journey.getStep(3, "de").Title, "Agree a common purpose")  # no German: English

    def test_languages(self):
        languages = self.journey().getLanguages()
        self.assertEqual(languages[0], "en")
        self.assertTrue({"fr", "es", "ar", "km", "zh-CN"} <= set(languages))

    def test_unknown_step_raises_illegal_argument_and_office_survives(self):
        with self.assertRaises(IllegalArgumentException) as raised:
            self.journey().getStep(9, "en")
        self.assertIn("[partnering.journey.unknown-step]", raised.exception.Message)
        self.assertIn("no step 9", raised.exception.Message)
        self.assertTrue(self.office.is_alive())
        self.assertEqual(self.journey().getStep(1, "en").Id, "context")

    def test_bad_language_tag_raises_illegal_argument_and_office_survives(self):
        with self.assertRaises(IllegalArgumentException) as raised:
            self.journey().getSteps("not a language!")
        self.assertIn("[partnering.l10n.bad-language-tag]", raised.exception.Message)
        self.assertTrue(self.office.is_alive())


if __name__ == "__main__":
    unittest.main()
