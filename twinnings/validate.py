"""Checks that keep the data package trustworthy.

Structure (columns, types, enums, patterns, keys) is checked by Frictionless
against the descriptor derived from `model`; the rules a schema cannot express
(one Dutch and one Chinese place per tie, dates in order, sources resolve, ...)
are checked here. Faults in the bytes of a file (encoding, quoting, missing
files) are found before either, by `twinnings.files`. Every problem names file, row and field, so a curator can
fix it without reading code.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import edtf
import pandas as pd

from twinnings import model
from twinnings.package import descriptor

Severity = Literal["error", "warning"]

NL_BBOX = (50.7, 53.7, 3.2, 7.3)  # lat min, lat max, lon min, lon max
CN_BBOX = (18.0, 53.6, 73.4, 135.1)
YEARS_AFTER_END_ALLOWED = 2
AFTERMATH_TYPES = {"report_published", "policy", "other", "council_motion"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located precisely enough to fix by hand."""

    file: str
    row: int | None
    field: str | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field:
            where.append(f"field '{self.field}'")
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{prefix}{', '.join(where)}: {self.message}"


class DataError(Exception):
    """Raised when the package has errors; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(f"{len(errors)} problem(s) in the data package:\n" + "\n".join(str(p) for p in errors))


def structural_problems(data_dir: Path) -> list[Problem]:
    """Frictionless validation of the CSV files against the model's schemas.

    Expects files `twinnings.files.check_files` found readable (present, UTF-8, quotes
    balanced): on anything else the parsers raise or report the wrong thing.
    """
    from frictionless import Package

    header_problems = [p for r in model.RESOURCES for p in _header_problems(data_dir, r)]
    if header_problems:
        return header_problems
    report = Package(descriptor(), basepath=str(data_dir)).validate()
    problems: list[Problem] = []
    for task in report.tasks:
        for error in task.errors:
            problems.append(_from_frictionless(f"{task.name}.csv", error))
    return problems


def _header_problems(data_dir: Path, res: model.Resource) -> list[Problem]:
    """Columns are matched by name, so a missing or renamed column is named, not misaligned."""
    with (data_dir / res.path).open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f), [])
    problems = [Problem(res.path, 1, c, "column is missing from the header") for c in res.columns if c not in header]
    problems += [Problem(res.path, 1, c, "unexpected column in the header") for c in header if c not in res.columns]
    if not problems and header != res.columns:
        problems.append(Problem(res.path, 1, None, f"columns must be in this order: {', '.join(res.columns)}"))
    return problems


def _from_frictionless(file: str, error) -> Problem:
    row = getattr(error, "row_number", None)
    field = getattr(error, "field_name", None) or getattr(error, "label", None) or None
    cell = getattr(error, "cell", None)
    kind = error.type
    if kind == "constraint-error":
        note = error.note
        if field == "actors" and file == "events.csv":
            unknown = [c for c in str(cell).split(" ") if c not in model.ACTOR_TYPES]
            named = ", ".join(f"'{c}'" for c in unknown) if unknown and all(unknown) else f"'{cell}'"
            message = (
                f"{named} is not an actor code; use codes separated by single spaces from: "
                f"{', '.join(model.ACTOR_TYPES)}"
            )
        elif "enum" in note:
            allowed = ", ".join(model.resource(file[:-4]).field(field).enum or ())
            message = f"'{cell}' is not one of: {allowed}"
        elif "required" in note:
            message = "is required but empty"
        elif "pattern" in note:
            message = f"'{cell}' does not have the expected form ({_pattern_hint(file, field)})"
        else:
            message = f"'{cell}' breaks a constraint ({note})"
    elif kind == "type-error":
        message = f"'{cell}' is not a valid {error.note.split('type is ')[-1].strip(chr(34))}"
    elif kind in ("unique-error", "primary-key"):
        message = f"duplicate id '{cell or ''}' ({error.note})".replace(" ''", "")
    elif kind == "foreign-key":
        field = error.field_names[0]
        target = f"{error.reference_name or file[:-4]}.csv"
        message = f"'{error.field_cells[0]}' refers to an id that does not exist in {target}"
    elif kind == "missing-label":
        message = "column is missing from the header"
    elif kind in ("extra-label", "incorrect-label"):
        message = f"unexpected column '{getattr(error, 'label', '')}' in the header"
    else:
        message = error.message
    return Problem(file, row, field, message)


def _pattern_hint(file: str, field: str | None) -> str:
    pattern = model.resource(file[:-4]).field(field).pattern if field else None
    return {
        model.PARTIAL_DATE_PATTERN: "YYYY, YYYY-MM or YYYY-MM-DD",
        model.URL_PATTERN: "an http(s) URL",
        model.PLACE_ID_PATTERN: "GMxxxx, PVxx or a 6-digit adcode",
    }.get(pattern or "", f"pattern {pattern}")


def semantic_problems(
    places: pd.DataFrame,
    ties: pd.DataFrame,
    events: pd.DataFrame,
    sources: pd.DataFrame,
    today: dt.date | None = None,
) -> list[Problem]:
    """Rules across rows and files. Frames are raw strings, one row per CSV line."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    problems += _place_problems(places)
    problems += _tie_problems(ties, places, today)
    problems += _event_problems(events, ties, places, today)
    problems += _evidence_problems(ties, events)
    problems += _citation_problems(ties, events, sources)
    return problems


