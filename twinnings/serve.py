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

import json
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
    sys.argv = ["streamlit", "run", str(APP), *config_flags(), *streamlit_args]
    try:
        cli.main()
    except SystemExit as done:
        return int(done.code or 0)
    return 0
