"""A Debian system of its own for running the .oxt in a LibreOffice other than the one it was
built with: made once with debootstrap, cached under /var/tmp and reused, with /proc and /dev
bound into it only while a test runs.

Only root can build and enter it. One test at a time uses a root (a lock file beside it), so
whatever is found mounted in it or running in it when the lock is taken was left by a run that
was killed: it is ended and unmounted before anything else happens.
"""
import contextlib
import fcntl
import glob
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time

MIRROR = "http://deb.debian.org/debian"
SECURITY_MIRROR = "http://deb.debian.org/debian-security"
CACHE_DIR = "/var/tmp"
# What the host's /dev holds as separate mounts that LibreOffice uses: pseudo-terminals
# (/dev/pts, for unopkg's and soffice's children) and POSIX shared memory (/dev/shm, Xvfb's
# and LibreOffice's). Mounted in this order, unmounted in the reverse one.
BINDS = ("proc", "dev", "dev/pts", "dev/shm")
RECIPE_FILE = "etc/partnering-root.json"
VERSION_FILE = "etc/partnering-root.libreoffice"
PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


class RootError(RuntimeError):
    pass


def log(message):
    print("[chroot] %s" % message, file=sys.stderr, flush=True)


def _unescape(field):
    """A mount point as /proc/self/mountinfo writes it (spaces and the like as octal escapes)."""
    return field.encode().decode("unicode_escape")


def mounts_under(path):
    """The mount points at or under `path`, deepest first (the order to unmount them in)."""
    path = os.path.realpath(path)
    with open("/proc/self/mountinfo", encoding="utf-8") as f:
        points = [_unescape(line.split()[4]) for line in f]
    inside = [p for p in points if p == path or p.startswith(path + "/")]
    return sorted(set(inside), key=lambda p: (-p.count("/"), p))


def processes_under(path):
    """The ids of the processes whose root directory is `path` (they run inside that chroot)."""
    path = os.path.realpath(path)
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            root = os.readlink("/proc/%s/root" % entry)
        except OSError:
            continue  # gone meanwhile, or a kernel thread
        if root == path or root.startswith(path + "/"):
            found.append(int(entry))
    return found


def end_processes_under(path, timeout=20):
    """Kills what still runs inside the root at `path` (soffice, Xvfb left by a killed run):
    while they run, /dev and /proc stay busy and cannot be unmounted."""
    pids = processes_under(path)
    if not pids:
        return
    log("ending %d process(es) left running in %s: %s" % (len(pids), path, pids))
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + timeout
    while processes_under(path):
        if time.monotonic() > deadline:
            raise RootError("processes inside %s did not end: %s" % (path, processes_under(path)))
        time.sleep(0.1)


def unmount_everything_under(path):
    """Ends what runs in `path` and unmounts every mount inside it; raises if one stays."""
    end_processes_under(path)
    for point in mounts_under(path):
        result = subprocess.run(["umount", point], capture_output=True, text=True)
        if result.returncode != 0:
            # Still busy although nothing runs in the root: detach it from the tree so that
            # it can no longer be reached through the root (and so never deleted through it).
            log("umount %s failed (%s); detaching it" % (point, result.stderr.strip()))
            subprocess.run(["umount", "--lazy", point], check=True)
    left = mounts_under(path)
    if left:
        raise RootError("still mounted inside %s: %s" % (path, left))


def remove_root(path):
    """Deletes a root, never while anything is mounted inside it (that would delete the host's
    /dev through the bind mount): unmount first, then rm without crossing file systems."""
    if not os.path.lexists(path):
        return
    unmount_everything_under(path)
    if mounts_under(path):
        raise RootError("refusing to delete %s: something is mounted inside it" % path)
    subprocess.run(["rm", "-rf", "--one-file-system", path], check=True)


