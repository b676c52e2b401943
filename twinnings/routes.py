"""Every page and embeddable view, declared once, and the typed address both faces read and write.

A `Link` is what a visitor is looking at: a page (or one embedded chart or map), the shared filter,
the events page's own filters, a profile's place and the language. `parse` turns any query string
into a Link plus the parts it could not use; `Link.href` writes the canonical address back, holding
only what the view uses, so `parse(link.query()) == link` for every link a page can show. The app,
the static site, embed snippets, correction links and download names all go through here, so a link
means the same thing everywhere. Pure: no Streamlit import.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import urlencode, urlsplit

from twinnings import filters, model, through_time
from twinnings.filters import EventFilter, Filter
from twinnings.i18n import DEFAULT_LANG, LANGS, Lang


@dataclass(frozen=True)
class Page:
    """A page of the app: its key, its address, its script, its title and the parameters only it reads."""

    name: str
    path: str
    script: str
    title_key: str
    uses_filter: bool = True


PAGES: tuple[Page, ...] = (
    Page("map", "", "pages/map_page.py", "page_map"),
    Page("timeline", "tijdlijn", "pages/timeline.py", "page_timeline"),
    Page("events", "gebeurtenissen", "pages/events.py", "page_events"),
    Page("profile", "profiel", "pages/profile.py", "page_profile"),
    Page("data", "data", "pages/data_sources.py", "page_data"),
)
PAGE = {page.name: page for page in PAGES}
HOME = "map"
EMBED_SCRIPT = "pages/embed.py"


@dataclass(frozen=True)
class Embeddable:
    """A chart or map that can be shown alone (`?embed=true&show=<show>`), and where its full view lives."""

    show: str
    page: str
    kind: Literal["chart", "map"]
    title_key: str
    height: int = 720


EMBEDDABLES: tuple[Embeddable, ...] = (
    Embeddable("map", "map", "map", "map_frame_title", 660),
    Embeddable("begun-ended", "timeline", "chart", "chart_begun_ended"),
    Embeddable("standing", "timeline", "chart", "chart_standing"),
    Embeddable("lifetimes", "timeline", "chart", "chart_lifetimes", 900),
    Embeddable("events", "events", "chart", "chart_events"),
    Embeddable("actors", "events", "chart", "chart_actors"),
    Embeddable("provinces", "profile", "chart", "chart_compare"),
)
EMBEDDABLE = {view.show: view for view in EMBEDDABLES}
CHART_VIEWS = tuple(view.show for view in EMBEDDABLES if view.kind == "chart")
# The views whose full view is a profile when they name a place, and those the events filters narrow.
PLACE_VIEWS = ("lifetimes",)
EVENT_VIEWS = ("events", "actors")
# The charts over the years whose click on a year opens the map in that year.
YEAR_VIEWS = ("begun-ended", "standing")
TIE_VIEWS = ("map", "begun-ended", "standing", "lifetimes")  # they draw the selected ties
CHART_PREFIX = "stedenbanden-"

TOO_LONG_PARAM, TOO_LONG_VALUE = "link", "too-long"
# Streamlit's own parameters: it reads them before our script and hides them from st.query_params.
STREAMLIT_PARAMS = ("embed", "embed_options")
OWN_PARAMS = ("lang", "place", "show", "context", "sort", "year", *filters.EVENT_PARAMS)
SINGLE_PARAMS = ("place", "show", "lang", "context", "sort", "year")  # a second value of one of these is ignored
# The province comparison's sort orders (most first); the first is the default.
COMPARISON_SORTS = ("ties", "in_use", "fading", "silent", "ended", "ended_since_2021", "municipalities")
KNOWN_PARAMS = (*filters.PARAM_NAMES, *OWN_PARAMS, *STREAMLIT_PARAMS)
_PLACE_ID = re.compile(model.PLACE_ID_PATTERN)


@dataclass(frozen=True)
class Link:
    """One view of the product. `show` makes it the embed of that chart or map."""

    page: str = HOME
    filter: Filter = field(default_factory=Filter)
    events: EventFilter = field(default_factory=EventFilter)
    place: str = ""
    show: str = ""
    lang: Lang = DEFAULT_LANG
    context: bool = True  # the events page: events of the selected places beyond their ties too
    sort: str = COMPARISON_SORTS[0]  # the province comparison's order
    year: int | None = None  # a map as it stood in that year (through_time); None is today

    def __post_init__(self) -> None:
        if self.year is not None and self.year not in through_time.years():
            raise ValueError(f"year {self.year} outside {through_time.FIRST_YEAR}–{model.RELEASE_YEAR}")
        if self.sort not in COMPARISON_SORTS:
            raise ValueError(f"unknown sort {self.sort!r}; sorts: {', '.join(COMPARISON_SORTS)}")
        if self.page not in PAGE:
            raise ValueError(f"unknown page {self.page!r}; pages: {', '.join(PAGE)}")
        if self.show and self.show not in EMBEDDABLE:
            raise ValueError(f"unknown view {self.show!r}; views: {', '.join(EMBEDDABLE)}")

    @property
    def embedded(self) -> bool:
        return bool(self.show)

    @property
    def uses_filter(self) -> bool:
        """A profile (its page or its chart) ignores the filters; the comparison without a place does not."""
        return not self.place or not (self.page == "profile" or self.show in PLACE_VIEWS)

    @property
    def uses_events(self) -> bool:
        return self.show in EVENT_VIEWS if self.show else self.page == "events"

    @property
    def uses_view(self) -> bool:
        return self.show == "map" if self.show else self.page == "map"

    @property
    def uses_sort(self) -> bool:
        return not self.show and self.page == "profile" and not self.place

    @property
    def uses_year(self) -> bool:
        """The maps take a year: the home map (both views), its embed and a place's profile map."""
        return self.show == "map" if self.show else self.page == HOME or (self.page == "profile" and bool(self.place))

    @property
    def uses_place(self) -> bool:
        return self.show in PLACE_VIEWS if self.show else self.page == "profile"

    def canonical(self) -> Link:
        """The same view without the parts it does not use, so equal views have equal addresses."""
        kept_filter = self.filter if self.uses_filter else Filter()
        if not self.uses_view:
            kept_filter = replace(kept_filter, view=Filter().view)
        return replace(
            self,
            page=HOME if self.show else self.page,
            filter=kept_filter,
            events=self.events if self.uses_events else EventFilter(),
            place=self.place if self.uses_place else "",
            context=self.context or not self.uses_events,
            sort=self.sort if self.uses_sort else COMPARISON_SORTS[0],
            year=self.year if self.uses_year else None,
        )

    def query(self) -> dict[str, list[str]]:
        """The canonical query parameters (defaults left out, so permalinks stay short)."""
        link = self.canonical()
        params: dict[str, list[str]] = {}
        if link.show:
            params["embed"] = ["true"]
            params["show"] = [link.show]
        params.update(filters.to_params(link.filter))
        params.update(filters.event_params(link.events))
        if not link.context:
            params["context"] = ["0"]
        if link.sort != COMPARISON_SORTS[0]:
            params["sort"] = [link.sort]
        if link.place:
            params["place"] = [link.place]
        if link.year is not None:
            params["year"] = [str(link.year)]
        if link.lang != DEFAULT_LANG:
            params["lang"] = [link.lang]
        return params

    @property
    def path(self) -> str:
        """The address path, relative to the app's root: an embed is served from the root, whatever its page."""
        return "" if self.show else PAGE[self.page].path

    def href(self) -> str:
        """The address relative to the app's root: `tijdlijn?province=PV30`, `?embed=true&show=map`."""
        encoded = urlencode([(name, value) for name, values in self.query().items() for value in values])
        return self.path + (f"?{encoded}" if encoded else "")

    def url(self, root: str) -> str:
        """The absolute address under the app's root (`https://host/`, or a folder on it)."""
        return f"{root.rstrip('/')}/{self.href()}"

    def full_view(self) -> Link:
        """Where an embed's 'full view' link leads: its page (a profile for a place's chart)."""
        if not self.show:
            return self
        page = "profile" if self.place and self.show in PLACE_VIEWS else EMBEDDABLE[self.show].page
        return replace(self, page=page, show="").canonical()

    def embed(self, show: str) -> Link:
        """This view's selection, showing only the chart or map `show`."""
        return replace(self, show=show).canonical()


