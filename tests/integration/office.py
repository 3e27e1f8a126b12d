"""Test fixtures over a real LibreOffice (scripts/private_office.py): documents closed after
each test, and one soffice per test class on a virtual display."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from private_office import Office, OfficeError  # noqa: E402,F401  (re-exported for the tests)


class ClosesItsDocuments:
    """A TestCase mixin for classes with an `office`: the documents a test opens with open()
    are closed after it, and soffice must still be answering then."""

    def setUp(self):
        self.documents = []

    def tearDown(self):
        for document in self.documents:
            document.close(True)
        self.assertTrue(self.office.is_alive(), "soffice stopped answering: %s" % self.office.death)

    def open(self, path=None):
        """`path` opened hidden, or a new empty Writer document."""
        document = self.office.load(path) if path else self.office.new_writer()
        self.documents.append(document)
        return document


class OfficeOnScreen:
    """A TestCase mixin: one soffice for the class, with the extension `OXT` installed and its
    windows on a virtual display (`display`, for screenshots) of DISPLAY_SIZE pixels; both
    stopped after the class. OFFICE_ENV adds to soffice's environment."""
    OXT = None
    DISPLAY_SIZE = (1280, 800)
    OFFICE_ENV = None

    @classmethod
    def setUpClass(cls):
        from xvfb import VirtualDisplay
        cls.display = VirtualDisplay(*cls.DISPLAY_SIZE).start()
        cls.office = Office(oxt=cls.OXT, display=cls.display.name, extra_env=cls.OFFICE_ENV)
        try:
            cls.office.start()
            cls.set_up_types_one_at_a_time()
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def set_up_types_one_at_a_time(cls):
        """LibreOffice 25.2 deadlocked (in a Debian 13 root, its threads seen in gdb) when two
        remote calls first used two of its classes at once: one held the SolarMutex and waited
        for cppuhelper's one-time set-up of a window's accessibility classes, the other held
        that set-up and waited for the SolarMutex to answer a Writer document's queryInterface.
        A test's first document and the message box watcher's thread reading the new window
        (user_path.TopWindows) did exactly that. Both set-ups are made here first, on this one
        thread, before any watcher runs."""
        document = cls.office.desktop().loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
        try:
            window = document.getCurrentController().getFrame().getContainerWindow()
            window.getAccessibleContext().getAccessibleRole()
        finally:
            document.close(True)

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()
        cls.display.stop()
