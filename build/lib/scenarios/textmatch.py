"""Matching a free-text question (Indonesian or English) to a SOP question.

Words are lower-cased, stripped of function words and of common Indonesian/English affixes
(`pembayaran`, `membayar`, `bayarnya` -> `bayar`), then compared with rapidfuzz so typos pass.
A question scores by how much of one of its phrases the text contains, or how much of the text
its phrases contain; the best question wins if it clears the threshold.
"""

import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

THRESHOLD = 0.6
TOKEN_SIMILARITY = 85
_STOPWORD_TEXT = """
a an the you your yours i me my we our is are was were be been do does did done have has had
to of in on at for from with by and or any some this that it its please can could would will
there here about as if so just also get got kindly sir madam what which how apa apakah yang
anda bapak ibu kak kakak pak bu mas mbak sudah belum ya yah sih dong deh kah dan atau di ke
dari untuk dengan pada itu ini tersebut saya kami kita kamu mohon tolong boleh bisa ada tahu
bagaimana gimana nya lah pun juga masih saja
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_PREFIXES = (
    "mempe",
    "meng",
    "meny",
    "mem",
    "men",
    "me",
    "peng",
    "peny",
    "pem",
    "pen",
    "pe",
    "ber",
    "ter",
    "di",
)
_SUFFIXES = ("nya", "kan", "lah", "an", "ing", "ed", "es", "s", "i")


def stem(word: str) -> str:
    """A crude stem: one prefix and one suffix off, never below four letters."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return word[len(prefix) :]
    return word


def tokens(text: str) -> tuple[str, ...]:
    """Content words of a text, stemmed, in order, without repeats."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return tuple(dict.fromkeys(stem(w) for w in words if w not in STOPWORDS and len(w) > 1))


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    return fuzz.ratio(a, b) >= TOKEN_SIMILARITY


def _contains(bag: Sequence[str], word: str) -> bool:
    return any(_same(word, other) for other in bag)


def score(query: Sequence[str], phrases: Iterable[Sequence[str]]) -> tuple[float, int]:
    """(score 0-1, words matched) of a question's phrases against the query's words."""
    phrases = [p for p in phrases if p]
    best_cover, best_hits = 0.0, 0
    bag: list[str] = []
    for phrase in phrases:
        hits = sum(1 for word in phrase if _contains(query, word))
        cover = hits / len(phrase)
        if (cover, hits) > (best_cover, best_hits):
            best_cover, best_hits = cover, hits
        bag += phrase
    found = sum(1 for word in query if _contains(bag, word))
    within = found / len(query) if query else 0.0
    return max(best_cover, within), max(best_hits, found)


def best_match(
    query: str, bank: Sequence[tuple[str, Sequence[Sequence[str]]]]
) -> tuple[str | None, float]:
    """The id of the best-matching question in `bank` (id, phrases as words), and its score."""
    words = tokens(query)
    if not words:
        return None, 0.0
    best: tuple[float, int, int] = (0.0, 0, 0)
    best_id: str | None = None
    for order, (question_id, phrases) in enumerate(bank):
        value, hits = score(words, phrases)
        if (value, hits, -order) > best:
            best, best_id = (value, hits, -order), question_id
    if best[0] < THRESHOLD or best_id is None:
        return None, best[0]
    return best_id, best[0]
