"""The loader accepts the shipped package and explains every seeded fault by file, row and field."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hyp

from twinnings import DATA_DIR, files
from twinnings.build import build
from twinnings.load import check, load
from twinnings.model import PACKAGE_FILES
from twinnings.validate import DataError


def rewrite(path: Path, edit, drop_column: str | None = None) -> None:
    """Apply `edit(rows)` to a CSV file, keeping its header order (minus `drop_column`)."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header, rows = list(reader.fieldnames or []), list(reader)
    edit(rows)
    header = [c for c in header if c != drop_column]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def messages(data_dir: Path) -> list[str]:
    return [str(p) for p in check(data_dir) if p.severity == "error"]


def test_shipped_package_has_no_errors():
    assert messages(DATA_DIR) == []


def test_shipped_package_loads_typed_frames(dataset):
    assert len(dataset.ties) >= 15
    assert dataset.places["lat"].dtype == float
    assert set(dataset.ties["nl_province_id"].dropna()).issubset(set(dataset.places["id"]))
    assert dataset.ties["cn_name_zh"].str.len().gt(0).all()


def test_unknown_status_is_named_with_file_row_and_field(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: rows[2].update(status="actve"))
    assert any(
        m.startswith("ties.csv, row 4, field 'status': 'actve' is not one of: in_force, dormant, ended")
        for m in messages(data_copy)
    )


def test_missing_column_is_reported(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: None, drop_column="confidence")
    assert "ties.csv, row 1, field 'confidence': column is missing from the header" in messages(data_copy)


def test_wrong_type_is_reported(data_copy):
    rewrite(data_copy / "places.csv", lambda rows: rows[0].update(lat="north"))
    assert any(
        m.startswith("places.csv, row 2, field 'lat': 'north' is not a valid number") for m in messages(data_copy)
    )


def test_broken_reference_is_reported(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: rows[0].update(cn_place_id="999999"))
    assert (
        "ties.csv, row 2, field 'cn_place_id': '999999' refers to an id that does not exist in places.csv"
        in messages(data_copy)
    )


def test_duplicate_id_is_reported(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: rows[1].update(id=rows[0]["id"]))
    assert any(m.startswith("ties.csv, row 3, field 'id': duplicate id") for m in messages(data_copy))


def test_unknown_source_is_reported(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: rows[0].update(source_ids="no-such-source"))
    assert "ties.csv, row 2, field 'source_ids': source 'no-such-source' is not in sources.csv" in messages(data_copy)


def test_non_http_url_is_reported(data_copy):
    rewrite(data_copy / "sources.csv", lambda rows: rows[0].update(url="javascript:alert(1)"))
    assert any(
        m.startswith(
            "sources.csv, row 2, field 'url': 'javascript:alert(1)' does not have the expected form (an http(s) URL)"
        )
        for m in messages(data_copy)
    )


def test_tie_with_two_dutch_places_is_reported(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: rows[0].update(cn_place_id=rows[1]["nl_place_id"]))
    assert any(
        m.startswith("ties.csv, row 2, field 'cn_place_id':") and "is not a place in CN" in m
        for m in messages(data_copy)
    )


def test_end_before_start_is_reported(data_copy):
    rewrite(
        data_copy / "ties.csv",
        lambda rows: rows[0].update(
            started="2020", started_precision="year", ended="2019", ended_precision="year", status="ended"
        ),
    )
    assert "ties.csv, row 2, field 'ended': '2019' lies before started '2020'" in messages(data_copy)


def test_precision_must_match_the_date(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: rows[0].update(started="1999-09", started_precision="day"))
    assert any("field 'started_precision': 'day' does not match the date '1999-09'" in m for m in messages(data_copy))


def test_future_status_date_is_reported(data_copy):
    future = str(dt.date.today().year + 1)
    rewrite(data_copy / "ties.csv", lambda rows: rows[0].update(status_as_of=future))
    assert f"ties.csv, row 2, field 'status_as_of': '{future}' lies in the future" in messages(data_copy)


def test_ended_tie_needs_a_date_or_an_explanation(data_copy):
    rewrite(
        data_copy / "ties.csv",
        lambda rows: rows[0].update(status="ended", ended="", ended_precision="unknown", notes=""),
    )
    assert any(m.startswith("ties.csv, row 2, field 'ended': an ended tie needs") for m in messages(data_copy))


