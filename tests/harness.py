"""The browser harness shared by the browser tests and `bench/`: Debian Chromium's path and flags, the
app on a free local port, and a quiet static file server. Plain functions, no pytest."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from twinnings.boundaries import EMBEDDED_DIR

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("TWINNINGS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# What visitors get: the embedded boundaries, whatever a developer's cache holds.
EMBEDDED_BOUNDARIES = {"TWINNINGS_GEO_DIR": str(EMBEDDED_DIR)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_streamlit(program: list[str], env_extra: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """`python <program>` with Streamlit's server flags on a free local port, once it answers its health check."""
    port = free_port()
    env = {**os.environ, "TWINNINGS_TILES": "none", **EMBEDDED_BOUNDARIES, **env_extra}
    flags = ["--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]
    process = subprocess.Popen(
        [sys.executable, *program, *flags, "--browser.gatherUsageStats", "false"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_for_health(url, process)
    return process, url


def wait_for_health(url: str, process: subprocess.Popen) -> None:
    """Until the Streamlit server at `url` answers its health check (a minute at most)."""
    deadline = time.time() + 60
    while time.time() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"streamlit did not start:\n{process.stdout.read().decode() if process.stdout else ''}")


def start_app(env_extra: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    return start_streamlit(["-m", "twinnings", "serve"], env_extra or {})


def stop(process: subprocess.Popen) -> None:
    """Ask the server to stop; one that has not stopped after 30 s (a busy machine) is killed."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class names it so)
        """No request log on stderr: benchmark and test output stay readable."""


class _StaticServer(http.server.ThreadingHTTPServer):
    # The standard library's listen backlog of 5 makes the sixth reader at once wait a second for a TCP
    # retry: that measures the backlog, not serving files. A static host accepts many at once.
    request_queue_size = 128


def serve_folder(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A plain, quiet HTTP server for static files on a free local port; call .shutdown() when done."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _StaticServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)


# What a checkout holds besides the project's files (at its top, or anywhere for caches): none of it is built.
UNSHIPPED_AT_TOP = {".git", ".venv", "build", "artifacts", "site", ".hypothesis", ".pytest_cache", ".ruff_cache"}
UNSHIPPED_ANYWHERE = ("__pycache__", ".egg-info")


def _unshipped(folder: str, names: list[str]) -> list[str]:
    top = Path(folder) == ROOT
    return [name for name in names if (top and name in UNSHIPPED_AT_TOP) or name.endswith(UNSHIPPED_ANYWHERE)]


def install_wheel(folder: Path) -> Path:
    """Build the project's wheel and install it into a new virtualenv in `folder`; return its `bin/`.

    The new environment sees this environment's packages through a .pth file (no download, a few seconds)
    but not the checkout: deptry proves the declared dependencies, this proves the wheel's own contents.
    """
    source = folder / "source"  # a clean copy: setuptools' build/ folder in a checkout can hold stale modules
    shutil.copytree(ROOT, source, ignore=_unshipped)
    wheels = folder / "wheels"
    pip = [sys.executable, "-m", "pip", "-q", "--no-cache-dir"]
    _run([*pip, "wheel", str(source), "--no-deps", "--no-build-isolation", "-w", str(wheels)])
    venv = folder / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    (_purelib(venv / "bin" / "python") / "project-dependencies.pth").write_text(
        f"{_purelib(sys.executable)}\n", encoding="utf-8"
    )
    (wheel,) = wheels.glob("twinnings-*.whl")
    _run([*pip, "--python", str(venv / "bin" / "python"), "install", "--no-deps", str(wheel)])
    return venv / "bin"


def _run(command: list[str]) -> None:
    """Run a build step; when it fails, say what it printed."""
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")


def _purelib(python: str | Path) -> Path:
    """Where `python` installs pure-Python packages."""
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    return Path(subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.strip())
