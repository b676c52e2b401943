"""Faults in the files on disk end in one readable message, in the CLI and in the app, never a traceback.

Each fault is seeded into a copy of the shipped package the way it happens in practice
(a spreadsheet's plain "CSV" export, a file saved as UTF-16, a deleted README, ...). Every fault is
checked where its message is made, `check` (and `build`, which reads the package without its generated
files); `validate`, `export` and the app print whatever `check` and `load` found, the same for every
fault, so each is checked with one fault, and the app on every page.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.test_app import PAGES, run_page
from tests.test_validation import rewrite
from twinnings import DATA_DIR
from twinnings.cli import main
from twinnings.files import GENERATED_FILES
from twinnings.load import check

MARK = "@@fault@@"


def put(path: Path, index: int, field: str, raw: bytes) -> None:
    """Put exactly these bytes into one cell (row `index` of the data, 0-based), bypassing any encoding."""
    rewrite(path, lambda rows: rows[index].update({field: MARK}))
    path.write_bytes(path.read_bytes().replace(MARK.encode(), raw))


def reencode(path: Path, encoding: str) -> None:
    """What a spreadsheet or editor does on "Save as": characters it cannot write become '?'."""
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding, errors="replace"))


def latin1_past_8_kb(data_dir: Path) -> None:
    put(data_dir / "ties.csv", 40, "notes", "Café".encode("latin-1"))
    with pytest.raises(UnicodeDecodeError) as caught:
        (data_dir / "ties.csv").read_bytes().decode("utf-8")
    assert caught.value.start > 8 * 1024  # beyond the sample that encoding detection reads


@dataclass(frozen=True)
class Fault:
    seed: Callable[[Path], None]
    message: str  # the start of the one error line, with file and (where there is one) row, field and line


FAULTS = {
    "windows-1252": Fault(
        lambda d: reencode(d / "ties.csv", "cp1252"),
        "ties.csv, row 7, field 'end_reason_nl': byte 0xEB on line 7 is not UTF-8: "
        "the file looks like Windows-1252/Latin-1",
    ),
    "utf-16 with bom": Fault(
        lambda d: reencode(d / "places.csv", "utf-16"),
        "places.csv: is UTF-16 (little-endian, with byte-order mark), not UTF-8; save it as CSV UTF-8",
    ),
    "utf-16 without bom": Fault(
        lambda d: reencode(d / "places.csv", "utf-16-be"),
        "places.csv: is UTF-16 (big-endian, without byte-order mark), not UTF-8; save it as CSV UTF-8",
    ),
    "binary": Fault(
        lambda d: (d / "sources.csv").write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(0x80, 0x100))),
        "sources.csv: byte 0x03 on line 1 is not text: the file holds a zip archive, such as an Excel workbook",
    ),
    "latin-1 past 8 kB": Fault(
        latin1_past_8_kb,
        "ties.csv, row 42, field 'notes': byte 0xE9 on line 42 is not UTF-8 ('Café' in Windows-1252/Latin-1)",
    ),
    "utf-8 bom": Fault(
        lambda d: (d / "ties.csv").write_bytes(b"\xef\xbb\xbf" + (d / "ties.csv").read_bytes()),
        "ties.csv: starts with a UTF-8 byte-order mark",
    ),
    "empty": Fault(lambda d: (d / "events.csv").write_bytes(b""), "events.csv: file is empty"),
    "only whitespace": Fault(lambda d: (d / "events.csv").write_bytes(b"\n  \r\n"), "events.csv: file is empty"),
    "unclosed quote": Fault(
        lambda d: put(d / "ties.csv", 3, "notes", b'"Unclosed'),
        "ties.csv, row 5, field 'notes': the quote (\") that opens this field on line 5 is never closed",
    ),
    "nul byte": Fault(
        lambda d: put(d / "ties.csv", 3, "notes", b"before\x00after"),
        "ties.csv, row 5, field 'notes': contains the control character U+0000 (NUL) at character 7",
    ),
    "bidi override": Fault(
        lambda d: put(d / "events.csv", 0, "title_en", "Visit \u202eno".encode()),
        "events.csv, row 2, field 'title_en': contains U+202E (RIGHT-TO-LEFT OVERRIDE)",
    ),
    "missing README.md": Fault(lambda d: (d / "README.md").unlink(), "README.md: file is missing"),
    "missing CHANGELOG.md": Fault(lambda d: (d / "CHANGELOG.md").unlink(), "CHANGELOG.md: file is missing"),
    **{
        f"missing {name}": Fault(
            lambda d, name=name: (d / name).unlink(),
            f"{name}: file is missing; run `python -m twinnings build` to generate it",
        )
        for name in GENERATED_FILES
    },
}
MISSING_GENERATED = [f"missing {name}" for name in GENERATED_FILES]


@pytest.fixture(params=list(FAULTS))
def fault(request) -> Fault:
    return FAULTS[request.param]


def test_every_fault_is_one_error_naming_file_and_place(fault, data_copy):
    fault.seed(data_copy)
    errors = [str(p) for p in check(data_copy) if p.severity == "error"]
    assert len(errors) == 1 and errors[0].startswith(fault.message), errors


def test_export_refuses_a_package_without_its_generated_files_and_writes_nothing(data_copy, tmp_path, capsys):
    fault = FAULTS["missing twinnings.geojson"]  # what `build` tolerates, `export` must not
    fault.seed(data_copy)
    target = tmp_path / "package.zip"
    assert main(["--data", str(data_copy), "export", str(target)]) == 1
    out, err = capsys.readouterr()
    assert fault.message in err and "nothing was exported" in err
    assert "Traceback" not in out + err
    assert not target.exists()


@pytest.mark.parametrize("name", [n for n in FAULTS if n not in MISSING_GENERATED])
def test_build_exits_1_with_the_message(name, data_copy, capsys):
    FAULTS[name].seed(data_copy)
    assert main(["--data", str(data_copy), "build"]) == 1
    out, err = capsys.readouterr()
    assert FAULTS[name].message in err
    assert "wrote" not in out


@pytest.mark.parametrize("name", GENERATED_FILES)
def test_build_regenerates_a_missing_generated_file(name, data_copy, capsys):
    (data_copy / name).unlink()
    assert main(["--data", str(data_copy), "build"]) == 0
    assert (data_copy / name).read_bytes() == (DATA_DIR / name).read_bytes()


def test_validate_checks_the_folder_in_twinnings_data_dir(data_copy):
    FAULTS["windows-1252"].seed(data_copy)
    env = {**os.environ, "TWINNINGS_DATA_DIR": str(data_copy)}
    done = subprocess.run(
        [sys.executable, "-m", "twinnings", "validate"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert FAULTS["windows-1252"].message in done.stderr
    assert f"1 error(s) in {data_copy}" in done.stderr
    assert "Traceback" not in done.stderr


def test_data_option_wins_over_twinnings_data_dir(data_copy, monkeypatch, capsys):
    FAULTS["empty"].seed(data_copy)
    monkeypatch.setenv("TWINNINGS_DATA_DIR", str(data_copy))
    assert main(["--data", str(DATA_DIR), "validate"]) == 0
    assert capsys.readouterr().out.startswith(f"{DATA_DIR}: valid")


def test_validate_without_either_checks_the_shipped_data(monkeypatch, capsys):
    monkeypatch.delenv("TWINNINGS_DATA_DIR", raising=False)
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith(f"{DATA_DIR}: valid")


def test_a_bad_setting_ends_the_command_with_its_message(monkeypatch):
    monkeypatch.setenv("TWINNINGS_TILES", "satellite")
    with pytest.raises(SystemExit, match="TWINNINGS_TILES must be one of"):
        main(["validate"])


def assert_app_shows(at, message: str) -> None:
    assert not at.exception, at.exception
    assert "The data contains errors" in at.error[0].value
    assert message in at.code[0].value


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_a_file_fault_instead_of_a_traceback(page, data_copy, monkeypatch):
    # A missing README leaves the CSV files readable, so a page that read a file itself before asking
    # for the checked data would get as far as that file and fail there.
    fault = FAULTS["missing README.md"]
    fault.seed(data_copy)
    assert_app_shows(run_page(page, "en", monkeypatch, data_dir=data_copy), fault.message)
