"""The lexicon (`data/lexicon.yaml`) and the Indonesian stemmer, loaded once per process.

Spellings turn chat forms into standard words (`tgl` -> `tanggal`), phrases turn several words
into one (`top up` -> `isi ulang`), synonyms map a stem to the word matching uses (`payment` ->
`bayar`), stopwords carry no meaning. Stems come from Sastrawi (PySastrawi), cached.
"""

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml
from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Stemmer import Stemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

DATA = Path(__file__).resolve().parent / "data"
KEPT_NUMBERS = frozenset({"4444", "188", "24"})
"""Numbers that mean something in a question (SMS 4444 registration, 1x24 hours, 188)."""


@dataclass(frozen=True)
class Lexicon:
    """The normaliser's tables."""

    spellings: dict[str, tuple[str, ...]]
    phrases: dict[tuple[str, ...], tuple[str, ...]]
    synonyms: dict[str, str]
    stopwords: frozenset[str]
    grammar: dict[str, frozenset[str]]

    def words(self, word_class: str) -> frozenset[str]:
        """The words of a grammar class (`cues`, `wh`, `conjunctions` ...)."""
        return self.grammar.get(word_class, frozenset())

    @property
    def longest_phrase(self) -> int:
        """Words in the longest phrase key."""
        return max((len(k) for k in self.phrases), default=1)


def _spelled(words: list[str], spellings: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    out: list[str] = []
    for word in words:
        out.extend(spellings.get(word, (word,)))
    return tuple(out)


def _table(raw: dict, name: str) -> dict[str, str]:
    table = raw.get(name) or {}
    for key, value in table.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise ValueError(f"lexicon {name}: {key!r}: {value!r} must be text (quote yes/no)")
    return table


def parse_lexicon(raw: dict) -> Lexicon:
    """The tables of a lexicon document (see data/lexicon.yaml)."""
    spellings = {k: tuple(v.split()) for k, v in _table(raw, "spellings").items()}
    phrases = {
        _spelled(k.split(), spellings): tuple(v.split()) for k, v in _table(raw, "phrases").items()
    }
    synonyms = _table(raw, "synonyms")
    stopwords = frozenset(str(raw.get("stopwords") or "").split())
    grammar = {k: frozenset(v.split()) for k, v in _table(raw, "grammar").items()}
    return Lexicon(spellings, phrases, synonyms, stopwords, grammar)


@cache
def lexicon() -> Lexicon:
    """The lexicon of data/lexicon.yaml."""
    with (DATA / "lexicon.yaml").open(encoding="utf-8") as handle:
        return parse_lexicon(yaml.safe_load(handle))


@cache
def _stemmer() -> Stemmer:
    return Stemmer(ArrayDictionary(StemmerFactory().get_words()))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Indonesian root of a lower-case word (the word itself when Sastrawi finds none)."""
    return str(_stemmer().stem_word(word)) or word


def is_indonesian_word(word: str) -> bool:
    """Whether Sastrawi's dictionary holds the word, or a root of four letters or more it was
    made from (a real word, not a typo: `seria` is not `se-` + `ria`)."""
    dictionary = _stemmer().get_dictionary()
    root = stem(word)
    return bool(dictionary.contains(word) or (len(root) >= 4 and dictionary.contains(root)))
