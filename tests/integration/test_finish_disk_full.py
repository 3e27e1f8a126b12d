"""The journey wizard's Finish when the disk is full, on a virtual display. Finish writes a new
draft into the office's temporary folder (std::filesystem::temp_directory_path: TMPDIR), so
soffice runs with TMPDIR on a small tmpfs the test mounts (as root, as CI runs) and fills to its
last few kilobytes once the wizard is open. Finish then tells the user, in a message naming the
file and the reason, that the draft could not be written; the wizard stays open with every
answer, nothing half-written is left on the disk, and once there is room again the same Finish
makes the draft. Writer still answers throughout."""
import glob
import os
import shutil
import subprocess
import tempfile
import time
import unittest

from office import OfficeOnScreen
from user_path import UserSession, click, find, press, wait_for

OXT = os.environ["PARTNERING_OXT"]
ARTIFACTS = os.path.join(os.environ.get("PARTNERING_TEST_ARTIFACTS", "/tmp/partnering-test-artifacts"), "wizard")
TITLE = "Partnership journey"
NAME = "Child Benefit Partnership for Kampot"
STEP_SECONDS = 90


class FinishOnAFullDisk(UserSession, OfficeOnScreen, unittest.TestCase):
    OXT = OXT

    @classmethod
    def setUpClass(cls):
        if os.geteuid() != 0:
            raise unittest.SkipTest("mounting a tmpfs needs root (CI runs as root)")
        os.makedirs(ARTIFACTS, exist_ok=True)
        cls.tmp = tempfile.mkdtemp(prefix="partnering-full-disk-")
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m,mode=1777", "tmpfs", cls.tmp], check=True)
        # Drafts go to soffice's temporary folder: the small tmpfs.
        cls.OFFICE_ENV = {"TMPDIR": cls.tmp}
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        try:
            super().tearDownClass()
        finally:
            subprocess.run(["umount", cls.tmp], check=False)
            shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        super().setUp()
        self.filler = os.path.join(self.tmp, "filler")
        self.opened = []

    def tearDown(self):
        try:
            for window, _, _ in self.windows.dialogs():
                for label in ("OK", "No", "Cancel"):
                    if find(window, "PUSH_BUTTON", label):
                        press(window, label)
                        break
            for document in self.opened:
                document.close(True)
        finally:
            if os.path.exists(self.filler):
                os.remove(self.filler)
            super().tearDown()

    def fill_the_disk(self, leave=4096):
        """Writes to the tmpfs until it is full, then frees `leave` bytes."""
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            block = b"\0" * 65536
            while True:
                try:
                    if os.write(fd, block) < len(block):
                        break
                except OSError:
                    break
        finally:
            os.close(fd)
        os.truncate(self.filler, max(0, os.path.getsize(self.filler) - leave))

    def drafts_on_disk(self):
        """Whatever a fill left in the temporary folder: the draft or its temporary file."""
        return [p for p in glob.glob(os.path.join(self.tmp, "**", "*"), recursive=True) if "partnering-draft" in p]

    def finish(self, wizard):
        """Finish pressed with answers missing, and Yes to making the draft anyway."""
        question = self.watcher.expect("Answers still missing")
        click(wait_for(lambda: find(wizard, "PUSH_BUTTON", "Finish"), STEP_SECONDS, "the Finish button"))
        box, _ = question(STEP_SECONDS)
        press(box, "Yes")

    def test_finish_says_the_disk_is_full_keeps_the_answers_and_drafts_once_there_is_room(self):
        document = self.office.desktop().loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
        self.opened.append(document)
        command = self.menu(document, "JourneyWizard")
        wizard = self.windows.wait_dialog(TITLE, STEP_SECONDS)
        name = wait_for(lambda: find(wizard, "TEXT", "Name of the partnership *"), STEP_SECONDS, "the first question")
        self.type_into_field(name, NAME, "the name of the partnership", replace=True)

        self.fill_the_disk()
        failure = self.watcher.expect("[partnering.odf.write]")
        self.finish(wizard)
        box, said = failure(STEP_SECONDS)
        time.sleep(0.8)
        self.display.screenshot(os.path.join(ARTIFACTS, "finish-disk-full.png"))
        self.assertIn(self.tmp + "/partnering-draft-", said, "the message names the file")
        self.assertIn("No space left on device", said)
        self.assertIn("your answers are kept", said)
        press(box, "OK")
        self.windows.wait_gone(box, STEP_SECONDS, "the message to close")
        self.assertEqual(self.drafts_on_disk(), [], "a half-written draft was left")
        # The wizard is still open, with what the user typed.
        time.sleep(1.0)
        self.assertTrue(wizard.isVisible(), "the wizard closed and took the answers with it")
        self.assertEqual(find(wizard, "TEXT", "Name of the partnership *").getText(), NAME)

        # Room again: the same Finish makes the draft, opened as a new document.
        os.remove(self.filler)
        before = list(self.office.desktop().getComponents())
        self.finish(wizard)
        self.windows.wait_gone(wizard, STEP_SECONDS, "the wizard to close")
        command.wait(STEP_SECONDS)

        def new_document():
            for component in self.office.desktop().getComponents():
                if not any(component == known for known in before):
                    return component
            return None
        draft = wait_for(new_document, STEP_SECONDS, "the new draft")
        self.opened.append(draft)
        self.assertIn(NAME, draft.getText().getString())
        self.assertEqual(self.drafts_on_disk(), [], "the temporary draft goes once it is open")
        text = document.getText()
        text.insertString(text.getEnd(), "Still editable.", False)
        self.assertTrue(text.getString().endswith("Still editable."))


if __name__ == "__main__":
    unittest.main()
