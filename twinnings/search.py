"""The place search, one rule for the app and the static site.

static/site/search.js is this module's mirror, step for step; tests/search_cases.json holds the cases both
must answer alike (tests/test_search.py runs them through both). The rule:

- A query is cleaned (control characters dropped, trimmed, cut at MAX_QUERY_LENGTH characters) and folded
  like every name: lower case, compatibility-decomposed (NFKD: 'Ĳ' is 'ij'), accents dropped, and every
  character that is no letter or digit dropped (spaces, apostrophes, hyphens, dots). So 'Den Haag' is
  'denhaag', "Xi'an" is 'xian', 'Fryslân' is 'fryslan'. A folded name is cut at KEY_LIMIT characters
  (no place name is that long: `validate` rejects names over model.MAX_NAME_LENGTH).
- A place matches when one of its names holds the folded query: the name equal to it first, then names
  starting with it, then names holding it anywhere.
- Only when no place's name holds the query do near misses count (a typo: 'tilbrug', 'Rotterdm'): for a
  query of TYPO_MIN or more letters, a stretch of a name that starts where one of its words starts and lies
  within 1 edit (queries of 4-6 letters) or 2 (longer) of the query; an edit inserts, deletes or replaces a
  letter or swaps two neighbours. Fewer edits first, then names closer to the query's length ('xain' finds
  Xi'an before Hainan).
- Equally good places keep the order of their folded labels, then their order in the index.

Cost: a typo check is one pass over the name's letters with a column per letter as long as the query,
skipping from word start to word start once no stretch can still match, so at most
MAX_QUERY_LENGTH x KEY_LIMIT steps per name, whatever the data holds.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from twinnings.i18n import Lang, label
from twinnings.model import MAX_NAME_LENGTH

MAX_QUERY_LENGTH = 80  # characters of a query, as the app's search box and the site's take at most
KEY_LIMIT = 2 * MAX_NAME_LENGTH  # folded characters of a name that count (folding can lengthen: 'ǆ' is 'dž')
TYPO_MIN = 4  # letters a query needs before near misses count
RESULTS = 12  # places a search shows


def clean(query: str) -> str:
    """A query without control or other invisible format characters, trimmed, at most MAX_QUERY_LENGTH long."""
    printable = "".join(ch for ch in query if unicodedata.category(ch)[0] != "C")
    return printable.strip()[:MAX_QUERY_LENGTH]


@dataclass(frozen=True)
class Folded:
    """A name or query folded for matching, and where each of its words starts."""

    text: str
    starts: frozenset[int]


def fold_words(text: str, limit: int = KEY_LIMIT) -> Folded:
    """Lower case, NFKD, accents (marks) dropped, only letters and digits kept, at most `limit` of them.
    A word starts at the first kept character and at each one after a dropped character that is no mark."""
    chars: list[str] = []
    starts: set[int] = set()
    gap = True
    for ch in unicodedata.normalize("NFKD", text.lower()):
        kind = unicodedata.category(ch)[0]
        if kind in "LN":
            if len(chars) >= limit:
                break
            if gap:
                starts.add(len(chars))
            chars.append(ch)
            gap = False
        elif kind != "M":
            gap = True
    return Folded("".join(chars), frozenset(starts))


def fold(text: str, limit: int = KEY_LIMIT) -> str:
    """'Den Haag' -> 'denhaag', "Xi'an" -> 'xian', 'Fryslân' -> 'fryslan', 'Ĳssel' -> 'ijssel'."""
    return fold_words(text, limit).text


def needle_of(query: str) -> str:
    """The folded query: what every name is compared with."""
    return fold(clean(query), MAX_QUERY_LENGTH)


def allowed_typos(needle: str) -> int:
    """Edits a near miss may need: none below TYPO_MIN letters, 1 up to six, 2 from seven."""
    if len(needle) < TYPO_MIN:
        return 0
    return 1 if len(needle) < 7 else 2


def holds(needle: str, key: Folded) -> int | None:
    """0 when the name is the query, 1 when it starts with it, 2 when it holds it elsewhere, else None."""
    if not needle:
        return None
    if key.text == needle:
        return 0
    if key.text.startswith(needle):
        return 1
    return 2 if needle in key.text else None


def typos(needle: str, key: Folded, allowed: int) -> int | None:
    """The fewest edits (insert, delete, replace, swap neighbours) that turn the needle into a stretch of
    the name starting at one of its word starts, when at most `allowed`; else None.

    Column j holds, for each i, the cost of the needle's first i letters against a stretch ending at the
    name's j-th letter, saturated at allowed + 1; a column may restart (cost 0) only at a word start.
    Once two columns in a row are all saturated, nothing can match before the next word start, so the
    pass jumps there."""
    m, n = len(needle), len(key.text)
    if allowed < 1 or m == 0 or n == 0 or n < m - allowed:
        return None
    cap = allowed + 1
    text = key.text
    if sum((Counter(needle) - Counter(text)).values()) > allowed:  # letters the name lacks: an edit each
        return None
    dead = [cap] * (m + 1)
    before, previous = dead, [min(i, cap) for i in range(m + 1)]  # column 0: the name's first word
    best = previous[m]
    j = 1
    while j <= n:
        if previous is dead and before is dead and j not in key.starts:
            later = [s for s in key.starts if s > j]
            if not later:
                break
            j = min(later)
            continue
        letter = text[j - 1]
        column = [0 if j in key.starts else min(previous[0] + 1, cap)]
        for i in range(1, m + 1):
            wanted = needle[i - 1]
            cost = min(previous[i] + 1, column[i - 1] + 1, previous[i - 1] + (wanted != letter))
            if i > 1 and j > 1 and wanted == text[j - 2] and needle[i - 2] == letter:
                cost = min(cost, before[i - 2] + 1)
            column.append(min(cost, cap))
        best = min(best, column[m])
        before, previous = previous, (dead if min(column) >= cap else column)
        j += 1
    return best if best <= allowed else None


@dataclass(frozen=True)
class Entry:
    """One place as the search knows it: its id, the label a result shows, its page on the static site
    (relative to the language's folder) and the names a reader may type."""

    id: str
    label: str
    url: str
    keys: tuple[str, ...]
    folded: tuple[Folded, ...] = field(init=False, repr=False, compare=False)
    order: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", tuple(fold_words(key) for key in self.keys))
        object.__setattr__(self, "order", fold(self.label))

    def as_json(self) -> dict:
        """The entry as the site's search-<lang>.json holds it: n(ame), u(rl), k(eys)."""
        return {"n": self.label, "u": self.url, "k": list(self.keys)}


def entries(places: pd.DataFrame, lang: Lang) -> list[Entry]:
    """Every place of a profile directory (profiles.directory) with the names a reader may type: the name,
    both languages' names where the data has them ('Den Haag', 'The Hague'), Hanzi and pinyin."""
    from twinnings import routes  # routes reads the filters, and the filters read this module

    found = []
    for place in places.itertuples():
        names = (place.name, place.name_nl, place.name_en, place.name_zh, place.pinyin)
        keys = tuple(name for name in dict.fromkeys(names) if isinstance(name, str) and name)
        url = f"{routes.SITE_PLACE}/{routes.place_slug(place.id, place.name_nl)}/"
        found.append(Entry(place.id, f"{place.name} ({label('level', place.level, lang)})", url, keys))
    return found


def index(places: pd.DataFrame, lang: Lang) -> list[dict]:
    """The static site's search index of a language (assets/search-<lang>.json)."""
    return [entry.as_json() for entry in entries(places, lang)]


def find(found_in: Sequence[Entry], query: str) -> list[Entry]:
    """Every place the query finds, best first (see the module's rule)."""
    needle = needle_of(query)
    if not needle:
        return []
    ranked = []
    for position, entry in enumerate(found_in):
        tiers = [tier for key in entry.folded if (tier := holds(needle, key)) is not None]
        if tiers:
            ranked.append((min(tiers), entry.order, position, entry))
    if not ranked:
        allowed = allowed_typos(needle)
        for position, entry in enumerate(found_in):
            near = [
                (edits, abs(len(key.text) - len(needle)))
                for key in entry.folded
                if (edits := typos(needle, key, allowed)) is not None
            ]
            if near:
                ranked.append((min(near), entry.order, position, entry))
    return [entry for *_, entry in sorted(ranked, key=lambda r: r[:3])]


def matching(names: Iterable[str], query: str) -> set[str]:
    """The names the query finds by the same rule: those that hold it, else its near misses."""
    needle = needle_of(query)
    if not needle:
        return set()
    folded = {name: fold_words(name) for name in names}
    hits = {name for name, key in folded.items() if holds(needle, key) is not None}
    if hits:
        return hits
    allowed = allowed_typos(needle)
    return {name for name, key in folded.items() if typos(needle, key, allowed) is not None}
