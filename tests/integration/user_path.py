"""What a user does and sees, driven from a test: a menu command dispatched exactly as a menu
click does it, a dialog's own buttons pressed through accessibility, keys typed with xdotool on
the virtual display, and a watcher over the toolkit's top windows that fails a test on any
message box it did not expect (with the box's text in the failure).

Use it with OfficeOnScreen (office.py): modal dialogs only run with a display.
"""
import os
import subprocess
import threading
import time

import uno  # noqa: F401  (after office: needs Debian's python3 and UNO_TYPES)
import unohelper
from com.sun.star.awt import XTopWindowListener
from com.sun.star.datatransfer.clipboard import XClipboardListener


def role(name):
    return uno.getConstantByName("com.sun.star.accessibility.AccessibleRole." + name)


def known_roles(*names):
    """The roles of `names` that this LibreOffice defines: newer ones added roles (STATIC came
    after 7.4), so a test that runs in several versions lists what each one says."""
    found = set()
    for name in names:
        try:
            found.add(role(name))
        except Exception:
            pass
    return found


# A box of read-only paragraphs that names itself by its text (the wizard's message under the
# questions) is a SCROLL_PANE in LibreOffice 7.4 and STATIC in 25.2.
READ_ONLY_PARAGRAPHS = ("SCROLL_PANE", "STATIC")
# The header rows of a table control are tables of their own, with these fixed names.
TABLE_HEADERS = ("ColumnHeaderBar", "RowHeaderBar")


def plain(label):
    """A label as the user reads it: without the mnemonic marker."""
    return (label or "").replace("~", "")


def wait_for(condition, timeout=30, what="condition", interval=0.1):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out after %ds waiting for %s" % (timeout, what))
        time.sleep(interval)


# ---- the accessible tree -----------------------------------------------------------------
def contexts(accessible, max_depth=30, visible=False):
    """Every accessible context under `accessible` (itself included), depth first; with
    `visible`, only those the user can see: a hidden window hides everything in it (a wizard
    keeps its other pages, hidden, whose controls still call themselves visible)."""
    stack = [(accessible, 0)]
    while stack:
        node, depth = stack.pop()
        try:
            context = node.getAccessibleContext()
        except Exception:
            continue
        if context is None or (visible and not showing(context)):
            continue
        yield context
        if depth >= max_depth:
            continue
        try:
            count = context.getAccessibleChildCount()
        except Exception:
            continue
        if count > 500:  # a document's paragraphs or a long list: not where buttons live
            continue
        children = []
        for i in range(count):
            try:
                children.append((context.getAccessibleChild(i), depth + 1))
            except Exception:
                pass
        stack.extend(reversed(children))


def showing(context):
    """Whether the user can see `context` now (a wizard keeps its other pages, hidden)."""
    if not holds_state(context, "SHOWING"):
        return False
    try:
        # A page the wizard never showed calls itself showing, but has no size.
        size = context.getSize() if hasattr(context, "getSize") else None
        return size is None or (size.Width > 0 and size.Height > 0)
    except Exception:
        return False


def has_focus(context):
    """Whether the keyboard's input goes to `context` (or to the text inside it, for a box of paragraphs)."""
    inside = []
    try:
        inside = [context.getAccessibleChild(i).getAccessibleContext() for i in range(context.getAccessibleChildCount())]
    except Exception:
        pass
    return any(holds_state(inner, "FOCUSED") for inner in [context] + inside)


def holds_state(context, state):
    """Whether `context`'s state set holds AccessibleStateType.`state`."""
    try:
        kind = uno.getConstantByName("com.sun.star.accessibility.AccessibleStateType." + state)
        states = context.getAccessibleStateSet()
        return states.contains(kind) if hasattr(states, "contains") else bool(states & kind)
    except Exception:
        return False


def describe(context):
    """A context as a failure message names it: "ROLE 'name'"."""
    try:
        number = context.getAccessibleRole()
        names = [name for name in ("TEXT", "SCROLL_PANE", "PARAGRAPH", "PUSH_BUTTON", "COMBO_BOX", "LIST",
                                   "LIST_ITEM", "TABLE", "TABLE_CELL", "CHECK_BOX", "RADIO_BUTTON", "PANEL",
                                   "DIALOG", "FRAME", "DOCUMENT", "DOCUMENT_TEXT", "SCROLL_BAR", "TEXT_FRAME",
                                   "LABEL", "PAGE_TAB", "TREE_ITEM", "MENU_ITEM")
                 if role(name) == number]
        return "%s '%s'" % (names[0] if names else "role %d" % number, plain(context.getAccessibleName()))
    except Exception:
        return "an element that is gone"


