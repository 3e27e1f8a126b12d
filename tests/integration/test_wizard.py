"""The journey wizard in a real LibreOffice on a virtual display (modal dialogs do not run
headless): our controller in LibreOffice's roadmap wizard, driven page by page as a user would,
through the small worked example, to a filled agreement, and resumed from that agreement.

The wizard's execute() is modal, so it runs in a thread of its own while the test travels,
types into the page's controls and presses its buttons (through accessibility)."""
import json
import os
import threading
import time
import unittest

from office import Office
from xvfb import VirtualDisplay

import uno  # noqa: F401  (after office: needs Debian's python3 and UNO_TYPES)

OXT = os.environ["PARTNERING_OXT"]
SOURCE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
ARTIFACTS = os.path.join(os.environ.get("PARTNERING_TEST_ARTIFACTS", "/tmp/partnering-test-artifacts"), "wizard")
SMALL = os.path.join(SOURCE_DIR, "examples", "small.json")



def small_answers():
    with open(SMALL, encoding="utf-8") as f:
        return json.load(f)


def wait_for(condition, timeout=30, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def press(control):
    """Presses a button as a user would (its accessible action), which fires its listeners."""
    control.getAccessibleContext().doAccessibleAction(0)


def find_button(accessible, name, depth=0):
    context = accessible.getAccessibleContext()
    if context.getAccessibleRole() == uno.getConstantByName("com.sun.star.accessibility.AccessibleRole.PUSH_BUTTON") and context.getAccessibleName().replace("~", "").replace("_", "") == name:
        return context
    if depth > 12:
        return None
    for i in range(context.getAccessibleChildCount()):
        found = find_button(context.getAccessibleChild(i), name, depth + 1)
        if found is not None:
            return found
    return None


class RunningWizard:
    """A wizard executing in its own thread, and the page it shows."""

    def __init__(self, controller):
        self.controller = controller
        self.wizard = controller.createWizard()
        self.result = []
        self.thread = threading.Thread(target=lambda: self.result.append(self.wizard.execute()), daemon=True)
        self.thread.start()
        wait_for(self.page, what="the wizard's first page")

    def page(self):
        try:
            return self.wizard.getCurrentPage()
        except Exception:
            return None

    def control(self, name):
        control = self.page().Window.getControl(name)
        if control is None:
            raise AssertionError("no control %s on page %d" % (name, self.page().PageId))
        return control

    def message(self):
        return self.control("message").getText()

    def press_dialog_button(self, name):
        button = find_button(self.wizard.DialogWindow, name)
        if button is None:
            raise AssertionError("the wizard has no %s button" % name)
        button.doAccessibleAction(0)

    def close(self, button):
        self.press_dialog_button(button)
        self.thread.join(30)
        if self.thread.is_alive():
            raise AssertionError("the wizard did not close")
        return self.result[0]


class JourneyWizardInLibreOffice(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        os.makedirs(ARTIFACTS, exist_ok=True)
        cls.display = VirtualDisplay().start()
        cls.office = Office(oxt=OXT, display=cls.display.name)
        try:
            cls.office.start()
            cls.writer = cls.office.desktop().loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
        except BaseException:
            cls.office.stop()
            cls.display.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()
        cls.display.stop()

    def controller(self, document):
        frame = document.getCurrentController().getFrame()
        controller = self.office.service_manager.createInstanceWithArgumentsAndContext(
            "org.partnering.JourneyWizardController", (frame,), self.office.context)
        self.assertIsNotNone(controller, "org.partnering.JourneyWizardController is not registered")
        return controller

    def screenshot(self, name):
        time.sleep(1.0)  # let the window repaint
        return self.display.screenshot(os.path.join(ARTIFACTS, name))

    def test_1_step_one_validates_and_maps_stakeholders_as_they_are_entered(self):
        run = RunningWizard(self.controller(self.writer))
        try:
            self.assertEqual(run.page().PageId, 0)  # page ids count from 0: step 1 is page 0
            message = run.message()
            self.assertIn("Before going on, this step needs:", message)
            self.assertIn("required: Name of the partnership", message)
            self.assertIn("needs at least 2, has 0: Stakeholders", message)
            self.assertEqual(message, run.controller.getStepMessage(1))
            self.assertFalse(run.wizard.travelNext(), "step 1 with no stakeholders went on")
            self.assertEqual(run.page().PageId, 0)  # page ids count from 0: step 1 is page 0

            example = small_answers()["partnership"]
            run.control("q:partnership.name").setText(example["name"])
            run.control("q:partnership.issue").setText(example["issue"])
            sectors = ["civil-society", "academia", "business", "united-nations", "government", "donor", "foundation"]
            for stakeholder in example["stakeholders"]:
                run.control("l0:f:name").setText(stakeholder["name"])
                run.control("l0:f:sector").selectItemPos(sectors.index(stakeholder["sector"]) + 1, True)
                run.control("l0:f:interest").selectItemPos(stakeholder["interest"], True)
                run.control("l0:f:influence").selectItemPos(stakeholder["influence"], True)
                run.control("l0:f:notes").setText(stakeholder["notes"])
                press(run.control("l0:add"))
                if stakeholder is example["stakeholders"][0]:
                    self.assertIn("needs at least 2, has 1: Stakeholders", run.message())

            answers = json.loads(run.controller.getAnswers())
            self.assertEqual(answers["partnership"]["stakeholders"], example["stakeholders"])
            self.assertEqual(run.control("l0:list").getItemCount(), 4)
            grid = {cell: run.control("grid:" + cell).getModel().Label
                    for cell in ("keep-satisfied", "manage-closely", "monitor", "keep-informed")}
            self.assertIn("UNICEF Cambodia (5/4)", grid["manage-closely"])
            self.assertIn("Ministry of Social Affairs, Veterans and Youth Rehabilitation (5/5)", grid["manage-closely"])
            self.assertIn("Commune councils in the pilot provinces (4/2)", grid["keep-informed"])
            self.assertNotIn("(", grid["monitor"])
            self.assertEqual(run.message(), "This step is complete.")
            self.assertTrue(run.controller.getPageTitle(0).endswith("\u2713"))
            self.assertFalse(run.controller.getPageTitle(1).endswith("\u2713"))
            self.screenshot("step1-stakeholder-grid.png")

            # Removing a stakeholder takes it off the grid and makes the step need it again.
            run.control("l0:list").selectItemPos(3, True)
            press(run.control("l0:remove"))
            self.assertNotIn("Commune councils", run.control("grid:keep-informed").getModel().Label)
            press(run.control("l0:remove"))
            press(run.control("l0:remove"))
            self.assertIn("needs at least 2, has 1: Stakeholders", run.message())
            self.assertFalse(run.wizard.travelNext())

            run.controller.setAnswers(json.dumps(small_answers()))
            self.assertTrue(run.wizard.travelNext(), "step 1 complete, yet the wizard did not go on")
            self.assertEqual(run.page().PageId, 1)
            self.assertEqual(run.control("q:vision.statement").getText(), small_answers()["vision"]["statement"])
            self.assertEqual(run.close("Cancel"), 0)
        finally:
            if run.thread.is_alive():
                run.close("Cancel")

    def test_2_the_small_example_travels_to_a_filled_agreement(self):
        run = RunningWizard(self.controller(self.writer))
        example = small_answers()
        try:
            run.controller.setAnswers(json.dumps(example))
            for number in range(1, 8):
                self.assertEqual(run.page().PageId, number - 1)
                self.assertEqual(run.message(), "This step is complete.", "step %d" % number)
                if number == 5:
                    # A bad amount is refused with its reason; the answers keep the good one.
                    run.control("l0:list").selectItemPos(0, True)
                    run.control("l1:list").selectItemPos(0, True)
                    self.assertEqual(run.control("l1:f:value").getText(), "120000 USD")
                    run.control("l1:f:value").setText("a lot")
                    press(run.control("l1:update"))
                    self.assertIn("This answer was not taken:", run.message())
                    self.assertIn("write the amount, then the currency code (120000 USD)", run.message())
                    stored = json.loads(run.controller.getAnswers())
                    self.assertEqual(stored["partners"][0]["contributions"][0]["value"]["amount"], 120000)
                    run.control("l1:f:value").setText("120000 USD")
                if number == 6:
                    self.assertEqual(run.control("q:governance.structure").getText(), example["governance"]["structure"])
                    self.assertEqual(run.control("q:governance.logos").getState(), 1)
                    self.screenshot("step6-structure.png")
                if number < 7:
                    self.assertTrue(run.wizard.travelNext(), "could not leave step %d" % number)
            self.assertEqual(run.control("template").getSelectedItem(), "Partnership agreement")
            self.assertEqual(run.control("language").getSelectedItem(), "English")
            self.assertEqual(run.close("Finish"), 1)

            draft = run.controller.openDraft()
            text = draft.getText().getString()
            for answer in (example["partnership"]["name"], example["vision"]["statement"],
                           example["partners"][0]["name"], example["partners"][1]["representative"]["name"],
                           example["objectives"][1]["title"], example["governance"]["exit_strategy"],
                           example["signing"]["place"]):
                self.assertIn(answer, text)
            stored = draft.getDocumentProperties().getUserDefinedProperties().getPropertyValue("partnering-answers")
            self.assertEqual(json.loads(stored), example)
            self.assertEqual(draft.getURL(), "", "the draft should be a new, untitled document")
            self.screenshot("finished-draft.png")
            path = self.office.writable_path("draft.odt")
            self.office.store(draft, path, "writer8")
            type(self).draft_path = path
            draft.close(True)
        finally:
            if run.thread.is_alive():
                run.close("Cancel")

    def test_3_the_journey_resumes_from_the_draft(self):
        path = getattr(type(self), "draft_path", None)
        if path is None:
            self.skipTest("needs the draft of test_2")
        document = self.office.load(path, Hidden=False)
        controller = self.controller(document)
        self.assertEqual(json.loads(controller.getAnswers()), small_answers())
        run = RunningWizard(controller)
        try:
            self.assertEqual(run.control("q:partnership.name").getText(), small_answers()["partnership"]["name"])
            self.assertEqual(run.control("l0:list").getItemCount(), 4)
            for _ in range(6):
                self.assertTrue(run.wizard.travelNext())
            self.assertIn("Finish opens the refreshed draft as a new document", run.control("draft:note").getModel().Label)
            # The refreshed draft follows a change made in the wizard.
            run.control("q:signing.place").setText("Battambang")
            self.assertEqual(run.close("Finish"), 1)
            refreshed = controller.openDraft()
            self.assertIn("Battambang", refreshed.getText().getString())
            self.assertNotIn("Battambang", document.getText().getString(), "the edited draft must stay as it was")
            refreshed.close(True)
        finally:
            if run.thread.is_alive():
                run.close("Cancel")
            document.close(True)
        self.assertTrue(self.office.is_alive())


if __name__ == "__main__":
    unittest.main()
