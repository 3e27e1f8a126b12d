"""The clauses of step 6 in the journey wizard, as an official meets them from the menu: each
clause a drop-down of standard wordings over the wording the draft will print, which stays
editable. A picked option and a typed wording reach the new draft; a resumed draft shows both."""
import json
import os
import re
import time
import unittest
import xml.etree.ElementTree as ElementTree

from test_wizard import SOURCE, STEP_TITLES, JourneyUser, small_answers
from user_path import find, has_focus, press, role, wait_for


CLAUSES_NS = {"c": "urn:x-partnering:clauses:1"}
OWN_WORDING = "Own wording"
ADDED = " Meetings may be held in Khmer, with interpretation arranged by the host."
OWN_CONFIDENTIALITY = "Nothing about this partnership is confidential except the personal data of beneficiaries."


def normal(text):
    """Text with runs of spaces and line breaks as one space, as the clause library compares it."""
    return re.sub(r"\s+", " ", text or "").strip()


def clause_library():
    """{path: {"default": id, "options": {id: (label, wording)}}} from the clause library's definition."""
    root = ElementTree.parse(os.path.join(SOURCE, "src", "journey", "clauses.xml")).getroot()
    library = {}
    for clause in root.findall("c:clause", CLAUSES_NS):
        options = {option.get("id"): (normal(option.findtext("c:label", namespaces=CLAUSES_NS)),
                                      normal(option.findtext("c:wording", namespaces=CLAUSES_NS)))
                   for option in clause.findall("c:option", CLAUSES_NS)}
        library[clause.get("path")] = {"default": clause.get("default"), "options": options}
    return library


CLAUSES = clause_library()


def label_of(path, option):
    return CLAUSES[path]["options"][option][0]


def wording_of(path, option):
    return CLAUSES[path]["options"][option][1]


