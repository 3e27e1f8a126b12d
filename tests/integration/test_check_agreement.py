"""Partnering > Check agreement as the user meets it, on a virtual display: the menu command
dispatched on a draft open in Writer shows a dialog listing the journey's seven steps with
their state and, under each incomplete one, what it still needs (read through accessibility);
choosing a step and pressing "Open the journey at this step" closes that dialog and opens the
journey wizard at that step; Close closes quietly; a document without journey answers gets a
plain message instead. Any message box a test did not expect fails it (user_path)."""
import json
import os
import subprocess
import time
import unittest
import xml.etree.ElementTree as ET

from office import Office, OfficeOnScreen
from user_path import UserSession, find, press, wait_for

from xvfb import VirtualDisplay

import uno  # noqa: F401  (after office: needs Debian's python3 and UNO_TYPES)

OXT = os.environ["PARTNERING_OXT"]
CLI = os.environ["PARTNERING_CLI"]
TEMPLATES = os.environ["PARTNERING_TEMPLATES_DIR"]
SOURCE = os.environ["PARTNERING_SOURCE_DIR"]
ARTIFACTS = os.path.join(os.environ.get("PARTNERING_TEST_ARTIFACTS", "/tmp/partnering-test-artifacts"), "check")

CHECK_TITLE = "Check agreement"
WIZARD_TITLE = "Partnership journey"
OPEN_BUTTON = "Open the journey at this step"
PLACEHOLDERS_HEADING = "Placeholders still in the document: "


def step_titles():
    """The journey's step titles by number, from the journey itself (src/journey/journey.xml)."""
    tree = ET.parse(os.path.join(SOURCE, "src", "journey", "journey.xml"))
    titles = {}
    for step in tree.getroot().iter():
        if step.tag.rsplit("}", 1)[-1] == "step":
            title = [c for c in step if c.tag.rsplit("}", 1)[-1] == "title"][0]
            titles[int(step.get("number"))] = title.text.strip()
    return titles


def answers_with_gaps():
    """The small example (complete) without its vision and its signatories: steps 2 and 7 have
    gaps, the other five are complete."""
    with open(os.path.join(SOURCE, "examples", "small.json"), encoding="utf-8") as f:
        answers = json.load(f)
    del answers["vision"]
    del answers["signing"]["signatories"]
    return answers


def make_draft(office, name, answers):
    """A draft agreement filled by the CLI from `answers`, as the wizard would have left it."""
    answers_path = office.writable_path(name + ".json")
    with open(answers_path, "w", encoding="utf-8") as f:
        json.dump(answers, f)
    path = office.writable_path(name + ".odt")
    subprocess.run([CLI, "fill", "--template", os.path.join(TEMPLATES, "agreement.ott"), "--answers",
                    answers_path, "--out", path], check=True, capture_output=True)
    os.chmod(path, 0o666)  # the user may edit it (soffice may run as another user)
    return path


def listed_placeholders(path):
    """The labels `partnering check --answers` lists for the draft at `path`."""
    run = subprocess.run([CLI, "check", "--answers", path, "--json"], capture_output=True, text=True)
    return [p["label"] for p in json.loads(run.stdout)["placeholders"]]


def state(context, name):
    return context.getAccessibleStateSet().contains(
        uno.getConstantByName("com.sun.star.accessibility.AccessibleStateType." + name))


class CheckDialog:
    """The Check agreement dialog as the user reads it: its verdict and the tree of steps, each
    with its gaps below it."""

    def __init__(self, window):
        self.window = window
        self.tree = wait_for(lambda: find(window, "TREE"), 10, "the Check agreement dialog's tree of steps")

    def nodes(self):
        """[(line, [lines below it])] for every top-level line of the tree, in the order shown."""
        shown = []
        for i in range(self.tree.getAccessibleChildCount()):
            item = self.tree.getAccessibleChild(i).getAccessibleContext()
            below = [item.getAccessibleChild(j).getAccessibleContext().getAccessibleName()
                     for j in range(item.getAccessibleChildCount())]
            shown.append((item.getAccessibleName(), below))
        return shown

    def steps(self):
        """[(step line, [gap lines])] in the order shown."""
        return [node for node in self.nodes() if not node[0].startswith(PLACEHOLDERS_HEADING)]

    def placeholders(self):
        """(heading, [labels]) of the placeholders still in the document: the tree's last line."""
        nodes = self.nodes()
        assert nodes and nodes[-1][0].startswith(PLACEHOLDERS_HEADING), "no placeholders under the steps: %s" % nodes
        return nodes[-1]

    def verdict(self):
        label = find(self.window, "LABEL", where=lambda c: c.getAccessibleName().endswith("complete.")
                     or c.getAccessibleName().endswith("complete yet."))
        return label.getAccessibleName() if label is not None else None

    def select_step(self, number):
        """Selects step `number` in the tree, as a click (or a screen reader) does."""
        for i, (line, _) in enumerate(self.steps()):
            if line.startswith("%d. " % number):
                self.tree.selectAccessibleChild(i)
                wait_for(lambda: self.tree.isAccessibleChildSelected(i), 10, "step %d to be selected" % number)
                return
        raise AssertionError("no step %d in the dialog" % number)

    def selected_steps(self):
        return [line for i, (line, _) in enumerate(self.steps()) if self.tree.isAccessibleChildSelected(i)]