def focused_under(accessible):
    """What the keyboard's input goes to under `accessible`, described, or None."""
    for context in contexts(accessible, visible=True):
        if holds_state(context, "FOCUSED"):
            return describe(context)
    return None


def find(accessible, role_name=None, name=None, where=None, visible=True):
    """The first context under `accessible` with the role and (mnemonic-free) name given, among
    those the user can see unless `visible` is False."""
    wanted_role = role(role_name) if role_name else None
    for context in contexts(accessible, visible=visible):
        try:
            if wanted_role is not None and context.getAccessibleRole() != wanted_role:
                continue
            if name is not None and plain(context.getAccessibleName()) != name:
                continue
            if where is not None and not where(context):
                continue
        except Exception:
            continue
        return context
    return None


def text_of(accessible):
    """All the words a window shows: its accessible names and texts, in tree order."""
    words = []
    for context in contexts(accessible, visible=True):
        for getter in ("getAccessibleName", "getText"):
            try:
                value = getattr(context, getter)()
            except Exception:
                continue
            value = plain(value).strip()
            if value and value not in words:
                words.append(value)
    return " | ".join(words)


def click(button, wait=2.0):
    """Presses an accessible button as a click does. A button that opens a modal dialog (a
    message box, the options) does not return until that dialog closes, so the press runs in a
    thread of its own and is waited for only `wait` seconds."""
    done = threading.Event()

    def run():
        try:
            button.doAccessibleAction(0)
        except Exception:
            pass  # the window went away with the click
        done.set()

    threading.Thread(target=run, daemon=True).start()
    done.wait(wait)
    return button


def press(accessible, label):
    """Presses the push button labelled `label` under `accessible`, as a click does."""
    button = find(accessible, "PUSH_BUTTON", label)
    if button is None:
        raise AssertionError("no button '%s' in %s" % (label, title_of(accessible)))
    return click(button)


def title_of(window):
    try:
        return window.getAccessibleContext().getAccessibleName()
    except Exception:
        return "?"


# ---- top windows -----------------------------------------------------------------------------
class _TopWindowEvents(unohelper.Base, XTopWindowListener):
    """Hands a TopWindows the toolkit's events: it only records, so the main thread that calls
    it waits for nothing."""

    def __init__(self, owner):
        self.owner = owner

    def windowOpened(self, event):
        self.owner._showing(event.Source)

    def windowClosed(self, event):
        self.owner._hidden(event.Source)

    def windowClosing(self, event):
        pass

    def windowMinimized(self, event):
        pass

    def windowNormalized(self, event):
        pass

    def windowActivated(self, event):
        self.owner._activated(event.Source)

    def windowDeactivated(self, event):
        self.owner._deactivated(event.Source)

    def disposing(self, event):
        pass


class TopWindows:
    """The top windows shown since this was made (dialogs, message boxes, documents opened
    later), told by the toolkit's top-window events. LibreOffice 7.4 lists its top windows
    (XExtendedToolkit.getTopWindow) without taking the SolarMutex, so polling that list while a
    window closes crashed soffice (Application::GetTopWindow, seen in a core dump); the events
    come from the main thread. close() stops them."""

    def __init__(self, office):
        self.toolkit = office.create("com.sun.star.awt.Toolkit")
        self._lock = threading.Lock()
        self._shown = []
        self._active = None
        self._events = _TopWindowEvents(self)
        self.toolkit.addTopWindowListener(self._events)

    def close(self):
        try:
            self.toolkit.removeTopWindowListener(self._events)
        except Exception:
            pass  # the office is gone

    def _showing(self, window):
        with self._lock:
            if not any(window == shown for shown in self._shown):
                self._shown.append(window)

    def _hidden(self, window):
        with self._lock:
            self._shown = [shown for shown in self._shown if not window == shown]

    def _activated(self, window):
        with self._lock:
            self._active = window

    def _deactivated(self, window):
        with self._lock:
            if self._active == window:
                self._active = None

    def active(self):
        """The top window that takes the keyboard now, as the toolkit last said, or None."""
        with self._lock:
            return self._active

    def all(self):
        with self._lock:
            shown = list(self._shown)
        windows = []
        for window in shown:
            try:
                context = window.getAccessibleContext()
                windows.append((window, context.getAccessibleRole(), plain(context.getAccessibleName())))
            except Exception:
                pass  # closed meanwhile
        return windows

    def dialogs(self):
        """Visible dialogs and message boxes: (window, role, title)."""
        shown = []
        for window, window_role, title in self.all():
            if window_role not in (role("DIALOG"), role("ALERT")):
                continue
            try:
                if not window.isVisible():
                    continue
            except Exception:
                continue
            shown.append((window, window_role, title))
        return shown

    def wait_dialog(self, title, timeout=30):
        """The visible dialog titled `title` (a message box counts), once it shows."""
        def shown():
            for window, _, window_title in self.dialogs():
                if window_title == title:
                    return window
            return None
        return wait_for(shown, timeout, "the dialog '%s' (shown: %s)" % (title, [t for _, _, t in self.dialogs()]))

    def wait_gone(self, window, timeout=30, what="the dialog to close"):
        def gone():
            try:
                return not window.isVisible()
            except Exception:
                return True
        wait_for(gone, timeout, what)


