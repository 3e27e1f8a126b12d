#!/usr/bin/python3
"""Keystroke-to-results latency of the "Lessons learned" sidebar panel on the bundled library,
inside a real headless LibreOffice with the built .oxt installed.

Realistic queries in several languages are typed one character at a time into the panel's real
search box (XTextComponent.setText fires the panel's text listener inside soffice, which searches
and refills the results list and the four filters); each sample is the time from setText to the
results list read back filled. The times include one UNO round trip each way over a local socket.

usage: sidebar_bench.py --oxt partnering.oxt [--count N] [--warmup N] [--report FILE.md]
"""
import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
from office import Office  # noqa: E402

QUERIES = [
    ("en", "exit strategy"), ("fr", "stratégie de sortie"), ("es", "estrategia de salida"),
    ("en", "stakeholder mapping"), ("fr", "vision commune"), ("es", "rendición de cuentas"),
    ("en", "roles and responsibilities"), ("ar", "استراتيجية خروج"), ("zh", "退出战略"),
    ("en", "monitoring and evaluation"), ("fr", "parties prenantes"), ("km", "យុទ្ធសាស្ត្រចាកចេញ"),
    ("en", "conflict of interest"), ("es", "visión compartida"), ("fr", "gouvernance du partenariat"),
    ("en", "shared value for all partners"), ("es", "socios del sector privado"),
]


def typed_prefixes(count):
    """What the search box holds after each keystroke, query after query, `count` in all."""
    prefixes = []
    while len(prefixes) < count:
        for _, query in QUERIES:
            prefixes += [query[:n] for n in range(1, len(query) + 1)]
    return prefixes[:count]


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--report")
    args = parser.parse_args()

    import uno  # noqa: F401  (Debian's python3)
    from com.sun.star.beans import PropertyValue

    with Office(oxt=args.oxt) as office:
        desktop = office.desktop()
        document = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0,
                                                (PropertyValue(Name="Hidden", Value=True),))
        frame = document.getCurrentController().getFrame()
        factory = office.create("org.partnering.LessonsPanelFactory")
        element = factory.createUIElement(
            "private:resource/toolpanel/PartneringLessonsPanelFactory/PartneringLessonsPanel",
            (PropertyValue(Name="Frame", Value=frame), PropertyValue(Name="ParentWindow", Value=frame.getContainerWindow())))
        window = element.getRealInterface().Window
        search, results = window.getControl("search"), window.getControl("results")

        for prefix in typed_prefixes(args.warmup):
            search.setText(prefix)
        samples, empty = [], 0
        for prefix in typed_prefixes(args.count):
            start = time.perf_counter()
            search.setText(prefix)
            lines = results.getItemCount()
            samples.append((time.perf_counter() - start) * 1000)
            empty += lines == 0
        status = window.getControl("status").getModel().Label
        element.dispose()
        document.close(True)
        alive = office.is_alive()

    p50, p95 = statistics.median(samples), percentile(samples, 0.95)
    typed = typed_prefixes(args.count)
    queries = [(language, query) for language, query in QUERIES if query in typed]
    languages = sorted({language for language, _ in queries})
    lines = ["# Sidebar keystroke-to-results latency (bundled library)", "",
             "%d keystrokes over %d queries in %s; %d warm-up keystrokes not counted." % (
                 len(samples), len(queries), ", ".join(languages), args.warmup), "",
             "| p50 | p95 | max | mean |", "|---|---|---|---|",
             "| %.2f ms | %.2f ms | %.2f ms | %.2f ms |" % (p50, p95, max(samples), statistics.mean(samples)), "",
             "Keystrokes with no result: %d. Last status: \"%s\". soffice alive afterwards: %s." % (empty, status, alive)]
    report = "\n".join(lines)
    print(report)
    print("sidebar latency: p50 %.2f ms, p95 %.2f ms (aim: p95 < 50 ms)" % (p50, p95))
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(report + "\n")
    return 0 if alive else 1


if __name__ == "__main__":
    sys.exit(main())
