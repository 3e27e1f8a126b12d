"""The UNO component and the CLI see the core through its public headers alone
(build/include, linked by partnering_public_headers): Xapian and libxml2 stay inside the
libraries that use them, and a private room such as IndexedText cannot be included."""
import os
import subprocess
import unittest

PUBLIC = os.environ["PARTNERING_PUBLIC_INCLUDE_DIR"]
CXX = os.environ.get("CXX", "c++")


def compiles(header):
    source = '#include "%s"\n' % header
    result = subprocess.run([CXX, "-std=c++20", "-fsyntax-only", "-I" + PUBLIC, "-x", "c++", "-"],
                            input=source, capture_output=True, text=True)
    return result.returncode == 0, result.stderr


def public_headers():
    for root, _, names in os.walk(PUBLIC):
        for name in sorted(names):
            if name.endswith(".hpp"):
                yield os.path.relpath(os.path.join(root, name), PUBLIC)


class PublicHeadersOnly(unittest.TestCase):
    def test_every_public_header_compiles_on_its_own(self):
        for header in public_headers():
            if header == "xml/XmlDocument.hpp":
                continue  # libxml2's own headers: for the core's libraries, not the faces
            with self.subTest(header=header):
                ok, errors = compiles(header)
                self.assertTrue(ok, errors)

    def test_private_rooms_are_out_of_reach(self):
        for header in ("lessons/IndexedText.hpp", "lessons/TextAnalyzer.hpp", "lessons/IndexSchema.hpp",
                       "fill/TemplateProgram.hpp", "fill/ValueFormatter.hpp", "translation/DocumentLanguage.hpp"):
            with self.subTest(header=header):
                ok, errors = compiles(header)
                self.assertFalse(ok, "%s can be included from outside its library" % header)
                self.assertIn("No such file", errors)

    def test_no_public_header_brings_xapian_or_libxml2_but_the_xml_room(self):
        for header in public_headers():
            if header == "xml/XmlDocument.hpp":
                continue
            with open(os.path.join(PUBLIC, header), encoding="utf-8") as text:
                content = text.read()
            self.assertNotIn("<xapian", content, header)
            self.assertNotIn("<libxml/", content, header)


if __name__ == "__main__":
    unittest.main()
