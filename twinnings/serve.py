"""Start the app with `streamlit run`, without Streamlit's legacy handling of a `pages/` folder.

Streamlit decides once per process whether the entry point sits next to a `pages/` folder and,
if so, runs the very first session in the old multipage mode: a deep link such as /tijdlijn
then shows "page not found" (or runs the page without the entry point) until some session has
called st.navigation. This project keeps its pages in `pages/` but navigates with
st.navigation, so the launcher settles that flag before any session starts.

Streamlit reads `.streamlit/config.toml` only from the folder it is started in; an installed
package is started from anywhere, so the launcher passes the project's configuration as flags
(flags given to `twinnings serve` come later and win).
"""

from __future__ import annotations

import ctypes
import json
import os
import sys
import tomllib
from pathlib import Path

from twinnings import APP_DIR

APP = APP_DIR / "app.py"
CONFIG = APP_DIR / ".streamlit" / "config.toml"


def config_flags(config: Path = CONFIG) -> list[str]:
    """`--section.option=value` for every option of a Streamlit config file (a list as JSON, as Streamlit
    reads a list from a flag)."""
    with open(config, "rb") as f:
        sections = tomllib.load(f)
    return [
        f"--{section}.{option}={flag_value(value)}"
        for section, options in sections.items()
        for option, value in options.items()
    ]


def flag_value(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return json.dumps(value)
    return str(value)


M_ARENA_MAX = -8  # glibc's malloc.h: the option MALLOC_ARENA_MAX sets
MALLOC_ARENAS = 2


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas at `arenas`, as MALLOC_ARENA_MAX does; a MALLOC_ARENA_MAX that is set wins.

    Streamlit runs each session's script in a thread of its own, and glibc gives threads arenas of their
    own, up to eight per core, each keeping the high-water mark of what was built in it. Under waves of
    eight readers on two cores (bench/memory_waves.py, bench/README.md) the server levelled off about 40 MB
    lower with two arenas. Must run before the server starts its threads. Returns whether the cap was set
    (not off glibc, nor when the variable decides)."""
    if "MALLOC_ARENA_MAX" in os.environ:
        return False
    try:
        return bool(ctypes.CDLL("libc.so.6").mallopt(M_ARENA_MAX, arenas))
    except (OSError, AttributeError):  # not glibc
        return False


def serve(streamlit_args: list[str]) -> int:
    """Start the app; a bad setting (TWINNINGS_*) is refused here, with its reason, not on the first page."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    from twinnings.settings import from_env

    try:
        from_env()
    except ValueError as error:
        print(f"twinnings serve: {error}", file=sys.stderr)
        return 2

    PagesManager.uses_pages_directory = False
    limit_malloc_arenas()
    sys.argv = ["streamlit", "run", str(APP), *config_flags(), *streamlit_args]
    try:
        cli.main()
    except SystemExit as done:
        return int(done.code or 0)
    return 0
