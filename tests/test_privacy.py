from assistant import guard
from assistant.privacy import MARKER, is_bsn, is_iban, mask


def test_bsn_eleven_test_and_iban_check():
    assert is_bsn("111222333") and is_bsn("123456782")
    assert not is_bsn("123456789") and not is_bsn("000000000")
    assert is_iban("NL91 ABNA 0417 1643 00") and not is_iban("NL92 ABNA 0417 1643 00")


def test_personal_data_is_masked_and_the_rest_stays():
    text = (
        "Ik ben jan.jansen@example.nl, bel 06-12345678 of +31 71 516 5000. Mijn BSN is 111222333 en mijn "
        "rekening NL91ABNA0417164300. Hoeveel krijg ik? Het gaat om € 123456789 niet, en 10% in 2025."
    )
    masked = mask(text)
    for secret in ("jan.jansen", "06-12345678", "516 5000", "111222333", "NL91ABNA0417164300"):
        assert secret not in masked
    assert masked.count("[persoonsgegeven]") == 5
    # A nine-digit number that fails the 11-test is not a BSN; amounts, percentages and years stay.
    assert "123456789" in masked and "10% in 2025" in masked
    assert mask("BSN 111222333, graag.") == "BSN [persoonsgegeven], graag."
    assert mask("een bedrag van 111.222.333,00 euro") == "een bedrag van 111.222.333,00 euro"


def test_the_marker_does_not_make_a_question_ask_for_contact_details():
    assert guard.answer_type(f"Ik ben {MARKER}, waar kan ik terecht met schulden?") is None


def test_the_access_log_never_shows_a_query_string():
    import logging

    from web.logs import NoQueryStrings

    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        "",
        0,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/api/search?q=mijn+bsn+is+123456782", "1.1", 200),
        None,
    )
    NoQueryStrings().filter(record)
    assert "123456782" not in record.getMessage() and "/api/search?…" in record.getMessage()
