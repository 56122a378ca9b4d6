"""BM25 over chunks with Dutch stemming, as a small inverted index (fast at 100k+ chunks)."""

from __future__ import annotations

import math
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from os.path import commonprefix
from typing import Protocol, cast

from assistant.common_words import PARTICLES, everyday_verb

# A number with separators is one token: "1.200" (the thousands separator dropped, so it matches "1200")
# or "17.0077" (a reference, which must not match the 17 of "mijn zoon van 17").
WORD = re.compile(r"\d+(?:[.,]\d+)+|[0-9a-zà-ÿ]+(?:[-'][0-9a-zà-ÿ]+)*", re.IGNORECASE)
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")

# How near its end a word's typo is mended before stemming: the endings Dutch stemming strips ("-en", "-ing",
# "-lijk", "-heden") are mostly this short. Further in, an edit may make a prefix the stemmer strips: "bezwaar"
# one letter off is "gezwaar", which stems to "zwaar".
_SUFFIX = 6
_LOWER = "abcdefghijklmnopqrstuvwxyz"
STOPWORDS = frozenset(
    """de het een en of maar dat die dit deze der den des van voor na naar in op uit aan bij met
    om over onder tot door als dan ook nog wel niet geen te er hier daar waar wat wie welke welk
    hoe is zijn was waren wordt worden werd werden heeft hebben had hadden kan kunnen kon zal zullen
    moet moeten mag mogen wil willen zou zouden je jij jou jouw u uw ik me mij mijn we wij ons onze
    hij zij ze haar hem hun zich zo al alle meer veel zeer heel dus want omdat doordat toch even
    eigenlijk gewoon ff iets iemand welke hoeveel wanneer waarom hoezo graag a an the and or of to
    in on at for with by from is are was were be been do does did have has had i you he she it we
    they my your our their this that these those what which who how when where why can could would
    should will shall may might must about as into than then there here not no yes any some
    ofzo enzo nou echt weleens eens""".split()
)


KIN = 6  # the letters two terms of one word family share at least (see `BM25Index.kin`)


class _Stemmer(Protocol):
    """The part of a snowballstemmer stemmer we use (the package has no type information)."""

    def stemWord(self, word: str) -> str: ...


_THREAD = threading.local()


def _stemmer() -> _Stemmer:
    """This thread's stemmer: a snowball stemmer keeps the word it works on in itself, and the web app answers
    requests in several threads at once (two sharing one stemmer raised IndexError mid-word)."""
    stemmer = getattr(_THREAD, "stemmer", None)
    if stemmer is None:
        import snowballstemmer

        stemmer = _THREAD.stemmer = cast(_Stemmer, snowballstemmer.stemmer("dutch"))
    return stemmer


# Snowball's Dutch stemmer takes "ge" off a word's front (after a prefix or particle): right for a participle
# ("gevraagd", "aangevraagd": "vraag", "aanvraag"), wrong for the words that begin with it. "geweld" became "wel", a
# stop word, so the word was lost; "gezin" became "zin", "gewoon" "woon", "gezondheid" "zon", "begeleiding"
# "beleid". The "ge" stays unless the word is a weak participle of an everyday verb.
_BEFORE_GE = ("", "be", *PARTICLES)


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    stemmed = _stemmer().stemWord(word)
    for before in _BEFORE_GE:
        if word.startswith(f"{before}ge") and stemmed.startswith(before) and not stemmed.startswith(f"{before}ge"):
            rest = stemmed[len(before) :]
            # Only the weak participle's own shape ("ge" + stem + "d"/"t"): "gezinnen" and "gevolgen" are plurals.
            shaped = word[len(before) + 2 :] in (f"{rest}d", f"{rest}t")
            return stemmed if shaped and everyday_verb(rest, before) is not None else f"{before}ge{rest}"
    return stemmed


def words(text: str) -> list[str]:
    """Lower-cased word tokens; hyphenated words also give their parts."""
    out: list[str] = []
    for w in WORD.findall(text.lower().replace("%", " procent")):
        if _THOUSANDS.fullmatch(w):
            w = w.replace(".", "")
        out.append(w)
        if "-" in w:
            out.extend(part for part in w.split("-") if part)
    return out


