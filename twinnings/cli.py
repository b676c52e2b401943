"""Command line: `python -m twinnings validate | build | fetch-boundaries | export | serve`."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from twinnings import DATA_DIR, i18n

if TYPE_CHECKING:
    from twinnings.settings import Settings
    from twinnings.validate import Problem


def _settings() -> Settings:
    """The environment's settings; a bad value ends the command with its message, not a traceback."""
    from twinnings.settings import from_env

    try:
        return from_env()
    except ValueError as error:
        raise SystemExit(f"twinnings: {error}") from None


def _data_dir(args: argparse.Namespace) -> Path:
    """--data, else TWINNINGS_DATA_DIR, else the shipped data/: the same folder the app would read."""
    return Path(args.data) if args.data else _settings().data_dir


def _report(problems: list[Problem], data_dir: Path) -> int:
    """Errors to stderr and warnings to stdout; 1 when there are errors, so scripts stop."""
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        print(problem, file=sys.stderr if problem.severity == "error" else sys.stdout)
    if errors:
        print(f"{len(errors)} error(s) in {data_dir}", file=sys.stderr)
        return 1
    return 0


def _validate(args: argparse.Namespace) -> int:
    from twinnings.load import check

    data_dir = _data_dir(args)
    problems = check(data_dir)
    if _report(problems, data_dir):
        return 1
    print(f"{data_dir}: valid ({len(problems)} warning(s))")
    return 0


def _build(args: argparse.Namespace) -> int:
    from twinnings.build import build
    from twinnings.validate import DataError

    data_dir = _data_dir(args)
    try:
        written = build(data_dir)
    except DataError as error:
        return _report(error.problems, data_dir)
    except ValueError as error:  # README.md without the markers the generated parts go between
        print(f"{data_dir}: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from twinnings.export import package_zip
    from twinnings.load import load
    from twinnings.validate import DataError

    data_dir = _data_dir(args)
    try:
        load(data_dir)  # refuse to publish a package that does not validate
    except DataError as error:
        _report(error.problems, data_dir)
        print("nothing was exported", file=sys.stderr)
        return 1
    target = Path(args.output)
    try:
        target.write_bytes(package_zip(data_dir))
    except OSError as error:
        print(f"could not write {target}: {error.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {target}")
    return 0


def _fetch_boundaries(args: argparse.Namespace) -> int:
    from twinnings.boundaries import FetchError, boundary_file, fetch

    geo_dir = Path(args.geo_dir) if args.geo_dir else _settings().geo_dir
    if args.if_missing and boundary_file(geo_dir, "provinces") and boundary_file(geo_dir, "municipalities"):
        print(f"boundaries already in {geo_dir}")
        return 0
    try:
        for path in fetch(geo_dir, args.year, args.base_url):
            print(f"wrote {path}")
    except FetchError as error:
        print(
            f"could not fetch boundaries: {error}\nThe cache in {geo_dir} was left as it was; "
            "the app uses its embedded CBS boundaries instead.",
            file=sys.stderr,
        )
        return 1
    return 0


def _export_site(args: argparse.Namespace) -> int:
    from twinnings.static_site import default_jobs, export_site
    from twinnings.validate import DataError

    try:
        langs = args.lang or i18n.LANGS
        files = export_site(
            Path(args.output), _data_dir(args), not args.no_images, args.place, langs, jobs=args.jobs or default_jobs()
        )
        if args.precompress:
            from twinnings.static_site import precompress

            print(f"precompressed {precompress(Path(args.output))} files (.gz beside each)", file=sys.stderr)
    except DataError as error:
        print(error, file=sys.stderr)
        print("nothing was exported", file=sys.stderr)
        return 1
    print(f"wrote {len(files)} files to {args.output}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from twinnings.serve import serve

    if args.data:  # the app reads its folder from the environment, like any deployment
        os.environ["TWINNINGS_DATA_DIR"] = str(Path(args.data).resolve())
    return serve(args.streamlit_args)


def build_parser() -> argparse.ArgumentParser:
    """The command line: every command and its options."""
    parser = argparse.ArgumentParser(prog="twinnings", description=__doc__)
    parser.add_argument(
        "--data", default=None, help=f"data package folder (default: TWINNINGS_DATA_DIR if set, else {DATA_DIR})"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check the data package; exit 1 on errors").set_defaults(run=_validate)
    commands.add_parser("build", help="write the generated files of the package").set_defaults(run=_build)
    boundaries = commands.add_parser("fetch-boundaries", help="download CBS boundaries from PDOK into the cache")
    boundaries.add_argument("--year", type=int, default=dt.date.today().year)
    boundaries.add_argument("--geo-dir", help="target folder (default: TWINNINGS_GEO_DIR or the user cache)")
    boundaries.add_argument("--base-url", default="https://api.pdok.nl/cbs/gebiedsindelingen/ogc/v1")
    boundaries.add_argument("--if-missing", action="store_true", help="do nothing when boundaries are cached")
    boundaries.set_defaults(run=_fetch_boundaries)
    serve = commands.add_parser("serve", help="run the app (further arguments go to `streamlit run`)")
    serve.set_defaults(run=_serve)
    export = commands.add_parser("export", help="write the validated package as one zip file")
    export.add_argument("output", nargs="?", default="stedenbanden-nl-cn.zip")
    export.set_defaults(run=_export)
    site = commands.add_parser("export-site", help="write the maps and charts as a static site (nl and en)")
    site.add_argument("output", help="target folder")
    site.add_argument("--no-images", action="store_true", help="leave out chart images and previews (a quick check)")
    site.add_argument("--place", action="append", default=[], help="only this place's page (repeatable; a quick check)")
    site.add_argument("--lang", action="append", choices=i18n.LANGS, help="only this language (a quick check)")
    site.add_argument(
        "--precompress", action="store_true", help="write a .gz beside each text file (nginx gzip_static)"
    )
    site.add_argument(
        "--jobs", type=int, default=None, help="processes that write the place pages (default: one per core)"
    )
    site.set_defaults(run=_export_site)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "serve":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.streamlit_args = extra
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
