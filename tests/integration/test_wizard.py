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

from office import OfficeOnScreen

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


def press(control, until=None, what="the button's effect"):
    """Presses a button as a user would (its accessible action), which fires its listeners;
    the toolkit may deliver the click after the call returns, so `until` is waited for."""
    control.getAccessibleContext().doAccessibleAction(0)
    if until is not None:
        wait_for(until, what=what)


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


class JourneyWizardInLibreOffice(OfficeOnScreen, unittest.TestCase):
    OXT = OXT

    @classmethod
    def setUpClass(cls):
        os.makedirs(ARTIFACTS, exist_ok=True)
        super().setUpClass()
        try:
            cls.writer = cls.office.desktop().loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
        except BaseException:
            cls.tearDownClass()
            raise

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
            items = run.control("l0:list").getItemCount
            for count, stakeholder in enumerate(example["stakeholders"], 1):
                run.control("l0:f:name").setText(stakeholder["name"])
                run.control("l0:f:sector").selectItemPos(sectors.index(stakeholder["sector"]) + 1, True)
                run.control("l0:f:interest").selectItemPos(stakeholder["interest"], True)
                run.control("l0:f:influence").selectItemPos(stakeholder["influence"], True)
                run.control("l0:f:notes").setText(stakeholder["notes"])
                press(run.control("l0:add"), until=lambda: items() == count, what="stakeholder %d added" % count)
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
            press(run.control("l0:remove"), until=lambda: items() == 3)
            self.assertNotIn("Commune councils", run.control("grid:keep-informed").getModel().Label)
            press(run.control("l0:remove"), until=lambda: items() == 2)
            press(run.control("l0:remove"), until=lambda: items() == 1)
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
                    press(run.control("l1:update"), until=lambda: "This answer was not taken:" in run.message())
                    self.assertIn("This answer was not taken:", run.message())
                    self.assertIn("write the amount, then the currency code (120000 USD)", run.message())
                    stored = json.loads(run.controller.getAnswers())
                    self.assertEqual(stored["partners"][0]["contributions"][0]["value"]["amount"], 120000)
                    run.control("l1:f:value").setText("120000 USD")
                if number == 6:
                    self.assertEqual(run.control("q:governance.structure").getText(), example["governance"]["structure"])
                    self.assertEqual(run.control("q:governance.logos").getState(), 1)
                    year = example["governance"]["end"][:4]
                    self.assertIn(year, run.control("q:governance.end").getPeer().getText(), "dates show a four-digit year")
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

    def test_3_the_journey_resumes_from_the_draft_and_refreshes_it_in_place(self):
        path = getattr(type(self), "draft_path", None)
        if path is None:
            self.skipTest("needs the draft of test_2")
        document = self.office.load(path, Hidden=False)
        text = document.getText()
        # The user's own writing around the fields: a sentence added at the end, and the
        # paragraph holding the signing place extended after its field.
        text.insertString(text.getEnd(), "OUR OWN CLOSING NOTE", False)
        place = document.getBookmarks().getByName(self.bookmark_of(document, "signing-place")).getAnchor()
        text.insertString(place.getEnd(), " (USER ADDITION)", False)
        controller = self.controller(document)
        self.assertEqual(json.loads(controller.getAnswers()), small_answers())
        run = RunningWizard(controller)
        try:
            self.assertEqual(run.control("q:partnership.name").getText(), small_answers()["partnership"]["name"])
            self.assertEqual(run.control("l0:list").getItemCount(), 4)
            for _ in range(6):
                self.assertTrue(run.wizard.travelNext())
            self.assertIn("Finish updates its fields with your answers", run.control("draft:note").getModel().Label)
            run.control("q:signing.place").setText("Battambang")
            self.assertEqual(run.close("Finish"), 1)
        finally:
            if run.thread.is_alive():
                run.close("Cancel")
        try:
            maps = document.getGraphicObjects()
            self.assertTrue(maps.hasByName("stakeholder-map"))
            old_map = maps.getByName("stakeholder-map").Graphic
            self.assertEqual(controller.refreshDraft(), "", "the draft should be refreshed in place")
            new_map = maps.getByName("stakeholder-map").Graphic
            self.assertIsNotNone(new_map)
            self.assertFalse(new_map == old_map, "the stakeholder map is redrawn")
            self.assertEqual(new_map.MimeType, "image/svg+xml")
            refreshed = text.getString()
            self.assertIn("Battambang (USER ADDITION)", refreshed)
            self.assertIn("OUR OWN CLOSING NOTE", refreshed)
            self.assertNotIn(small_answers()["signing"]["place"] + " (USER", refreshed)
            stored = document.getDocumentProperties().getUserDefinedProperties().getPropertyValue("partnering-answers")
            self.assertEqual(json.loads(stored)["signing"]["place"], "Battambang")
            self.assertEqual(document.getBookmarks().getByName(self.bookmark_of(document, "signing-place")).getAnchor().getString(),
                             "Battambang", "the field is bookmarked again for the next refresh")
            # One undo takes the fields back; the user's writing stays.
            document.getUndoManager().undo()
            self.assertIn(small_answers()["signing"]["place"] + " (USER ADDITION)", text.getString())
            document.getUndoManager().redo()
            self.assertIn("Battambang (USER ADDITION)", text.getString())

            # A partner more changes the layout (a row more): no refresh in place, the document
            # unchanged, and a new document made on request.
            answers = json.loads(controller.getAnswers())
            answers["partners"].append(dict(answers["partners"][0], name="World Food Programme"))
            controller.setAnswers(json.dumps(answers))
            before = text.getString()
            obstacle = controller.refreshDraft()
            self.assertIn("listed item", obstacle)
            self.assertEqual(text.getString(), before)
            new_document = controller.openDraft()
            self.assertIn("World Food Programme", new_document.getText().getString())
            self.assertNotIn("OUR OWN CLOSING NOTE", new_document.getText().getString())
            new_document.close(True)
        finally:
            document.close(True)
        self.assertTrue(self.office.is_alive())

    def test_4_a_page_opens_the_lessons_of_its_step(self):
        from com.sun.star.beans import PropertyValue
        frame = self.writer.getCurrentController().getFrame()
        factory = self.office.create("org.partnering.LessonsPanelFactory")
        element = factory.createUIElement(
            "private:resource/toolpanel/PartneringLessonsPanelFactory/PartneringLessonsPanel",
            (PropertyValue(Name="Frame", Value=frame), PropertyValue(Name="ParentWindow", Value=frame.getContainerWindow())))
        panel = element.getRealInterface().Window
        step_filter = panel.getControl("stepFilter")
        # With no answers in the document, the panel starts on step 1's suggestions.
        self.assertIn("step 1", panel.getControl("status").getModel().Label)
        run = RunningWizard(self.controller(self.writer))
        try:
            run.controller.setAnswers(json.dumps(small_answers()))
            self.assertTrue(run.wizard.travelNext())
            self.assertTrue(run.wizard.travelNext())
            self.assertEqual(run.page().PageId, 2)
            press(run.control("lessons"))
            wait_for(lambda: step_filter.getSelectedItem().startswith("Step 3"), what="the panel to show step 3")
            self.assertGreater(len(panel.getControl("results").getItems()), 0)
            # Every lesson of step 3 is listed: as many as the filter's count for it.
            count = step_filter.getSelectedItem().split("(")[1].rstrip(")")
            self.assertEqual(panel.getControl("status").getModel().Label, "Lessons found: " + count)
            self.assertEqual(len(panel.getControl("results").getItems()), 2 * int(count))
        finally:
            if run.thread.is_alive():
                run.close("Cancel")
            element.dispose()
        self.assertTrue(self.office.is_alive())

    @staticmethod
    def bookmark_of(document, field):
        names = [n for n in document.getBookmarks().getElementNames()
                 if n.startswith("partnering-") and n.endswith("-" + field)]
        if len(names) != 1:
            raise AssertionError("expected one bookmark for %s, found %s" % (field, names))
        return names[0]


if __name__ == "__main__":
    unittest.main()
