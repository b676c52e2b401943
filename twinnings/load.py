"""Read and validate the data package into typed frames.

The app, the CLI and the tests all come through `load`, so nothing downstream
ever sees data that failed validation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from twinnings import DATA_DIR, model
from twinnings.files import check_files
from twinnings.validate import (
    DataError,
    Problem,
    published_evidence_problems,
    semantic_problems,
    structural_problems,
)


@dataclass(frozen=True)
class Dataset:
    """The validated package. `ties` carries the names and provinces of both places."""

    places: pd.DataFrame
    ties: pd.DataFrame
    events: pd.DataFrame
    sources: pd.DataFrame


def read_raw(data_dir: Path) -> dict[str, pd.DataFrame]:
    """Every file as strings, exactly as written (empty cells are '')."""
    return {
        r.name: pd.read_csv(data_dir / r.path, dtype=str, keep_default_na=False, encoding="utf-8")
        for r in model.RESOURCES
    }


def _checked(data_dir: Path, require_generated: bool = True) -> tuple[list[Problem], dict[str, pd.DataFrame] | None]:
    """Problems, and the raw frames when the files are structurally sound (read once for both).

    The checks run in layers, each only on what the one before found readable: the files'
    bytes, then Frictionless, then the rules across rows. A missing README or generated file
    does not stop the CSV checks, so one run lists everything there is to fix.
    """
    files = check_files(data_dir, require_generated)
    if not files.csv_readable:
        return files.problems, None
    structural = structural_problems(data_dir)
    problems = files.problems + structural
    if _has_errors(structural):
        return problems, None
    raw = read_raw(data_dir)
    problems += semantic_problems(raw["places"], raw["ties"], raw["events"], raw["sources"])
    if require_generated and (data_dir / "twinnings.geojson").is_file() and not _has_errors(problems):
        problems += published_evidence_problems(data_dir, raw["ties"], raw["events"])
    return problems, raw


def _has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def check(data_dir: Path = DATA_DIR) -> list[Problem]:
    """All problems in the package; semantic rules run only on structurally sound files."""
    return _checked(Path(data_dir))[0]


def load(data_dir: Path = DATA_DIR, *, require_generated: bool = True) -> Dataset:
    """The typed dataset; raises DataError listing every problem when the package is broken.

    Any fault in the files on disk ends here as a DataError, never as a UnicodeDecodeError or
    FileNotFoundError, because the app and the CLI show a DataError's problems to the user.
    `build` passes `require_generated=False`: it is what writes the generated files.
    """
    problems, raw = _checked(Path(data_dir), require_generated)
    if raw is None or _has_errors(problems):
        raise DataError(problems)
    places = _typed_places(raw["places"])
    return Dataset(
        places=places,
        ties=_typed_ties(raw["ties"], places, raw["events"]),
        events=_typed_events(raw["events"]),
        sources=raw["sources"],
    )


def _typed_places(places: pd.DataFrame) -> pd.DataFrame:
    places = places.astype({"lat": float, "lon": float})
    parent = dict(zip(places["id"], places["parent_id"]))
    level = dict(zip(places["id"], places["level"]))

    def province_of(place_id: str) -> str:
        while level[place_id] not in ("provincie", "province", "direct_city") and parent[place_id]:
            place_id = parent[place_id]
        return place_id

    return places.assign(province_id=places["id"].map(province_of))


def _typed_ties(ties: pd.DataFrame, places: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Ties with years, both places' names and provinces, and the derived last sign of life:
    `last_evidence` (a partial date, '' when the record holds no dated use), its precision,
    `last_evidence_id` (an event id, or the tie's id when its start is the latest evidence)."""
    names = places.set_index("id")
    records = events[["id", "tie_id", "type", "date"]].to_dict("records")
    latest = [
        model.latest_evidence(tie_id, model.lower(started), records)
        for tie_id, started in zip(ties["id"], ties["started"])
    ]
    ties = ties.assign(
        start_year=_years(ties["started"]),
        end_year=_years(ties["ended"]),
        status_year=_years(ties["status_as_of"]),
        last_evidence=[e.date if e else "" for e in latest],
        last_evidence_precision=[e.precision if e else "unknown" for e in latest],
        last_evidence_id=[e.record if e else "" for e in latest],
    )
    ties["last_evidence_year"] = _years(ties["last_evidence"])
    listings = events[events["type"] == model.LISTING_TYPE].groupby("tie_id")["date"].max()
    ties["last_listed"] = ties["id"].map(listings).fillna("")
    ties["use_band"] = [model.use_band(None if pd.isna(year) else int(year)) for year in ties["last_evidence_year"]]
    ties["state"] = [model.state_of(status, band) for status, band in zip(ties["status"], ties["use_band"])]
    for side in ("nl", "cn"):
        ids = ties[f"{side}_place_id"]
        for column in ("name_nl", "name_en", "name_zh", "name_pinyin", "level", "province_id", "lat", "lon"):
            ties[f"{side}_{column}"] = ids.map(names[column]).to_numpy()
    return ties


def _typed_events(events: pd.DataFrame) -> pd.DataFrame:
    return events.assign(
        amount=pd.to_numeric(events["amount"].replace("", None)),
        key_moment=events["key_moment"] == "true",
        year=_years(events["date"]),
    )


def _years(dates: pd.Series) -> pd.Series:
    return dates.map(model.year_of).astype("Int64")
