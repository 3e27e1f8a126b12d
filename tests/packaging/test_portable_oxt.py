"""The built .oxt as a user's LibreOffice receives it: a component that needs only what every
LibreOffice >= 7.4 on Linux x86-64 brings, exports only its UNO constructors, is stripped,
and the metadata the Extension Manager shows.

Environment: PARTNERING_OXT (the built .oxt), PARTNERING_CLI (the built CLI),
PARTNERING_DEBUG_DIR (where the component's debug information is kept), PARTNERING_VERSION,
PARTNERING_PORTABLE (1 for the portable build: the linkage is checked only there).
"""
import os
import re
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

OXT = os.environ["PARTNERING_OXT"]
CLI = os.environ["PARTNERING_CLI"]
DEBUG_DIR = os.environ["PARTNERING_DEBUG_DIR"]
VERSION = os.environ["PARTNERING_VERSION"]
PORTABLE = os.environ.get("PARTNERING_PORTABLE") == "1"
only_portable = unittest.skipUnless(PORTABLE, "the development build links Debian's shared libraries")

# What LibreOffice >= 7.4 has loaded before our component (its URE), and glibc, libstdc++,
# libgcc_s: the only libraries a portable binary may ask for.
URE = {"libuno_sal.so.3", "libuno_cppu.so.3", "libuno_salhelpergcc3.so.3", "libuno_cppuhelpergcc3.so.3",
       "libuno_purpenvhelpergcc3.so.3"}
SYSTEM = {"libstdc++.so.6", "libm.so.6", "libgcc_s.so.1", "libc.so.6", "ld-linux-x86-64.so.2"}
# Debian 12's glibc and libstdc++ (GCC 12): the oldest a user may have.
GLIBC_FLOOR = (2, 36)
GLIBCXX_FLOOR = (3, 4, 30)

DESCRIPTION = "{http://openoffice.org/extensions/description/2006}"
XLINK = "{http://www.w3.org/1999/xlink}"


def run(*command):
    return subprocess.run(command, check=True, capture_output=True).stdout.decode("utf-8", "replace")


def needed(binary):
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", run("readelf", "-d", binary)))


def symbol_versions(binary, name):
    """Every NAME_x.y[.z] version the binary asks for, as tuples."""
    found = set(re.findall(r"\b%s_([0-9.]+)\b" % name, run("objdump", "-T", binary)))
    return {tuple(int(part) for part in version.split(".")) for version in found}


@only_portable
class ShippedComponent(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.TemporaryDirectory()
        with zipfile.ZipFile(OXT) as oxt:
            cls.names = set(oxt.namelist())
            oxt.extractall(cls.scratch.name)
        cls.tree = cls.scratch.name
        cls.library = os.path.join(cls.tree, "lib", "partnering.uno.so")

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def test_needs_only_the_ure_glibc_and_libstdcxx(self):
        libraries = needed(self.library)
        self.assertLessEqual(libraries, URE | SYSTEM, "libraries beyond the URE, glibc and libstdc++")
        self.assertIn("libuno_cppu.so.3", libraries)
        dynamic = run("readelf", "-d", self.library)
        self.assertNotIn("RPATH", dynamic)
        self.assertNotIn("RUNPATH", dynamic)

    def test_glibc_and_libstdcxx_no_newer_than_debian_12(self):
        glibc = symbol_versions(self.library, "GLIBC")
        self.assertTrue(glibc)
        self.assertLessEqual(max(glibc), GLIBC_FLOOR, "needs a newer glibc than 2.36")
        self.assertLessEqual(max(symbol_versions(self.library, "GLIBCXX")), GLIBCXX_FLOOR)

    def test_exports_only_the_constructors_partnering_components_names(self):
        components = ET.parse(os.path.join(self.tree, "partnering.components")).getroot()
        constructors = {element.get("constructor") for element in components.iter()
                        if element.get("constructor")}
        self.assertEqual(len(constructors), 5)
        exported = set()
        for line in run("nm", "-D", "--defined-only", self.library).splitlines():
            exported.add(line.split()[-1])
        self.assertEqual(exported, constructors)

    def test_carries_no_icu_libxml2_or_xapian_symbol_for_the_office_to_bind(self):
        undefined = run("nm", "-D", "--undefined-only", self.library)
        for prefix in ("u_", "ucol_", "xml", "_ZN6Xapian", "zip_", "textcat_"):
            self.assertNotRegex(undefined, r"\s%s\w*" % re.escape(prefix))

    def test_is_stripped_and_points_at_its_debug_information(self):
        sections = run("readelf", "-S", "-W", self.library)
        self.assertNotIn(".debug_info", sections)
        self.assertNotIn(".symtab", sections)
        link = run("readelf", "--string-dump=.gnu_debuglink", self.library)
        self.assertIn("partnering.uno.so.debug", link)
        debug = os.path.join(DEBUG_DIR, "partnering.uno.so.debug")
        self.assertIn(".debug_info", run("readelf", "-S", "-W", debug))
        # The debug file's build id is the shipped library's.
        build_id = re.compile(r"Build ID: ([0-9a-f]+)")
        self.assertEqual(build_id.search(run("readelf", "-n", self.library)).group(1),
                         build_id.search(run("readelf", "-n", debug)).group(1))

    def test_language_fingerprints_are_inside(self):
        with open(os.path.join(self.tree, "textcat", "fpdb.conf"), encoding="utf-8") as conf:
            fingerprints = [line.split()[0] for line in conf if line.strip() and not line.startswith("#")]
        self.assertGreater(len(fingerprints), 100)
        for name in fingerprints:
            self.assertIn("textcat/" + name, self.names)


class Metadata(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with zipfile.ZipFile(OXT) as oxt:
            cls.names = set(oxt.namelist())
            cls.description = ET.fromstring(oxt.read("description.xml"))

    def test_one_version_in_description_and_cli(self):
        self.assertEqual(self.description.find(DESCRIPTION + "version").get("value"), VERSION)
        self.assertEqual(run(CLI, "--version").strip(), "partnering " + VERSION)

    def test_platform_is_linux_x86_64(self):
        self.assertEqual(self.description.find(DESCRIPTION + "platform").get("value"), "linux_x86_64")

    def test_publisher_has_no_placeholder_link(self):
        publisher = self.description.find(DESCRIPTION + "publisher")
        for name in publisher:
            self.assertIsNone(name.get(XLINK + "href"))
            self.assertTrue(name.text.strip())

    def test_icon_and_release_notes_are_in_the_oxt(self):
        icon = self.description.find(DESCRIPTION + "icon")
        for kind in ("default", "high-contrast"):
            self.assertIn(icon.find(DESCRIPTION + kind).get(XLINK + "href"), self.names)
        notes = self.description.find(DESCRIPTION + "release-notes")
        languages = {src.get("lang") for src in notes}
        self.assertLessEqual({"en", "fr", "es", "ar", "km", "zh-CN"}, languages)
        for src in notes:
            self.assertIn(src.get(XLINK + "href"), self.names)


@only_portable
class PortableCli(unittest.TestCase):
    def test_needs_only_glibc(self):
        # libstdc++ and libgcc are linked in: their symbols cost every start a look-up each.
        self.assertLessEqual(needed(CLI), {"libm.so.6", "libc.so.6", "ld-linux-x86-64.so.2"})
        self.assertLessEqual(max(symbol_versions(CLI, "GLIBC")), GLIBC_FLOOR)


if __name__ == "__main__":
    unittest.main()
