"""The Lessons learned sidebar open while its folder library is rebuilt underneath it, on a
virtual display: Tools > Options' folder library (its settings, as the options page writes them)
opened in the panel from Partnering > Lessons learned (its dispatch URL); then, from the test,
`partnering index build` run again and again into the same index in the user profile, each time
from the folder's lessons changed (a marker lesson switching between an old and a new text, every
file touched so that the whole library is indexed again), while the user types searches into the
panel. Every search shows results of the old library or of the new one, never an error, and no
message box appears (user_path's watcher); after each of two last rebuilds, one at a time, the
next search shows the library as rebuilt. Writer still answers afterwards."""
import glob
import os
import shutil
import subprocess
import threading
import time
import unittest

from lessons_panel import PanelInTheSidebar, results_of, use_bundled_library, write_settings
from office import OfficeOnScreen
from user_path import UserSession, wait_for

OXT = os.environ["PARTNERING_OXT"]
CLI = os.environ["PARTNERING_CLI"]
SOURCE = os.environ["PARTNERING_SOURCE_DIR"]
ARTIFACTS = os.path.join(os.environ.get("PARTNERING_TEST_ARTIFACTS", "/tmp/partnering-test-artifacts"), "sidebar")

QUERY = "kestrel"  # a word only the marker lesson holds
OLD_TITLE = "Old library: count the kestrels before the partnership starts"
NEW_TITLE = "New library: count the kestrels again when the partnership ends"
MARKER = """<?xml version="1.0" encoding="UTF-8"?>
<lesson xmlns="urn:x-partnering:lesson:1" id="kestrel-marker" steps="1">
  <source>The library rebuild test</source>
  <text xml:lang="en">
    <title>%s</title>
    <summary>A kestrel count tells which library the panel reads.</summary>
    <body><p>Kestrel counts, made by every partner, show what changed.</p></body>
  </text>
</lesson>
"""
REBUILDS = 6
SEARCH_SECONDS = 30  # for the panel's answer to one search, on a loaded two-core machine


class LibraryRebuiltUnderTheSidebar(PanelInTheSidebar, UserSession, OfficeOnScreen, unittest.TestCase):
    OXT = OXT

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        try:
            os.makedirs(ARTIFACTS, exist_ok=True)
            # A folder of lesson files soffice's user reads, as Options > Browse... picks it.
            cls.folder = os.path.join(cls.office.workdir, "rebuilt-lessons")
            shutil.copytree(os.path.join(SOURCE, "index", "lessons"), cls.folder)
            cls.write_marker(OLD_TITLE)
            for path in [cls.folder] + glob.glob(os.path.join(cls.folder, "*")):
                os.chmod(path, 0o777 if os.path.isdir(path) else 0o666)
            cls.index = os.path.join(cls.office.profile_dir, "user", "partnering", "lessons")
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def write_marker(cls, title):
        path = os.path.join(cls.folder, "kestrel-marker.xml")
        with open(path + ".part", "w", encoding="utf-8") as f:
            f.write(MARKER % title)
        os.chmod(path + ".part", 0o666)
        os.replace(path + ".part", path)  # as an editor saves: the builder never reads half a file

    def rebuild(self, title):
        """The folder's marker changed to `title`, every file touched, and `partnering index
        build` run into the panel's index as soffice's own user (the profile is its)."""
        self.write_marker(title)
        now = time.time()
        for path in glob.glob(os.path.join(self.folder, "*.xml")):
            os.utime(path, (now, now))
        run = subprocess.run(self.office._as_user + [CLI, "index", "build", "--db", self.index, self.folder],
                             env=self.office._env, capture_output=True, text=True, timeout=300)
        self.assertEqual(run.returncode, 0, run.stderr)

    def said(self):
        """Everything the panel shows in words: its status and the preview or its problem."""
        return self.status() + " | " + self.preview_text()

    def titles(self):
        return [title for title, _ in results_of(self.rows())] if self.rows() else []

    def type_query(self, words, wanted=(OLD_TITLE, NEW_TITLE)):
        """Clicks into the search box, selects what is there, types `words` over it (the panel
        searches as the user types) and waits for a marker title of `wanted` in the list, or for
        an error: the titles the panel then lists."""
        self.keyboard.click(self.search)
        self.keyboard.key("ctrl+a")
        self.keyboard.type(words)
        wait_for(lambda: self.search.getText() == words, 10, "the search box to show %r" % words)
        wait_for(lambda: any(t in wanted for t in self.titles()) or "[partnering." in self.said(), SEARCH_SECONDS,
                 "the panel to list %s for %r (it lists %s; %s)" % (" or ".join(wanted), words, self.titles(), self.said()))
        return self.titles()

    def assert_old_or_new(self, titles, words):
        said = self.said()
        self.assertNotIn("[partnering.", said, "the panel shows an error for %r" % words)
        self.assertNotIn("cannot", said, "the panel shows an error for %r" % words)
        markers = [t for t in titles if t in (OLD_TITLE, NEW_TITLE)]
        self.assertEqual(len(markers), 1, "%r found %s (%s)" % (words, titles, said))
        return markers[0]

    # ---- the test ---------------------------------------------------------------------------
    def test_searches_during_rebuilds_show_old_or_new_and_the_new_after(self):
        write_settings(self.office, "Library", Source="folder", Folder=self.folder)
        write_settings(self.office, "General", Language="")
        self.addCleanup(use_bundled_library, self.office)
        document = self.office.desktop().loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
        self.addCleanup(document.close, True)
        window = document.getCurrentController().getFrame().getContainerWindow()
        window.setPosSize(0, 0, self.DISPLAY_SIZE[0], self.DISPLAY_SIZE[1], 15)
        self.open_panel(document)
        wait_for(lambda: self.status() != "Opening the lessons library...", 120, "the folder library to open")
        self.assertEqual(self.assert_old_or_new(self.type_query(QUERY, (OLD_TITLE,)), QUERY), OLD_TITLE)

        # Rebuilds from the test, one after the other, while the user searches.
        failures = []

        def rebuild_again_and_again():
            try:
                for round_ in range(REBUILDS):
                    self.rebuild(NEW_TITLE if round_ % 2 == 0 else OLD_TITLE)
                self.rebuild(NEW_TITLE)
            except BaseException as e:  # the main thread reports it
                failures.append(e)

        builder = threading.Thread(target=rebuild_again_and_again, daemon=True)
        builder.start()
        seen = set()
        searches = 0
        queries = [QUERY, QUERY + " partnership", QUERY + " count", QUERY + " partner"]
        while builder.is_alive() or searches < 4:
            words = queries[searches % len(queries)]
            seen.add(self.assert_old_or_new(self.type_query(words), words))
            searches += 1
        builder.join(300)
        self.assertFalse(failures, failures)
        self.display.screenshot(os.path.join(ARTIFACTS, "library-rebuilt-under-the-panel.png"))
        # After a rebuild, the next search shows the rebuilt library: one build after the panel
        # last searched, and another after that (Xapian lets a reader go on reading the revision
        # it opened for one more commit, so a panel that did not move on would show the old one).
        for title, words in ((OLD_TITLE, QUERY + " count"), (NEW_TITLE, QUERY + " again")):
            self.rebuild(title)
            self.assertEqual(self.assert_old_or_new(self.type_query(words, (title,)), words), title)
        print("%d searches during %d rebuilds; titles seen: %s" % (searches, REBUILDS + 1, sorted(seen)))

        text = document.getText()
        text.insertString(text.getEnd(), "Still editable.", False)
        self.assertTrue(text.getString().endswith("Still editable."))


if __name__ == "__main__":
    unittest.main()
