"""Tools > Options > Partnering Journey > Lessons library as the user reaches it, on a virtual
display: Tools > Options is dispatched on the document's frame as the menu does, the page is
chosen in the options tree through accessibility, and the page's own controls are clicked and
typed into. Browse... opens LibreOffice's folder picker, which is driven to a folder of lesson
files; Test connection tries a real xapian-tcpsrv, a closed port and a server that never
answers, while the dialog keeps answering; OK saves what the page shows. Screenshots of the page
at 1280x800 and 1024x768 go to $PARTNERING_TEST_ARTIFACTS/options/."""
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest

from office import OfficeOnScreen

import uno  # noqa: F401  (after office: needs Debian's python3 and UNO_TYPES)
from com.sun.star.accessibility.AccessibleStateType import ENABLED
from com.sun.star.beans import PropertyValue
from user_path import UserSession, find, plain, press, text_of, wait_for

OXT = os.environ["PARTNERING_OXT"]
SOURCE = os.environ["PARTNERING_SOURCE_DIR"]
CLI = os.environ["PARTNERING_CLI"]
ARTIFACTS = os.path.join(os.environ.get("PARTNERING_TEST_ARTIFACTS", tempfile.gettempdir()), "options")
SETTINGS = "/org.partnering.journey.Settings/Library"
LESSONS = sorted(glob.glob(os.path.join(SOURCE, "index", "lessons", "*.xml")))

BUNDLED = "The lessons that come with the extension"
FOLDER = "A folder of lesson files on this computer"
REMOTE = "Your organisation's shared library on a server"
PICKER = "Choose the folder of lesson files"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def enabled(context):
    return context.getAccessibleStateSet().contains(ENABLED)


class OptionsDialog:
    """Tools > Options opened on a document as its menu entry does (the dispatch blocks while
    the modal dialog is open, so it runs in a thread), on the Partnering Journey page."""

    def __init__(self, test, document):
        self.test = test
        frame = document.getCurrentController().getFrame()

        def focused():  # right after the window opens its peer may not offer focus yet
            try:
                frame.getContainerWindow().setFocus()
                return True
            except AttributeError:
                return False
        wait_for(focused, 30, "the document window to take focus")
        command = uno.createUnoStruct("com.sun.star.util.URL")
        command.Complete = ".uno:OptionsTreeDialog"
        _, command = test.office.create("com.sun.star.util.URLTransformer").parseStrict(command)
        dispatch = frame.queryDispatch(command, "", 0)
        test.assertIsNotNone(dispatch, "Tools > Options is not available on the document")
        self.failure = []
        self.thread = threading.Thread(target=self._run, args=(dispatch, command), daemon=True)
        self.thread.start()
        self.window = wait_for(self._shown, 60, "the Options dialog")

    def _run(self, dispatch, command):
        try:
            dispatch.dispatch(command, ())
        except Exception as e:
            self.failure.append(e)

    def _shown(self):
        for window, _, title in self.test.windows.dialogs():
            if title.startswith("Options - "):
                return window
        return None

    def title(self):
        return self.window.getAccessibleContext().getAccessibleName()

    def choose_our_page(self):
        """Partnering Journey > Lessons library in the options tree, selected as a click does."""
        # Looked up whether scrolled into view or not: selecting, as a click would, shows it.
        entry = wait_for(lambda: find(self.window, "TREE_ITEM", "Partnering Journey", visible=False), 20,
                         "our entry in the tree")
        leaf = find(entry, "TREE_ITEM", "Lessons library", visible=False)
        self.test.assertIsNotNone(leaf, "Partnering Journey has no Lessons library page")
        entry.selectAccessibleChild(leaf.getAccessibleIndexInParent())
        wait_for(lambda: self.control("RADIO_BUTTON", BUNDLED), 20, "the Lessons library page")
        wait_for(lambda: self.title() == "Options - Partnering Journey - Lessons library", 10, "the page's title")
        return self

    def control(self, role_name, name):
        return find(self.window, role_name, name)

    def click(self, role_name, name):
        control = self.control(role_name, name)
        self.test.assertIsNotNone(control, "no %s '%s' on the page" % (role_name, name))
        control.doAccessibleAction(0)
        return control

    def field(self, label):
        return self.control("TEXT", label) or self.control("SPIN_BOX", label)

    def type_into(self, label, text):
        """Puts the cursor in the field labelled `label` and types `text` over its content."""
        field = self.field(label)
        self.test.assertIsNotNone(field, "no field '%s'" % label)
        field.grabFocus()
        wait_for(lambda: field.getAccessibleStateSet().contains(
            uno.getConstantByName("com.sun.star.accessibility.AccessibleStateType.FOCUSED")), 10,
            "the cursor in '%s'" % label)
        self.test.keyboard.key("ctrl+a")
        self.test.keyboard.type(text)
        wait_for(lambda: field.getText() == text, 10, "'%s' typed into '%s' (it shows '%s')"
                 % (text, label, field.getText()))

    def connection_status(self):
        """What the page says about the connection test: the label under Test connection."""
        prefixes = ("Connecting to", "Connected", "No answer", "The server", "Something answered", "No server",
                    "Type the")
        label = find(self.window, "LABEL", where=lambda c: c.getAccessibleName().startswith(prefixes))
        return label.getAccessibleName() if label is not None else ""

    def close(self, button):
        press(self.window, button)
        self.test.windows.wait_gone(self.window, 30, "the Options dialog to close")
        self.thread.join(30)
        self.test.assertFalse(self.thread.is_alive(), "Tools > Options did not return")
        self.test.assertFalse(self.failure, self.failure)

    def screenshot(self, name):
        time.sleep(0.7)  # let the page repaint
        return self.test.display.screenshot(os.path.join(ARTIFACTS, name))


