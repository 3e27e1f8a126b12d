"""Faults a real office meets, through the command line: a full disk, a read-only folder, two
rebuilds of one library at once, a search during a rebuild, and kill -9 in the middle of a write.

The disk-full and read-only cases mount a small tmpfs of their own, which needs root (CI runs as
root); elsewhere they are skipped, saying why."""
import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import zipfile

CLI = os.environ.get("PARTNERING_CLI", "partnering")
SOURCE = os.environ.get("PARTNERING_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
TEMPLATES = os.environ.get("PARTNERING_TEMPLATES_DIR", "")
LESSONS = os.path.join(SOURCE, "index", "lessons")
SMALL = os.path.join(SOURCE, "examples", "small.json")
LARGE = os.path.join(SOURCE, "examples", "large.json")
FRENCH = os.path.join(SOURCE, "locales", "templates", "agreement", "fr.po")
FOCAL_LESSON = os.path.join(LESSONS, "designate-a-focal-point.xml")


def run(*args, timeout=120):
    return subprocess.run([CLI] + list(args), capture_output=True, text=True, timeout=timeout)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def can_mount():
    if os.geteuid() != 0:
        return "mounting a small tmpfs needs root (CI runs these as root)"
    probe = tempfile.mkdtemp(prefix="partnering-faults-probe-")
    try:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe],
                          capture_output=True).returncode != 0:
            return "this machine refuses to mount a tmpfs (a container without CAP_SYS_ADMIN?)"
        subprocess.run(["umount", probe], check=True)
        return None
    finally:
        os.rmdir(probe)


MOUNT_REFUSED = can_mount()