class DraftsOnScreen(UserSession, OfficeOnScreen):
    """One soffice on a virtual display with two drafts made by the CLI (the small example, and
    the same without its vision and signatories), and what the tests share."""
    OXT = OXT
    SIZE = (1280, 800)  # the virtual display's

    @classmethod
    def setUpClass(cls):
        # OfficeOnScreen's set-up, on a display of this class's size.
        os.makedirs(ARTIFACTS, exist_ok=True)
        cls.display = VirtualDisplay(*cls.SIZE).start()
        cls.office = Office(oxt=cls.OXT, display=cls.display.name)
        try:
            cls.office.start()
            cls.titles = step_titles()
            with open(os.path.join(SOURCE, "examples", "small.json"), encoding="utf-8") as f:
                cls.complete_draft = make_draft(cls.office, "complete", json.load(f))
            cls.gaps_draft = make_draft(cls.office, "gaps", answers_with_gaps())
        except BaseException:
            cls.tearDownClass()
            raise

    def setUp(self):
        super().setUp()
        self.documents = []
        self.commands = []

    def tearDown(self):
        try:
            # A failed test may leave a dialog open: it would veto closing its document.
            for window, _, _ in self.windows.dialogs():
                for label in ("Close", "Cancel", "OK"):
                    try:
                        press(window, label)
                        self.windows.wait_gone(window, 10)
                        break
                    except AssertionError:
                        continue
            for command in self.commands:
                command.wait()
            for document in self.documents:
                document.close(True)
        finally:
            super().tearDown()

    def open_on_screen(self, path=None):
        """`path` (or a new Writer document) in a window on the display, as the user has it."""
        if path:
            document = self.office.load(path, Hidden=False)
        else:
            document = self.office.desktop().loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
        self.documents.append(document)
        return document

    def screenshot(self, name):
        time.sleep(1.0)  # let the window repaint
        return self.display.screenshot(os.path.join(ARTIFACTS, name))

    def check(self, document):
        """Partnering > Check agreement on `document`: the running command and its dialog."""
        command = self.menu(document, "CheckAgreement")
        self.commands.append(command)
        window = self.windows.wait_dialog(CHECK_TITLE)
        return command, window, CheckDialog(window)


class CheckAgreementFromTheMenu(DraftsOnScreen, unittest.TestCase):
    def test_gaps_are_listed_under_their_steps(self):
        command, window, dialog = self.check(self.open_on_screen(self.gaps_draft))
        steps = dialog.steps()
        self.assertEqual([line.split(":")[0] for line, _ in steps],
                         ["%d. %s" % (n, self.titles[n]) for n in range(1, 8)])
        for number, (line, gaps) in enumerate(steps, start=1):
            with self.subTest(step=number):
                if number in (2, 7):
                    self.assertEqual(line, "%d. %s: incomplete" % (number, self.titles[number]))
                    self.assertEqual(len(gaps), 1, gaps)
                else:
                    self.assertEqual(line, "%d. %s: complete" % (number, self.titles[number]))
                    self.assertEqual(gaps, [])
        # Each gap names the question it is about, in the words of the journey's own labels.
        self.assertIn("Vision", steps[1][1][0])
        self.assertIn("Signatories", steps[6][1][0])
        self.assertEqual(dialog.verdict(), "Some steps are not complete yet.")
        # The first step that needs something is offered first.
        self.assertEqual(dialog.selected_steps(), ["2. %s: incomplete" % self.titles[2]])
        # Under the steps, the gaps the draft itself still shows: the vision and the signatories'
        # rows, among others.
        heading, labels = dialog.placeholders()
        listed = listed_placeholders(self.gaps_draft)
        self.assertEqual(heading, PLACEHOLDERS_HEADING + str(len(listed)))
        self.assertEqual(labels, listed)
        self.assertIn("Vision", labels)
        self.screenshot("check-dialog-1280x800.png")
        press(window, "Close")
        self.windows.wait_gone(window, what="the Check agreement dialog to close")
        command.wait()

    def test_close_closes_quietly(self):
        command, window, dialog = self.check(self.open_on_screen(self.gaps_draft))
        dialog.select_step(5)
        press(window, "Close")
        self.windows.wait_gone(window, what="the Check agreement dialog to close")
        command.wait()
        time.sleep(1.0)  # a wizard or a message would show by now
        self.assertEqual(self.windows.dialogs(), [])

    def test_a_complete_draft_has_every_step_complete(self):
        command, window, dialog = self.check(self.open_on_screen(self.complete_draft))
        self.assertEqual(dialog.steps(), [("%d. %s: complete" % (n, self.titles[n]), []) for n in range(1, 8)])
        self.assertEqual(dialog.verdict(), "All seven steps are complete.")
        # Optional questions left unanswered are still gaps in the draft, even with every step complete.
        heading, labels = dialog.placeholders()
        self.assertEqual(heading, PLACEHOLDERS_HEADING + str(len(listed_placeholders(self.complete_draft))))
        self.assertEqual(len(labels), len(listed_placeholders(self.complete_draft)))
        # Nothing left to do: the last step, where the draft is made, is where to go on.
        self.assertEqual(dialog.selected_steps(), ["7. %s: complete" % self.titles[7]])
        press(window, "Close")
        self.windows.wait_gone(window, what="the Check agreement dialog to close")
        command.wait()

    def test_a_document_without_answers_gets_the_plain_message(self):
        message = self.watcher.expect("holds no journey answers")
        command = self.menu(self.open_on_screen(), "CheckAgreement")
        self.commands.append(command)
        box, text = message()
        self.assertIn("Partnering > Partnership journey", text)
        press(box, "OK")
        command.wait()
        self.assertEqual(self.windows.dialogs(), [])


