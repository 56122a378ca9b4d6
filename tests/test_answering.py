from dataclasses import replace

from assistant.answer_model import AnswerModel, Logistic, Variant
from assistant.answering import (
    Request,
    _asked_parts,
    _question_terms,
    _typos,
    _usable,
    compose,
    evidence,
    gate_features,
    mended,
    refusal,
    sentence_probabilities,
)
from assistant.domain import Passage
from assistant.lexical import BM25Index, terms
from assistant.retrieval import Hit
from assistant.sentences import asking

TEXTS = (
    "Mantelzorgers kunnen terecht bij het Steunpunt Mantelzorg voor advies en respijtzorg.",
    "De gemeente werkt aan een dementievriendelijke samenleving met vrijwilligers.",
    "Bel het wijkteam op 071 516 5000 voor een afspraak.",
)


def _req(question: str, language: str = "nl", others: tuple[str, ...] = ()) -> Request:
    return Request(
        question, language, "resident", (), others, False, indexed=("Ergens",), place_names=frozenset({"ergens"})
    )


def _hits() -> list[Hit]:
    return [
        Hit(Passage(f"c{i}", "d.txt", "T", "Ergens", 2025, "", text, 0, len(text), 1.0 / (i + 1)), 0.86, 1.0)
        for i, text in enumerate(TEXTS)
    ]


def _model(gate_on: str, threshold: float = 0.5, keep: float = 0.5) -> Variant:
    """A hand-made variant: sentences ranked by own coverage, the gate on one question feature."""
    sentence = Logistic(("own_coverage",), (4.0,), -2.0, (0.0,), (1.0,))
    gate = Logistic((gate_on,), (8.0,), -4.0, (0.0,), (1.0,))
    return Variant(sentence, gate, threshold, keep)


def _answer(question: str, model: Variant, **kw):
    req = _req(question, **kw)
    index = BM25Index(TEXTS)
    return compose(req, _hits(), evidence(req, _hits(), index, {}), model)


def test_the_gate_decides_and_the_ranker_picks_the_sentence():
    answer = _answer("Waar kunnen mantelzorgers terecht?", _model("best_own_coverage"))
    assert not answer.refused
    assert "Steunpunt Mantelzorg" in answer.text.split("\n")[1]
    assert [c.n for c in answer.citations] == [1]


def test_a_refusal_names_what_is_missing_and_offers_related_passages_not_citations():
    answer = _answer("Hoe lang duurt een beschikking voor mantelzorgers?", _model("best_specific", 0.99))
    assert answer.refused and answer.citations == ()
    assert "beschikking" in answer.text and "Neem contact op met de gemeente Ergens" in answer.text
    assert len(answer.related) == 3


def test_a_refusal_does_not_name_the_questions_verb_as_missing():
    answer = _answer("Hoeveel betaal ik voor een beschikking voor mantelzorgers?", _model("best_specific", 0.99))
    assert answer.refused and "'beschikking'" in answer.text and "betaal" not in answer.text


def test_a_refusal_does_not_name_the_verb_after_the_subject_as_missing():
    # A main clause that starts with its subject has its verb next: "ik hoorde" is how the resident heard it.
    question = "Ik hoorde iets over mantelzorgers. Hoeveel betaal ik voor een beschikking?"
    answer = _answer(question, _model("best_specific", 0.99))
    assert answer.refused and "'beschikking'" in answer.text and "hoorde" not in answer.text


def test_a_refusal_does_not_name_when_as_what_the_documents_lack():
    # "vorige week" says when, not what.
    answer = _answer("Ik kreeg vorige week een brief over mijn rolstoel, wat nu?", _model("best_specific", 0.99))
    assert answer.refused and "'rolstoel'" in answer.text and "vorige" not in answer.text


def test_a_refusal_does_not_name_an_everyday_word_as_what_the_documents_lack():
    # No document says "overleden" or "beschikking"; only the second is a subject they may lack.
    question = "Mijn vader is overleden. Hoe lang duurt een beschikking voor mantelzorgers?"
    answer = _answer(question, _model("best_specific", 0.99))
    assert answer.refused and "'beschikking'" in answer.text and "overleden" not in answer.text
    everyday = evidence(_req("Mijn vader is overleden. Wat is respijtzorg?"), _hits(), BM25Index(TEXTS), {})
    assert everyday.question["unknown_share"] == 0 and everyday.unknown == ()


def test_a_refusal_for_a_missing_fact_says_which_fact():
    # The documents know respite care, not what it costs: the refusal names the fact, not a word.
    answer = _answer("Hoeveel kost respijtzorg voor mantelzorgers?", _model("best_specific", 0.99))
    assert answer.refused and answer.text.startswith("Het gevraagde bedrag staat niet in de documenten van de gemeente Ergens.")
    english = _answer("How many informal carers get respite care?", _model("best_specific", 0.99), language="en")
    assert english.text.startswith("The number you ask for is not in the documents of Ergens")


def test_an_english_refusal_does_not_name_english_words_as_missing_from_dutch_documents():
    answer = _answer("How long does a decision for informal carers take?", _model("best_specific", 0.99), language="en")
    assert answer.refused and answer.text.startswith("The period you ask for is not in the documents of Ergens")
    assert "'" not in answer.text.split(",")[0]


def test_another_municipality_is_declined_unless_a_sentence_names_it():
    answer = _answer("Waar kunnen mantelzorgers in Utrecht terecht?", _model("best_own_coverage"), others=("Utrecht",))
    assert answer.refused and "Utrecht" in answer.text and "Ergens" in answer.text


def test_a_question_without_a_topic_or_a_subject_word_of_the_documents_is_out_of_scope():
    passes = _model("best_dense")  # the gate lets everything through: the rule decides
    pizza = _answer("Wat is de lekkerste pizzeria in Ergens?", passes)
    assert pizza.refused and pizza.related == ()
    # English shares no words with the documents: that alone says nothing.
    assert not _answer("Where can informal carers get advice?", passes, language="en").refused


def test_a_question_whose_only_known_words_are_everyday_ones_is_out_of_scope():
    texts = [
        *(f"Dit jaar doet de gemeente veel aan thema {i}." for i in range(12)),
        *TEXTS,
        "Een stempas komt per post.",
    ]
    index = BM25Index(texts)
    football = evidence(_req("Wie wint de Eredivisie dit jaar?"), _hits(), index, {})
    assert football.question["everyday_subject"] == 1.0
    assert compose(_req("Wie wint de Eredivisie dit jaar?"), _hits(), football, _model("best_dense")).refused
    # One word only a few passages use is a subject: the gate and the other rules decide.
    assert (
        evidence(_req("Wat doet Ergens dit jaar met de stempas?"), _hits(), index, {}).question["everyday_subject"]
        == 0.0
    )


def test_small_talk_is_out_of_scope_whatever_the_story_around_it():
    # The story names care, the question is the weather: declined, with no related passages.
    question = "Gaat het morgen regenen in Ergens? Ik wil met de mantelzorgers van het Steunpunt naar de markt."
    answer = _answer(question, _model("best_dense"))
    assert answer.refused and answer.related == ()
    assert answer.text.startswith("Dit staat niet in de documenten")  # no word of the story named as missing


def test_the_dense_variant_belongs_to_its_embedding_model():
    dense, lexical = _model("best"), _model("best_own_coverage")
    model = AnswerModel("/x/multilingual-e5-small", dense, lexical)
    assert model.variant("/data/models/multilingual-e5-small", True) is dense
    assert model.variant("/data/models/multilingual-e5-small", False) is lexical
    assert model.variant("hashing-256", True) is lexical
    assert AnswerModel.from_json(model.to_json()) == model


def _hits_of(texts) -> list[Hit]:
    """One retrieved passage of Ergens per text, the first the best."""
    return [
        Hit(Passage(f"c{i}", "d.txt", "T", "Ergens", 2025, "", t, 0, len(t), 1.0 / (i + 1)), 0.86, 1.0)
        for i, t in enumerate(texts)
    ]


def _answer_from(texts: list[str], question: str, language: str = "nl", gate_on: str = "asks_fact", keep: float = 0.0):
    """An answer over one passage per text; by default it takes every sentence it can and lets every fact
    question through: the rules decide."""
    hits = _hits_of(texts)
    req = _req(question, language)
    return compose(req, hits, evidence(req, hits, BM25Index(texts), {}), _model(gate_on, keep=keep))