def test_chinese_coordinates_outside_china_are_reported(data_copy):
    def move(rows):
        row = next(r for r in rows if r["country"] == "CN")
        row.update(lat="52.0", lon="5.0")

    rewrite(data_copy / "places.csv", move)
    assert any("lies outside China" in m and m.startswith("places.csv, row") for m in messages(data_copy))


def test_missing_file_is_reported(data_copy):
    (data_copy / "sources.csv").unlink()
    assert messages(data_copy) == ["sources.csv: file is missing"]


def test_load_raises_one_error_listing_every_problem(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: (rows[0].update(status="x"), rows[1].update(confidence="y")))
    with pytest.raises(DataError) as caught:
        load(data_copy)
    text = str(caught.value)
    assert "row 2, field 'status'" in text and "row 3, field 'confidence'" in text


def first_row(rows, **match):
    return next(r for r in rows if all(r[k] == v for k, v in match.items()))


def test_impossible_calendar_date_is_reported(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: rows[0].update(started="2023-02-30", started_precision="day"))
    assert "ties.csv, row 2, field 'started': '2023-02-30' is not a real calendar date or interval" in messages(
        data_copy
    )


def test_second_tie_between_the_same_places_is_reported(data_copy):
    rewrite(
        data_copy / "ties.csv",
        lambda rows: rows[1].update(nl_place_id=rows[0]["nl_place_id"], cn_place_id=rows[0]["cn_place_id"]),
    )
    assert "ties.csv, row 3, field 'cn_place_id': the same pair of places already has a tie on row 2" in messages(
        data_copy
    )


def test_tie_event_without_its_tie_is_reported(data_copy):
    def unlink(rows):
        first_row(rows, scope="tie")["tie_id"] = ""

    rewrite(data_copy / "events.csv", unlink)
    assert any(m.endswith("field 'tie_id': is required for scope 'tie'") for m in messages(data_copy))


def test_context_event_with_a_tie_is_reported(data_copy):
    def attach(rows):
        first_row(rows, scope="national")["tie_id"] = first_row(rows, scope="tie")["tie_id"]

    rewrite(data_copy / "events.csv", attach)
    assert any(m.endswith("field 'tie_id': must be empty for scope 'national'") for m in messages(data_copy))


def test_amount_without_currency_is_reported(data_copy):
    rewrite(data_copy / "events.csv", lambda rows: rows[0].update(amount="1000", currency=""))
    assert "events.csv, row 2, field 'currency': is required when amount is given" in messages(data_copy)


def test_unknown_event_type_is_reported(data_copy):
    rewrite(data_copy / "events.csv", lambda rows: rows[0].update(type="party"))
    assert any(
        m.startswith("events.csv, row 2, field 'type': 'party' is not one of: award, donation")
        for m in messages(data_copy)
    )


def test_municipality_without_province_is_reported(data_copy):
    def orphan(rows):
        first_row(rows, level="gemeente")["parent_id"] = ""

    rewrite(data_copy / "places.csv", orphan)
    assert any(m.endswith("field 'parent_id': a gemeente needs its province") for m in messages(data_copy))


def test_names_no_place_could_have_are_reported_with_file_row_and_field(data_copy):
    def spoil(rows):
        first_row(rows, id="GM0855")["name_en"] = "Tilburg " * 769 + "x"  # 6,153 characters
        first_row(rows, id="GM0363")["name_nl"] = "Amster\ndam"
        first_row(rows, id="610100")["name_pinyin"] = "12345"
        first_row(rows, id="GM0599")["former_names"] = "Rotterdam | " + "R" * 101

    rewrite(data_copy / "places.csv", spoil)
    found = messages(data_copy)
    row = {place: n for n, place in enumerate(csv_ids(data_copy / "places.csv"), 2)}
    assert (
        f"places.csv, row {row['GM0855']}, field 'name_en': is 6153 characters long; no place name is longer than "
        "100 (the search and the site's page addresses rely on it)"
    ) in found
    assert (
        f"places.csv, row {row['GM0363']}, field 'name_nl': holds a line break (U+000A) at character 7; "
        "a place name is one line: remove it"
    ) in found
    assert f"places.csv, row {row['610100']}, field 'name_pinyin': '12345' has no letter; no place is called that" in (
        found
    )
    assert any(
        m.startswith(f"places.csv, row {row['GM0599']}, field 'former_names': the name 'RRRR")
        and "is 101 characters long" in m
        for m in found
    )
    with pytest.raises(DataError):
        load(data_copy)