class OpeningTheJourneyFromTheCheck(DraftsOnScreen, unittest.TestCase):
    """From the check's dialog into the journey wizard (a soffice of its own: the wizard is
    another component, and whatever it does must not spoil the dialog's own tests)."""

    def test_the_button_opens_the_journey_at_the_step_selected(self):
        command, window, dialog = self.check(self.open_on_screen(self.gaps_draft))
        dialog.select_step(7)
        self.screenshot("check-dialog-step7-selected.png")
        press(window, OPEN_BUTTON)
        self.windows.wait_gone(window, what="the Check agreement dialog to close")
        wizard = self.windows.wait_dialog(WIZARD_TITLE)
        try:
            # One modal dialog at a time: the check's dialog is gone when the wizard shows.
            self.assertNotIn(CHECK_TITLE, [title for _, _, title in self.windows.dialogs()])
            self.screenshot("wizard-opened-at-step7.png")
            self.assert_wizard_shows_step(wizard, 7)
        finally:
            press(wizard, "Cancel")  # closed whatever it shows, so the next test starts clean
            self.windows.wait_gone(wizard, what="the wizard to close")
            command.wait()
        self.assertEqual(self.windows.dialogs(), [])

    def test_a_click_on_a_gap_then_return_opens_the_journey_at_its_step(self):
        # A gap stands for its step: clicking step 7's gap line selects it, and Return presses
        # the dialog's default button, "Open the journey at this step".
        command, window, dialog = self.check(self.open_on_screen(self.gaps_draft))
        gap = dialog.tree.getAccessibleChild(6).getAccessibleContext().getAccessibleChild(0).getAccessibleContext()
        self.keyboard.click(gap)
        wait_for(lambda: state(gap, "SELECTED") and dialog.selected_steps() == [], 10,
                 "the click to select the gap rather than a step")
        self.keyboard.key("Return")
        self.windows.wait_gone(window, what="the Check agreement dialog to close")
        wizard = self.windows.wait_dialog(WIZARD_TITLE)
        try:
            self.assert_wizard_shows_step(wizard, 7)
        finally:
            press(wizard, "Cancel")
            self.windows.wait_gone(wizard, what="the wizard to close")
            command.wait()
        self.assertEqual(self.windows.dialogs(), [])

    def assert_wizard_shows_step(self, wizard, number):
        """The wizard's current page is step `number`: its heading is on the page in view, and
        only the first page has no Back nor the last page a Next."""
        heading = "%d. %s" % (number, self.titles[number])
        self.assertIsNotNone(find(wizard, "LABEL", heading), "the wizard shows no page headed " + heading)
        back, next_ = find(wizard, "PUSH_BUTTON", "< Back"), find(wizard, "PUSH_BUTTON", "Next >")
        wait_for(lambda: state(back, "ENABLED") == (number > 1) and state(next_, "ENABLED") == (number < 7), 10,
                 "the wizard's Back and Next to fit step %d (Back %s, Next %s)"
                 % (number, state(back, "ENABLED"), state(next_, "ENABLED")))


class CheckAgreementOnASmallScreen(DraftsOnScreen, unittest.TestCase):
    """The dialog on a 1024x768 screen: all of it on the screen, its buttons working."""
    SIZE = (1024, 768)

    def test_the_dialog_fits_the_screen(self):
        command, window, dialog = self.check(self.open_on_screen(self.gaps_draft))
        bounds = window.getPosSize()
        self.assertGreaterEqual(bounds.X, 0)
        self.assertGreaterEqual(bounds.Y, 0)
        self.assertLessEqual(bounds.X + bounds.Width, self.SIZE[0])
        self.assertLessEqual(bounds.Y + bounds.Height, self.SIZE[1])
        self.assertEqual(len(dialog.steps()), 7)
        self.screenshot("check-dialog-1024x768.png")
        press(window, "Close")
        self.windows.wait_gone(window, what="the Check agreement dialog to close")
        command.wait()


if __name__ == "__main__":
    unittest.main()
