"""Drafts written by `partnering fill`, opened by a real headless LibreOffice: every worked
example in every template converts to PDF and text, the text holds every answer and no field
marker, and the answers stored in a draft survive LibreOffice's open-edit-save."""
import datetime
import json
import os
import re
import shutil
import subprocess
import unittest
import zipfile
import xml.etree.ElementTree as ET

from office import Office

CLI = os.environ["PARTNERING_CLI"]
TEMPLATES = os.environ["PARTNERING_TEMPLATES_DIR"]
SOURCE = os.environ["PARTNERING_SOURCE_DIR"]
ARTIFACTS = os.path.join(os.environ.get("PARTNERING_TEST_ARTIFACTS", "/tmp"), "fill")
EXAMPLES = ("small", "large")
NAMESPACES = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
              "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"}
# A template's field left as written ("<partners[].name>"); a placeholder for an unanswered
# question shows its label instead ("<Notes>"), which is what it should show.
FIELD_MARKER = re.compile(r"<[a-z][a-z_]*(?:[.\[|][A-Za-z_.\[\]|]*)?>")
# Answers that are codes, not text: the draft shows their labels or formatted forms instead.
CODED = {"language", "sector", "kind", "spectrum", "currency"}


def clause_wordings():
    """{clause key: {option id: English wording}} from the clause library: an answer holding
    an option's id prints that wording."""
    import xml.etree.ElementTree as ET
    ns = "{urn:x-partnering:clauses:1}"
    wordings = {}
    for clause in ET.parse(os.path.join(SOURCE, "src", "journey", "clauses.xml")).iter(ns + "clause"):
        wordings[clause.get("path").split(".")[-1]] = {
            option.get("id"): " ".join(option.find(ns + "wording").text.split()) for option in clause.iter(ns + "option")}
    return wordings


CLAUSES = clause_wordings()


def example(name):
    with open(os.path.join(SOURCE, "examples", name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def words(text):
    return " ".join(text.split())


def english_date(iso):
    day = datetime.date.fromisoformat(iso)
    return "%s %d, %d" % (day.strftime("%B"), day.day, day.year)


def expected_texts(value, key=""):
    """Every answer as the English draft shows it: free text as typed (line by line), dates
    formatted, amounts with their digits grouped."""
    if isinstance(value, dict):
        if set(value) == {"amount", "currency"}:
            yield "{:,.2f}".format(value["amount"])
            return
        for k, v in value.items():
            yield from expected_texts(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from expected_texts(item, key)
    elif isinstance(value, str) and value in CLAUSES.get(key, {}):
        yield CLAUSES[key][value]
    elif isinstance(value, str) and key not in CODED:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            yield english_date(value)
        else:
            for line in value.splitlines():
                if line.strip():
                    yield words(line)


def fill(template, answers, out, *extra):
    result = subprocess.run([CLI, "fill", "--template", os.path.join(TEMPLATES, template + ".ott"),
                             "--answers", answers, "--out", out] + list(extra),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    os.chmod(out, 0o644)


class FilledDraftsInLibreOffice(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        os.makedirs(ARTIFACTS, exist_ok=True)
        cls.office = Office()
        cls.office.start()
        try:
            cls.convert_every_draft()
        except BaseException:
            cls.office.stop()  # unittest skips tearDownClass when setUpClass fails
            raise

    @classmethod
    def convert_every_draft(cls):
        cls.texts = {}
        for template in ("agreement", "mou", "workplan"):
            for name in EXAMPLES:
                draft = cls.office.writable_path("%s-%s.odt" % (template, name))
                fill(template, os.path.join(SOURCE, "examples", name + ".json"), draft)
                document = cls.office.load(draft)
                try:
                    pdf = cls.office.writable_path("%s-%s.pdf" % (template, name))
                    txt = cls.office.writable_path("%s-%s.txt" % (template, name))
                    cls.office.store(document, pdf, "writer_pdf_Export")
                    cls.office.store(document, txt, "Text (encoded)", "UTF8")
                finally:
                    document.close(True)
                shutil.copy(pdf, ARTIFACTS)
                with open(txt, encoding="utf-8-sig") as f:
                    cls.texts[template, name] = words(f.read())

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()

    def test_every_answer_is_in_the_full_agreement(self):
        for name in EXAMPLES:
            text = self.texts["agreement", name]
            missing = [t for t in expected_texts(example(name)) if t not in text]
            self.assertEqual(missing, [], "agreement/%s lacks these answers" % name)

    def test_the_short_templates_name_the_partnership_and_every_partner(self):
        for template in ("mou", "workplan"):
            for name in EXAMPLES:
                answers = example(name)
                text = self.texts[template, name]
                self.assertIn(words(answers["partnership"]["name"]), text)
                for partner in answers["partners"]:
                    self.assertIn(words(partner["name"]), text, "%s/%s" % (template, name))
                for objective in answers["objectives"]:
                    self.assertIn(words(objective["title"]), text, "%s/%s" % (template, name))

    def test_no_field_marker_is_left_and_every_pdf_has_pages(self):
        for (template, name), text in self.texts.items():
            self.assertEqual(FIELD_MARKER.findall(text), [], "%s/%s" % (template, name))
            with open(os.path.join(ARTIFACTS, "%s-%s.pdf" % (template, name)), "rb") as f:
                pdf = f.read()
            self.assertTrue(pdf.startswith(b"%PDF"))
            pdftotext = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, timeout=60)
            self.assertIn(words(example(name)["partnership"]["name"]), words(pdftotext.stdout.decode()))

    def test_choices_and_lists_read_as_words(self):
        text = self.texts["agreement", "small"]
        self.assertIn("United Nations", text)  # "united-nations" shown by its label
        partners = [p["name"] for p in example("small")["partners"]]
        self.assertIn(words("%s and %s" % (partners[0], partners[1])), text)

    def test_answers_survive_an_open_edit_save_cycle_in_libreoffice(self):
        draft = self.office.writable_path("agreement-small.odt")
        saved = self.office.writable_path("agreement-small-edited.odt")
        document = self.office.load(draft)
        try:
            text = document.getText()
            text.insertString(text.getStart(), "EDITED BY THE USER. ", False)
            self.office.store(document, saved, "writer8")
        finally:
            document.close(True)
        with zipfile.ZipFile(saved) as package:
            meta = ET.fromstring(package.read("meta.xml"))
            content = package.read("content.xml").decode()
        self.assertIn("EDITED BY THE USER.", content)
        stored = [e.text for e in meta.iter("{%s}user-defined" % NAMESPACES["meta"])
                  if e.get("{%s}name" % NAMESPACES["meta"]) == "partnering-answers"]
        self.assertEqual(len(stored), 1, "LibreOffice dropped the answers property")
        self.assertEqual(json.loads(stored[0]), example("small"))
        check = subprocess.run([CLI, "check", "--answers", saved, "--json"], capture_output=True, text=True, timeout=60)
        self.assertEqual(check.returncode, 0, check.stderr)
        self.assertTrue(json.loads(check.stdout)["complete"])
        # and the journey resumes from it: the saved draft fills a new template
        again = self.office.writable_path("mou-from-draft.odt")
        fill("mou", saved, again)
        self.assertTrue(zipfile.is_zipfile(again))


if __name__ == "__main__":
    unittest.main()