def test_a_literal_fact_is_given_only_from_a_sentence_about_the_question_s_subject():
    text = "Het Steunpunt Mantelzorg geeft advies aan mantelzorgers in de wijk. Bel het wijkteam op 071 516 5000."

    def answer(question: str):
        return _answer_from([text], question, keep=0.5)

    assert "071 516 5000" in answer("Wat is het telefoonnummer van het wijkteam?").text
    # The passage's only phone number is the wijkteam's: it does not answer for the Steunpunt.
    steunpunt = answer("Wat is het telefoonnummer van het Steunpunt Mantelzorg?")
    assert steunpunt.refused and "071" not in steunpunt.text


def test_where_the_asker_lives_is_not_what_an_answer_must_name():
    texts = ["Er zijn woon- en leertrajecten voor jongeren.", "Het Steunpunt Mantelzorg geeft advies."]

    def answer(question: str):
        return _answer_from(texts, question, gate_on="asks_place", keep=0.1)

    # "woon" is all the sentence shares with the question, and it only says where the asker lives.
    debts = answer("Ik heb schulden en ik woon in Ergens. Waar kan ik heen?")
    assert debts.refused and "schulden" in debts.text
    near = answer("Ik woon bij Ergens Centraal en heb schulden, waar kan ik heen?")
    assert near.refused and "schulden" in near.text
    # Living somewhere can be the subject itself.
    assert not answer("Ik woon alleen in een kamer in Ergens, waar kan ik heen?").refused


def test_a_fact_may_answer_one_part_of_a_question_about_that_part_s_own_subject():
    texts = [
        "Om inwoners langer zelfstandig te laten wonen is 10 miljoen euro beschikbaar gesteld.",
        "Het bestedingsplan van de stichting loopt van 2021 tot en met 2030.",
        "Zelfstandig wonen is voor veel inwoners langer mogelijk.",
    ]
    # The question's rarest words are the second part's; the amount answers the first part.
    two = (
        "Hoeveel geld is er voor langer zelfstandig wonen, en tot welk jaar loopt het bestedingsplan van de stichting?"
    )
    assert "10 miljoen euro" in _answer_from(texts, two).text
    # "…, en waarom …" opens a part too: the why is answered, the amount only by a fact about its own part.
    why = "Hoeveel geld is er voor langer zelfstandig wonen, en waarom loopt het bestedingsplan van de stichting uit?"
    parts = _asked_parts(why, _question_terms(_req(why), BM25Index(texts)))
    assert [p.kind for p in parts] == ["amount", ""]
    # Asked of the second part's subject, the same amount answers nothing.
    assert _answer_from(texts, "Hoeveel geld heeft de stichting voor het bestedingsplan?").refused


def test_a_sentence_that_points_back_is_quoted_with_the_sentence_it_points_at():
    text = (
        "Het Centrum voor Jeugd en Gezin is er voor iedereen in de gemeente. "
        "Ouders kunnen hier terecht met vragen over opvoeden en opgroeien."
    )
    answer = _answer_from(
        [text], "Waar kunnen ouders terecht met vragen over opvoeden?", gate_on="asks_place", keep=0.9
    )
    # Only the second sentence answers; without the first, "hier" would point at nothing.
    assert (
        "Het Centrum voor Jeugd en Gezin is er voor iedereen in de gemeente. Ouders kunnen hier terecht" in answer.text
    )
    assert answer.text.count("[1]") == 1


def test_an_example_after_a_sentence_is_quoted_with_it():
    text = (
        "Het wijkteam helpt inwoners met vragen over geld. "
        "Wanneer nodig draagt het wijkteam de inwoner over aan een specialist. Bijvoorbeeld de Stadsbank."
    )
    answer = _answer_from(
        [text], "Aan wie draagt het wijkteam een inwoner over als dat nodig is?", gate_on="best", keep=0.9
    )
    # "Bijvoorbeeld de Stadsbank." says nothing alone, and is the place the sentence before it means.
    assert "specialist. Bijvoorbeeld de Stadsbank [1]." in answer.text


def test_a_list_is_quoted_for_the_item_asked_by_its_number():
    text = (
        "Het college stelt de bijstand vast aan de hand van categorieën met de volgende kosten: "
        "a. categorie 1: € 133,-; b. categorie 2: € 230,-; c. categorie 3: € 306,-; d. categorie 4: € 408,-."
    )
    answer = _answer_from([text], "Welk bedrag hoort bij categorie 3 voor extra waskosten?", keep=0.9)
    # The other categories' amounts answer other questions.
    assert "c. categorie 3: € 306" in answer.text
    assert "€ 133" not in answer.text and "€ 408" not in answer.text
    # An item on its own that numbers the word otherwise is no candidate at all.
    items = "Kosten per categorie:\nb. categorie 2: € 230,-;\nc. categorie 3: € 306,-;"
    req = _req("Welk bedrag hoort bij categorie 3?")
    hits = _hits_of([items])
    assert all("categorie 2" not in c.text for c in evidence(req, hits, BM25Index([items]), {}).candidates)


def test_a_sentence_s_age_group_is_weighed_against_the_age_the_story_gives():
    texts = ["Project JA ondersteunt jongeren tot 27 jaar bij het vinden van werk. Ouderen van 65+ krijgen advies."]
    req = _req("Ik ben 22 en zit zonder werk. Wie kan me helpen?")
    hits = _hits_of(texts)
    found = {c.text[:7]: c.features["age"] for c in evidence(req, hits, BM25Index(texts), {}).candidates}
    assert found == {"Project": 1.0, "Ouderen": -1.0}


def test_an_example_chosen_on_its_own_is_quoted_once_with_its_sentence():
    text = "Het wijkteam biedt verschillende vormen van ondersteuning. Denk aan budgetcoaching en een vitaliteitscoach."
    texts = [text, "De uitkering wordt per maand betaald.", "Een klant kan bezwaar maken."]
    answer = _answer_from(texts, "Is er budgetcoaching?", gate_on="best")
    assert answer.text.count("budgetcoaching") == 1
    assert "ondersteuning. Denk aan budgetcoaching" in answer.text


def test_a_list_item_is_quoted_once_when_its_lead_in_quotes_it_too():
    text = (
        "Het college kan afzien van terugvordering van de uitkering, indien:\n"
        "a. de klant is overleden;\n"
        "b. het terug te vorderen bedrag lager is dan € 200 netto."
    )
    texts = [text, "De uitkering wordt per maand betaald.", "Een klant kan bezwaar maken."]
    answer = _answer_from(texts, "Hoe laag moet het terug te vorderen bedrag zijn om van terugvordering af te zien?")
    # The item is the likelier sentence, its lead-in the next: the lead-in quotes it, where the item stood.
    assert answer.text.count("€ 200") == 1 and "indien: a. de klant is overleden" in answer.text.split("\n")[1]


def test_an_amount_paid_once_does_not_answer_a_question_for_an_amount_per_month():
    texts = [
        "Voor personenalarmering bestaat de bijstand uit de eenmalige installatiekosten ter hoogte van € 50. "
        "Voor een dieet bedraagt de bijstand € 40 per maand.",
        "Een klant kan bezwaar maken.",
    ]
    req = _req("Hoeveel krijg ik per maand voor het abonnement van mijn personenalarmering?")
    hits = _hits_of(texts)
    found = {c.text[:6]: c.features["fact_type"] for c in evidence(req, hits, BM25Index(texts), {}).candidates}
    assert found["Voor p"] == -1.0 and found["Voor e"] == 1.0
    # Asked without a period, the one-off amount is an amount.
    once = _req("Hoeveel kost de installatie van een personenalarmering?")
    assert evidence(once, hits, BM25Index(texts), {}).candidates[0].features["fact_type"] == 1.0


def test_a_sentence_that_speaks_of_this_amount_is_quoted_with_the_amount():
    text = (
        "De bijzondere bijstand voor een uitvaart bedraagt ten hoogste € 4.300. "
        "In aanvulling op dit bedrag kan bijstand worden verleend voor mortuariumkosten tot € 750."
    )
    answer = _answer_from([text], "Hoeveel bijstand is er voor mortuariumkosten?", keep=0.9)
    assert "€ 4.300. In aanvulling op dit bedrag" in answer.text


