#!/usr/bin/python3
"""The extension's UI strings: locales/ui/*.po is their one source of truth.

  oxt_tree.py pot  --source extension/ [xgettext options] -o ui.pot
      the template: English strings of the registry (.xcu values marked xml:lang="en-US"),
      the dialogs (.xdl labels, titles, help texts, list items), the description, the release
      notes, and the C++ component's uiText(context, "...") messages (through xgettext).
  oxt_tree.py tree --source extension/ --description description.xml --locale DIR --out DIR
      what LibreOffice reads, for every language compiled to DIR/<lang>/LC_MESSAGES/ui.mo:
      .xcu files with one value per xml:lang, dialogs with "&key" references and
      <Dialog>_<lang>.properties resources, description.xml with every display name,
      description and release notes, and META-INF/manifest.xml listing the registry files.

Standard library only: it runs at build time, before anything of ours exists.
"""
import argparse
import gettext
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, unescape

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
OOR = "http://openoffice.org/2001/registry"
DLG = "http://openoffice.org/2000/dialog"
DESCRIPTION = "http://openoffice.org/extensions/description/2006"
XLINK = "http://www.w3.org/1999/xlink"
NAMESPACES = {"oor": OOR, "xs": "http://www.w3.org/2001/XMLSchema",
              "xsi": "http://www.w3.org/2001/XMLSchema-instance", "dlg": DLG,
              "script": "http://openoffice.org/2000/script", "d": DESCRIPTION,
              "lo": "http://libreoffice.org/extensions/description/2011", "xlink": XLINK,
              "manifest": "http://openoffice.org/2001/manifest"}
for prefix, uri in NAMESPACES.items():
    ET.register_namespace(prefix, uri)
SOURCE_LANG = "en-US"
DOMAIN = "ui"
# Dialog attributes that are text for the user; a text field's value is the user's own input.
DIALOG_TEXT_ATTRIBUTES = ("value", "title", "help-text")
DIALOG_INPUT_ELEMENTS = {"textfield", "combobox", "patternfield", "formattedfield", "numericfield",
                         "currencyfield", "datefield", "timefield", "filecontrol"}


def fail(message):
    print("oxt_tree: " + message, file=sys.stderr)
    sys.exit(1)


def parse(path):
    try:
        return ET.parse(path)
    except ET.ParseError as e:
        fail("%s:%d:%d: not well-formed XML (%s)" % (path, e.position[0], e.position[1], e))


def files(folder, suffix):
    if not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(suffix))


def local(tag):
    return tag.rsplit("}", 1)[-1]


# ---- what is translatable ---------------------------------------------------------------
# Registry files are edited as text, not re-serialised: oor:type values such as "xs:string"
# name namespace prefixes that an XML serialiser would drop as unused.
REGISTRY_VALUE = re.compile(r'(?P<indent>[ \t]*)<value xml:lang="%s">(?P<text>[^<]+)</value>' % SOURCE_LANG)


def registry_values(path):
    """(match, English text) for each localised registry value of a .xcu file."""
    parse(path)  # well-formed, or a clear error naming the file
    with open(path, encoding="utf-8") as f:
        content = f.read()
    return content, [(m, unescape(m.group("text"))) for m in REGISTRY_VALUE.finditer(content)]


def dialog_texts(tree, dialog):
    """(element, attribute, resource key) for each user-visible text of a dialog."""
    for element in tree.iter():
        name = local(element.tag)
        if name == "menuitem":
            continue
        control = element.get("{%s}id" % DLG) or name
        for attribute in DIALOG_TEXT_ATTRIBUTES:
            if attribute == "value" and name in DIALOG_INPUT_ELEMENTS:
                continue
            text = element.get("{%s}%s" % (DLG, attribute))
            if text and not text.startswith("&"):
                yield element, "{%s}%s" % (DLG, attribute), "%s.%s.%s" % (dialog, control, attribute)
        for index, item in enumerate(element.iter("{%s}menuitem" % DLG)):
            text = item.get("{%s}value" % DLG)
            if text and not text.startswith("&"):
                yield item, "{%s}value" % DLG, "%s.%s.item%d" % (dialog, control, index)


# The translated texts of description.xml: file in extension/description/ -> its element.
DESCRIPTION_TEXTS = {"description": "extension-description", "release-notes": "release-notes"}


def description_text(source, name="description"):
    with open(os.path.join(source, "description", name + "_en.txt"), encoding="utf-8") as f:
        return f.read().strip()