@dataclass(frozen=True)
class Parsed:
    link: Link
    dropped: tuple[str, ...] = ()
    too_long: bool = False


def _listed(params: Mapping[str, Sequence[str] | str], name: str) -> list[str]:
    raw = params.get(name, [])
    return [raw] if isinstance(raw, str) else list(raw)


def parse(params: Mapping[str, Sequence[str] | str], page: str = HOME, embedded: bool = False) -> Parsed:
    """The Link a query string names on `page`, and every part it could not use (as `name=value`).

    Parameters of other pages are accepted and left out of the canonical link (a shared link that
    carries them still works); `show` counts only in Streamlit's embed mode (`embedded`), which
    Streamlit reads itself. Nothing here raises on junk."""
    too_long = TOO_LONG_PARAM in params
    rest = {name: value for name, value in params.items() if name != TOO_LONG_PARAM}
    f, dropped = filters.from_params({k: v for k, v in rest.items() if k in filters.PARAM_NAMES})
    events, dropped_events = filters.event_filter_from_params(rest)
    dropped += dropped_events
    for name in SINGLE_PARAMS:
        dropped += [f"{name}={value}" for value in _listed(rest, name)[1:]]
    place = ""
    for value in _listed(rest, "place")[:1]:
        if _PLACE_ID.fullmatch(value):
            place = value
        else:
            dropped.append(f"place={value}")
    show = ""
    for value in _listed(rest, "show")[:1]:
        if value in EMBEDDABLE:
            show = value if embedded else ""
        else:
            dropped.append(f"show={value}")
    lang = DEFAULT_LANG
    for value in _listed(rest, "lang")[:1]:
        if value in LANGS:
            lang = value  # type: ignore[assignment]
        else:
            dropped.append(f"lang={value}")
    context = True
    for value in _listed(rest, "context")[:1]:
        if value in ("0", "1"):
            context = value == "1"
        else:
            dropped.append(f"context={value}")
    sort = COMPARISON_SORTS[0]
    for value in _listed(rest, "sort")[:1]:
        if value in COMPARISON_SORTS:
            sort = value
        else:
            dropped.append(f"sort={value}")
    year = None
    for value in _listed(rest, "year")[:1]:
        if value.isascii() and value.isdigit() and int(value) in through_time.years():
            year = int(value)
        else:
            dropped.append(f"year={value}")
    dropped += [f"{name}=…" for name in rest if name not in KNOWN_PARAMS]
    link = Link(
        page=page if page in PAGE else HOME,
        filter=f,
        events=events,
        place=place,
        show=show,
        lang=lang,
        context=context,
        sort=sort,
        year=year,
    )
    return Parsed(link, tuple(dropped), too_long)


