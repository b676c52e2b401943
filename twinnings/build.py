"""Generated files of the data package, rebuilt by `python -m twinnings build`.

Generated files are committed so that people can download them from the
repository; a test fails when they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from twinnings.package import descriptor


def generated(data_dir: Path) -> dict[str, str]:
    """File name -> exact content of every generated file."""
    return {"datapackage.json": json.dumps(descriptor(), ensure_ascii=False, indent=2) + "\n"}


def build(data_dir: Path) -> list[Path]:
    written = []
    for name, content in generated(data_dir).items():
        path = data_dir / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written
