"""Downloadable bundles of the data package."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from twinnings.model import PACKAGE_FILES


def package_zip(data_dir: Path) -> bytes:
    """The whole data package as one zip, with its descriptor, so it validates where it lands."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in PACKAGE_FILES:
            archive.write(Path(data_dir) / name, arcname=f"stedenbanden-nl-cn/{name}")
    return buffer.getvalue()


def package_document(data_dir: Path, name: str) -> str:
    """A Markdown file of the package for display, without the build markers (HTML comments)."""
    text = (Path(data_dir) / name).read_text(encoding="utf-8")
    return re.sub(r"^<!--.*?-->\n", "", text, flags=re.M)


def package_bytes(data_dir: Path, name: str) -> bytes:
    return (Path(data_dir) / name).read_bytes()