class _ClipboardChanged(unohelper.Base, XClipboardListener):
    def __init__(self):
        self.changed = threading.Event()

    def changedContents(self, event):
        self.changed.set()

    def disposing(self, event):
        pass


class MessageBoxWatcher:
    """Watches the top windows while a test runs. A message box is unexpected unless the test
    said it expects one (expect()); an unexpected one is recorded with its text and closed, so
    a modal loop never hangs the test, and check() fails the test with what it said."""

    def __init__(self, windows, interval=0.2):
        self.windows = windows
        self.interval = interval
        self.unexpected = []
        self._expected = []  # predicates over (title, text)
        self._claimed = []   # message boxes a test is handling itself
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._stop.set()
        self._thread.join(10)

    def expect(self, containing):
        """The next message box whose title or text contains `containing` is the test's own:
        returns a function that waits for it and gives (window, text)."""
        box = {}
        event = threading.Event()

        def matches(title, text):
            return containing in title or containing in text

        with self._lock:
            self._expected.append((matches, box, event))

        def wait(timeout=30):
            if not event.wait(timeout):
                raise AssertionError("no message box containing '%s' appeared" % containing)
            return box["window"], box["text"]
        return wait

    def _watch(self):
        while not self._stop.is_set():
            try:
                self._look()
            except Exception:
                pass  # the office is going away; check() reports what was seen before
            self._stop.wait(self.interval)

    def _look(self):
        for window, window_role, title in self.windows.dialogs():
            if window_role != role("ALERT"):
                continue
            with self._lock:
                if any(window == claimed for claimed in self._claimed):
                    continue
            text = text_of(window)
            with self._lock:
                for i, (matches, box, event) in enumerate(self._expected):
                    if matches(title, text):
                        del self._expected[i]
                        self._claimed.append(window)
                        box["window"], box["text"] = window, text
                        event.set()
                        break
                else:
                    self.unexpected.append("%s: %s" % (title, text))
                    self._claimed.append(window)
                    self._dismiss(window)

    @staticmethod
    def _dismiss(window):
        for label in ("OK", "Close", "Cancel", "No"):
            try:
                press(window, label)
                return
            except Exception:
                continue

    def check(self):
        with self._lock:
            seen = list(self.unexpected)
        if seen:
            raise AssertionError("unexpected message box: " + " || ".join(seen))


# ---- menu commands ---------------------------------------------------------------------------
def url(complete):
    parsed = uno.createUnoStruct("com.sun.star.util.URL")
    parsed.Complete = complete
    return parsed


class MenuCommand:
    """A menu command dispatched on a frame exactly as a click on its menu entry does it. A
    modal dialog it opens blocks the dispatch, so the dispatch runs in a thread of its own."""

    def __init__(self, frame, command):
        self.url = url(command)
        self.dispatch = frame.queryDispatch(self.url, "_self", 0)
        if self.dispatch is None:
            raise AssertionError("nothing dispatches " + command)
        self.failure = []
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            self.dispatch.dispatch(self.url, ())
        except Exception as e:  # the bridge or the command failed: the test says so
            self.failure.append(e)

    def start(self):
        self.thread.start()
        return self

    def finished(self):
        return not self.thread.is_alive()

    def wait(self, timeout=60):
        self.thread.join(timeout)
        if self.thread.is_alive():
            raise AssertionError("%s did not return" % self.url.Complete)
        if self.failure:
            raise AssertionError("%s failed: %s" % (self.url.Complete, self.failure[0]))


