"""The blocks a page is made of: one vocabulary for both faces.

A page model (`twinnings.page_models`) is a title, a lead and an ordered tuple of these blocks. The
app renders each kind with one Streamlit function in `twinnings.ui.render`, the static site with one
Jinja2 macro (`templates/site/blocks.html`, selected by `kind`). Blocks hold plain text and data only:
no markup, no Markdown, no finished addresses, so each face decides how a link or a table looks and
record text can reach a page only as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

import pandas as pd

from twinnings.presentation import ChartKit
from twinnings.routes import Link


@dataclass(frozen=True)
class Text:
    """A paragraph. `strong` for a sentence that sums up the selection."""

    kind: ClassVar[str] = "text"
    text: str
    strong: bool = False


@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    text: str
    anchor: str = ""


@dataclass(frozen=True)
class Figures:
    """The key figures: (name, number) pairs."""

    kind: ClassVar[str] = "figures"
    items: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class PlaceSearch:
    """The search for any place, leading to its profile."""

    kind: ClassVar[str] = "search"
    label: str
    help: str


@dataclass(frozen=True)
class MapBlock:
    """A map of the view in `link` (the home map), or of one place's ties (`place`)."""

    kind: ClassVar[str] = "map"
    link: Link
    title: str
    notes: tuple[str, ...]  # what is under the map: how to use it, credits
    place: str = ""


@dataclass(frozen=True)
class ChartBlock:
    """A chart with its kit: PNG, SVG, data (CSV and table), embed code; `tools` off in an embed."""

    kind: ClassVar[str] = "chart"
    kit: ChartKit
    tools: bool = True


@dataclass(frozen=True)
class ImageBlock:
    """A publication image held as files (the map through the years, `presentation.THROUGH_TIME_FILES`): shown
    in its first format with its text alternative and caption, each format to download, and its embed code."""

    kind: ClassVar[str] = "image"
    name: str  # the file stem: 'through-time'
    formats: tuple[str, ...]  # 'gif', 'webp'; the first is shown
    alt: str
    caption: str
    width: int
    height: int


@dataclass(frozen=True, eq=False)
class Table:
    """A captioned table of plain text with its CSV (`csv_name`, named after the view). `records` names
    what a row is ('tie', 'event') when each row gets a 'report a correction' link (`ids`); `profiles`
    holds a place id per row when each row links to that place's profile; `sources` the first source
    of each row. Without `grid` a face shows a plain table where it has a heavier grid (the home page's
    map table, while the map draws)."""

    kind: ClassVar[str] = "table"
    caption: str
    frame: pd.DataFrame
    csv_name: str
    records: str = ""
    ids: tuple[str, ...] = ()
    profiles: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # per row the address of its first source ('' without one)
    anchor: str = ""
    grid: bool = True


@dataclass(frozen=True)
class Sources:
    """A list of sources: text ('publisher: title (date)') and its http(s) address, if any."""

    kind: ClassVar[str] = "sources"
    entries: tuple[tuple[str, str | None], ...]


@dataclass(frozen=True)
class Links:
    """Links to other views of the product."""

    kind: ClassVar[str] = "links"
    items: tuple[tuple[str, Link], ...]


@dataclass(frozen=True)
class Details:
    """A folded text: `document` holds a data-package document (the methodology, the changelog)."""

    kind: ClassVar[str] = "details"
    summary: str
    text: str
    document: bool = False
    links: tuple[tuple[str, Link], ...] = ()


@dataclass(frozen=True)
class Notice:
    kind: ClassVar[str] = "notice"
    text: str


@dataclass(frozen=True)
class Downloads:
    """The data package's files."""

    kind: ClassVar[str] = "downloads"
    files: tuple[str, ...]


BLOCK_TYPES = (
    Text,
    Heading,
    Figures,
    PlaceSearch,
    MapBlock,
    ChartBlock,
    ImageBlock,
    Table,
    Sources,
    Links,
    Details,
    Notice,
    Downloads,
)
Block = (
    Text
    | Heading
    | Figures
    | PlaceSearch
    | MapBlock
    | ChartBlock
    | ImageBlock
    | Table
    | Sources
    | Links
    | Details
    | Notice
    | Downloads
)
BLOCK_KINDS = tuple(block.kind for block in BLOCK_TYPES)


@dataclass(frozen=True)
class PageModel:
    """One page: what it is (`page_kind`), its title and lead, and its blocks in reading order."""

    page_kind: str
    link: Link
    title: str
    lead: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(block.kind for block in self.blocks)
