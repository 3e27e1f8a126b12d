"""Drafts with unanswered questions, in a real LibreOffice on a virtual display: answers holding
only {"language": ...} fill the agreement, the MoU and the work plan in all six languages; Writer
reads every gap as one of its placeholder fields (JumpEdit) showing the question's label, as
many as `partnering check --answers` lists, and no field of the fill is blank. A user who types
over a placeholder in Writer and saves takes it off check's list; Partnering > Check agreement
shows the placeholders still in the document; the journey's refresh in place turns an answered
placeholder into text and an answer taken away back into a placeholder. Any message box a test
did not expect fails it (user_path)."""
import collections
import json
import os
import subprocess
import time
import unittest

from office import Office
from user_path import UserSession, find, press, wait_for
from xvfb import VirtualDisplay

import uno  # noqa: F401  (after office: needs Debian's python3 and UNO_TYPES)

OXT = os.environ["PARTNERING_OXT"]
CLI = os.environ["PARTNERING_CLI"]
ARTIFACTS = os.path.join(os.environ.get("PARTNERING_TEST_ARTIFACTS", "/tmp/partnering-test-artifacts"), "placeholders")

LANGUAGES = ["en", "fr", "es", "ar", "km", "zh-Hans"]
TEMPLATES = ["agreement", "mou", "workplan"]
PLACEHOLDER_SERVICE = "com.sun.star.text.TextField.JumpEdit"
BOOKMARK_PREFIX = "partnering-"
CHECK_TITLE = "Check agreement"
PLACEHOLDERS_HEADING = "Placeholders still in the document: "


def fill(office, template, answers, name):
    """A draft filled by the CLI from `answers` with the installed template `template`, in a
    file the user (soffice) may edit."""
    answers_path = office.writable_path(name + ".json")
    with open(answers_path, "w", encoding="utf-8") as f:
        json.dump(answers, f, ensure_ascii=False)
    path = office.writable_path(name + ".odt")
    subprocess.run([CLI, "fill", "--template", template, "--answers", answers_path, "--out", path],
                   check=True, capture_output=True)
    os.chmod(path, 0o666)
    return path


def listed_placeholders(path):
    """The labels `partnering check --answers` lists for the draft at `path`, in its order."""
    run = subprocess.run([CLI, "check", "--answers", path, "--json"], capture_output=True, text=True)
    # The answers may be incomplete (exit code 1): the JSON report is printed either way.
    report = json.loads(run.stdout)
    return [p["label"] for p in report["placeholders"]]


def placeholder_fields(document):
    """Writer's placeholder fields in `document`: [(label, field)] in the order Writer lists them."""
    found = []
    fields = document.getTextFields().createEnumeration()
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService(PLACEHOLDER_SERVICE):
            found.append((field.PlaceHolder, field))
    return found


def fill_bookmarks(document):
    """{name: text it holds} for the fill's bookmarks in `document` (a placeholder reads as the
    text Writer shows for it)."""
    bookmarks = document.getBookmarks()
    return {name: bookmarks.getByName(name).getAnchor().getString()
            for name in bookmarks.getElementNames() if name.startswith(BOOKMARK_PREFIX)}


class DraftsOnScreen(UserSession, unittest.TestCase):
    """One soffice on a virtual display for the class, with the extension installed."""

    @classmethod
    def setUpClass(cls):
        os.makedirs(ARTIFACTS, exist_ok=True)
        cls.display = VirtualDisplay(1280, 800).start()
        cls.office = Office(oxt=OXT, display=cls.display.name)
        try:
            cls.office.start()
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()
        cls.display.stop()

    def setUp(self):
        super().setUp()
        self.documents = []
        self.commands = []

    def tearDown(self):
        try:
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
            self.assertTrue(self.office.is_alive(), "soffice stopped answering: %s" % self.office.death)
        finally:
            super().tearDown()

    def open(self, path, on_screen=False):
        document = self.office.load(path, Hidden=not on_screen)
        self.documents.append(document)
        return document

    def screenshot(self, name):
        time.sleep(1.0)  # let the window repaint
        return self.display.screenshot(os.path.join(ARTIFACTS, name))