class OptionsOnScreen(UserSession, OfficeOnScreen):
    OXT = OXT
    DISPLAY_SIZE = (1280, 800)

    @classmethod
    def setUpClass(cls):
        os.makedirs(ARTIFACTS, exist_ok=True)
        super().setUpClass()
        try:
            cls.document = cls.office.desktop().loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
        except BaseException:
            cls.tearDownClass()
            raise

    def open_page(self):
        return OptionsDialog(self, self.document).choose_our_page()

    def settings(self):
        provider = self.office.create("com.sun.star.configuration.ConfigurationProvider")
        return provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess", (PropertyValue(Name="nodepath", Value=SETTINGS),))

    def size_name(self):
        return "%dx%d" % self.DISPLAY_SIZE


class OptionsPageAsTheUserSeesIt(OptionsOnScreen, unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A folder of three lesson files the unprivileged soffice user can read.
        cls.folder = os.path.join(cls.office.workdir, "my-lessons")
        os.makedirs(cls.folder)
        for lesson in LESSONS[:3]:
            shutil.copy(lesson, cls.folder)
        for path in [cls.folder] + glob.glob(os.path.join(cls.folder, "*")):
            os.chmod(path, 0o755 if os.path.isdir(path) else 0o644)
        # The organisation's shared library: every lesson, indexed by our CLI, served by
        # xapian-tcpsrv in a process group of its own (it forks per connection).
        cls.database = os.path.join(cls.office.workdir, "shared-library")
        subprocess.run([CLI, "index", "build", "--db", cls.database, os.path.join(SOURCE, "index", "lessons")],
                       check=True, capture_output=True)
        cls.port = free_port()
        cls.server = subprocess.Popen(["xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
                                       str(cls.port), cls.database], start_new_session=True,
                                      stderr=subprocess.DEVNULL)

        def listening():
            with socket.socket() as probe:
                return probe.connect_ex(("127.0.0.1", cls.port)) == 0
        wait_for(listening, 30, "xapian-tcpsrv")

    @classmethod
    def tearDownClass(cls):
        server = getattr(cls, "server", None)
        if server is not None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        super().tearDownClass()

    def test_1_the_controls_follow_the_source_chosen_and_speak_plainly(self):
        page = self.open_page()
        try:
            self.assertTrue(page.control("RADIO_BUTTON", BUNDLED).getAccessibleStateSet().contains(
                uno.getConstantByName("com.sun.star.accessibility.AccessibleStateType.CHECKED")))
            words = text_of(page.window)
            self.assertNotIn("xapian", words.lower())
            for label in (BUNDLED, FOLDER, REMOTE, "Folder:", "Server:", "Port:"):
                self.assertIn(label, words)

            def usable():
                return {name: enabled(page.control(kind, name)) for kind, name in
                        (("TEXT", "Folder:"), ("PUSH_BUTTON", "Browse"), ("TEXT", "Server:"),
                         ("SPIN_BOX", "Port:"), ("PUSH_BUTTON", "Test connection"))}
            self.assertEqual(set(usable().values()), {False}, "the bundled library needs no folder nor server")
            page.screenshot("page-%s-bundled.png" % self.size_name())

            page.click("RADIO_BUTTON", FOLDER)
            wait_for(lambda: usable()["Browse"], 10, "Browse enabled by the folder choice")
            self.assertEqual(usable(), {"Folder:": True, "Browse": True, "Server:": False, "Port:": False,
                                        "Test connection": False})
            page.click("RADIO_BUTTON", REMOTE)
            wait_for(lambda: usable()["Test connection"], 10, "Test connection enabled by the server choice")
            self.assertEqual(usable(), {"Folder:": False, "Browse": False, "Server:": True, "Port:": True,
                                        "Test connection": True})
            # Every control carries a help text: the tooltip a user hovers for.
            for kind, name in (("RADIO_BUTTON", BUNDLED), ("RADIO_BUTTON", FOLDER), ("RADIO_BUTTON", REMOTE),
                               ("PUSH_BUTTON", "Browse"), ("PUSH_BUTTON", "Test connection"),
                               ("TEXT", "Server:"), ("SPIN_BOX", "Port:")):
                self.assertTrue(page.control(kind, name).getToolTipText(), "%s has no help text" % name)
            page.screenshot("page-%s-remote.png" % self.size_name())
        finally:
            page.close("Cancel")
        self.assertEqual(self.settings().getByName("Source"), "bundled", "Cancel saved the page")

    def test_2_browse_picks_a_folder_in_the_folder_picker_and_ok_saves_it(self):
        page = self.open_page()
        try:
            page.click("RADIO_BUTTON", FOLDER)
            wait_for(lambda: enabled(page.control("PUSH_BUTTON", "Browse")), 10, "Browse enabled")
            # The click opens a modal picker: from a thread of its own.
            threading.Thread(target=press, args=(page.window, "Browse"), daemon=True).start()
            picker = self.windows.wait_dialog(PICKER, 30)
            path = wait_for(lambda: find(picker, "TEXT", "Path:"), 20, "the picker's Path field")
            path.grabFocus()
            self.keyboard.key("ctrl+a")
            self.keyboard.type(self.folder)
            try:
                wait_for(lambda: path.getText().rstrip("/") == self.folder, 5, "the folder typed in the picker")
            except AssertionError:
                # The picker's own autocompletion races synthetic keys on a loaded machine
                # ("myl-sesons"): its field is LibreOffice's, not ours, so it may be set directly.
                path.setText(self.folder)
            wait_for(lambda: path.getText().rstrip("/") == self.folder, 10,
                     "the folder typed in the picker (it shows '%s')" % path.getText())
            page.screenshot("folder-picker-%s.png" % self.size_name())
            press(picker, "Select")
            self.windows.wait_gone(picker, 30, "the folder picker to close")
            field = page.field("Folder:")
            wait_for(lambda: field.getText() == self.folder, 10,
                     "the picked folder in the page (it shows '%s')" % field.getText())
            page.screenshot("page-%s-folder-picked.png" % self.size_name())
        except BaseException:
            page.close("Cancel")
            raise
        page.close("OK")
        settings = self.settings()
        self.assertEqual(settings.getByName("Source"), "folder")
        self.assertEqual(settings.getByName("Folder"), self.folder)

        # Opened again, the page shows what was saved, and the picker starts in that folder.
        page = self.open_page()
        try:
            self.assertTrue(enabled(page.control("PUSH_BUTTON", "Browse")))
            self.assertEqual(page.field("Folder:").getText(), self.folder)
            threading.Thread(target=press, args=(page.window, "Browse"), daemon=True).start()
            picker = self.windows.wait_dialog(PICKER, 30)
            self.assertEqual(find(picker, "TEXT", "Path:").getText().rstrip("/"), self.folder)
            press(picker, "Cancel")
            self.windows.wait_gone(picker, 30, "the folder picker to close")
            self.assertEqual(page.field("Folder:").getText(), self.folder, "Cancel in the picker changed the field")
        finally:
            page.close("Cancel")

    def test_3_test_connection_counts_the_lessons_of_a_real_server(self):
        page = self.open_page()
        try:
            page.click("RADIO_BUTTON", REMOTE)
            wait_for(lambda: enabled(page.control("PUSH_BUTTON", "Test connection")), 10, "Test connection enabled")
            page.type_into("Server:", "127.0.0.1")
            page.type_into("Port:", str(self.port))
            page.click("PUSH_BUTTON", "Test connection")
            expected = "Connected. Lessons in this library: %d." % len(LESSONS)
            wait_for(lambda: page.connection_status() == expected, 15,
                     "'%s' (the page says '%s')" % (expected, page.connection_status()))
            page.screenshot("page-%s-connected.png" % self.size_name())
            # Nothing was saved by the test.
            self.assertEqual(self.settings().getByName("Port"), 7777)
        finally:
            page.close("Cancel")

    def test_4_a_dead_port_and_a_silent_server_are_said_plainly_while_the_dialog_answers(self):
        dead = free_port()  # bound and closed again: nothing listens there
        silent = socket.socket()  # the kernel accepts connections; nobody ever answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        self.addCleanup(silent.close)
        page = self.open_page()
        try:
            page.click("RADIO_BUTTON", REMOTE)
            wait_for(lambda: enabled(page.control("PUSH_BUTTON", "Test connection")), 10, "Test connection enabled")
            page.type_into("Server:", "127.0.0.1")
            page.type_into("Port:", str(dead))
            started = time.monotonic()
            page.click("PUSH_BUTTON", "Test connection")
            refused = "The server 127.0.0.1 refused the connection: nothing is listening on port %d." % dead
            wait_for(lambda: page.connection_status().startswith(refused), 10,
                     "the refusal (the page says '%s')" % page.connection_status())
            self.assertLess(time.monotonic() - started, 5)
            page.screenshot("page-%s-refused.png" % self.size_name())

            page.type_into("Port:", str(silent.getsockname()[1]))
            started = time.monotonic()
            page.click("PUSH_BUTTON", "Test connection")
            wait_for(lambda: page.connection_status().startswith("Connecting to 127.0.0.1:"), 5,
                     "the test under way (the page says '%s')" % page.connection_status())
            # While the server keeps silent the dialog answers: the button waits for the
            # outcome, and the server field takes what is typed.
            self.assertFalse(enabled(page.control("PUSH_BUTTON", "Test connection")))
            page.type_into("Server:", "still answering")
            self.assertLess(time.monotonic() - started, 3, "typing waited for the silent server")
            page.screenshot("page-%s-connecting.png" % self.size_name())
            wait_for(lambda: page.connection_status().startswith("No answer from 127.0.0.1:%d within 3 seconds."
                                                                  % silent.getsockname()[1]), 15,
                     "the silence reported (the page says '%s')" % page.connection_status())
            self.assertLess(time.monotonic() - started, 10)
            wait_for(lambda: enabled(page.control("PUSH_BUTTON", "Test connection")), 5, "Test connection again")
            page.screenshot("page-%s-no-answer.png" % self.size_name())
        finally:
            page.close("Cancel")

    def test_5_ok_saves_the_shared_library_typed(self):
        page = self.open_page()
        try:
            page.click("RADIO_BUTTON", REMOTE)
            wait_for(lambda: enabled(page.field("Server:")), 10, "the server field enabled")
            page.type_into("Server:", "127.0.0.1")
            page.type_into("Port:", str(self.port))
        except BaseException:
            page.close("Cancel")
            raise
        page.close("OK")
        settings = self.settings()
        self.assertEqual(settings.getByName("Source"), "remote")
        self.assertEqual(settings.getByName("Host"), "127.0.0.1")
        self.assertEqual(settings.getByName("Port"), self.port)
        # Opened again, the page shows the shared library with its server.
        page = self.open_page()
        try:
            self.assertTrue(page.control("RADIO_BUTTON", REMOTE).getAccessibleStateSet().contains(
                uno.getConstantByName("com.sun.star.accessibility.AccessibleStateType.CHECKED")))
            self.assertEqual(page.field("Server:").getText(), "127.0.0.1")
            self.assertFalse(enabled(page.control("PUSH_BUTTON", "Browse")))
        finally:
            page.close("Cancel")

    def test_6_ok_while_a_silent_server_is_tried_closes_the_dialog_within_the_tests_timeout(self):
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        self.addCleanup(silent.close)
        page = self.open_page()
        try:
            page.click("RADIO_BUTTON", REMOTE)
            wait_for(lambda: enabled(page.field("Server:")), 10, "the server field enabled")
            page.type_into("Server:", "127.0.0.1")
            page.type_into("Port:", str(silent.getsockname()[1]))
            page.click("PUSH_BUTTON", "Test connection")
            wait_for(lambda: page.connection_status().startswith("Connecting to"), 5, "the test under way")
        except BaseException:
            page.close("Cancel")
            raise
        # The page goes away with its test under way: its thread is joined (at most the
        # test's 3 seconds), and the outcome that comes later finds no page to show it in.
        started = time.monotonic()
        page.close("OK")
        self.assertLess(time.monotonic() - started, 8)
        self.assertEqual(self.settings().getByName("Port"), silent.getsockname()[1])
        time.sleep(4)  # the silent server's outcome would arrive by now
        self.assertTrue(self.office.is_alive())
        page = self.open_page()  # and the page works again
        try:
            self.assertEqual(page.connection_status(), "")
            self.assertTrue(enabled(page.control("PUSH_BUTTON", "Test connection")))
        finally:
            page.close("Cancel")


class OptionsPageOnASmallScreen(OptionsOnScreen, unittest.TestCase):
    """1024x768: the page with each source chosen fits in the Options dialog, on the screen."""
    DISPLAY_SIZE = (1024, 768)

    def test_every_control_of_the_page_is_inside_the_dialog(self):
        page = self.open_page()
        try:
            dialog = page.window.getAccessibleContext()
            origin, size = dialog.getLocationOnScreen(), dialog.getSize()
            self.assertLessEqual(origin.X + size.Width, self.DISPLAY_SIZE[0])
            self.assertLessEqual(origin.Y + size.Height, self.DISPLAY_SIZE[1])
            for choice, shot in ((FOLDER, "folder"), (REMOTE, "remote")):
                page.click("RADIO_BUTTON", choice)
                page.screenshot("page-%s-%s.png" % (self.size_name(), shot))
                for kind, name in (("RADIO_BUTTON", BUNDLED), ("RADIO_BUTTON", FOLDER), ("RADIO_BUTTON", REMOTE),
                                   ("TEXT", "Folder:"), ("PUSH_BUTTON", "Browse"), ("TEXT", "Server:"),
                                   ("SPIN_BOX", "Port:"), ("PUSH_BUTTON", "Test connection")):
                    control = page.control(kind, name)
                    where, extent = control.getLocationOnScreen(), control.getSize()
                    self.assertTrue(origin.X <= where.X and where.X + extent.Width <= origin.X + size.Width
                                    and origin.Y <= where.Y and where.Y + extent.Height <= origin.Y + size.Height,
                                    "%s lies outside the dialog" % plain(name))
        finally:
            page.close("Cancel")


if __name__ == "__main__":
    unittest.main()
