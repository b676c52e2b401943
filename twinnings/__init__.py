"""Stedenbanden NL–CN: a sourced dataset of Dutch–Chinese local-government ties.

The app's entry point, its pages, the self-hosted assets and the shipped data package sit at the top
of a checkout, where curators and developers expect them. A built wheel carries the same files inside
the package, under `twinnings/bundle/` (see pyproject.toml), so an installed `twinnings` runs from any
folder; APP_DIR is whichever of the two this copy of the package has.
"""

from pathlib import Path

__version__ = "4.0.0"

_PACKAGE_DIR = Path(__file__).resolve().parent
_BUNDLE_DIR = _PACKAGE_DIR / "bundle"

APP_DIR = _BUNDLE_DIR if (_BUNDLE_DIR / "app.py").is_file() else _PACKAGE_DIR.parent
DATA_DIR = APP_DIR / "data"
STATIC_DIR = APP_DIR / "static"
