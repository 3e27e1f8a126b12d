"""A LibreOffice of our own: a private profile, our .oxt installed with unopkg, soffice
listening on a local socket, and a UNO connection to it; all torn down afterwards.

Used by the main job (scripts/run), the integration tests and the benchmarks. Run with
/usr/bin/python3 (Debian's, which has the uno module) and UNO_TYPES naming our .rdb, so the
bridge knows our types.
"""
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time

PROGRAM_DIR = "/usr/lib/libreoffice/program"
SOFFICE = os.path.join(PROGRAM_DIR, "soffice")
UNOPKG = os.path.join(PROGRAM_DIR, "unopkg")
UNPRIVILEGED_USER = "nobody"


class OfficeError(RuntimeError):
    pass


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _file_url(path):
    import uno
    return uno.systemPathToFileUrl(os.path.abspath(path))


class Office:
    """One headless soffice with a fresh private profile.

    unopkg refuses to install into a user profile as root, so as root the profile belongs to an
    unprivileged user and unopkg and soffice run as that user; the socket connection works for
    any client user.
    """

    def __init__(self, oxt=None, workdir=None, profile_dir=None, extra_env=None, display=None):
        self.oxt = oxt
        self.death = ""  # how soffice ended, once is_alive() found it gone
        # An X display (e.g. a VirtualDisplay's) shows the real UI there instead of running
        # headless: modal dialogs and the wizard only execute with a display.
        self.display = display
        self._own_workdir = workdir is None
        self.workdir = workdir or tempfile.mkdtemp(prefix="partnering-office-")
        os.makedirs(self.workdir, exist_ok=True)
        os.chmod(self.workdir, 0o755)
        self.profile_dir = profile_dir or os.path.join(self.workdir, "profile")
        self.home = os.path.join(self.workdir, "home")
        self.extra_env = dict(extra_env or {})
        self.process = None
        self.context = None
        self.port = None
        self._as_user = []
        self._env = None

    # ---- set-up ----------------------------------------------------------------------
    def _user_can_enter(self, path):
        return subprocess.run(self._as_user + ["test", "-w", path], env=self._env).returncode == 0

    def _prepare_user(self):
        os.makedirs(self.workdir, exist_ok=True)
        os.makedirs(self.profile_dir, exist_ok=True)
        os.makedirs(self.home, exist_ok=True)
        env = dict(os.environ)
        env["HOME"] = self.home
        env.pop("UNO_TYPES", None)  # meant for our client, not for soffice
        env.update(self.extra_env)
        if self.display:
            env["DISPLAY"] = self.display
            env["SAL_USE_VCLPLUGIN"] = "gen"  # plain X11, the same look on every machine
        if os.geteuid() == 0:
            user = pwd.getpwnam(UNPRIVILEGED_USER)
            for path in (self.workdir, self.profile_dir, self.home):
                os.chown(path, user.pw_uid, user.pw_gid)
            self._as_user = ["setpriv", "--reuid=%d" % user.pw_uid, "--regid=%d" % user.pw_gid,
                             "--clear-groups", "--reset-env", "env"] + ["%s=%s" % kv for kv in env.items()]
            env = None
        self._env = env
        if self._as_user and not self._user_can_enter(self.profile_dir):
            raise OfficeError("%s cannot be used by the unprivileged user '%s' that runs LibreOffice for "
                              "root (a parent folder is not readable by others); use a workdir elsewhere, "
                              "e.g. under /var/tmp" % (self.profile_dir, UNPRIVILEGED_USER))

    def _run_as_user(self, args, timeout):
        return subprocess.run(self._as_user + args, env=self._env, capture_output=True, text=True,
                              timeout=timeout)

    @property
    def profile_url(self):
        return _file_url(self.profile_dir)

    def unopkg(self, *args, timeout=120):
        result = self._run_as_user([UNOPKG] + list(args) + ["-env:UserInstallation=" + self.profile_url],
                                   timeout)
        if result.returncode != 0:
            raise OfficeError("unopkg %s failed (%d): %s%s" % (" ".join(args), result.returncode,
                                                             result.stdout, result.stderr))
        return result.stdout

    def initialise_profile(self, timeout=120):
        """Lets soffice create the profile once. At its first start on a profile with no
        user/extensions/buildid, soffice clears the extension caches, which would unregister
        an extension that unopkg had added before."""
        if os.path.exists(os.path.join(self.profile_dir, "user", "extensions", "buildid")):
            return
        result = self._run_as_user([SOFFICE, "--headless", "--terminate_after_init", "--norestore",
                                    "-env:UserInstallation=" + self.profile_url], timeout)
        if result.returncode != 0:
            raise OfficeError("soffice could not initialise the profile %s (%d): %s%s"
                              % (self.profile_dir, result.returncode, result.stdout, result.stderr))

    def install_extension(self):
        # A copy the unprivileged user can read wherever the build folder is.
        copy = os.path.join(self.workdir, os.path.basename(self.oxt))
        shutil.copyfile(self.oxt, copy)
        os.chmod(copy, 0o644)
        self.unopkg("add", "--force", "--suppress-license", copy)

    def prepare(self):
        """A fresh profile with the extension installed, soffice not yet running."""
        self._prepare_user()
        self.initialise_profile()
        if self.oxt:
            self.install_extension()
        return self

    def start(self, timeout=90):
        return self.prepare().launch(timeout)

    def launch(self, timeout=90, start_writer=False):
        """Starts soffice; with `start_writer` it opens an empty Writer document as a user's
        `soffice --writer` does, instead of starting with no document."""
        self.port = _free_port()
        accept = "socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % self.port
        mode = [] if self.display else ["--headless", "--invisible"]
        mode += ["--writer"] if start_writer else ["--nodefault"]
        args = [SOFFICE] + mode + ["--norestore", "--nologo", "--nolockcheck",
                                   "-env:UserInstallation=" + self.profile_url, "--accept=" + accept]
        self._log = open(os.path.join(self.workdir, "soffice.log"), "w")
        os.chmod(self._log.name, 0o666)
        self.process = subprocess.Popen(self._as_user + args, env=self._env, stdout=self._log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        try:
            self.context = self._connect(timeout)
        except BaseException:
            self.stop()  # never leave a soffice behind
            raise
        return self

    def run_gui(self, *documents):
        """Opens Writer on the user's display with this profile and waits until it is closed."""
        display = {k: os.environ[k] for k in ("DISPLAY", "WAYLAND_DISPLAY") if k in os.environ}
        xauthority = os.environ.get("XAUTHORITY", os.path.expanduser("~/.Xauthority"))
        if self._as_user and os.path.exists(xauthority):
            # The unprivileged user needs the display's cookie.
            copy = os.path.join(self.workdir, "Xauthority")
            shutil.copyfile(xauthority, copy)
            os.chown(copy, pwd.getpwnam(UNPRIVILEGED_USER).pw_uid, -1)
            display["XAUTHORITY"] = copy
        args = [SOFFICE, "--writer", "--norestore", "-env:UserInstallation=" + self.profile_url] + list(documents)
        if self._as_user:
            return subprocess.call(self._as_user + ["%s=%s" % kv for kv in display.items()] + args)
        return subprocess.call(args, env=dict(self._env, **display))

    def _connect(self, timeout):
        import uno
        from com.sun.star.connection import NoConnectException
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % self.port
        deadline = time.monotonic() + timeout
        while True:
            try:
                return resolver.resolve(url)
            except NoConnectException:
                if self.process.poll() is not None and self.process.returncode != 81:
                    raise OfficeError("soffice exited with %d before accepting connections; see %s"
                                      % (self.process.returncode, self._log.name))
                if time.monotonic() > deadline:
                    raise OfficeError("soffice did not accept a connection within %ds" % timeout)
                time.sleep(0.02)

    # ---- use -------------------------------------------------------------------------
    def writable_path(self, name):
        """A path soffice may write to (it may run as another user than the caller)."""
        folder = os.path.join(self.workdir, "out")
        if not os.path.isdir(folder):
            os.makedirs(folder)
            os.chmod(folder, 0o777)
        return os.path.join(folder, name)

    @property
    def service_manager(self):
        return self.context.ServiceManager

    def create(self, service_name):
        return self.service_manager.createInstanceWithContext(service_name, self.context)

    def desktop(self):
        return self.create("com.sun.star.frame.Desktop")

    def load(self, path, **properties):
        """Opens a document (hidden unless told otherwise); `path` must be readable by soffice."""
        from com.sun.star.beans import PropertyValue
        properties.setdefault("Hidden", True)
        args = tuple(PropertyValue(Name=k, Value=v) for k, v in properties.items())
        document = self.desktop().loadComponentFromURL(_file_url(path), "_blank", 0, args)
        if document is None:
            raise OfficeError("LibreOffice could not open %s" % path)
        return document

    def new_writer(self):
        """A new, hidden, empty Writer document."""
        from com.sun.star.beans import PropertyValue
        return self.desktop().loadComponentFromURL("private:factory/swriter", "_blank", 0,
                                                   (PropertyValue(Name="Hidden", Value=True),))

    @staticmethod
    def store(document, path, filter_name, filter_options=None):
        """Stores a copy of `document` in `path` (in a folder soffice may write: writable_path)."""
        from com.sun.star.beans import PropertyValue
        args = [PropertyValue(Name="FilterName", Value=filter_name)]
        if filter_options:
            args.append(PropertyValue(Name="FilterOptions", Value=filter_options))
        document.storeToURL(_file_url(path), tuple(args))

    def is_alive(self):
        """True when soffice still answers a UNO call; else `death` says how it ended."""
        if self.process is None or self.process.poll() is not None:
            code = None if self.process is None else self.process.returncode
            self.death = "soffice is not running" if code is None else (
                "soffice was killed by signal %d" % -code if code < 0 else "soffice exited with status %d" % code)
            return False
        try:
            if self.desktop() is not None:
                return True
            self.death = "soffice answers without a desktop"
        except Exception as e:
            self.death = "soffice runs but does not answer: %s" % e
        return False

    # ---- tear-down -------------------------------------------------------------------
    def stop(self):
        if self.process is not None:
            try:
                if self.process.poll() is None and self.context is not None:
                    self.desktop().terminate()
            except Exception:
                pass  # the bridge dies with the process; that is expected
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                pass
            # soffice forks soffice.bin in the same session: end every process of the group.
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()
            self.process = None
            self._log.close()
        self.context = None
        if self._own_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False
