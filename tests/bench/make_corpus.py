#!/usr/bin/python3
"""Makes the lessons scale corpus: the translated manual pages Debian ships (manpages-fr,
-de, -es, -ru, -ja, -zh, -it, -pl, -pt-br, -nl) cut into lesson files of a section or a few
paragraphs each, in the lesson format (urn:x-partnering:lesson:1), plus a set of queries
drawn from them. Deterministic for a given set of installed pages.

usage: make_corpus.py OUT_DIR [--documents N] [--queries N]
"""
import argparse
import gzip
import html
import json
import os
import random
import re
import sys

LANGUAGES = {"fr": "fr", "de": "de", "es": "es", "ru": "ru", "ja": "ja", "zh_CN": "zh-Hans",
             "it": "it", "pl": "pl", "pt_BR": "pt-BR", "nl": "nl"}
MAN = "/usr/share/man"
ESCAPES = [(r"\\f[BIRP1-4]", ""), (r"\\f\[[A-Z]*\]", ""), (r"\\f\([A-Z]{2}", ""), (r"\\[,/&:]", ""),
           (r"\\-", "-"), (r"\\\(em", "—"), (r"\\\(en", "–"), (r"\\\(aq", "'"), (r"\\\(dq", '"'),
           (r"\\\(bu", "•"), (r"\\\(co", "©"), (r"\\\([a-z]{2}", ""), (r"\\\*\(..", ""), (r"\\\*.", ""),
           (r"\\e", "\\\\"), (r"\\ ", " "), (r"\\s[-+]?\d", ""), (r"\\[|^%]", ""), (r"\\\"", "")]


def roff_to_text(line):
    for pattern, replacement in ESCAPES:
        line = re.sub(pattern, replacement, line)
    return line.replace("\\", "").strip()


def sections(path):
    """(section title, [paragraphs]) of one manual page."""
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    title, paragraphs, current = None, [], []
    for raw in lines:
        if raw.startswith(".\\\"") or raw.startswith("'\\\""):
            continue
        if raw.startswith(".SH") or raw.startswith(".SS"):
            if current:
                paragraphs.append(" ".join(current))
            if title is not None and paragraphs:
                yield title, paragraphs
            title, paragraphs, current = roff_to_text(raw[3:]).strip('"') or "?", [], []
        elif raw.startswith((".PP", ".P ", ".LP", ".TP", ".IP", ".HP", ".sp", ".br")) or raw.strip() == ".P":
            if current:
                paragraphs.append(" ".join(current))
            current = []
            rest = roff_to_text(re.sub(r"^\.\w+\s*", "", raw))
            if raw.startswith(".IP") and rest:
                current.append(rest.strip('"'))
        elif raw.startswith("."):
            words = roff_to_text(re.sub(r"^\.\w+\s*", "", raw)).replace('"', "")
            if words and not raw.startswith((".TH", ".de", ".if", ".ie", ".el", ".nr", ".ds", ".so", ".ft", ".in", ".RS", ".RE", ".nf", ".fi", ".ad", ".na", ".ne", ".ti", ".ll", ".hy", ".nh", ".UR", ".UE", ".MT", ".ME", ".EX", ".EE")):
                current.append(words)
        else:
            text = roff_to_text(raw)
            if text:
                current.append(text)
    if current:
        paragraphs.append(" ".join(current))
    if title is not None and paragraphs:
        yield title, paragraphs


def chunks(paragraphs, limit=900):
    chunk, size = [], 0
    for paragraph in paragraphs:
        if len(paragraph) < 2:
            continue
        if chunk and size + len(paragraph) > limit:
            yield chunk
            chunk, size = [], 0
        chunk.append(paragraph[:4000])
        size += len(paragraph)
    if chunk and size >= 40:
        yield chunk


def documents_of(language):
    folder = os.path.join(MAN, language)
    for root, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            if not name.endswith(".gz"):
                continue
            page = re.sub(r"[^a-z0-9]+", "-", name[:-3].lower()).strip("-")
            for s, (title, paragraphs) in enumerate(sections(os.path.join(root, name))):
                for c, chunk in enumerate(chunks(paragraphs)):
                    yield "%s-%s-%d-%d" % (LANGUAGES[language].lower(), page, s, c), "%s: %s" % (name[:-3], title), chunk


def lesson_xml(lesson_id, language, title, paragraphs, steps):
    body = "".join("<p>%s</p>" % html.escape(p, quote=False) for p in paragraphs)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<lesson xmlns="urn:x-partnering:lesson:1" id="%s" steps="%s">'
            '<source>Debian manual pages</source><tag>manual</tag><text xml:lang="%s"><title>%s</title>'
            '<body>%s</body></text></lesson>\n' % (lesson_id, steps, language, html.escape(title, quote=False), body))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--documents", type=int, default=50000)
    parser.add_argument("--queries", type=int, default=250)
    args = parser.parse_args()
    available = [l for l in LANGUAGES if os.path.isdir(os.path.join(MAN, l))]
    if len(available) < 6:
        sys.exit("make_corpus: need the translated manual pages of 6 languages (manpages-fr, -de, -es, -ru, -ja, -zh...)")
    generators = {l: documents_of(l) for l in available}
    rng = random.Random(2026)
    written, per_language, samples = 0, {}, []
    seen = set()
    while written < args.documents and generators:
        for language in list(generators):  # round robin keeps the languages balanced
            try:
                lesson_id, title, paragraphs = next(generators[language])
            except StopIteration:
                del generators[language]
                continue
            if lesson_id in seen:
                continue
            seen.add(lesson_id)
            tag = LANGUAGES[language]
            folder = os.path.join(args.out, "lessons", tag)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, lesson_id + ".xml"), "w", encoding="utf-8") as f:
                f.write(lesson_xml(lesson_id, tag, title, paragraphs, rng.randint(1, 7)))
            per_language[tag] = per_language.get(tag, 0) + 1
            written += 1
            if rng.random() < 0.02:
                samples.append((tag, " ".join(paragraphs)))
            if written >= args.documents:
                break
    queries = []
    for tag, text in rng.sample(samples, min(len(samples), args.queries * 2)):
        if tag in ("ja", "zh-Hans"):
            runs = [r for r in re.findall(r"[\u3040-\u30ff\u4e00-\u9fff]{4,}", text)]
            if runs:
                run = rng.choice(runs)
                start = rng.randrange(0, len(run) - 3)
                queries.append({"lang": tag, "query": run[start:start + 4]})
        else:
            words = [w for w in re.findall(r"\w{5,}", text) if not w.isdigit()]
            if len(words) >= 2:
                queries.append({"lang": tag, "query": " ".join(rng.sample(words, 2))})
        if len(queries) >= args.queries:
            break
    with open(os.path.join(args.out, "queries.jsonl"), "w", encoding="utf-8") as f:
        for q in queries:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    print("make_corpus: %d documents (%s), %d queries in %s" % (
        written, ", ".join("%s %d" % kv for kv in sorted(per_language.items())), len(queries), args.out))
    if written < args.documents:
        sys.exit("make_corpus: only %d documents could be made" % written)


if __name__ == "__main__":
    main()
