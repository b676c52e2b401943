"""Stedenbanden NL–CN: a sourced dataset of Dutch–Chinese local-government ties."""

from pathlib import Path

__version__ = "3.0.0"

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
