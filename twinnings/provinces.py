"""The twelve provinces: codes and names in both languages, read from the shipped `data/places.csv`.

The names are a fact of the data package, so they live there once; the filters, tables, charts and
labels ask here instead of keeping their own list. The shipped package is read (not
TWINNINGS_DATA_DIR), because a province's name is not something a data copy may change.
"""

from __future__ import annotations

import csv
from functools import cache

from twinnings import DATA_DIR
from twinnings.i18n import Lang


@cache
def _names() -> dict[str, dict[str, str]]:
    with open(DATA_DIR / "places.csv", encoding="utf-8", newline="") as f:
        rows = [row for row in csv.DictReader(f) if row["country"] == "NL" and row["level"] == "provincie"]
    return {
        row["id"]: {"nl": row["name_nl"], "en": row["name_en"] or row["name_nl"]}
        for row in sorted(rows, key=lambda row: row["id"])
    }


def codes() -> tuple[str, ...]:
    """CBS province codes, north to south as CBS numbers them (PV20 Groningen … PV31 Limburg)."""
    return tuple(_names())


def name(code: str, lang: Lang = "nl") -> str:
    """The province's name in `lang`; an unknown code comes back as it is."""
    return _names().get(code, {}).get(lang, code)


def names(lang: Lang = "nl") -> dict[str, str]:
    return {code: forms[lang] for code, forms in _names().items()}
