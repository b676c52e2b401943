"""`twinnings serve` caps glibc's malloc arenas before the server starts its threads (bench/README.md, the
app's memory under waves of readers)."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from twinnings.serve import MALLOC_ARENAS, config_flags, limit_malloc_arenas

ROOT = Path(__file__).resolve().parents[1]
THREADS = 8


def heaps_after_threads(cap: bool) -> int:
    """glibc's arenas (malloc_info's heaps) after THREADS threads, all alive at once, each allocated memory."""
    if cap:
        assert limit_malloc_arenas()
    keep, barrier = [], threading.Barrier(THREADS + 1)

    def work() -> None:
        keep.append(bytearray(64 * 1024))  # over pymalloc's small-object limit: glibc's malloc, in this thread
        barrier.wait()

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    barrier.wait()
    for thread in threads:
        thread.join()
    libc = ctypes.CDLL("libc.so.6")
    libc.fopen.restype = ctypes.c_void_p
    libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
    libc.fclose.argtypes = [ctypes.c_void_p]
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "malloc.xml"
        stream = libc.fopen(str(report).encode(), b"w")
        libc.malloc_info(0, stream)
        libc.fclose(stream)
        return report.read_text(encoding="utf-8").count("<heap nr=")


def heaps_in_a_new_process(cap: bool) -> int:
    env = {name: value for name, value in os.environ.items() if name != "MALLOC_ARENA_MAX"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.test_serve", "cap" if cap else "default"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_serve_caps_the_malloc_arenas_its_session_threads_would_each_get():
    assert heaps_in_a_new_process(cap=False) > MALLOC_ARENAS  # without the cap, threads get arenas of their own
    assert heaps_in_a_new_process(cap=True) <= MALLOC_ARENAS


def test_a_malloc_arena_max_that_is_set_wins(monkeypatch):
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert not limit_malloc_arenas()


if __name__ == "__main__":
    print(heaps_after_threads(sys.argv[1] == "cap"))


def test_the_served_app_does_not_watch_its_sources():
    """A served app never reloads itself, and closing a session's source watchers could block the server."""
    assert "--server.fileWatcherType=none" in config_flags()
