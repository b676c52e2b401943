"""How text from a URL or a data record reaches each surface as inert plain text.

Every surface interprets something: Streamlit text elements interpret Markdown (links,
images, autolinked addresses), plotly renders a few HTML tags in titles, labels and hovers,
Leaflet puts tooltips and popups in as HTML, branca compiles map scripts as Jinja, and
spreadsheets run cells that start with '='. One function per surface lives here, so a page
or builder never has to remember the rules of another.
"""

from __future__ import annotations

import html
import json
import re
import string

import pandas as pd

# CommonMark lets a backslash escape any ASCII punctuation; escaping all of it also covers
# Streamlit's extras (:red[...] colours, :emoji: codes, $math$).
_MARKDOWN_SPECIAL = frozenset(string.punctuation)
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)(//|www\.|@)")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: object) -> str:
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def plain(value: object) -> str:
    """A cell or field as the text a template escapes: empty for missing values."""
    return _text(value)


def markdown(value: object) -> str:
    """Text for st.markdown, st.caption, st.warning, headings: shown as typed, never as markup.
    Streamlit finds bare addresses (https://…, //…, www.…, a@b.nl) in the text *after* escapes are
    resolved, so those get an invisible word joiner that breaks the pattern, not the reading."""
    text = _AUTOLINK.sub(lambda m: m.group(0)[:-1] + WORD_JOINER + m.group(0)[-1], _text(value))
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in text)


def html_text(value: object) -> str:
    """Text for HTML (map tooltips, popups, legends). Beyond html.escape: backticks, '$' and backslashes,
    because folium places text inside JS template literals; braces, because branca compiles its output as Jinja."""
    escaped = html.escape(_text(value), quote=True)
    for char, entity in (("`", "&#96;"), ("$", "&#36;"), ("\\", "&#92;"), ("{", "&#123;"), ("}", "&#125;")):
        escaped = escaped.replace(char, entity)
    return escaped


def plotly(value: object) -> str:
    """Text for plotly titles, tick labels, legend names, annotations and hover: plotly renders
    links, bold, line breaks, spans and a few more tags, but shows entities as the characters they stand for."""
    return html.escape(_text(value), quote=False)


def shorten(value: object, length: int) -> str:
    """At most `length` characters, with an ellipsis when cut."""
    text = _text(value)
    return text if len(text) <= length else text[: max(length - 1, 0)].rstrip() + "…"


def spreadsheet_cell(value: object) -> object:
    """A cell that a spreadsheet will not run as a formula (OWASP's CSV injection advice);
    numbers and empty cells pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def http_url(url: object) -> str | None:
    """The URL if it is http(s), else None: no javascript:, data: or scheme-relative links from records."""
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None


def script_json(value: object) -> str:
    """JSON that is safe inside a script element, whatever the record text holds ('$' and '`' only ever
    occur inside JSON strings, so escaping them keeps the text inert even in a JS template literal)."""
    return (
        json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("$", "\\u0024")
        .replace("`", "\\u0060")
    )