def test_a_question_for_an_amount_and_a_duration_gets_a_sentence_with_each():
    texts = [
        "De bijzondere bijstand voor stookkosten is een vast bedrag van € 40 per maand. "
        "Bijzondere bijstand voor stookkosten vraagt u aan bij het loket van de gemeente. "
        "De bijstand wordt voor ten hoogste 12 maanden toegekend.",
        "Bijzondere bijstand voor extra stookkosten is er voor wie door ziekte meer stookkosten heeft.",
    ]
    answer = _answer_from(texts, "Hoeveel bijzondere bijstand krijg je voor stookkosten, en voor hoe lang?")
    # The duration's sentence names little of the question, but it is the only one that says how long.
    assert "€ 40" in answer.text and "12 maanden" in answer.text


def test_a_duration_answers_only_for_what_its_sentence_speaks_of():
    texts = [
        "Bij een betalingsregeling vindt de terugbetaling plaats binnen 2 jaar.",
        "Een aanvraag om bijzondere bijstand wordt ingediend met het formulier van de gemeente.",
    ]
    story = "Ik moet mijn uitkering terugbetalen en ben het er niet mee eens."
    assert "2 jaar" in _answer_from(texts, f"{story} Binnen hoeveel tijd moet de terugbetaling plaatsvinden?").text
    # Two years is how long repaying may take, not how long one has to object or to wait for a decision.
    objection = _answer_from(texts, f"{story} Hoeveel tijd heb ik om bezwaar te maken?")
    assert objection.refused and "2 jaar" not in objection.text
    decision = _answer_from(texts, "Hoe lang duurt het voordat ik een beslissing krijg op mijn terugbetaling?")
    assert decision.refused and "2 jaar" not in decision.text
    # How long the municipality may take is how long deciding may take.
    waiting = "Ik heb om een betalingsregeling gevraagd. Hoe lang mag de gemeente erover doen?"
    assert _answer_from(texts, waiting).refused
    deciding = [*texts, "Het college beslist binnen 8 weken op een verzoek om een betalingsregeling."]
    assert "8 weken" in _answer_from(deciding, waiting).text
    # Told in everyday words only, what is timed is the story's: no word of it need be in the sentence.
    assert "2 jaar" in _answer_from(texts, "Ik moet terugbetalen. Hoe lang mag ik erover doen?").text


def test_a_figure_comes_from_the_passage_about_the_subject():
    texts = [
        "Bijzondere bijstand voor een dieet wordt verleend als een arts het dieet voorschrijft.",
        "De bijzondere bijstand voor stookkosten is een vast bedrag van € 40 per maand.",
    ]
    assert "€ 40" in _answer_from(texts, "Hoeveel bijzondere bijstand krijg je voor stookkosten?").text
    # The only amount belongs to the heating costs: it does not answer for a diet.
    diet = _answer_from(texts, "Hoeveel bijzondere bijstand krijg je voor een dieet?")
    assert diet.refused and "€ 40" not in diet.text


def test_a_fact_about_another_named_scheme_does_not_answer_for_the_one_asked():
    texts = [
        "Met de Ooievaarspas krijgen inwoners met een inkomen tot 130 procent van de bijstandsnorm korting.",
        "Het Kindpakket helpt kinderen in gezinnen met een laag inkomen.",
    ]
    kindpakket = _answer_from(texts, "Tot welk inkomen als percentage van de bijstandsnorm krijg je het Kindpakket?")
    assert kindpakket.refused and "130" not in kindpakket.text
    assert "130" in _answer_from(texts, "Tot welk inkomen als percentage van de bijstandsnorm krijg je de Ooievaarspas?").text


def test_a_figure_about_something_else_is_left_out_of_an_answer_that_gives_the_fact():
    texts = [
        "Ergens moet 619 opvangplekken voor asielzoekers organiseren.",
        "De opgave voor ontheemden stijgt van 554 naar 681.",
        "In 2024 waren er 500 opvangplekken voor asielzoekers in de regio.",
    ]
    answer = _answer_from(texts, "Hoeveel opvangplekken voor asielzoekers moet Ergens organiseren?")
    # The ontheemden's figures answer nothing asked, yet a reader would take them for part of the answer.
    assert "619" in answer.text and "681" not in answer.text
    # A figure of another passage that names the subject stays.
    assert "500" in answer.text
    # In the answer's own passage, a figure goes when its sentence names no word of the question at all.
    own = [f"{texts[0]} Het aantal huishoudens met een beperking stijgt van 7260 naar 7675.", texts[2]]
    same = _answer_from(own, "Hoeveel opvangplekken voor asielzoekers moet Ergens organiseren?")
    assert "619" in same.text and "500" in same.text and "7675" not in same.text
    # An English answer, found by meaning, is not padded with another passage's figures either.
    housing = [texts[0], "Het aantal mantelzorgers in de wijk stijgt van 554 naar 681."]
    english = _answer_from(housing, "How many reception places for asylum seekers must Ergens organise?", "en")
    assert "619" in english.text and "681" not in english.text
    # Without the asked fact in the answer, nothing is left out (whether it answers is for the fact rule).
    alone = _answer_from(texts[1:], "Hoeveel plekken zijn er voor ontheemden?")
    assert "681" in alone.text


def test_once_the_fact_is_given_another_passage_s_sentence_off_the_subject_is_left_out():
    texts = [
        "De pilot geldt voor 15 van de 130 huisverboden in 2024.",
        "In 2024 is een motie over dakloze jongeren in de regio uitgevoerd.",
        "Deze afspraak geldt ook in de regio.",
    ]
    # The motion names neither "huisverboden" nor "pilot": after the asked count it is an aside, figure or not.
    answer = _answer_from(texts, "Voor hoeveel huisverboden geldt de pilot?")
    assert "15 van de 130" in answer.text and "motie" not in answer.text


def test_a_part_of_a_question_is_named_by_its_own_rarest_word():
    texts = [
        "Het gebruik van minimaregelingen stijgt met 10% per jaar.",
        "Het gebruik van de pas en het gebruik van de bibliotheek nemen toe.",
        "Het armoedebeleid loopt tot en met 2027.",
    ]
    question = "Meer mensen moeten de minimaregelingen gaan gebruiken. Met hoeveel moet dat omhoog, en tot welk jaar?"
    first, _ = _asked_parts(question, _question_terms(_req(question), BM25Index(texts)))
    # "gebruiken" is a word of the story, which a sentence on the use of any scheme names.
    assert list(first.specific) == [next(iter(terms("minimaregelingen")))]


def test_the_year_of_a_named_document_is_not_the_year_asked_about():
    texts = ["Streefwaarde: daling kosten jeugdhulp (meerjarige streefwaarde: halvering in 2030)."]
    # The passages are from 2025: "de begroting 2025" names them; the year asked is the answer's 2030.
    target = _answer_from(texts, "Welke ambitie heeft de begroting 2025 voor jeugdhulp, en tegen welk jaar?")
    assert not target.refused and "2030" in target.text
    english = _answer_from(texts, "What target does the 2025 budget set for youth care costs, and by which year?", "en")
    assert not english.refused and "2030" in english.text
    # Another year's document is not the one asked about.
    older = _answer_from(texts, "Welke ambitie had de begroting 2021 voor de kosten van jeugdhulp, en tegen welk jaar?")
    assert older.refused and "2021" in older.text
    # A year asked outright still is the year the fact must be about.
    assert _answer_from(texts, "Hoeveel dalen de kosten van jeugdhulp in 2027?").refused
    # Which document is asked about still counts for the passages: the 2025 budget's, not a 2017 plan's.
    found = _question_terms(_req("Wat zegt de begroting 2025 over jeugdhulp?"), BM25Index(texts))
    assert found.years == frozenset() and "2025" in found.focus


