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


def test_precompressed_files_sit_beside_the_text_files_and_are_the_same_every_build(tmp_path):
    import gzip

    from twinnings.static_site import precompress

    (tmp_path / "nl").mkdir()
    page = tmp_path / "nl" / "index.html"
    page.write_text("<p>stedenband</p>" * 200, encoding="utf-8")
    (tmp_path / "tiny.css").write_text("p{}", encoding="utf-8")  # too small to gain anything
    (tmp_path / "preview.png").write_bytes(b"\x89PNG" * 600)  # already compressed
    assert precompress(tmp_path) == 1
    packed = tmp_path / "nl" / "index.html.gz"
    assert gzip.decompress(packed.read_bytes()) == page.read_bytes()
    first = packed.read_bytes()
    precompress(tmp_path)
    assert packed.read_bytes() == first  # a rebuild of unchanged data writes the same bytes
