"""The error ids the README and the public headers promise are the ids the core throws.

Statically: each promised id is written whole at a throw site in src/ (so `grep` finds it), and no
throw site glues an id from pieces. Then, table-driven, the command line is given input that must
fail with one id each, and its message must start with that id."""
import os
import re
import subprocess
import tempfile
import unittest

CLI = os.environ.get("PARTNERING_CLI", "partnering")
SOURCE = os.environ.get("PARTNERING_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
TEMPLATES = os.environ.get("PARTNERING_TEMPLATES_DIR", "")

ID = re.compile(r"partnering\.[a-z0-9]+\.[a-z0-9-]+")
# The README writes an error id in brackets, as the message shows it; bare names such as
# partnering.uno.so are files.
BRACKETED_ID = re.compile(r"\[(partnering\.[a-z0-9]+\.[a-z0-9-]+)\]")
WHOLE_ID_LITERAL = re.compile(r'"(partnering\.[a-z0-9]+\.[a-z0-9-]+)"')
GLUED_PREFIX = re.compile(r'"partnering\.[a-z0-9]*\.?"\s*\+|"partnering\.[a-z0-9]+\."')
COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def sources(folder, suffixes):
    for root, _, names in os.walk(os.path.join(SOURCE, folder)):
        for name in sorted(names):
            if name.endswith(suffixes):
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as text:
                    yield os.path.relpath(path, SOURCE), text.read()


def promised_ids():
    promised = {}
    with open(os.path.join(SOURCE, "README.md"), encoding="utf-8") as readme:
        for found in BRACKETED_ID.findall(readme.read()):
            promised.setdefault(found, "README.md")
    for path, text in sources("src", (".hpp",)):
        for found in ID.findall(text):
            promised.setdefault(found, path)
    return promised


def ids_in_code():
    """Every whole id literal in the code of src/ (comments left out), with where it is."""
    found = {}
    for path, text in sources("src", (".cpp", ".hpp")):
        for literal in WHOLE_ID_LITERAL.findall(COMMENT.sub("", text)):
            found.setdefault(literal, path)
    return found


class IdsAreWrittenWhole(unittest.TestCase):
    def test_every_promised_id_is_written_whole_in_the_code(self):
        in_code = ids_in_code()
        for promised, where in sorted(promised_ids().items()):
            if promised.startswith("partnering.test."):
                continue
            with self.subTest(id=promised):
                self.assertIn(promised, in_code, "%s promises [%s], which no code of src/ writes" % (where, promised))

    def test_no_id_is_glued_from_pieces(self):
        for path, text in sources("src", (".cpp", ".hpp")):
            code = COMMENT.sub("", text)
            self.assertIsNone(GLUED_PREFIX.search(code), "%s builds an error id from pieces" % path)

    def test_the_core_throws_only_its_own_error_tree(self):
        # partnering::Error's branches carry an id; a bare std:: exception would reach the user
        # as "internal error" with nothing to grep for.
        for path, text in sources("src", (".cpp", ".hpp")):
            bare = re.search(r"throw\s+std::\w+", COMMENT.sub("", text))
            self.assertIsNone(bare, "%s throws outside the error tree: %s" % (path, bare and bare.group(0)))

    def test_the_extension_throws_no_id_of_its_own_making(self):
        for path, text in sources("extension", (".cpp", ".hpp")):
            code = COMMENT.sub("", text)
            self.assertIsNone(GLUED_PREFIX.search(code), "%s builds an error id from pieces" % path)


def write(folder, name, content):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as out:
        out.write(content)
    return path


def template_with(folder, name, replace, by):
    with open(os.path.join(SOURCE, "templates", "mou.fodt"), encoding="utf-8") as source:
        return write(folder, name, source.read().replace(replace, by, 1))


class EachIdIsTheOneThrown(unittest.TestCase):
    def test_the_command_line_fails_with_the_promised_id(self):
        small = os.path.join(SOURCE, "examples", "small.json")
        with tempfile.TemporaryDirectory() as work:
            table = [
                ("partnering.l10n.bad-language-tag", ["steps", "--lang", "x!"], 3),
                ("partnering.answers.not-json", ["check", "--answers", write(work, "a.json", "{not json")], 3),
                ("partnering.answers.invalid", ["check", "--answers", write(work, "b.json", '{"language": 5}')], 3),
                ("partnering.odf.not-a-zip",
                 ["fill", "--template", write(work, "c.ott", "hello"), "--answers", small, "--out", work + "/c.odt"], 3),
                ("partnering.fill.no-template",
                 ["fill", "--template", "agreement", "--lang", "de", "--answers", small, "--out", work + "/d.odt"], 3),
                ("partnering.xml.malformed", ["template", "build", write(work, "e.fodt", "<?xml version='1.0'?><x"),
                                              work + "/e.ott"], 3),
                ("partnering.xml.entity-declared",
                 ["template", "build", write(work, "f.fodt", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'),
                  work + "/f.ott"], 3),
                ("partnering.fill.unknown-field",
                 ["template", "build", template_with(work, "g.fodt", "&lt;partnership.name&gt;", "&lt;partnership.nosuch&gt;"),
                  work + "/g.ott"], 3),
                ("partnering.lessons.no-index", ["search", "--db", work + "/none", "exit"], 4),
                ("partnering.lessons.remote-unreachable", ["search", "--remote", "127.0.0.1:1", "exit"], 4),
            ]
            if TEMPLATES:
                agreement = os.path.join(TEMPLATES, "agreement.ott")
                table += [
                    ("partnering.l10n.unknown-format",
                     ["l10n", "extract", "--template", agreement, "--out", work + "/h.doc"], 3),
                    ("partnering.l10n.bad-po",
                     ["l10n", "check", "--template", agreement, "--translation",
                      write(work, "i.po", 'msgid "a"\nmsgstr "b\n')], 3),
                ]
            for expected, args, exit_code in table:
                with self.subTest(id=expected):
                    result = subprocess.run([CLI] + args, capture_output=True, text=True, timeout=60)
                    self.assertEqual(result.returncode, exit_code, result.stderr)
                    self.assertTrue(result.stderr.startswith("partnering: [%s] " % expected), result.stderr)


if __name__ == "__main__":
    unittest.main()
