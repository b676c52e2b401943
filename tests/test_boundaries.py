"""The PDOK client against a local server that pages like PDOK, and fails like a real network."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from twinnings.boundaries import FetchError, boundary_file, fetch, read_boundaries

NO_WAIT = lambda _seconds: None  # noqa: E731


def square(code: str, name: str, x: float, y: float, size: float = 0.2) -> dict:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "properties": {"statcode": code, "statnaam": name, "jaarcode": 2026},
    }


MUNICIPALITIES = [square(f"GM{n:04d}", f"Gemeente {n}", 4 + 0.2 * (n % 5), 51 + 0.2 * (n // 5)) for n in range(12)]
PROVINCES = [square("PV28", "Zuid-Holland", 4, 51, 1.0)]


class PdokLike(BaseHTTPRequestHandler):
    """Serves /collections/<name>/items pages of `page_size`; `mode` injects failures."""

    mode = "ok"
    page_size = 5
    hits: list[str] = []

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        type(self).hits.append(self.path)
        url = urlparse(self.path)
        query = parse_qs(url.query)
        collection = url.path.split("/")[-2]
        features = PROVINCES if collection.startswith("provincie") else MUNICIPALITIES
        offset = int(query.get("offset", ["0"])[0])
        page = features[offset : offset + self.page_size]
        body: dict = {"type": "FeatureCollection", "features": page, "numberReturned": len(page), "links": []}
        if offset + self.page_size < len(features):
            body["links"].append(
                {
                    "rel": "next",
                    "href": f"http://{self.headers['Host']}{url.path}?f=json&offset={offset + self.page_size}",
                }
            )
        if self.mode == "server_error":
            return self._send(503, b"busy")
        if self.mode == "not_found":
            return self._send(404, b"no such collection")
        if self.mode == "truncated_json":
            return self._send(200, json.dumps(body).encode()[:-40])
        if self.mode == "short_page" and offset > 0:
            body["numberReturned"] += 1
        self._send(200, json.dumps(body).encode())

    def _send(self, status: int, payload: bytes):
        self.send_response(status)
        self.send_header("Content-Type", "application/geo+json")
        self.end_headers()
        self.wfile.write(payload)


@pytest.fixture(scope="module")
def pdok_server() -> Iterator[str]:
    """One server for the module: it holds no state of its own, and shutting one down waits for its poll."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PdokLike)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def pdok(pdok_server: str) -> str:
    """The server's address, answering normally and with no requests counted yet."""
    PdokLike.mode, PdokLike.hits = "ok", []
    return pdok_server


def test_fetch_follows_next_links_and_writes_both_layers(pdok, tmp_path):
    written = fetch(tmp_path, 2026, pdok, sleep=NO_WAIT)
    assert sorted(p.name for p in written) == ["nl_municipalities_2026.geojson", "nl_provinces_2026.geojson"]
    municipalities = read_boundaries(tmp_path, "municipalities")
    assert sorted(f["id"] for f in municipalities["features"]) == sorted(
        f["properties"]["statcode"] for f in MUNICIPALITIES
    )
    assert set(municipalities["features"][0]["properties"]) == {"statcode", "statnaam"}
    assert sum("/gemeente_gegeneraliseerd/" in hit for hit in PdokLike.hits) == 3  # 12 features, pages of 5
    assert any("jaarcode=2026" in hit and "limit=1000" in hit for hit in PdokLike.hits)


def test_simplified_neighbours_still_share_their_borders(pdok, tmp_path):
    import geopandas as gpd

    fetch(tmp_path, 2026, pdok, sleep=NO_WAIT)
    frame = gpd.read_file(boundary_file(tmp_path, "municipalities"))
    assert frame.is_valid.all()
    overlap = frame.geometry.iloc[0].intersection(frame.geometry.iloc[1]).area
    assert overlap == pytest.approx(0, abs=1e-9)


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("server_error", "gave up after 3 attempts: HTTP 503"),
        ("not_found", "HTTP 404"),
        ("truncated_json", "truncated or invalid JSON"),
        ("short_page", "truncated page"),
    ],
)
def test_failures_give_a_clear_message_and_leave_the_cache_untouched(pdok, tmp_path, mode, message):
    fetch(tmp_path, 2026, pdok, sleep=NO_WAIT)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    PdokLike.mode = mode
    with pytest.raises(FetchError, match=message):
        fetch(tmp_path, 2026, pdok, sleep=NO_WAIT)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_unreachable_server_is_retried_then_reported(tmp_path):
    waits = []
    with pytest.raises(FetchError, match="gave up after 3 attempts: ConnectionError"):
        fetch(tmp_path, 2026, "http://127.0.0.1:9", sleep=waits.append)
    assert waits == [1, 2]
    assert list(Path(tmp_path).iterdir()) == []


def test_cli_reports_failure_without_a_traceback(tmp_path, capsys, monkeypatch):
    from twinnings import boundaries
    from twinnings.cli import main

    # the retries' back-off is tested above; here it would only wait three seconds
    monkeypatch.setattr(boundaries, "fetch", functools.partial(boundaries.fetch, sleep=NO_WAIT))
    assert main(["fetch-boundaries", "--geo-dir", str(tmp_path), "--base-url", "http://127.0.0.1:9"]) == 1
    assert "could not fetch boundaries" in capsys.readouterr().err
