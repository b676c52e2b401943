"""'Report a correction' links: prefilled for one record, to an issue tracker or a mailto address."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from twinnings import corrections, maps
from twinnings.settings import from_env


def test_a_tracker_gets_title_and_body_naming_the_record():
    url = corrections.report_url("https://tracker.example/issues/new", "tie", "arnhem--wuhan", "nl")
    query = parse_qs(urlparse(url).query)
    assert query["title"] == ["Correctie band arnhem--wuhan"]
    assert "Record: arnhem--wuhan" in query["body"][0]


def test_a_mailto_target_gets_subject_and_body():
    url = corrections.report_url("mailto:data@example.org", "event", "2021-07-21-arnhem-ends-wuhan", "en")
    assert url.startswith("mailto:data@example.org?subject=Correction%20event%202021-07-21-arnhem-ends-wuhan")


def test_a_target_with_a_fragment_gets_the_prefill_before_it():
    url = corrections.report_url("https://tracker.example/issues/new#top", "tie", "x--y", "en")
    assert url.startswith("https://tracker.example/issues/new?title=Correction") and url.endswith("#top")
    assert parse_qs(urlparse(url).query)["title"] == ["Correction tie x--y"]


def test_a_mailto_target_with_a_query_gets_one_question_mark():
    url = corrections.report_url("mailto:desk@example.nl?cc=editor@example.nl", "tie", "x--y", "nl")
    assert url.count("?") == 1
    assert url.startswith("mailto:desk@example.nl?cc=editor@example.nl&subject=Correctie%20band%20x--y")


def test_without_a_target_the_link_leads_to_the_policy():
    assert corrections.report_url(None, "tie", "x--y", "nl", "http://host/") == "http://host/data#correcties"


def test_the_setting_accepts_only_http_or_mailto():
    assert from_env({"TWINNINGS_CORRECTIONS_URL": "mailto:a@b.nl"}).corrections_url == "mailto:a@b.nl"
    with pytest.raises(ValueError, match="TWINNINGS_CORRECTIONS_URL"):
        from_env({"TWINNINGS_CORRECTIONS_URL": "javascript:alert(1)"})


def test_serve_refuses_a_bad_setting_before_the_server_starts(monkeypatch, capsys):
    from twinnings.serve import serve

    monkeypatch.setenv("TWINNINGS_CORRECTIONS_URL", "javascript:alert(1)")
    assert serve([]) == 2
    assert "TWINNINGS_CORRECTIONS_URL" in capsys.readouterr().err


def test_map_popups_carry_a_correction_link_per_tie(dataset):
    arnhem = dataset.ties[dataset.ties["id"] == "arnhem--wuhan"]
    html = maps.popup_html(
        "Arnhem",
        arnhem.to_dict("records"),
        maps.source_lookup(dataset.sources),
        "nl",
        correction_of=lambda tie_id: f"https://tracker.example/new?id={tie_id}",
    )
    assert 'href="https://tracker.example/new?id=arnhem--wuhan"' in html and "Meld een correctie" in html
