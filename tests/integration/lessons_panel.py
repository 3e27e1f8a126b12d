"""The Lessons learned panel as the tests see it: the lessons they look for, the panel made
through its factory with its controls at hand, the panel as a user opens it in Writer's
sidebar (read through accessibility), the document's citations, and the settings the options
page writes. Shared by test_sidebar, test_sidebar_user_path and test_library_rebuild."""
import socket
import time

import user_path

import uno  # noqa: F401  (after office: needs Debian's python3 and UNO_TYPES)
from com.sun.star.beans import PropertyValue

PANEL_URL = "private:resource/toolpanel/PartneringLessonsPanelFactory/PartneringLessonsPanel"
EXIT_LESSON_EN = "Set a lifespan and a clear exit strategy"
EXIT_LESSON_FR = "Fixer une durée de vie et une stratégie de sortie claire"
FOCAL_POINT_LESSON_EN = "Designate a focal point to steward the partnership"
EXIT_LESSON_SUMMARY_EN = "Some partnerships continue even though they no longer achieve results"
EXIT_LESSON_ID = "set-a-lifespan-and-exit-strategy"
BOLD = 150.0  # com.sun.star.awt.FontWeight.BOLD
# A result in the list: its title on a bullet (continued on a second row when long), then the
# line of its text that starts at the first match, indented further.
BULLET, TITLE_CONTINUED, SNIPPET_INDENT = "• ", "   ", "      "


def results_of(rows):
    """The list's rows as results: [(title, snippet)], titles joined back from their rows."""
    results = []
    for row in rows:
        if row.startswith(BULLET):
            results.append([row[len(BULLET):], ""])
        elif row.startswith(SNIPPET_INDENT):
            results[-1][1] = row[len(SNIPPET_INDENT):]
        elif row.startswith(TITLE_CONTINUED):
            results[-1][0] += " " + row[len(TITLE_CONTINUED):]
        else:
            raise AssertionError("a result row of no known kind: %r" % row)
    return [tuple(result) for result in results]


def prop(name, value):
    return PropertyValue(Name=name, Value=value)


def write_settings(office, group, **values):
    """What the options page writes: /org.partnering.journey.Settings/<group>."""
    provider = office.create("com.sun.star.configuration.ConfigurationProvider")
    node = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (prop("nodepath", "/org.partnering.journey.Settings/" + group),))
    for name, value in values.items():
        node.replaceByName(name, value)
    node.commitChanges()


def use_bundled_library(office, language=""):
    write_settings(office, "Library", Source="bundled", Folder="")
    write_settings(office, "General", Language=language)


def new_writer(office, hidden=True, text=""):
    document = office.desktop().loadComponentFromURL("private:factory/swriter", "_blank", 0,
                                                     (prop("Hidden", hidden),))
    if text:
        document.getText().setString(text)
        document.getCurrentController().getViewCursor().gotoEnd(False)
    return document


def bibliography_ids(document):
    """The identifiers of the bibliography fields in `document`'s text, in no set order."""
    found = []
    fields = document.getTextFields().createEnumeration()
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService("com.sun.star.text.TextField.Bibliography"):
            found += [value.Value for value in field.Fields if value.Name == "Identifier"]
    return found


