"""The Partnering menu's Alt key and our toolbar on a fresh profile, on a virtual display.

Alt+<letter> of the menu title must open the Partnering menu: a letter that Writer already uses
(another top-level menu's mnemonic, or an Alt shortcut such as Alt+P, Paragraph Style) opens
Writer's instead. The key is pressed with xdotool in a Writer window; the menu's letter in every
UI language we ship is checked against the letters Writer 7.4 uses in that language. The toolbar
must be docked at the top, clear of Writer's own bars, and named "Partnering Journey" (not the
floating "Add-On 1" a toolbar gets without a window state)."""
import os
import time
import unittest

from office import OfficeOnScreen

import uno  # noqa: F401  (after office: needs Debian's python3 and UNO_TYPES)
from com.sun.star.accessibility.AccessibleStateType import SELECTED, SHOWING
from com.sun.star.awt.KeyModifier import MOD2
from com.sun.star.beans import PropertyValue
from user_path import UserSession, find, press, wait_for

OXT = os.environ["PARTNERING_OXT"]
ARTIFACTS = os.path.join(os.environ.get("PARTNERING_TEST_ARTIFACTS", "/tmp"), "menu-keys")
MENU = "/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar/org.partnering.journey.menu"
TOOLBAR = "private:resource/toolbar/addon_org.partnering.journey.toolbar"
WRITER = "com.sun.star.text.TextDocument"

# The letters Writer 7.4 takes with Alt in each UI language we ship: its top-level menus'
# mnemonics, read from Debian's libreoffice-l10n-<lang> 7.4.7 (share/registry/res/registry_<lang>.xcd,
# GenericCommands labels of .uno:PickList, EditMenu, ViewMenu, InsertMenu, FormatMenu,
# FormatStylesMenu, TableMenu, FormatFormMenu, ToolsMenu, WindowList, HelpMenu), and the global
# Alt shortcuts of officecfg's Accelerators.xcu, P (Paragraph Style), C (Character) and X
# (Unicode toggle), which none of these languages overrides. Khmer's translated menus carry no mnemonic; its untranslated Styles, Table and Form
# keep Y, A and R. Arabic's mnemonics are Arabic letters; ح ؤ ء sit on the P, C and X keys of
# the Arabic keyboard, which the Alt shortcuts take by key. The English row is also read from
# the running office below, which checks this way of reading them.
ALT_SHORTCUTS = set("PCX")
WRITER_MENU_LETTERS = {
    "en-US": set("FEVIOYARTWH"),
    "fr": set("FDAITYBRONE"),   # ~Fichier É~dition ~Affichage ~Insertion Forma~t St~yles Ta~bleau
                                # Fo~rmulaire ~Outils Fe~nêtre Aid~e
    "es": set("AEVIFSTLHNU"),   # ~Archivo ~Editar ~Ver ~Insertar ~Formato E~stilos ~Tabla
                                # Formu~lario ~Herramientas Ve~ntana Ay~uda
    "ar": {"م", "ت", "ن", "د", "ي", "ج", "س"} | {"ح", "ؤ", "ء"},
    "km": set("YAR"),
    "zh-CN": set("FEVIOYARTWH"),  # 文件(~F) 编辑(~E) ... 帮助(~H)
}


def mnemonic(title):
    """The letter after the one ~ of a menu title, as Alt matches it (case-insensitively)."""
    assert title.count("~") == 1, "%r must have exactly one ~" % title
    return title[title.index("~") + 1].upper()


