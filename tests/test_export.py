"""The zip a visitor downloads is the whole package and validates on its own."""

from __future__ import annotations

import io
import zipfile

from twinnings import DATA_DIR
from twinnings.export import PACKAGE_FILES, package_document, package_zip
from twinnings.load import check


def test_package_zip_holds_every_file_and_validates_where_it_lands(tmp_path):
    archive = zipfile.ZipFile(io.BytesIO(package_zip(DATA_DIR)))
    assert sorted(n.split("/", 1)[1] for n in archive.namelist()) == sorted(PACKAGE_FILES)
    archive.extractall(tmp_path)
    assert [p for p in check(tmp_path / "stedenbanden-nl-cn") if p.severity == "error"] == []


def test_documents_for_display_lose_their_build_markers():
    text = package_document(DATA_DIR, "README.md")
    assert "<!--" not in text and "## Methodology" in text
