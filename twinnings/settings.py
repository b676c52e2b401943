"""Run-time settings read from the environment, so deployments and tests differ only in env vars."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from twinnings import DATA_DIR

Tiles = Literal["pdok", "osm", "none"]
TILE_CHOICES: tuple[Tiles, ...] = ("pdok", "osm", "none")


@dataclass(frozen=True)
class Settings:
    tiles: Tiles
    geo_dir: Path
    data_dir: Path
    geo_dir_set: bool = False  # TWINNINGS_GEO_DIR was given: read boundaries only from there
    corrections_url: str | None = None  # issue tracker 'new issue' address or mailto: for correction reports
    public_url: str | None = None  # the app's public address, for embed snippets and permalinks in figures
    static_base_url: str | None = None  # where the export-site output is published, for static embeds

    @property
    def boundaries_dir(self) -> Path:
        from twinnings.boundaries import boundaries_dir

        return boundaries_dir(self.geo_dir, self.geo_dir_set)


def default_geo_dir() -> Path:
    """Where fetched boundaries are cached when TWINNINGS_GEO_DIR is not set."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "twinnings" / "boundaries"


def from_env(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ) if env is None else env
    tiles = env.get("TWINNINGS_TILES", "pdok").strip().lower()
    if tiles not in TILE_CHOICES:
        raise ValueError(f"TWINNINGS_TILES must be one of {', '.join(TILE_CHOICES)}, not '{tiles}'")
    return Settings(
        tiles=tiles,  # type: ignore[arg-type]
        geo_dir=Path(env["TWINNINGS_GEO_DIR"]) if env.get("TWINNINGS_GEO_DIR") else default_geo_dir(),
        data_dir=Path(env["TWINNINGS_DATA_DIR"]) if env.get("TWINNINGS_DATA_DIR") else DATA_DIR,
        geo_dir_set=bool(env.get("TWINNINGS_GEO_DIR")),
        corrections_url=_corrections_url(env.get("TWINNINGS_CORRECTIONS_URL", "").strip()),
        public_url=_public_url(env.get("TWINNINGS_PUBLIC_URL", "").strip()),
        static_base_url=_public_url(env.get("TWINNINGS_STATIC_BASE_URL", "").strip(), "TWINNINGS_STATIC_BASE_URL"),
    )


def _corrections_url(value: str) -> str | None:
    if not value:
        return None
    if not value.lower().startswith(("https://", "http://", "mailto:")):
        raise ValueError(f"TWINNINGS_CORRECTIONS_URL must be an http(s) or mailto: address, not '{value}'")
    return value


def _public_url(value: str, name: str = "TWINNINGS_PUBLIC_URL") -> str | None:
    if not value:
        return None
    if not value.lower().startswith(("https://", "http://")):
        raise ValueError(f"{name} must be an http(s) address, not '{value}'")
    return value.rstrip("/")
