"""Checks that sources say what they are cited for: an address that belongs to another story, and how
many independent publishers a record really has.

A news site's address usually carries its story's headline as words (`.../schoorsteenbrand-zorgt-
voor-...`). When none of those words occur in the title we record, the page may be another story that
only carries ours as a teaser; such a source must say so in its title. Copies of one report (an ANP
story in several papers, one Xinhua report in two outlets, a province and its China desk, the AD
group's regional papers) count as one publisher when counting "independent" sources.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote, urlsplit

import pandas as pd

# Words that say nothing about a story (address furniture, articles, prepositions).
_FURNITURE = frozenset(
    [
        "the",
        "and",
        "van",
        "het",
        "een",
        "met",
        "voor",
        "over",
        "naar",
        "bij",
        "uit",
        "nieuws",
        "news",
        "www",
        "html",
        "htm",
        "php",
        "aspx",
        "index",
        "article",
        "artikel",
        "detail",
        "with",
        "from",
        "for",
        "die",
        "der",
        "und",
        "des",
    ]
)
TEASER_LABEL = "teaser"  # the word a source's title carries when only a teaser of its story is on the page

# A publisher as written -> the publisher that is independent of the others: (pattern, group).
PUBLISHER_GROUPS: tuple[tuple[str, str], ...] = (
    (r"\bANP\b", "ANP"),
    (r"Xinhua(?! Daily)", "Xinhua"),  # the news agency; Xinhua Daily is Jiangsu's provincial paper
    (r"CPAFFC magazine|Voice of Friendship", "Voice of Friendship (CPAFFC)"),
    (r"^(Provincie Zuid-Holland|Dutch Sino Business Promotions)", "Provincie Zuid-Holland"),
    (
        r"^(AD\b|BD\b|Brabants Dagblad|Eindhovens Dagblad|BN DeStem|De Gelderlander|De Stentor|PZC|Tubantia)"
        r"|headline of AD|citing AD",
        "AD group (DPG regional papers)",
    ),
    (r"China Daily", "China Daily"),
    (r"China News Service|中国侨网", "China News Service"),
    (r"Hubei Daily", "Hubei Daily"),
    (r"^(Gemeente|Provincie) [^(]+", ""),  # a government under any of its channels: the name itself
)


def _fold(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))


def words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z]{3,}", _fold(text)) if word not in _FURNITURE}


def address_words(url: str) -> set[str]:
    """The words of an address's story slug: its last path part with three or more words, else none."""
    parts = [part for part in unquote(urlsplit(url).path).split("/") if part]
    for part in reversed(parts):
        found = words(re.sub(r"[~_.]", "-", part))
        if len(found) >= 3:
            return found
    return set()


def address_belongs_elsewhere(url: str, title: str) -> bool:
    """True when the address names a story in words and none of them occur in the title."""
    slug, titled = address_words(url), words(title)
    return bool(slug) and bool(titled) and not slug & titled


def mismatched_addresses(sources: pd.DataFrame) -> pd.DataFrame:
    """Sources whose address words do not occur in their title, with whether the title says 'teaser'."""
    flagged = sources[[address_belongs_elsewhere(u, t) for u, t in zip(sources["url"], sources["title"])]]
    return flagged.assign(labelled=flagged["title"].str.contains(TEASER_LABEL, case=False))


def independent_publisher(publisher: str) -> str:
    """The publisher a source counts as when counting independent sources (see PUBLISHER_GROUPS)."""
    for pattern, group in PUBLISHER_GROUPS:
        match = re.search(pattern, publisher)
        if match:
            return group or match.group(0).strip()
    copied = re.search(r"\((?:copy|repost|translation|mirror) of ([^)]+)\)", publisher)
    if not copied:
        return publisher.strip()
    original = re.sub(r"^(?:a|an|the) |(?: report| text| site)$|,? \d{4}-.*$", "", copied.group(1).strip())
    return independent_publisher(original)


def independent_count(source_ids: str, publishers: dict[str, str]) -> int:
    """How many independent publishers a record's sources have."""
    return len({independent_publisher(publishers[s]) for s in source_ids.split() if s in publishers})
