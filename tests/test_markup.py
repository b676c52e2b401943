"""Markup, scripts and styles from the package's files: escaped on the way in, present in the wheel's tree,
each map script defining the function its element calls."""

from __future__ import annotations

import re
import shutil
import subprocess
from importlib.resources import files

import pytest

from twinnings import maps, markup

HOSTILE = "<img src=x onerror=alert(1)>`${x}`\\1{{ 7*7 }}'\""
ASSETS = files("twinnings") / "assets"


def map_scripts() -> list[type[maps.MapScript]]:
    found, todo = [], [maps.MapScript]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return [cls for cls in found if cls.script_file]


def test_template_values_arrive_as_inert_text_unless_marked_as_ours():
    html = markup.render("embed/link-back.html", href=HOSTILE, title=HOSTILE, site=markup.Markup("<b>ours</b>"))
    assert "<img" not in html and "${x}" not in html and "{{" not in html and "`" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;&#96;&#36;&#123;x&#125;" in html
    assert "<b>ours</b>" in html


def test_templates_render_without_their_layout():
    svg = maps.marker_svg("in_use", 18)
    assert "\n" not in svg and "  " not in svg and svg.startswith("<svg ")


def test_style_sheets_are_inlined_without_comments_or_layout():
    css = markup.style("map/map.css")
    assert "/*" not in css and "\n" not in css and ".tw-skip-map:focus{left:8px}" in css
    assert css == maps.MAP_STYLE


@pytest.mark.parametrize("element", map_scripts(), ids=lambda cls: cls.__name__)
def test_each_map_script_file_defines_the_function_its_element_calls(element):
    source = (ASSETS / "map" / element.script_file).read_text(encoding="utf-8")
    assert re.search(rf"^function {element.function}\(", source, re.M)
    assert "{{" not in source and "{%" not in source, "a script file is plain JavaScript, not a template"


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js checks the scripts' syntax")
def test_every_script_file_parses():
    for path in sorted(p for folder in ASSETS.iterdir() for p in folder.iterdir() if p.name.endswith(".js")):
        checked = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr
