"""Command line: `python -m twinnings validate | build | fetch-boundaries | export | serve`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from twinnings import DATA_DIR


def _validate(args: argparse.Namespace) -> int:
    from twinnings.load import check

    problems = check(Path(args.data))
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        print(problem, file=sys.stderr if problem.severity == "error" else sys.stdout)
    if errors:
        print(f"{len(errors)} error(s) in {args.data}", file=sys.stderr)
        return 1
    print(f"{args.data}: valid ({len(problems)} warning(s))")
    return 0


def _build(args: argparse.Namespace) -> int:
    from twinnings.build import build

    for path in build(Path(args.data)):
        print(f"wrote {path}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from twinnings.export import package_zip
    from twinnings.load import load

    load(Path(args.data))  # refuse to publish a package that does not validate
    target = Path(args.output)
    target.write_bytes(package_zip(Path(args.data)))
    print(f"wrote {target}")
    return 0


def _fetch_boundaries(args: argparse.Namespace) -> int:
    from twinnings.boundaries import FetchError, boundary_file, fetch
    from twinnings.settings import from_env

    geo_dir = Path(args.geo_dir) if args.geo_dir else from_env().geo_dir
    if args.if_missing and boundary_file(geo_dir, "provinces") and boundary_file(geo_dir, "municipalities"):
        print(f"boundaries already in {geo_dir}")
        return 0
    try:
        for path in fetch(geo_dir, args.year, args.base_url):
            print(f"wrote {path}")
    except FetchError as error:
        print(
            f"could not fetch boundaries: {error}\nThe cache in {geo_dir} was left as it was; "
            "the app works without boundaries (points only).",
            file=sys.stderr,
        )
        return 1
    return 0


def _serve(args: argparse.Namespace) -> int:
    from twinnings.serve import serve

    return serve(args.streamlit_args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="twinnings", description=__doc__)
    parser.add_argument("--data", default=str(DATA_DIR), help="data package folder (default: %(default)s)")
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
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "serve":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.streamlit_args = extra
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
