"""Stedenbanden NL–CN: a sourced dataset of Dutch–Chinese local-government ties."""

from pathlib import Path

__version__ = "2.1.0"

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
