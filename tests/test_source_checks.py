"""Sources that say what they are cited for: addresses of another story, and independent publishers."""

from __future__ import annotations

from twinnings import source_checks


def test_an_address_that_names_another_story_is_found():
    chimney_fire = (
        "https://www.bd.nl/tilburg-e-o/schoorsteenbrand-zorgt-voor-grote-schade-in-woning-in-tilburg~ab6702ef/"
    )
    assert source_checks.address_belongs_elsewhere(
        chimney_fire, "Verbreek alle stedenbanden met China, roept de PvdA op"
    )
    own = "https://www.nrc.nl/nieuws/2023/05/07/gemeenten-breken-met-china-a4164061"
    assert not source_checks.address_belongs_elsewhere(own, "Gemeenten breken met China")
    assert not source_checks.address_belongs_elsewhere("https://example.org/p?id=4", "Anything")  # no words: no claim


def test_the_shipped_sources_that_carry_only_a_teaser_say_so(dataset):
    flagged = source_checks.mismatched_addresses(dataset.sources).set_index("id")
    assert flagged.loc["brabants-dagblad-2022-12-14-verbreek-alle-stedenbanden-met", "labelled"]
    assert flagged.loc["bd-eindhovens-dagblad-2021-08-30-chinees-paviljoen-lijkt-wel", "labelled"]


def test_copies_of_one_report_count_as_one_publisher():
    fold = source_checks.independent_publisher
    assert fold("Nederlands Dagblad (ANP)") == fold("ZeelandNet (ANP)") == "ANP"
    assert fold("中国政府网 (Xinhua)") == fold("wanpiaopiao.cn (repost of Xinhua)") == "Xinhua"
    assert fold("People's Daily Online Jiangsu (Xinhua Daily)") != "Xinhua"  # a provincial paper, not the agency
    assert fold("Dutch Sino Business Promotions") == fold("Provincie Zuid-Holland (China Desk)")
    assert fold("BN DeStem") == fold("AD / Eindhovens Dagblad") == fold("De Gelderlander")
    assert fold("TopicsExpress (repost of a Provincie Flevoland text)") == "Provincie Flevoland"
    publishers = {"a": "Nieuws.nl (ANP)", "b": "Nederlands Dagblad (ANP)", "c": "NRC"}
    assert source_checks.independent_count("a b c", publishers) == 2