class DebianRoot:
    """One cached Debian root: `suite` from the mirror with `packages` installed (from
    `backports` when given, as `apt-get -t <suite>-backports` does; without the security
    archive when `security` is False), at /var/tmp/partnering-<name>."""

    def __init__(self, name, suite, packages, backports=False, security=True):
        self.name = name
        self.suite = suite
        self.packages = list(packages)
        self.backports = backports
        self.security = security
        self.path = os.path.join(CACHE_DIR, "partnering-" + name)
        self._lock = None

    # ---- what the root is made of ----------------------------------------------------------
    def sources(self):
        lines = ["deb %s %s main" % (MIRROR, self.suite),
                 "deb %s %s-updates main" % (MIRROR, self.suite)]
        if self.security:
            lines.append("deb %s %s-security main" % (SECURITY_MIRROR, self.suite))
        if self.backports:
            lines.append("deb %s %s-backports main" % (MIRROR, self.suite))
        return "\n".join(lines) + "\n"

    def install_command(self):
        command = ["apt-get", "install", "-y", "--no-install-recommends"]
        if self.backports:
            command += ["-t", self.suite + "-backports"]
        return command + self.packages

    def recipe(self):
        """Everything that decides what the root holds: a root made from another recipe is
        rebuilt."""
        return {"suite": self.suite, "variant": "minbase", "sources": self.sources(),
                "install": self.install_command()}

    def recipe_digest(self):
        return hashlib.sha256(json.dumps(self.recipe(), sort_keys=True).encode()).hexdigest()

    def is_current(self):
        try:
            with open(os.path.join(self.path, RECIPE_FILE), encoding="utf-8") as f:
                return json.load(f).get("digest") == self.recipe_digest()
        except (OSError, ValueError):
            return False

    @property
    def libreoffice_version(self):
        with open(os.path.join(self.path, VERSION_FILE), encoding="utf-8") as f:
            return f.read().strip()

    # ---- one user at a time ------------------------------------------------------------------
    def lock(self, timeout=3600):
        """Waits for the root to be free (another test run may use or build it), then clears
        what a killed run left behind in it."""
        self._lock = open(self.path + ".lock", "w")
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise RootError("%s stayed in use by another run for %ds" % (self.path, timeout))
                time.sleep(2)
        for leftover in [self.path] + glob.glob(self.path + ".building-*"):
            if os.path.lexists(leftover):
                unmount_everything_under(leftover)
        for half_built in glob.glob(self.path + ".building-*") + glob.glob(self.path + ".old-*"):
            log("removing %s, left by an interrupted run" % half_built)
            remove_root(half_built)
        self._empty_tmp()
        return self

    def _empty_tmp(self):
        """Nothing runs in the root now: what a killed run left in its /tmp goes (Xvfb's lock
        files would otherwise take display numbers for good, soffice's profiles the disk)."""
        tmp = os.path.join(self.path, "tmp")
        if not os.path.isdir(tmp) or mounts_under(tmp):
            return
        for entry in os.listdir(tmp):
            path = os.path.join(tmp, entry)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.remove(path)

    def unlock(self):
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    # ---- building ----------------------------------------------------------------------------
    def ensure(self):
        """The root, built when absent or made from another recipe. Returns True when it was
        built now. It is built in a folder of its own and renamed into place once complete, so
        an interrupted build never leaves a root that looks done."""
        if os.path.isdir(self.path) and self.is_current():
            return False
        started = time.monotonic()
        building = "%s.building-%d" % (self.path, os.getpid())
        try:
            self._build(building)
            if os.path.lexists(self.path):
                old = "%s.old-%d" % (self.path, os.getpid())
                unmount_everything_under(self.path)
                os.rename(self.path, old)
                os.rename(building, self.path)
                remove_root(old)
            else:
                os.rename(building, self.path)
        except BaseException:
            remove_root(building)
            raise
        log("built %s in %.0f s: %s" % (self.path, time.monotonic() - started, self.libreoffice_version))
        return True

    def _build(self, target):
        log("building %s (Debian %s%s) with debootstrap; this downloads LibreOffice and takes "
            "minutes" % (target, self.suite, " and its backports" if self.backports else ""))
        _run(["debootstrap", "--variant=minbase", self.suite, target, MIRROR], timeout=1800)
        with open(os.path.join(target, "etc/apt/sources.list"), "w", encoding="utf-8") as f:
            f.write(self.sources())
        # No service starts inside the root (packages' scripts would try): policy-rc.d says no.
        policy = os.path.join(target, "usr/sbin/policy-rc.d")
        with open(policy, "w", encoding="utf-8") as f:
            f.write("#!/bin/sh\nexit 101\n")
        os.chmod(policy, 0o755)
        shutil.copyfile("/etc/resolv.conf", os.path.join(target, "etc/resolv.conf"))
        environment = {"PATH": PATH, "HOME": "/root", "LANG": "C.UTF-8", "DEBIAN_FRONTEND": "noninteractive"}
        with bound(target):
            _run(["chroot", target, "env", "-i"] + _assignments(environment) + ["apt-get", "update"],
                 timeout=600)
            _run(["chroot", target, "env", "-i"] + _assignments(environment) + self.install_command(),
                 timeout=3600)
            _run(["chroot", target, "apt-get", "clean"], timeout=120)
            version = subprocess.run(
                ["chroot", target, "env", "-i"] + _assignments(dict(environment, HOME="/tmp")) +
                ["/usr/lib/libreoffice/program/soffice", "--version"],
                capture_output=True, text=True, timeout=120, check=True).stdout.strip()
        with open(os.path.join(target, VERSION_FILE), "w", encoding="utf-8") as f:
            f.write(version + "\n")
        # Written last: a root without it is never taken for a finished one.
        with open(os.path.join(target, RECIPE_FILE), "w", encoding="utf-8") as f:
            json.dump({"digest": self.recipe_digest(), "recipe": self.recipe(), "built": time.time()}, f,
                      indent=1)

    # ---- using -------------------------------------------------------------------------------
    def mounted(self):
        """A context in which /proc and /dev are bound into the root; they are unmounted when
        it ends, whatever ends it."""
        return bound(self.path)

    def run(self, args, environment, cwd="/", timeout=600, on_timeout=None):
        """`args` inside the root as root, with exactly `environment` (plus PATH) and in `cwd`
        (a path inside the root). On a timeout `on_timeout` may look at what hangs first, then
        whatever the command started inside the root is ended, so that the mounts can go."""
        command = ["chroot", self.path, "env", "-i"] + _assignments(dict(environment, PATH=PATH)) + \
            ["sh", "-c", 'cd "$0" && exec "$@"', cwd] + list(args)
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   start_new_session=True)
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            if on_timeout is not None:
                on_timeout()
            end_processes_under(self.path)
            output, _ = process.communicate()
            raise RootError("%s did not end within %ds inside %s:\n%s" % (" ".join(args), timeout, self.path, output))
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        return subprocess.CompletedProcess(args, process.returncode, output, "")

    def running(self, command_name):
        """(pid, arguments) of each process inside the root whose command is `command_name`."""
        found = []
        for pid in processes_under(self.path):
            try:
                with open("/proc/%d/comm" % pid, encoding="utf-8") as f:
                    if f.read().strip() != command_name:
                        continue
                with open("/proc/%d/cmdline" % pid, "rb") as f:
                    found.append((pid, f.read().decode("utf-8", "replace").split("\0")))
            except OSError:
                pass  # ended meanwhile
        return found

    def installed_packages(self):
        listing = subprocess.run(["chroot", self.path, "dpkg-query", "-W", "-f", "${Package}\\n"],
                                 capture_output=True, text=True, check=True).stdout
        return set(listing.split())

    def needed_by(self, packages):
        """The installed packages that `packages` need, directly or not (Recommends left out,
        as they were at install), with the base system's (Priority: required, and apt)."""
        closure = subprocess.run(
            ["chroot", self.path, "apt-cache", "depends", "--recurse", "--installed", "--no-recommends",
             "--no-suggests", "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances", "apt"] + list(packages),
            capture_output=True, text=True, check=True).stdout
        needed = {line.split(":")[0] for line in closure.splitlines() if line and not line[0].isspace()}
        base = subprocess.run(["chroot", self.path, "dpkg-query", "-W", "-f", "${Package} ${Priority}\\n"],
                              capture_output=True, text=True, check=True).stdout
        return needed | {line.split()[0] for line in base.splitlines() if line.endswith(" required")}


