"""Every lesson of the library is in the six languages the product speaks: each file in
index/lessons has a text for en, fr, es, ar, km and zh-Hans (as written in xml:lang)."""
import glob
import os
import unittest
import xml.etree.ElementTree as ElementTree

SOURCE = os.environ.get("PARTNERING_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
LESSONS = os.path.join(SOURCE, "index", "lessons")
LANGUAGES = ("en", "fr", "es", "ar", "km", "zh-Hans")
LESSON = "{urn:x-partnering:lesson:1}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class SixLanguages(unittest.TestCase):
    def test_every_lesson_has_a_text_in_each_of_the_six_languages(self):
        files = sorted(glob.glob(os.path.join(LESSONS, "*.xml")))
        self.assertGreaterEqual(len(files), 60, "the library is not where it should be: %s" % LESSONS)
        for path in files:
            with self.subTest(lesson=os.path.basename(path)):
                texts = [text.get(XML_LANG) for text in ElementTree.parse(path).getroot().findall(LESSON + "text")]
                missing = [language for language in LANGUAGES if language not in texts]
                self.assertEqual(missing, [], "%s has no text in %s (it has %s)"
                                 % (os.path.basename(path), ", ".join(missing), ", ".join(texts)))


if __name__ == "__main__":
    unittest.main()