def test_the_sentence_after_one_about_the_subject_may_give_the_fact():
    texts = [
        "De subsidieregeling woningaanpassing is door gebrek aan capaciteit vertraagd. "
        "Ouderen kunnen de aanvraag per 1 oktober 2022 indienen. Bel het wijkteam op 071 516 5000.",
        "Ouderen dienen een aanvraag in bij het loket als hun traject vertraagd is.",
    ]
    # The date's sentence names neither of the question's two rarest words, but it follows one that does
    # and names its other subject words (ouderen, aanvraag).
    question = (
        "Waarom is de subsidieregeling woningaanpassing vertraagd, en per wanneer kunnen ouderen een aanvraag indienen?"
    )
    answer = _answer_from(texts, question)
    assert not answer.refused and "1 oktober 2022" in answer.text
    # The sentence after it names something else: its phone number is not the regeling's.
    phone = _answer_from(texts, "Wat is het telefoonnummer van de subsidieregeling woningaanpassing?")
    assert phone.refused and "071" not in phone.text


def test_a_fact_under_a_heading_that_names_the_subject_is_about_it():
    texts = [
        "## Artikel 7 Stookkosten\n1. Het college kan bijzondere bijstand verlenen als een arts een warmer huis nodig acht.\n"
        "2. Een aanvraag wordt ingediend bij het loket.\n3. De toeslag wordt verleend voor de duur van 12 maanden.",
        "## Artikel 8 Kleding\nDe bijzondere bijstand voor kleding wordt verleend als de kleding versleten is.",
        "## Artikel 9 Verhuizing\nDe bijzondere bijstand voor verhuiskosten wordt verleend na een aanvraag.",
        "## Artikel 10 Uitvaart\nDe bijzondere bijstand voor een uitvaart wordt verleend aan de nabestaanden.",
        "Veel huishoudens hebben hoge stookkosten.",
    ]
    question = "Hoe lang krijg ik bijzondere bijstand voor stookkosten?"
    # The duration's own sentence names neither "stookkosten" nor "bijstand"; its article does, in its heading.
    answer = _answer_from(texts, question)
    assert not answer.refused and "12 maanden" in answer.text
    # Under a heading about something else, the same sentence is not about stookkosten.
    other = _answer_from([texts[0].replace("Stookkosten", "Woonkosten"), *texts[1:]], question)
    assert other.refused
    # A count is given by any number, so the heading does not make every number below it one about the subject.
    count = _answer_from(texts, "Hoeveel krijg ik voor stookkosten?")
    assert count.refused and "12" not in count.text


def test_the_asking_part_of_a_question_is_its_question_sentences_and_its_last_one():
    assert asking("Ik woon in Ergens. Kan ik bijstand krijgen?") == "Kan ik bijstand krijgen?"
    assert (
        asking("hoi ik zit in de bijstand.. telt dat mee? hoeveel mag het zijn") == "telt dat mee? hoeveel mag het zijn"
    )
    assert asking("Wat is de Wmo") == "Wat is de Wmo"
    assert asking("Wij zijn met 65.000 inwoners. Hoeveel van de 1.200 plekken?") == "Hoeveel van de 1.200 plekken?"


def test_the_fact_may_name_the_subject_of_the_question_sentence_rather_than_of_the_story():
    texts = [
        "Voor de eigen bijdrage van de zorgverzekering verstrekt het college ten hoogste € 200 per jaar.",
        "Jongeren die hockey spelen of fietsen repareren krijgen een sportpas.",
    ]
    # The story's rarest words ("hockey", "fietsen") are who asks; the question sentence says what.
    question = "Mijn zoon speelt hockey en repareert fietsen. Hoeveel krijg ik terug voor de eigen bijdrage van de zorgverzekering?"
    answer = _answer_from(texts, question)
    assert not answer.refused and "€ 200" in answer.text


def test_the_subject_of_a_fact_may_be_in_the_list_its_lead_in_introduces():
    texts = [
        "Het college kan bijzondere bijstand verlenen voor relatiebemiddeling, indien:\n"
        "a. de klant een indicatie van het adviesteam heeft;\n"
        "b. de diensten door een gespecialiseerd bureau worden geleverd.\n"
        "De bijzondere bijstand bedraagt ten hoogste € 150 per maand.",
        "Bijzondere bijstand wordt per maand verleend.",
    ]
    # The amount's own sentence does not name the klant or the indicatie; the list it closes does.
    answer = _answer_from(
        texts, "Hoeveel krijgt een klant met een indicatie van het adviesteam aan bijzondere bijstand?"
    )
    assert not answer.refused and "€ 150" in answer.text


def test_the_subject_of_a_list_item_s_fact_may_be_in_the_lead_in_that_introduces_it():
    text = (
        "Artikel 9 Wijzigingen\nDe klant meldt een wijziging binnen een week. "
        "Het college kan afzien van terugvordering van de uitkering, indien:\n"
        "a. de klant is overleden;\n"
        "b. het terug te vorderen bedrag lager is dan € 200 netto."
    )
    texts = [text, "De uitkering wordt per maand betaald.", "Een klant kan bezwaar maken."]
    req = _req("Onder welk bedrag kan het college afzien van terugvordering?")
    hits = [
        Hit(Passage(f"c{i}", "d.txt", "T", "Ergens", 2025, "", t, 0, len(t), 1.0), 0.86, 1.0)
        for i, t in enumerate(texts)
    ]
    found = evidence(req, hits, BM25Index(texts), {})
    item = next(c for c in found.candidates if c.text.startswith("b."))
    # The amount's item names neither "afzien" nor "terugvordering"; its lead-in does, so the item, quoted on its
    # own, still gives the fact about the question's subject.
    assert item.features["fact_type"] > 0 and item.features["fact_specific"] > 0


def test_sentences_that_share_no_word_with_the_question_do_not_answer_it():
    passes = _model("best_dense", keep=0.0)  # the gate and the ranker let everything through: the rule decides
    req = _req("Waar kunnen mantelzorgers terecht?")

    def answer(text: str):
        hits = _hits_of([text])
        return compose(req, hits, evidence(req, hits, BM25Index(TEXTS), {}), passes)

    # However near its vector, a passage that names nothing of the question (nor of its thesaurus words)
    # is not about it.
    assert answer(TEXTS[1]).refused
    assert not answer(TEXTS[0]).refused
    # "nu" ("what now?") says how the question is put: a sentence that shares only that word is not about it.
    now = _req("mn fiets is gestolen bij het station, wat nu?")
    text = "Nu de regeling langer loopt, krijgen meer inwoners ondersteuning."
    hits = _hits_of([text])
    assert compose(now, hits, evidence(now, hits, BM25Index([*TEXTS, text]), {}), passes).refused


def test_a_verb_of_the_question_is_not_its_subject():
    texts = [
        "Statushouders krijgen begeleiding van Vluchtelingenwerk. Vorig jaar moest het wijkteam 40 gezinnen helpen."
    ]
    # "moest" is rare in policy text, but a sentence that shares only that word says nothing about statushouders.
    answer = _answer_from(texts, "Hoeveel statushouders moest de gemeente huisvesten?")
    assert answer.refused and "40" not in answer.text


def test_words_about_what_a_document_says_are_not_the_subject():
    texts = [
        "Percentage cliënten dat wist waar ze met een hulpvraag terecht kon: 74% in 2023.",
        "Elke hulpvraag en elke cliënt krijgt binnen een week antwoord.",
        "Het wijkteam hanteert een groter aandeel vrijwilligers dan vroeger.",
    ]
    # "hanteert" and "aandeel" are the rarest words of the question, yet it is about clients' hulpvraag.
    question = "Welke streefwaarde hanteert de gemeente voor het aandeel cliënten met een hulpvraag?"
    found = _question_terms(_req(question), BM25Index(texts))
    assert set(found.specific) == {"cliënt", "hulpvraag"}


def test_what_is_too_expensive_is_not_asked_how_long_it_lasts():
    texts = ["De bijstand wordt verleend voor de duur van 12 maanden.", "Dieetkosten worden vergoed.", "Een ander."]
    question = "Glutenvrij eten is zo duur. Hoeveel geeft de gemeente voor dieetkosten?"
    found = _question_terms(_req(question), BM25Index(texts))
    assert "duur" not in found.own
    found = _question_terms(_req("Wat is de duur van de bijstand voor dieetkosten?"), BM25Index(texts))
    assert "duur" in found.own


