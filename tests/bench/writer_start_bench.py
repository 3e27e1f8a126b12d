#!/usr/bin/python3
"""Writer's start time with and without our extension installed, in the same run.

Two private profiles, one with the built .oxt installed and one without, each warmed up once.
Then, alternating between them, soffice is started on a virtual display (1280x800) with an
empty Writer document, as a user's `soffice --writer` does, and timed from launch until the
Writer document's window is visible and its menu bar built (our menu and toolbar are read
then). Prints the medians, the p90s and the ratio, and writes a Markdown report.
"""
import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
from office import Office  # noqa: E402
from xvfb import VirtualDisplay  # noqa: E402


def writer_ready(office):
    # Without a window manager no frame gets the focus, so the desktop has no "current"
    # component: look for the Writer document among all of them.
    components = office.desktop().getComponents().createEnumeration()
    while components.hasMoreElements():
        component = components.nextElement()
        if not component.supportsService("com.sun.star.text.TextDocument"):
            continue
        frame = component.getCurrentController().getFrame()
        layout = frame.LayoutManager
        if frame.getContainerWindow().isVisible() and layout is not None and \
                layout.getElement("private:resource/menubar/menubar") is not None:
            return True
    return False


def time_start(office, timeout=120):
    started = time.monotonic()
    try:
        office.launch(timeout=timeout, start_writer=True)
        deadline = started + timeout
        while not writer_ready(office):
            if time.monotonic() > deadline:
                raise RuntimeError("Writer did not come up within %ds" % timeout)
            time.sleep(0.01)
        elapsed = time.monotonic() - started
    finally:
        office.stop()
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--work", required=True, help="a folder the unprivileged soffice user can read")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--report")
    args = parser.parse_args()

    os.makedirs(args.work, exist_ok=True)
    os.chmod(args.work, 0o755)
    with VirtualDisplay() as display:
        offices = {}
        for name, oxt in (("without", None), ("with", args.oxt)):
            office = Office(oxt=oxt, workdir=os.path.join(args.work, name), display=display.name)
            office.prepare()
            time_start(office)  # warm-up: the first start after an install restarts once
            offices[name] = office
        times = {"without": [], "with": []}
        for _ in range(args.runs):
            for name, office in offices.items():
                times[name].append(time_start(office))

    def p90(values):
        return sorted(values)[max(0, int(round(0.9 * len(values))) - 1)]

    median = {k: statistics.median(v) for k, v in times.items()}
    ratio = median["with"] / median["without"]
    lines = ["# Writer start time with and without Partnering Journey (%d runs each, alternating)" % args.runs, "",
             "| profile | median | p90 | min | max |", "|---|---|---|---|---|"]
    for name in ("without", "with"):
        v = times[name]
        lines.append("| %s the extension | %.3f s | %.3f s | %.3f s | %.3f s |" % (name, median[name], p90(v), min(v), max(v)))
    lines += ["", "ratio (with / without, medians): **%.3f** (aim: under 1.05)" % ratio]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(report)


if __name__ == "__main__":
    main()