def csv_ids(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as f:
        return [row["id"] for row in csv.DictReader(f)]


def test_place_event_on_a_chinese_place_is_reported(data_copy):
    def misplace(rows):
        first_row(rows, scope="place")["place_id"] = "310000"

    rewrite(data_copy / "events.csv", misplace)
    assert any(m.endswith("field 'place_id': '310000' is not a Dutch place") for m in messages(data_copy))


def warnings(data_dir: Path) -> list[str]:
    return [str(p) for p in check(data_dir) if p.severity == "warning"]


def test_event_long_after_its_tie_ended_is_flagged(data_copy):
    def move(rows):
        event = first_row(rows, tie_id="arnhem--wuhan", type="termination")
        event.update(type="visit", date="2026-01", date_precision="month")

    rewrite(data_copy / "events.csv", move)
    build(data_copy)  # the moved visit is now the tie's last sign of life
    assert any("is long after the tie ended (2021-07-21); check the tie" in w for w in warnings(data_copy))
    assert messages(data_copy) == []  # flagged, not refused


def test_dutch_coordinates_outside_the_netherlands_are_reported(data_copy):
    rewrite(data_copy / "places.csv", lambda rows: first_row(rows, id="GM0599").update(lat="48.85", lon="2.35"))
    assert any(m.startswith("places.csv, row") and "lies outside the Netherlands" in m for m in messages(data_copy))


def test_uncited_source_is_flagged(data_copy):
    def add(rows):
        rows.append({**rows[0], "id": "nobody-cites-this", "url": "https://example.org/unused"})

    rewrite(data_copy / "sources.csv", add)
    assert any("'nobody-cites-this' is cited by nothing" in w for w in warnings(data_copy))


def test_same_url_twice_is_reported(data_copy):
    def add(rows):
        rows.append({**rows[0], "id": "a-copy-of-the-first"})

    rewrite(data_copy / "sources.csv", add)
    assert any(m.endswith("field 'url': the same URL is listed twice") for m in messages(data_copy))


def put_bytes(path: Path, index: int, field: str, raw: bytes) -> None:
    """Put exactly these bytes into one cell of a CSV file (row `index` of the data, 0-based)."""
    rewrite(path, lambda rows: rows[index].update({field: "@@cell@@"}))
    path.write_bytes(path.read_bytes().replace(b"@@cell@@", raw))


def test_control_check_catches_category_cc_and_bidi_controls_and_nothing_else():
    layout = {"\t", "\n", "\r"}
    bidi = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
    expected = {chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) == "Cc"} - layout | bidi
    caught = {chr(c) for c in range(0x10000) if files.INVISIBLE.fullmatch(chr(c))}
    assert caught == expected


def test_c1_control_names_the_windows_1252_character_it_stands_for(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: rows[0].update(notes="the city\u0092s partner"))
    assert messages(data_copy) == [
        "ties.csv, row 2, field 'notes': contains the control character U+0092 at character 9, invisible in most "
        "editors; it is probably a Windows-1252 '’' converted twice: replace it with '’'"
    ]


def test_missing_readme_does_not_hide_errors_in_the_data(data_copy):
    (data_copy / "README.md").unlink()
    rewrite(data_copy / "ties.csv", lambda rows: rows[0].update(status="actve"))
    found = messages(data_copy)
    assert "README.md: file is missing; restore it from version control (it is written by hand)" in found
    assert any(m.startswith("ties.csv, row 2, field 'status': 'actve'") for m in found)


def test_readme_that_is_not_utf8_is_reported_as_text_not_csv(data_copy):
    readme = data_copy / "README.md"
    readme.write_bytes(readme.read_bytes() + "\nZoë\n".encode("cp1252"))
    [message] = [m for m in messages(data_copy) if m.startswith("README.md")]
    assert "is not UTF-8" in message and message.endswith("retype it")


def test_generated_files_are_optional_only_when_asked(data_copy, dataset):
    (data_copy / "places.geojson").unlink()
    assert len(load(data_copy, require_generated=False).places) == len(dataset.places)
    with pytest.raises(DataError, match="places.geojson: file is missing; run `python -m twinnings build`"):
        load(data_copy)


def test_quoted_field_over_several_lines_is_accepted(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: rows[0].update(notes='First line, "quoted".\nSecond line.'))
    assert messages(data_copy) == []


def test_quote_inside_a_quoted_field_must_be_doubled(data_copy):
    put_bytes(data_copy / "ties.csv", 1, "notes", b'"Said "yes" in 2019"')
    [message] = messages(data_copy)
    assert message.startswith("ties.csv, row 3, field 'notes': the quotes (\") of this field on line 3 do not pair up")