def test_the_word_for_a_limit_asked_for_is_not_what_the_documents_lack():
    # The regulation gives the deadline without the word "uiterlijk": no reason to say it lacks the subject.
    found = evidence(_req("Wanneer moet de stempas uiterlijk binnen zijn?"), _hits(), BM25Index(TEXTS), {})
    assert found.unknown == ("stempas",)
    found = evidence(_req("Hoeveel is het maximum voor een stempas?"), _hits(), BM25Index(TEXTS), {})
    assert found.unknown == ("stempas",)


def test_a_verb_s_t_form_is_not_named_as_missing():
    index = BM25Index([*TEXTS, "Wie vraagt, die krijgt.", "Een vraag over de stempas."])
    found = evidence(_req("Wie vraagt een stempas aan?"), _hits(), index, {})
    assert found.missing == ("stempas",)  # not "vraagt": the documents speak of "vraag"


def test_the_word_for_the_kind_of_fact_asked_is_not_the_subject():
    texts = [
        "Voor de opvanglocatie aan het Maanpad is 1,35 miljoen onttrokken aan de reserve.",
        "De reserve en het Maanpad staan in de begroting.",
        "Het bedrag en het percentage staan in de verordening.",
    ]
    # "bedrag" is the rarest word of the question, yet an amount without the word answers it.
    found = _question_terms(_req("Welk bedrag gaat er uit de reserve naar het Maanpad?"), BM25Index(texts))
    assert "bedrag" not in found.specific and "maanpad" in found.specific
    # Where no literal fact is asked, the word is what the question is about.
    about = _question_terms(_req("Waarom staat het percentage in de verordening?"), BM25Index(texts))
    assert "percentag" in about.specific


def test_an_english_question_gets_the_figure_of_a_dutch_sentence():
    texts = ["In 2025 vangt de gemeente 681 Oekraïners op.", "De gemeente werkt samen met vrijwilligers."]
    # No word is shared across the languages, so the subject cannot be checked by words; the year can.
    assert "681" in _answer_from(texts, "How many Ukrainians does the municipality house in 2025?", "en").text
    older = _answer_from(texts, "How many Ukrainians did the municipality house in 2023?", "en")
    assert older.refused and "'2023'" in older.text  # what the documents lack is named


def test_a_word_the_documents_use_only_in_compounds_is_not_unknown_to_them():
    req = _req("Krijg ik hulp bij de respijtzorg voor mijn dementie en bij een stempas?")
    found = evidence(req, _hits(), BM25Index(TEXTS), {})
    # "dementie" only appears in "dementievriendelijke"; "stempas" nowhere.
    assert found.unknown == ("stempas",)


def test_a_typo_of_a_word_the_documents_use_is_not_named_as_what_they_lack():
    req = _req("Krijg ik bijzondre bijstand voor een stempas?")
    found = evidence(req, _hits(), BM25Index([*TEXTS, "Bijzondere bijstand voor inwoners met een laag inkomen."]), {})
    assert found.unknown == ("stempas",)
    assert found.question["unknown_share"] > 0.3  # to the fitted features it is still a word no document uses


def test_how_a_question_asks_for_help_is_not_what_the_documents_lack():
    found = evidence(_req("Ik zorg voor mijn vader, bij wie kan ik aankloppen?"), _hits(), BM25Index(TEXTS), {})
    assert found.unknown == () and found.question["unknown_share"] == 0


def test_a_compound_of_words_the_documents_use_is_not_named_as_what_they_lack():
    req = _req("Krijg ik met een bijstandsuitkering een stempas?")
    found = evidence(req, _hits(), BM25Index([*TEXTS, "Wie bijstand krijgt, houdt die uitkering."]), {})
    assert found.unknown == ("stempas",)


def test_a_pronoun_or_a_question_word_is_not_named_as_what_the_documents_lack():
    found = evidence(_req("Hoelang doen jullie allemaal over een stempas?"), _hits(), BM25Index(TEXTS), {})
    assert found.unknown == ("stempas",)
    found = evidence(_req("Kost een stempas duizend?"), _hits(), BM25Index(TEXTS), {})
    assert found.unknown == ("stempas",)  # a number word is not a subject either
    assert found.question["unknown_share"] == 1 / 3  # of its three words only "stempas" is no everyday one
    assert found.question["unknown_words"] == 0  # and it is no Dutch word either: it may be a typo
    found = evidence(_req("Wat zegt de wethouder?"), _hits(), BM25Index(TEXTS), {})
    assert found.question["unknown_words"] == found.question["unknown_share"] > 0  # a word, not a typo
    found = evidence(_req("Krijgt mijn dochter een stempas?"), _hits(), BM25Index(TEXTS), {})
    assert found.unknown == ("stempas",)  # nor the people of a resident's story
    # A word one other document uses is rare, so it may be among the question's most specific words; an
    # everyday one is still not what the passages lack.
    index = BM25Index([*TEXTS, "Wij doen het allemaal samen.", "Een stempas voor kiezers."])
    found = evidence(_req("Wat doen jullie allemaal voor mantelzorgers?"), _hits(), index, {})
    assert found.missing == () and found.question["specific_missing"] == 0
    found = evidence(_req("Wat kost een stempas voor mantelzorgers?"), _hits(), index, {})
    assert found.missing == ("stempas",) and found.question["specific_missing"] > 0


def test_near_is_one_edit_from_an_indexed_term():
    index = BM25Index(["Bijzondere bijstand voor installatiekosten."])
    assert index.near(terms("bijzondre")[0]) and index.near(terms("instalatiekosten")[0])
    assert not index.near(terms("stempas")[0]) and not index.near(terms("bijstand")[0])
    assert index.correction(terms("instalatiekosten")[0]) == terms("installatiekosten")[0]
    assert index.correction(terms("hoevel")[0]) == "hoeveel"  # a stop word's typo
    # A typo in an inflected word is mended before its stem is taken: "halverern" is "halveren", stem "halver".
    index = BM25Index(["We zetten in op een halvering van de jeugdhulp."])
    assert index.correction(terms("halverern")[0]) is None
    assert index.correction(terms("halverern")[0], "halverern") == terms("halvering")[0]
    # Only near its end: "bezwaar" is not "gezwaar", which would stem to the documents' "zwaar".
    assert BM25Index(["Een zwaar leven.", "Geld."]).correction(terms("bezwaar")[0], "bezwaar") is None


def test_a_misspelt_subject_is_still_the_subject():
    texts = [
        "Bijzondere bijstand voor de installatiekosten van een alarmsysteem.",
        "De installatiekosten worden vergoed, de abonnementskosten niet.",
        "Wij helpen bij schulden en bij de huur.",
        "Wie 's nachts hulp nodig heeft, belt de huisarts.",
    ]
    found = _question_terms(_req("Krijg ik geld voor de instalatiekosten van mn alarm?"), BM25Index(texts))
    assert terms("installatiekosten")[0] in found.specific and "instalatiekost" not in found.unknown
    # Which one is asked for ("de laatste meting") is not what the question is about.
    found = _question_terms(_req("Wat zegt de laatste meting over installatiekosten?"), BM25Index([*texts, "De laatste keer."]))
    assert "laatst" in found.own and "laatst" not in found.subject
    # A short word is one edit from too many real ones to be mended: "nacht" stays what it is.
    found = _question_terms(_req("Mijn buren maken elke nacht herrie"), BM25Index([*texts, "Onachtzaam."]))
    assert "nacht" in found.unknown


def test_a_dutch_word_is_no_typo_of_the_documents_word_but_an_ending_is():
    index = BM25Index(["Een dichter schrijft.", "Bewaar de bon.", "Wie betaal ik?", "Bijzondere bijstand."])
    # One edit from the documents' "dichter" and "bewaar", but words of their own: what the documents lack.
    assert _typos("Krijgt mijn dochter bijstand?", index) == {}
    assert _typos("Kan ik bezwaar maken?", index) == {}
    # A form the stemmer left apart from the documents' is theirs, and a misspelling is mended.
    assert _typos("Wie betaalt het?", index) == {terms("betaalt")[0]: terms("betaal")[0]}
    assert _typos("Krijg ik bijzondre bijstand?", index) == {terms("bijzondre")[0]: terms("bijzondere")[0]}