# ---- the keyboard ----------------------------------------------------------------------------
class Keyboard:
    """Keys typed on the virtual display, where the focused window takes them, as a person's."""

    def __init__(self, display):
        self.display = display.name if hasattr(display, "name") else display

    def _xdotool(self, *args):
        return subprocess.run(["xdotool"] + list(args), check=True, capture_output=True, timeout=60, text=True,
                              env=dict(os.environ, DISPLAY=self.display)).stdout

    def type(self, text, delay_ms=40):
        self._xdotool("type", "--delay", str(delay_ms), "--", text)

    @staticmethod
    def middle_of(context):
        """The screen point in the middle of the accessible `context`."""
        at, size = context.getLocationOnScreen(), context.getSize()
        return at.X + size.Width // 2, at.Y + size.Height // 2

    def click(self, context, button=1):
        """A click in the middle of the accessible `context`, as the mouse makes it."""
        self.click_at(*self.middle_of(context), button=button)

    def release_buttons(self):
        """Lets go of the mouse buttons, as a user lifts a finger that stayed down."""
        for button in ("1", "2", "3"):
            self._xdotool("mouseup", button)

    def move_to(self, x, y):
        """The pointer to (x, y), once it is there. Not when it is there already: xdotool's
        --sync then waits 15 s for a move that never comes (the wizard's scroll arrow, clicked
        line after line, took 15 s a line)."""
        here = dict(line.split("=", 1) for line in self._xdotool("getmouselocation", "--shell").split())
        if (int(here["X"]), int(here["Y"])) != (x, y):
            self._xdotool("mousemove", "--sync", str(x), str(y))

    def click_at(self, x, y, button=1, hold=0):
        """A click at (x, y) on the screen; with `hold`, the button stays down that many seconds."""
        self.move_to(x, y)
        if not hold:
            self._xdotool("click", str(button))
            return
        self._xdotool("mousedown", str(button))
        time.sleep(hold)
        self._xdotool("mouseup", str(button))

    def key(self, *keys):
        """Key combinations such as "ctrl+z", "Tab", "alt+n"."""
        self._xdotool("key", "--delay", "60", *keys)


