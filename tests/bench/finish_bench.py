#!/usr/bin/python3
"""What the journey wizard's Finish costs end to end inside Writer: fill, load and show.

One soffice with the built .oxt installed, on a virtual display (1280x800). A Writer document
is the wizard's frame; the wizard's controller (org.partnering.JourneyWizardController, as
the menu creates it) takes the answers, and Finish's own call, openDraft(), is timed from the
call until the new draft's window is visible with its menu bar built. Beside it, in the same
run and alternating with it, LibreOffice alone opens the same draft, already filled, the way
openDraft() opens it (as a template, into a new window): what is left is the fill's share.

usage: finish_bench.py --oxt OXT --answers A.json --cli PARTNERING --template T.ott --work DIR [--runs N]
                       [--report FILE.md]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))

LIBREOFFICE_TYPES = ["file:///usr/lib/libreoffice/program/types.rdb", "file:///usr/lib/libreoffice/program/types/offapi.rdb"]


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
    """Seconds until the document's window shows, and until all its pages are laid out (the
    view's page count, which Writer knows once it has formatted the whole document)."""
    start = time.monotonic()
    document = work()
    shown(document)
    on_screen = time.monotonic() - start
    pages = document.getCurrentController().PageCount
    laid_out = time.monotonic() - start
    document.close(True)
    return on_screen, laid_out, pages


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--answers", required=True)
    parser.add_argument("--cli", required=True, help="the partnering CLI, to fill the same draft for LibreOffice's side")
    parser.add_argument("--template", required=True, help="the template Finish fills (agreement.ott, as the .oxt has it)")
    parser.add_argument("--work", required=True, help="a folder the unprivileged soffice user can read")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--report")
    args = parser.parse_args()

    os.makedirs(args.work, exist_ok=True)
    os.chmod(args.work, 0o755)
    with open(args.answers, encoding="utf-8") as f:
        answers = json.dumps(json.load(f))
    # Python-UNO must know our interfaces (the controller's) before it starts: the .oxt's types.
    types = os.path.join(args.work, "partnering.rdb")
    with zipfile.ZipFile(args.oxt) as oxt, open(types, "wb") as out:
        out.write(oxt.read("types/partnering.rdb"))
    os.environ["UNO_TYPES"] = " ".join(LIBREOFFICE_TYPES + ["file://" + os.path.abspath(types)])
    import uno  # noqa: F401  (Python-UNO: makes com.sun.star importable)
    from com.sun.star.beans import PropertyValue
    from office import Office
    from xvfb import VirtualDisplay
    times = {"finish": [], "load": []}  # (shown, laid out) per run
    with VirtualDisplay(1280, 800) as display:
        office = Office(oxt=args.oxt, workdir=os.path.join(args.work, "office"), display=display.name)
        office.prepare()
        # The first start after an install restarts once: warm up, then start for good.
        office.launch(timeout=180)
        office.stop()
        office.launch(timeout=180)
        try:
            frame_document = office.new_writer()  # the frame the wizard works for, hidden as in the tests
            controller = office.service_manager.createInstanceWithArgumentsAndContext(
                "org.partnering.JourneyWizardController", (frame_document.getCurrentController().getFrame(),),
                office.context)
            controller.setAnswers(answers)
            # The draft Finish makes, byte for byte, for LibreOffice's side: the same filler
            # through the CLI (openDraft() removes its own file once Writer has it).
            template = office.writable_path("filled.odt")
            subprocess.run([args.cli, "fill", "--template", args.template, "--answers", args.answers, "--out", template],
                           check=True, capture_output=True)
            os.chmod(template, 0o644)
            url = uno.systemPathToFileUrl(template)

            def finish():
                return controller.openDraft()

            def load():
                return office.desktop().loadComponentFromURL(url, "_blank", 0, (PropertyValue(Name="AsTemplate", Value=True),))

            timed(finish)  # warm-up of both: the first draft loads Writer's filters and fonts
            timed(load)
            for _ in range(args.runs):
                for name, work in (("finish", finish), ("load", load)):
                    on_screen, laid_out, pages = timed(work)
                    times[name].append((on_screen, laid_out))
            frame_document.close(True)
        finally:
            office.stop()

    lines = ["# The wizard's Finish in Writer: %s (%d pages), %d runs each, alternating"
             % (os.path.basename(args.answers), pages, args.runs), "",
             "| measure | shown: median | min | max | laid out: median | min | max |", "|---|---|---|---|---|---|---|"]
    median = {}
    for name, label in (("finish", "Finish (openDraft: fill, load and show)"),
                        ("load", "LibreOffice alone: the same draft, filled already, loaded and shown")):
        cells = []
        for k in (0, 1):
            v = [t[k] * 1000 for t in times[name]]
            median[name, k] = statistics.median(v)
            cells += ["%.0f ms" % median[name, k], "%.0f ms" % min(v), "%.0f ms" % max(v)]
        lines.append("| %s | %s |" % (label, " | ".join(cells)))
    share = median["finish", 0] - median["load", 0]
    lines += ["", "Finish minus LibreOffice alone (difference of the medians, to the window shown; the fill alone is in the fill bench): %.0f ms (%.1f%%)"
              % (share, 100 * share / median["finish", 0])]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(report)


if __name__ == "__main__":
    main()
