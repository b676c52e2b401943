"""Record and URL text stays inert on every surface: Markdown, HTML, plotly, spreadsheets."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import plotly.graph_objects as go
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from linkify_it import LinkifyIt
from markdown_it import MarkdownIt

from twinnings import safe_text, site_render

MARKDOWN = MarkdownIt("gfm-like")  # CommonMark + GFM autolinks, tables, strikethrough: what Streamlit renders
HOSTILE = [
    "[Klik hier om opnieuw in te loggen](https://elsewhere.example/login)",
    "![px](http://elsewhere.example/track.png)",
    "<a href='https://elsewhere.example'>x</a>",
    "see www.elsewhere.example or mail a@elsewhere.example",
    "https://elsewhere.example/path",
    "# heading *em* **strong** `code` ~~strike~~ | a | b |",
    "javascript:alert(1) //elsewhere.example/x {{ 7*7 }} ${x}",
    "1. numbered\n- bullet\n> quote",
    "&lt;entity&gt; &amp;",
]
# Streamlit's renderer (remark-gfm) finds bare addresses in text *after* escapes are resolved,
# so the text a reader sees must hold no address that a linkifier would pick up.
LINKIFY = LinkifyIt()
FORBIDDEN = {"link_open", "image", "html_inline", "html_block", "code_inline", "em_open", "strong_open", "s_open"}


def tokens(markdown: str) -> list:
    found = []
    for block in MARKDOWN.parse(markdown):
        found.append(block)
        found += block.children or []
    return found


def shown_text(markdown: str) -> str:
    return "".join(t.content for t in tokens(markdown) if t.type == "text")


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escaping_leaves_no_link_image_or_markup(text):
    escaped = safe_text.markdown(text)
    types = {t.type for t in tokens(escaped)}
    assert not types & FORBIDDEN, types
    assert not LINKIFY.test(shown_text(escaped)), shown_text(escaped)
    assert not {"heading_open", "bullet_list_open", "ordered_list_open", "blockquote_open", "table_open"} & types


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=60))
@example("see www.elsewhere.example and a@elsewhere.example")
def test_escaped_markdown_shows_exactly_the_text_typed(text):
    escaped = safe_text.markdown(text)
    assert not {t.type for t in tokens(escaped)} & FORBIDDEN
    assert not LINKIFY.test(shown_text(escaped))
    assert shown_text(escaped).replace(safe_text.WORD_JOINER, "") == text.strip()


def test_html_text_escapes_markup_template_syntax_and_template_literals():
    escaped = safe_text.html_text("<img src=x>`${x}`\\{{ 7*7 }}")
    assert "<" not in escaped and "`" not in escaped and "$" not in escaped and "{{" not in escaped


def test_plotly_text_shows_tags_as_characters():
    fig = go.Figure(layout={"title": {"text": safe_text.plotly("<a href='https://x'>x</a>")}})
    assert fig.layout.title.text == "&lt;a href='https://x'&gt;x&lt;/a&gt;"


@pytest.mark.parametrize("cell", ['=HYPERLINK("https://x")', "+1", "-2+3", "@SUM(A1)"])
def test_spreadsheet_cells_never_start_a_formula(cell):
    assert safe_text.spreadsheet_cell(cell) == "'" + cell


def test_plain_cells_and_numbers_pass_unchanged():
    assert safe_text.spreadsheet_cell("Tilburg") == "Tilburg"
    assert safe_text.spreadsheet_cell(-3) == -3


def test_only_http_urls_are_links():
    assert safe_text.http_url("https://example.org") == "https://example.org"
    assert safe_text.http_url("javascript:alert(1)") is None
    assert safe_text.http_url("//elsewhere.example/x") is None
    assert safe_text.http_url("data:text/html,x") is None


def test_shorten_cuts_with_an_ellipsis():
    assert safe_text.shorten("abcdef", 4) == "abc…"
    assert safe_text.shorten("abc", 4) == "abc"


def test_script_json_cannot_close_a_script_element():
    assert "</script>" not in safe_text.script_json({"x": "</script><script>alert(1)</script>"})


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.region_label = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "div":
            self.region_label = dict(attrs).get("aria-label", "")

    def handle_data(self, data):
        self.text.append(data)


def test_a_plain_table_shows_record_text_as_text_inside_its_own_tags():
    hostile = pd.DataFrame({"<b>kolom</b>": ['<img src=x onerror="alert(1)">', "[link](javascript:alert(1))"]})
    table = site_render.plain_table(hostile, '"><script>alert(1)</script>')
    parser = _Tags()
    parser.feed(table)
    assert set(parser.tags) == {"div", "table", "caption", "thead", "tr", "th", "tbody", "td"}
    assert [text for text in parser.text if text.strip()] == [
        '"><script>alert(1)</script>',
        "<b>kolom</b>",
        '<img src=x onerror="alert(1)">',
        "[link](javascript:alert(1))",
    ]
    assert parser.region_label == '"><script>alert(1)</script>'
