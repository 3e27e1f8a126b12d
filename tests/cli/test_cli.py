"""The partnering command line as a user runs it: help, version, output and exit codes."""
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest
import zipfile

CLI = os.environ.get("PARTNERING_CLI", "partnering")
VERSION = os.environ.get("PARTNERING_VERSION", "")
SOURCE = os.environ.get("PARTNERING_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
LESSONS = os.path.join(SOURCE, "index", "lessons")
GLOSSARY = os.path.join(SOURCE, "index", "glossary.tbx")


def run(*args, timeout=60):
    return subprocess.run([CLI] + list(args), capture_output=True, text=True, timeout=timeout)


class CommandLine(unittest.TestCase):
    def test_help_lists_commands_and_exit_codes(self):
        result = run("--help")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("steps", result.stdout)
        self.assertIn("Exit codes", result.stdout)

    def test_every_command_has_help(self):
        result = run("steps", "--help")
        self.assertEqual(result.returncode, 0)
        self.assertIn("--lang", result.stdout)

    def test_version(self):
        result = run("--version")
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout.strip(), "partnering " + VERSION)

    def test_steps_in_french(self):
        result = run("steps", "--lang", "fr-CA")
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertEqual(len(lines), 7)
        self.assertEqual(lines[5], "6. Structurer le partenariat")

    def test_steps_as_json(self):
        result = run("steps", "--lang", "zh-Hans", "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        document = json.loads(result.stdout)
        self.assertEqual(document["language"], "zh-CN")
        self.assertEqual([s["number"] for s in document["steps"]], list(range(1, 8)))
        self.assertEqual(document["steps"][6], {"number": 7, "id": "agreement", "title": "签署伙伴关系协议"})

    def test_bad_language_is_invalid_input(self):
        result = run("steps", "--lang", "x!")
        self.assertEqual(result.returncode, 3)
        self.assertIn("[partnering.l10n.bad-language-tag]", result.stderr)
        self.assertEqual(result.stdout, "")

    def test_usage_errors_exit_2(self):
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("no-such-command").returncode, 2)
        self.assertEqual(run("steps", "--no-such-option").returncode, 2)


    def test_fill_takes_an_installed_template_by_name_in_the_agreements_language(self):
        with tempfile.TemporaryDirectory() as folder:
            draft = os.path.join(folder, "draft.odt")
            result = run("fill", "--template", "agreement", "--answers", os.path.join(SOURCE, "examples", "small.json"),
                         "--lang", "fr", "--out", draft)
            self.assertEqual(result.returncode, 0, result.stderr)
            with zipfile.ZipFile(draft) as package:
                content = package.read("content.xml").decode("utf-8")
            self.assertIn("Accord de partenariat", content)

            result = run("fill", "--template", "agreement", "--answers", os.path.join(SOURCE, "examples", "small.json"),
                         "--lang", "de", "--out", os.path.join(folder, "other.odt"))
            self.assertEqual(result.returncode, 3)
            self.assertIn("[partnering.fill.no-template]", result.stderr)
            self.assertFalse(os.path.exists(os.path.join(folder, "other.odt")))

    def test_a_template_whose_field_is_no_answer_is_refused_and_not_written(self):
        with open(os.path.join(SOURCE, "templates", "workplan.fodt"), encoding="utf-8") as f:
            flat = f.read()
        self.assertIn("&lt;partnership.name&gt;", flat)
        with tempfile.TemporaryDirectory() as folder:
            source, built = os.path.join(folder, "typo.fodt"), os.path.join(folder, "typo.ott")
            with open(source, "w", encoding="utf-8") as f:
                f.write(flat.replace("&lt;partnership.name&gt;", "&lt;partnership.nmae&gt;", 1))
            result = run("template", "build", source, built)
            self.assertEqual(result.returncode, 3, result.stderr)
            self.assertIn("[partnering.fill.unknown-field]", result.stderr)
            # The file the author edits, at the line of the misspelt field (not the package's content.xml).
            line = flat[:flat.index("&lt;partnership.name&gt;")].count("\n") + 1
            self.assertIn("%s:%d: <partnership.nmae>" % (source, line), result.stderr)
            self.assertEqual(os.listdir(folder), ["typo.fodt"], "nothing written beside the template")


