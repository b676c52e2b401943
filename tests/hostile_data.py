"""A copy of the data package whose every text field carries what an attacker or a careless paste
would put there: HTML, Markdown links and images, javascript: and scheme-relative URLs, template
syntax, invisible characters and long place names (as long as a name may be). It still
validates, so the app shows it."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from twinnings import DATA_DIR, model
from twinnings.build import build

EVIL_HOST = "evil.example"
INJECTED_ID = "tw-injected"
PAYLOAD = (
    f"<img src=//{EVIL_HOST}/i.png onerror=alert(1)><b id={INJECTED_ID}>b</b>"
    f" [inloggen](https://{EVIL_HOST}/login) ![px](http://{EVIL_HOST}/p.png)"
    f" <a href='javascript:alert(2)'>js</a> javascript:alert(3) //{EVIL_HOST}/rel www.{EVIL_HOST}"
    " {{ 7*7 }} ${alert(4)} `x` <script>alert(5)</script> **vet** # kop"
    " zero\u200bwidth\u200f rlm"
)
# A place name's share of it: `validate` rejects names over model.MAX_NAME_LENGTH, and this one with its row
# number stays within it.
NAME_PAYLOAD = f"<img src=//{EVIL_HOST}/i.png onerror=alert(1)><b id={INJECTED_ID}>b</b>[x](//{EVIL_HOST})${{a}}"
NAME_FIELDS = ("name_nl", "name_en", "name_pinyin", "former_names")
# Every free-text field of every file, as the model declares them.
TEXT_FIELDS = {
    resource.path: tuple(field.name for field in resource.fields if field.text) for resource in model.RESOURCES
}


def _rewrite(path: Path, change) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header, rows = reader.fieldnames, list(reader)
    for n, row in enumerate(rows):
        change(n, row)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_hostile_copy(target: Path) -> Path:
    """The shipped package copied to `target` with hostile text in every free-text field that holds text
    (an empty optional one stays empty: some may only be given with another, like actor_names with actors).
    Summaries are not made long: escaping is what the copy is for, and 6,000-character summaries made the
    app's map three times slower to open."""
    shutil.copytree(DATA_DIR, target)
    for file, fields in TEXT_FIELDS.items():

        def change(n: int, row: dict, fields=fields, file=file) -> None:
            for name in fields:
                if not row[name]:
                    continue
                if file == "places.csv" and name in NAME_FIELDS:
                    row[name] = f"{NAME_PAYLOAD} {n}"  # names stay unique per row
                else:
                    row[name] = PAYLOAD
            if file == "sources.csv":
                row["url"] = f"https://source.example/{n}?q=<script>alert(6)</script>&x=\"'"

        _rewrite(target / file, change)
    build(target)
    return target