def terms(text: str) -> list[str]:
    """Stemmed content terms (no stop words) as used by the index and the answer scorer."""
    return [term for _, term in _stemmed(text)]


def _stemmed(text: str) -> Iterator[tuple[str, str]]:
    """The content words of `text` with their stems."""
    for w in words(text):
        # A word whose stem is a stop word is one too: "alles" stems to "al", which no document would otherwise have.
        if w not in STOPWORDS and len(w) > 1 and (s := stem(w)) not in STOPWORDS:
            yield w, s


def one_typo(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by exactly one letter added, dropped, changed or swapped with its neighbour."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


class BM25Index:
    """Okapi BM25 (k1=1.5, b=0.75) that only touches chunks containing a query term."""

    def __init__(self, texts: Sequence[str], k1: float = 1.5, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.lengths: list[int] = []
        # The words the documents write for each term: a question's typo is mended to the nearest ("eenzaamhied").
        self.forms: dict[str, set[str]] = defaultdict(set)
        for i, text in enumerate(texts):
            stemmed = list(_stemmed(text))
            for w, term in stemmed:
                self.forms[term].add(w)
            counts = Counter(term for _, term in stemmed)
            self.lengths.append(sum(counts.values()))
            for term, tf in counts.items():
                self.postings[term].append((i, tf))
        self.n = len(self.lengths)
        self.avg_length = (sum(self.lengths) / self.n) if self.n else 1.0
        self._compounds: dict[str, list[str]] = {}
        self._heads: dict[str, list[str]] = {}
        self._by_prefix: dict[str, list[str]] | None = None
        self._kin: dict[str, list[str]] = {}
        self._letters: set[str] | None = None
        # A question's typos are looked for twice (to mend its text, then its terms), and each costs up to 50 ms.
        self._corrections: dict[tuple[str, str], str | None] = {}

    def idf(self, term: str) -> float:
        df = len(self.postings.get(term, ()))
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def compounds(self, term: str) -> list[str]:
        """Indexed Dutch compounds built on `term`: 'ruzie' -> 'burenruzie'.

        Dutch compounds end in their head word, so any term of five letters or more may end one;
        only longer terms may start one ('schuldhulp' -> 'schuldhulpverlening'), since short
        prefixes make false compounds ('terecht' -> 'terechtkomen').
        """
        if len(term) < 5:
            return []
        if term not in self._compounds:
            self._compounds[term] = [
                t
                for t in self.postings
                if len(t) >= len(term) + 3 and (t.endswith(term) or (len(term) >= 8 and t.startswith(term)))
            ]
        return self._compounds[term]

    def heads(self, term: str) -> list[str]:
        """Indexed head words of a Dutch compound `term`: 'subsidieregeling' -> 'regeling'.

        A text about "de regeling" may be about the subsidieregeling a question names; five letters at
        least, and three left over for the modifier, as for `compounds`.
        """
        if term not in self._heads:
            self._heads[term] = [term[i:] for i in range(3, len(term) - 4) if term[i:] in self.postings]
        return self._heads[term]

    def kin(self, term: str) -> list[str]:
        """Indexed terms of the same word family as `term`: they share its first letters, six at least and most of
        the shorter word ('oekraïens' and 'oekraïner'; 'bijstandsuitkeer' and 'bijstandsrecht'). Stemming leaves
        such pairs apart, and a question rarely uses the documents' own form of a word."""
        if len(term) < KIN:
            return []
        if self._by_prefix is None:
            # Built whole before it is shared: another request's thread may ask for kin meanwhile.
            by_prefix: defaultdict[str, list[str]] = defaultdict(list)
            for t in self.postings:
                if len(t) >= KIN and not t[0].isdigit():
                    by_prefix[t[:KIN]].append(t)
            self._by_prefix = by_prefix
        if term not in self._kin:
            self._kin[term] = [
                t
                for t in self._by_prefix.get(term[:KIN], ())
                if t != term and len(commonprefix((t, term))) >= 0.6 * min(len(t), len(term))
            ]
        return self._kin[term]

    def parts(self, term: str) -> list[str]:
        """Indexed terms a Dutch compound the documents never use is made of: 'bijstandsuitker' ->
        ['bijstand', 'uitker'] ("bijstandsuitkering": the documents speak of bijstand and of uitkering).

        The modifier may carry a linking 's', 'e' or 'en' ("daklozenopvang", "zwangerschapsmaand").
        """
        if term in self.postings:
            return []
        for head in self.heads(term):
            modifier = term[: -len(head)]
            for bare in (
                modifier,
                modifier[:-1] if modifier[-1] in "se" else "",
                modifier[:-2] if modifier.endswith("en") else "",
            ):
                if len(bare) >= 3 and stem(bare) in self.postings:
                    return [stem(bare), head]
        return []

    def correction(self, term: str, word: str = "") -> str | None:
        """The indexed term or stop word one edit (a letter dropped, added, changed or two swapped) from
        `term`, the most used one when there are several: "bijzondr" is a typo of the documents'
        "bijzonder", "hoevel" of "hoeveel". A typo in an inflected `word` is mended before stemming: the
        stem of "halverern" is no edit from any, but "halveren" is one from it and stems to "halver". None for
        an indexed term, a short one (short words are one edit from many others) or one without such a
        neighbour."""
        if len(term) < 5 or term in self.postings:
            return None
        if (term, word) not in self._corrections:
            self._corrections[term, word] = self._correction(term, word)
        return self._corrections[term, word]

    def _correction(self, term: str, word: str) -> str | None:
        found = [e for e in self._edits(term) if e in self.postings or e in STOPWORDS]
        if not found and word:
            # Only near the end does an edit change what stemming strips; one further in was an edit of the stem,
            # tried above. Stemming every edit of a long word cost up to 50 ms.
            near_end = self._edits(word, start=max(0, len(word) - _SUFFIX), letters=_LOWER)
            found = [s for s in {stem(e) for e in near_end} if s != term and s in self.postings]
        # A stop word first (it is what was meant by "hoevel"); then the most used term, ties alphabetical.
        return min(found, key=lambda e: (e not in STOPWORDS, -len(self.postings.get(e, ())), e), default=None)

    def _edits(self, word: str, start: int = 0, letters: Iterable[str] = ()) -> set[str]:
        """The strings one edit from `word` at or after `start`, in `letters` (default: the documents')."""
        if self._letters is None:
            self._letters = set("".join(self.postings))
        letters = tuple(letters) or tuple(self._letters)
        splits = [(word[:i], word[i:]) for i in range(start, len(word) + 1)]
        return {
            *(a + b[1:] for a, b in splits if b),
            *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
            *(a + c + b[1:] for a, b in splits if b for c in letters),
            *(a + c + b for a, b in splits for c in letters),
        } - {word}

    def near(self, term: str) -> bool:
        """`term` is not indexed but one edit from a term that is, or from a stop word."""
        return self.correction(term) is not None

    def expand(self, query: str) -> dict[str, float]:
        """Query terms with their weights: the terms themselves, and their compounds at half weight."""
        weights: dict[str, float] = {}
        for term in dict.fromkeys(terms(query)):  # in question order: sums must not depend on the hash seed
            weights[term] = 1.0
            for compound in self.compounds(term):
                weights.setdefault(compound, 0.5)
        return weights

    def scores(self, query: str, allowed: set[int] | None = None) -> dict[int, float]:
        out: dict[int, float] = defaultdict(float)
        for term, weight in self.expand(query).items():
            idf = self.idf(term) * weight
            for i, tf in self.postings.get(term, ()):
                if allowed is not None and i not in allowed:
                    continue
                norm = self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avg_length)
                out[i] += idf * tf * (self.k1 + 1) / (tf + norm)
        return out

    def top(self, query: str, k: int, allowed: set[int] | None = None) -> list[tuple[int, float]]:
        return sorted(self.scores(query, allowed).items(), key=lambda item: -item[1])[:k]