def display_name(description_tree):
    for name in description_tree.getroot().iter("{%s}name" % DESCRIPTION):
        return name.text.strip()
    fail("description.xml has no display name")


# ---- pot ----------------------------------------------------------------------------------
def po_quote(text):
    return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def command_pot(args, xgettext_options):
    source = args.source
    entries = {}  # msgid -> references, in first-seen order

    def add(msgid, reference):
        entries.setdefault(msgid, []).append(reference)

    for path in files(os.path.join(source, "registry"), ".xcu"):
        for _, text in registry_values(path)[1]:
            add(text, os.path.relpath(path, os.path.dirname(source)))
    for path in files(os.path.join(source, "dialogs"), ".xdl"):
        dialog = os.path.splitext(os.path.basename(path))[0]
        for element, attribute, key in dialog_texts(parse(path), dialog):
            add(element.get(attribute), os.path.relpath(path, os.path.dirname(source)))
    add(display_name(parse(os.path.join(source, "description.xml.in"))), "extension/description.xml.in")
    for name in DESCRIPTION_TEXTS:
        add(description_text(source, name), "extension/description/%s_en.txt" % name)

    output = args.output
    with tempfile.TemporaryDirectory() as scratch:
        resources = os.path.join(scratch, "resources.pot")
        with open(resources, "w", encoding="utf-8") as f:
            f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
            for msgid, references in entries.items():
                f.write("#: %s\n" % " ".join(sorted(set(references))))
                f.write("msgid %s\nmsgstr \"\"\n\n" % po_quote(msgid))
        code = os.path.join(scratch, "code.pot")
        sources = []
        for folder, _, names in os.walk(os.path.join(source, "component")):
            sources += [os.path.relpath(os.path.join(folder, n)) for n in names if n.endswith((".cpp", ".hpp"))]
        subprocess.run(["xgettext", "--language=C++", "--keyword=uiText:2", "--keyword=uiTextIn:3", "--force-po",
                        "--add-comments=TRANSLATORS:", "-o", code] + xgettext_options + sorted(sources), check=True)
        subprocess.run(["msgcat", "--use-first", "-o", output, code, resources], check=True)


# ---- tree ---------------------------------------------------------------------------------
def catalogs(locale_dir):
    """BCP 47 tag -> GNUTranslations for every compiled ui catalog."""
    result = {}
    if os.path.isdir(locale_dir):
        for folder in sorted(os.listdir(locale_dir)):
            mo = os.path.join(locale_dir, folder, "LC_MESSAGES", DOMAIN + ".mo")
            if os.path.isfile(mo):
                with open(mo, "rb") as f:
                    result[folder.replace("_", "-")] = gettext.GNUTranslations(f)
    return result


def translated(catalog, text):
    result = catalog.gettext(text)
    return result if result != text else None