class NearEmptyDrafts(DraftsOnScreen):
    def test_every_gap_is_a_placeholder_field_and_no_field_is_blank(self):
        for language in LANGUAGES:
            for template in TEMPLATES:
                with self.subTest(language=language, template=template):
                    path = fill(self.office, template, {"language": language}, "%s-%s" % (template, language))
                    listed = listed_placeholders(path)
                    document = self.open(path)
                    labels = [label for label, _ in placeholder_fields(document)]
                    self.assertGreater(len(labels), 0, "a near-empty draft has gaps")
                    self.assertEqual(len(labels), len(listed), "Writer's placeholders are the ones check lists")
                    self.assertEqual(collections.Counter(labels), collections.Counter(listed))
                    for label in labels:
                        self.assertTrue(label.strip(), "a placeholder with no label")
                        self.assertNotIn(".", label, "a path, not a question's label: " + label)
                        self.assertNotIn("[]", label, "a path, not a question's label: " + label)
                    bookmarks = fill_bookmarks(document)
                    self.assertTrue(bookmarks, "the fill's fields are bookmarked")
                    blank = sorted(name for name, text in bookmarks.items() if not text.strip())
                    self.assertEqual(blank, [], "fields of the fill that show nothing")
                    document.close(True)
                    self.documents.remove(document)

    def test_a_french_near_empty_agreement_shows_grey_placeholders(self):
        path = fill(self.office, "agreement", {"language": "fr"}, "accord-vide")
        document = self.open(path, on_screen=True)
        labels = [label for label, _ in placeholder_fields(document)]
        self.assertIn("Nom du partenariat", labels)
        # The first page, where the title and the parties are, as the user sees it.
        wait_for(lambda: document.getCurrentController().getFrame().getContainerWindow().isVisible(), 10,
                 "the draft's window")
        # The pointer off the page: a placeholder's tooltip under it would hide another one.
        self.keyboard.move_to(5, 400)
        self.screenshot("agreement-fr-near-empty.png")


class TypingOverAPlaceholder(DraftsOnScreen):
    def test_typing_over_a_placeholder_takes_it_off_the_list(self):
        path = fill(self.office, "agreement", {"language": "en"}, "typed")
        before = listed_placeholders(path)
        # A question asked once in the draft, so that its label leaves the list with it.
        label = "Place of signature"
        self.assertEqual(before.count(label), 1, before)
        document = self.open(path, on_screen=True)
        field = next(field for shown, field in placeholder_fields(document) if shown == label)
        controller = document.getCurrentController()
        controller.getFrame().getContainerWindow().setFocus()
        # A click on a placeholder selects the whole field; the controller selects it the same way.
        controller.select(field.getAnchor())
        time.sleep(0.5)
        self.keyboard.type("Kampot")
        wait_for(lambda: label not in [shown for shown, _ in placeholder_fields(document)], 20,
                 "the typed text to replace the placeholder '%s'" % label)
        self.assertIn("Kampot", document.getText().getString() + self.all_table_text(document))
        document.store()
        after = listed_placeholders(path)
        self.assertEqual(len(after), len(before) - 1)
        self.assertNotIn(label, after)
        expected = list(before)
        expected.remove(label)
        self.assertEqual(after, expected, "every other placeholder stays")

        # The journey, finished again with that question still open, leaves the user's words.
        journey = self.office.service_manager.createInstanceWithArgumentsAndContext(
            "org.partnering.JourneyWizardController", (controller.getFrame(),), self.office.context)
        journey.setAnswers(json.dumps({"language": "en"}))
        self.assertEqual(journey.refreshDraft(), "")
        self.assertIn("Kampot", document.getText().getString() + self.all_table_text(document))
        self.assertEqual(collections.Counter(shown for shown, _ in placeholder_fields(document)),
                         collections.Counter(expected))

    @staticmethod
    def all_table_text(document):
        tables = document.getTextTables()
        return " ".join(tables.getByIndex(i).getCellByName(name).getString()
                        for i in range(tables.getCount()) for name in tables.getByIndex(i).getCellNames())