def _line(index: int) -> int:
    """CSV line number of a frame row (the header is line 1)."""
    return index + 2


def _date_problems(file: str, row: pd.Series, date_field: str, today: dt.date) -> list[Problem]:
    value = row[date_field]
    problems: list[Problem] = []
    precision_field = f"{date_field}_precision"
    if not value:
        if precision_field in row and row[precision_field] not in ("unknown", ""):
            problems.append(Problem(file, _line(row.name), precision_field, "must be 'unknown' when the date is empty"))
        return problems
    try:
        parsed = _earliest(model.lower(value))
        _earliest(model.bounds(value)[1])
        if "/" in value:
            edtf.parse_edtf(value)  # a well-formed EDTF interval: its bounds in order
    except (ValueError, edtf.EDTFParseException):
        return [Problem(file, _line(row.name), date_field, f"'{value}' is not a real calendar date or interval")]
    low, high = model.bounds(value)
    if high < low:
        return [Problem(file, _line(row.name), date_field, f"'{value}': the interval ends before it begins")]
    if precision_field in row and row[precision_field] != model.precision_of(value):
        problems.append(
            Problem(
                file,
                _line(row.name),
                precision_field,
                f"'{row[precision_field]}' does not match the date '{value}' "
                f"(which has precision '{model.precision_of(value)}')",
            )
        )
    if parsed > today:
        problems.append(Problem(file, _line(row.name), date_field, f"'{value}' lies in the future"))
    return problems


