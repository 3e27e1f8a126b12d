"""The limits the README states: the largest lesson file, answers file, template and query the
core accepts, each accepted at the limit and given its documented error (or notice) beyond it."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest
import zipfile

CLI = os.environ.get("PARTNERING_CLI", "partnering")
SOURCE = os.environ.get("PARTNERING_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
TEMPLATES = os.environ.get("PARTNERING_TEMPLATES_DIR", "")
SMALL = os.path.join(SOURCE, "examples", "small.json")
FOCAL_LESSON = os.path.join(SOURCE, "index", "lessons", "designate-a-focal-point.xml")

MIB = 1 << 20
LESSON_LIMIT = 4 * MIB
ANSWERS_LIMIT = 16 * MIB
TEMPLATE_FILE_LIMIT = 256 * MIB
TEMPLATE_PART_LIMIT = 64 * MIB
QUERY_BYTES_LIMIT = 1024
QUERY_WORDS_LIMIT = 32


def run(*args, timeout=120):
    return subprocess.run([CLI] + list(args), capture_output=True, text=True, timeout=timeout)


def padded(text, size, before):
    """`text` grown to exactly `size` bytes with spaces inserted before `before` (where they mean nothing)."""
    at = text.index(before)
    gap = size - len(text.encode("utf-8"))
    assert gap >= 0
    return text[:at] + " " * gap + text[at:]


def sparse(path, size):
    with open(path, "wb") as f:
        f.truncate(size)


class Limits(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="partnering-limits-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def assert_refused(self, result, exit_code, error_id, path, limit):
        self.assertEqual(result.returncode, exit_code, result.stderr)
        self.assertIn("[%s] %s" % (error_id, path), result.stderr)
        self.assertIn(str(limit), result.stderr)

    def test_a_lesson_file_of_4_mib_is_indexed_and_a_larger_one_refused(self):
        library = self.path("lessons")
        os.makedirs(library)
        with open(FOCAL_LESSON, encoding="utf-8") as f:
            lesson = f.read()
        with open(os.path.join(library, "largest.xml"), "w", encoding="utf-8") as f:
            f.write(padded(lesson, LESSON_LIMIT, "<lesson"))
        result = run("index", "build", "--db", self.path("db"), library)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("1 added", result.stdout)

        huge = os.path.join(library, "huge.xml")
        sparse(huge, 512 * MIB)  # refused before it is read
        result = run("index", "build", "--db", self.path("db"), library)
        self.assert_refused(result, 1, "partnering.lessons.too-large", huge, LESSON_LIMIT)
        os.remove(huge)
        over = os.path.join(library, "over.xml")
        with open(over, "w", encoding="utf-8") as f:
            f.write(padded(lesson.replace('id="designate-a-focal-point"', 'id="over"'), LESSON_LIMIT + 1, "<lesson"))
        result = run("index", "build", "--db", self.path("db"), library)
        self.assert_refused(result, 1, "partnering.lessons.too-large", over, LESSON_LIMIT)

    def test_answers_of_8_mib_are_read_and_larger_ones_refused(self):
        with open(SMALL, encoding="utf-8") as f:
            answers = f.read()
        largest = self.path("largest.json")
        with open(largest, "w", encoding="utf-8") as f:
            f.write(padded(answers, ANSWERS_LIMIT, "}"))
        expected = run("check", "--answers", SMALL)
        result = run("check", "--answers", largest)
        self.assertEqual(result.returncode, expected.returncode, result.stderr)
        self.assertEqual(result.stdout, expected.stdout)

        over = self.path("over.json")
        with open(over, "w", encoding="utf-8") as f:
            f.write(padded(answers, ANSWERS_LIMIT + 1, "}"))
        self.assert_refused(run("check", "--answers", over), 3, "partnering.answers.too-large", over, ANSWERS_LIMIT)
        huge = self.path("huge.json")
        sparse(huge, 512 * MIB)
        self.assert_refused(run("fill", "--template", "mou", "--answers", huge, "--out", self.path("d.odt")), 3,
                            "partnering.answers.too-large", huge, ANSWERS_LIMIT)
        self.assertFalse(os.path.exists(self.path("d.odt")))

    def test_a_template_over_256_mib_or_with_a_part_over_64_mib_is_refused(self):
        huge = self.path("huge.ott")
        sparse(huge, TEMPLATE_FILE_LIMIT + 1)
        result = run("fill", "--template", huge, "--answers", SMALL, "--out", self.path("d.odt"))
        self.assert_refused(result, 3, "partnering.odf.too-large", huge, TEMPLATE_FILE_LIMIT)

        big_part = self.path("big-part.ott")
        with zipfile.ZipFile(big_part, "w") as package:
            package.writestr("mimetype", "application/vnd.oasis.opendocument.text-template", zipfile.ZIP_STORED)
            package.writestr("content.xml", b" " * (TEMPLATE_PART_LIMIT + 1), zipfile.ZIP_STORED)
        result = run("fill", "--template", big_part, "--answers", SMALL, "--out", self.path("d.odt"))
        self.assert_refused(result, 3, "partnering.odf.too-large", big_part + ": content.xml", TEMPLATE_PART_LIMIT)

        flat = self.path("huge.fodt")
        sparse(flat, TEMPLATE_PART_LIMIT + 1)
        result = run("template", "build", flat, self.path("huge.ott"))
        self.assert_refused(result, 3, "partnering.xml.too-large", flat, TEMPLATE_PART_LIMIT)
        self.assertFalse(os.path.exists(self.path("d.odt")))

    @unittest.skipUnless(TEMPLATES, "needs the built templates (PARTNERING_TEMPLATES_DIR)")
    def test_a_template_to_localise_has_the_same_limits(self):
        huge = self.path("huge.ott")
        sparse(huge, TEMPLATE_FILE_LIMIT + 1)
        result = run("l10n", "extract", "--template", huge, "--out", self.path("t.po"))
        self.assert_refused(result, 3, "partnering.odf.too-large", huge, TEMPLATE_FILE_LIMIT)

    def test_a_query_is_cut_to_1024_bytes_and_32_words_saying_so(self):
        db = self.path("db")
        self.assertEqual(run("index", "build", "--db", db, os.path.join(SOURCE, "index", "lessons")).returncode, 0)
        words = ["exit", "strategy"] + ["partnership%d" % i for i in range(QUERY_WORDS_LIMIT)]
        result = run("search", "--db", db, "--json", *words)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("only the first %d words were searched" % QUERY_WORDS_LIMIT, json.loads(result.stdout)["notices"])

        long_word = "é" * 700  # 1400 bytes: cut at a character's start
        result = run("search", "--db", db, "--json", "exit", long_word)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("the query was shortened to its first %d bytes" % (QUERY_BYTES_LIMIT - 1),
                      json.loads(result.stdout)["notices"])


if __name__ == "__main__":
    unittest.main()