def page_of_path(path: str) -> str:
    """The page an address path names ('/tijdlijn/' -> 'timeline'); anything else is the home page."""
    wanted = path.strip("/").split("/")[-1] if path.strip("/") else ""
    return next((page.name for page in PAGES if page.path == wanted), HOME)


def app_root(url: str) -> str:
    """The app's root address from the address a visitor used on any page (query and page path cut off)."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    if last and any(page.path == last for page in PAGES):
        path = path[: -len(last) - 1]
    return f"{parts.scheme}://{parts.netloc}{path}/" if parts.scheme else f"{path}/"


def show_of(chart_name: str) -> str:
    """'stedenbanden-begun-ended' -> 'begun-ended'; a profile's own chart ('stedenbanden-gm0855-lifetimes')
    is the lifetimes view of its place. A chart that is no embeddable view raises: every chart a page
    shows must be embeddable."""
    show = chart_name.removeprefix(CHART_PREFIX)
    if show not in EMBEDDABLE and show.endswith("-lifetimes"):
        show = "lifetimes"
    if show not in EMBEDDABLE:
        raise KeyError(f"chart {chart_name!r} is not an embeddable view; declare it in routes.EMBEDDABLES")
    return show


def export_name(chart_name: str, link: Link) -> str:
    """A download file name that carries the selection: stedenbanden-begun-ended-pv30-ended-2000-2026. The
    place slugs' rule (`slug`): a search for 'Fryslân' is '…-fryslan', not '…-frysl-n'."""
    link = link.canonical()
    f, e = link.filter, link.events
    parts = [chart_name, *f.provinces, *f.levels, *f.statuses, *f.types, *f.uses, *e.types, *e.directions, *e.actors]
    if link.place and link.place.lower() not in chart_name.lower():
        parts.append(link.place)
    if f.query:
        parts.append(f.query)
    if not link.context:
        parts.append("without-context")
    if link.sort != COMPARISON_SORTS[0]:
        parts.append(f"by-{link.sort}")
    if link.year is not None:
        parts.append(f"in-{link.year}")
    if (f.year_from, f.year_to) != (filters.FIRST_YEAR, filters.this_year()):
        parts.append(f"{f.year_from}-{f.year_to}")
    return slug("-".join(parts))[:120].rstrip("-")