def _earliest(partial: str) -> dt.date:
    parts = [int(p) for p in partial.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _place_problems(places: pd.DataFrame) -> list[Problem]:
    problems: list[Problem] = []
    by_id = places.set_index("id", drop=False)
    for index, row in places.iterrows():
        line = _line(index)
        nl = row["country"] == "NL"
        levels = model.NL_LEVELS if nl else model.CN_LEVELS
        if row["level"] not in levels:
            problems.append(
                Problem("places.csv", line, "level", f"'{row['level']}' is not a level of {row['country']}")
            )
        if nl != bool(str(row["id"]).startswith(("GM", "PV"))):
            problems.append(Problem("places.csv", line, "id", f"'{row['id']}' is not a {row['country']} code"))
        if not nl:
            for name in ("name_zh", "name_pinyin"):
                if not row[name]:
                    problems.append(Problem("places.csv", line, name, "is required for a Chinese place"))
        lat_min, lat_max, lon_min, lon_max = NL_BBOX if nl else CN_BBOX
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            continue  # a type error, already reported by the structural check
        if not (lat_min <= lat <= lat_max and lon_min <= lon <= lon_max):
            country = "the Netherlands" if nl else "China"
            problems.append(Problem("places.csv", line, "lat", f"({lat}, {lon}) lies outside {country}"))
        parent = row["parent_id"]
        if parent and parent in by_id.index and by_id.loc[parent, "country"] != row["country"]:
            problems.append(Problem("places.csv", line, "parent_id", f"'{parent}' is in another country"))
        if row["level"] == "gemeente" and not parent:
            problems.append(Problem("places.csv", line, "parent_id", "a gemeente needs its province"))
        problems += _name_problems(row, line)
    return problems


NAME_FIELDS = ("name_nl", "name_en", "name_zh", "name_pinyin", "former_names")
FORMER_NAMES_SEPARATOR = " | "
# Layout characters the file check lets through in free text (other control characters it reports itself).
LINE_BREAKS = {
    "\t": "a tab",
    "\n": "a line break",
    "\r": "a line break",
    "\u2028": "a line break",
    "\u2029": "a line break",
}


def _name_problems(row: pd.Series, line: int) -> list[Problem]:
    """Names no place could have: longer than model.MAX_NAME_LENGTH (the search and the site's addresses
    rely on the limit), over more than one line, or without a single letter."""
    problems: list[Problem] = []
    for field_name in NAME_FIELDS:
        value = row[field_name]
        names = value.split(FORMER_NAMES_SEPARATOR) if field_name == "former_names" else [value]
        for name in names:
            if not name:
                continue
            which = f"the name '{_shortened(name)}' " if len(names) > 1 else ""
            if len(name) > model.MAX_NAME_LENGTH:
                problems.append(
                    Problem(
                        "places.csv",
                        line,
                        field_name,
                        f"{which}is {len(name)} characters long; no place name is longer than "
                        f"{model.MAX_NAME_LENGTH} (the search and the site's page addresses rely on it)",
                    )
                )
            broken = next((i for i, ch in enumerate(name) if ch in LINE_BREAKS), None)
            if broken is not None:
                problems.append(
                    Problem(
                        "places.csv",
                        line,
                        field_name,
                        f"{which}holds {LINE_BREAKS[name[broken]]} (U+{ord(name[broken]):04X}) at character "
                        f"{broken + 1}; a place name is one line: remove it",
                    )
                )
            if not any(unicodedata.category(ch).startswith("L") for ch in name):
                problems.append(
                    Problem(
                        "places.csv", line, field_name, f"'{_shortened(name)}' has no letter; no place is called that"
                    )
                )
    return problems


def _shortened(name: str, limit: int = 40) -> str:
    return name if len(name) <= limit else name[:limit] + "…"


def _tie_problems(ties: pd.DataFrame, places: pd.DataFrame, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    country = dict(zip(places["id"], places["country"]))
    seen_pairs: dict[tuple[str, str], int] = {}
    for index, row in ties.iterrows():
        line = _line(index)
        for field_name, expected in (("nl_place_id", "NL"), ("cn_place_id", "CN")):
            place = row[field_name]
            if place in country and country[place] != expected:
                problems.append(Problem("ties.csv", line, field_name, f"'{place}' is not a place in {expected}"))
        pair = (row["nl_place_id"], row["cn_place_id"])
        if pair in seen_pairs:
            problems.append(
                Problem(
                    "ties.csv",
                    line,
                    "cn_place_id",
                    f"the same pair of places already has a tie on row {seen_pairs[pair]}",
                )
            )
        seen_pairs.setdefault(pair, line)
        for date_field in ("started", "ended", "status_as_of"):
            problems += _date_problems("ties.csv", row, date_field, today)
        if row["status"] == "ended" and not row["end_basis"]:
            problems.append(
                Problem(
                    "ties.csv",
                    line,
                    "end_basis",
                    f"an ended tie needs its end_basis ({', '.join(model.END_BASES)}): how the record knows it ended",
                )
            )
        if row["status"] != "ended" and row["end_basis"]:
            message = f"must be empty for a tie that is '{row['status']}'"
            problems.append(Problem("ties.csv", line, "end_basis", message))
        if row["status"] == "ended":
            if not row["ended"] and not row["notes"]:
                problems.append(
                    Problem(
                        "ties.csv",
                        line,
                        "ended",
                        "an ended tie needs its end date, or notes explaining why it is unknown",
                    )
                )
        elif row["ended"]:
            problems.append(Problem("ties.csv", line, "status", f"is '{row['status']}' but the tie has an end date"))
        problems += _order_problems(row, line)
    return problems


def _order_problems(row: pd.Series, line: int) -> list[Problem]:
    """started <= ended <= status_as_of, compared at the coarser precision of each pair."""
    problems: list[Problem] = []
    sequence = [f for f in ("started", "ended", "status_as_of") if row[f]]
    for earlier, later in zip(sequence, sequence[1:]):
        a, b = model.lower(row[earlier]), row[later]
        width = min(len(a), len(b))
        if a[:width] > b[:width]:
            problems.append(Problem("ties.csv", line, later, f"'{b}' lies before {earlier} '{a}'"))
    return problems


def _event_problems(events: pd.DataFrame, ties: pd.DataFrame, places: pd.DataFrame, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    tie_rows = ties.set_index("id")
    dutch = set(places.loc[places["country"] == "NL", "id"])
    for index, row in events.iterrows():
        line = _line(index)
        scope = row["scope"]
        needs = {"tie": ("tie_id",), "place": ("place_id",)}.get(scope, ())
        for field_name in ("tie_id", "place_id"):
            if field_name in needs and not row[field_name]:
                problems.append(Problem("events.csv", line, field_name, f"is required for scope '{scope}'"))
            if field_name not in needs and row[field_name]:
                problems.append(Problem("events.csv", line, field_name, f"must be empty for scope '{scope}'"))
        if row["place_id"] and row["place_id"] not in dutch:
            problems.append(Problem("events.csv", line, "place_id", f"'{row['place_id']}' is not a Dutch place"))
        problems += _date_problems("events.csv", row, "date", today)
        if row["amount"] and not row["currency"]:
            problems.append(Problem("events.csv", line, "currency", "is required when amount is given"))
        if row["currency"] and not row["amount"]:
            problems.append(Problem("events.csv", line, "amount", "is empty but a currency is given"))
        if row["actor_names"] and not row["actors"]:
            problems.append(
                Problem(
                    "events.csv",
                    line,
                    "actors",
                    "is empty but actor_names are given; code the actors or clear the names",
                )
            )
        codes = row["actors"].split()
        if len(codes) != len(set(codes)):
            problems.append(Problem("events.csv", line, "actors", f"'{row['actors']}' lists a code twice"))
        tie_id = row["tie_id"]
        if tie_id in tie_rows.index and row["date"]:
            ended = tie_rows.loc[tie_id, "ended"]
            year = model.year_of(row["date"])
            if (
                ended
                and year is not None
                and year > model.year_of(ended) + YEARS_AFTER_END_ALLOWED
                and row["type"] not in AFTERMATH_TYPES
            ):
                problems.append(
                    Problem(
                        "events.csv",
                        line,
                        "date",
                        f"'{row['date']}' is long after the tie ended ({ended}); check the tie",
                        severity="warning",
                    )
                )
    return problems


def _evidence_problems(ties: pd.DataFrame, events: pd.DataFrame) -> list[Problem]:
    """The two-axis rule where a machine can check it (data/README.md, Methodology). Standing comes
    only from what a source states: a dormant tie needs the statement (its reason) and an ended one its
    basis; neither is dated before the tie's own latest use, and a tie in force is dated no earlier than
    it either. How recently a tie was used is derived from its events, never curated, so no status can
    claim it."""
    problems: list[Problem] = []
    records = events[["id", "tie_id", "type", "date"]].to_dict("records")
    for index, row in ties.iterrows():
        line, status, as_of = _line(index), row["status"], row["status_as_of"]
        if not _is_date(as_of) or (row["started"] and not _is_date(row["started"])):
            continue  # reported by the date checks
        if status == "dormant" and not (row["end_reason_nl"] and row["end_reason_en"]):
            problems.append(
                Problem(
                    "ties.csv",
                    line,
                    "end_reason_en" if row["end_reason_nl"] else "end_reason_nl",
                    "is empty, but a dormant tie rests on a statement that it stands unused: say in both "
                    "languages what the source states (an omission from a list is no statement; leave such a "
                    "tie in force)",
                )
            )
        latest = model.latest_evidence(row["id"], model.lower(row["started"]), records)
        if status != "ended" and latest and not model.on_or_before(latest.date, as_of):
            problems.append(
                Problem(
                    "ties.csv",
                    line,
                    "status_as_of",
                    f"'{as_of}' lies before the tie's own latest use, '{latest.record}' ({latest.date}): date the "
                    "standing on the newest source",
                )
            )
    return problems


def _is_date(value: str) -> bool:
    try:
        _earliest(value)
    except (ValueError, IndexError):
        return False
    return bool(value)


def published_evidence_problems(data_dir: Path, ties: pd.DataFrame, events: pd.DataFrame) -> list[Problem]:
    """The last sign of life that twinnings.geojson publishes for each tie matches the records.
    It is written by `build`; a stale or hand-edited file would tell readers the wrong date."""
    path = Path(data_dir) / "twinnings.geojson"
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        published = {f["id"]: f["properties"] for f in features}
    except (OSError, ValueError, KeyError, TypeError):
        return [Problem("twinnings.geojson", None, None, "cannot be read as GeoJSON; run `python -m twinnings build`")]
    records = events[["id", "tie_id", "type", "date"]].to_dict("records")
    problems: list[Problem] = []
    for row in ties.to_dict("records"):
        latest = model.latest_evidence(row["id"], model.lower(row["started"]), records)
        expected = (latest.date, latest.precision, latest.record) if latest else (None, "unknown", None)
        properties = published.get(row["id"])
        if properties is None:
            message = f"has no feature for tie '{row['id']}'; run `python -m twinnings build`"
            problems.append(Problem("twinnings.geojson", None, "id", message))
            continue
        found = tuple(properties.get(name) for name in ("last_evidence", "last_evidence_precision", "last_evidence_id"))
        if found != expected:
            problems.append(
                Problem(
                    "twinnings.geojson",
                    None,
                    "last_evidence",
                    f"tie '{row['id']}' says {_evidence_words(found)}, but its latest use in the records is "
                    f"{_evidence_words(expected)}; run `python -m twinnings build`",
                )
            )
    return problems


def _evidence_words(evidence: tuple) -> str:
    date, _precision, record = evidence
    return f"'{date}' ({record})" if date else "none"


def _citation_problems(ties: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame) -> list[Problem]:
    problems: list[Problem] = []
    known = set(sources["id"])
    used: set[str] = set()
    for file, frame in (("ties.csv", ties), ("events.csv", events)):
        for index, row in frame.iterrows():
            ids = row["source_ids"].split()
            used.update(ids)
            for source_id in ids:
                if source_id not in known:
                    problems.append(
                        Problem(file, _line(index), "source_ids", f"source '{source_id}' is not in sources.csv")
                    )
    for index, row in sources.iterrows():
        if row["id"] not in used:
            problems.append(Problem("sources.csv", _line(index), "id", f"'{row['id']}' is cited by nothing", "warning"))
    duplicated = sources[sources.duplicated("url", keep="first")]
    for index in duplicated.index:
        problems.append(Problem("sources.csv", _line(index), "url", "the same URL is listed twice"))
    return problems
