"""Drafts whose stored journey answers (the custom property fill::kAnswersProperty in meta.xml)
are hostile: written as the wizard's Finish writes a draft (the CLI's fill), then the property's
text replaced in the package as another tool, a damaged disk or a malicious sender would leave
it. Shared by test_hostile_drafts."""
import json
import os
import re
import subprocess
import threading
import zipfile
from xml.sax.saxutils import escape

ANSWERS_PROPERTY = "partnering-answers"
MiB = 1024 * 1024


def make_draft(cli, template, answers, answers_path, out):
    """A draft agreement filled by the CLI from `answers`, as the wizard's Finish makes it."""
    with open(answers_path, "w", encoding="utf-8") as f:
        json.dump(answers, f)
    subprocess.run([cli, "fill", "--template", template, "--answers", answers_path, "--out", out],
                   check=True, capture_output=True, timeout=120)
    return out


def with_stored_answers(draft, out, text):
    """A copy of `draft` at `out` whose stored answers are `text`, whatever it holds: the other
    entries are copied as they are (the mimetype first and uncompressed, as ODF wants)."""
    with zipfile.ZipFile(draft) as source, zipfile.ZipFile(out + ".part", "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "meta.xml":
                meta = data.decode("utf-8")
                pattern = re.compile(r'(<meta:user-defined meta:name="%s"[^>]*>)(.*?)(</meta:user-defined>)'
                                     % re.escape(ANSWERS_PROPERTY), re.S)
                assert pattern.search(meta), "the draft stores no answers"
                meta = pattern.sub(lambda m: m.group(1) + escape(text) + m.group(3), meta, count=1)
                data = meta.encode("utf-8")
            compression = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info.filename, data, compress_type=compression)
    os.replace(out + ".part", out)
    os.chmod(out, 0o666)  # the user may edit it (soffice may run as another user)
    return out


def hostile_answers(small):
    """{name: (stored text, words the user must be told)} for the kinds of hostile answers:
    broken JSON, valid JSON of the wrong types, and megabytes of text."""
    small_text = json.dumps(small, ensure_ascii=False, indent=2)
    wrong_types = {"language": 7, "partnership": {"name": ["not", "a", "name"], "stakeholders": "everyone"},
                   "partners": 3, "vision": {"text": True}}
    huge_value = json.loads(json.dumps(small))
    huge_value["vision"]["statement"] = "A vision that never ends. " * (12 * MiB // 26)
    # Ninety thousand list items of the wrong type and a property name of six megabytes: each is
    # a problem of its own, and the name is in the path of its problem.
    huge_blob = {"language": "en", "x" * (6 * MiB): 1, "partnership": {"stakeholders": [0] * 90000}}
    # Two million values (four megabytes): more than any journey holds, refused unread.
    too_many = {"language": "en", "partnership": {"stakeholders": [0] * 2000000}}
    return {
        "broken-json": (small_text[:len(small_text) // 2], ["[partnering.answers.not-json]"]),
        # Said in plain words, never in the schema validator's ("Value type not permitted").
        "wrong-types": (json.dumps(wrong_types), ["[partnering.answers.invalid]", "$.language: must be text, not a whole number",
                                                  "$.partners: must be a list, not a whole number",
                                                  "$.vision: \"text\" is not an answer here"]),
        "megabytes-of-text": (json.dumps(huge_value), ["[partnering.answers.invalid]", "$.vision.statement"]),
        "megabytes-of-problems": (json.dumps(huge_blob), ["[partnering.answers.invalid]", "$.partnership.stakeholders"]),
        "too-many-values": (json.dumps(too_many), ["[partnering.answers.too-large]", "100000 values"]),
        # Not JSON, and the token that breaks it is one unterminated string of ten megabytes.
        "megabytes-unterminated": ('{"language": "en", "vision": "' + "y" * (10 * MiB),
                                   ["[partnering.answers.not-json]"]),
    }


def within(seconds, call, what):
    """call()'s value, or an AssertionError when it has not returned after `seconds`: a UNO call
    into an office whose main thread hangs would otherwise wait for ever."""
    box = {}

    def run():
        try:
            box["value"] = call()
        except BaseException as e:  # handed to the test below
            box["error"] = e

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise AssertionError("%s did not answer within %d s: the office hangs" % (what, seconds))
    if "error" in box:
        raise box["error"]
    return box.get("value")
