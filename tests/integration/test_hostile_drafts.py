"""Drafts whose stored answers are hostile, opened in Writer on a virtual display: broken JSON,
valid JSON of the wrong types, and megabytes of text (a value of twelve megabytes, ninety
thousand wrong list items under a property name of six megabytes, two million values, an
unterminated string of ten). For each, Partnering > Partnership journey (its dispatch URL) says
plainly, in a message the test reads through accessibility and closes with its own OK, that the
stored journey cannot be resumed and why, in a few lines; then the wizard opens on fresh answers.
Partnering > Check agreement says what is wrong in its own message. Every step has a time limit,
and Writer still answers afterwards (a document's text is edited and read back through the main
thread)."""
import json
import os
import time
import unittest

from hostile_drafts import hostile_answers, make_draft, with_stored_answers, within
from office import OfficeOnScreen
from user_path import UserSession, find, press, wait_for

OXT = os.environ["PARTNERING_OXT"]
CLI = os.environ["PARTNERING_CLI"]
TEMPLATES = os.environ["PARTNERING_TEMPLATES_DIR"]
SOURCE = os.environ["PARTNERING_SOURCE_DIR"]
ARTIFACTS = os.path.join(os.environ.get("PARTNERING_TEST_ARTIFACTS", "/tmp/partnering-test-artifacts"), "hostile")

WIZARD_TITLE = "Partnership journey"
CHECK_TITLE = "Check agreement"
NOT_RESUMED = "cannot be resumed"
FIRST_STEP = "1. Understand the context and align interests"
# What a person reads in a message box: the reasons, not the hostile text itself. A box of
# megabytes would also take LibreOffice minutes to lay out.
MAX_MESSAGE = 3000
STEP_SECONDS = 90  # for each step the user takes, on a loaded two-core machine


class HostileDraftsInWriter(UserSession, OfficeOnScreen, unittest.TestCase):
    OXT = OXT

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        try:
            os.makedirs(ARTIFACTS, exist_ok=True)
            with open(os.path.join(SOURCE, "examples", "small.json"), encoding="utf-8") as f:
                small = json.load(f)
            cls.base = make_draft(CLI, os.path.join(TEMPLATES, "agreement.ott"), small,
                                  cls.office.writable_path("small.json"), cls.office.writable_path("small.odt"))
            cls.cases = hostile_answers(small)
        except BaseException:
            cls.tearDownClass()
            raise

    def setUp(self):
        super().setUp()
        self.opened = []
        self.commands = []

    def tearDown(self):
        try:
            # A test that failed half-way leaves a box or a dialog open: closed as the user would.
            for window, _, _ in self.windows.dialogs():
                for label in ("OK", "Close", "Cancel"):
                    if find(window, "PUSH_BUTTON", label):
                        press(window, label)
                        break
            for command in self.commands:
                command.wait(STEP_SECONDS)
            for document in self.opened:
                within(STEP_SECONDS, lambda: document.close(True), "closing the draft")
        finally:
            super().tearDown()

    def open_hostile(self, name):
        text, _ = self.cases[name]
        path = with_stored_answers(self.base, self.office.writable_path(name + ".odt"), text)
        document = within(STEP_SECONDS, lambda: self.office.load(path, Hidden=False), "opening " + path)
        self.opened.append(document)
        return document

    def read_message(self, wait, name, what):
        """The expected message box: its text checked (the reasons, in a few lines), a
        screenshot taken, and OK pressed."""
        box, said = wait(STEP_SECONDS)
        self.assertLess(len(said), MAX_MESSAGE, "%s: the message is %d characters long" % (what, len(said)))
        for words in self.cases[name][1]:
            self.assertIn(words, said, what)
        time.sleep(0.8)  # let it paint
        self.display.screenshot(os.path.join(ARTIFACTS, "%s-%s.png" % (name, what)))
        press(box, "OK")
        self.windows.wait_gone(box, STEP_SECONDS, "the message to close")
        return said

    def assert_writer_answers(self, document):
        """The main thread still works: the draft's text is edited and read back."""
        def edit():
            text = document.getText()
            text.insertString(text.getEnd(), " Still editable.", False)
            return text.getString().endswith("Still editable.")
        self.assertTrue(within(STEP_SECONDS, edit, "editing the draft"))

    def journey_starts_afresh(self, document, name):
        message = self.watcher.expect(NOT_RESUMED)
        command = self.menu(document, "JourneyWizard")
        self.commands.append(command)
        said = self.read_message(message, name, "journey")
        wizard = self.windows.wait_dialog(WIZARD_TITLE, STEP_SECONDS)
        wait_for(lambda: find(wizard, "LABEL", FIRST_STEP), STEP_SECONDS, "the journey's first page")
        name_field = wait_for(lambda: find(wizard, "TEXT", "Name of the partnership *"), STEP_SECONDS,
                              "the partnership's name")
        self.assertEqual(name_field.getText(), "", "the journey starts from fresh answers")
        press(wizard, "Cancel")
        self.windows.wait_gone(wizard, STEP_SECONDS, "the wizard to close")
        command.wait(STEP_SECONDS)
        return said

    def check_says_what_is_wrong(self, document, name):
        message = self.watcher.expect(CHECK_TITLE)
        command = self.menu(document, "CheckAgreement")
        self.commands.append(command)
        said = self.read_message(message, name, "check")
        if "[partnering.answers.invalid]" in said:  # each problem named by the draft's file, as its user knows it
            self.assertIn("\n%s.odt: $." % name, said)
            self.assertNotIn("file:", said)
        self.assertNotIn("constraint", said)
        command.wait(STEP_SECONDS)
        self.assertNotIn(CHECK_TITLE, [t for _, _, t in self.windows.dialogs()], "no report of answers it cannot read")
        return said

    def hostile(self, name):
        started = time.monotonic()
        document = self.open_hostile(name)
        self.journey_starts_afresh(document, name)
        self.check_says_what_is_wrong(document, name)
        self.assert_writer_answers(document)
        print("%s: %.1f s" % (name, time.monotonic() - started))

    def test_broken_json(self):
        self.hostile("broken-json")

    def test_wrong_types(self):
        self.hostile("wrong-types")

    def test_megabytes_of_text(self):
        self.hostile("megabytes-of-text")

    def test_megabytes_of_problems(self):
        self.hostile("megabytes-of-problems")

    def test_too_many_values(self):
        self.hostile("too-many-values")

    def test_megabytes_unterminated(self):
        self.hostile("megabytes-unterminated")


if __name__ == "__main__":
    unittest.main()
