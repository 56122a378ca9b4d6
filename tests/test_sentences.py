from assistant.sentences import WRITTEN, split


def test_a_sentence_ends_at_a_full_stop_but_not_at_an_abbreviation_s():
    text = (
        "Stimuleer het gebruik van de Voedselbank en St. Leergeld. Dit gebeurt o.a. Bij de bibliotheek. "
        "Zie art. 4 van de verordening. Het grensbedrag is € 1.200 per jaar. Daarna volgt de aanvraag."
    )
    assert split(text) == [
        "Stimuleer het gebruik van de Voedselbank en St. Leergeld.",
        "Dit gebeurt o.a. Bij de bibliotheek.",
        "Zie art. 4 van de verordening.",
        "Het grensbedrag is € 1.200 per jaar.",
        "Daarna volgt de aanvraag.",
    ]
    assert split("Neem contact op met St. Jozef [1]. Dat kan altijd [2].", WRITTEN) == [
        "Neem contact op met St. Jozef [1].",
        "Dat kan altijd [2].",
    ]
