"""Start the app with `streamlit run`, without Streamlit's legacy handling of a `pages/` folder.

Streamlit decides once per process whether the entry point sits next to a `pages/` folder and,
if so, runs the very first session in the old multipage mode: a deep link such as /tijdlijn
then shows "page not found" (or runs the page without the entry point) until some session has
called st.navigation. This project keeps its pages in `pages/` but navigates with
st.navigation, so the launcher settles that flag before any session starts.
"""

from __future__ import annotations

import sys

from twinnings import DATA_DIR

APP = DATA_DIR.parent / "app.py"


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
    sys.argv = ["streamlit", "run", str(APP), *streamlit_args]
    try:
        cli.main()
    except SystemExit as done:
        return int(done.code or 0)
    return 0
