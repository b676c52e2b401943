"""Generated files of the data package, rebuilt by `python -m twinnings build`.

Generated files are committed so people can download them straight from the
repository; `tests/test_package.py` fails when they are stale. Parts of
data/README.md (data dictionary, figures) are generated between markers so
the documentation cannot drift from the model or the data.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from twinnings import model, source_checks
from twinnings.geometry import great_circle
from twinnings.load import Dataset, load
from twinnings.package import descriptor

# Each side's place by name, and the last sign of life derived from the events: joined to a tie's own fields.
PLACE_PROPERTIES = (
    *("nl_name_nl", "nl_level", "nl_province_id"),
    *("cn_name_en", "cn_name_zh", "cn_name_pinyin", "cn_level", "cn_province_id"),
)
DERIVED_PROPERTIES = tuple(model.DERIVED_TIE_FIELDS)
# A published tie: every field the model declares (a new field is published without more ado) but the
# curators' notes, then the joined and derived properties.
TIE_PROPERTIES = [
    *(field.name for field in model.TIES.fields if field.name != "notes"),
    *PLACE_PROPERTIES,
    *DERIVED_PROPERTIES,
]


def _clean(value: object) -> object:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value


def places_geojson(data: Dataset) -> dict:
    features = [
        {
            "type": "Feature",
            "id": place["id"],
            "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
            "properties": {c: _clean(place[c]) or None for c in model.PLACES.columns if c not in ("lat", "lon")},
        }
        for place in data.places.to_dict("records")
    ]
    return {"type": "FeatureCollection", "features": features}


def ties_geojson(data: Dataset) -> dict:
    """One LineString per tie, from the Dutch place to its Chinese partner, with flat properties."""
    features = []
    for tie in data.ties.to_dict("records"):
        properties = {c: _clean(tie[c]) for c in TIE_PROPERTIES}
        properties = {k: (v if v != "" else None) for k, v in properties.items()}
        features.append(
            {
                "type": "Feature",
                "id": tie["id"],
                "geometry": {
                    "type": "LineString",
                    "coordinates": great_circle(tie["nl_lon"], tie["nl_lat"], tie["cn_lon"], tie["cn_lat"]),
                },
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _cell(text: str) -> str:
    """Text for a Markdown table cell: a literal '|' would end the cell."""
    return text.replace("|", "&#124;")


def dictionary_markdown() -> str:
    """The data dictionary: every field of every file, from the model."""
    parts = []
    for res in model.RESOURCES:
        parts.append(f"### `{res.path}`\n\n{res.description}\n")
        parts.append("| field | type | required | allowed values | meaning | example |\n|---|---|---|---|---|---|")
        for f in res.fields:
            allowed = ", ".join(f"`{v}`" for v in f.enum) if f.enum else (f"pattern `{f.pattern}`" if f.pattern else "")
            if f.pattern == model.ACTORS_PATTERN:
                allowed = "space-separated, from: " + ", ".join(f"`{v}`" for v in model.ACTOR_TYPES)
            parts.append(
                f"| `{f.name}` | {f.type} | {'yes' if f.required else ''} | {allowed.replace('|', '&#124;')} | "
                f"{_cell(f.description)} | {_cell(f'`{f.example}`') if f.example else ''} |"
            )
        parts.append("")
    return "\n".join(parts)


def derived_markdown() -> str:
    """The derived properties of twinnings.geojson, from the model."""
    rows = [f"| `{name}` | {_cell(meaning)} |" for name, meaning in model.DERIVED_TIE_FIELDS.items()]
    return "\n".join(
        [
            "### `twinnings.geojson`: derived properties\n",
            "One LineString per tie with the tie's own fields (not its notes), both places' names, levels and "
            f"provinces, and these, derived by `build` at the release of {model.RELEASE_DATE}:\n",
            "| property | meaning |\n|---|---|",
            *rows,
            "",
        ]
    )


def figures_markdown(data: Dataset) -> str:
    """Counts quoted in the README, regenerated with the data so they are never out of date."""
    ties, events, sources = data.ties, data.events, data.sources
    publisher = dict(zip(sources["id"], sources["publisher"]))

    def independent(ids: str) -> int:
        return source_checks.independent_count(ids, publisher)

    two_plus = ties["source_ids"].map(independent).ge(2)
    events_two_plus = events["source_ids"].map(independent).ge(2)
    by_status = ties["status"].value_counts().reindex(model.STATUSES, fill_value=0)
    with_actors = events["actors"].ne("")
    by_type = ties["relation_type"].value_counts().reindex(model.RELATION_TYPES, fill_value=0)
    lines = [
        f"- {len(ties)} ties between {ties['nl_place_id'].nunique()} Dutch and "
        f"{ties['cn_place_id'].nunique()} Chinese places; {len(events)} events; {len(sources)} sources.",
        "- Formal standing: " + ", ".join(f"{s} {n}" for s, n in by_status.items()) + ".",
        use_line(ties),
        "- Kind: " + ", ".join(f"{s} {n}" for s, n in by_type.items()) + ".",
        f"- Every tie and event cites at least one source. Ties with two or more independent sources "
        f"(different publishers, copies of one report counted once, see *Sources*): {two_plus.sum()} of "
        f"{len(ties)} ({two_plus.mean():.0%}); events: {events_two_plus.sum()} of {len(events)} "
        f"({events_two_plus.mean():.0%}).",
        address_line(sources),
        f"- Events with coded actors (who acted, see `actors`): {with_actors.sum()} of {len(events)} "
        f"({with_actors.mean():.0%}).",
        f"- Ties with a known start date: {ties['started'].ne('').sum()} of {len(ties)}; "
        f"ended ties with a known end date: {(ties['ended'].ne('') & ties['status'].eq('ended')).sum()} "
        f"of {ties['status'].eq('ended').sum()}.",
        evidence_line(ties),
        cpaffc_line(events),
    ]
    return "\n".join(lines) + "\n"


def address_line(sources: pd.DataFrame) -> str:
    """The address check over every source (source_checks): how many addresses name another story."""
    flagged = source_checks.mismatched_addresses(sources)
    teasers = int(flagged["labelled"].sum())
    return (
        f"- Sources whose address words do not occur in their title: {len(flagged)} of {len(sources)}; "
        f"{teasers} of them are teasers on a page whose address belongs to another story and say so in "
        "their title; the others (" + ", ".join(f"`{i}`" for i in flagged.loc[~flagged["labelled"], "id"]) + ") "
        "are answered in the changelog."
    )


def use_line(ties: pd.DataFrame) -> str:
    """How recently the ties in force were used, by band (judged at the release date)."""
    standing = ties[ties["status"] == "in_force"]
    bands = standing["use_band"].value_counts().reindex(model.USE_BANDS, fill_value=0)
    return (
        f"- Use of the {len(standing)} ties in force, judged at the release of {model.RELEASE_DATE}: "
        + ", ".join(f"{band} {n}" for band, n in bands.items())
        + f" (in_use: last use {model.RELEASE_YEAR - model.USE_YEARS[0]} or later; fading: "
        f"{model.RELEASE_YEAR - model.USE_YEARS[1]}–{model.RELEASE_YEAR - model.USE_YEARS[0] - 1}; silent: earlier; "
        "undated: no dated use)."
    )


def evidence_line(ties: pd.DataFrame) -> str:
    """How many ties have a last sign of use, and how many have none."""
    dated = ties["last_evidence"].ne("")
    return (
        f"- Last sign of use (`last_evidence`, the latest dated use): {dated.sum()} of {len(ties)} ties have one; "
        f"{(~dated).sum()} ties have no dated use at all."
    )


def cpaffc_line(events: pd.DataFrame) -> str:
    """The CPAFFC's part in the record: the events in which it acted, by kind and by year."""
    mine = events[events["actors"].str.split().map(lambda codes: "cpaffc" in codes)]
    kinds = mine["type"].value_counts()
    years = mine["date"].str[:4].value_counts().sort_index()
    by_year = ", ".join(f"{year}" + (f" ({n})" if n > 1 else "") for year, n in years.items())
    return (
        f"- Events in which the CPAFFC acted (`actors` includes `cpaffc`): {len(mine)} "
        f"({', '.join(f'{kind} {n}' for kind, n in kinds.items())}); years: {by_year}."
    )


def _replace_between(text: str, name: str, content: str) -> str:
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
    if not pattern.search(text):
        raise ValueError(f"data/README.md lacks the markers <!-- {name}:start --> / <!-- {name}:end -->")
    return pattern.sub(lambda m: m.group(1) + content + "\n" + m.group(2), text)


def _json(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


def generated(data_dir: Path) -> dict[str, str]:
    """File name -> exact content of every generated file, given the CSV files in data_dir."""
    data = load(data_dir, require_generated=False)
    readme = (data_dir / "README.md").read_text(encoding="utf-8")
    readme = _replace_between(readme, "dictionary", dictionary_markdown() + "\n" + derived_markdown())
    readme = _replace_between(readme, "figures", figures_markdown(data))
    return {
        "datapackage.json": json.dumps(descriptor(), ensure_ascii=False, indent=2) + "\n",
        "places.geojson": _json(places_geojson(data)),
        "twinnings.geojson": _json(ties_geojson(data)),
        "README.md": readme,
    }


def build(data_dir: Path) -> list[Path]:
    written = []
    for name, content in generated(data_dir).items():
        path = data_dir / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written