def test_binary_file_is_reported_even_when_its_bytes_happen_to_be_utf8(data_copy):
    (data_copy / "places.csv").write_bytes(b"\x00\x01\x02\x03" * 64)
    assert messages(data_copy) == [
        "places.csv: byte 0x00 on line 1 is not text: the file holds binary data, not a CSV; "
        "save it as CSV UTF-8 (in a spreadsheet: 'CSV UTF-8'; without byte-order mark)"
    ]


def test_utf32_is_named_as_such(data_copy):
    places = data_copy / "places.csv"
    places.write_bytes(places.read_text(encoding="utf-8").encode("utf-32"))
    assert messages(data_copy)[0].startswith("places.csv: is UTF-32 (little-endian, with byte-order mark), not UTF-8")


STRAY_BYTES = [b'"', b"\x00", b"\r", b"\n", b",", b"\xe9", b"\x85", b"\xef\xbb\xbf", b"\xff\xfe", "\u202e".encode()]


@settings(max_examples=40, deadline=None, derandomize=True)
@given(position=hyp.floats(0, 1), stray=hyp.lists(hyp.sampled_from(STRAY_BYTES), min_size=1, max_size=5))
def test_stray_bytes_anywhere_end_in_a_data_error_naming_the_file_or_a_valid_load_never_a_crash(
    tmp_path_factory, dataset, position, stray
):
    target = tmp_path_factory.mktemp("stray") / "data"
    shutil.copytree(DATA_DIR, target)
    ties = (DATA_DIR / "ties.csv").read_bytes()
    at = int(position * len(ties))
    (target / "ties.csv").write_bytes(ties[:at] + b"".join(stray) + ties[at:])
    try:  # anything but a DataError, UnicodeDecodeError or csv.Error included, fails the test
        data = load(target)
    except DataError as error:
        errors = [str(p) for p in error.problems if p.severity == "error"]
        assert errors, "a DataError must carry at least one error"
        assert all(message.split(",")[0].split(":")[0] in PACKAGE_FILES for message in errors), errors
    else:  # a harmless insertion (a comma inside a quoted note, say) still loads every tie
        assert len(data.ties) == len(dataset.ties)


def test_unknown_actor_code_is_named_with_file_row_and_field(data_copy):
    rewrite(data_copy / "events.csv", lambda rows: rows[0].update(actors="nl_municipality ufo_office"))
    assert any(
        m.startswith("events.csv, row 2, field 'actors': 'ufo_office' is not an actor code; use codes")
        and "cpaffc" in m
        for m in messages(data_copy)
    )


def test_actor_on_an_event_without_sources_names_source_ids(data_copy):
    rewrite(data_copy / "events.csv", lambda rows: rows[0].update(actors="cpaffc", actor_names="CPAFFC", source_ids=""))
    assert "events.csv, row 2, field 'source_ids': is required but empty" in messages(data_copy)


def test_actor_names_without_actors_are_reported(data_copy):
    rewrite(data_copy / "events.csv", lambda rows: rows[0].update(actors="", actor_names="Gemeente Rotterdam"))
    assert any(
        m.startswith("events.csv, row 2, field 'actors': is empty but actor_names are given")
        for m in messages(data_copy)
    )


def test_actor_code_listed_twice_is_reported(data_copy):
    rewrite(data_copy / "events.csv", lambda rows: rows[0].update(actors="nl_municipality nl_municipality"))
    assert "events.csv, row 2, field 'actors': 'nl_municipality nl_municipality' lists a code twice" in messages(
        data_copy
    )


def test_ended_tie_needs_its_end_basis(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: first_row(rows, id="arnhem--wuhan").update(end_basis=""))
    assert any(
        m.startswith("ties.csv, row") and "field 'end_basis': an ended tie needs its end_basis" in m
        for m in messages(data_copy)
    )


def test_end_basis_belongs_to_ended_ties_only(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: first_row(rows, status="in_force").update(end_basis="lapse"))
    assert any("field 'end_basis': must be empty for a tie that is 'in_force'" in m for m in messages(data_copy))


def test_unknown_end_basis_is_refused(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: first_row(rows, id="arnhem--wuhan").update(end_basis="vote"))
    assert any("field 'end_basis': 'vote' is not one of: decision, statement, lapse" in m for m in messages(data_copy))
