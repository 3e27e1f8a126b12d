#!/usr/bin/python3
"""What the journey wizard's Finish costs end to end inside Writer: fill, load and show.

One soffice with the built .oxt installed, on a virtual display (1280x800). A Writer document
is the wizard's frame; the wizard's controller (org.partnering.JourneyWizardController, as
the menu creates it) takes the answers, and Finish's own call, openDraft(), is timed from the
call until the new draft's window is visible with its menu bar built. Beside it, in the same
run and alternating with it, LibreOffice alone opens the same draft, already filled, the way
openDraft() opens it (as a template, into a new window): what is left is the fill's share.

usage: finish_bench.py --oxt OXT --answers A.json --work DIR [--runs N] [--report FILE.md]
"""
import argparse
import json
import os
import shutil
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
from office import Office  # noqa: E402
from xvfb import VirtualDisplay  # noqa: E402


def shown(document, timeout=60):
    """Waits until the document's window is visible and its menu bar built."""
    deadline = time.monotonic() + timeout
    frame = document.getCurrentController().getFrame()
    while True:
        layout = frame.LayoutManager
        if frame.getContainerWindow().isVisible() and layout is not None and \
                layout.getElement("private:resource/menubar/menubar") is not None:
            return
        if time.monotonic() > deadline:
            raise RuntimeError("the draft's window did not show within %ds" % timeout)
        time.sleep(0.002)


def timed(work):
    start = time.monotonic()
    document = work()
    shown(document)
    elapsed = time.monotonic() - start
    document.close(True)
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--answers", required=True)
    parser.add_argument("--work", required=True, help="a folder the unprivileged soffice user can read")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--report")
    args = parser.parse_args()

    os.makedirs(args.work, exist_ok=True)
    os.chmod(args.work, 0o755)
    with open(args.answers, encoding="utf-8") as f:
        answers = json.dumps(json.load(f))
    from com.sun.star.beans import PropertyValue
    times = {"finish": [], "load": []}
    with VirtualDisplay(1280, 800) as display:
        office = Office(oxt=args.oxt, workdir=os.path.join(args.work, "office"), display=display.name)
        office.start(timeout=180)
        try:
            frame_document = office.desktop().loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
            controller = office.service_manager.createInstanceWithArgumentsAndContext(
                "org.partnering.JourneyWizardController", (frame_document.getCurrentController().getFrame(),),
                office.context)
            controller.setAnswers(answers)
            # The draft Finish makes, kept for LibreOffice's side (openDraft() removes its own).
            draft = controller.openDraft()
            filled = office.writable_path("filled.odt")
            office.store(draft, filled, "writer8")
            draft.close(True)
            os.chmod(filled, 0o644)
            template = office.writable_path("filled.ott")
            shutil.copyfile(filled, template)
            os.chmod(template, 0o644)
            import uno
            url = uno.systemPathToFileUrl(template)

            def finish():
                return controller.openDraft()

            def load():
                return office.desktop().loadComponentFromURL(url, "_blank", 0, (PropertyValue(Name="AsTemplate", Value=True),))

            timed(finish)  # warm-up of both: the first draft loads Writer's filters and fonts
            timed(load)
            for _ in range(args.runs):
                times["finish"].append(timed(finish))
                times["load"].append(timed(load))
            frame_document.close(True)
        finally:
            office.stop()

    median = {k: statistics.median(v) * 1000 for k, v in times.items()}
    fill_share = median["finish"] - median["load"]
    lines = ["# The wizard's Finish in Writer: %s, %d runs each, alternating" % (os.path.basename(args.answers), args.runs), "",
             "| measure | median | min | max |", "|---|---|---|---|"]
    for name, label in (("finish", "Finish (openDraft: fill, load and show)"),
                        ("load", "LibreOffice alone: the same draft, filled already, loaded and shown")):
        v = [t * 1000 for t in times[name]]
        lines.append("| %s | %.0f ms | %.0f ms | %.0f ms |" % (label, median[name], min(v), max(v)))
    lines += ["", "fill's share of Finish (difference of the medians): %.0f ms (%.1f%%)"
              % (fill_share, 100 * fill_share / median["finish"])]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(report)


if __name__ == "__main__":
    main()
