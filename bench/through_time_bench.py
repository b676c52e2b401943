"""The map through the years: how long its files take to draw and how big they are, in both languages.

    .venv/bin/python bench/through_time_bench.py [--export]

Per language: the 48 frames (one base, blitted), the GIF, the WebP, the small multiples as PNG and SVG,
wall and CPU seconds, and each file's size. With `--export`, also an `export-site --no-images` of the same
data into a temporary folder, the baseline its share of a build is judged against (the chart images of a full
build are drawn by kaleido in Chromium on top of that). Nothing here is asserted in tests.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from twinnings import DATA_DIR, boundaries, i18n, map_image  # noqa: E402
from twinnings.load import load  # noqa: E402


def timed(what: str, results: list, draw, *args, **kwargs):
    wall, cpu = time.perf_counter(), time.process_time()
    value = draw(*args, **kwargs)
    results.append((what, time.perf_counter() - wall, time.process_time() - cpu, value))
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--export", action="store_true", help="also time export-site --no-images as the baseline")
    args = parser.parse_args()
    data = load(DATA_DIR)
    shapes = (
        boundaries.read_boundaries(boundaries.EMBEDDED_DIR, "provinces"),
        boundaries.read_boundaries(boundaries.EMBEDDED_DIR, "municipalities"),
    )
    total_wall = total_cpu = 0.0
    for lang in i18n.LANGS:
        results: list = []
        frames = timed("frames", results, map_image.year_frames, data.ties, *shapes, lang)
        for fmt in ("gif", "webp"):
            timed(fmt, results, map_image.map_animation, data.ties, *shapes, lang, fmt, frames=frames)
        for fmt in ("png", "svg"):
            timed(f"panels {fmt}", results, map_image.map_small_multiples, data.ties, *shapes, lang, fmt)
        for what, wall, cpu, value in results:
            size = f"{len(value) / 1000:7.0f} kB" if isinstance(value, bytes) else f"{len(value):4d} frames"
            print(f"{lang} {what:<11} wall {wall:5.2f} s  cpu {cpu:5.2f} s  {size}")
        total_wall += sum(wall for _what, wall, _cpu, _value in results)
        total_cpu += sum(cpu for _what, _wall, cpu, _value in results)
    print(f"both languages: wall {total_wall:.1f} s, cpu {total_cpu:.1f} s")
    if args.export:
        from twinnings.static_site import export_site

        with tempfile.TemporaryDirectory() as out:
            wall, cpu = time.perf_counter(), time.process_time()
            export_site(Path(out), DATA_DIR, images=False)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"export-site --no-images: wall {wall:.1f} s, cpu {cpu:.1f} s")
        print(f"the map through the years adds {total_wall / wall:.0%} of that (wall), {total_cpu / cpu:.0%} (cpu)")


if __name__ == "__main__":
    main()
