"""Tools > Options > Partnering Journey's handler inside a real headless LibreOffice: our page
(the built dialogs/Options.xdl, its texts resolved from the generated string resources) shows
the settings, saving it switches the lessons library to a folder of lesson files (indexed into
the profile) and back, and a bad folder is reported while soffice keeps running.
test_options_user_path drives the same page from Tools > Options on a display, as a user does
(choosing, Browse..., Test connection, OK)."""
import glob
import os
import shutil
import socket
import time
import unittest

from office import Office

import uno  # noqa: F401  (after office: needs Debian's python3 and UNO_TYPES)
from com.sun.star.beans import PropertyValue
from test_dispatch import ResultListener, url

OXT = os.environ["PARTNERING_OXT"]
SOURCE = os.environ["PARTNERING_SOURCE_DIR"]
SETTINGS = "/org.partnering.journey.Settings/Library"


class OptionsPageInLibreOffice(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = Office(oxt=OXT).start()
        cls.document = cls.office.desktop().loadComponentFromURL(
            "private:factory/swriter", "_blank", 0, (PropertyValue(Name="Hidden", Value=True),))
        provider = cls.office.context.getValueByName(
            "/singletons/com.sun.star.deployment.PackageInformationProvider")
        cls.extension = provider.getPackageLocation("org.partnering.journey")
        # A folder of three lessons the unprivileged soffice user can read.
        cls.folder = os.path.join(cls.office.workdir, "my-lessons")
        os.makedirs(cls.folder)
        cls.lessons = sorted(glob.glob(os.path.join(SOURCE, "index", "lessons", "*.xml")))
        for lesson in cls.lessons[:3]:
            shutil.copy(lesson, cls.folder)
        for path in [cls.folder] + glob.glob(os.path.join(cls.folder, "*")):
            os.chmod(path, 0o755 if os.path.isdir(path) else 0o644)

    @classmethod
    def tearDownClass(cls):
        cls.document.close(True)
        cls.office.stop()

    def tearDown(self):
        self.assertTrue(self.office.is_alive(), "soffice stopped answering: %s" % self.office.death)

    def page(self):
        handler = self.office.create("org.partnering.OptionsPage")
        self.assertIsNotNone(handler, "org.partnering.OptionsPage is not registered")
        parent = self.document.getCurrentController().getFrame().getContainerWindow()
        provider = self.office.create("com.sun.star.awt.ContainerWindowProvider")
        window = provider.createContainerWindow(self.extension + "/dialogs/Options.xdl", "", parent, handler)
        self.assertTrue(handler.callHandlerMethod(window, "initialize", "external_event"))
        return handler, window

    def settings(self):
        provider = self.office.create("com.sun.star.configuration.ConfigurationProvider")
        return provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess", (PropertyValue(Name="nodepath", Value=SETTINGS),))

    def about(self):
        frame = self.document.getCurrentController().getFrame()
        listener = ResultListener()
        frame.queryDispatch(url("org.partnering.journey:About"), "", 0).dispatchWithNotification(
            url("org.partnering.journey:About"), (), listener)
        return listener.result.Result

    def choose(self, radio, folder=None, server=None):
        handler, window = self.page()
        window.getControl(radio).setState(True)
        if folder is not None:
            window.getControl("FolderField").setText(folder)
        if server is not None:
            window.getControl("HostField").setText(server[0])
            window.getControl("PortField").setValue(server[1])
        self.assertTrue(handler.callHandlerMethod(window, "ok", "external_event"))
        return window

    def test_page_shows_the_defaults_with_its_texts_resolved(self):
        _, window = self.page()
        self.assertTrue(window.getControl("BundledRadio").getState())
        self.assertFalse(window.getControl("FolderRadio").getState())
        # The model keeps the resource key; the window shows the resolved text.
        self.assertEqual(window.getControl("BundledRadio").getModel().Label, "&Options.BundledRadio.value")
        self.assertEqual(window.getControl("BundledRadio").getPeer().getProperty("Label"),
                         "The lessons that come with the extension")
        self.assertEqual(window.getControl("TestButton").getPeer().getProperty("HelpText"),
                         "Tries the server and port above now, before you save them.")
        self.assertEqual(window.getControl("PortField").getValue(), 7777)
        items = window.getControl("LanguageList").getItems()
        self.assertIn("français (fr)", items)
        self.assertIn("العربية (ar)", items)

    def test_switching_to_a_folder_library_and_back(self):
        self.choose("FolderRadio", self.folder)
        self.assertEqual(self.settings().getByName("Source"), "folder")
        self.assertEqual(self.settings().getByName("Folder"), self.folder)
        about = self.about()
        self.assertIn(self.folder, about)
        self.assertIn("Lessons: 3", about)

        self.choose("BundledRadio")
        self.assertEqual(self.settings().getByName("Source"), "bundled")
        self.assertIn("Lessons: %d" % len(self.lessons), self.about())

    def test_a_missing_folder_is_reported_and_soffice_goes_on(self):
        self.choose("FolderRadio", os.path.join(self.office.workdir, "no-such-folder"))
        about = self.about()
        self.assertIn("[partnering.settings.no-folder]", about)
        self.assertTrue(self.office.is_alive())
        self.choose("BundledRadio")
        self.assertIn("Lessons: %d" % len(self.lessons), self.about())

    def test_about_does_not_wait_for_a_silent_server(self):
        # It accepts the connection and then says nothing, as a server behind a dead link.
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        self.addCleanup(silent.close)
        self.choose("RemoteRadio", server=("127.0.0.1", silent.getsockname()[1]))
        self.assertEqual(self.settings().getByName("Source"), "remote")
        started = time.monotonic()
        about = self.about()
        self.assertLess(time.monotonic() - started, 5, "About waited for the server")
        self.assertIn("127.0.0.1:%d" % silent.getsockname()[1], about)
        self.assertIn("Opening the lessons library...", about)
        # The three sources are one group of radio buttons: choosing one clears the others.
        window = self.choose("BundledRadio", server=("localhost", 7777))
        self.assertFalse(window.getControl("RemoteRadio").getState())
        self.assertEqual(self.settings().getByName("Source"), "bundled")



class OfficeEndsWhileTheLibraryOpens(unittest.TestCase):
    """The thread that opens the library in the background is joined when the office
    terminates: an office told to end while a silent server is being tried ends cleanly,
    once the try has timed out, rather than hanging or being cut off mid-call."""

    def test_the_office_terminates_while_a_silent_server_is_tried(self):
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        self.addCleanup(silent.close)
        office = Office(oxt=OXT).start()
        self.addCleanup(office.stop)
        provider = office.create("com.sun.star.configuration.ConfigurationProvider")
        library = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess", (PropertyValue(Name="nodepath", Value=SETTINGS),))
        library.replaceByName("Source", "remote")
        library.replaceByName("Host", "127.0.0.1")
        library.replaceByName("Port", silent.getsockname()[1])
        library.commitChanges()
        document = office.desktop().loadComponentFromURL(
            "private:factory/swriter", "_blank", 0, (PropertyValue(Name="Hidden", Value=True),))
        frame = document.getCurrentController().getFrame()
        listener = ResultListener()
        frame.queryDispatch(url("org.partnering.journey:About"), "", 0).dispatchWithNotification(
            url("org.partnering.journey:About"), (), listener)
        self.assertIn("Opening the lessons library...", listener.result.Result)  # the open goes on
        started = time.monotonic()
        try:
            office.desktop().terminate()
        except Exception:
            pass  # the bridge may go down with the office before the call returns
        office.process.wait(timeout=30)
        # The server's silence is waited out (the core's 5 s from the About, 2 s of which About
        # waited): the thread was joined, not cut off with the process, nor left hanging.
        ended = time.monotonic() - started
        self.assertGreater(ended, 2, "soffice ended before the open it had under way")
        self.assertLess(ended, 20)
        self.assertEqual(office.process.returncode, 0, "soffice did not end cleanly; see %s" % office._log.name)


if __name__ == "__main__":
    unittest.main()
