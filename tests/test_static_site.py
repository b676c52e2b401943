"""export-site on the shipped data: every chart and map in both languages, loaded only from the site."""

from __future__ import annotations

import re
import struct

import pytest

from twinnings import routes


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_chart_and_map_has_a_page_an_embed_and_images(site, lang):
    folder = site / lang
    for stem in routes.CHART_VIEWS:
        for name in (f"{stem}.html", f"embed-{stem}.html", f"{stem}.csv", f"{stem}.svg", f"{stem}.png"):
            assert (folder / name).is_file(), name
        png = (folder / f"{stem}.png").read_bytes()
        assert struct.unpack(">II", png[16:24])[0] == 2400
        assert "Stedenbanden NL–CN" in (folder / f"{stem}.svg").read_text(encoding="utf-8")
    for view in ("nl", "cn"):
        assert (folder / f"map-{view}.html").is_file() and (folder / f"embed-map-{view}.html").is_file()
    assert f'<html lang="{lang}">' in (folder / "index.html").read_text(encoding="utf-8")


def test_pages_load_scripts_and_styles_only_from_the_site(site):
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', text)
        outside = [a for a in assets if a.startswith(("http:", "https:", "//"))]
        assert outside == [], (page, outside)


def test_the_site_carries_the_data_package(site):
    for name in ("ties.csv", "twinnings.geojson", "stedenbanden-nl-cn.zip"):
        assert (site / "data" / name).stat().st_size > 0