def paragraphs(document):
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        paragraph = enumeration.nextElement()
        if paragraph.supportsService("com.sun.star.text.Paragraph"):
            yield paragraph


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Panel:
    """Our panel created through the factory, as the sidebar creates it."""

    def __init__(self, office, document):
        factory = office.create("org.partnering.LessonsPanelFactory")
        frame = document.getCurrentController().getFrame()
        # As wide as a sidebar on a wide screen: result rows are fitted to the panel's width.
        frame.getContainerWindow().setPosSize(0, 0, 420, 900, 15)
        self.element = factory.createUIElement(PANEL_URL, (prop("Frame", frame),
                                                           prop("ParentWindow", frame.getContainerWindow())))
        self.panel = self.element.getRealInterface()
        self.window = self.panel.Window  # an IDL attribute: a property in Python

    def control(self, name):
        control = self.window.getControl(name)
        assert control is not None, "the panel has no control " + name
        return control

    def type(self, text):
        self.control("search").setText(text)

    def lines(self):
        return list(self.control("results").getItems())

    def headings(self):
        return [title for title, _ in results_of(self.lines())]

    def snippets(self):
        return [snippet for _, snippet in results_of(self.lines())]

    def status(self):
        return self.control("status").getModel().Label

    def preview(self):
        return self.control("preview").getText()

    def searched_instead(self):
        """The line above the results saying what was searched instead: its text, or None
        while it is hidden."""
        control = self.control("searchedInstead")
        return control.getText() if control.getPeer() is not None and control.getPeer().isVisible() else None

    def preview_runs(self, name="preview"):
        """The text runs of the preview (or of the rich text control `name`) with their posture
        and weight (Asian weight for Chinese text, which the edit engine keeps apart),
        paragraph after paragraph."""
        runs = []
        texts = self.control(name).getModel().createEnumeration()
        while texts.hasMoreElements():
            portions = texts.nextElement().createEnumeration()
            while portions.hasMoreElements():
                portion = portions.nextElement()
                text = portion.getString()
                asian = any("\u3000" <= c <= "\u9fff" for c in text)
                runs.append((text, portion.CharPosture,
                             portion.CharWeightAsian if asian else portion.CharWeight))
        return runs

    # A choice in a list reaches the panel as the toolkit reports a user's click: through the
    # model's SelectedItems (XListBox.selectItemPos on a drop-down leaves the model unchanged).
    def select(self, heading):
        rows = self.lines()
        first_rows = [i for i, row in enumerate(rows) if row.startswith(BULLET)]
        self.control("results").getModel().SelectedItems = (first_rows[self.headings().index(heading)],)

    def choose(self, filter_name, label_prefix):
        control = self.control(filter_name)
        items = list(control.getItems())
        matching = [i for i, item in enumerate(items) if item.startswith(label_prefix)]
        assert matching, "%s has no entry %r: %r" % (filter_name, label_prefix, items)
        before = (self.status(), self.lines(), list(control.getItems()))
        control.getModel().SelectedItems = (matching[0],)
        # The panel searches right after the list's own selection handling (see LessonsView).
        wait_for(lambda: (self.status(), self.lines(), list(control.getItems())) != before, timeout=3)
        return items[matching[0]]

    def press_insert(self):
        button = self.control("insertCitation")
        context = button.getPeer().getAccessibleContext()
        self.assert_true(context.doAccessibleAction(0))

    @staticmethod
    def assert_true(value):
        assert value

    def insert_enabled(self):
        return self.control("insertCitation").getModel().Enabled

    def dispose(self):
        self.element.dispose()


class PanelInTheSidebar:
    """A TestCase mixin (with user_path.UserSession): the panel opened from Partnering > Lessons
    learned, as a user opens it, and what it shows, read through accessibility. `ui` gives a
    text as the UI shows it; subclasses with another UI language override it."""
    SEARCH_LABEL = "Search the lessons learned:"

    def ui(self, english):
        return english

    def open_panel(self, document, timeout=60):
        self.menu(document, "Lessons").wait()
        window = document.getCurrentController().getFrame().getContainerWindow()
        label = user_path.wait_for(lambda: user_path.find(window, "LABEL", self.ui(self.SEARCH_LABEL)), timeout,
                                   "the Lessons learned panel in the sidebar")
        self.panel = label.getAccessibleParent()
        self.search = user_path.wait_for(lambda: user_path.find(self.panel, "TEXT"), 10, "the search box")
        self.results = user_path.wait_for(
            lambda: user_path.find(self.panel, "LIST", where=lambda c: not self.in_a_filter(c)), 10, "the result list")

    @staticmethod
    def in_a_filter(context):
        return context.getAccessibleParent().getAccessibleContext().getAccessibleRole() == user_path.role("COMBO_BOX")

    def rows(self):
        return [self.results.getAccessibleChild(i).getAccessibleContext().getAccessibleName()
                for i in range(self.results.getAccessibleChildCount())]

    def status(self):
        return user_path.find(self.panel, "LABEL", where=lambda c: c.getAccessibleName() != self.ui(self.SEARCH_LABEL)
                              ).getAccessibleName()

    def preview_text(self):
        """The preview as a screen reader reads it: the rich text control names itself by its
        text. It is a SCROLL_PANE in LibreOffice 7.4 and a PANEL in 25.2, which has other
        panels: there, the one showing a lesson (its source first) is the preview."""
        preview = user_path.find(self.panel, "SCROLL_PANE") or user_path.find(
            self.panel, "PANEL", where=lambda c: c.getAccessibleName().startswith(self.ui("Source:")))
        return preview.getAccessibleName() if preview is not None else ""


def accessible_children(context):
    for index in range(context.getAccessibleChildCount()):
        child = context.getAccessibleChild(index)
        if child is not None:
            yield child.getAccessibleContext()


def find_accessible(context, predicate, depth=0):
    if predicate(context):
        return context
    if depth > 40:
        return None
    for child in accessible_children(context):
        found = find_accessible(child, predicate, depth + 1)
        if found is not None:
            return found
    return None


def wait_for(condition, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    return condition()