def test_a_numbered_section_title_is_no_answer():
    texts = ("4.3 We ondersteunen minimahuishoudens en bieden laagdrempelige schuldhulpverlening",)
    hits = _hits_of(texts)
    req = _req("Kan de gemeente me helpen met schuldhulpverlening?")
    assert evidence(req, hits, BM25Index(texts), {}).candidates == ()


def test_the_gate_sees_whether_a_best_sentence_gives_the_asked_fact_about_the_subject():
    req = _req("Wat is het telefoonnummer van het wijkteam?")
    steunpunt = _req("Wat is het telefoonnummer van het Steunpunt Mantelzorg?")
    general = _req("Waar kunnen mantelzorgers terecht?")

    def about(r: Request) -> float:
        ev = evidence(r, _hits(), BM25Index(TEXTS), {})
        return gate_features(ev, [1.0] * len(ev.candidates))["top_fact_about"]

    # The wijkteam's number is the fact asked for; the Steunpunt has none; a general question asks no fact.
    assert (about(req), about(steunpunt), about(general)) == (1.0, -1.0, 0.0)
    # An English question about social support shares no words with the documents: the fact need not name it.
    english = Request("What is the phone number for carers?", "en", "resident", (), (), False, in_domain=True)
    assert about(english) == 1.0


def test_which_organisation_asks_a_name_and_which_amount_does_not():
    def asks_name(question: str) -> float:
        return evidence(_req(question), _hits(), BM25Index(TEXTS), {}).question["asks_name"]

    assert asks_name("Bij welke organisatie kan ik terecht voor schuldhulp?") == 1.0
    assert asks_name("Ik weet niet bij welk loket ik moet zijn.") == 1.0
    assert asks_name("Hoe heet het steunpunt?") == 1.0
    assert asks_name("Bij welke hoogte van de vordering wordt ook de loonbelasting teruggevorderd?") == 0.0
    assert asks_name("En bij welke afwijking wordt niet teruggevorderd?") == 0.0


def test_the_gate_sees_a_scheme_the_best_passages_do_not_name():
    def missing(question: str) -> float:
        return evidence(_req(question), _hits(), BM25Index(TEXTS), {}).question["scheme_missing"]

    assert missing("Hoeveel eigen bijdrage betaal ik voor huishoudelijke hulp via de Wmo?") == 1.0
    assert missing("Waar kunnen mensen met mantelzorg terecht?") == 0.0  # the Steunpunt's passage names it
    assert missing("Waar kan ik terecht?") == 0.0  # no scheme asked about


def test_an_english_question_s_dutch_policy_words_count_as_its_own():
    req = Request(
        "Where can carers get advice?", "en", "resident", (), (), False, expansion="mantelzorg", in_domain=True
    )
    found = _question_terms(req, BM25Index(TEXTS))
    assert "mantelzorg" in found.own and found.own["mantelzorg"] == found.all["mantelzorg"]
    ev = evidence(req, _hits(), BM25Index(TEXTS), {})
    assert ev.question["english_in_domain"] == 1.0
    dutch = evidence(_req("Waar kunnen mantelzorgers terecht?"), _hits(), BM25Index(TEXTS), {})
    assert dutch.question["english_in_domain"] == 0.0


def test_each_sentence_is_also_measured_against_the_question_s_best_candidate():
    ev = evidence(_req("Waar kunnen mantelzorgers terecht?"), _hits(), BM25Index(TEXTS), {("c0", 0): 0.9})
    gaps = {c.text[:12]: (c.features["similarity_gap"], c.features["coverage_gap"]) for c in ev.candidates}
    assert gaps["Mantelzorger"] == (0.0, 0.0)  # the best one on both
    assert all(s <= 0 and c <= 0 for s, c in gaps.values())
    assert min(s for s, _ in gaps.values()) == -0.9


def _compare(texts: list[str], question: str):
    """An answer to a comparison of Aadorp (the first text) and Beedorp (the second)."""
    hits = [
        Hit(Passage(f"c{i}", "d.txt", "T", m, 2025, "", t, 0, len(t), 1.0 / (i + 1)), 0.86, 1.0)
        for i, (m, t) in enumerate(zip(("Aadorp", "Beedorp"), texts, strict=True))
    ]
    places = ("Aadorp", "Beedorp")
    names = frozenset(p.lower() for p in places)
    req = Request(question, "nl", "resident", places, (), True, indexed=places, place_names=names)
    return compose(req, hits, evidence(req, hits, BM25Index(texts), {}), _model("asks_fact", keep=0.0))


def test_a_comparison_keeps_each_municipality_when_the_question_asks_two_kinds_of_fact():
    texts = [
        "In Aadorp is de bijdrage voor stookkosten € 40 per maand. In Aadorp vraagt u stookkosten aan bij het loket. "
        "De bijdrage loopt 12 maanden.",
        "In Beedorp is er ook hulp.",
    ]
    answer = _compare(texts, "Hoeveel bijdrage voor stookkosten krijg je in Aadorp en Beedorp, en hoe lang?")
    assert "Aadorp:" in answer.text and "Beedorp:" in answer.text


def test_a_comparison_keeps_each_municipality_s_figure():
    texts = ["In Aadorp is de bijdrage voor stookkosten € 40 per maand.", "Beedorp geeft € 55 per maand."]
    # Beedorp's sentence names nothing of the question, yet it is Beedorp's answer to it.
    answer = _compare(texts, "Hoeveel bijdrage voor stookkosten krijg je in Aadorp en Beedorp?")
    assert "€ 40" in answer.text and "€ 55" in answer.text


def test_a_comparison_leaves_out_each_municipality_s_figures_about_something_else():
    texts = [
        "In Aadorp worden 681 ontheemden opgevangen.",
        "Beedorp vangt 225 ontheemden op. Beedorp biedt 170 statushouders huisvesting.",
    ]
    # Each municipality's sentences are an answer of their own: Beedorp's statushouders are not its ontheemden.
    answer = _compare(texts, "Hoeveel ontheemden vangen Aadorp en Beedorp op?")
    assert "681" in answer.text and "225" in answer.text and "170" not in answer.text


def test_a_comparison_quotes_each_municipality_s_own_fact_not_its_likeliest_sentence():
    texts = [
        "In Aadorp gaat de nieuwe wet inburgering in op 1 juli 2021.",
        "Beedorp werkt aan de nieuwe wet inburgering en aan inburgering in de wijk. "
        "Beedorp vindt de wet inburgering belangrijk voor nieuwkomers. "
        "De wet inburgering gaat in Beedorp in op 1 januari 2022.",
    ]
    answer = _compare(texts, "Per wanneer gaat de nieuwe wet inburgering in, in Aadorp en in Beedorp?")
    assert "1 juli 2021" in answer.text and "1 januari 2022" in answer.text


def test_a_sentence_without_a_year_speaks_of_its_documents_year():
    from assistant.answering import _year_matches

    target = "Streefwaarde: Er wordt aan 170 statushouders huisvesting geboden."
    budget = {"2025", "2026"}  # a 2026 budget that names 2025 nearby: its targets are 2026's
    assert _year_matches(frozenset({"2025"}), target, budget, frozenset(budget), 2026) == 0
    assert _year_matches(frozenset({"2026"}), target, budget, frozenset(budget), 2026) == 1
    # A plan for 2017-2020 that gives a figure of 2014: the passage's own year is the figure's.
    figure = "In totaal waren 8.200 inwoners mantelzorger."
    plan = {"2014", "2017", "2020"}  # the title names 2017 and 2020, the passage 2014
    assert _year_matches(frozenset({"2014"}), figure, plan, frozenset({"2014"}), 2017) == 1
    assert _year_matches(frozenset({"2020"}), figure, plan, frozenset({"2014"}), 2017) == 0
    # A sentence's own year decides; no year asked, no judgement.
    assert (
        _year_matches(frozenset({"2025"}), "In 2025 vangen we 681 Oekraïners op.", budget, frozenset(budget), 2026) == 1
    )
    assert _year_matches(frozenset(), target, budget, frozenset(budget), 2026) == -1