class MenuKeysAndToolbarOnScreen(UserSession, OfficeOnScreen, unittest.TestCase):
    OXT = OXT

    @classmethod
    def setUpClass(cls):
        os.makedirs(ARTIFACTS, exist_ok=True)
        super().setUpClass()
        try:
            cls.document = cls.office.desktop().loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
            cls.frame = cls.document.getCurrentController().getFrame()
        except BaseException:
            cls.tearDownClass()
            raise

    def screenshot(self, name):
        time.sleep(0.7)
        return self.display.screenshot(os.path.join(ARTIFACTS, name))

    def partnering_menu(self):
        window = self.frame.getContainerWindow()  # Writer's top window
        bar = find(window, "MENU_BAR")
        self.assertIsNotNone(bar, "the Writer window has no menu bar")
        return find(bar, "MENU", "Partnering")

    def menu_title(self, locale):
        provider = self.office.create("com.sun.star.configuration.ConfigurationProvider")
        menu = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            (PropertyValue(Name="nodepath", Value=MENU), PropertyValue(Name="Locale", Value=locale)))
        return menu.getByName("Title")

    def focus_document(self):
        """The cursor in the document, as a click in it puts it. Right after the window opens
        its peer may not offer focus yet: asked again until it does."""
        def focused():
            try:
                self.frame.getContainerWindow().setFocus()
                self.frame.getComponentWindow().setFocus()
                return True
            except AttributeError:
                return False
        wait_for(focused, 30, "the Writer window to take focus")
        time.sleep(0.5)

    def paragraph_style_dialog(self):
        for window, _, title in self.windows.dialogs():
            if title.startswith("Paragraph Style"):
                return window
        return None

    # ---- the menu's Alt key --------------------------------------------------------------
    def test_alt_with_the_menus_letter_opens_the_partnering_menu(self):
        letter = mnemonic(self.menu_title("en-US"))
        self.focus_document()
        menu = self.partnering_menu()
        self.assertIsNotNone(menu, "no Partnering menu in Writer's menu bar")
        self.assertFalse(menu.getAccessibleStateSet().contains(SELECTED))
        self.keyboard.key("alt+" + letter.lower())
        try:
            wait_for(lambda: menu.getAccessibleStateSet().contains(SELECTED), 10, "the Partnering menu selected")
            entry = wait_for(lambda: find(menu, "MENU_ITEM", "Partnership journey..."), 10, "our menu's entries")
            wait_for(lambda: entry.getAccessibleStateSet().contains(SHOWING), 10, "our menu's entries on screen")
            self.screenshot("alt-%s-opens-partnering.png" % letter.lower())
            time.sleep(1)  # a dialog opened by the same key would show by now
            self.assertIsNone(self.paragraph_style_dialog(), "Alt+%s opened the Paragraph Style dialog" % letter)
        finally:
            self.keyboard.key("Escape", "Escape")
        wait_for(lambda: not menu.getAccessibleStateSet().contains(SELECTED), 10, "the menu closed")

    def test_alt_p_is_writers_paragraph_style_which_is_why_the_menu_does_not_use_it(self):
        self.focus_document()
        self.keyboard.key("alt+p")
        dialog = wait_for(self.paragraph_style_dialog, 20, "the Paragraph Style dialog that Alt+P opens")
        self.assertFalse(self.partnering_menu().getAccessibleStateSet().contains(SELECTED))
        press(dialog, "Cancel")
        self.windows.wait_gone(dialog)

    def test_writers_own_alt_letters_are_those_the_table_lists_for_english(self):
        # Read from the running office: the top-level menus of Writer's menu bar and its Alt
        # shortcuts (global and Writer's).
        supplier = self.office.create("com.sun.star.ui.ModuleUIConfigurationManagerSupplier")
        manager = supplier.getUIConfigurationManager(WRITER)
        bar = manager.getSettings("private:resource/menubar/menubar", False)
        labels = self.office.create("com.sun.star.frame.UICommandDescription").getByName(WRITER)
        letters = set()
        for i in range(bar.getCount()):
            command = [p.Value for p in bar.getByIndex(i) if p.Name == "CommandURL"][0]
            label = [p.Value for p in labels.getByName(command) if p.Name == "Label"][0]
            letters.add(mnemonic(label))
        shortcuts = set()
        for keys in (self.office.create("com.sun.star.ui.GlobalAcceleratorConfiguration"), manager.getShortCutManager()):
            for event in keys.getAllKeyEvents():
                if event.Modifiers == MOD2 and 512 <= event.KeyCode <= 537:  # Key.A .. Key.Z
                    shortcuts.add(chr(ord("A") + event.KeyCode - 512))
        self.assertEqual(letters, WRITER_MENU_LETTERS["en-US"])
        # No Alt shortcut of Writer's is missing from the table (which also keeps C, listed in
        # LibreOffice's Accelerators.xcu for the Character dialog).
        self.assertLessEqual(shortcuts, ALT_SHORTCUTS)
        self.assertIn("P", shortcuts)

    def test_the_menus_letter_is_free_in_every_ui_language_we_ship(self):
        chosen = {}
        for language, taken in WRITER_MENU_LETTERS.items():
            with self.subTest(language=language):
                title = self.menu_title(language)
                if language != "en-US":
                    self.assertNotEqual(title, self.menu_title("en-US"), "the title is not translated")
                letter = mnemonic(title)
                chosen[language] = letter
                self.assertNotIn(letter, taken | ALT_SHORTCUTS, "%s: %r clashes with Writer's Alt letters"
                                 % (language, title))
        self.assertEqual(chosen, {"en-US": "N", "fr": "S", "es": "Z", "ar": "ش", "km": "N", "zh-CN": "N"})

    # ---- the toolbar -----------------------------------------------------------------------
    def test_the_toolbar_is_docked_at_the_top_clear_of_writers_bars_and_named(self):
        layout = self.frame.LayoutManager
        element = layout.getElement(TOOLBAR)
        self.assertIsNotNone(element, "our toolbar is not in the Writer window")
        self.assertTrue(layout.isElementVisible(TOOLBAR))
        self.assertFalse(layout.isElementFloating(TOOLBAR))
        self.assertTrue(layout.isElementDocked(TOOLBAR))
        window = element.getRealInterface()
        self.assertFalse(window.isFloating())
        self.assertEqual(window.getAccessibleContext().getAccessibleName(), "Partnering Journey")
        ours = window.getPosSize()
        writer_bars = [url for url in (e.ResourceURL for e in layout.getElements())
                       if url.startswith("private:resource/toolbar/") and url != TOOLBAR
                       and layout.isElementVisible(url) and layout.isElementDocked(url)]
        self.assertIn("private:resource/toolbar/standardbar", writer_bars)
        for url in writer_bars:
            other = layout.getElement(url).getRealInterface().getPosSize()
            if other.Y != ours.Y and abs(other.Y - ours.Y) >= min(other.Height, ours.Height):
                continue  # another row
            self.assertTrue(ours.X >= other.X + other.Width or other.X >= ours.X + ours.Width,
                            "our toolbar covers %s" % url)
        # Below Standard and Formatting, in the top docking area above the document.
        standard = layout.getElement("private:resource/toolbar/standardbar").getRealInterface().getPosSize()
        self.assertGreater(ours.Y, standard.Y)
        self.assertLess(ours.Y, self.frame.getComponentWindow().getPosSize().Y)
        # The window state names it in every language (the product's name is not translated).
        provider = self.office.create("com.sun.star.configuration.ConfigurationProvider")
        for locale in ("en-US", "fr", "ar"):
            state = provider.createInstanceWithArguments(
                "com.sun.star.configuration.ConfigurationAccess",
                (PropertyValue(Name="nodepath", Value="/org.openoffice.Office.UI.WriterWindowState/UIElements/States"),
                 PropertyValue(Name="Locale", Value=locale))).getByName(TOOLBAR)
            self.assertEqual(state.getByName("UIName"), "Partnering Journey")
        self.screenshot("toolbar-docked.png")


if __name__ == "__main__":
    unittest.main()
