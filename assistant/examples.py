"""Example questions for the page, chosen for what the index holds.

Each template asks about one topic; a topic is offered for the municipality whose documents
mention its key term most often, so examples lead to answers in any corpus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from assistant.lexical import BM25Index, terms

# (key term as written, question with {m} for the municipality's name)
TEMPLATES: tuple[tuple[str, str], ...] = (
    ("mantelzorg", "Ik zorg voor mijn zieke moeder in {m}. Bij wie kan ik terecht?"),
    ("bijzondere bijstand", "Kan ik in {m} bijzondere bijstand krijgen voor een wasmachine?"),
    ("schulden", "Ik heb schulden en kom niet meer rond in {m}. Wie kan mij helpen?"),
    ("eenzaamheid", "Welke organisatie helpt bij eenzaamheid in {m}?"),
    ("jeugdhulp", "Waar kan ik in {m} terecht met vragen over jeugdhulp?"),
    ("minima", "We hebben weinig geld. Welke regelingen heeft de gemeente {m} voor minima?"),
    ("inburgering", "Hoe helpt de gemeente {m} bij inburgering?"),
    ("giften", "Mag ik geld van mijn familie krijgen als ik in {m} een bijstandsuitkering heb?"),
    ("terugvordering", "Wat gebeurt er in {m} als ik te veel bijstand heb gekregen?"),
    ("opvang", "Hoeveel opvangplekken moet {m} organiseren?"),
    ("wmo", "Hoe vraag ik in {m} ondersteuning uit de Wmo aan?"),
)


def choose(index: BM25Index, municipality_of: Sequence[str], indexed: Sequence[str], n: int = 4) -> list[str]:
    """Up to `n` example questions about the indexed municipalities, best-covered topics first.

    `municipality_of[i]` is the municipality of the index's i-th passage.
    """
    scored: list[tuple[int, str, str]] = []
    for term, template in TEMPLATES:
        wanted = terms(term)
        per_municipality: Counter[str] = Counter()
        for i, _ in index.postings.get(wanted[-1], ()) if wanted else ():
            per_municipality[municipality_of[i]] += 1
        per_municipality = Counter({m: c for m, c in per_municipality.items() if m in indexed})
        if per_municipality:
            municipality, count = per_municipality.most_common(1)[0]
            scored.append((count, municipality, template))
    # Spread the examples over the municipalities before repeating one; best-covered topic first.
    out: list[str] = []
    used: Counter[str] = Counter()
    while scored and len(out) < n:
        count, municipality, template = min(scored, key=lambda s: (used[s[1]], -s[0]))
        scored.remove((count, municipality, template))
        out.append(template.format(m=municipality))
        used[municipality] += 1
    return out
