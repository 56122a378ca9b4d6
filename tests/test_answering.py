from assistant.answering import E5_SMALL, UNCALIBRATED, Request, _Sentence, calibration_for, supported
from assistant.domain import Passage
from assistant.retrieval import Hit


def _req(question: str = "Waar kan ik terecht?", in_domain: bool = False) -> Request:
    return Request(question, "nl", "resident", ("Leiden",), (), False, "", in_domain)


def _hit() -> Hit:
    return Hit(Passage("c1", "d.txt", "T", "Leiden", 2025, "", "Tekst.", 0, 6, 1.0), dense=0.86, lexical=1.0)


def _cand(
    similarity: float, coverage: float = 0.5, text: str = "Inwoners kunnen terecht bij het wijkteam."
) -> _Sentence:
    return _Sentence(text, 0, 0, coverage, similarity, 1.0)


def test_sentence_similarity_gate_is_stricter_outside_the_social_domain():
    assert supported(_req(), [_hit()], [_cand(0.851)], E5_SMALL)
    assert not supported(_req(), [_hit()], [_cand(0.84)], E5_SMALL)
    assert supported(_req(in_domain=True), [_hit()], [_cand(0.835)], E5_SMALL)
    assert not supported(_req(in_domain=True), [_hit()], [_cand(0.82)], E5_SMALL)


def test_without_calibration_or_sentence_vectors_shared_terms_decide():
    assert supported(_req(), [_hit()], [_cand(0.2)], UNCALIBRATED)
    assert supported(_req(), [_hit()], [_cand(0.0)], E5_SMALL)  # no sentence vectors in the index
    weak = Hit(_hit().passage, dense=0.5, lexical=0.0)
    assert not supported(_req(), [weak], [_cand(0.0, coverage=0.0)], UNCALIBRATED)


def test_a_wanted_literal_fact_must_be_in_a_sentence_about_the_question():
    phone = _req("Wat is het telefoonnummer van het wijkteam?")
    assert not supported(phone, [_hit()], [_cand(0.9)], E5_SMALL)
    assert supported(phone, [_hit()], [_cand(0.9, text="Bel het wijkteam op 071 516 5000.")], E5_SMALL)


def test_calibration_belongs_to_the_model():
    assert calibration_for(".wegwijzer/models/multilingual-e5-small") == E5_SMALL
    assert calibration_for("hashing-256") == UNCALIBRATED
