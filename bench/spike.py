"""A news spike on the static site, served for real: Debian's nginx with the project's config
(deploy/nginx.conf), loaded by wrk with a reader's mix of pages, assets and the search index.

    .venv/bin/python bench/spike.py [EXPORT_DIR] [--seconds 10]

Without EXPORT_DIR the site is exported (without images) into build/bench-site first. Prints requests
per second and p50/p95/p99/max latency at 1, 20 and 100 concurrent connections, each against the
single-connection figure of the same run, with gzip on and off. Needs nginx and wrk (Debian packages).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "deploy" / "nginx.conf"
LUA = Path(__file__).with_name("spike.lua")
CONNECTIONS = (1, 20, 100)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def reader_mix(site: Path, seed: int = 7) -> list[str]:
    """What a spike of readers asks for: the home page and its map frame most, place pages from an
    article's link, the shared assets, the search index. Paths under the site's root."""
    rng = random.Random(seed)
    places = sorted(p.parent.relative_to(site).as_posix() for p in (site / "nl" / "plaats").glob("*/index.html"))
    mix = ["/nl/"] * 20 + ["/nl/map-nl.html"] * 10 + ["/en/"] * 4
    mix += [f"/{place}/" for place in rng.sample(places, min(30, len(places)))]
    mapped = [place for place in places if (site / place / "kaart.html").is_file()]  # places with ties
    mix += [f"/{place}/kaart.html" for place in rng.sample(mapped, min(10, len(mapped)))]
    mix += ["/assets/site.css"] * 10 + ["/assets/search.js"] * 5 + ["/assets/search-nl.json"] * 5
    mix += ["/app/static/vendor/leaflet/leaflet.js"] * 5 + ["/assets/plotly.min.js"] * 2
    mix += ["/nl/tijdlijn/", "/nl/gebeurtenissen/", "/nl/provincies/"]
    rng.shuffle(mix)
    return mix


def nginx_config(site: Path, port: int, gzip: bool, folder: Path) -> Path:
    """The shipped config pointed at `site` on `port`, as a complete nginx.conf for a foreground run."""
    server = CONFIG.read_text(encoding="utf-8")
    server = re.sub(r"listen \d+;", f"listen 127.0.0.1:{port};", server)
    server = re.sub(r"root [^;]+;", f"root {site};", server)
    if not gzip:
        server = server.replace("gzip_static on;", "gzip_static off;").replace("gzip on;", "gzip off;")
    conf = folder / "nginx.conf"
    conf.write_text(
        f"daemon off;\nworker_processes auto;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\n"
        "events { worker_connections 1024; }\n"
        f"http {{\ninclude /etc/nginx/mime.types;\naccess_log off;\nclient_body_temp_path {folder};\n"
        f"{server}\n}}\n",
        encoding="utf-8",
    )
    return conf


def wrk(url: str, connections: int, seconds: int, paths: Path, encoding: str) -> dict:
    env = {"SPIKE_PATHS": str(paths), "SPIKE_ENCODING": encoding, "PATH": "/usr/bin:/bin"}
    threads = min(2, connections)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s", str(LUA), url]
    out = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout
    fields = next(line.split()[1:] for line in out.splitlines() if line.startswith("RESULT"))
    requests, duration, errors, p50, p95, p99, worst = (float(v) for v in fields)
    return {"rps": requests / duration, "errors": int(errors), "p50": p50, "p95": p95, "p99": p99, "max": worst}


def run(site: Path, seconds: int) -> None:
    for tool in ("nginx", "wrk"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"{tool} is not installed: apt-get install -y nginx wrk")
    mix = reader_mix(site)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = folder / "paths.txt"
        paths.write_text("\n".join(mix) + "\n", encoding="utf-8")
        print(f"{len(mix)} paths in the mix; {seconds} s per step; nginx {nginx_version()}, 2 cores")
        print("gzip  conns    req/s   ratio   p50 ms   p95 ms   p99 ms   max ms  errors")
        for gzip in (True, False):
            port = free_port()
            conf = nginx_config(site, port, gzip, folder)
            server = subprocess.Popen(["/usr/sbin/nginx", "-c", str(conf), "-p", str(folder)])
            try:
                wait_for(port)
                single = None
                for connections in CONNECTIONS:
                    result = wrk(
                        f"http://127.0.0.1:{port}", connections, seconds, paths, "gzip" if gzip else "identity"
                    )
                    single = single or result
                    ratio = result["rps"] / single["rps"]
                    print(
                        f"{'on ' if gzip else 'off'}  {connections:5d} {result['rps']:8.0f} {ratio:6.2f}x"
                        f" {result['p50'] / 1000:8.2f} {result['p95'] / 1000:8.2f} {result['p99'] / 1000:8.2f}"
                        f" {result['max'] / 1000:8.1f} {result['errors']:7d}"
                    )
            finally:
                server.terminate()
                server.wait()


def nginx_version() -> str:
    out = subprocess.run(["/usr/sbin/nginx", "-v"], capture_output=True, text=True).stderr
    return out.strip().rsplit("/", 1)[-1]


def wait_for(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nginx did not start on port {port}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", help="an export-site folder (default: export one into build/bench-site)")
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    site = Path(args.site) if args.site else ROOT / "build" / "bench-site"
    if not args.site:
        from twinnings.static_site import export_site, precompress

        export_site(site, images=False)
        precompress(site)
    run(site.resolve(), args.seconds)


if __name__ == "__main__":
    main()
