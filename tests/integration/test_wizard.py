"""The journey wizard as an official meets it, in a real LibreOffice on a virtual display:
Partnering > Partnership journey... dispatched exactly as the menu does, answers typed with the
keyboard and chosen with the mouse, the wizard's own buttons pressed through accessibility, and
what comes out checked where the user sees it (the page, the new or refreshed document). A
message box the test did not expect fails it (user_path.MessageBoxWatcher)."""
import json
import os
import re
import subprocess
import time
import unittest

from office import OfficeOnScreen
from user_path import (READ_ONLY_PARAGRAPHS, TABLE_HEADERS, UserSession, click, contexts, find, known_roles,
                       press, showing, text_of, wait_for)

import uno  # noqa: F401  (after office: needs Debian's python3 and UNO_TYPES)

OXT = os.environ["PARTNERING_OXT"]
CLI = os.environ["PARTNERING_CLI"]
TEMPLATES = os.environ["PARTNERING_TEMPLATES_DIR"]
SOURCE = os.environ["PARTNERING_SOURCE_DIR"]
ARTIFACTS = os.path.join(os.environ.get("PARTNERING_TEST_ARTIFACTS", "/tmp/partnering-test-artifacts"), "wizard")
SMALL = os.path.join(SOURCE, "examples", "small.json")
TITLE = "Partnership journey"
STEP_TITLES = ["Understand the context and align interests", "Agree an overarching vision", "Agree a common purpose",
               "Agree objectives and activities", "Agree resources, roles and responsibilities",
               "Structure the partnership", "Sign the partnership agreement"]


def small_answers():
    with open(SMALL, encoding="utf-8") as f:
        return json.load(f)