class CheckCommand(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="partnering-cli-check-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def answers(self, document):
        path = os.path.join(self.tmp, "answers-%d.json" % len(os.listdir(self.tmp)))
        with open(path, "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=False)
        return path

    def test_complete_answers(self):
        result = run("check", "--answers", os.path.join(SOURCE, "examples", "small.json"))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("1. Understand the context and align interests: complete", result.stdout)
        self.assertTrue(result.stdout.rstrip().endswith("all seven steps are complete"), result.stdout)

    def test_missing_answers_in_plain_words_with_their_path(self):
        path = self.answers({"language": "en", "partnership": {"issue": "Villages lack safe water."}})
        result = run("check", "--answers", path)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertIn("   - Name of the partnership: not answered yet. ($.partnership.name)", lines)
        self.assertIn("   - Stakeholders: at least 2 are needed, 0 so far. ($.partnership.stakeholders)", lines)
        self.assertIn("   - Objectives: at least 1 is needed, 0 so far. ($.objectives)", lines)
        self.assertNotIn("   - The issue the partnership takes on: not answered yet. ($.partnership.issue)", lines)
        self.assertEqual(lines[-1], "some steps are not complete")

    def test_missing_answers_in_the_reports_language(self):
        path = self.answers({"language": "en"})
        french = run("check", "--answers", path, "--lang", "fr").stdout.splitlines()
        self.assertIn("   - Nom du partenariat : pas encore de réponse. ($.partnership.name)", french)
        self.assertIn("   - Parties prenantes : il en faut au moins 2, 0 pour l'instant. ($.partnership.stakeholders)",
                      french)
        chinese = run("check", "--answers", path, "--lang", "zh-CN").stdout.splitlines()
        self.assertIn("   - 利益攸关方：至少需要 2 项，目前有 0 项。 ($.partnership.stakeholders)", chinese)

    def test_json_report_has_the_parts_of_each_reason(self):
        path = self.answers({"language": "es", "partnership": {"stakeholders": [
            {"name": "Ministerio", "sector": "government", "interest": 5, "influence": 4}]}})
        result = run("check", "--answers", path, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        report = json.loads(result.stdout)
        self.assertFalse(report["complete"])
        missing = report["steps"][0]["missing"]
        self.assertIn({"path": "$.partnership.name", "reason": "Nombre de la alianza: aún sin respuesta.",
                       "kind": "required", "label": "Nombre de la alianza"}, missing)
        self.assertIn({"path": "$.partnership.stakeholders",
                       "reason": "Partes interesadas: se necesitan al menos 2, por ahora hay 1.",
                       "kind": "too-few", "label": "Partes interesadas", "min": 2, "count": 1}, missing)

    def test_invalid_answers_give_the_json_path_and_exit_3(self):
        path = self.answers({"language": "en", "partnership": {"spectrum": "merge"}})
        result = run("check", "--answers", path)
        self.assertEqual(result.returncode, 3)
        self.assertIn("[partnering.answers.invalid]", result.stderr)
        self.assertIn("$.partnership.spectrum", result.stderr)


class LessonsCommands(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="partnering-cli-")
        cls.db = os.path.join(cls.tmp, "db")
        result = run("index", "build", "--db", cls.db, "--glossary", GLOSSARY, LESSONS)
        assert result.returncode == 0, result.stderr
        cls.build_output = result.stdout

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def search_json(self, *args):
        result = run("search", "--db", self.db, "--json", *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def test_build_reports_what_it_did(self):
        self.assertRegex(self.build_output, r"64 added, 0 updated, 0 unchanged, 0 removed, 0 rejected; \d+ glossary synonyms")
        again = run("index", "build", "--db", self.db, "--glossary", GLOSSARY, LESSONS)
        self.assertEqual(again.returncode, 0)
        self.assertIn("0 added, 0 updated, 64 unchanged, 0 removed, 0 rejected", again.stdout)

    def test_search_json_follows_the_contract(self):
        # --lang is the reader's language: a lesson that exists in it is shown in it, whatever
        # the language of the words that found it.
        document = self.search_json("--lang", "fr", "--limit", "3", "exit", "strategy")
        self.assertEqual(len(document["results"]), 3)
        first = document["results"][0]
        for key in ("id", "lang", "title", "snippet", "steps"):
            self.assertIn(key, first)
        self.assertEqual(first["id"], "set-a-lifespan-and-exit-strategy")
        self.assertEqual(first["lang"], "fr")
        self.assertEqual(first["title"], "Fixer une durée de vie et une stratégie de sortie claire")
        self.assertEqual(first["steps"], [6, 7])
        self.assertIn("<mark>", first["snippet"])
        self.assertIn("facets", document)
        self.assertEqual(document["facets"]["languages"]["en"], document["matching_lessons"])
        # No reader's language given: the language of the words typed.
        first = self.search_json("--limit", "3", "stratégie", "de", "sortie")["results"][0]
        self.assertEqual((first["id"], first["lang"]), ("set-a-lifespan-and-exit-strategy", "fr"))
        self.assertIn("<mark>stratégie de sortie</mark>", first["snippet"])
        # Words that do not decide (none typed): the reader's language.
        document = self.search_json("--lang", "fr", "--step", "6", "--limit", "100")
        for result in document["results"]:
            self.assertEqual(result["lang"], "fr" if "fr" in result["languages"] else result["languages"][0])

    def test_a_language_filter_gives_as_many_lessons_as_its_count(self):
        document = self.search_json("--limit", "100", "利益相关方")
        count = document["facets"]["languages"]["zh-Hans"]
        filtered = self.search_json("--limit", "100", "--has-lang", "zh-Hans", "利益相关方")
        self.assertEqual(filtered["query"], "利益相关方", "the words after a filter are the query's")
        self.assertEqual(len(filtered["results"]), count)
        self.assertTrue(all(result["lang"] == "zh-Hans" for result in filtered["results"]), filtered["results"])

    def test_filters_and_correction(self):
        document = self.search_json("--step", "5", "--tag", "lead-partner", "lead", "partner")
        self.assertTrue(document["results"])
        for result in document["results"]:
            self.assertIn(5, result["steps"])
            self.assertIn("lead-partner", result["tags"])
        document = self.search_json("acountability")
        self.assertEqual(document["corrected_query"], "accountability")

    def test_what_was_searched_instead_is_shown_with_the_corrected_words_marked(self):
        # Two misspelled words and one as typed: each misspelled one is corrected on its own.
        document = self.search_json("stakeholdr", "mappng", "grid")
        self.assertEqual(document["corrected_query"], "stakeholder mapping grid")
        self.assertEqual(document["corrected_query_marked"], "<mark>stakeholder</mark> <mark>mapping</mark> grid")
        self.assertEqual(document["corrected_words"], [{"typed": "stakeholdr", "searched": "stakeholder"},
                                                       {"typed": "mappng", "searched": "mapping"}])
        self.assertEqual(document["results"][0]["id"], "map-stakeholders-interest-influence")
        # Words the index holds: nothing searched instead.
        document = self.search_json("stakeholder", "mapping")
        self.assertNotIn("corrected_query", document)
        self.assertNotIn("corrected_words", document)
        # The text output says it on its first line, the corrected words between asterisks
        # (bold on a terminal).
        result = run("search", "--db", self.db, "--limit", "1", "stakeholdr", "mapping")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines()[0], "Showing results for: *stakeholder* mapping")
        result = run("search", "--db", self.db, "--limit", "1", "stakeholder", "mapping")
        self.assertNotIn("Showing results for", result.stdout)

    def test_text_output(self):
        result = run("search", "--db", self.db, "--limit", "1", "stakeholder", "mapping")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("map-stakeholders-interest-influence", result.stdout)

    def test_bad_step_is_a_usage_error(self):
        self.assertEqual(run("search", "--db", self.db, "--step", "8", "trust").returncode, 2)

    def test_missing_index_is_an_environment_failure(self):
        result = run("search", "--db", os.path.join(self.tmp, "nothing"), "trust")
        self.assertEqual(result.returncode, 4)
        self.assertIn("[partnering.lessons.no-index]", result.stderr)

    def test_rejected_files_give_exit_code_1_and_the_rest_is_indexed(self):
        library = os.path.join(self.tmp, "mixed")
        os.makedirs(library)
        shutil.copy(os.path.join(LESSONS, "designate-a-focal-point.xml"), library)
        with open(os.path.join(library, "broken.xml"), "w") as f:
            f.write('<lesson xmlns="urn:x-partnering:lesson:1" id="broken">\n<text xml:lang="en">')
        db = os.path.join(self.tmp, "mixed-db")
        result = run("index", "build", "--db", db, library)
        self.assertEqual(result.returncode, 1)
        self.assertIn("broken.xml:2:", result.stderr)
        self.assertIn("[partnering.xml.malformed]", result.stderr)
        self.assertIn("1 added", result.stdout)
        found = run("search", "--db", db, "--json", "focal", "point")
        self.assertEqual(json.loads(found.stdout)["results"][0]["id"], "designate-a-focal-point")

    def test_remote_database_served_by_xapian_tcpsrv(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen(["xapian-tcpsrv", "--interface", "127.0.0.1", "--port", str(port), self.db],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 20
            while True:
                result = run("search", "--remote", "127.0.0.1:%d" % port, "--json", "--lang", "es",
                             "estrategia", "de", "salida")
                if result.returncode == 0 or time.monotonic() > deadline:
                    break
                time.sleep(0.2)
            self.assertEqual(result.returncode, 0, result.stderr)
            first = json.loads(result.stdout)["results"][0]
            self.assertEqual(first["id"], "set-a-lifespan-and-exit-strategy")
            self.assertEqual(first["lang"], "es")
        finally:
            server.kill()
            server.wait()
        unreachable = run("search", "--remote", "127.0.0.1:%d" % port, "trust")
        self.assertEqual(unreachable.returncode, 4)
        self.assertIn("[partnering.lessons.remote-unreachable]", unreachable.stderr)

    def test_kill_9_during_a_build_leaves_the_previous_index_searchable(self):
        library = os.path.join(self.tmp, "big")
        shutil.copytree(LESSONS, library)
        template = open(os.path.join(LESSONS, "designate-a-focal-point.xml"), encoding="utf-8").read()
        for i in range(1500):
            with open(os.path.join(library, "bulk-%d.xml" % i), "w", encoding="utf-8") as f:
                f.write(template.replace('id="designate-a-focal-point"', 'id="bulk-%d"' % i))
        db = os.path.join(self.tmp, "big-db")
        self.assertEqual(run("index", "build", "--db", db, LESSONS).returncode, 0)
        writer = subprocess.Popen([CLI, "index", "build", "--db", db, library],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.8)
        self.assertIsNone(writer.poll(), "the build finished before it could be killed; make it bigger")
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        during = json.loads(run("search", "--db", db, "--json", "--limit", "100", "focal", "point").stdout)
        self.assertNotIn("bulk-0", [r["id"] for r in during["results"]])
        self.assertEqual(during["facets"]["languages"]["en"], during["matching_lessons"])
        self.assertEqual(run("search", "--db", db, "exit", "strategy").returncode, 0)
        finished = run("index", "build", "--db", db, library, timeout=600)  # slow under ASan
        self.assertEqual(finished.returncode, 0, finished.stderr)
        self.assertIn("1564 added", finished.stdout)  # the 64 lessons sit at new paths in the copy
        self.assertIn("64 removed", finished.stdout)


ADVICE_LESSON = os.path.join(SOURCE, "tests", "lessons", "fixtures", "exit-strategy-with-advice.xml")
ADVICE_HEADING = "Our advice (not from the source):"


class LessonShow(unittest.TestCase):
    """A lesson whose closing paragraph is the library's own advice, beside a shipped one."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="partnering-cli-show-")
        library = os.path.join(cls.tmp, "lessons")
        os.makedirs(library)
        shutil.copy(ADVICE_LESSON, library)
        # Every shipped lesson has advice now: one without, of the test's own.
        with open(os.path.join(library, "plain-lesson.xml"), "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<lesson xmlns="urn:x-partnering:lesson:1" id="plain-lesson">'
                    '<text xml:lang="en"><title>Name a focal point</title><body><p>Focal points steward partnerships.</p>'
                    '</body></text></lesson>\n')
        cls.db = os.path.join(cls.tmp, "db")
        result = run("index", "build", "--db", cls.db, library)
        assert result.returncode == 0, result.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def show(self, *args):
        result = run("lessons", "show", "--db", self.db, *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def test_json_carries_the_advice_as_its_own_member(self):
        lesson = json.loads(self.show("--json", "exit-strategy-with-advice"))
        self.assertEqual((lesson["id"], lesson["lang"]), ("exit-strategy-with-advice", "en"))
        self.assertEqual(len(lesson["body"]), 2)
        self.assertFalse(any("credibility" in p for p in lesson["body"]), lesson["body"])
        self.assertEqual(len(lesson["advice"]), 1)
        self.assertTrue(lesson["advice"][0].startswith("Write the duration of the partnership"), lesson["advice"])
        self.assertTrue(lesson["advice"][0].endswith("resources and credibility."), lesson["advice"])
        self.assertEqual(lesson["languages"], ["en", "fr"])
        french = json.loads(self.show("--json", "--lang", "fr-CA", "exit-strategy-with-advice"))
        self.assertEqual(french["lang"], "fr")
        self.assertTrue(french["advice"][0].startswith("Inscrivez la durée du partenariat"), french["advice"])
        self.assertEqual(json.loads(self.show("--json", "plain-lesson"))["advice"], [])

    def test_text_shows_the_advice_under_its_own_heading_after_what_the_source_says(self):
        text = self.show("exit-strategy-with-advice")
        self.assertTrue(text.startswith("Set a lifespan and a clear exit strategy  [en; exit-strategy-with-advice; "
                                        "step 6 7]\nSource: UNICEF Executive Board"), text)
        body, heading, advice = text.partition("\n" + ADVICE_HEADING + "\n")
        self.assertEqual(heading, "\n" + ADVICE_HEADING + "\n", text)
        self.assertIn("Scaling Up Nutrition leadership group", body)
        self.assertNotIn("credibility", body)
        self.assertTrue(advice.startswith("Write the duration of the partnership"), advice)
        self.assertNotIn(ADVICE_HEADING, self.show("plain-lesson"))

    def test_an_unknown_lesson_is_invalid_input(self):
        result = run("lessons", "show", "--db", self.db, "no-such-lesson")
        self.assertEqual(result.returncode, 3)
        self.assertIn("[partnering.lessons.unknown-lesson]", result.stderr)

    def test_a_word_only_in_the_advice_finds_the_lesson_and_its_advice_snippet(self):
        result = run("search", "--db", self.db, "--json", "credibility")
        self.assertEqual(result.returncode, 0, result.stderr)
        hit = json.loads(result.stdout)["results"][0]
        self.assertEqual(hit["id"], "exit-strategy-with-advice")
        self.assertNotIn("<mark>", hit["snippet"])
        self.assertIn("<mark>credibility</mark>", hit["advice_snippet"])
        result = run("search", "--db", self.db, "credibility")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("   " + ADVICE_HEADING + "\n   ", result.stdout)
        self.assertIn("*credibility*", result.stdout)  # not a terminal: marks as asterisks
        found_in_body = json.loads(run("search", "--db", self.db, "--json", "nutrition").stdout)["results"][0]
        self.assertIn("<mark>", found_in_body["snippet"])
        self.assertNotIn("<mark>", found_in_body["advice_snippet"])


if __name__ == "__main__":
    unittest.main()
