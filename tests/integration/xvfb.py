"""A virtual X display for UI tests: Xvfb at 1280x800 and screenshots of its whole screen.

Access control is off (-ac) because soffice may run as another user than the test; the
display listens on its local socket only (-nolisten tcp).
"""
import os
import subprocess
import time

WIDTH, HEIGHT = 1280, 800


class DisplayError(RuntimeError):
    pass


class VirtualDisplay:
    def __init__(self, width=WIDTH, height=HEIGHT):
        self.size = (width, height)
        self.process = None
        self.name = None

    def start(self, timeout=20):
        for number in range(90, 140):
            if os.path.exists("/tmp/.X11-unix/X%d" % number) or os.path.exists("/tmp/.X%d-lock" % number):
                continue
            self.name = ":%d" % number
            self.process = subprocess.Popen(
                ["Xvfb", self.name, "-screen", "0", "%dx%dx24" % self.size, "-nolisten", "tcp", "-ac"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    break  # the number was taken meanwhile: try the next one
                if os.path.exists("/tmp/.X11-unix/X%d" % number):
                    return self
                time.sleep(0.05)
            self.stop()
        raise DisplayError("could not start Xvfb on any display from :90 to :139")

    def screenshot(self, path):
        """The whole screen as a PNG at `path`."""
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        subprocess.run(["import", "-display", self.name, "-window", "root", path], check=True,
                       capture_output=True, timeout=60)
        return path

    def stop(self):
        if self.process is not None:
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
            self.process = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False
