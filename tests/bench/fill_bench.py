#!/usr/bin/python3
"""The fill benchmark: our filler against LibreOffice itself filling the same template over UNO
(load the .ott, set the same values in its placeholders, store as .odt, from python3-uno
against a warm headless soffice), in one run, on the same disk.

LibreOffice's side replaces each placeholder with its value; it does not repeat rows, drop
conditional sections or draw the stakeholder map, so it does less work than our filler.

usage: fill_bench.py --fill-bench BIN --template T.ott --answers A.json --work DIR
                     [--count N] [--batch M] [--lo-count N] [--lo-batch M] [--report FILE.md]
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
from office import Office  # noqa: E402


def resolve(answers, path):
    """The value a placeholder shows, for LibreOffice's side: lists give their first item."""
    node = answers
    for key in re.split(r"\.|\[\]\.?", path.split("|")[0]):
        if not key:
            continue
        if isinstance(node, list):
            node = node[0] if node else None
        if not isinstance(node, dict):
            return ""
        node = node.get(key)
    if isinstance(node, list):
        return ", ".join(str(v) for v in node if not isinstance(v, (dict, list)))
    if isinstance(node, dict):
        return " ".join(str(v) for v in node.values())
    return "" if node is None else str(node)


def libreoffice_fill(office, template, answers, out):
    document = office.load(template, AsTemplate=True)
    try:
        fields = document.getTextFields().createEnumeration()
        placeholders = []
        while fields.hasMoreElements():
            field = fields.nextElement()
            if field.supportsService("com.sun.star.text.TextField.JumpEdit"):
                placeholders.append(field)
        for field in placeholders:
            path = field.PlaceHolder.strip().strip("<>")
            anchor = field.getAnchor()
            anchor.getText().insertString(anchor, resolve(answers, path), True)
        office.store(document, out, "writer8")
    finally:
        document.close(True)
    return len(placeholders)


def peak_rss_mib(process_group):
    peak = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if os.getpgid(int(pid)) != process_group:
                continue
            with open("/proc/%s/status" % pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]) / 1024)
        except (OSError, ProcessLookupError):
            continue
    return peak


def cpu_ms(process_group):
    """CPU time (user + system) used so far by the processes of a group, in ms."""
    ticks = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if os.getpgid(int(pid)) != process_group:
                continue
            with open("/proc/%s/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, ProcessLookupError, IndexError, ValueError):
            continue
    return ticks * 1000.0 / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fill-bench", required=True)
    parser.add_argument("--template", required=True)
    parser.add_argument("--answers", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--lo-count", type=int, default=30)
    parser.add_argument("--lo-batch", type=int, default=1000)
    parser.add_argument("--report")
    args = parser.parse_args()

    ours = json.loads(subprocess.run(
        [args.fill_bench, "--template", args.template, "--answers", args.answers, "--out",
         os.path.join(args.work, "ours"), "--count", str(args.count), "--batch", str(args.batch)],
        check=True, capture_output=True, text=True).stdout)

    with open(args.answers, encoding="utf-8") as f:
        answers = json.load(f)
    office = Office(workdir=os.path.join(args.work, "office"))
    office.prepare()
    start = time.monotonic()
    office.launch()
    office.desktop()
    lo_start = time.monotonic() - start
    try:
        template = office.writable_path("template.ott")
        with open(args.template, "rb") as src, open(template, "wb") as dst:
            dst.write(src.read())
        os.chmod(template, 0o644)
        libreoffice_fill(office, template, answers, office.writable_path("warm-up.odt"))
        times = []
        group = os.getpgid(office.process.pid)
        cpu_start = cpu_ms(group)
        for i in range(args.lo_count):
            t = time.monotonic()
            placeholders = libreoffice_fill(office, template, answers, office.writable_path("lo-%d.odt" % (i % 10)))
            times.append((time.monotonic() - t) * 1000)
        lo_cpu = (cpu_ms(group) - cpu_start) / args.lo_count
        batch_start = time.monotonic()
        for i in range(args.lo_batch):
            libreoffice_fill(office, template, answers, office.writable_path("lo-batch-%d.odt" % (i % 10)))
        lo_batch_s = time.monotonic() - batch_start
        lo_peak = peak_rss_mib(os.getpgid(office.process.pid))
    finally:
        office.stop()

    times.sort()
    lo_median = statistics.median(times)
    rows = [
        ("median per agreement", "%.2f ms" % ours["median_ms"], "%.0f ms" % lo_median,
         "%.0fx" % (lo_median / ours["median_ms"])),
        ("CPU per agreement (user + system; LibreOffice's processes, mean)", "%.2f ms" % ours["median_cpu_ms"],
         "%.0f ms" % lo_cpu, "%.0fx" % (lo_cpu / ours["median_cpu_ms"])),
        ("content rendered alone, median", "%.2f ms" % ours["content_median_ms"], "", ""),
        ("p95 per agreement", "%.2f ms" % ours["p95_ms"], "%.0f ms" % times[min(len(times) - 1, len(times) * 95 // 100)], ""),
        ("batch of %d agreements" % args.batch if args.batch == args.lo_batch else "batch (ours %d, LibreOffice %d)" % (args.batch, args.lo_batch),
         "%.2f s" % ours["batch_s"], "%.1f s" % lo_batch_s,
         "%.0fx" % ((lo_batch_s / args.lo_batch) / (ours["batch_s"] / args.batch))),
        ("start (template compile / soffice start)", "%.1f ms" % ours["template_compile_ms"], "%.1f s" % lo_start, ""),
        ("peak memory (RSS)", "%.1f MiB" % ours["peak_rss_mib"], "%.0f MiB" % lo_peak,
         "%.0fx" % (lo_peak / ours["peak_rss_mib"]) if ours["peak_rss_mib"] else ""),
    ]
    report = ["# Fill benchmark: %s with %s" % (os.path.basename(args.template), os.path.basename(args.answers)), "",
              "LibreOffice replaced %d placeholders per document (no repeats, conditions or map)." % placeholders, "",
              "| measure | partnering | LibreOffice over UNO | ratio |", "|---|---|---|---|"]
    report += ["| %s | %s | %s | %s |" % row for row in rows]
    text = "\n".join(report) + "\n"
    print(text)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