def static_path(link: Link) -> str | None:
    """The static site's page for a link, relative to the site's root, or None when the site does not
    hold that view (it holds every chart and map of all the data, not each selection)."""
    year = link.year if link.show == "map" else None
    whole = Link(show=link.show, lang=link.lang, filter=_view_only(link), year=year)
    if not link.show or link.canonical() != whole:
        return None
    stem = f"map-{link.filter.view}" if link.show == "map" else link.show
    asked = f"?year={year}" if year is not None else ""  # the map document opens in that year
    return f"{link.lang}/embed-{stem}.html{asked}"


def _view_only(link: Link) -> Filter:
    return Filter(view=link.filter.view) if link.show == "map" else Filter()


PLACE_SLOT = "{id}"


def profile_url_template(root: str, lang: Lang) -> str:
    """A profile's absolute address with '{id}' where the place goes: for links built inside the map."""
    encoded = urlencode({"place": PLACE_SLOT})
    return Link(page="profile", place=PLACE_SLOT, lang=lang).url(root).replace(encoded, f"place={PLACE_SLOT}")


# The static site (export-site): the same views as folders, with readable addresses and the same slugs
# in both languages (`nl/plaats/gm0758-breda/`, `en/plaats/gm0758-breda/`).
SITE_SECTIONS = {
    "home": "",
    "timeline": "tijdlijn",
    "events": "gebeurtenissen",
    "cpaffc": "gebeurtenissen/cpaffc",
    "provinces": "provincies",
    "places": "plaatsen",
    "data": "data",
}
SITE_PLACE = "plaats"
# A place's map: one map document per language beside the home page, which reads the place from its address
# ('map-place.html#gm0758-breda') and draws it from the small data file beside the place's page.
SITE_PLACE_MAP = "map-place.html"
SITE_PLACE_MAP_DATA = "kaart.json"
SITE_THROUGH_TIME = "through-time.html"  # the map through the years: its images, texts and embed codes
SLUG_NAME_MAX = 40  # a name longer than any real place's is cut: a folder name must stay short


def slug(text: str) -> str:
    """The one slug rule, for folders and file names: accents folded to ASCII, lower case, every other run
    of characters one hyphen: 'Fryslân' -> 'fryslan', "'s-Hertogenbosch" -> 's-hertogenbosch'."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))


def place_slug(place_id: str, name_nl: str) -> str:
    """'GM0758', 'Breda' -> 'gm0758-breda': the code keeps it unique, the name makes it readable."""
    words = slug(name_nl)[:SLUG_NAME_MAX].rstrip("-")
    return f"{place_id.lower()}-{words}" if words else place_id.lower()


def site_dir(lang: Lang, section: str, slug: str = "") -> str:
    """A page's folder under the site's root: 'nl', 'en/tijdlijn', 'nl/plaats/gm0758-breda'."""
    if slug:
        return f"{lang}/{SITE_PLACE}/{slug}"
    path = SITE_SECTIONS[section]
    return f"{lang}/{path}" if path else lang


def site_href(from_dir: str, to: str, is_file: bool = False) -> str:
    """A relative link from a page's folder to another folder (ending in '/') or file, so the site works
    from the root or from any folder of any host."""
    relative = posixpath.relpath(to, from_dir)
    return relative if is_file else ("./" if relative == "." else relative + "/")
