"""Localised templates in a real headless LibreOffice: a test translation made from a fresh
extraction and each shipped language merged, filled with both worked examples, converted to
PDF and text: the translated clauses and every answer are there and no field is lost; Arabic
paragraphs run right to left. Page 1 of each shipped language is kept as a PNG to look at."""
import json
import os
import re
import shutil
import subprocess
import unittest

from office import Office

CLI = os.environ["PARTNERING_CLI"]
TEMPLATES = os.environ["PARTNERING_TEMPLATES_DIR"]
SOURCE = os.environ["PARTNERING_SOURCE_DIR"]
ARTIFACTS = os.path.join(os.environ.get("PARTNERING_TEST_ARTIFACTS", "/tmp"), "l10n")
LANGUAGES = ("fr", "es", "ar", "km", "zh_CN")
# A template's field left as written ("<partners[].name>"); a placeholder for an unanswered
# question shows its label instead ("<Notes>"), which is what it should show.
FIELD_MARKER = re.compile(r"<[a-z][a-z_]*(?:[.\[|][A-Za-z_.\[\]|]*)?>")
CODE = re.compile(r"\{/?\d+/?\}")


def run(*args):
    result = subprocess.run(list(args), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, "%s: %s%s" % (" ".join(args), result.stdout, result.stderr)
    return result.stdout


def words(text):
    return " ".join(text.split())


def normalised(text):
    """Text as PDF extraction and a label compare: Arabic presentation forms as letters, and
    case aside (a heading's style may set a label in capitals)."""
    import unicodedata
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", unicodedata.normalize("NFKC", text))
    return words(text).casefold()


def clause_option_ids():
    """The clause library's option ids: an answer holding one prints its wording, not itself."""
    import xml.etree.ElementTree as ET
    tree = ET.parse(os.path.join(SOURCE, "src", "journey", "clauses.xml"))
    return {o.get("id") for o in tree.iter("{urn:x-partnering:clauses:1}option")}


OPTION_IDS = clause_option_ids()


def free_text_answers(value, key=""):
    """Names and free text the user typed: they appear as typed in any language."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in ("language", "sector", "kind", "spectrum", "currency", "start", "end", "date", "target_date"):
                yield from free_text_answers(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from free_text_answers(item, key)
    elif isinstance(value, str) and value not in OPTION_IDS:
        for line in value.splitlines():
            if line.strip():
                yield words(line)


def translated_clauses(po_path):
    """Longer translated units without codes: each must appear as written."""
    from translate.storage import factory
    clauses = []
    for unit in factory.getobject(po_path).units:
        if unit.isheader() or not unit.target or CODE.search(unit.source) or len(unit.target) < 40:
            continue
        if "section if:" in unit.getnotes("developer"):
            continue  # a clause the answers may leave out
        if unit.getcontext().startswith("content.xml"):
            clauses.append(words(unit.target.replace("{{", "{")))
    return clauses


class LocalisedTemplatesInLibreOffice(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        shutil.rmtree(ARTIFACTS, ignore_errors=True)
        os.makedirs(ARTIFACTS)
        # With the extension installed, as users have it: its configuration is part of what
        # a printed draft shows.
        cls.office = Office(oxt=os.environ["PARTNERING_OXT"])
        cls.office.start()

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()

    def render(self, template, example, language, name):
        draft = self.office.writable_path(name + ".odt")
        run(CLI, "fill", "--template", template, "--answers", os.path.join(SOURCE, "examples", example + ".json"),
            "--out", draft, "--lang", language.replace("_", "-"))
        os.chmod(draft, 0o644)
        document = self.office.load(draft)
        try:
            pdf, txt = self.office.writable_path(name + ".pdf"), self.office.writable_path(name + ".txt")
            self.office.store(document, pdf, "writer_pdf_Export")
            self.office.store(document, txt, "Text (encoded)", "UTF8")
            directions = []
            paragraphs = document.getText().createEnumeration()
            while paragraphs.hasMoreElements() and len(directions) < 20:
                paragraph = paragraphs.nextElement()
                if paragraph.supportsService("com.sun.star.text.Paragraph"):
                    directions.append(paragraph.getPropertyValue("WritingMode"))
        finally:
            document.close(True)
        shutil.copy(pdf, ARTIFACTS)
        with open(txt, encoding="utf-8-sig") as f:
            return words(f.read()), directions, os.path.join(ARTIFACTS, os.path.basename(pdf))

    def check_draft(self, text, example, clauses, label):
        with open(os.path.join(SOURCE, "examples", example + ".json"), encoding="utf-8") as f:
            answers = json.load(f)
        missing = [a for a in free_text_answers(answers) if a not in text]
        self.assertEqual(missing, [], "%s lacks these answers" % label)
        self.assertEqual(FIELD_MARKER.findall(text), [], label)
        absent = [c for c in clauses if c not in text]
        self.assertEqual(absent, [], "%s lacks these translated clauses" % label)

    def test_a_test_translation_round_trips_extract_translate_merge_fill(self):
        from translate.storage import factory
        po = self.office.writable_path("pseudo.po")
        run(CLI, "l10n", "extract", "--template", os.path.join(TEMPLATES, "agreement.ott"), "--out", po, "--lang", "fr")
        store = factory.getobject(po)
        for unit in store.units:
            if not unit.isheader():  # every word outside the codes upper-cased, between guillemets
                unit.target = "«" + re.sub(r"(\{/?\d+/?\}|\{\{)|([^{]+)", lambda m: m.group(1) or m.group(2).upper(),
                                          unit.source) + "»"
        with open(po, "wb") as f:
            f.write(bytes(store))
        localised = self.office.writable_path("agreement-pseudo.ott")
        run(CLI, "l10n", "merge", "--template", os.path.join(TEMPLATES, "agreement.ott"), "--translation", po,
            "--out", localised)
        for example in ("small", "large"):
            text, _, _ = self.render(localised, example, "fr", "pseudo-" + example)
            self.check_draft(text, example, translated_clauses(po), "pseudo/" + example)
            self.assertIn("«PARTNERING AGREEMENT»", text)

    def test_footnotes_and_text_boxes_written_in_writer_are_translated(self):
        from translate.storage import factory
        document = self.office.new_writer()
        try:
            text = document.getText()
            text.insertString(text.getEnd(), "The term is three years.", False)
            footnote = document.createInstance("com.sun.star.text.Footnote")
            text.insertTextContent(text.getEnd(), footnote, False)
            footnote.setString("Renewable once.")
            frame = document.createInstance("com.sun.star.text.TextFrame")
            text.insertTextContent(text.getEnd(), frame, False)
            frame.getText().setString("Key dates")
            authored = self.office.writable_path("notes.ott")
            self.office.store(document, authored, "writer8_template")
        finally:
            document.close(True)
        po = self.office.writable_path("notes.po")
        run(CLI, "l10n", "extract", "--template", authored, "--out", po, "--lang", "fr")
        store = factory.getobject(po)
        sources = [unit.source for unit in store.units if not unit.isheader()]
        self.assertIn("Renewable once.", sources, "the footnote is a unit of its own")
        self.assertIn("Key dates", sources, "so is the text box")
        for unit in store.units:
            if not unit.isheader():
                unit.target = "FR " + unit.source
        with open(po, "wb") as f:
            f.write(bytes(store))
        localised = self.office.writable_path("notes-fr.ott")
        run(CLI, "l10n", "merge", "--template", authored, "--translation", po, "--out", localised)
        os.chmod(localised, 0o644)
        document = self.office.load(localised)
        try:
            self.assertIn("FR The term is three years.", document.getText().getString())
            self.assertEqual(document.getFootnotes().getByIndex(0).getString(), "FR Renewable once.")
            self.assertEqual(document.getTextFrames().getByIndex(0).getText().getString(), "FR Key dates")
        finally:
            document.close(True)

    def test_every_shipped_language_fills_and_reads_in_its_language(self):
        for language in LANGUAGES:
            template = os.path.join(TEMPLATES, language, "agreement.ott")
            po = os.path.join(SOURCE, "locales", "templates", "agreement", language + ".po")
            for example in ("small", "large"):
                text, directions, pdf = self.render(template, example, language, "agreement-%s-%s" % (language, example))
                self.check_draft(text, example, translated_clauses(po), "%s/%s" % (language, example))
                if example == "small":
                    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf,
                                    os.path.join(ARTIFACTS, "agreement-%s-page1" % language)], check=True, timeout=60)
                # com.sun.star.text.WritingMode2: LR_TB 0, RL_TB 1, PAGE 4 (as the page, which is RL_TB too)
                if language == "ar":
                    self.assertTrue(directions and all(d in (1, 4) for d in directions), directions)
                else:
                    self.assertTrue(all(d in (0, 4) for d in directions), (language, directions))

    def test_a_near_empty_drafts_pdf_shows_its_placeholders_not_blanks(self):
        """Writer leaves placeholder fields out of print and PDF by default; the extension's
        configuration turns that on, so a printed draft shows "<Label>" where a gap is."""
        answers = self.office.writable_path("near-empty.json")
        for language in ("en", "fr", "ar", "km"):
            with open(answers, "w", encoding="utf-8") as f:
                json.dump({"language": language}, f)
            for template in ("agreement", "mou", "workplan"):
                name = "empty-%s-%s" % (template, language)
                draft = self.office.writable_path(name + ".odt")
                run(CLI, "fill", "--template", template, "--answers", answers, "--out", draft)
                labels = [p["label"] for p in json.loads(run(CLI, "check", "--answers", draft, "--json"))["placeholders"]]
                self.assertGreater(len(labels), 5, name)
                os.chmod(draft, 0o644)
                document = self.office.load(draft)
                try:
                    pdf = self.office.writable_path(name + ".pdf")
                    self.office.store(document, pdf, "writer_pdf_Export")
                finally:
                    document.close(True)
                shutil.copy(pdf, ARTIFACTS)
                shown = normalised(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True,
                                                  timeout=60, check=True).stdout)
                if language in ("ar", "km"):
                    # pdftotext reorders Arabic ligatures and Khmer clusters, so the labels cannot
                    # be matched letter for letter: every placeholder must at least show its "<…>".
                    self.assertGreaterEqual(shown.count("<"), len(labels), name)
                    continue
                absent = sorted({label for label in labels if normalised(label) not in shown})
                self.assertEqual(absent, [], "%s: the PDF leaves these placeholders blank" % name)


if __name__ == "__main__":
    unittest.main()
