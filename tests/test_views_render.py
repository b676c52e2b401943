"""Every view renders for any address, also a selection that matches nothing, and says so in a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from streamlit.testing.v1 import AppTest

from tests.test_routes import links
from twinnings import filters, i18n, routes
from twinnings.filters import EventFilter
from twinnings.routes import Link
from twinnings.ui import state

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def run_link(link: Link) -> AppTest:
    """Open `link` as a visitor would: its address on the first load, a profile's place by its link."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TWINNINGS_TILES", "none")
        patch.setattr(state, "embedding", lambda: link.embedded)
        at = AppTest.from_file(APP, default_timeout=60)
        for name, values in link.query().items():
            if name != "place":
                at.query_params[name] = values
        at.run()
        if link.place:
            at.query_params["place"] = link.place
        if not link.embedded and link.page != routes.HOME:
            at.switch_page(routes.PAGE[link.page].script)
        if link.place or (not link.embedded and link.page != routes.HOME):
            at.run()
    return at


def test_an_empty_events_selection_renders_and_says_so(dataset):
    link = Link(page="events", events=EventFilter(("termination",), ("cn_to_nl",), ("cpaffc",)))
    events = filters.apply_events(link.events, dataset.events)
    assert events.empty  # the combination from the issue: three ordinary choices, no event
    at = run_link(link)
    assert not at.exception, at.exception
    assert any("Geen gebeurtenissen" in info.value for info in at.info)
    assert at.dataframe[0].value.empty


def on_every_page_and_view(test):
    """Every page in each language, and every embeddable view, as explicit examples: the random ones then
    need not find them all (with few examples they missed some embeds) and can spend themselves on the
    filters, places and languages a view is combined with."""
    for page in routes.PAGES:
        for lang in i18n.LANGS:
            test = example(link=Link(page=page.name, lang=lang))(test)
    for n, view in enumerate(routes.EMBEDDABLES):
        test = example(link=Link(show=view.show, lang=i18n.LANGS[n % len(i18n.LANGS)]))(test)
    return test


@settings(max_examples=18, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(link=links)
@on_every_page_and_view
def test_every_view_renders_for_any_link(dataset, link):
    at = run_link(link)
    assert not at.exception, (link.href(), at.exception)
    nothing = filters.apply(link.filter, dataset.ties).empty
    shows_ties = link.show in routes.TIE_VIEWS if link.show else link.page in ("map", "timeline")
    if nothing and shows_ties and not link.place:
        assert at.info, f"{link.href()}: an empty selection must be said in a sentence"
