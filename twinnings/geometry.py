"""Geodesy shared by the published GeoJSON, the interactive map and the map image."""

from __future__ import annotations

from pyproj import Geod

ARC_POINTS = 48
COORD_DIGITS = 4
_GEOD = Geod(ellps="WGS84")


def great_circle(lon1: float, lat1: float, lon2: float, lat2: float, n: int = ARC_POINTS) -> list[list[float]]:
    """Points along the shortest path on the ellipsoid, ends included, rounded for publication."""
    inner = _GEOD.npts(lon1, lat1, lon2, lat2, n)
    points = [(lon1, lat1), *inner, (lon2, lat2)]
    return [[round(lon, COORD_DIGITS), round(lat, COORD_DIGITS)] for lon, lat in points]
