"""The "Lessons learned" sidebar panel inside a real LibreOffice with the built .oxt installed:
created through our toolpanel factory on a Writer document, driven through its real controls
(the search box's text listeners, the lists' selection, the button's accessible action), and
shown in Writer's sidebar under Xvfb for a screenshot."""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest

from office import Office, OfficeOnScreen
from lessons_panel import (BOLD, EXIT_LESSON_EN, EXIT_LESSON_FR, EXIT_LESSON_ID, EXIT_LESSON_SUMMARY_EN,
                           FOCAL_POINT_LESSON_EN, PANEL_URL, Panel, accessible_children, bibliography_ids,
                           find_accessible, free_port, new_writer, paragraphs, prop, results_of,
                           use_bundled_library, wait_for, write_settings)

import uno  # noqa: F401  (after office: needs Debian's python3 and UNO_TYPES)
from com.sun.star.container import NoSuchElementException

OXT = os.environ["PARTNERING_OXT"]
ARTIFACTS = os.path.join(os.environ.get("PARTNERING_TEST_ARTIFACTS", tempfile.gettempdir()), "sidebar")
SOURCE_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
class SidebarPanelInLibreOffice(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = Office(oxt=OXT)
        cls.office.start()

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()

    def setUp(self):
        use_bundled_library(self.office)
        self.documents = []
        self.panels = []

    def tearDown(self):
        for panel in self.panels:
            panel.dispose()
        for document in self.documents:
            document.close(True)

    def writer(self, text=""):
        document = new_writer(self.office, text=text)
        self.documents.append(document)
        return document

    def panel(self, document=None):
        panel = Panel(self.office, document or self.writer())
        self.panels.append(panel)
        return panel

    def test_the_factory_refuses_other_panels(self):
        document = self.writer()
        factory = self.office.create("org.partnering.comp.LessonsPanelFactory")  # as Factories.xcu names it
        self.assertIsNotNone(factory)
        frame = document.getCurrentController().getFrame()
        with self.assertRaises(NoSuchElementException):
            factory.createUIElement("private:resource/toolpanel/PartneringLessonsPanelFactory/Other",
                                    (prop("Frame", frame), prop("ParentWindow", frame.getContainerWindow())))
        self.assertTrue(self.office.is_alive())

    def test_panel_is_a_sidebar_tool_panel(self):
        panel = self.panel()
        self.assertEqual(panel.element.ResourceURL, PANEL_URL)
        size = panel.panel.getHeightForWidth(300)
        self.assertLessEqual(size.Minimum, size.Preferred)
        self.assertGreater(panel.panel.getMinimalWidth(), 0)
        self.assertIsNotNone(panel.window)

    def test_typing_searches_as_you_type(self):
        panel = self.panel()
        panel.type("exit")
        after_word = panel.headings()
        panel.type("exit strategy")
        self.assertIn(EXIT_LESSON_EN, panel.headings())
        self.assertNotEqual(after_word, [], "typing one word found nothing")
        self.assertRegex(panel.status(), r"Lessons found: \d+")
        # Each result's line starts at its first match, unmarked: no guillemets in any script.
        snippets = panel.snippets()
        self.assertTrue(any(s.lstrip("…").lower().startswith(("exit", "strateg")) for s in snippets), snippets)
        self.assertFalse(any("«" in row or "»" in row for row in panel.lines()), panel.lines())
        panel.type("zzzqqqxxx")
        self.assertEqual(panel.headings(), [])
        self.assertIn("No lesson matches", panel.status())

    def test_filters_show_counts_and_narrow_the_results(self):
        panel = self.panel()
        panel.type("partnership")
        before = len(panel.headings())
        label = panel.choose("tagFilter", "exit-strategy (")
        count = int(label.rsplit("(", 1)[1].rstrip(")"))
        self.assertEqual(len(panel.headings()), count)
        self.assertLess(count, before)
        languages = list(panel.control("languageFilter").getItems())
        self.assertTrue(any(item.startswith("French (") for item in languages), languages)
        self.assertTrue(all("(" in item for item in languages[1:]), languages)
        # Every filter's count is what choosing it gives.
        for label in languages[1:]:
            panel.choose("languageFilter", "All languages")
            panel.choose("languageFilter", label)
            count = int(label.rsplit("(", 1)[1].rstrip(")"))
            self.assertEqual(len(panel.headings()), count, label)
            self.assertEqual(panel.status(), "Lessons found: %d" % count)

    def test_selecting_a_result_previews_the_whole_lesson(self):
        panel = self.panel()
        panel.type("exit strategy")
        self.assertFalse(panel.insert_enabled())
        panel.select(EXIT_LESSON_EN)
        preview = panel.preview()
        self.assertTrue(preview.startswith("Source: UNICEF Executive Board"), preview)  # the source first
        self.assertIn("\nSet a lifespan and a clear exit strategy\n", preview)
        self.assertIn(EXIT_LESSON_SUMMARY_EN, preview)
        self.assertIn("Journey steps: 6, 7", preview)
        self.assertIn("Tags: exit-strategy, evaluation", preview)
        self.assertTrue(panel.insert_enabled())

    def test_the_preview_opens_with_the_source_and_marks_the_matched_words_in_bold(self):
        panel = self.panel()
        panel.type("共同问责")
        panel.select(panel.headings()[0])
        runs = panel.preview_runs()
        source, posture, _ = runs[0]
        self.assertTrue(source.startswith("Source: Royal Government of Cambodia"), runs[:2])
        self.assertEqual(posture.value, "ITALIC")
        bold = [text for text, _, weight in runs if weight == BOLD]
        self.assertIn("共同问责", bold, runs)  # in the title 商定建立共同问责的治理结构
        self.assertTrue(all(weight != BOLD for text, _, weight in runs if text.startswith("Source:")))
        panel.type("stratégie de sortie")
        panel.select(EXIT_LESSON_FR)
        self.assertIn("stratégie de sortie", [text for text, _, weight in panel.preview_runs() if weight == BOLD])

    def test_a_misspelled_query_shows_what_was_searched_instead_with_the_corrected_words_in_bold(self):
        panel = self.panel()
        panel.type("stakeholdr mappng")
        line = wait_for(panel.searched_instead)
        self.assertEqual(line, "Showing results for: stakeholder mapping")
        bold = [text for text, _, weight in panel.preview_runs("searchedInstead") if weight == BOLD]
        self.assertEqual(bold, ["stakeholder", "mapping"], bold)  # the words corrected, not the words around
        self.assertEqual(panel.headings()[0], "Map stakeholders by their interest in and influence over the issue")
        self.assertRegex(panel.status(), r"Lessons found: \d+")
        # Words the lessons hold: the line goes away.
        panel.type("stakeholder mapping")
        wait_for(lambda: panel.searched_instead() is None)
        self.assertIsNone(panel.searched_instead())

    def test_insert_citation_is_one_undoable_action(self):
        document = self.writer(text="Our partnership agreement.")
        panel = self.panel(document)
        panel.type("exit strategy")
        panel.select(EXIT_LESSON_EN)
        before = document.getText().getString()
        panel.press_insert()
        deadline = time.monotonic() + 10
        while document.getText().getString() == before and time.monotonic() < deadline:
            time.sleep(0.1)
        after = document.getText().getString()
        self.assertTrue(after.startswith("Our partnership agreement."), after)
        self.assertIn(EXIT_LESSON_SUMMARY_EN, after)
        # The status follows the text a moment later (LibreOffice 25.2 on a loaded machine).
        self.assertTrue(wait_for(lambda: "Citation inserted" in panel.status(), 10), panel.status())
        self.assertEqual(bibliography_ids(document), [EXIT_LESSON_ID])
        self.assertEqual([p.getString().split(" [")[0] for p in paragraphs(document) if p.ParaStyleName == "Quotations"],
                         [after.split("\n")[1].split(" [")[0]])
        self.assertTrue(after.split("\n")[1].startswith(EXIT_LESSON_SUMMARY_EN))
        undo = document.getUndoManager()
        self.assertEqual(undo.getCurrentUndoActionTitle(), "Insert citation")
        undo.undo()
        self.assertEqual(document.getText().getString(), before)
        self.assertEqual(bibliography_ids(document), [])

    def test_a_citation_refused_by_a_protected_section_leaves_the_panel_as_it_was(self):
        document = self.writer(text="Signed text.")
        text = document.getText()
        section = document.createInstance("com.sun.star.text.TextSection")
        cursor = text.createTextCursor()
        cursor.gotoStart(False)
        cursor.gotoEnd(True)
        text.insertTextContent(cursor, section, True)  # the whole text, in a section
        section.IsProtected = True
        view = document.getCurrentController().getViewCursor()
        view.gotoStart(False)
        panel = self.panel(document)
        panel.type("exit strategy")
        panel.select(EXIT_LESSON_EN)
        panel.press_insert()
        self.assertTrue(wait_for(lambda: "protected" in panel.status(), 10), panel.status())
        self.assertEqual(bibliography_ids(document), [])
        self.assertEqual(text.getString(), "Signed text.")
        self.assertIn(EXIT_LESSON_EN, panel.headings())
        self.assertIn(EXIT_LESSON_SUMMARY_EN, panel.preview())
        self.assertTrue(panel.insert_enabled())

    def test_french_reader_gets_french_lessons(self):
        use_bundled_library(self.office, language="fr")
        panel = self.panel()
        panel.type("stratégie de sortie")
        self.assertEqual(panel.headings()[0], EXIT_LESSON_FR)
        self.assertTrue(panel.snippets()[0].lstrip("…").startswith("stratégie de sortie"), panel.snippets())
        # Named in the UI's language, with how many French lessons match (every lesson has French now).
        items = list(panel.control("languageFilter").getItems())
        self.assertTrue(any(re.fullmatch(r"French \(\d+\)", item) for item in items), items)

    def test_french_words_show_french_lessons_to_an_english_reader(self):
        panel = self.panel()
        panel.type("stratégie de sortie")
        self.assertEqual(panel.headings()[0], EXIT_LESSON_FR)
        panel.type("exit strategy")
        self.assertEqual(panel.headings()[0], EXIT_LESSON_EN)

    def test_language_filter_shows_lessons_in_that_language(self):
        panel = self.panel()
        panel.type("exit strategy")
        label = panel.choose("languageFilter", "French (")
        headings = panel.headings()
        self.assertEqual(len(headings), int(label.rsplit("(", 1)[1].rstrip(")")))
        self.assertIn(EXIT_LESSON_FR, headings)  # English words, the French filter: the French text
        self.assertNotIn(EXIT_LESSON_EN, headings)

    def test_empty_query_suggests_the_first_step_without_answers(self):
        panel = self.panel()
        self.assertIn("step 1", panel.status())
        self.assertNotEqual(panel.headings(), [])
        panel.select(panel.headings()[0])
        self.assertRegex(panel.preview(), r"Journey steps: (\d, )*1\b")

    def test_empty_query_suggests_the_first_incomplete_step_of_the_stored_journey(self):
        with open(os.path.join(SOURCE_DIR, "examples", "small.json"), encoding="utf-8") as f:
            answers = json.load(f)
        del answers["governance"]  # step 6 is left to do
        document = self.writer()
        document.getDocumentProperties().getUserDefinedProperties().addProperty(
            "partnering-answers", 0, json.dumps(answers))
        panel = self.panel(document)
        self.assertIn("step 6", panel.status())
        headings = panel.headings()
        self.assertNotEqual(headings, [])
        for heading in headings[:5]:
            panel.select(heading)
            self.assertRegex(panel.preview(), r"Journey steps: (\d, )*6\b")

    def assert_problem_shown(self, panel, reason_id):
        self.assertIn("The lessons library cannot be opened", panel.status())
        self.assertIn(reason_id, panel.preview())
        self.assertEqual(panel.headings(), [])
        self.assertFalse(panel.insert_enabled())
        self.assertTrue(self.office.is_alive())

    def assert_writer_usable(self, document):
        document.getText().insertString(document.getText().getEnd(), " Still editable.", False)
        self.assertTrue(document.getText().getString().endswith("Still editable."))

    @staticmethod
    def opened(panel, timeout=60):
        """Waits for the panel's library, which a folder or remote source opens in the background."""
        wait_for(lambda: not panel.status().startswith("Opening the lessons library"), timeout)
        return panel

    def test_missing_library_shows_a_message_and_writer_goes_on(self):
        write_settings(self.office, "Library", Source="folder", Folder="/nonexistent/partnering-lessons")
        document = self.writer(text="Draft.")
        panel = self.opened(self.panel(document))
        self.assert_problem_shown(panel, "[partnering.settings.no-folder]")
        panel.type("exit strategy")  # typing must not throw either
        self.assert_problem_shown(panel, "[partnering.settings.no-folder]")
        self.assert_writer_usable(document)
        use_bundled_library(self.office)
        panel.type("exit strategy")  # new settings: the panel tries again at once
        self.assertIn(EXIT_LESSON_EN, panel.headings())

    def test_unreachable_remote_library_shows_a_message(self):
        write_settings(self.office, "Library", Source="remote", Host="127.0.0.1", Port=free_port())
        document = self.writer(text="Draft.")
        panel = self.opened(self.panel(document))
        self.assert_problem_shown(panel, "[partnering.lessons.remote-unreachable]")
        self.assert_writer_usable(document)

    def test_a_server_that_never_answers_does_not_freeze_writer(self):
        # It accepts the connection and then says nothing, as a server behind a dead link.
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        self.addCleanup(silent.close)
        write_settings(self.office, "Library", Source="remote", Host="127.0.0.1", Port=silent.getsockname()[1])
        document = self.writer(text="Draft.")
        started = time.monotonic()
        panel = self.panel(document)
        panel.type("exit strategy")
        self.assert_writer_usable(document)
        self.assertLess(time.monotonic() - started, 5, "Writer waited for the server")
        self.assertTrue(panel.status().startswith("Opening the lessons library"), panel.status())
        self.opened(panel)
        self.assert_problem_shown(panel, "[partnering.lessons.remote-unreachable]")
        # LessonSearch::kRemoteOperationTimeout (5 s) bounds the wait for the server's greeting.
        self.assertGreater(time.monotonic() - started, 4, "the server's silence should have been waited out")

    def serve_bundled_library(self, *options):
        """xapian-tcpsrv serving the installed extension's lessons index; returns it and its port."""
        provider = self.office.context.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
        index = os.path.join(uno.fileUrlToSystemPath(provider.getPackageLocation("org.partnering.journey")), "lessons")
        port = free_port()
        # Its own process group: the server forks a child per connection, and stopping the
        # group stops that child too.
        server = subprocess.Popen(["xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", str(port)]
                                  + list(options) + [index], start_new_session=True)

        def stop():
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        self.addCleanup(stop)

        def listening():
            with socket.socket() as probe:
                return probe.connect_ex(("127.0.0.1", port)) == 0
        wait_for(listening)
        return server, port

    def test_a_remote_library_searches_without_holding_writer_and_reconnects(self):
        # The server drops connections idle for 1 s, as a real one does after its --idle-timeout.
        server, port = self.serve_bundled_library("--idle-timeout", "1000")
        write_settings(self.office, "Library", Source="remote", Host="127.0.0.1", Port=port)
        document = self.writer(text="Draft.")
        panel = self.opened(self.panel(document))
        panel.type("exit strategy")
        self.assertTrue(wait_for(lambda: EXIT_LESSON_EN in panel.headings()), panel.status())

        time.sleep(2)  # the server closes the idle connection: the next search connects again
        panel.type("focal point")
        self.assertTrue(wait_for(lambda: FOCAL_POINT_LESSON_EN in panel.headings()), (panel.status(), panel.preview()))
        panel.select(FOCAL_POINT_LESSON_EN)  # the whole lesson comes from the server too
        self.assertTrue(wait_for(lambda: "\nDesignate a focal point" in panel.preview()), panel.preview())

        os.killpg(server.pid, signal.SIGSTOP)  # connected, and silent from now on
        self.addCleanup(lambda: os.killpg(server.pid, signal.SIGCONT))
        started = time.monotonic()
        panel.select([h for h in panel.headings() if h != FOCAL_POINT_LESSON_EN][0])  # its lesson cannot come
        panel.type("exit")
        panel.type("exit strategy")
        self.assert_writer_usable(document)
        self.assertLess(time.monotonic() - started, 3, "Writer waited for the server")
        self.assertIn(FOCAL_POINT_LESSON_EN, panel.headings(), "the last results stay until new ones come")
        self.assertTrue(wait_for(lambda: "[partnering.lessons.remote-unreachable]" in panel.preview(), 40),
                        panel.preview())
        self.assertTrue(self.office.is_alive())

    def test_corrupt_library_shows_a_message(self):
        # A folder library whose index in the user profile is damaged.
        lessons = self.office.writable_path("corrupt-lessons")
        shutil.copytree(os.path.join(SOURCE_DIR, "index", "lessons"), lessons)
        database = os.path.join(self.office.profile_dir, "user", "partnering", "lessons")
        os.makedirs(database, exist_ok=True)
        for name in ("iamglass", "postlist.glass", "termlist.glass", "docdata.glass"):
            with open(os.path.join(database, name), "wb") as f:
                f.write(b"this is not a xapian database\x00" * 64)
        for folder in (lessons, os.path.dirname(database), database):
            for root, dirs, files in os.walk(folder):
                for entry in dirs + files:
                    os.chmod(os.path.join(root, entry), 0o777)
                os.chmod(root, 0o777)
        write_settings(self.office, "Library", Source="folder", Folder=lessons)
        document = self.writer(text="Draft.")
        panel = self.opened(self.panel(document))
        self.assertIn("The lessons library cannot be opened", panel.status())
        self.assertRegex(panel.preview(), r"\[partnering\.lessons\.[a-z-]+\]")
        self.assertTrue(self.office.is_alive())
        self.assert_writer_usable(document)
        shutil.rmtree(database, ignore_errors=True)


class SidebarDeckOnScreen(OfficeOnScreen, unittest.TestCase):
    OXT = OXT

    def panel_controls(self, frame):
        """The search box's and results list's accessible contexts inside the sidebar deck."""
        from com.sun.star.accessibility.AccessibleRole import COMBO_BOX, LABEL, LIST, TEXT
        root = frame.getContainerWindow().getAccessibleContext()
        label = wait_for(lambda: find_accessible(
            root, lambda c: c.getAccessibleRole() == LABEL
            and c.getAccessibleName() == "Search the lessons learned:"))
        self.assertIsNotNone(label, "the Lessons learned panel is not in the sidebar")
        panel = label.getAccessibleParent().getAccessibleContext()
        search = next(c for c in accessible_children(panel) if c.getAccessibleRole() == TEXT)
        # The results list box is a box holding the list proper; the filters are combo boxes.
        results = next(list_box for list_box in (
            find_accessible(c, lambda d: d.getAccessibleRole() == LIST)
            for c in accessible_children(panel) if c.getAccessibleRole() != COMBO_BOX) if list_box is not None)
        return search, results

    def test_screenshot_of_french_results_in_the_sidebar(self):
        use_bundled_library(self.office, language="fr")
        document = new_writer(self.office, hidden=False, text="Accord de partenariat.")
        # Unmodified and closed, or soffice would ask about saving it and never terminate.
        self.addCleanup(document.close, True)
        self.addCleanup(document.setModified, False)
        frame = document.getCurrentController().getFrame()
        frame.getContainerWindow().setPosSize(0, 0, 1280, 800, 15)
        dispatcher = self.office.create("com.sun.star.frame.DispatchHelper")
        dispatcher.executeDispatch(frame, ".uno:SidebarDeck.PartneringLessonsDeck", "", 0, ())
        search, results = self.panel_controls(frame)
        search.setText("stratégie de sortie")
        items = wait_for(lambda: [c.getAccessibleName() for c in accessible_children(results)])
        shown = results_of(items)
        self.assertEqual(shown[0][0], EXIT_LESSON_FR)  # the whole title, on two rows of a narrow sidebar
        self.assertTrue(shown[0][1].lstrip("…").startswith("stratégie de sortie"), shown)
        results.selectAccessibleChild(0)
        time.sleep(1.5)  # let the sidebar repaint
        path = self.display.screenshot(os.path.join(ARTIFACTS, "sidebar-french-results.png"))
        self.assertGreater(os.path.getsize(path), 10000)
        self.assertTrue(self.office.is_alive())

    def test_screenshot_of_a_misspelled_query_in_the_sidebar(self):
        use_bundled_library(self.office)
        document = new_writer(self.office, hidden=False, text="Our partnership agreement.")
        self.addCleanup(document.close, True)
        self.addCleanup(document.setModified, False)
        frame = document.getCurrentController().getFrame()
        frame.getContainerWindow().setPosSize(0, 0, 1280, 800, 15)
        dispatcher = self.office.create("com.sun.star.frame.DispatchHelper")
        dispatcher.executeDispatch(frame, ".uno:SidebarDeck.PartneringLessonsDeck", "", 0, ())
        # The command toggles the deck, which stays open for the next document: closed again,
        # so that the next test opens it as this one did.
        self.addCleanup(dispatcher.executeDispatch, frame, ".uno:SidebarDeck.PartneringLessonsDeck", "", 0, ())
        search, results = self.panel_controls(frame)
        search.setText("stakeholdr mappng")
        items = wait_for(lambda: [c.getAccessibleName() for c in accessible_children(results)])
        self.assertEqual(results_of(items)[0][0], "Map stakeholders by their interest in and influence over the issue")
        # The line above the list, as a screen reader finds it: the rich text control is named
        # by its text.
        root = frame.getContainerWindow().getAccessibleContext()
        line = wait_for(lambda: find_accessible(
            root, lambda c: c.getAccessibleName() == "Showing results for: stakeholder mapping"))
        self.assertIsNotNone(line, "no line says what was searched instead")
        time.sleep(1.5)  # let the sidebar repaint
        path = self.display.screenshot(os.path.join(ARTIFACTS, "sidebar-searched-instead.png"))
        self.assertGreater(os.path.getsize(path), 10000)
        self.assertTrue(self.office.is_alive())


if __name__ == "__main__":
    unittest.main()
