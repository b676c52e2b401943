"""The place search: one rule for the app (twinnings/search.py) and the static site (static/site/search.js),
held to one table of cases (tests/search_cases.json) over the shipped data, and bounded on any data."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from twinnings import APP_DIR, profiles, search
from twinnings.boundaries import EMBEDDED_DIR, read_boundaries
from twinnings.i18n import LANGS

HERE = Path(__file__).parent
CASES = json.loads((HERE / "search_cases.json").read_text(encoding="utf-8"))["cases"]
SEARCH_JS = APP_DIR / "static" / "site" / "search.js"


def query_of(case: dict) -> str:
    return case["query"] * case.get("repeat", 1)


@pytest.fixture(scope="module")
def directories(dataset) -> dict:
    municipalities = read_boundaries(EMBEDDED_DIR, "municipalities")
    provinces = read_boundaries(EMBEDDED_DIR, "provinces")
    return {lang: profiles.directory(dataset, municipalities, provinces, lang) for lang in LANGS}


@pytest.fixture(scope="module")
def entries(directories) -> dict:
    return {lang: search.entries(places, lang) for lang, places in directories.items()}


@pytest.mark.parametrize("case", CASES, ids=[f"{c['lang']}:{query_of(c)[:20]!r}" for c in CASES])
def test_the_app_search_answers_every_shared_case(entries, directories, case):
    found = search.find(entries[case["lang"]], query_of(case))
    assert (found[0].id if found else None) == case["first"], case["why"]
    shown = profiles.search(directories[case["lang"]], query_of(case), case["lang"])  # the app's search box
    assert list(shown["id"]) == [entry.id for entry in found[: search.RESULTS]]


def test_the_static_search_answers_every_shared_case_as_the_app_does(entries, tmp_path):
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed: static/site/search.js is not checked against the shared cases")
    for lang, found_in in entries.items():
        index = [entry.as_json() for entry in found_in]
        (tmp_path / f"search-{lang}.json").write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    runner = HERE / "js" / "search_cases.js"
    done = subprocess.run(
        [node, str(runner), str(SEARCH_JS), str(tmp_path), str(HERE / "search_cases.json")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    static = json.loads(done.stdout)
    differ = []
    for case, urls in zip(CASES, static, strict=True):
        app = [entry.url for entry in search.find(entries[case["lang"]], query_of(case))[: search.RESULTS]]
        if urls != app:
            differ.append(f"{case['lang']} {query_of(case)[:30]!r}: site {urls[:3]}, app {app[:3]}")
    assert differ == []


def test_folding_drops_accents_case_and_everything_but_letters_and_digits():
    assert search.fold("Den Haag") == search.fold("den-haag") == "denhaag"
    assert search.fold("Xi'an") == search.fold("Xī’ān") == "xian"
    assert search.fold("Fryslân") == "fryslan"
    assert search.fold("Ĳsselstein") == "ijsselstein"
    assert search.fold("西安市") == "西安市"
    assert search.fold_words("'s-Hertogenbosch").starts == {0, 1}


def test_a_query_and_a_name_are_cut_so_no_data_can_make_a_search_slow():
    hostile = search.Entry("GM9999", "x", "plaats/gm9999-x/", ("ab " * 2051,))  # 6,153 characters
    assert len(hostile.folded[0].text) == search.KEY_LIMIT
    assert search.needle_of("ab " * 100) == "ab" * 27  # the first 80 characters typed, folded
    assert len(search.needle_of("ab" * 150)) == search.MAX_QUERY_LENGTH
    assert search.find([hostile], "abx" * 100) == []
    assert search.typos("abababax", hostile.folded[0], 2) == 1


def test_near_misses_start_where_a_word_starts():
    name = search.fold_words("Valkenburg aan de Geul")
    assert search.typos("geull", name, 1) == 1  # the word 'Geul' with a letter too many
    assert search.typos("enbrug", name, 1) is None  # inside a word: no near miss