@contextlib.contextmanager
def bound(root):
    """/proc, /dev, /dev/pts and /dev/shm bound into `root` for the time of the block. Unmounted
    at its end, on failure, on SIGTERM (turned into an exception so that this runs) and, after
    a SIGKILL, by the next run's lock()."""
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: _terminated(root, signum))
    mounted = []
    try:
        for name in BINDS:
            point = os.path.join(root, name)
            os.makedirs(point, exist_ok=True)
            subprocess.run(["mount", "--bind", "/" + name, point], check=True)
            mounted.append(point)
        yield root
    finally:
        try:
            end_processes_under(root)
            for point in reversed(mounted):
                subprocess.run(["umount", point], check=False)
            unmount_everything_under(root)
        finally:
            signal.signal(signal.SIGTERM, previous)


def _terminated(root, signum):
    """SIGTERM (a timeout, a user's kill) while the root is mounted: unittest would catch an
    exception and go on with the next test, so the mounts are released here and the run ends."""
    log("terminated by signal %d: unmounting %s" % (signum, root))
    try:
        unmount_everything_under(root)
    finally:
        os._exit(128 + signum)


def _assignments(environment):
    return ["%s=%s" % kv for kv in sorted(environment.items())]


def _run(command, timeout):
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise RootError("%s failed (%d) after %.0f s:\n%s%s" % (" ".join(command[:8]), result.returncode,
                                                              time.monotonic() - started,
                                                              result.stdout[-4000:], result.stderr[-4000:]))
    return result