class JourneyUser(UserSession, OfficeOnScreen):
    """What a user does in the wizard, for the test classes below."""
    OXT = OXT

    def setUp(self):
        super().setUp()
        os.makedirs(ARTIFACTS, exist_ok=True)
        self.opened = []

    def tearDown(self):
        try:
            # A test that failed half-way leaves a box or the wizard open: close them as the user would.
            for window, kind, title in self.windows.dialogs():
                if kind == uno.getConstantByName("com.sun.star.accessibility.AccessibleRole.ALERT"):
                    for label in ("No", "OK", "Cancel"):
                        if find(window, "PUSH_BUTTON", label):
                            press(window, label)
                            break
            for window, _, title in self.windows.dialogs():
                if title == TITLE:
                    press(window, "Cancel")
                    self.windows.wait_gone(window)
            for document in self.opened:
                try:
                    document.close(True)
                except Exception:
                    pass
            self.assertTrue(self.office.is_alive(), "soffice stopped answering: %s" % self.office.death)
        finally:
            super().tearDown()

    def new_document(self):
        document = self.office.desktop().loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
        self.opened.append(document)
        return document

    def draft(self, answers):
        """A draft agreement filled by the CLI from `answers`, opened in Writer as a user opens a file."""
        source = self.office.writable_path("answers-%d.json" % len(self.opened))
        with open(source, "w", encoding="utf-8") as f:
            json.dump(answers, f)
        path = self.office.writable_path("draft-%d.odt" % len(self.opened))
        subprocess.run([CLI, "fill", "--template", os.path.join(TEMPLATES, "agreement.ott"), "--answers", source,
                        "--out", path], check=True, capture_output=True)
        os.chmod(path, 0o644)
        document = self.office.load(path, Hidden=False)
        self.opened.append(document)
        return document

    def start_journey(self, document):
        command = self.menu(document, "JourneyWizard")
        wizard = self.windows.wait_dialog(TITLE)
        self.wait_for_step(wizard, 1)
        return command, wizard

    def wait_for_step(self, wizard, number):
        heading = "%d. %s" % (number, STEP_TITLES[number - 1])
        wait_for(lambda: find(wizard, "LABEL", heading), what="the page of step %d" % number)

    def message(self, wizard):
        """What the page says about the step: the box under its questions (a read-only text
        whose accessible name is its text)."""
        read_only = known_roles(*READ_ONLY_PARAGRAPHS)
        for context in contexts(wizard, visible=True):
            try:
                name = context.getAccessibleName()
                if context.getAccessibleRole() in read_only and name.startswith(
                        ("This step", "Answers marked", "This answer was not taken")):
                    return name
            except Exception:
                pass
        return ""

    def field(self, wizard, label, role=None):
        """The input labelled `label`: a one-line field (TEXT), or a paragraph's (SCROLL_PANE)."""
        roles = [role] if role else ["TEXT", "SCROLL_PANE"]
        return wait_for(lambda: next((found for found in (find(wizard, r, label) for r in roles) if found), None),
                        what="the field '%s'" % label)

    def type_into(self, wizard, label, text, replace=False):
        """Clicks into the field labelled `label` and types `text`, as UserSession.type_into_field."""
        try:
            self.type_into_field(lambda: self.field(wizard, label), text, "'%s'" % label, replace)
        except AssertionError:
            self.screenshot("failed-typing-%s.png" % label.strip(" *").replace(" ", "-"))
            raise
        return self.field(wizard, label)

    def choose(self, wizard, label, typed):
        """Opens a drop-down with the mouse, types the start of an entry and takes it with Enter."""
        combo = self.field(wizard, label, "COMBO_BOX")
        self.keyboard.click(combo)
        time.sleep(0.5)
        self.keyboard.type(typed)
        self.keyboard.key("Return")
        time.sleep(0.3)

    def press(self, wizard, label, until=None, what=None):
        button = wait_for(lambda: find(wizard, "PUSH_BUTTON", label), what="the button '%s'" % label)
        click(button)
        if until is not None:
            wait_for(until, what=what or "the effect of '%s'" % label)

    def rows(self, wizard, index=0):
        """How many items the index-th visible table lists (its header rows are tables too,
        shown first since LibreOffice 25.2: they are not counted)."""
        tables = []
        for context in contexts(wizard):
            try:
                if context.getAccessibleRole() == uno.getConstantByName("com.sun.star.accessibility.AccessibleRole.TABLE") \
                        and context.getAccessibleName() not in TABLE_HEADERS \
                        and showing(context) and hasattr(context, "getAccessibleRowCount"):
                    tables.append(context)
            except Exception:
                pass
        return tables[index].getAccessibleRowCount()

    def new_component(self, before):
        """The document a command opened: one the desktop did not have before."""
        def opened():
            for component in self.office.desktop().getComponents():
                if not any(component == known for known in before):
                    return component
            return None
        return wait_for(opened, what="a new document")

    def components(self):
        return list(self.office.desktop().getComponents())

    def questions_scroll_bar(self, wizard):
        bars = [c for c in contexts(wizard, visible=True)
                if c.getAccessibleRole() == uno.getConstantByName("com.sun.star.accessibility.AccessibleRole.SCROLL_BAR")]
        right = [c for c in bars if c.getLocationOnScreen().X > self.DISPLAY_SIZE[0] // 2]
        return max(right, key=lambda c: c.getSize().Height)  # the questions' own, as tall as they are

    @staticmethod
    def dot_of(png, box, colour, diameter=14):
        """The centre of a dot of about `colour`, at least `diameter` pixels wide, inside `box`
        (x, y, width, height) of a screenshot; None when none shows whole."""
        x, y, width, height = box
        found = subprocess.run(
            ["convert", png, "-crop", "%dx%d+%d+%d" % (width, height, x, y), "+repage", "-fuzz", "10%",
             "-fill", "#FF00FF", "-opaque", colour, "-fuzz", "0%", "-fill", "black", "+opaque", "#FF00FF",
             "-transparent", "black", "sparse-color:"], check=True, capture_output=True, text=True).stdout.split()
        points = {tuple(int(v) for v in p.split(",")[:2]) for p in found if p.count(",") >= 2}
        rows = {}
        for px, py in points:
            rows.setdefault(py, []).append(px)
        for py in sorted(rows):
            xs = sorted(rows[py])
            if xs[-1] - xs[0] + 1 >= diameter and py - diameter // 2 >= 0:
                # The widest row of a dot is its middle: the centre is here.
                return x + (xs[0] + xs[-1]) // 2, y + py
        return None

    def screenshot(self, name):
        time.sleep(0.8)  # let the window repaint
        return self.display.screenshot(os.path.join(ARTIFACTS, name))


class JourneyFromTheMenu(JourneyUser, unittest.TestCase):
    def add_stakeholder(self, wizard, name, sector, interest, influence, count):
        self.type_into(wizard, "Stakeholder *", name)
        self.choose(wizard, "Sector *", sector)
        self.choose(wizard, "Interest *", interest)
        self.choose(wizard, "Influence *", influence)
        self.press(wizard, "Add", until=lambda: self.rows(wizard) == count, what="stakeholder %d listed" % count)
        # Add empties the fields for the next one.
        self.assertEqual(self.field(wizard, "Stakeholder *").getText(), "")

    def test_a_new_journey_is_typed_from_the_menu_and_finishes_into_a_new_draft(self):
        document = self.new_document()
        command, wizard = self.start_journey(document)
        # Nothing is reported missing before the user did anything, and never as a JSON path.
        self.assertIn("Answers marked * are needed", self.message(wizard))
        self.assertNotIn("$.", text_of(wizard))
        size = wizard.getPosSize()
        self.assertLessEqual(size.Width, 1280)
        self.assertGreaterEqual(size.Width, 900, "the wizard opens at a size that reads well")
        self.screenshot("menu-1-blank-step1.png")

        self.type_into(wizard, "Name of the partnership *", "Child Benefit Partnership for Kampot")
        self.type_into(wizard, "The issue the partnership takes on *", "Poor families with young children in Kampot are not reached.")
        self.add_stakeholder(wizard, "Provincial Department of Social Affairs", "Gov", "5", "5", 1)
        self.assertIn("at least 2 are needed, 1 so far", self.message(wizard))
        self.assertEqual(wizard.getPosSize().Width, size.Width, "the wizard keeps its size")
        self.add_stakeholder(wizard, "Kampot Women's Association", "Civ", "4", "2", 2)
        wait_for(lambda: "This step is complete." in self.message(wizard), what="step 1 complete")
        time.sleep(0.5)
        self.assertEqual((wizard.getPosSize().Width, wizard.getPosSize().Height), (size.Width, size.Height),
                         "the wizard did not shrink when the step became complete")
        self.assertIn("\u2713", text_of(wizard), "the roadmap ticks the complete step")
        self.screenshot("menu-2-step1-complete.png")

        self.press(wizard, "Next >")
        self.wait_for_step(wizard, 2)
        # Next on an incomplete step stops once, says what is missing and puts the cursor there.
        self.press(wizard, "Next >", until=lambda: "Vision: not answered yet." in self.message(wizard))
        # The cursor is in the vision's box: the user just types.
        time.sleep(0.5)
        vision = "Every child in Kampot grows up protected from poverty."
        self.keyboard.type(vision)
        self.retype_if_garbled(self.field(wizard, "Vision *"), vision, "the vision typed")
        wait_for(lambda: "This step is complete." in self.message(wizard), what="step 2 complete")
        for number in range(3, 8):
            heading = "%d. %s" % (number, STEP_TITLES[number - 1])
            self.press(wizard, "Next >")
            # An incomplete step stops the first Next with what it needs; the second goes on.
            wait_for(lambda: find(wizard, "LABEL", heading) or "Press Next again" in self.message(wizard),
                     what="step %d, or what step %d needs" % (number, number - 1))
            if not find(wizard, "LABEL", heading):
                self.press(wizard, "Next >")
            self.wait_for_step(wizard, number)
        before = self.components()
        answer = self.watcher.expect("Answers still missing")
        self.press(wizard, "Finish")
        box, said = answer()
        promised = re.search(r"Placeholders in the draft: (\d+)\.", said)  # as Writer will count them
        self.assertIsNotNone(promised, said)
        self.screenshot("finish-with-gaps.png")
        press(box, "Yes")
        self.windows.wait_gone(wizard)
        command.wait()
        draft = self.new_component(before)
        self.opened.append(draft)
        fields = draft.getTextFields().createEnumeration()
        placeholders = sum(fields.nextElement().supportsService("com.sun.star.text.TextField.JumpEdit")
                           for _ in iter(fields.hasMoreElements, False))
        self.assertEqual((int(promised.group(1)), placeholders > 0), (placeholders, True))
        text = draft.getText().getString()
        for typed in ("Child Benefit Partnership for Kampot", "Every child in Kampot grows up protected from poverty."):
            self.assertIn(typed, text)
        stored = json.loads(draft.getDocumentProperties().getUserDefinedProperties().getPropertyValue("partnering-answers"))
        self.assertEqual([s["name"] for s in stored["partnership"]["stakeholders"]],
                         ["Provincial Department of Social Affairs", "Kampot Women's Association"])
        self.assertEqual(stored["partnership"]["stakeholders"][1]["sector"], "civil-society")
        self.assertEqual(draft.getURL(), "", "the draft is a new, untitled document")
        self.screenshot("menu-3-new-draft.png")

    def test_b_cancel_closes_quietly(self):
        document = self.new_document()
        before = self.components()
        command, wizard = self.start_journey(document)
        self.press(wizard, "Cancel")
        self.windows.wait_gone(wizard)
        command.wait()
        self.assertEqual(len(self.components()), len(before), "Cancel opened no document")

    def test_c_finish_with_gaps_asks_first_and_no_keeps_the_journey_open(self):
        document = self.new_document()
        command, wizard = self.start_journey(document)
        answer = self.watcher.expect("Answers still missing")
        self.press(wizard, "Finish")
        box, said = answer()
        self.assertIn("Steps to complete: 1, 2, 3, 4, 5, 6, 7.", said)
        press(box, "No")
        time.sleep(0.5)
        self.assertTrue(wizard.isVisible(), "No keeps the journey open")
        self.press(wizard, "Cancel")
        self.windows.wait_gone(wizard)
        command.wait()

    def test_d_finish_on_a_resumed_draft_refreshes_it_in_place(self):
        document = self.draft(small_answers())
        text = document.getText()
        text.insertString(text.getEnd(), "OUR OWN CLOSING NOTE", False)
        command, wizard = self.start_journey(document)
        self.assertEqual(self.field(wizard, "Name of the partnership *").getText(), small_answers()["partnership"]["name"])
        self.assertEqual(self.rows(wizard), 4, "the four stakeholders of the draft")
        for number in range(2, 8):
            self.press(wizard, "Next >")
            self.wait_for_step(wizard, number)
        self.assertIn("Finish updates its fields with your answers", text_of(wizard))
        self.type_into(wizard, "Place of signature *", "Battambang", replace=True)
        before = self.components()
        self.press(wizard, "Finish")
        self.windows.wait_gone(wizard)
        command.wait()
        self.assertEqual(len(self.components()), len(before), "the draft was refreshed, not copied")
        refreshed = text.getString()
        self.assertIn("Battambang", refreshed)
        self.assertIn("OUR OWN CLOSING NOTE", refreshed)
        stored = document.getDocumentProperties().getUserDefinedProperties().getPropertyValue("partnering-answers")
        self.assertEqual(json.loads(stored)["signing"]["place"], "Battambang")
        document.getUndoManager().undo()
        self.assertIn(small_answers()["signing"]["place"], text.getString())
        self.assertIn("OUR OWN CLOSING NOTE", text.getString())

    def test_e_the_dialog_follows_the_user_not_itself(self):
        document = self.new_document()
        command, wizard = self.start_journey(document)
        name = self.field(wizard, "Name of the partnership *")
        narrow = name.getSize().Width
        # The user makes the window larger, as a window manager does: the page follows it.
        wizard.setPosSize(0, 0, 1270, 790, uno.getConstantByName("com.sun.star.awt.PosSize.POSSIZE"))
        wait_for(lambda: name.getSize().Width > narrow, what="the page to follow the window")
        # Update and Remove need a selected item; Add empties the fields for the next one.
        enabled = uno.getConstantByName("com.sun.star.accessibility.AccessibleStateType.ENABLED")
        for label in ("Update", "Remove"):
            self.assertFalse(find(wizard, "PUSH_BUTTON", label).getAccessibleStateSet().contains(enabled), label)
        # The step flips to complete, which makes the roadmap wizard size itself again: the
        # window stays as the user made it.
        self.type_into(wizard, "Name of the partnership *", "A partnership")
        self.type_into(wizard, "The issue the partnership takes on *", "An issue.")
        self.add_stakeholder(wizard, "A ministry", "Gov", "5", "5", 1)
        self.add_stakeholder(wizard, "A foundation", "Fou", "2", "1", 2)
        wait_for(lambda: "This step is complete." in self.message(wizard), what="step 1 complete")
        time.sleep(1)
        self.assertEqual((wizard.getPosSize().Width, wizard.getPosSize().Height), (1270, 790))
        self.screenshot("menu-4-resized-by-the-user.png")
        self.press(wizard, "Cancel")
        self.windows.wait_gone(wizard)
        command.wait()

    def test_g_a_click_on_a_dot_of_the_drawn_map_selects_that_stakeholder(self):
        document = self.draft(small_answers())
        command, wizard = self.start_journey(document)
        icon = wait_for(lambda: find(wizard, "ICON"), what="the stakeholder map")
        # The user scrolls down a line at a time until the whole map shows. UNICEF Cambodia is
        # the one United Nations stakeholder: its numbered dot is the only large dot of that
        # colour (the key's sample of the colour is smaller).
        bar = self.questions_scroll_bar(wizard)

        def viewport():
            """The questions' scroll bar where it stands now (its top and height are the viewport's):
            read again at each use, as a dialog still settling on a loaded machine may move it."""
            return bar.getLocationOnScreen(), bar.getSize()

        def map_box():
            """Where the map shows on the screen, cut to the questions' viewport."""
            (at, size), where, extent = viewport(), icon.getLocationOnScreen(), icon.getSize()
            top, bottom = max(where.Y, at.Y), min(where.Y + extent.Height, at.Y + size.Height)
            return where.X, top, min(extent.Width, at.X - where.X), bottom - top

        def whole_map_shows():  # or as much of it as the viewport holds
            return map_box()[3] >= min(icon.getSize().Height, viewport()[1].Height)

        missed = 0
        while not whole_map_shows():
            before = icon.getLocationOnScreen().Y
            at, size = viewport()
            self.keyboard.click_at(at.X + size.Width // 2, at.Y + size.Height - 5)  # the down arrow
            try:
                wait_for(lambda: icon.getLocationOnScreen().Y != before, timeout=3, what="the page to scroll a line")
                missed = 0
            except AssertionError:  # a click may need repeating, as for the text boxes above
                missed += 1
                if missed == 3:
                    self.screenshot("map-scrolling-stopped.png")
                    raise AssertionError("three clicks at %s on the questions' scroll bar at %s, %s did not scroll; see %s"
                                         % ((at.X + size.Width // 2, at.Y + size.Height - 5), (at.X, at.Y),
                                            (size.Width, size.Height), os.path.join(ARTIFACTS, "map-scrolling-stopped.png")))

        def settled_dot():
            # Where the dot is once the page stops moving: on a loaded machine the arrow's
            # clicks may still be scrolling when a screenshot is taken.
            dot = None
            for _ in range(10):
                again = self.dot_of(self.screenshot("map-before-click.png"), map_box(), "#0072B2")
                if again is not None and again == dot:
                    return dot
                dot = again
            return None

        dot = settled_dot()
        at, size = viewport()
        self.assertIsNotNone(dot, "no United Nations dot in the map at %s (questions' bar at %s, %s); see %s"
                             % (map_box(), (at.X, at.Y), (size.Width, size.Height),
                                os.path.join(ARTIFACTS, "map-before-click.png")))
        stakeholder = self.field(wizard, "Stakeholder *")
        for attempt in range(2):  # a click may need repeating, as for the text boxes above
            if attempt > 0:
                dot = settled_dot() or dot
            self.keyboard.click_at(*dot)
            try:
                wait_for(lambda: stakeholder.getText() == "UNICEF Cambodia", timeout=5,
                         what="UNICEF Cambodia selected by its dot")
                break
            except AssertionError:
                if attempt > 0:
                    raise
        enabled = uno.getConstantByName("com.sun.star.accessibility.AccessibleStateType.ENABLED")
        self.assertTrue(find(wizard, "PUSH_BUTTON", "Update").getAccessibleStateSet().contains(enabled))
        self.screenshot("map-dot-selected.png")
        self.press(wizard, "Cancel")
        self.windows.wait_gone(wizard)
        command.wait()

    def test_h_the_last_step_warns_when_the_draft_and_the_answers_are_in_different_languages(self):
        document = self.draft(small_answers())  # answered in English
        command, wizard = self.start_journey(document)
        for number in range(2, 8):
            self.press(wizard, "Next >")
            self.wait_for_step(wizard, number)
        warning = "Your answers are written in English, but the draft will be in"
        self.assertNotIn(warning, text_of(wizard))
        self.choose(wizard, "Language of the agreement", "fran")
        wait_for(lambda: warning + " fran\u00e7ais" in text_of(wizard), what="the warning about the draft's language")
        self.screenshot("step7-language-warning.png")
        self.choose(wizard, "Language of the agreement", "Eng")
        wait_for(lambda: warning not in text_of(wizard), what="the warning gone with English chosen again")
        self.press(wizard, "Cancel")
        self.windows.wait_gone(wizard)
        command.wait()

    def test_f_a_screen_reader_that_read_every_page_does_not_take_writer_down_when_the_wizard_closes(self):
        # A screen reader asks for every control's accessible object, tables included; LibreOffice
        # 7.4's table then freed its own twice when its window went (a crash on Cancel or Finish).
        document = self.new_document()
        command, wizard = self.start_journey(document)
        read = sum(1 for _ in contexts(wizard))
        self.assertGreater(read, 300, "every page's controls were read")
        self.press(wizard, "Cancel")
        self.windows.wait_gone(wizard)
        command.wait()
        self.assertTrue(self.office.is_alive())


class EveryPageAt1280x800(JourneyUser, unittest.TestCase):
    """Every page of the wizard with the large example's answers (ten partners), as the user
    sees it: on the screen whole, and photographed for a person to look at."""
    DISPLAY_SIZE = (1280, 800)

    def test_every_page_fits_the_screen_and_is_photographed(self):
        with open(os.path.join(SOURCE, "examples", "large.json"), encoding="utf-8") as f:
            document = self.draft(json.load(f))
        command, wizard = self.start_journey(document)
        width, height = self.DISPLAY_SIZE
        size = "%dx%d" % self.DISPLAY_SIZE
        for number in range(1, 8):
            self.wait_for_step(wizard, number)
            box = wizard.getPosSize()
            self.assertTrue(box.X >= 0 and box.Y >= 0 and box.X + box.Width <= width and box.Y + box.Height <= height,
                            "step %d: the wizard at %s leaves a %s screen" % (number, box, size))
            self.screenshot("pages-%s-step%d.png" % (size, number))
            if number == 1:
                # The map under the stakeholders: the user scrolls down to it.
                self.scroll_down(wizard)
                self.screenshot("pages-%s-step1-map.png" % size)
            if number == 5:
                # A partner's contributions (an amount and its currency), under the partner's fields.
                for _ in range(2):
                    self.scroll_down(wizard)
                self.screenshot("pages-%s-step5-contributions.png" % size)
            if number < 7:
                self.press(wizard, "Next >")
        self.press(wizard, "Cancel")
        self.windows.wait_gone(wizard)
        command.wait()

    def scroll_down(self, wizard):
        """Clicks the lower part of the page's scroll bar, as a user pages down."""
        bar = self.questions_scroll_bar(wizard)
        at, size = bar.getLocationOnScreen(), bar.getSize()
        self.keyboard.click_at(at.X + size.Width // 2, at.Y + size.Height - 25)
        time.sleep(0.3)


class EveryPageAt1024x768(EveryPageAt1280x800):
    DISPLAY_SIZE = (1024, 768)


if __name__ == "__main__":
    unittest.main()
