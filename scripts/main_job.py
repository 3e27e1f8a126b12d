"""The main job of `scripts/run`: with a display, Writer opens with the extension loaded;
headless, it demonstrates what the product does so far, inside a real LibreOffice, and says
where the output went."""
import argparse
import json
import os
import shutil
import subprocess
import sys

import icu

from private_office import Office, OfficeError


def right_to_left(language_tag):
    """ICU's answer, so no language list of ours: the language's likely script runs right to left."""
    script = icu.Locale(language_tag).addLikelySubtags().getScript()
    return icu.Script(icu.Script.getCode(script)[0]).isRightToLeft()


def property_values(**kwargs):
    import uno
    from com.sun.star.beans import PropertyValue
    values = []
    for name, value in kwargs.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        values.append(prop)
    return tuple(values)


def writer_document_of_steps(office, steps_by_language, odt_path, pdf_path):
    """Builds a Writer document listing the journey in every language, each paragraph
    tagged with its language (and right-to-left where it is), saved as ODT and PDF."""
    import uno
    from com.sun.star.lang import Locale
    from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK
    desktop = office.desktop()
    document = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, property_values(Hidden=True))
    try:
        text = document.getText()
        cursor = text.createTextCursor()

        def paragraph(content, style, language):
            cursor.setPropertyValue("ParaStyleName", style)
            main, _, region = language.partition("-")
            locale = Locale(main, region, "")
            for name in ("CharLocale", "CharLocaleAsian", "CharLocaleComplex"):
                cursor.setPropertyValue(name, locale)
            rtl = right_to_left(language)
            cursor.setPropertyValue("WritingMode", 1 if rtl else 0)  # WritingMode2 RL_TB / LR_TB
            cursor.setPropertyValue("ParaAdjust", 1 if rtl else 0)  # RIGHT / LEFT
            text.insertString(cursor, content, False)
            text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)

        paragraph("The partnership development journey", "Title", "en")
        for language, steps in steps_by_language.items():
            paragraph(language, "Heading 1", "en")
            for step in steps:
                paragraph("%d. %s" % (step.Number, step.Title), "Text Body", language)
        document.storeToURL(uno.systemPathToFileUrl(odt_path), property_values(FilterName="writer8"))
        document.storeToURL(uno.systemPathToFileUrl(pdf_path), property_values(FilterName="writer_pdf_Export"))
    finally:
        document.close(True)


def headless(args):
    os.makedirs(args.output, exist_ok=True)
    output = os.path.abspath(args.output)
    office = Office(oxt=args.oxt, workdir=os.path.abspath(args.workdir))
    try:
        office.start()
    except OfficeError:
        # root with a build folder other users cannot enter: a private folder elsewhere.
        office = Office(oxt=args.oxt)
        office.start()
    try:
        journey = office.create("org.partnering.Journey")
        if journey is None:
            raise OfficeError("org.partnering.Journey is not available in LibreOffice")
        steps_by_language = {language: journey.getSteps(language) for language in journey.getLanguages()}
        with open(os.path.join(output, "journey-steps.txt"), "w", encoding="utf-8") as out:
            for language, steps in steps_by_language.items():
                out.write("[%s]\n" % language)
                out.writelines("%d. %s (%s)\n" % (s.Number, s.Title, s.Id) for s in steps)
        odt, pdf = office.writable_path("journey-steps.odt"), office.writable_path("journey-steps.pdf")
        writer_document_of_steps(office, steps_by_language, odt, pdf)
        for path in (odt, pdf):
            shutil.move(path, os.path.join(output, os.path.basename(path)))
        # The journey's answers drafted into an agreement by the filler, then rendered by LibreOffice.
        source = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        for example, language in (("small", "en"), ("large", "fr")):
            answers = os.path.join(source, "examples", example + ".json")
            draft = office.writable_path("agreement-%s.%s.odt" % (example, language))
            # The installed agreement template in the draft's language (the French one for French).
            subprocess.run([args.cli, "fill", "--template", "agreement", "--answers", answers,
                            "--out", draft, "--lang", language], check=True, capture_output=True)
            os.chmod(draft, 0o644)
            with open(os.path.join(output, "agreement-%s.check.txt" % example), "w", encoding="utf-8") as out:
                out.write(subprocess.run([args.cli, "check", "--answers", answers], check=True, capture_output=True,
                                         text=True).stdout)
            document = office.load(draft)
            try:
                office.store(document, office.writable_path(os.path.basename(draft)[:-4] + ".pdf"), "writer_pdf_Export")
            finally:
                document.close(True)
            for path in (draft, draft[:-4] + ".pdf"):
                shutil.move(path, os.path.join(output, os.path.basename(path)))
    finally:
        office.stop()

    # The lessons library indexed, and searched in French.
    index = os.path.join(output, "lessons-index")
    subprocess.run([args.cli, "index", "build", "--db", index, "--glossary", os.path.join(source, "index", "glossary.tbx"),
                    os.path.join(source, "index", "lessons")], check=True, capture_output=True)
    with open(os.path.join(output, "lessons-search.fr.json"), "w", encoding="utf-8") as out:
        out.write(subprocess.run([args.cli, "search", "--db", index, "--lang", "fr", "--json", "--limit", "5",
                                  "stratégie de sortie"], check=True, capture_output=True, text=True).stdout)

    cli_json = subprocess.run([args.cli, "steps", "--lang", "fr", "--json"], capture_output=True, text=True,
                              check=True).stdout
    with open(os.path.join(output, "journey-steps.fr.json"), "w", encoding="utf-8") as out:
        out.write(cli_json)

    print()
    print("Partnering Journey ran headless inside LibreOffice (profile: %s)." % office.profile_dir)
    print("The org.partnering.Journey service answered in %d languages: %s."
          % (len(steps_by_language), ", ".join(steps_by_language)))
    print("Output in %s:" % output)
    for name in sorted(os.listdir(output)):
        print("  %s" % os.path.join(output, name))
    print("With a display, `scripts/run` opens Writer with the extension instead.")
    json.loads(cli_json)
    return 0


def gui(args):
    office = Office(oxt=args.oxt, workdir=os.path.abspath(args.workdir))
    office.prepare()
    print("Partnering Journey is installed in the LibreOffice profile %s; opening Writer." % office.profile_dir)
    return office.run_gui()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", choices=("gui", "headless"), required=True)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--workdir", required=True, help="holds the private LibreOffice profile")
    parser.add_argument("--output", required=True)
    parser.add_argument("--cli", required=True)
    args = parser.parse_args()
    return headless(args) if args.mode == "headless" else gui(args)


if __name__ == "__main__":
    sys.exit(main())