def test_the_sentence_ranker_sees_what_kind_of_question_it_is():
    # The ranker is given the question's kind ("waar kan ik terecht" or "hoeveel") along with each sentence's
    # own features: each kind has its own share of answering sentences.
    by_kind = Logistic(("asks_place",), (2.0,), -1.0, (0.0,), (1.0,))
    index = BM25Index(TEXTS)
    where = evidence(_req("Waar kunnen mantelzorgers terecht?"), _hits(), index, {})
    what = evidence(_req("Wat doen mantelzorgers?"), _hits(), index, {})
    assert min(sentence_probabilities(where, by_kind)) > max(sentence_probabilities(what, by_kind))
    # A sentence's own feature is not replaced by the question's of the same name.
    naming = Logistic(("names_other",), (4.0,), -2.0, (0.0,), (1.0,))
    where.question["names_other"] = 1.0
    assert max(sentence_probabilities(where, naming)) < 0.5


def test_a_question_naming_no_municipality_over_several_is_asked_which_is_meant():
    texts = ["In Aadorp helpt het wijkteam mantelzorgers met respijtzorg.", "Beedorp heeft een steunpunt."]
    hits = [
        Hit(Passage(f"c{i}", "d.txt", "T", m, 2025, "", t, 0, len(t), 1.0 / (i + 1)), 0.86, 1.0)
        for i, (m, t) in enumerate(zip(("Aadorp", "Beedorp"), texts, strict=True))
    ]

    def answer(named: tuple[str, ...], indexed: tuple[str, ...]) -> str:
        req = Request("Wie helpt mantelzorgers met respijtzorg?", "nl", "resident", named, (), False, indexed=indexed)
        return compose(req, hits, evidence(req, hits, BM25Index(texts), {}), _model("best_own_coverage", keep=0.0)).text

    asked = answer((), ("Beedorp", "Aadorp"))
    assert "respijtzorg [1]" in asked and asked.endswith(
        "Deze documenten gaan over de gemeenten Aadorp en Beedorp. Noem uw gemeente in uw vraag, "
        "dan krijgt u een antwoord over uw eigen gemeente."
    )
    # Named, or the only one there is: nothing to ask.
    assert "Noem uw gemeente" not in answer(("Aadorp",), ("Aadorp", "Beedorp"))
    assert "Noem uw gemeente" not in answer((), ("Aadorp",))


def test_a_question_of_two_parts_is_answered_in_part_when_only_its_figure_is_missing():
    texts = ["Bijzondere bijstand is mogelijk voor het bezoek aan een gedetineerd gezinslid."]
    both = _answer_from(
        texts, "Kan ik bijzondere bijstand krijgen voor bezoek aan een gedetineerd gezinslid? En hoeveel is dat?"
    )
    assert not both.refused and "gedetineerd gezinslid [1]" in both.text
    assert both.text.endswith("Het gevraagde aantal staat niet in de documenten.")
    # Asked for the figure alone, the documents do not answer.
    assert _answer_from(texts, "Hoeveel bijzondere bijstand is er voor bezoek aan een gedetineerd gezinslid?").refused
    # A second sentence that asks nothing does not make a question of two parts.
    assert _answer_from(
        texts, "Hoeveel bijzondere bijstand is er voor bezoek aan een gedetineerd gezinslid? Ik wil het aanvragen."
    ).refused


def test_a_rule_quoted_from_a_regulation_names_its_article():
    text = "De aanvraag wordt binnen 3 maanden na de kosten ingediend bij het college."
    passage = Passage("c0", "d.md", "T", "Ergens", 2024, "Regels > Artikel 9.2 Aanvraag", text, 0, len(text), 1.0)
    hits = [Hit(passage, 0.86, 1.0)]

    def answer(question: str, audience: str = "resident"):
        req = replace(_req(question), audience=audience)
        return compose(req, hits, evidence(req, hits, BM25Index([text]), {}), _model("asks_fact", keep=0.0))

    asked = answer("Binnen hoeveel maanden dien ik de aanvraag in, en in welk artikel staat dat?")
    assert "Artikel 9.2: De aanvraag wordt binnen 3 maanden" in asked.text
    # Whoever asks, and whether or not they ask for it: staff look it up, a resident can point to it.
    assert "Artikel 9.2: " in answer("Binnen hoeveel maanden wordt de aanvraag ingediend?", "staff").text
    assert "Artikel 9.2: " in answer("Binnen hoeveel maanden dien ik de aanvraag in?").text


def test_a_resident_s_word_the_documents_lack_is_the_subject_under_the_thesaurus_s_name():
    texts = [
        "Het college verleent bijzondere bijstand voor de reparatie van een gehoorapparaat tot € 150.",
        "Voor een bril geldt een vergoeding van € 75.",
    ]
    # "hoortoestel" is in no document; the thesaurus knows it as "gehoorapparaat", so that sentence is about it.
    answer = _answer_from(texts, "Mijn hoortoestel is kapot, hoeveel krijg ik maximaal?")
    assert not answer.refused and "€ 150" in answer.text and "€ 75" not in answer.text


def test_a_district_named_by_its_municipality_is_a_place_not_a_subject():
    index = BM25Index(TEXTS)
    terms_ = _question_terms(_req("Ik woon in Ergens-Noord. Is er een Steunpunt Mantelzorg?"), index)
    district = terms("Ergens-Noord")[0]
    assert district not in terms_.unknown and district not in terms_.subject


def test_someone_s_age_is_not_what_the_question_is_about():
    index = BM25Index(["Artikel 18 lid 13: de boete wordt verlaagd.", "Reiskosten naar school worden vergoed."])
    found = _question_terms(_req("Mijn dochter van 13 gaat ver naar school. Betaalt de gemeente de reiskosten?"), index)
    assert "13" not in found.all and terms("reiskosten")[0] in found.own
    # A figure the question quotes from the documents still counts ("die grens van 1200 euro").
    found = _question_terms(_req("Geldt lid 13 ook voor mij?"), index)
    assert "13" in found.all


def test_the_municipality_asked_is_not_what_the_question_is_about():
    # Whatever the stemmer makes of "gemeente" ("meen"), a regulation that seldom says it gives it no weight.
    index = BM25Index(["Het college verleent bijzondere bijstand.", "De gemeente Zwolle.", "Reiskosten worden vergoed."])
    found = _question_terms(_req("Betaalt de gemeente mijn reiskosten?"), index)
    assert terms("gemeente")[0] not in found.all and terms("reiskosten")[0] in found.own


def test_a_refusal_says_the_documents_lack_a_word_only_when_none_of_them_uses_it():
    req = _req("Hoe hoog is mijn bijstandsuitkering als ik een fortuin erf?")
    silent = refusal(req, "unsupported", ("fortuin",))
    assert "Over 'fortuin' staat niets in de documenten" in silent.text
    # A word of a passage the search did not put first: the documents are not silent on it.
    elsewhere = refusal(req, "unsupported", ("bijstandsuitkering", "fortuin"), used=("bijstandsuitkering",))
    assert "staat niets" not in elsewhere.text
    assert "vind ik niets dat uw vraag over 'bijstandsuitkering' of 'fortuin' beantwoordt" in elsewhere.text


def test_a_refusal_names_no_verb_form_as_what_the_documents_lack():
    # "opgehaald" and "doorgegeven" tell what happened; what the documents lack is the bulky waste, or the figure.
    waste = _answer_from(list(TEXTS), "Mijn oude bankstel is niet opgehaald. Wanneer komt het grofvuil in Ergens?")
    assert waste.refused and "'grofvuil'" in waste.text and "opgehaald" not in waste.text
    amount = _answer_from(list(TEXTS), "Ik heb mijn inkomen te laat doorgegeven. Hoeveel boete krijg ik?")
    assert amount.refused and "doorgegeven" not in amount.text


def test_a_refusal_does_not_say_the_documents_lack_a_word_they_start_compounds_with():
    # The stemmer makes "installatie" "installeer" but "installatiekosten" "installatiekost": the documents use the
    # word, inside a compound; what they lack is the stairlift.
    texts = [*TEXTS, "De installatiekosten van personenalarmering worden vergoed tot € 50."]
    answer = _answer_from(texts, "Hoeveel kost de installatie van een traplift?")
    assert answer.refused and "Over 'traplift' staat niets" in answer.text and "installatie" not in answer.text