class UserSession:
    """A TestCase mixin for classes that are also OfficeOnScreen: a message box watcher over
    every test (an unexpected box fails the test that caused it), a keyboard on the display,
    and dispatching the Partnering menu's commands."""

    def setUp(self):
        super().setUp()
        self.windows = TopWindows(self.office)
        self.watcher = MessageBoxWatcher(self.windows).start()
        self.keyboard = Keyboard(self.display)

    def tearDown(self):
        try:
            self.watcher.stop()
            self.windows.close()
            self.watcher.check()
        finally:
            super().tearDown()

    def click_into(self, field, what, where=None):
        """Clicks into `field` (an accessible context, or a function that finds it again) at the
        screen point `where(field, attempt)` gives, or else in its middle, until the cursor is
        there, as a user clicks again when the first click did not take (synthetic clicks right
        after another one, or into a window that has just opened, are sometimes not delivered
        under Xvfb). Before clicking again, the button is let go (a lost release leaves the last
        field holding the mouse) and the field's window is brought forward if another took the
        keyboard, as a window manager does on a click, and the button is held a moment; a field
        found again each time is never a context LibreOffice has since replaced. Returns the
        field; a failure says, for each click, where the cursor was instead. (CI failed twice
        with the cursor left in the field clicked before and the wizard the active window: the
        clicks never reached the box.)"""
        find_again = field if callable(field) else (lambda: field)
        missed = []
        for attempt in range(3):
            field = find_again()
            if attempt > 0:
                self.keyboard.release_buttons()
                self._bring_forward(field)
            # Again, a slower click, as a user presses more firmly.
            point = where(field, attempt) if where is not None else self.keyboard.middle_of(field)
            self.keyboard.click_at(*point, hold=0.15 if attempt > 0 else 0)
            try:
                wait_for(lambda: has_focus(field), timeout=3, what="the cursor in " + what)
                if missed:
                    print("click_into %s: %s; then click %d took" % (what, "; ".join(missed), attempt + 1))
                return field
            except AssertionError:
                missed.append("click %d missed (%s)" % (attempt + 1, self._focus_report(field)))
        raise AssertionError("3 clicks did not put the cursor in %s: %s" % (what, "; ".join(missed)))

    def _window_of(self, context):
        """The shown top window that holds the accessible `context`, or None."""
        top = context
        try:
            while True:
                parent = top.getAccessibleParent()
                if parent is None:
                    break
                top = parent.getAccessibleContext()
            title = plain(top.getAccessibleName())
        except Exception:
            return None
        return next((window for window, _, shown in self.windows.all() if shown == title), None)

    def _bring_forward(self, context):
        window, active = self._window_of(context), self.windows.active()
        if window is not None and not window == active:
            try:
                window.toFront()
            except Exception:
                pass  # closed meanwhile

    def _focus_report(self, field):
        active = self.windows.active()
        focus = [(title, focused_under(window)) for window, _, title in self.windows.all()]
        return "the active window is %s; the cursor is %s; the field is %s (%s)" % (
            "'%s'" % title_of(active) if active is not None else "none",
            ", ".join("in %s of '%s'" % (where, title) for title, where in focus if where) or "nowhere",
            describe(field), ", ".join(state for state in ("SHOWING", "ENABLED", "FOCUSABLE", "DEFUNC")
                                       if holds_state(field, state)))

    def field_text(self, field):
        """What `field` shows: a one-line field's text as accessibility reads it; a box of
        paragraphs, which LibreOffice 7.4 reads out to no one, as the user copies it all (the
        cursor must be in it) and the clipboard then holds it. The cursor goes back to its end."""
        if hasattr(field, "getText"):
            return field.getText().replace("\r", "")
        clipboard = self.office.create("com.sun.star.datatransfer.clipboard.SystemClipboard")
        listener = _ClipboardChanged()
        clipboard.addClipboardListener(listener)
        try:
            self.keyboard.key("ctrl+a", "ctrl+c")
            copied = listener.changed.wait(2)
        finally:
            clipboard.removeClipboardListener(listener)
        self.keyboard.key("ctrl+End")
        if not copied:  # an empty box copies nothing
            return ""
        contents = clipboard.getContents()
        text = next((contents.getTransferData(flavor) for flavor in contents.getTransferDataFlavors()
                     if flavor.MimeType.startswith("text/plain;charset=utf-16")), "")
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def type_into_field(self, field, text, what, replace=False):
        """Clicks into `field` (as click_into takes it) and types `text` (over what it holds, with
        `replace`), then checks the box as retype_if_garbled does, clicking into it again first
        (key presses right after a click are sometimes not delivered under Xvfb)."""
        def focus():
            clicked = self.click_into(field, what)
            time.sleep(0.2)
            return clicked
        clicked = focus()
        if replace:
            self.keyboard.key("ctrl+a")
        self.keyboard.type(text)
        self.retype_if_garbled(clicked, text, "%r typed into %s" % (text, what), whole=replace, focus=focus)

    def retype_if_garbled(self, box, text, what, whole=True, focus=None):
        """Waits until `box` shows `text` (is `text`, when `whole`; holds it, when not). When it
        does not (keys lost, or two delivered in the wrong order by Xvfb under load), the user
        (after `focus()`, when given) selects it all and types it again, as one fixes a typo; a
        second miss fails, saying what the box shows."""
        try:
            wait_for(lambda: self.field_text(box) == text if whole else text in self.field_text(box),
                     timeout=5, interval=0.3, what=what)
            return
        except AssertionError:
            print("typed %r, the box showed %r: typed again" % (text, self.field_text(box)))
        if focus is not None:
            focus()
        self.keyboard.key("ctrl+a")
        self.keyboard.type(text)
        try:
            wait_for(lambda: self.field_text(box) == text, timeout=5, interval=0.3, what=what + " again")
        except AssertionError as missed:
            raise AssertionError("%s: it shows %r" % (missed, self.field_text(box))) from None

    def menu(self, document, command):
        """Starts Partnering > <command> on `document`'s window, as the menu does."""
        frame = document.getCurrentController().getFrame()
        frame.getContainerWindow().setFocus()
        return MenuCommand(frame, "org.partnering.journey:" + command).start()
