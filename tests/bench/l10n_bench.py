#!/usr/bin/python3
"""The localisation benchmark: our `l10n extract` and `l10n merge` against translate-toolkit's
odf2xliff and xliff2odf on the same templates, in one run, median of N runs, measured twice:
as the commands a translator or a build runs (process start included for both), and in
process (our library through translation_bench; translate-toolkit's converters called from
Python after its imports).

usage: l10n_bench.py --cli PARTNERING --bench TRANSLATION_BENCH --templates DIR --translations DIR --work DIR
                     [--runs N] [--in-process-runs N] [--report FILE.md]

An in-process run takes a millisecond or two: its median needs more runs than a command's to
hold still (at 20, the same build's ratio moved by up to 30% from one run to the next).
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import time

from translate.convert import odf2xliff, xliff2odf


def in_process(runs, work):
    """Median wall-clock and CPU (user + system) milliseconds."""
    times, cpu = [], []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        work()
        cpu.append((time.process_time() - cpu_start) * 1000)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), statistics.median(cpu)


def their_extract(template, out):
    with open(template, "rb") as source, open(out, "wb") as target:
        odf2xliff.convertodf(source, target, None)


def their_merge(template, xliff, out):
    with open(xliff, "rb") as source, open(out, "wb") as target, open(template, "rb") as original:
        xliff2odf.convertxliff(source, target, original)


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


def timed(args, runs):
    """Median wall-clock and CPU (user + system of the command) milliseconds."""
    times, cpu = [], []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), children_cpu()
        subprocess.run(args, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append(children_cpu() - cpu_start)
    return statistics.median(times), statistics.median(cpu)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--bench", required=True)
    parser.add_argument("--templates", required=True)
    parser.add_argument("--translations", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--in-process-runs", type=int, default=100)
    parser.add_argument("--report")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    rows, in_rows = [], []
    for name in ("agreement", "mou", "workplan"):
        template = os.path.join(args.templates, name + ".ott")
        w = lambda f: os.path.join(args.work, name + f)  # noqa: E731
        translation = os.path.join(args.translations, name, "fr.po")
        # In process first: it also writes the French translation as XLIFF, which our merge
        # command reads below beside the PO (xliff2odf reads XLIFF).
        ours = json.loads(subprocess.run([args.bench, "--template", template, "--translation", translation, "--work",
                                          w("-bench"), "--runs", str(args.in_process_runs)],
                                         check=True, capture_output=True, text=True).stdout)
        ours_extract = timed([args.cli, "l10n", "extract", "--template", template, "--out", w(".xlf")], args.runs)
        ours_extract_po = timed([args.cli, "l10n", "extract", "--template", template, "--out", w(".po")], args.runs)
        theirs_extract = timed(["odf2xliff", template, w(".odf2xliff.xlf")], args.runs)
        ours_merge = timed([args.cli, "l10n", "merge", "--template", template, "--translation", translation,
                            "--out", w(".fr.ott")], args.runs)
        ours_merge_xliff = timed([args.cli, "l10n", "merge", "--template", template, "--translation", ours["xliff"],
                                  "--out", w(".fr-xliff.ott")], args.runs)
        theirs_merge = timed(["xliff2odf", "-t", template, w(".odf2xliff.xlf"), w(".xliff2odf.ott")], args.runs)
        theirs_in_extract = in_process(args.in_process_runs, lambda: their_extract(template, w(".ttk.xlf")))
        theirs_in_merge = in_process(args.in_process_runs, lambda: their_merge(template, w(".ttk.xlf"), w(".ttk.ott")))
        rows.append((name, ours_extract, ours_extract_po, theirs_extract, ours_merge, ours_merge_xliff, theirs_merge))
        cpu = ours["cpu_ms"]
        in_rows.append((name, (ours["extract_xliff_ms"], cpu["extract_xliff_ms"]), (ours["extract_po_ms"], cpu["extract_po_ms"]),
                        theirs_in_extract, (ours["merge_ms"], cpu["merge_ms"]), (ours["merge_xliff_ms"], cpu["merge_xliff_ms"]),
                        theirs_in_merge))
    header = ["| template | extract (ours, XLIFF) | extract (ours, PO) | odf2xliff | ratio (XLIFF) "
              "| merge (ours, PO) | merge (ours, XLIFF) | xliff2odf | ratio (PO / XLIFF) |",
              "|---|---|---|---|---|---|---|---|---|"]
    lines = ["# Localisation benchmark: median of %d runs per command, %d in process, ms" % (args.runs, args.in_process_runs), "",
             "Wall clock, and CPU time (user + system), which other load on a shared machine barely changes.", ""]
    for title, table, digits in (("Per command (process start included for both)", rows, 1),
                                 ("In process (our library; translate-toolkit's convertodf/convertxliff after imports)", in_rows, 2)):
        for clock, k in (("wall clock", 0), ("CPU time", 1)):
            lines += ["## %s, %s" % (title, clock), ""] + header
            for name, ox, op, tx, om, omx, tm in table:
                f = "%%.%df" % digits
                cells = [f % ox[k], f % op[k], "%.1f" % tx[k], "%.1fx" % (tx[k] / ox[k]), f % om[k], f % omx[k], "%.1f" % tm[k],
                         "%.1fx / %.1fx" % (tm[k] / om[k], tm[k] / omx[k])]
                lines.append("| %s | %s |" % (name, " | ".join(cells)))
            lines.append("")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