def test_a_question_for_organisations_asks_for_names():
    index = BM25Index(TEXTS)
    for question in (
        "Welke welzijnsorganisaties voeren het welzijnswerk uit?",
        "Met welke partners werkt de gemeente samen?",
        "Wie voert de welzijnsvoorzieningen uit?",
        # A resident asks for a service as "is er iets voor ...": who gives it is the answer.
        "Ik woon alleen sinds mijn man overleed. Is er iets voor mensen zoals ik, of komt er iemand langs?",
        "Is there anything for older people who feel lonely?",
    ):
        assert evidence(_req(question), _hits(), index, {}).question["asks_place"] == 1.0
    assert evidence(_req("Wat kost een stempas?"), _hits(), index, {}).question["asks_place"] == 0.0


def test_a_pronominal_adverb_is_no_subject():
    texts = ["Giften hebben geen gevolgen voor de uitkering.", "Daarop volgt een besluit.", "Een uitkering per maand."]
    # "daarop" is rare in policy text, but points back at what was said, as a pronoun does: the gift is the subject.
    found = _question_terms(_req("Ik krijg giften van mijn moeder. Word ik daarop gekort?"), BM25Index(texts))
    assert "daarop" not in found.specific
    assert "gif" in found.specific  # the stem of "giften"


def test_a_word_the_thesaurus_renames_is_not_unknown_to_the_documents():
    texts = [*TEXTS, "Wij vergoeden de leges van een Verklaring omtrent gedrag (VOG)."]
    req = Request(
        "Ze willen een verklaring dat je geen strafblad hebt, moet ik die zelf betalen?",
        "nl",
        "resident",
        (),
        (),
        False,
        expansion="verklaring omtrent gedrag vog",
        indexed=("Ergens",),
    )
    found = evidence(req, _hits(), BM25Index(texts), {})
    # "strafblad" is in no document, but they speak of it as the VOG: not what they lack ("betalen" is everyday).
    assert found.unknown == ()
    assert found.question["unknown_share"] == 0


def test_a_fact_is_not_about_the_question_for_naming_an_everyday_word():
    # In rules that all speak of bijstand, "hoeveel bijstand" is not answered by any amount whose sentence says
    # "bijstand": the kilometre rate is about travel, not about what a single person gets.
    texts = [
        "De bijzondere bijstand voor reiskosten bedraagt € 0,23 per kilometer.",
        *(f"De bijzondere bijstand voor kostensoort {i} wordt per aanvraag bepaald." for i in range(12)),
        "Een alleenstaande ouder kan terecht bij het wijkteam.",
        "Wie een huurwoning zoekt, schrijft zich in.",
    ]
    hits = [
        Hit(Passage(f"c{i}", "d.txt", "T", "Ergens", 2025, "", text, 0, len(text), 1.0 / (i + 1)), 0.86, 1.0)
        for i, text in enumerate(texts)
    ]
    req = _req("Hoeveel bijstand krijg ik als alleenstaande met een huurwoning?")
    ev = evidence(req, hits, BM25Index(texts), {})
    assert ev.candidates[0].features["focus_words"] < 1  # nothing asked for says what the fact is about
    answer = compose(req, hits, ev, _model("best_dense"))
    assert answer.refused and "0,23" not in answer.text


def test_a_resident_asking_where_to_go_is_told_the_place_first_though_the_ranker_prefers_other_sentences():
    # A ranker that likes a place-naming sentence least: the answer still names the place, in its first line.
    shy = Logistic(("names_place",), (-4.0,), 0.0, (0.0,), (1.0,))
    gate = Logistic(("best_own_coverage",), (8.0,), -4.0, (0.0,), (1.0,))
    answer = _answer("Waar kunnen mantelzorgers terecht?", Variant(shy, gate, 0.0, 0.9))
    assert not answer.refused
    assert "Steunpunt Mantelzorg" in answer.text.split("\n")[1]


def test_a_quoted_table_row_gives_the_asked_years_figure_with_its_year():
    table = "\n".join(
        [
            "Prestatie-indicatoren · Omschrijving · 2020 (w) · 2021 (b) · 2022 (b)",
            "% jongeren in Ergens dat weet waar ze terechtkunnen met zorgen · 19% · 35% · 40%",
        ]
    )
    answer = _answer_from([table], "Hoeveel procent van de jongeren moet in 2021 weten waar ze terechtkunnen?")
    assert not answer.refused
    assert "2021 (b): 35%" in answer.text and "40%" not in answer.text and "19%" not in answer.text


def test_another_indicator_row_of_the_table_does_not_pad_the_answer():
    table = "\n".join(
        [
            "Omschrijving · 2020 (w) · 2021 (b) · 2022 (b)",
            "% jongeren in Ergens dat weet waar ze terechtkunnen met zorgen · 19% · 35% · 40%",
            "% inwoners dat weet waarvoor ze bij het wijkteam terechtkunnen · 30% · 40% · 50%",
        ]
    )
    answer = _answer_from([table], "Welk percentage jongeren moet in 2021 weten waar ze terechtkunnen met zorgen?")
    assert "2021 (b): 35%" in answer.text and "wijkteam" not in answer.text
    # The header itself is no answer, though a row is when figures are asked.
    assert not _usable(table.split("\n")[0], wants_figures=True) and _usable(table.split("\n")[1], wants_figures=True)


def test_an_english_question_s_own_dutch_name_is_its_subject_before_a_translation():
    texts = [*TEXTS, "Buurtbemiddeling helpt bij een burenruzie.", "Het Werkcentrum is op 7 juli 2025 gestart."]
    req = replace(_req("Since when is the 'Werkcentrum' open?", "en"), expansion="burenruzie buurtbemiddeling")
    # All three words are in one passage each, so they weigh the same: the name the question uses goes first.
    assert terms("Werkcentrum")[0] in _question_terms(req, BM25Index(texts)).specific


def test_a_refusal_names_the_question_s_words_not_the_policy_words_it_was_read_as():
    texts = [*TEXTS, "Een gehoorapparaat wordt vergoed."]
    req = replace(_req("Mijn hoortoestel is kapot, wie helpt mij?"), expansion="gehoorapparaat")
    # The passages answered from (TEXTS) lack "gehoorapparaat", the documents' word for "hoortoestel"; its stem
    # ("hoorapparaat") is no word to show a person, nor one the person used.
    found = evidence(req, _hits(), BM25Index(texts), {})
    assert found.question["specific_missing"] > 0 and found.missing == ()


def test_a_misspelt_word_is_written_as_the_documents_write_it_a_rare_word_is_not():
    index = BM25Index(
        [*TEXTS, "De campagne tegen eenzaamheid start in het najaar.", "Stichting Leergeld helpt gezinnen."]
    )
    # The search, the reading of the question and the answer see what was meant, with its capital.
    assert mended("Wanneer begint de campange tegen Eenzaamhied?", index) == (
        "Wanneer begint de campagne tegen Eenzaamheid?"
    )
    # "leefgeld" is one letter from "leergeld", but a word of Dutch, however rare: it is what was asked about.
    assert mended("Hoeveel leefgeld krijgt een vluchteling?", index) == "Hoeveel leefgeld krijgt een vluchteling?"


def test_staff_get_a_third_sentence_of_one_passage_residents_a_second_passage():
    from assistant.answering import Candidate, select

    first = ["De pilot is gestart.", "Rosa Manus en Kwintes begeleiden het gezin.", "Hij geldt voor 15 huisverboden."]
    candidates = [Candidate(t, 0, pos, {"names_place": 0.0}) for pos, t in enumerate(first)]
    candidates.append(Candidate("Veilig Thuis bundelt taken.", 1, 0, {"names_place": 0.0}))
    probabilities = [0.9, 0.8, 0.7, 0.6]

    def chosen(audience: str) -> list[str]:
        req = replace(_req("Welke organisaties begeleiden in de pilot?"), audience=audience)
        return [c.text for c in select(req, _hits(), candidates, probabilities, keep=0.1)]

    assert chosen("staff") == [*first, "Veilig Thuis bundelt taken."]
    assert chosen("resident") == [*first[:2], "Veilig Thuis bundelt taken."]