class CheckAgreementListsThePlaceholders(DraftsOnScreen):
    def test_the_dialog_shows_the_count_and_each_label(self):
        path = fill(self.office, "agreement", {"language": "en"}, "check")
        listed = listed_placeholders(path)
        document = self.open(path, on_screen=True)
        command = self.menu(document, "CheckAgreement")
        self.commands.append(command)
        window = self.windows.wait_dialog(CHECK_TITLE)
        tree = wait_for(lambda: find(window, "TREE"), 10, "the Check agreement dialog's tree")
        nodes = [tree.getAccessibleChild(i).getAccessibleContext() for i in range(tree.getAccessibleChildCount())]
        headings = [node for node in nodes if node.getAccessibleName().startswith(PLACEHOLDERS_HEADING)]
        self.assertEqual(len(headings), 1, [node.getAccessibleName() for node in nodes])
        heading = headings[0]
        self.assertEqual(heading.getAccessibleName(), PLACEHOLDERS_HEADING + str(len(listed)))
        self.assertEqual(nodes.index(heading), 7, "after the seven steps")
        shown = [heading.getAccessibleChild(i).getAccessibleContext().getAccessibleName()
                 for i in range(heading.getAccessibleChildCount())]
        self.assertEqual(shown, listed, "each label, in the order the document reads")
        # The user goes down the tree past step 7's gaps to the placeholders, which scroll into view.
        last_step = nodes[6]
        self.keyboard.click(last_step)
        self.keyboard.key(*(["Down"] * (last_step.getAccessibleChildCount() + 1)))
        selected = uno.getConstantByName("com.sun.star.accessibility.AccessibleStateType.SELECTED")
        wait_for(lambda: heading.getAccessibleStateSet().contains(selected), 10, "the placeholders' heading selected")
        self.keyboard.key(*(["Down"] * 8))  # and on to the labels below it
        self.screenshot("check-dialog-placeholders.png")
        press(window, "Close")
        self.windows.wait_gone(window, what="the Check agreement dialog to close")
        command.wait()


class RefreshInPlace(DraftsOnScreen):
    """The journey's refresh of a draft in place (what Finish does on a resumed draft), through
    the wizard controller's service."""

    def test_an_answer_replaces_its_placeholders_and_taking_it_away_brings_them_back(self):
        path = fill(self.office, "agreement", {"language": "en"}, "refresh")
        before = listed_placeholders(path)
        label = "Name of the partnership"
        self.assertIn(label, before)
        document = self.open(path)
        frame = document.getCurrentController().getFrame()
        controller = self.office.service_manager.createInstanceWithArgumentsAndContext(
            "org.partnering.JourneyWizardController", (frame,), self.office.context)

        controller.setAnswers(json.dumps({"language": "en", "partnership": {"name": "Kampot Child Benefit"}}))
        self.assertEqual(controller.refreshDraft(), "")
        labels = [shown for shown, _ in placeholder_fields(document)]
        self.assertNotIn(label, labels)
        self.assertEqual(len(labels), len(before) - before.count(label))
        names = [text for name, text in fill_bookmarks(document).items() if name.endswith("-partnership-name")]
        self.assertTrue(names)
        self.assertEqual(set(names), {"Kampot Child Benefit"})

        controller.setAnswers(json.dumps({"language": "en"}))
        self.assertEqual(controller.refreshDraft(), "")
        self.assertEqual(collections.Counter(shown for shown, _ in placeholder_fields(document)),
                         collections.Counter(before))
        # Each placeholder is back inside its bookmark, where a later refresh finds it.
        inside = self.placeholders_in_bookmarks(document)
        self.assertEqual(collections.Counter(inside.values()), collections.Counter(before))
        document.store()
        self.assertEqual(listed_placeholders(path), before)

    @staticmethod
    def placeholders_in_bookmarks(document):
        """{bookmark: label} for the fill's bookmarks that hold a placeholder field."""
        held = {}
        bookmarks = document.getBookmarks()
        for name in bookmarks.getElementNames():
            if not name.startswith(BOOKMARK_PREFIX):
                continue
            paragraphs = bookmarks.getByName(name).getAnchor().createEnumeration()
            while paragraphs.hasMoreElements():
                portions = paragraphs.nextElement().createEnumeration()
                while portions.hasMoreElements():
                    portion = portions.nextElement()
                    if portion.TextPortionType == "TextField" and portion.TextField.supportsService(PLACEHOLDER_SERVICE):
                        held[name] = portion.TextField.PlaceHolder
        return held


if __name__ == "__main__":
    unittest.main()
