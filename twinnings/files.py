"""Checks of the files themselves, before anything tries to parse them.

Frictionless, pandas and the app assume every file of the package exists and
every CSV is well-formed UTF-8. When one is not, they fail with a traceback
(UnicodeDecodeError, FileNotFoundError) or with messages about the wrong thing:
a byte-order mark becomes "column 'id' is missing", an empty file fourteen
missing columns, an unclosed quote a row of empty required fields. These checks
look at the bytes first and report the one real fault of such a file, with what
to do about it, so the later checks only ever see files they can read.

The whole file is checked, not a sample: a Latin-1 'é' on line 40 is as fatal
to the loader as one on line 2.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from twinnings import model
from twinnings.model import PACKAGE_FILES
from twinnings.validate import Problem

COLUMNS = {r.path: r.columns for r in model.RESOURCES}
CSV_FILES = tuple(COLUMNS)
DOCUMENTS = tuple(name for name in PACKAGE_FILES if name.endswith(".md"))
GENERATED_FILES = tuple(name for name in PACKAGE_FILES if name not in CSV_FILES + DOCUMENTS)

SAVE_CSV = "save it as CSV UTF-8 (in a spreadsheet: 'CSV UTF-8'; without byte-order mark)"
SAVE_TEXT = "save it as UTF-8 (without byte-order mark)"
UTF8_BOM = b"\xef\xbb\xbf"
UNICODE_BOMS = {  # UTF-32 first: its little-endian mark starts with the UTF-16 one
    b"\xff\xfe\x00\x00": "UTF-32 (little-endian, with byte-order mark)",
    b"\x00\x00\xfe\xff": "UTF-32 (big-endian, with byte-order mark)",
    b"\xff\xfe": "UTF-16 (little-endian, with byte-order mark)",
    b"\xfe\xff": "UTF-16 (big-endian, with byte-order mark)",
}
CONTROL_BYTES = tuple(bytes([b]) for b in range(0x20) if b not in b"\t\n\r")
CONTROL_BYTE = re.compile(b"[" + b"".join(CONTROL_BYTES) + b"]")
BINARY_SHARE = 0.01
CONTAINERS = {b"PK\x03\x04": "a zip archive, such as an Excel workbook", b"\xd0\xcf\x11\xe0": "an old Excel workbook"}
# Unicode category Cc is closed (U+0000-U+001F, U+007F-U+009F); tab, newline and carriage return are layout.
CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069).
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
INVISIBLE = re.compile(f"[{CONTROLS}{BIDI_CONTROLS}]")
CONTROL_CHARACTER = re.compile(f"[{CONTROLS}]")
# With errors="surrogateescape" each undecodable byte becomes one of these lone surrogates.
UNDECODABLE = re.compile("[\udc80-\udcff]")
DECODED_NON_ASCII = re.compile("[\u0080-\udc7f\udd00-\U0010ffff]")
CONTROL_NAMES = {0x00: "NUL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "VERTICAL TAB", 0x0C: "FORM FEED", 0x1B: "ESCAPE"}
MAX_LINES_LISTED = 5


@dataclass(frozen=True)
class FileCheck:
    """What is wrong with the files, and whether every CSV can be handed to the parsers at all."""

    problems: list[Problem]
    csv_readable: bool


def check_files(data_dir: Path, require_generated: bool = True) -> FileCheck:
    """Every package file present, every CSV parseable, no invisible characters in a field,
    and the Markdown documents UTF-8 (the app shows them as text).

    `require_generated=False` is for `build`, which writes the generated files and so must
    not refuse to run because one of them is missing.
    """
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    readable = True
    for name in CSV_FILES:
        data, fault = _read(data_dir, name)
        fault = fault or unparseable(name, data)
        if fault:
            problems.append(fault)
            readable = False
        else:
            problems += character_problems(name, data.decode("utf-8"))
    for name in DOCUMENTS:
        data, fault = _read(data_dir, name)
        fault = fault or encoding_problem(name, data, SAVE_TEXT)
        problems += [fault] if fault else []
    if require_generated:
        problems += [_missing(name) for name in GENERATED_FILES if not (data_dir / name).is_file()]
    return FileCheck(problems, readable)


def _read(data_dir: Path, name: str) -> tuple[bytes, Problem | None]:
    path = data_dir / name
    if not path.is_file():
        return b"", _missing(name)
    try:
        return path.read_bytes(), None
    except OSError as error:
        return b"", Problem(name, None, None, f"cannot be read ({error.strerror})")


def _missing(name: str) -> Problem:
    if name in GENERATED_FILES:
        return Problem(name, None, None, "file is missing; run `python -m twinnings build` to generate it")
    if name in DOCUMENTS:
        return Problem(name, None, None, "file is missing; restore it from version control (it is written by hand)")
    return Problem(name, None, None, "file is missing")


def unparseable(name: str, data: bytes) -> Problem | None:
    """The one fault that keeps this CSV from being parsed as written, or None.

    One problem, not many: everything the parsers would say after such a fault is an echo
    of it. Order matters: each check assumes the ones before it passed.
    """
    if not data.strip():
        return Problem(name, None, None, f"file is empty; it needs at least its header line: {','.join(COLUMNS[name])}")
    if data.startswith(UTF8_BOM):
        return Problem(
            name,
            None,
            None,
            "starts with a UTF-8 byte-order mark (bytes EF BB BF, which Excel's 'CSV UTF-8' writes); "
            "save it as UTF-8 without BOM (in a text editor: 'UTF-8', not 'UTF-8 with BOM')",
        )
    return encoding_problem(name, data, SAVE_CSV) or _quote_problem(name, data.decode("utf-8"))


def encoding_problem(name: str, data: bytes, advice: str) -> Problem | None:
    """What the bytes are when they are not UTF-8 text, and how to fix that; None for UTF-8 text."""
    kind = _wide_encoding(data)
    if kind:
        return Problem(name, None, None, f"is {kind}, not UTF-8; {advice}")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        if b"\x00" in data or _looks_binary(data):
            return _binary(name, data, advice)
        return _not_utf8(name, data, error.start, advice)
    return _binary(name, data, advice) if _looks_binary(data) else None


def _wide_encoding(data: bytes) -> str | None:
    """'UTF-16 (...)' or 'UTF-32 (...)' when the bytes are one of those, else None.

    Without a byte-order mark UTF-16 still shows: the ASCII characters that make up most
    of a CSV (commas, digits, ids) each have a zero byte beside them, all on the same side.
    """
    for bom, kind in UNICODE_BOMS.items():
        if data.startswith(bom):
            return kind
    even, odd = data[0::2].count(0), data[1::2].count(0)
    quarter = len(data) / 8
    if odd > quarter and even < odd / 10 and _is_text(data, "utf-16-le"):
        return "UTF-16 (little-endian, without byte-order mark)"
    if even > quarter and odd < even / 10 and _is_text(data, "utf-16-be"):
        return "UTF-16 (big-endian, without byte-order mark)"
    return None


def _is_text(data: bytes, encoding: str) -> bool:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return len(CONTROL_CHARACTER.findall(text)) <= len(text) * BINARY_SHARE


def _looks_binary(data: bytes) -> bool:
    """Text has hardly any control bytes; one NUL in a field is a typo, one byte in a hundred is not text."""
    return sum(data.count(b) for b in CONTROL_BYTES) > len(data) * BINARY_SHARE


def _binary(name: str, data: bytes, advice: str) -> Problem:
    offset = _first_non_text(data)
    what = next((kind for magic, kind in CONTAINERS.items() if data.startswith(magic)), "binary data")
    where = f"byte 0x{data[offset]:02X} on line {_line_at(data, offset)} is not text"
    return Problem(name, None, None, f"{where}: the file holds {what}, not a CSV; {advice}")


def _first_non_text(data: bytes) -> int:
    """Offset of the first control byte or byte that is not UTF-8, whichever comes first."""
    control = CONTROL_BYTE.search(data)
    try:
        data.decode("utf-8")
        undecodable = len(data)
    except UnicodeDecodeError as error:
        undecodable = error.start
    return min(control.start() if control else len(data), undecodable)


def _line_at(data: bytes, offset: int) -> int:
    """Line number, as the csv module counts lines, of the byte at `offset`."""
    return len(_lines(data[: offset + 1].decode("utf-8", "surrogateescape")))


def _not_utf8(name: str, data: bytes, offset: int, advice: str) -> Problem:
    """Where the first non-UTF-8 byte is, what the file probably is instead, and the fix."""
    text = data.decode("utf-8", "surrogateescape")
    bad = [number for number, line in enumerate(_lines(text), 1) if _has_undecodable(line)]
    where = f"byte 0x{data[offset]:02X} on line {bad[0]} is not UTF-8"
    reads = _context(data, offset).decode("cp1252", "replace")
    row, field = _locate(text) if name in COLUMNS else (None, None)
    if DECODED_NON_ASCII.search(text):
        message = (
            f"{where} ('{reads}' in Windows-1252/Latin-1){_also(bad[1:])}, though the rest of the file is UTF-8: "
            "the text was probably pasted from elsewhere; retype it"
        )
    else:
        message = (
            f"{where}: the file looks like Windows-1252/Latin-1 (a spreadsheet's plain 'CSV' export), "
            f"in which it reads '{reads}'; {advice}"
        )
    return Problem(name, row, field, message)


def _lines(text: str) -> list[str]:
    """Lines split the way the csv module counts them (reader.line_num)."""
    return io.StringIO(text, newline="").readlines()


def _has_undecodable(text: str) -> bool:
    return UNDECODABLE.search(text) is not None


def _also(lines: list[int]) -> str:
    if not lines:
        return ""
    shown = ", ".join(str(n) for n in lines[:MAX_LINES_LISTED])
    rest = len(lines) - MAX_LINES_LISTED
    return f" (nor are bytes on line{'s' if len(lines) > 1 else ''} {shown}{f' and {rest} more' if rest > 0 else ''})"


def _context(data: bytes, offset: int) -> bytes:
    """The word around a byte, so the curator can search for it."""
    before = re.search(rb'[^\s,"]{0,20}\Z', data[:offset])
    after = re.match(rb'[^\s,"]{0,20}', data[offset + 1 :])
    return (before.group() if before else b"") + data[offset : offset + 1] + (after.group() if after else b"")


def _locate(text: str) -> tuple[int | None, str | None]:
    """Row and column of the first undecodable byte, parsing the CSV with those bytes kept as they are."""
    reader = csv.reader(_lines(text))
    header: list[str] = []
    try:
        for row, record in enumerate(reader, 1):
            header = header or record
            for column, value in enumerate(record):
                if _has_undecodable(value):
                    return row, _column_name(header, row, column)
    except csv.Error:
        pass
    return None, None


def _column_name(header: list[str], row: int, column: int) -> str | None:
    return header[column] if row > 1 and column < len(header) else None


def _quote_problem(name: str, text: str) -> Problem | None:
    """One problem at the line where a quote opens and never closes (or is not doubled); else None.

    A stray quote makes the parser read on to the next quote, often lines later, so the
    symptoms (empty or missing cells further down) are nowhere near the cause. The cause is
    on the first line of the record in which the strict parser ran into trouble, or of a
    record that ran over several lines and came out with the wrong number of fields.
    """
    lines = _lines(text)
    reader = csv.reader(lines, strict=True)
    header: list[str] | None = None
    row, start = 0, 1
    try:
        for record in reader:
            row += 1
            if header is None:
                header = record
            elif reader.line_num > start and len(record) != len(header):
                return _quote_fault(name, lines[start - 1], start, row, header)
            start = reader.line_num + 1
    except csv.Error:
        return _quote_fault(name, lines[start - 1], start, row + 1, header or [])
    return None


def _quote_fault(name: str, line: str, number: int, row: int, header: list[str]) -> Problem:
    found = _scan_quotes(line)
    if found is None:
        return Problem(name, row, None, f'the quotes (") of the record that starts on line {number} do not match')
    kind, column = found
    if kind == "unclosed":
        message = (
            f'the quote (") that opens this field on line {number} is never closed, so the lines after it '
            'are read as part of the field; close it, or double a quote that is meant literally ("")'
        )
    else:
        message = (
            f'the quotes (") of this field on line {number} do not pair up: a quote is followed by more text '
            'before the next comma; close the field\'s opening quote, or double a quote that is meant literally ("")'
        )
    return Problem(name, row, _column_name(header, row, column), message)


def _scan_quotes(line: str) -> tuple[str, int] | None:
    """('unclosed', column) when a quoted field is still open at the end of the line;
    ('undoubled', column) when a quote ends a quoted field but more text follows; else None."""
    body = line.rstrip("\r\n")
    column, i = 0, 0
    while True:
        if body[i : i + 1] == '"':
            i += 1
            while True:  # to the closing quote; a doubled quote is a literal one
                j = body.find('"', i)
                if j < 0:
                    return "unclosed", column
                if body[j + 1 : j + 2] != '"':
                    i = j + 1
                    break
                i = j + 2
            if i < len(body) and body[i] != ",":
                return "undoubled", column
        else:
            j = body.find(",", i)
            i = len(body) if j < 0 else j
        if i >= len(body):
            return None
        i += 1
        column += 1


def character_problems(name: str, text: str) -> list[Problem]:
    """One error per field that holds an invisible control or bidirectional-formatting character.

    Control characters (Unicode category Cc, other than tab, newline and carriage return)
    are never meant in a text field: a NUL or a stray escape comes from a broken export or
    a copy from a terminal, and C1 controls (U+0080-U+009F) from Windows-1252 text decoded
    twice. They are invisible in editors and spreadsheets, so only a check finds them.

    Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are errors too,
    not warnings: this dataset holds Dutch, English, Chinese and pinyin, no right-to-left
    script, so they have no legitimate use here, while they make a name, note or URL display
    differently from what it is (the "Trojan Source" trick) in the app and in every download.
    The softer marks U+200E/U+200F are not flagged; they do not reorder text.
    """
    if not INVISIBLE.search(text):
        return []
    problems: list[Problem] = []
    records = list(csv.reader(_lines(text)))
    header = records[0] if records else []
    for row, record in enumerate(records, 1):
        for column, value in enumerate(record):
            found = INVISIBLE.search(value)
            if found:
                field = _column_name(header, row, column)
                problems.append(Problem(name, row, field, _describe(found.group(), found.start() + 1)))
    return problems


def _describe(char: str, position: int) -> str:
    code = f"U+{ord(char):04X}"
    if unicodedata.category(char) != "Cc":
        return (
            f"contains {code} ({unicodedata.name(char)}) at character {position}, an invisible character "
            "that changes the direction in which text is displayed; remove it"
        )
    label = f"{code} ({CONTROL_NAMES[ord(char)]})" if ord(char) in CONTROL_NAMES else code
    message = f"contains the control character {label} at character {position}, invisible in most editors"
    meant = bytes([ord(char)]).decode("cp1252", "ignore") if 0x80 <= ord(char) <= 0x9F else ""
    if meant:
        return f"{message}; it is probably a Windows-1252 '{meant}' converted twice: replace it with '{meant}'"
    return f"{message}; remove it"
