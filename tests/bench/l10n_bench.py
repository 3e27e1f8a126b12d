#!/usr/bin/python3
"""The localisation benchmark: our `l10n extract` and `l10n merge` against translate-toolkit's
odf2xliff and xliff2odf on the same templates, in one run, median of N runs, measured twice:
as the commands a translator or a build runs (process start included for both), and in
process (our library through translation_bench; translate-toolkit's converters called from
Python after its imports).

usage: l10n_bench.py --cli PARTNERING --bench TRANSLATION_BENCH --templates DIR --translations DIR --work DIR
                     [--runs N] [--report FILE.md]
"""
import argparse
import json
import os
import statistics
import subprocess
import time

from translate.convert import odf2xliff, xliff2odf


def in_process(runs, work):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def their_extract(template, out):
    with open(template, "rb") as source, open(out, "wb") as target:
        odf2xliff.convertodf(source, target, None)


def their_merge(template, xliff, out):
    with open(xliff, "rb") as source, open(out, "wb") as target, open(template, "rb") as original:
        xliff2odf.convertxliff(source, target, original)


def timed(args, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--bench", required=True)
    parser.add_argument("--templates", required=True)
    parser.add_argument("--translations", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--report")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    rows, in_rows = [], []
    for name in ("agreement", "mou", "workplan"):
        template = os.path.join(args.templates, name + ".ott")
        w = lambda f: os.path.join(args.work, name + f)  # noqa: E731
        ours_extract = timed([args.cli, "l10n", "extract", "--template", template, "--out", w(".xlf")], args.runs)
        ours_extract_po = timed([args.cli, "l10n", "extract", "--template", template, "--out", w(".po")], args.runs)
        theirs_extract = timed(["odf2xliff", template, w(".odf2xliff.xlf")], args.runs)
        translation = os.path.join(args.translations, name, "fr.po")
        ours_merge = timed([args.cli, "l10n", "merge", "--template", template, "--translation", translation,
                            "--out", w(".fr.ott")], args.runs)
        theirs_merge = timed(["xliff2odf", "-t", template, w(".odf2xliff.xlf"), w(".xliff2odf.ott")], args.runs)
        ours = json.loads(subprocess.run([args.bench, "--template", template, "--translation", translation, "--work",
                                          w("-bench"), "--runs", str(max(args.runs, 10))],
                                         check=True, capture_output=True, text=True).stdout)
        theirs_in_extract = in_process(args.runs, lambda: their_extract(template, w(".ttk.xlf")))
        theirs_in_merge = in_process(args.runs, lambda: their_merge(template, w(".ttk.xlf"), w(".ttk.ott")))
        rows.append((name, ours_extract, ours_extract_po, theirs_extract, ours_merge, theirs_merge))
        in_rows.append((name, ours["extract_xliff_ms"], ours["extract_po_ms"], theirs_in_extract, ours["merge_ms"],
                        theirs_in_merge))
    lines = ["# Localisation benchmark: median of %d runs per command, ms" % args.runs, "",
             "| template | extract (ours, XLIFF) | extract (ours, PO) | odf2xliff | ratio | merge (ours) | xliff2odf | ratio |",
             "|---|---|---|---|---|---|---|---|"]
    for name, ox, op, tx, om, tm in rows:
        lines.append("| %s | %.1f | %.1f | %.1f | %.0fx | %.1f | %.1f | %.0fx |" % (name, ox, op, tx, tx / ox, om, tm, tm / om))
    lines += ["", "In process (our library; translate-toolkit's convertodf/convertxliff after imports), ms", "",
              "| template | extract (ours, XLIFF) | extract (ours, PO) | odf2xliff | ratio | merge (ours) | xliff2odf | ratio |",
              "|---|---|---|---|---|---|---|---|"]
    for name, ox, op, tx, om, tm in in_rows:
        lines.append("| %s | %.2f | %.2f | %.1f | %.0fx | %.2f | %.1f | %.0fx |" % (name, ox, op, tx, tx / ox, om, tm, tm / om))
    text = "\n".join(lines) + "\n"
    print(text)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