class ClausesOnStep6(JourneyUser, unittest.TestCase):
    def go_to_step(self, wizard, number):
        """Next, page after page; an incomplete step stops the first Next with what it needs,
        the second goes on."""
        for step in range(2, number + 1):
            heading = "%d. %s" % (step, STEP_TITLES[step - 1])
            self.press(wizard, "Next >")
            wait_for(lambda: find(wizard, "LABEL", heading) or "Press Next again" in self.message(wizard),
                     what="step %d, or what step %d needs" % (step, step - 1))
            if not find(wizard, "LABEL", heading):
                self.press(wizard, "Next >")
            self.wait_for_step(wizard, step)

    def option_list(self, wizard, label):
        return self.field(wizard, label, "COMBO_BOX")

    def wording_box(self, wizard, label):
        return self.field(wizard, label, "SCROLL_PANE")

    def click_into_wording(self, wizard, label):
        """Scrolls the wording's box labelled `label` into view and clicks into the blank under
        its text, which puts the cursor at the end, until the cursor is there. (A click on the
        text itself left LibreOffice 7.4's text box under Xvfb extending a selection with every
        key that followed, in the journey's other paragraphs too.)"""
        self.scroll_into_view(wizard, self.wording_box(wizard, label))

        def under_the_text(box, attempt):
            at, size = box.getLocationOnScreen(), box.getSize()
            return at.X + 30 + attempt, at.Y + size.Height - 7
        return self.click_into(lambda: self.wording_box(wizard, label), "the wording of '%s'" % label,
                                  where=under_the_text)

    @staticmethod
    def shown_option(combo):
        """The entry a drop-down shows closed: the text of its edit part."""
        for i in range(combo.getAccessibleChildCount()):
            inner = combo.getAccessibleChild(i).getAccessibleContext()
            if inner.getAccessibleRole() == role("TEXT"):
                return inner.getText() if hasattr(inner, "getText") else inner.getAccessibleName()
        return None

    def scroll_into_view(self, wizard, context):
        """Scrolls the step's questions with their scroll bar, as a user does, until `context`
        shows whole: a page at a time (nine tenths of the view) while that leaves its top in
        view, then a line at a time."""
        bar = self.questions_scroll_bar(wizard)
        at, size = bar.getLocationOnScreen(), bar.getSize()
        top, bottom = at.Y, at.Y + size.Height
        page = (bottom - top) * 9 // 10
        for attempt in range(100):
            # A pixel aside every other click: xdotool waits long for a pointer already there to move.
            middle = at.X + size.Width // 2 + attempt % 2
            upper = context.getLocationOnScreen().Y
            lower = upper + context.getSize().Height
            if upper >= top and lower <= bottom:
                time.sleep(0.3)
                return
            if upper < top:
                self.keyboard.click_at(middle, top + 5)  # the arrow up
            elif upper - page >= top:
                self.keyboard.click_at(middle, bottom - 25)  # the trough under the thumb: a page down
            else:
                self.keyboard.click_at(middle, bottom - 5)  # the arrow down
            time.sleep(0.15)
        self.fail("the control never scrolled into view")

    def choose(self, wizard, label, entry):
        """Opens the drop-down labelled `label` with the mouse and clicks its entry `entry`.
        (Typing an entry's start, as JourneyUser.choose does, is ambiguous here: "Standard"
        and "Strict", "Open by default" and "Own wording" begin alike.) Each click lands a
        pixel aside from the last one on the same place: xdotool waits long for a pointer
        already there to move."""
        combo = self.field(wizard, label, "COMBO_BOX")
        self.clicks = getattr(self, "clicks", 0) + 1
        for attempt in range(2):
            at, size = combo.getLocationOnScreen(), combo.getSize()
            self.keyboard.click_at(at.X + size.Width // 2 + (self.clicks + attempt) % 2, at.Y + size.Height // 2)
            try:
                item = wait_for(lambda: find(wizard, "LIST_ITEM", entry), timeout=5, what="'%s' listed" % entry)
                break
            except AssertionError:
                if attempt == 1:
                    raise
        time.sleep(0.3)
        self.keyboard.click(item)
        wait_for(lambda: self.shown_option(combo) == entry, what="'%s' chosen" % entry)

    def pointer_away(self, wizard):
        """The mouse moved off the questions, onto the wizard's list of steps."""
        box = wizard.getPosSize()
        self.keyboard.move_to(box.X + 60, box.Y + box.Height - 120)
        time.sleep(0.5)

    def finish_into_new_draft(self, wizard, command):
        before = self.components()
        answer = self.watcher.expect("Answers still missing")
        self.press(wizard, "Finish")
        box, _ = answer()
        press(box, "Yes")
        self.windows.wait_gone(wizard)
        command.wait()
        draft = self.new_component(before)
        self.opened.append(draft)
        return draft

    def test_a_a_picked_option_and_a_typed_wording_reach_the_new_draft(self):
        document = self.new_document()
        command, wizard = self.start_journey(document)
        self.go_to_step(wizard, 6)

        # Unanswered, a clause shows its default option (and under it the wording the draft will print).
        meetings = self.option_list(wizard, "Meetings")
        self.assertEqual(self.shown_option(meetings), label_of("governance.meetings", "twice-yearly"))

        # The user adds a sentence at the end of the meetings' wording: it becomes their own.
        typed = wording_of("governance.meetings", "twice-yearly") + ADDED
        self.click_into_wording(wizard, "Meetings")
        time.sleep(0.5)
        self.keyboard.key("ctrl+End")
        self.keyboard.type(ADDED)
        wait_for(lambda: self.shown_option(meetings) == OWN_WORDING, what="the meetings' drop-down saying 'Own wording'")

        # Confidentiality: the user opens the drop-down and picks strict confidentiality.
        confidentiality = self.option_list(wizard, "Confidentiality")
        self.scroll_into_view(wizard, self.wording_box(wizard, "Confidentiality"))
        self.assertEqual(self.shown_option(confidentiality), label_of("governance.confidentiality", "standard"))
        self.choose(wizard, "Confidentiality", label_of("governance.confidentiality", "strict"))
        wait_for(lambda: self.shown_option(confidentiality) == label_of("governance.confidentiality", "strict"),
                 what="strict confidentiality chosen")
        strict = wording_of("governance.confidentiality", "strict")
        self.pointer_away(wizard)  # no tooltip over the wordings in the photograph
        self.screenshot("step6-clauses.png")

        draft = self.finish_into_new_draft(wizard, command)
        text = normal(draft.getText().getString())
        self.assertIn(strict, text)
        self.assertIn(normal(typed), text)
        self.assertNotIn(wording_of("governance.confidentiality", "standard"), text)
        governance = json.loads(
            draft.getDocumentProperties().getUserDefinedProperties().getPropertyValue("partnering-answers"))["governance"]
        self.assertEqual(governance["confidentiality"], "strict")
        self.assertEqual(normal(governance["meetings"]), normal(typed))
        # A clause the user only looked at stays unanswered: its default fills the draft.
        self.assertNotIn("structure", governance)
        self.assertIn(wording_of("governance.structure", CLAUSES["governance.structure"]["default"]), text)

    def test_b_a_resumed_draft_shows_its_picked_options_and_own_wordings(self):
        answers = small_answers()
        answers["governance"]["confidentiality"] = OWN_CONFIDENTIALITY
        answers["governance"]["meetings"] = "quarterly"
        answers["governance"].pop("intellectual_property", None)
        document = self.draft(answers)
        command, wizard = self.start_journey(document)
        self.go_to_step(wizard, 6)
        self.assertEqual(self.shown_option(self.option_list(wizard, "Meetings")), label_of("governance.meetings", "quarterly"))
        confidentiality = self.option_list(wizard, "Confidentiality")
        self.assertEqual(self.shown_option(confidentiality), OWN_WORDING)
        default = CLAUSES["governance.intellectual_property"]["default"]
        self.assertEqual(self.shown_option(self.option_list(wizard, "Intellectual property")),
                         label_of("governance.intellectual_property", default))
        self.pointer_away(wizard)
        self.screenshot("step6-resumed.png")

        # Trying a standard option and coming back to "Own wording" brings the user's text back.
        self.scroll_into_view(wizard, self.wording_box(wizard, "Confidentiality"))
        self.choose(wizard, "Confidentiality", label_of("governance.confidentiality", "open-by-default"))
        wait_for(lambda: self.shown_option(confidentiality) == label_of("governance.confidentiality", "open-by-default"),
                 what="open by default chosen")
        self.choose(wizard, "Confidentiality", OWN_WORDING)
        wait_for(lambda: self.shown_option(confidentiality) == OWN_WORDING, what="'Own wording' chosen")

        # Finish refreshes the resumed draft in place with what the boxes show.
        self.press(wizard, "Finish")
        self.windows.wait_gone(wizard)
        command.wait()
        text = normal(document.getText().getString())
        self.assertIn(OWN_CONFIDENTIALITY, text)
        self.assertNotIn(wording_of("governance.confidentiality", "open-by-default"), text)
        self.assertIn(wording_of("governance.meetings", "quarterly"), text)
        self.assertIn(wording_of("governance.intellectual_property", default), text)
        governance = json.loads(
            document.getDocumentProperties().getUserDefinedProperties().getPropertyValue("partnering-answers"))["governance"]
        self.assertEqual(governance["confidentiality"], OWN_CONFIDENTIALITY)
        self.assertEqual(governance["meetings"], "quarterly")
        self.assertNotIn("intellectual_property", governance, "a clause only looked at stays unanswered")

if __name__ == "__main__":
    unittest.main()
