"""The map through the years as publication images: the animation has a frame per year at publication size and
stays small, each frame draws exactly the places the year rule puts on the map, and the small multiples show
their five years with the same rule."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from PIL import Image

from tests.test_map_image import ids_with, png_size, svg_texts
from twinnings import model
from twinnings.boundaries import EMBEDDED_DIR, read_boundaries
from twinnings.i18n import label, t
from twinnings.map_image import (
    FRAME_MS,
    LAST_FRAME_MS,
    map_animation,
    map_small_multiples,
    year_frames,
    year_places,
)
from twinnings.style import STATUS_RANK
from twinnings.through_time import YEAR_STATES, panel_years, ties_in, years

PUBLISHABLE = 2_000_000  # bytes: an article system takes it without a second thought (they allow about 5 MB)


@pytest.fixture(scope="module")
def shapes() -> tuple[dict, dict]:
    return read_boundaries(EMBEDDED_DIR, "provinces"), read_boundaries(EMBEDDED_DIR, "municipalities")


@pytest.fixture(scope="module")
def frames(dataset, shapes):
    """Every year's frame in both languages, drawn once for the module."""
    return {lang: year_frames(dataset.ties, *shapes, lang) for lang in ("nl", "en")}


@pytest.fixture(scope="module")
def gifs(dataset, shapes, frames) -> dict[str, bytes]:
    return {lang: map_animation(dataset.ties, *shapes, lang, "gif", frames=frames[lang]) for lang in frames}


def dutch_places_in(ties, year: int) -> set[str]:
    return set(ties_in(ties, year)["nl_place_id"])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_animation_has_a_frame_per_year_at_publication_size_and_stays_small(gifs, lang):
    animation = Image.open(io.BytesIO(gifs[lang]))
    assert animation.format == "GIF" and animation.n_frames == len(years()) == model.RELEASE_YEAR - 1979 + 1
    assert animation.size == (1200, 675)
    assert len(gifs[lang]) < PUBLISHABLE
    durations = []
    for number in range(animation.n_frames):
        animation.seek(number)
        durations.append(animation.info["duration"])
    assert durations == [FRAME_MS] * (len(years()) - 1) + [LAST_FRAME_MS]
    assert animation.info.get("loop") == 0


def test_the_webp_holds_the_frames_in_full_colour(dataset, shapes, frames):
    some = frames["nl"][-4:]  # a few frames are enough to see the format; the site's file holds all
    webp = map_animation(dataset.ties, *shapes, "nl", "webp", frames=some)
    animation = Image.open(io.BytesIO(webp))
    assert (animation.format, animation.n_frames, animation.size) == ("WEBP", 4, (1200, 675))
    animation.seek(3)
    assert animation.convert("RGB").tobytes() == some[-1].image.tobytes()  # lossless


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_frame_draws_one_symbol_per_dutch_place_the_year_rule_puts_on_the_map(dataset, frames, lang):
    assert [frame.year for frame in frames[lang]] == list(years())
    for frame in frames[lang]:
        expected = {f"tw-marker-{frame.year}-{place}" for place in dutch_places_in(dataset.ties, frame.year)}
        assert len(frame.markers) == len(expected) and set(frame.markers) == expected, frame.year
        assert frame.image.size == (1200, 675)
    assert frames[lang][0].markers == ("tw-marker-1979-GM0599",)  # Rotterdam–Shanghai, the first tie


def test_a_year_with_other_places_is_another_picture_and_the_languages_differ(frames):
    nl = {frame.year: frame for frame in frames["nl"]}
    assert nl[1979].image.tobytes() != nl[2005].image.tobytes()
    assert nl[2005].image.tobytes() != frames["en"][2005 - 1979].image.tobytes()


def test_a_place_shows_the_state_of_its_liveliest_tie_as_on_the_interactive_map(dataset):
    # Leeuwarden: Liyang in force since 2011, Changsha begun between 2016-07 and 2017-04.
    shown = ties_in(dataset.ties, 2016)
    leeuwarden = shown[shown["nl_place_id"] == "GM0080"]
    assert set(leeuwarden["year_state"]) == {"in_force", "perhaps_begun"}
    places = year_places(dataset.ties, 2016).set_index("place_id")
    assert places.loc["GM0080", "status"] == "in_force" and places.loc["GM0080", "n_ties"] == 2
    assert set(places["status"]) <= set(YEAR_STATES)
    ranks = places["status"].map(STATUS_RANK)
    towns = places["level"] != "provincie"
    assert ranks[towns].is_monotonic_decreasing  # the liveliest drawn last, on top


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_small_multiples_show_five_years_with_the_year_rule(dataset, shapes, lang):
    svg = map_small_multiples(dataset.ties, *shapes, lang, "svg")
    root = ET.fromstring(svg)
    assert (root.get("width"), root.get("height")) == ("1200pt", "520pt")
    texts = svg_texts(svg)
    assert panel_years() == (1985, 1995, 2005, 2015, model.RELEASE_YEAR)
    assert all(str(year) in texts for year in panel_years())
    assert label("state", "perhaps_begun", lang) in texts  # the key names every state, the rule below it
    assert any(t("through_time_legend", lang) == text for text in texts)
    markers = ids_with(svg, "tw-marker-")
    assert len(markers) == len(set(markers))  # one id per symbol, across the panels
    per_year = Counter(int(marker.split("-")[2]) for marker in markers)
    assert per_year == {year: len(dutch_places_in(dataset.ties, year)) for year in panel_years()}


def test_the_small_multiples_png_is_drawn_at_double_resolution(dataset, shapes):
    png = map_small_multiples(dataset.ties, *shapes, "en", "png")
    assert png_size(png) == (2400, 1040)
    assert len(png) < PUBLISHABLE


def test_the_formats_are_checked(dataset, shapes):
    with pytest.raises(ValueError, match="animation format"):
        map_animation(dataset.ties, *shapes, "nl", "mp4")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="image format"):
        map_small_multiples(dataset.ties, *shapes, "nl", "pdf")  # type: ignore[arg-type]