@contextlib.contextmanager
def small_disk(size_kib):
    """A tmpfs of `size_kib` KiB, unmounted (and its mount point removed) whatever happens."""
    folder = tempfile.mkdtemp(prefix="partnering-faults-disk-")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%dk" % size_kib, "tmpfs", folder], check=True)
    try:
        yield folder
    finally:
        if subprocess.run(["umount", folder], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", folder])
        os.rmdir(folder)


def read_only(folder):
    subprocess.run(["mount", "-o", "remount,ro", folder], check=True)


BALLAST = "ballast"


def fill_up(disk, leave_kib):
    """Fills the disk with a file of its own, but for `leave_kib` KiB."""
    stat = os.statvfs(disk)
    free = stat.f_bavail * stat.f_frsize
    with open(os.path.join(disk, BALLAST), "wb") as f:
        f.write(b"\0" * max(0, free - leave_kib * 1024))


def big_answers(folder, objectives=120):
    """Answers with many objectives, each described in thousands of words that deflate poorly: a
    draft of megabytes, which takes a while to write."""
    with open(LARGE, encoding="utf-8") as f:
        answers = json.load(f)
    rng = random.Random(17)
    letters = "abcdefghijklmnopqrstuvwxyz"
    first = answers["objectives"][0]
    answers["objectives"] = []
    for _ in range(objectives):
        objective = json.loads(json.dumps(first))
        objective["indicator"] = " ".join(
            "".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(3000))[:19000]
        answers["objectives"].append(objective)
    path = os.path.join(folder, "big.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(answers, f)
    return path


def bulk_library(folder, prefix, count):
    """`count` copies of the focal-point lesson with ids prefix-0..prefix-<count-1>, tagged set-<prefix>."""
    os.makedirs(folder)
    with open(FOCAL_LESSON, encoding="utf-8") as f:
        template = f.read()
    ids = set()
    for i in range(count):
        lesson_id = "%s-%d" % (prefix, i)
        with open(os.path.join(folder, lesson_id + ".xml"), "w", encoding="utf-8") as f:
            f.write(template.replace('id="designate-a-focal-point"', 'id="%s"' % lesson_id)
                    .replace("<tag>focal-point</tag>", "<tag>set-%s</tag>" % prefix))
        ids.add(lesson_id)
    return ids


def found_ids(db):
    """The ids of every lesson (up to 1000) a search for the focal-point lesson's words finds, or None when it fails."""
    result = run("search", "--db", db, "--json", "--limit", "1000", "focal", "point")
    if result.returncode != 0:
        return None, result
    return {r["id"] for r in json.loads(result.stdout)["results"]}, result


def sets_found(db):
    """What a search for the focal-point lesson's words finds, cheaply: how many lessons, and how
    many of them carry each set-<prefix> tag (counted over every match, up to 1000)."""
    result = run("search", "--db", db, "--json", "--limit", "1", "focal", "point")
    if result.returncode != 0:
        return None, result
    found = json.loads(result.stdout)
    tags = {tag: count for tag, count in found["facets"]["tags"].items() if tag.startswith("set-")}
    return (found["matching_lessons"], tags), result


def writes_beside(pid, out):
    """Whether process `pid` holds open a file of `out`'s folder other than `out` (a new one being
    written, named or not)."""
    folder = os.path.dirname(out)
    fds = "/proc/%d/fd" % pid
    try:
        for fd in os.listdir(fds):
            with contextlib.suppress(OSError):
                target = os.readlink(os.path.join(fds, fd))
                if target.startswith(folder + "/") and target != out:
                    return True
    except OSError:
        pass
    return False


def leftovers(folder, expected):
    return sorted(set(os.listdir(folder)) - set(expected))


@unittest.skipIf(MOUNT_REFUSED, MOUNT_REFUSED)
class DiskFull(unittest.TestCase):
    """The disk fills up while a command writes: exit 4 naming the file, and nothing lost or half-written."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="partnering-faults-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def assert_environment_failure_naming(self, result, error_id, path):
        self.assertEqual(result.returncode, 4, result.stderr)
        self.assertTrue(result.stderr.startswith("partnering: [%s] " % error_id), result.stderr)
        self.assertIn(path, result.stderr)
        self.assertIn("No space left on device", result.stderr)

    def test_fill_on_a_full_disk_keeps_the_previous_draft_and_leaves_no_temporary(self):
        with small_disk(1024) as disk:
            draft = os.path.join(disk, "draft.odt")
            previous = run("fill", "--template", "mou", "--answers", SMALL, "--out", draft)
            self.assertEqual(previous.returncode, 0, previous.stderr)
            before = digest(draft)
            fill_up(disk, 16)  # the large answers' agreement takes about 54 KB
            result = run("fill", "--template", "agreement", "--answers", LARGE, "--out", draft)
            self.assert_environment_failure_naming(result, "partnering.odf.write", draft)
            self.assertEqual(digest(draft), before, "the previous draft was damaged")
            self.assertEqual(leftovers(disk, ["draft.odt", BALLAST]), [])
            fresh = os.path.join(disk, "fresh.odt")
            result = run("fill", "--template", "agreement", "--answers", LARGE, "--out", fresh)
            self.assert_environment_failure_naming(result, "partnering.odf.write", fresh)
            self.assertEqual(leftovers(disk, ["draft.odt", BALLAST]), [], "a half-written draft or a temporary is left")

    @unittest.skipUnless(TEMPLATES, "needs the built templates (PARTNERING_TEMPLATES_DIR)")
    def test_l10n_merge_on_a_full_disk_leaves_nothing_half_written(self):
        agreement = os.path.join(TEMPLATES, "agreement.ott")  # about 17 KB
        with small_disk(1024) as disk:
            fill_up(disk, 8)
            merged = os.path.join(disk, "agreement_fr.ott")
            result = run("l10n", "merge", "--template", agreement, "--translation", FRENCH, "--out", merged)
            self.assert_environment_failure_naming(result, "partnering.odf.write", merged)
            self.assertEqual(leftovers(disk, [BALLAST]), [], "a half-written template or a temporary is left")

    @unittest.skipUnless(TEMPLATES, "needs the built templates (PARTNERING_TEMPLATES_DIR)")
    def test_l10n_extract_on_a_full_disk_says_so_and_leaves_nothing_half_written(self):
        # libgettextpo once wrote the first 44 KB of a PO file and reported success.
        agreement = os.path.join(TEMPLATES, "agreement.ott")
        with small_disk(1024) as disk:
            fill_up(disk, 8)
            for name in ("agreement.po", "agreement.xlf"):
                with self.subTest(name=name):
                    out = os.path.join(disk, name)
                    result = run("l10n", "extract", "--template", agreement, "--out", out)
                    self.assert_environment_failure_naming(result, "partnering.odf.write", out)
                    self.assertEqual(leftovers(disk, [BALLAST]), [], "a half-written file or a temporary is left")

    def test_index_build_on_a_full_disk_keeps_the_previous_index_searchable(self):
        small = os.path.join(self.tmp, "a")
        small_ids = bulk_library(small, "a", 20)
        big = os.path.join(self.tmp, "b")
        bulk_library(big, "b", 3000)
        with small_disk(2048) as disk:
            db = os.path.join(disk, "db")
            first = run("index", "build", "--db", db, small)
            self.assertEqual(first.returncode, 0, first.stderr)
            before = found_ids(db)[0]
            self.assertEqual(before, small_ids)
            files = sorted(os.listdir(db))
            result = run("index", "build", "--db", db, big, timeout=600)
            self.assertEqual(result.returncode, 4, result.stderr)
            self.assertTrue(result.stderr.startswith("partnering: [partnering.lessons.index-write] "), result.stderr)
            self.assertIn(db, result.stderr)
            self.assertIn("No space left on device", result.stderr)
            after, search = found_ids(db)
            self.assertEqual(after, before, search.stderr)
            self.assertEqual(sorted(os.listdir(db)), files, "the failed build left files behind")

    def test_a_first_build_in_shards_on_a_full_disk_leaves_the_empty_index_and_no_shards(self):
        # A first build of 1,000 files or more writes a shard per core and compacts them.
        big = os.path.join(self.tmp, "first")
        bulk_library(big, "first", 3000)
        with small_disk(2048) as disk:
            db = os.path.join(disk, "db")
            result = run("index", "build", "--db", db, big, timeout=600)
            self.assertEqual(result.returncode, 4, result.stderr)
            self.assertTrue(result.stderr.startswith("partnering: [partnering.lessons.index-write] "), result.stderr)
            self.assertIn(db, result.stderr)
            self.assertIn("No space left on device", result.stderr)
            self.assertNotIn("building", os.listdir(db), "the failed build left its shards behind")
            after, search = found_ids(db)
            self.assertEqual(after, set(), search.stderr)


@unittest.skipIf(MOUNT_REFUSED, MOUNT_REFUSED)
class ReadOnlyFolder(unittest.TestCase):
    """The output folder is on a read-only mount (root ignores chmod): exit 4 naming it, nothing lost."""

    def assert_read_only_failure(self, result, error_id, path):
        self.assertEqual(result.returncode, 4, result.stderr)
        self.assertTrue(result.stderr.startswith("partnering: [%s] " % error_id), result.stderr)
        self.assertIn(path, result.stderr)
        self.assertIn("Read-only file system", result.stderr)

    def test_fill_merge_and_extract_into_a_read_only_folder(self):
        with small_disk(4096) as disk:
            draft = os.path.join(disk, "draft.odt")
            self.assertEqual(run("fill", "--template", "mou", "--answers", SMALL, "--out", draft).returncode, 0)
            before = digest(draft)
            read_only(disk)
            result = run("fill", "--template", "agreement", "--answers", LARGE, "--out", draft)
            self.assert_read_only_failure(result, "partnering.odf.write", draft)
            fresh = os.path.join(disk, "fresh.odt")
            self.assert_read_only_failure(run("fill", "--template", "mou", "--answers", SMALL, "--out", fresh),
                                          "partnering.odf.write", fresh)
            if TEMPLATES:
                merged = os.path.join(disk, "agreement_fr.ott")
                result = run("l10n", "merge", "--template", os.path.join(TEMPLATES, "agreement.ott"),
                             "--translation", FRENCH, "--out", merged)
                self.assert_read_only_failure(result, "partnering.odf.write", merged)
                for name in ("agreement.po", "agreement.xlf"):
                    out = os.path.join(disk, name)
                    result = run("l10n", "extract", "--template", os.path.join(TEMPLATES, "agreement.ott"), "--out", out)
                    self.assert_read_only_failure(result, "partnering.odf.write", out)
            self.assertEqual(digest(draft), before)
            self.assertEqual(os.listdir(disk), ["draft.odt"])

    def test_index_build_on_a_read_only_database_keeps_it_searchable(self):
        with tempfile.TemporaryDirectory() as tmp, small_disk(8192) as disk:
            library = os.path.join(tmp, "a")
            ids = bulk_library(library, "a", 10)
            db = os.path.join(disk, "db")
            self.assertEqual(run("index", "build", "--db", db, library).returncode, 0)
            os.remove(os.path.join(library, "a-0.xml"))
            read_only(disk)
            result = run("index", "build", "--db", db, library)
            self.assertEqual(result.returncode, 4, result.stderr)
            self.assertIn(db, result.stderr)
            self.assertIn("Read-only file system", result.stderr)
            self.assertEqual(found_ids(db)[0], ids)


class TwoWritersAndReaders(unittest.TestCase):
    """Two rebuilds of one library at once, and searches while it is rebuilt."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="partnering-faults-index-")
        cls.a = os.path.join(cls.tmp, "a")
        cls.a_ids = bulk_library(cls.a, "a", 200)
        cls.b = os.path.join(cls.tmp, "b")
        cls.b_ids = bulk_library(cls.b, "b", 1000)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def fresh_db(self, name):
        db = os.path.join(self.tmp, name)
        result = run("index", "build", "--db", db, self.a)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(found_ids(db)[0], self.a_ids)
        return db

    def test_a_second_build_at_once_refuses_naming_the_lock_and_nothing_is_corrupted(self):
        db = self.fresh_db("two-writers")
        first = subprocess.Popen([CLI, "index", "build", "--db", db, self.b],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            # Xapian takes the lock before it opens the tables: once they are open, the first has it.
            deadline = time.monotonic() + 60
            while not writes_beside(first.pid, os.path.join(db, "flintlock")) and time.monotonic() < deadline:
                time.sleep(0.001)
            second = run("index", "build", "--db", db, self.a)
            overlapped = first.poll() is None
        finally:
            out, err = first.communicate(timeout=600)
        self.assertTrue(overlapped, "the first build ended before the second started; make it bigger")
        self.assertEqual(first.returncode, 0, err)
        if second.returncode != 0:
            self.assertEqual(second.returncode, 4, second.stderr)
            self.assertTrue(second.stderr.startswith("partnering: [partnering.lessons.index-locked] " + db),
                            second.stderr)
            self.assertEqual(found_ids(db)[0], self.b_ids)
        else:  # it waited for the first, then made the index hold its own library
            self.assertEqual(found_ids(db)[0], self.a_ids)
        again = run("index", "build", "--db", db, self.a)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(found_ids(db)[0], self.a_ids)

    def test_a_search_during_a_rebuild_sees_the_old_index_or_the_new_one(self):
        db = self.fresh_db("reader")
        writer = subprocess.Popen([CLI, "index", "build", "--db", db, self.b],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        old = (len(self.a_ids), {"set-a": len(self.a_ids)})
        new = (len(self.b_ids), {"set-b": len(self.b_ids)})
        seen = {"old": 0, "new": 0}
        during = 0
        try:
            while True:
                running = writer.poll() is None
                found, result = sets_found(db)
                self.assertIsNotNone(found, result.stderr)
                if found == old:
                    seen["old"] += 1
                elif found == new:
                    seen["new"] += 1
                else:
                    self.fail("a search saw %s: a mix of the old index %s and the new one %s" % (found, old, new))
                if not running:
                    break
                during += 1
        finally:
            writer.communicate(timeout=600)
        self.assertEqual(writer.returncode, 0)
        self.assertGreater(during, 2, "too few searches ran during the build; make it bigger")
        self.assertGreater(seen["old"], 0)
        self.assertGreater(seen["new"], 0)


class KillDuringWrite(unittest.TestCase):
    """kill -9 while `fill` or `l10n merge` writes: the output is the previous complete file, and nothing else."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="partnering-faults-kill-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def kill_while_writing(self, args, out, attempts=12):
        """Runs `args` `attempts` times and kills it: on even attempts as soon as it holds a new file
        beside `out` open (mid-write), on odd ones after a varied delay. After each kill the folder
        holds `out` whole (the previous file, or the new one when the rename came first), and nothing else."""
        folder = os.path.dirname(out)
        rng = random.Random(9)
        mid_write = 0
        for attempt in range(attempts):
            process = subprocess.Popen([CLI] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + (rng.uniform(0.05, 1.0) if attempt % 2 else 60)
            while process.poll() is None and time.monotonic() < deadline:
                if attempt % 2 == 0 and writes_beside(process.pid, out):
                    process.send_signal(signal.SIGKILL)
                    mid_write += 1
                    break
            process.send_signal(signal.SIGKILL)
            process.wait()
            self.assertEqual(os.listdir(folder), [os.path.basename(out)], "a kill left a partial file behind")
            with zipfile.ZipFile(out) as package:
                self.assertIsNone(package.testzip(), "the output is damaged")
        self.assertGreaterEqual(mid_write, attempts // 4, "the kills did not land while the output was written")

    def test_kill_9_during_fill(self):
        answers = big_answers(self.tmp)
        folder = os.path.join(self.tmp, "out")
        os.makedirs(folder)
        draft = os.path.join(folder, "draft.odt")
        self.assertEqual(run("fill", "--template", "mou", "--answers", SMALL, "--out", draft).returncode, 0)
        self.kill_while_writing(["fill", "--template", "agreement", "--answers", answers, "--out", draft], draft)

    def test_kill_9_during_l10n_merge(self):
        # A template of megabytes: a draft of the big answers, and its own text as the translation.
        template = os.path.join(self.tmp, "big.ott")
        result = run("fill", "--template", "agreement", "--answers", big_answers(self.tmp), "--out", template)
        self.assertEqual(result.returncode, 0, result.stderr)
        translation = os.path.join(self.tmp, "big.po")
        result = run("l10n", "extract", "--template", template, "--out", translation, "--lang", "fr")
        self.assertEqual(result.returncode, 0, result.stderr)
        folder = os.path.join(self.tmp, "out")
        os.makedirs(folder)
        merged = os.path.join(folder, "big_fr.ott")
        shutil.copy(template, merged)
        self.kill_while_writing(["l10n", "merge", "--template", template, "--translation", translation, "--out", merged],
                                merged)


if __name__ == "__main__":
    unittest.main()
