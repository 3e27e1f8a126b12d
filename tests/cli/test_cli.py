"""The partnering command line as a user runs it: help, version, output and exit codes."""
import json
import os
import subprocess
import unittest

CLI = os.environ.get("PARTNERING_CLI", "partnering")
VERSION = os.environ.get("PARTNERING_VERSION", "")


def run(*args):
    return subprocess.run([CLI] + list(args), capture_output=True, text=True, timeout=60)


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


if __name__ == "__main__":
    unittest.main()