def write(tree, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tree.write(path, encoding="UTF-8", xml_declaration=True)


def properties_escape(text):
    # StringResource reads .properties as ISO-8859-1 with \uXXXX escapes (as Java does).
    out = []
    for ch in text:
        if ch in "\\=:#!":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif 0x20 <= ord(ch) < 0x7F:
            out.append(ch)
        else:
            for unit in range(0, len(ch.encode("utf-16-be")), 2):
                code = int.from_bytes(ch.encode("utf-16-be")[unit:unit + 2], "big")
                out.append("\\u%04x" % code)
    return "".join(out)


def properties_suffix(tag):
    # LibreOffice names a resource file <name>_<language>[_<COUNTRY>].properties.
    return tag.replace("-", "_")


def tree_registry(source, out, languages):
    written = []
    os.makedirs(os.path.join(out, "registry"), exist_ok=True)
    for path in files(os.path.join(source, "registry"), ".xcu") + files(os.path.join(source, "registry"), ".xcs"):
        target = os.path.join(out, "registry", os.path.basename(path))
        if path.endswith(".xcs"):
            parse(path)
            shutil.copyfile(path, target)
        else:
            content, values = registry_values(path)
            pieces, last = [], 0
            for match, english in values:
                pieces.append(content[last:match.end()])
                last = match.end()
                for tag, catalog in languages.items():
                    text = translated(catalog, english)
                    if text is not None:
                        pieces.append('\n%s<value xml:lang="%s">%s</value>' % (match.group("indent"), tag, escape(text)))
            pieces.append(content[last:])
            with open(target, "w", encoding="utf-8") as f:
                f.write("".join(pieces))
        written.append("registry/" + os.path.basename(path))
    return written


def tree_dialogs(source, out, languages):
    for path in files(os.path.join(source, "dialogs"), ".xdl"):
        dialog = os.path.splitext(os.path.basename(path))[0]
        tree = parse(path)
        english = []
        for element, attribute, key in list(dialog_texts(tree, dialog)):
            english.append((key, element.get(attribute)))
            element.set(attribute, "&" + key)
        folder = os.path.join(out, "dialogs")
        write(tree, os.path.join(folder, dialog + ".xdl"))
        resources = {SOURCE_LANG: dict(english)}
        for tag, catalog in languages.items():
            resources[tag] = {key: catalog.gettext(text) for key, text in english}
        for tag, strings in resources.items():
            base = os.path.join(folder, "%s_%s" % (dialog, properties_suffix(tag)))
            with open(base + ".properties", "w", encoding="iso-8859-1") as f:
                for key, text in strings.items():
                    f.write("%s=%s\n" % (key, properties_escape(text)))
        open(os.path.join(folder, "%s_%s.default" % (dialog, properties_suffix(SOURCE_LANG))), "w").close()


def tree_description(source, description, out, languages):
    tree = parse(description)
    root = tree.getroot()
    english_name = display_name(tree)
    names = root.find("{%s}display-name" % DESCRIPTION)
    os.makedirs(os.path.join(out, "description"), exist_ok=True)
    for tag, catalog in languages.items():
        name = translated(catalog, english_name)
        if name is not None:
            element = ET.SubElement(names, "{%s}name" % DESCRIPTION, {"lang": tag})
            element.text = name
    for text_name, element_name in DESCRIPTION_TEXTS.items():
        sources = root.find("{%s}%s" % (DESCRIPTION, element_name))
        if sources is None:
            fail("description.xml has no <%s>" % element_name)
        shutil.copyfile(os.path.join(source, "description", text_name + "_en.txt"),
                        os.path.join(out, "description", text_name + "_en.txt"))
        english_text = description_text(source, text_name)
        for tag, catalog in languages.items():
            text = translated(catalog, english_text)
            if text is not None:
                file_name = "description/%s_%s.txt" % (text_name, tag)
                with open(os.path.join(out, file_name), "w", encoding="utf-8") as f:
                    f.write(text + "\n")
                ET.SubElement(sources, "{%s}src" % DESCRIPTION, {"{%s}href" % XLINK: file_name, "lang": tag})
    write(tree, os.path.join(out, "description.xml"))


def tree_manifest(out, registry_files):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<manifest:manifest xmlns:manifest="http://openoffice.org/2001/manifest">',
             '  <manifest:file-entry manifest:full-path="partnering.components"'
             ' manifest:media-type="application/vnd.sun.star.uno-components;platform=Linux_x86_64"/>',
             '  <manifest:file-entry manifest:full-path="types/partnering.rdb"'
             ' manifest:media-type="application/vnd.sun.star.uno-typelibrary;type=RDB"/>']
    # Schemas before the data that uses them.
    for path in sorted(registry_files, key=lambda p: (not p.endswith(".xcs"), p)):
        kind = "configuration-schema" if path.endswith(".xcs") else "configuration-data"
        lines.append('  <manifest:file-entry manifest:full-path="%s" '
                     'manifest:media-type="application/vnd.sun.star.%s"/>' % (path, kind))
    lines.append("</manifest:manifest>")
    os.makedirs(os.path.join(out, "META-INF"), exist_ok=True)
    with open(os.path.join(out, "META-INF", "manifest.xml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def command_tree(args):
    languages = catalogs(args.locale)
    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    registry_files = tree_registry(args.source, args.out, languages)
    tree_dialogs(args.source, args.out, languages)
    tree_description(args.source, args.description, args.out, languages)
    tree_manifest(args.out, registry_files)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    pot = commands.add_parser("pot")
    pot.add_argument("--source", required=True)
    pot.add_argument("-o", dest="output", required=True)
    tree = commands.add_parser("tree")
    tree.add_argument("--source", required=True)
    tree.add_argument("--description", required=True)
    tree.add_argument("--locale", required=True)
    tree.add_argument("--out", required=True)
    args, rest = parser.parse_known_args()
    if args.command == "pot":
        command_pot(args, rest)
    elif rest:
        parser.error("unknown arguments: " + " ".join(rest))
    else:
        command_tree(args)


if __name__ == "__main__":
    main()
