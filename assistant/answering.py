"""Extractive answers: the sentences of the retrieved passages that answer the question, cited.

No language model is needed: every sentence of an answer is a sentence of a passage, followed by
its `[n]`. Only the short framing (introduction, refusal, where to ask) is our own wording, in the
question's language.

Which sentences answer, and whether the passages answer at all, is decided by a fitted model
(`answer_model`) over the features computed here; nothing in this module is a tuned weight.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import partial

from assistant import ages, common_words, guard, tables, thesaurus
from assistant.answer_model import Scorer, Variant
from assistant.domain import Citation, Passage
from assistant.lexical import STOPWORDS, WORD, BM25Index, stem, terms, words
from assistant.retrieval import Hit, context_line
from assistant.sentences import TYPED, asking
from assistant.sentences import split as sentences

SENTENCES = {"resident": 3, "staff": 5}
# At most this many of them from one passage: an answer that quotes one passage's first sentences misses what
# another passage adds, but staff read five, and a passage's third sentence may carry the asked part ("In deze
# pilot begeleiden ... Rosa Manus en Kwintes"). Held out: BENCHMARKS.md, forty-second session.
PER_PASSAGE = {"resident": 2, "staff": 3}
CANDIDATE_HITS = 6  # sentences are taken from this many best passages
MENDED = 7  # the shortest typo mended
EVERYDAY = 0.2  # a word this share of passages uses says nothing of what a question is about
EVERYDAY_PASSAGES = 10  # (in a small corpus, a word a handful of passages use is no everyday word)
GATE_HITS = 5  # whether to answer at all is judged on this many (what they lack is what is missing)
_END = re.compile(r"[.!?:;]+$")


@dataclass(frozen=True, slots=True)
class Request:
    """A question as the composer sees it, after guarding and municipality detection."""

    question: str
    language: str
    audience: str
    municipalities: tuple[str, ...]  # corpus municipalities asked about (or filtered on)
    others: tuple[str, ...]  # municipalities outside the corpus named in the question
    comparison: bool  # several municipalities must be kept apart
    home_elsewhere: bool = False  # the asker lives in one of `others` ("Ik woon in Nootdorp")
    expansion: str = ""  # policy words for what the question describes (thesaurus)
    in_domain: bool = False  # recognisably a question about social support
    indexed: tuple[str, ...] = ()  # every municipality in the index
    place_names: frozenset[str] = frozenset()  # lower-cased names of places: where to look, not what
    foreign: tuple[str, ...] = ()  # names in the question only other municipalities' documents use

    @property
    def ignored_terms(self) -> set[str]:
        """Terms that say where, not what: they are no evidence that a sentence answers."""
        # A word joined to a place's name names a place too: a district ("Rotterdam-Zuid"), or another
        # municipality ("Alphen-Chaam").
        districts = {
            t for w in words(self.question) if any(w.lower().startswith(f"{n}-") for n in self.place_names) for t in terms(w)
        }
        return (
            districts
            | {t for name in self.place_names for t in terms(name)}
            | _MUNICIPALITY
            | _PHRASING
        )


# "de gemeente" is who is asked, not what about. (Snowball's Dutch stemmer strips "ge-": "meen".)
_MUNICIPALITY = frozenset(terms("gemeente gemeenten gemeentelijk gemeentelijke municipality municipal"))


# Light, auxiliary and modal verbs, verbs of what a document says ("noemt", "hanteert"), prepositions,
# adverbs, "nieuw", "meest", "aandeel", the words of "hoe lang / hoe hoog" and of a limit asked for
# ("maximum", "uiterlijk") say how a question is phrased, not what it is about: "moest", "hoefde", "per" or
# "daarna" are rare in policy text, so by idf alone they would pass for its subject, and a regulation that
# says "ten hoogste" or "binnen drie maanden" never uses "maximum" or "uiterlijk".
_PHRASING = frozenset(
    terms(
        """krijg krijgt krijgen kreeg kregen doe doet doen deed deden ga gaat gaan ging gingen kom komt komen
        kwam kwamen moest moesten kun kunt kunnen kon konden heb hebt ben bent zit zitten zat zaten sta staat
        staan stond stonden word geef geeft geven gaf gaven laat laten liet maak maakt maken maakte gebeurt
        gebeuren gebeurde get gets got does doing go goes went come comes need needs happen happens
        per tijdens volgens binnen buiten tussen zonder sinds vanaf tegen via rond naast boven achter
        daarna daarvoor daarmee daarbij precies ongeveer huidige huidig lang hoog oud vaak
        hoef hoeft hoeven hoefde hoefden klopt kloppen klopte nieuw nieuwe meest meeste
        hanteer hanteert hanteren hanteerde noem noemt noemen noemde genoemd vermeld vermeldt vermelden
        beschrijft beschrijven beschreven aandeel hoeveelheid nu mn maximum minimum max uiterlijk
        vorige vorig afgelopen volgende volgend"""
    )
    # Pronominal adverbs ("word ik daarop gekort?", "wat staat erover?") point back at what was said, as a
    # pronoun does.
    + terms(
        " ".join(
            f"{head}{preposition}"
            for head in ("daar", "hier", "waar", "er")
            for preposition in "aan af bij door in mee na naar naartoe om onder op over tegen toe uit van voor".split()
        )
    )
)


# The words for a kind of literal fact: the fact rule checks the kind itself ("€ 1,35 miljoen" is an amount),
# and "bedrag" is rare in policy text, which states amounts without the word. A "streefwaarde" is a figure
# too: the target for mantelzorgers is about mantelzorgers, not about any "Streefwaarde: ..." line; "welke
# doelstelling ... tegen welk jaar" asks a target, which a document may call an aim ("een halvering in 2030").
_KIND_WORDS = frozenset(
    terms(
        "bedrag bedragen percentage procent aantal getal datum telefoonnummer nummer mailadres e-mailadres adres "
        "streefwaarde streefwaarden doelstelling doelstellingen ambitie ambities"
    )
)

# Words that say which one ("de laatste meting", "het huidige beleid"), not what: a sentence about the meting
# need not say "laatste" to be about the question's subject.
_WHICH_ONE = frozenset(terms("laatste eerste huidige volgende nieuwste recente actuele afgelopen komende"))


@dataclass(frozen=True, slots=True)
class Composed:
    text: str
    refused: bool
    citations: tuple[Citation, ...]
    related: tuple[Passage, ...] = ()  # shown after a refusal as related reading, never as an answer


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence of a retrieved passage with what the model weighs it by."""

    text: str
    hit: int  # index into the hits
    position: int
    features: dict[str, float] = field(compare=False)
    # A sentence that ends in ':' leads in a list: its items are part of what it says.
    items: tuple[str, ...] = ()

    @property
    def full_text(self) -> str:
        return " ".join((self.text, *self.items))


@dataclass(frozen=True, slots=True)
class Evidence:
    """Everything the decision is made from: the candidates and the question-level features."""

    candidates: tuple[Candidate, ...]
    question: dict[str, float]  # features of the question and its retrieved passages (before the ranker)
    missing: tuple[str, ...]  # the question's own specific words that the best passages lack
    unknown: tuple[str, ...] = ()  # the question's words that no document uses, typos of theirs aside (longest first)


# "Where can I go / who can help": residents need the name of a place or organisation.
_WANTS_PLACE = re.compile(
    r"\b(waar|bij wie|wie kan|wie helpt|aankloppen|terecht|heen|plek|loket|where|who can|help me)\b|"
    # "Welke (welzijns)organisaties ...", "Met welke partners ...", "Wie voert ... uit": names are asked for.
    r"\b\w*(instanties?|organisaties?|organisations?|organizations?)\b|\bmet\s+welke\s+partners?\b|\bwie\s+voer(t|en)\b|"
    r"\b(me|mij|ons)\s+(\w+\s+)?help(en|e)?\b|"  # "kan de gemeente me helpen", "kan iemand ons wat helpen"
    # "Is er iets voor mensen zoals ik?", "komt er iemand langs?": a service, so who gives it.
    r"\b(is|zijn)\s+er\s+(iets|iemand|ergens|mensen|organisaties?)\b|\bkomt\s+er\s+iemand\b|"
    r"\bis\s+there\s+(anything|anyone|anybody|someone|somebody|somewhere)\b",
    re.I,
)
_NAME = re.compile(r"(?<=[a-z,;:)] )(?:[A-Z][\w-]+|[A-Z]{2,})")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-zà-ÿ][\w-]*")
# A name of several words, each capitalised but its small linking ones: "Sterk voor Noord", "Week tegen Eenzaamheid".
_LONG_NAME = re.compile(
    r"(?<=[a-z,;:)] )[A-Z][\w-]+(?:\s+(?:(?:voor|van|tegen|met|op|in|en|de|het|der|den|aan|bij|of)\s+){0,2}[A-Z][\w-]+)+"
)
_WANTS_FIGURES = re.compile(
    r"hoeveel|percentage|procent|aantal|streefwaarde|indicator|cijfer|bedrag|budget|%|how many|how much|target|"
    r"grens|datum|wanneer|termijn|binnen hoeveel|deadline|when|welk jaar",
    re.I,
)
_DIGIT = re.compile(r"\d")
# A word fit to name in a refusal: a plain word of six letters or more, so a subject ("wethouder",
# "schulden") rather than a verb of the question ("duurt", "krijg"); no numbers, codes or links.
_PLAIN = re.compile(r"[a-zà-ÿ]{6,}(-[a-zà-ÿ]+)*", re.I)
# Closed-class words that are long enough to pass for one but never what a question is about: pronouns,
# quantifiers, conjunctions, adverbs of place and question words written as one ("hoelang"). The fitted
# features count them as they were fitted; only a refusal does not name them.
_NOT_A_SUBJECT = frozenset(
    """jullie julliezelf mezelf jezelf zichzelf onszelf hunzelf elkaar mekaar iedereen niemand allemaal
    allebei hetzelfde dezelfde datgene degene zoiets sommige anderen ergens nergens overal hoelang hoevaak weinig
    hoeveelste waarvoor waarmee waarheen waardoor waarover waarbij waarin waarop waaraan terwijl hoewel
    voordat nadat totdat zodra zodat misschien alsjeblieft alstublieft bedankt erover ervan erop erin ermee
    erbij ervoor daarvan daarover daarin daarop daaraan daaruit daartoe daardoor hiervan hierover hierin hierop
    hiermee hierbij hiervoor bovenop waarboven bijvoorbeeld genoeg twee drie vier vijf zes zeven acht negen
    tien twintig honderd honderden duizend duizenden miljoen miljard hallo hoi hey goedemorgen goedemiddag
    goedenavond goedendag goeiedag goeiemorgen groetjes groeten""".split()
)
# The people of a resident's story ("mijn dochter van 14", "onze buurman") are whom it is about, not a subject
# the documents lack: a refusal does not say "Over dochter staat niets in de documenten".
_PEOPLE = frozenset(
    """moeder vader ouders ouder dochter dochters zoon zonen zoontje dochtertje kind kinderen kindje kids baby
    zus zussen zusje broer broers broertje oma opa grootouders kleinkind kleinkinderen tante oom neef nicht
    partner vriend vriendin vriendje buurman buurvrouw buren echtgenoot echtgenote schoonmoeder schoonvader
    collega familie mother father parents daughter son child children sister brother neighbour""".split()
)
# "mijn dochter van 13", "mn opa (84)", "ik ben 74", "hij is 19 jaar oud": someone's age tells who, not what is
# asked; as a term it would match "lid 13" of an article or a 74 in a table.
_AGE = re.compile(
    rf"\b(?:{'|'.join(sorted(_PEOPLE))}|ik|hij|zij|ze|i|he|she)\s+(?:van\s+|is\s+|ben\s+|am\s+|\(\s*)?(\d{{1,3}})\b"
    r"(?!\s*(?:euro|%|procent))|"
    r"\b(\d{1,3})\s+jaar\s+oud\b|\b(\d{1,3})[- ]jarige?\b",
    re.I,
)


def _stated_ages(question: str) -> frozenset[int]:
    """The ages a story gives ("mijn zoon van 19", "ik ben 74")."""
    return frozenset(int(n) for m in _AGE.finditer(question) for n in m.groups() if n)


# "mijn man", "m'n vrouw", "her partner": whose story it is, not what it asks about; as terms they would match
# "Ook mannen kunnen slachtoffer zijn" or "maatschappelijke partners".
_SPOUSE = re.compile(
    r"\b(?:mijn|m'n|mn|me|haar|zijn|z'n|d'r|onze|my|her|his|our)\s+(man|vrouw|partner|husband|wife)\b", re.I
)
# "ik woon in Zwolle", "mijn moeder woont sinds kort in Assen", "ik woon bij Utrecht Centraal": where someone lives
# says where to look, as the place name does, not what the question is about ("ik woon alleen in een huurflat" is
# about housing).
# Only the rule that a sentence must name the question looks past it: the fitted features keep the word.
_LIVES_IN = re.compile(
    r"\b(woon|woont|wonen|woonde|woonden)\s+(?:[\w-]+\s+){0,3}?(?:in|bij|vlakbij|dichtbij|nabij|naast)\s+([\w-]+)", re.I
)
# "wie kan me helpen?", "is er iemand die ons kan helpen?", "bij wie kan ik aankloppen?": how help is asked
# for, not what with.
_ASKS_HELP = re.compile(
    r"\b(wie|wat|iemand|iets|die|dat)\s+(kan|kunnen)\s+((me|mij|ons|hem|haar|je|jou)\s+)?helpen\b|"
    r"\b(kan|kunnen)\s+(iemand|jullie|u)\s+((me|mij|ons|hem|haar)\s+)?helpen\b|"
    # "Bij welk loket kan ik terecht?" asks where, as "waar" does: the desk is no subject the documents must name.
    r"\b(bij|naar|aan)\s+(welk|welke|een|het|wat\s+voor)\s+(\w+\s+)?(loket|instantie)\b|"
    r"\baanklop\w*",
    re.I,
)
# Whether a rule of one municipality holds in another: "geldt dat ook in Schiedam?", "hetzelfde bedrag als in ...".
_ALSO_THERE = re.compile(
    r"\b(geldt|gelden|hetzelfde|dezelfde|zelfde|net als|net zo|ook\s+(als|voor|in|bij)|apply|applies|the same|also in)\b",
    re.I,
)
_YEAR = tables.YEAR
# "in de begroting 2026", "het Sociaal Kompas 2017-2020", "the 2025 budget": a year that names a document says which
# document, not which year the fact is about ("Welke ambitie heeft de begroting 2026 voor de jeugdzorg, en tegen welk
# jaar?" is answered by "halvering in 2030").
_DOCUMENT_YEAR = re.compile(
    r"\b(?:\w*begroting|jaarverslag|jaarrekening|beleidsplan|kompas|nota|beleidsregels?|verordening|"
    r"uitvoeringsprogramma|beleidskader|speerpunten)\s+(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?|"
    r"\b(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?\s+(?:budget|policy\s+plan|annual\s+report|regulations?)\b",
    re.I,
)
# "zo duur" is what something costs; the documents' "duur" is how long it lasts.
_EXPENSIVE = re.compile(
    r"\b(te|zo|erg|heel|best|nogal|echt|wel|ook|veel|is|was|wordt|worden|zijn|waren|vind|vindt)\s+duur\b(?!\s+van\b)",
    re.I,
)
# A regulation's rules are found and shown by article ("Artikel 9.2 Terugvordering ..."): each quoted rule carries
# its article number, which staff look up and a resident can point the municipality to.
_ARTICLE = re.compile(r"^(artikel|article)\s+\d+[a-z]?(\.\d+[a-z]?)*\b", re.I)
_MONTH = re.compile(guard.MONTHS)
# Kinds of question besides literal facts, each with the words a sentence that answers it tends to use.
# They are features for the fitted model, not rules: how much each counts is learned.
_ASKS: dict[str, re.Pattern[str]] = {
    "procedure": re.compile(
        r"\bhoe\s+(vraag|meld|kan|moet|krijg|regel|doe)\b.*\b(aan|aanvragen|aanmelden|melden|krijgen|regelen)\b|"
        r"\b(aanvragen|aanmelden|inschrijven|welk\s+formulier|welke\s+stappen)\b|\bhow\s+(do|can)\s+i\s+(apply|register)",
        re.I,
    ),
    # "Bij welke organisatie ...", "bij welk loket": a name. "Bij welke hoogte", "bij welke afwijking": an amount or a
    # condition, which the documents do give.
    "name": re.compile(
        r"\bhoe\s+heet|\bwat\s+is\s+de\s+naam|\bwelke\s+naam|\bwhat\s+is\s+the\s+name|"
        r"\bbij\s+welke?\s+(\w+\s+)?(\w*organisaties?|\w*instanties?|\w*instellingen?|\w*loket|stichting|bureau|partij|"
        r"aanbieders?|\w*verzekeraar|huisarts\w*|\w*team|afdeling|gemeente|praktijk\w*|club|vereniging)\b",
        re.I,
    ),
    "why": re.compile(r"\bwaarom\b|\bwaardoor\b|\bwhy\b", re.I),
    "yes_no": re.compile(r"^\s*(kan|kun|mag|moet|heb|krijg|is|zijn|wordt|can|may|do|does|is|am)\b", re.I),
    "definition": re.compile(r"\bwat\s+(is|zijn|doet|doen|betekent|houdt)\b|\bwhat\s+(is|are|does)\b", re.I),
}
_PROCEDURE_WORDS = re.compile(
    r"\b(aanvra\w*|aanmeld\w*|melden|formulier\w*|loket|indienen|ingediend|contact\s+op|terecht\s+bij|via\s+de|"
    r"afspraak|intake|website|apply|application)\b",
    re.I,
)
# The thing a question asks for: "Welke *wethouder*", "Hoeveel *mensen*", "Wat is de *streefwaarde*".
_FOCUS = re.compile(
    r"\b(welke|welk|hoeveel|wat\s+is\s+de|wat\s+is\s+het|wat\s+zijn\s+de|which|what\s+is\s+the|what\s+are\s+the|how\s+many)"
    r"\s+([\w-]+)",
    re.I,
)
# What a duration is asked of, in a clause after the question words: "Hoeveel tijd heb ik *om bezwaar te maken*?", "Hoe
# lang duurt het *voordat ik een beslissing krijg*?" ("omgezet in bijstand om niet" is none).
_DURATION_OF = re.compile(r"\b(?:voordat|totdat|eer)\b([^,;?!.]*)|\bom\b([^,;?!.]*?\bte\s+\w+)", re.I)
# How long one waits for an answer ("Hoe lang mag de gemeente erover doen?", "... voordat ik bericht krijg?") is how
# long deciding may take: a stretch of time answers only from a text that speaks of deciding. (Not "Hoe lang mag ik
# erover doen?": that asks how long the person may take.)
_WAITING = re.compile(
    r"\b(mag|mogen|mocht|doet|doen)\s+(?!ik\b|je\b|jij\b|u\b|we\b|wij\b|hij\b|zij\b)(\w+\s+){1,3}?(erover|er\s+over)\b|"
    r"\b(bericht|antwoord|reactie|beslissing|besluit|beschikking|beslissen|beslist)\b|"
    r"\b(decide|decides|decision|hear\s+back)\b",
    re.I,
)
_DECIDING = frozenset(terms("beslissen beslissing beslist besluit beschikking"))
# "voordat ik een beslissing krijg op mijn aanvraag": the decision is timed, not the application.
_OBJECT_OF = frozenset("op tegen voor van bij naar met over aan in uit".split())
# From this frequency a word of that clause tells of any event ("maken", "krijgen", "bericht"), not which.
TELLING_WORD = 5.0


def named_elsewhere(
    question: str, asked: Sequence[str], index: BM25Index, naming: Callable[[str], set[str]]
) -> tuple[str, ...]:
    """The names in `question` ("Kan ik in Zwolle een Ooievaarspas krijgen?") that the documents of other
    municipalities than those `asked` about use, and theirs never: another municipality's scheme or organisation,
    of which the asked one's documents say nothing, however near their passages on the same topic.

    A name is a capitalised word inside a sentence of the question without its place names, or several such words
    as one name ("Sterk voor Noord": the asked municipality's documents may well use "sterk" and "noord"); a word
    many passages use ("Wmo") is no one municipality's own. `naming` gives the municipalities whose passages
    name it. On the labelled sample sets, 10 of the 11 questions with a one-word such name are to be declined
    (BENCHMARKS.md).
    """
    if not asked:
        return ()

    def elsewhere(name: str) -> bool:
        stems = terms(name)
        if not stems or all(_everyday(t, index) for t in stems):
            return False
        users = naming(name)
        return bool(users) and users.isdisjoint(asked)

    found = []
    for long in _LONG_NAME.findall(question):
        if elsewhere(long):
            found.append(long)
            question = question.replace(long, " ")
    found += [name for name in _NAME.findall(question) if len(terms(name)) == 1 and elsewhere(name)]
    return tuple(dict.fromkeys(found))


def _things_named(text: str, places: frozenset[str] | set[str], index: BM25Index, ordinary: set[str]) -> set[str]:
    """The (stemmed) names of schemes and organisations in `text` that the documents use: capitalised words inside a
    sentence, but places, `ordinary` words and the corpus's everyday ones."""
    found = set()
    for name in _NAME.findall(text):
        stems = terms(name)
        if (
            len(stems) == 1
            and name.lower() not in places
            and name.lower() not in ordinary
            and stems[0] in index.postings
            and not _everyday(stems[0], index)
        ):
            found.add(stems[0])
    return found


def _everyday(term: str, index: BM25Index) -> bool:
    """Whether so many passages use the term that it says nothing of what a question is about."""
    return len(index.postings.get(term, ())) >= max(EVERYDAY * index.n, EVERYDAY_PASSAGES)


def names_a_place(sentence: str, ignore: frozenset[str] | set[str]) -> bool:
    """A capitalised name inside the sentence (not its first word), other than a municipality's."""
    return any(m.group(0).lower() not in ignore for m in _NAME.finditer(sentence))


def coverage(sentence_terms: set[str], weights: dict[str, float], index: BM25Index) -> float:
    """The idf-weighted share of question terms in a text; a compound, or a compound's head, counts for half."""
    total = sum(weights.values())
    found = 0.0
    for t, w in weights.items():
        if t in sentence_terms:
            found += w
        elif any(c in sentence_terms for c in (*index.compounds(t), *index.heads(t), *index.kin(t))):
            found += w / 2
    return found / total if total else 0.0


def _is_heading(sentence: str) -> bool:
    """A short line without a full stop, or a numbered section title ("4.3 We ondersteunen minimahuishoudens")."""
    return (len(sentence.split()) < 8 or bool(guard.OUTLINE.match(sentence))) and not sentence.endswith(
        (".", "!", "?", ";")
    )


def _heading(text: str) -> str:
    """The heading a passage opens with, if it opens with one. (Not the last part of `Passage.section`: a chunk
    that continues the text after the heading's paragraphs carries that section too.)"""
    first, newline, _ = text.strip().partition("\n")
    first = first.lstrip("#").strip()
    return first if newline and _is_heading(first) else ""


def _usable(sentence: str, wants_figures: bool) -> bool:
    """Headings, a table's header, and flattened table rows unless the question asks for figures, are no
    answer; nor are instructions aimed at an assistant that a document may carry: those are data."""
    if guard.is_injection(sentence) or sentence.startswith("#"):
        return False
    if "·" in sentence or sentence.count("|") >= 2:
        return wants_figures and not tables.year_columns(sentence)  # a table's header: years, no figures
    return not _is_heading(sentence)


@dataclass(frozen=True, slots=True)
class _Terms:
    """The question's terms with their idf weights, split by what they tell."""

    own: dict[str, float]  # the question's own words that some document uses
    all: dict[str, float]  # own words and thesaurus words (at half weight)
    subject: dict[str, float]  # own words but numbers and months: what the question is about
    specific: dict[str, float]  # the two rarest subject words: what the question is specifically about
    asked: dict[str, float]  # the two rarest subject words of its question sentences (a story is context)
    unknown: tuple[str, ...]  # the question's content words that no document uses
    content: int  # how many content words the question has
    surface: dict[str, str]  # term -> a word of the question that gave it (to name what is missing)
    focus_words: frozenset[str]  # what the question asks for ("wethouder" in "Welke wethouder ...")
    years: frozenset[str]  # the years it names, but those of a document it names
    documents: frozenset[str]  # the years of the documents it names
    frame: frozenset[str]  # terms only of "ik woon in <place>" or "wie kan me helpen": where and how, not what
    fixes: dict[str, str]  # the question's typos -> the documents' words they stand for
    timed: frozenset[str]  # what a duration is asked of: "bezwaar" in "Hoeveel tijd heb ik om bezwaar te maken?"

    @property
    def focus(self) -> frozenset[str]:
        """What it asks for, with its years: 2022's figure does not answer a question about 2024, and a 2017 plan
        does not answer one about the 2026 budget."""
        return self.focus_words | self.years | self.documents


def _question_terms(req: Request, index: BM25Index) -> _Terms:
    ignore = req.ignored_terms
    question = _EXPENSIVE.sub(r"\1", req.question)
    fixes = _typos(question, index)
    surface: dict[str, str] = {}
    for w in words(question):
        for t in _mended(w, fixes):
            surface.setdefault(t, w)
    who = {str(age) for age in _stated_ages(question)} | {t for m in _SPOUSE.finditer(question) for t in terms(m.group(1))}
    content = [t for t in dict.fromkeys(_mended(question, fixes)) if t not in ignore and t not in who]
    own = {t: index.idf(t) for t in content if t in index.postings}
    # The policy words for what the question describes weigh half; for an English question they are the
    # Dutch for its own words, and weigh as such.
    share = 1.0 if req.language == "en" else 0.5
    extra = {
        t: share * index.idf(t) for t in sorted(set(terms(req.expansion))) if t not in ignore and t in index.postings
    }
    if req.language == "en":
        # Its own words first: at equal weight, a Dutch name the question uses ("the 'Werkcentrum'") is more
        # specifically its subject than a translation.
        own = own | {t: w for t, w in extra.items() if t not in own}
    unframed = _LIVES_IN.sub(lambda m: " " if m.group(2).lower() in req.place_names else m.group(0), question)
    unframed = _ASKS_HELP.sub(" ", unframed)
    frame = frozenset(content) - set(_mended(unframed, fixes))
    # Numbers and months are what a fact says ("75 euro", "sinds januari"), not what the question is about;
    # nor, in a question for a literal fact, the word for its kind ("Welk bedrag ... voor de jongerenopvang?").
    kind_words = _KIND_WORDS if guard.answer_type(question) else frozenset()
    # A word the documents only use inside compounds is known to them ("maaltijden", "maaltijdvoorziening").
    # Nor do they lack how a question asks for help ("Bij wie kan ik aankloppen?"), nor the kind of fact it asks
    # ("Op welke datums ...?": documents give dates without the word).
    unknown = tuple(
        t
        for t in content
        if t not in index.postings
        and not t[0].isdigit()
        and not index.compounds(t)
        and t not in frame
        and t not in kind_words
    )
    # A resident's word no document uses, whose policy word the thesaurus knows ("hoortoestel": "gehoorapparaat"),
    # is the question's subject under that name, and weighs as the question's own word.
    stand_ins = terms(thesaurus.expand(" ".join(surface.get(t, t) for t in unknown))) if unknown else []
    own = own | {t: index.idf(t) for t in stand_ins if t not in ignore and t in index.postings and t not in own}
    # Nor is such a word one the documents know nothing of ("strafblad": they speak of the VOG).
    unknown = tuple(
        t for t in unknown if not any(s in index.postings for s in terms(thesaurus.expand(surface.get(t, t))))
    )
    subject = {
        t: w
        for t, w in own.items()
        if not t[0].isdigit() and not _MONTH.fullmatch(t) and t not in kind_words and t not in _WHICH_ONE
        and t not in frame
    }
    specific = _rarest(subject)
    in_asking = set(_mended(asking(question), fixes))
    asked = _rarest({t: w for t, w in subject.items() if t in in_asking}) or specific
    words_asked = _asked_for(question, fixes) - ignore
    years = frozenset(_YEAR.findall(_DOCUMENT_YEAR.sub(" ", question)))
    documents = frozenset(y for m in _DOCUMENT_YEAR.finditer(question) for y in _YEAR.findall(m.group(0)))
    timed = _duration_of(question, fixes, index, frame | ignore | who, req.language)
    return _Terms(
        own, extra | own, subject, specific, asked, unknown, len(content), surface, words_asked, years, documents,
        frame, fixes, timed,
    )  # fmt: skip


def _duration_of(
    question: str, fixes: dict[str, str], index: BM25Index, besides: frozenset[str], language: str
) -> frozenset[str]:
    """The terms of what a question for a duration asks the duration of, with the policy words of those the
    documents lack; empty when it names no such clause, or one of everyday words only ("voordat ik bericht krijg").
    Of an English question, only whether it asks how long deciding takes: its own words are not the documents'."""
    if guard.answer_type(question) != "duration":
        return frozenset()
    asks = guard.ANSWER_TYPES["duration"][0]
    found: set[str] = set()
    for sentence in sentences(question, TYPED, min_words=1):
        if not (m := asks.search(sentence)):
            continue
        if _WAITING.search(sentence, m.end()):
            found |= _DECIDING
        if language == "en" or not (clause := _DURATION_OF.search(sentence, m.end())):
            continue
        told: list[str] = []
        for w in words(clause[1] or clause[2]):
            if told and w.lower() in _OBJECT_OF:
                break
            if common_words.frequency(w) < TELLING_WORD:
                told.append(w)
        found |= {
            t
            for t in _mended(" ".join(told), fixes)
            if t not in besides and t not in _KIND_WORDS and not t[0].isdigit() and not _everyday(t, index)
        }
        # A resident's word the documents lack stands for their word ("bonnetjes" for "aankoopbewijzen").
        unknown = " ".join(w for w in told if not any(t in index.postings for t in _mended(w, fixes)))
        found |= {t for t in terms(thesaurus.expand(unknown)) if t in index.postings and not _everyday(t, index)}
    return frozenset(found)


def _typos(question: str, index: BM25Index) -> dict[str, str]:
    """The question's misspelt words mended to the documents' ("instalatiekosten" is their "installatiekosten"):
    residents type fast, and a misspelt subject is still the subject. A typo of a stop word ("hoevel") maps
    to "" and goes. A word some document uses in a compound is no typo."""
    fixes = {}
    for w in dict.fromkeys(w for w in words(question) if w not in STOPWORDS):
        t = stem(w)
        # Short words are one edit from other real words ("nacht", "onacht"); long ones seldom are.
        if len(t) < MENDED or t[0].isdigit() or t in fixes:
            continue
        # The cheap test first: `correction` is None for an indexed word, `compounds` scans the vocabulary.
        fixed = index.correction(t, w)
        if fixed is None or index.compounds(t):
            continue
        # A Dutch word is no typo of another ("dochter" is not "dichter", "bezwaar" not "bewaar"), but may be a
        # form the stemmer left apart from the documents' ("betaalt" is their "betaal"); an English one is the
        # Dutch word it nearly is ("regional").
        if common_words.is_word(w) and not common_words.is_word(w, "en") and not _same_word(t, fixed):
            continue
        fixes[t] = "" if fixed in STOPWORDS else fixed
    return fixes


def mended(question: str, index: BM25Index) -> str:
    """`question` with each misspelt word written as the documents write it ("campange" as "campagne"), so that
    the search, the reading of what is asked and the answer see what the person meant. A word of Dutch or English
    stays as written: only a word in no list of words is a typo for certain ("leefgeld" is a rare word, not a typo of
    "leergeld")."""
    fixes = _typos(question, index)

    def mend(m: re.Match[str]) -> str:
        word = m.group(0)
        fixed = fixes.get(stem(word.lower()))
        if not fixed or fixed not in index.forms or common_words.is_listed(word):
            return word
        # Of the documents' words for the term, the one nearest the typo ("zorgverzekring" is "zorgverzekering",
        # not "zorgverzekeraar"); ties go alphabetically, so the answer does not depend on the order of indexing.
        form = max(sorted(index.forms[fixed]), key=lambda f: SequenceMatcher(None, word.lower(), f).ratio())
        if form.replace("-", "") == word.lower().replace("-", ""):
            return word  # the same word, written apart ("door-decentralisatie")
        return form.capitalize() if word[0].isupper() else form

    return WORD.sub(mend, question) if fixes else question


def _same_word(term: str, other: str) -> bool:
    """Whether one of two stems is the other with an ending ("betaalt", "betaal"), the shorter not too short."""
    short, long = sorted((term, other), key=len)
    return len(short) >= MENDED - 2 and long.startswith(short)


def _mended(text: str, fixes: dict[str, str]) -> list[str]:
    """`terms(text)` with the question's typos mended."""
    return [m for m in (fixes.get(t, t) for t in terms(text)) if m]


def _rarest(weights: dict[str, float], most: int = 2) -> dict[str, float]:
    """The `most` rarest terms: what a question (or one of its parts) is specifically about."""
    return dict(sorted(weights.items(), key=lambda kv: -kv[1])[:most])


def _asked_for(text: str, fixes: dict[str, str]) -> frozenset[str]:
    """The terms of the thing asked for: "wethouder" in "Welke wethouder ..."."""
    return frozenset(t for m in _FOCUS.finditer(text) for t in _mended(m.group(2), fixes))


def evidence(
    req: Request, hits: Sequence[Hit], index: BM25Index, similarities: dict[tuple[str, int], float]
) -> Evidence:
    """The candidate sentences with their features, and the question's features."""
    qt = _question_terms(req, index)
    kind = guard.answer_type(req.question)
    wants_place = bool(_WANTS_PLACE.search(req.question))
    wants_figures = bool(_WANTS_FIGURES.search(req.question))
    others = [o.lower() for o in req.others]
    max_idf = math.log(1 + (index.n + 0.5) / 0.5) if index.n else 1.0
    about = {t: w for t, w in qt.all.items() if t not in qt.frame}
    # For the fact rules, what it asks for but an everyday word: in rules that all speak of bijstand, "hoeveel
    # bijstand" is not answered by any amount whose sentence says "bijstand".
    fact_focus = frozenset(t for t in qt.focus_words if not _everyday(t, index))
    # Also for the fact rules: the schemes and organisations the question names ("het Kindpakket").
    # A word the passages also write in lower case is an ordinary one ("Preventie" heading a budget line).
    ordinary = (
        {w for h in hits[:CANDIDATE_HITS] for w in _LOWER_WORD.findall(h.passage.text)}
        if _NAME.search(req.question)
        else set()
    )
    names = _things_named(req.question, req.place_names, index, ordinary)
    parts = _asked_parts(req.question, qt)
    asked_numbers = _numbered(req.question)
    stated_ages = _stated_ages(req.question)
    per_period = kind in ("amount", "price") and bool(_PER_PERIOD.search(asking(req.question)))
    candidates: list[Candidate] = []
    passage_terms: list[set[str]] = []
    for h, hit in enumerate(hits[:CANDIDATE_HITS]):
        p = hit.passage
        in_passage = set(terms(f"{context_line({'title': p.title, 'section': p.section})}\n{p.text}"))
        passage_terms.append(in_passage)
        passage_years = frozenset(_YEAR.findall(p.text))
        # For the fact rules: a regulation names an article's subject once, in its heading ("Artikel 7 Extra
        # warmtekosten"), and a budget its project's ("Pilot 'Buurtbudget'"); the facts below it are about that
        # subject. Not for a count, which any number gives: every number below the heading would count.
        heading = set(terms(_heading(p.text))) if kind != "count" else set()
        passage = {
            "passage_focus": _has_any(qt.focus, in_passage, index),
            "passage_coverage": coverage(in_passage, qt.own, index),
            "passage_specific": coverage(in_passage, qt.specific, index),
            "dense": hit.dense,
            "fused": p.score,
            "rank": 1.0 / (1 + h),
        }
        in_order = sentences(p.text)
        for pos, sentence in enumerate(in_order):
            if not _usable(sentence, wants_figures):
                continue
            in_sentence = set(terms(sentence))
            n_words = len(sentence.split())
            table_row = "·" in sentence or sentence.count("|") >= 2
            items = _list_items(in_order, pos)
            whole = " ".join((sentence, *items))
            if _numbered_otherwise(whole, asked_numbers):
                continue
            in_whole = in_sentence | set(terms(" ".join(items))) if items else in_sentence
            in_fact = in_whole | heading | set(terms(_lead_in(in_order, pos)))
            named_parts = [part for part in parts if _names_part(part, in_whole, index)]
            features = passage | {
                "coverage": coverage(in_sentence, qt.all, index),
                # For the rule that an answer names the question (not fitted): "ik woon in ..." does not count.
                "names_question": coverage(in_sentence, about, index),
                "own_coverage": coverage(in_sentence, qt.own, index),
                "specific": coverage(in_sentence, qt.specific, index),
                "focus": _has_any(qt.focus, in_sentence, index),
                # For the fact rules only (not fitted): the subject asked for, and the year asked about, in
                # the same text as the fact itself, a lead-in with its items ("indien: a. ... b. ... € 150").
                "focus_words": _has_any(fact_focus, in_fact, index),
                # For the fact rules only (not fitted): what a duration is asked of, in the fact's text.
                "timed": _has_any(qt.timed, in_fact, index),
                "subject": coverage(in_whole, qt.subject, index),
                "part_fact": float(any(part.kind and guard.has_fact(part.kind, whole) for part in named_parts)),
                "part_subject": float(bool(named_parts)),
                "fact_specific": coverage(in_fact, qt.specific, index),
                "asked": coverage(in_fact, qt.asked, index),
                # Whether the age group it names holds the age the story gives ("tot 27 jaar" for "ik ben 22").
                "age": ages.fits(stated_ages, whole),
                "year": _year_matches(qt.years, whole, in_passage, passage_years, p.year, qt.documents),
                "similarity": similarities.get((p.chunk_id, pos), 0.0),
                "position": 1.0 / (1 + pos),
                "words": min(n_words, 80) / 80,
                "table_row": float(table_row),
                "table_row_figures": float(table_row and wants_figures),
                "fact_type": (
                    (1.0 if guard.has_fact(kind, whole) and not (per_period and _paid_once(whole)) else -1.0)
                    if kind
                    else 0.0
                ),
                "names_place": float(wants_place and names_a_place(sentence, req.place_names)),
                "figures": float(wants_figures and bool(_DIGIT.search(whole))),
                "names_other": float(any(o in sentence.lower() for o in others)),
                "procedure_words": float(bool(_PROCEDURE_WORDS.search(whole))),
                # For the fact rules only (not fitted): the text names another scheme or organisation, and none of
                # those the question names ("tot 130 procent ... de Ooievaarspas" does not answer for the Kindpakket).
                "other_thing": float(
                    bool(names)
                    and names.isdisjoint(in_fact)
                    and bool(_things_named(whole, req.place_names, index, ordinary) - names)
                ),
            }
            candidates.append(Candidate(sentence, h, pos, features, items))
    # How a sentence compares with the question's other candidates: a pointwise ranker sees each sentence
    # alone, and what is near for one question is far for another.
    for name in ("similarity", "coverage"):
        best = max((c.features[name] for c in candidates), default=0.0)
        for c in candidates:
            c.features[f"{name}_gap"] = c.features[name] - best
    top = passage_terms[:GATE_HITS]
    # An everyday word ("overleden", "straks") is part of the story, not a subject the documents lack.
    missing = [
        t
        for t in qt.specific
        if not any(t in ts or _related_in(t, ts, index) for ts in top) and not _common(t, qt, req.language)
    ]
    rare_unknown = [t for t in qt.unknown if not _common(t, qt, req.language)]
    question = {
        "specific_missing": max((qt.specific[t] / max_idf for t in missing), default=0.0),
        "asks_fact": float(kind is not None),
        "asks_focus": float(bool(qt.focus)),
        "asks_place": float(wants_place),
        **{f"asks_{name}": float(bool(pattern.search(req.question))) for name, pattern in _ASKS.items()},
        "in_domain": float(req.in_domain),
        # An English question shares few words with Dutch documents, so its word features say less; that it
        # is about social support says more.
        "english_in_domain": float(req.language == "en" and req.in_domain),
        "other_service": float(thesaurus.other_service(req.question)),
        "names_other": float(bool(req.others) and not req.municipalities),
        "best_dense": max((h.dense for h in hits[:GATE_HITS]), default=0.0),
        "best_similarity": max((c.features["similarity"] for c in candidates if c.hit < GATE_HITS), default=0.0),
    }
    # Longer words are the more specific ones ("beschikking" before "duurt"); only plain words are named.
    unknown = sorted(
        (w for w in (qt.surface.get(t, t) for t in rare_unknown) if _PLAIN.fullmatch(w)), key=len, reverse=True
    )
    # A typo of a word the documents use ("bijzondre"), or a compound of two ("bijstandsuitkering"), is not
    # named as a subject they lack; it still counts as unknown to the fitted features, which were fitted with
    # it (counting such compounds as known moved no held-out number beyond a question: BENCHMARKS.md). Nor is a
    # word they use only to start compounds, whose own stem the stemmer changed ("reparatie" stems to "repareer",
    # "reparatiekosten" to "reparatiekost").
    known_otherwise = {
        qt.surface.get(t, t)
        for t in qt.unknown
        if index.near(t) or index.parts(t) or index.compounds(qt.surface.get(t, t).lower())
    }
    # How much of the question no document uses, but its everyday words: a subject they never mention
    # ("stempas"), but just as often a typo or English. Only the fit can say what that is worth; on the
    # labelled sets it leans slightly towards answering (colloquial questions are mostly answerable).
    # For the scope rule only (not fitted): no word of the question's subject is one the documents use, or
    # only everyday ones many passages have ("Wie wint de Eredivisie dit jaar?": "jaar"). On the labelled
    # sets this holds for 26 Dutch questions outside the social domain, all to be declined (0.2 was chosen
    # before looking).
    # Also for the scope rule: what its question sentences ask is small talk (a story around them may name the
    # social domain: "Gaat het morgen regenen? Ik wil met mijn moeder in de rolstoel naar de markt.").
    question["small_talk"] = float(thesaurus.small_talk(asking(req.question)))
    question["scheme_missing"] = float(
        thesaurus.schemes_missing(req.question, (f"{h.passage.section}\n{h.passage.text}" for h in hits[:GATE_HITS]))
    )
    question["everyday_subject"] = float(all(_everyday(t, index) for t in qt.subject))
    question["unknown_share"] = len(rare_unknown) / max(1, qt.content)
    # Of those, the words of the language: a subject the documents lack ("bezwaar"), where the rest are mostly typos.
    in_language = sum(common_words.is_word(qt.surface.get(t, t)) for t in rare_unknown)
    question["unknown_words"] = in_language / max(1, qt.content)
    question["unknown_subject"] = float(bool(unknown))
    # "vraagt" is a form of the documents' "vraag", however seldom they use it: not what they lack.
    inflected = {t for t in missing if qt.surface.get(t, t).endswith("t") and t[:-1] in index.postings}
    verbs = _verbs(req.question)
    # Only the question's own words are named: a policy word it was read as ("tabletregeling" for "laptop") is
    # not what the person asked about, and its stem is no word ("tabletregeel").
    named_missing = (
        w for w in (qt.surface[t] for t in missing if t in qt.surface and t not in inflected) if _nameable(w, verbs)
    )
    named_unknown = (w for w in unknown if w not in known_otherwise and _nameable(w, verbs))
    return Evidence(tuple(candidates), question, tuple(named_missing), tuple(named_unknown))


@dataclass(frozen=True, slots=True)
class _Part:
    """One part of a question of several ("Hoeveel geld ..., en tot welk jaar ...?"): the kind of literal
    fact it asks for ("" when none), its own rarest word and what it asks for. One word, not two: a part's second
    rarest is often a word of the whole story ("gebruik" of "... meer mensen die minimaregelingen gaan gebruiken. Met
    hoeveel moet dat omhoog"), which any sentence on the use of another scheme names."""

    kind: str
    specific: dict[str, float]
    focus: frozenset[str]


def _asked_parts(question: str, qt: _Terms) -> list[_Part]:
    """The parts of a question of several; none for a question of one part."""
    texts = [p for p in _PARTS.split(question) if p and len(p.split()) > 2]
    if len(texts) < 2:
        return []
    parts = []
    for text in texts:
        own = {t: qt.subject[t] for t in _mended(text, qt.fixes) if t in qt.subject}
        parts.append(_Part(guard.answer_type(text) or "", _rarest(own, 1), _asked_for(text, qt.fixes) & frozenset(own)))
    return parts


def _names_part(part: _Part, found: set[str], index: BM25Index) -> bool:
    """The text (its terms `found`) names the part's own subject."""
    return coverage(found, part.specific, index) > 0 or _has_any(part.focus, found, index) > 0


_ITEM = re.compile(r"^([a-z]|\d{1,2}|[ivx]+)[.)]\s|^[-–•*]\s")


def _lead_in(in_order: Sequence[str], position: int, most: int = 6) -> str:
    """The lead-in sentence ('Het college kan afzien van terugvordering, indien:') of the list item at
    `position`, '' for a sentence that is none: an item's fact ("c. het bedrag lager is dan € 200") is about
    what its lead-in names."""
    if not _ITEM.match(in_order[position]):
        return ""
    for before in reversed(in_order[max(0, position - most) : position]):
        if before.rstrip().endswith(":"):
            return before
        if not _ITEM.match(before):
            return ""
    return ""


# "Wanneer nodig draagt Incluzio de inwoner over aan een specialist. Bijvoorbeeld een zorgaanbieder of de
# Stadsbank.": an example that follows a sentence is part of what it says, and says nothing alone.
_EXAMPLE = re.compile(r"^(bijvoorbeeld|denk aan|for example|for instance)\b", re.I)


def _list_items(in_order: Sequence[str], position: int, most: int = 6) -> tuple[str, ...]:
    """The list items that follow the lead-in sentence ('..., voor zover:') at `position` in its passage, or the
    example that follows a sentence."""
    after = in_order[position + 1 :]
    if not in_order[position].rstrip().endswith(":"):
        return (after[0],) if after and _EXAMPLE.match(after[0]) else ()
    items: list[str] = []
    for following in after:
        if len(items) == most or following.rstrip().endswith(":") and items:
            break
        items.append(following)
        if not _ITEM.match(following) and not following.rstrip().endswith((";", ",", "; en", "; of")):
            break  # an unmarked item is the last one
    return tuple(items)


# "categorie 3", "bijlage 2", "programma 9": a word numbered like a list's items (not a count, "18 jaar", nor
# one, "over 3 maanden 18").
_NUMBERED = re.compile(
    r"(?<!\d )\b([a-zà-ÿ]{4,})\s+(\d{1,2})\b(?![.,-]\d|-)(?!\s*(?:%|procent|percent|jaar|jaren|years?|maanden|maand|months?"
    r"|weken|week|weeks?|dagen|dag|days?|uur|hours?|euro|kilo|keer|times|kinderen|children|personen|mensen))",
    re.I,
)


def _numbered(text: str) -> dict[str, frozenset[str]]:
    """The numbered words of `text` ("categorie 3" -> {"categorie": {"3"}}), by stem."""
    found: dict[str, set[str]] = {}
    for word, number in _NUMBERED.findall(text):
        if word.lower() not in STOPWORDS:
            found.setdefault(stem(word.lower()), set()).add(number)
    return {w: frozenset(n) for w, n in found.items()}


def _numbered_otherwise(text: str, asked: dict[str, frozenset[str]]) -> bool:
    """The text numbers a word the question numbers, and never with a number it asks ("b. categorie 2: € 230"
    answers nothing about categorie 3, however alike the list's items read)."""
    found = _numbered(text) if asked else {}
    return any(word in found and found[word].isdisjoint(numbers) for word, numbers in asked.items())


# Where a list's item starts inside a sentence: "…kosten: a. categorie 1: € 133,-; b. categorie 2: …".
_ITEM_START = re.compile(r"(?<=[:;]) +(?=(?:[a-z]|\d{1,2})[.)] )")


def _asked_items(text: str, asked: dict[str, frozenset[str]]) -> str:
    """A list quoted for one of its items ("categorie 3") without the items that number the same word otherwise:
    they answer another question."""
    parts = _ITEM_START.split(text) if asked else [text]
    kept = [parts[0], *(item for item in parts[1:] if not _numbered_otherwise(item, asked))]
    return text if len(kept) in (1, len(parts)) else " ".join(kept)


# "per maand", "maandbedrag", "jaarlijks": an amount asked for a period. "De eenmalige installatiekosten ter hoogte
# van € 50" is paid once and gives no such amount, however near its words.
_PER_PERIOD = re.compile(
    r"\bper\s+(maand|jaar|week)\b|\bmaand(elijks\w*|bedrag\w*)|\bjaarlijks\w*|\bper\s+(month|year|week)\b|\bmonthly\b",
    re.I,
)
_ONCE = re.compile(r"\b(eenmalig\w*|one[- ]off)\b", re.I)
_MONEY = re.compile(guard.AMOUNT, re.I)


def _paid_once(text: str, before: int = 60) -> bool:
    """Every amount `text` gives is one paid once: "eenmalig" stands shortly before each."""
    amounts = list(_MONEY.finditer(text))
    return bool(amounts) and all(_ONCE.search(text[max(0, m.start() - before) : m.start()]) for m in amounts)


def _year_matches(
    years: frozenset[str],
    text: str,
    in_passage: set[str],
    passage_years: frozenset[str],
    own_year: int | None,
    documents: frozenset[str] = frozenset(),
) -> float:
    """-1 when no year is asked; 1 when the sentence is about an asked year, 0 when it is about another.

    A question that names only its document's year ("volgens de begroting 2026") asks about that document:
    1 for its sentences, whatever years they name, 0 for another year's document.

    A sentence's own years decide ("180 (2021) · 147 (2022)" is no figure for 2024). A sentence that names
    none speaks of its document's year when its passage names that year ("Streefwaarde: … 170
    statushouders" in the 2026 budget is no target for 2025, though 2025 is named nearby); else of a year its
    passage names ("In 2014 … waren 8.200 inwoners mantelzorger" in a plan for 2017-2020); else of the
    document's year in its title; else of any year its title or section names.
    """
    if not years:
        return float(str(own_year) in documents) if documents and own_year is not None else -1.0
    named = set(_YEAR.findall(text))
    if named:
        return float(bool(named & years))
    own = str(own_year) if own_year is not None else None
    if own in passage_years:
        return float(own in years)
    if years & passage_years:
        return 1.0
    if own in in_passage:
        return float(own in years)
    return float(bool(years & in_passage))


def _common(term: str, qt: _Terms, language: str) -> bool:
    """Whether the question's word for `term` is an everyday word of its language."""
    return common_words.is_common(qt.surface.get(term, term), language)


def _related_in(term: str, found: set[str], index: BM25Index) -> bool:
    """A compound built on `term`, or a word of its family, is among `found`."""
    return any(c in found for c in (*index.compounds(term), *index.kin(term)))


def _has_any(wanted: frozenset[str], found: set[str], index: BM25Index) -> float:
    """1 when a wanted term (or a compound of it) is found, 0 when not, -1 when nothing is wanted."""
    if not wanted:
        return -1.0
    return float(any(t in found or _related_in(t, found, index) for t in wanted))


def gate_features(ev: Evidence, probabilities: Sequence[float]) -> dict[str, float]:
    """The question's features plus what the sentence ranker found in its best passages."""
    top = sorted(
        ((p, c) for p, c in zip(probabilities, ev.candidates, strict=True) if c.hit < GATE_HITS), key=lambda pc: -pc[0]
    )
    best = top[0][1].features if top else {}
    by_words = not ev.question["english_in_domain"]
    return ev.question | {
        "best": top[0][0] if top else 0.0,
        "second": top[1][0] if len(top) > 1 else 0.0,
        "best_own_coverage": max((c.features["own_coverage"] for _, c in top), default=0.0),
        "best_specific": max((c.features["specific"] for _, c in top), default=0.0),
        "best_passage_specific": max((c.features["passage_specific"] for _, c in top), default=0.0),
        "best_fact": max((c.features["fact_type"] for _, c in top), default=0.0),
        "best_focus": max((c.features["focus"] for _, c in top), default=0.0),
        "top_focus": max((c.features["focus"] for _, c in top[:3]), default=0.0),
        "top_fact": max((c.features["fact_type"] for _, c in top[:3]), default=0.0),
        "top_specific": max((c.features["specific"] for _, c in top[:3]), default=0.0),
        "top_procedure": max((c.features["procedure_words"] for _, c in top[:3]), default=0.0),
        "top_place": max((c.features["names_place"] for _, c in top[:3]), default=0.0),
        "passage_focus": max((c.features["passage_focus"] for _, c in top), default=0.0),
        "best_names_other": best.get("names_other", 0.0),
        # Whether one of the best sentences gives the literal fact asked for about the question's subject:
        # 1 when it does, -1 when a fact is asked and none does, 0 when no fact is asked.
        # (An English question shares no words with Dutch documents: as for `_gives_fact`, the fact need not name it.)
        "top_fact_about": max((_fact_about(c, by_words) for _, c in top[:3]), default=0.0),
    }


def _fact_about(c: Candidate, by_words: bool) -> float:
    f = c.features
    if f["fact_type"] == 0:
        return 0.0
    return 1.0 if f["fact_type"] > 0 and f["year"] != 0 and (not by_words or _names_subject(c)) else -1.0


def _names_subject(c: Candidate) -> bool:
    """The fact's text names the question's rarest words, those of its question sentences, or what it asks for."""
    return c.features["fact_specific"] > 0 or c.features["asked"] > 0 or c.features["focus_words"] > 0


def _same(a: str, b: str) -> bool:
    """Near-duplicates: documents repeat a sentence in their summary and their body."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) >= 0.8 * min(len(wa), len(wb))


def _quoted_in(c: Candidate, chosen: Sequence[Candidate]) -> Candidate | None:
    """The chosen example that `c` is quoted with: "Denk aan budgetcoaching ..." may be chosen on its own, and then
    also with the sentence it follows, which it says nothing without."""
    return next((o for o in chosen if c.items == (o.text,) and _EXAMPLE.match(o.text)), None)


def select(
    req: Request,
    hits: Sequence[Hit],
    candidates: Sequence[Candidate],
    probabilities: Sequence[float],
    keep: float,
    among: int = 10,
) -> list[Candidate]:
    """The answer's sentences: the most probable ones, at most `PER_PASSAGE` of one passage, most probable first.

    Residents asking where to go get the sentence that names the place first.
    """
    n = SENTENCES.get(req.audience, 3)
    ranked = sorted(zip(probabilities, candidates, strict=True), key=lambda pc: -pc[0])
    if not ranked:
        return []
    floor = keep * ranked[0][0]
    chosen: list[Candidate] = []
    per_hit: dict[int, int] = {}
    leads_in: dict[int, Candidate] = {}
    groups = req.municipalities if req.comparison else ()
    # Keep municipalities apart: the best sentence(s) of each one asked about, then the rest.
    by_words = req.language != "en"
    for municipality in groups:
        own = [c for _, c in ranked if hits[c.hit].passage.municipality == municipality]
        best = own[: max(1, n // max(1, len(groups)))]
        # Each municipality's own figure: "Per wanneer gaat de wet in, in A en in B?" wants B's date about the
        # law, not B's likeliest sentence with some year in it.
        fact = next((c for c in own[:among] if _fact_about(c, by_words) > 0), None)
        if fact is not None and not any(_fact_about(c, by_words) > 0 for c in best):
            best = [*best[:-1], fact]
        for c in best:
            if c not in chosen:
                chosen.append(c)
                per_hit[c.hit] = per_hit.get(c.hit, 0) + 1
    for p, c in ranked:
        if len(chosen) >= n or p < floor:
            break
        if c in chosen or any(_same(c.text, o.full_text) for o in chosen):
            continue
        quoted = _quoted_in(c, chosen)
        if quoted is not None:  # quoted with the sentence that leads it in, but chosen for what it says itself
            leads_in[id(quoted)] = c
            continue
        if per_hit.get(c.hit, 0) >= PER_PASSAGE.get(req.audience, 2):
            continue
        chosen.append(c)
        per_hit[c.hit] = per_hit.get(c.hit, 0) + 1

    rank = {id(c): i for i, (_, c) in enumerate(ranked)}

    def order(c: Candidate) -> tuple[int, int, int]:
        group = groups.index(hits[c.hit].passage.municipality) if hits[c.hit].passage.municipality in groups else 0
        place_first = 0 if req.audience == "resident" and c.features["names_place"] else 1
        return (group, place_first, rank[id(c)])

    return [
        Candidate(lead.text, lead.hit, lead.position, c.features, lead.items) if (lead := leads_in.get(id(c))) else c
        for c in sorted(chosen, key=order)
    ]


def _cite(sentence: str, n: int) -> str:
    m = _END.search(sentence)
    return f"{sentence[: m.start()]} [{n}]{m.group(0)[0]}" if m else f"{sentence} [{n}]."


def _listed(names: Sequence[str], conjunction: str) -> str:
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}" if len(names) > 1 else "".join(names)


def _asked_about(req: Request) -> tuple[str, ...]:
    # A resident's own municipality is where they can ask. With one municipality indexed and none named, the
    # resident is almost surely one of its own.
    if req.home_elsewhere:
        return req.others
    return req.municipalities or req.others or (req.indexed if len(req.indexed) == 1 else ())


def where_to_ask(req: Request) -> str:
    named = _asked_about(req)
    if req.language == "en":
        place = " or ".join(f"the municipality of {m}" for m in named) if named else "your municipality"
        return f"Please contact {place}, for example the Wmo desk or the social neighbourhood team."
    place = " of ".join(f"de gemeente {m}" for m in named) if named else "uw gemeente"
    return f"Neem contact op met {place}, bijvoorbeeld het Wmo-loket of het sociaal (wijk)team."


# What a refusal calls the kind of fact a question asks for (`guard.ANSWER_TYPES`): Dutch (with its article), English.
_FACT_NAMES = {
    "phone": ("het telefoonnummer", "phone number"), "hours": ("de openingstijden", "opening hours"),
    "email": ("het e-mailadres", "email address"), "address": ("het adres", "address"), "limit": ("de grens", "limit"),
    "amount": ("het bedrag", "amount"), "price": ("het bedrag", "amount"), "percentage": ("het percentage", "percentage"),
    "duration": ("de termijn", "period"), "date": ("de datum", "date"), "count": ("het aantal", "number"),
    "change": ("de verandering", "change"), "frequency": ("de frequentie", "frequency"),
    "age": ("de leeftijd", "age"),
    "person": ("de naam", "name"),
}  # fmt: skip


def _not_found(req: Request, missing: Sequence[str], used: Sequence[str] = ()) -> str:
    """An honest sentence about what the documents lack: the question's own specific words when known.

    A word some document uses (`used`), though not the passages that best match the question, is no subject the
    documents are silent on: then what is lacking is a passage that answers the question about it.
    """
    en = req.language == "en"
    if en:  # its words are English: that Dutch documents lack them says nothing (a year it asks for does)
        missing = [m for m in missing if m.isdigit()]
    named = _asked_about(req)
    whose = (
        (f"the documents of {_listed(named, 'and')}" if en else f"de documenten van de gemeente {_listed(named, 'en')}")
        if named
        else ("the documents I can search" if en else "de documenten die ik kan doorzoeken")
    )
    if missing:
        subject = _listed([f"'{m}'" for m in missing], "or" if en else "of")
        if any(m in used for m in missing):
            return (
                f"I found nothing in {whose} that answers your question about {subject}, so I cannot answer it reliably."
                if en
                else f"In {whose} vind ik niets dat uw vraag over {subject} beantwoordt. "
                "Daarom kan ik het niet betrouwbaar beantwoorden."
            )
        return (
            f"I found nothing about {subject} in {whose}, so I cannot answer this reliably."
            if en
            else f"Over {subject} staat niets in {whose}. Daarom kan ik het niet betrouwbaar beantwoorden."
        )
    # The documents know what it is about but not the fact it asks for: say which fact.
    lacking = _missing_fact(req, whose)
    if lacking:
        return (
            f"{lacking}, so I cannot answer this reliably."
            if en
            else f"{lacking}. Daarom kan ik het niet betrouwbaar beantwoorden."
        )
    return (
        f"This is not in {whose}, so I cannot answer it reliably."
        if en
        else f"Dit staat niet in {whose}. Daarom kan ik het niet betrouwbaar beantwoorden."
    )


# A word right before "ik", "je" or "u" is the verb of a question ("Hoeveel betaal ik ...", "Krijg je ..."), not a
# subject the documents lack; a noun there ("welke regeling ik ...") has a noun's ending.
_BEFORE_SUBJECT = re.compile(r"\b(\w+)\s+(?:ik|je|jij|u|we|wij)\b", re.I)
# A main clause's verb comes second: right after its subject when the clause starts with it ("ik hoorde dat ...",
# ", we wonen ..."). Not after a subordinating word ("omdat ik ziek ben"): there the verb comes last.
_AFTER_SUBJECT = re.compile(
    r"(?:^|[.,;:!?]\s*|\b(?:en|maar|want|dus)\s+)(?:ik|je|jij|u|we|wij|hij|zij|ze)\s+(\w+)", re.I
)
_NOUN_ENDING = re.compile(r"(ing|heid|schap|teit|tie|isme|aar|eur|ist)$")


def _verbs(question: str) -> set[str]:
    found = (*_BEFORE_SUBJECT.findall(question), *_AFTER_SUBJECT.findall(question))
    return {w.lower() for w in found if not _NOUN_ENDING.search(w.lower())}


def _nameable(word: str, verbs: set[str]) -> bool:
    """A word a refusal may name as what the documents lack: not a closed-class word, nor the question's verb."""
    lower = word.lower()
    return bool(_PLAIN.fullmatch(word)) and lower not in _NOT_A_SUBJECT and lower not in _PEOPLE and lower not in verbs


def _subjects(ev: Evidence) -> tuple[str, ...]:
    """What to name as missing: the question's specific words the best passages lack, then words no document uses;
    not a verb's form, which tells what happened ("mijn inkomen niet doorgegeven"), not what the question is about."""
    named = (w for w in (*ev.missing, *ev.unknown) if not common_words.is_verb_form(w))
    return tuple(dict.fromkeys(named))[:2]


def refusal(
    req: Request, reason: str, missing: Sequence[str] = (), related: Sequence[Passage] = (), used: Sequence[str] = ()
) -> Composed:
    """A polite refusal that says why and where to ask instead; it never repeats the question. `missing` are words
    to name as what the documents lack, of which `used` some document does use (see `_not_found`)."""
    en = req.language == "en"
    if reason == "injection":
        text = (
            "I cannot do that. I only answer questions about social policy from the municipal documents."
            if en
            else "Dat kan ik niet doen. Ik beantwoord alleen vragen over sociaal beleid, op basis van de documenten van de gemeente."
        )
    elif reason == "task":
        text = (
            "I do not write letters, recipes, stories or code. I answer questions about social policy from the municipal documents."
            if en
            else "Brieven, recepten, verhalen of code schrijf ik niet. Ik beantwoord vragen over zorg, ondersteuning en sociaal beleid, "
            "op basis van de documenten van de gemeente."
        )
    elif reason == "elsewhere":
        covered, asked = _listed(req.indexed, "and" if en else "en"), _listed(req.others, "or" if en else "of")
        text = (
            f"My documents only cover {covered}, not {asked}, so I cannot answer this."
            if en
            else f"Mijn documenten gaan alleen over {covered}, niet over {asked}. Daarom kan ik deze vraag niet beantwoorden."
        )
    else:
        scope = (
            "I answer questions about social support (Wmo, youth care, income support, debt help, informal care, "
            "integration) from municipal documents."
            if en
            else "Ik beantwoord vragen over zorg, ondersteuning en sociaal beleid (zoals Wmo, jeugdhulp, minimaregelingen, "
            "schuldhulp, mantelzorg en inburgering) op basis van de documenten van de gemeente."
        )
        text = f"{_not_found(req, missing, used)} {scope}"
    return Composed(f"{text} {where_to_ask(req)}", True, (), tuple(related))


def ranker_features(ev: Evidence, c: Candidate) -> dict[str, float]:
    """What the sentence ranker reads of a candidate, in fitting and in answering alike: its own features and
    what kind of question it answers (its own go first: "names_other" is both)."""
    return ev.question | c.features


def sentence_probabilities(ev: Evidence, ranker: Scorer) -> list[float]:
    """Each candidate's probability of answering."""
    return ranker.probabilities([ranker_features(ev, c) for c in ev.candidates])


def decide(req: Request, ev: Evidence, model: Variant) -> tuple[list[float], float]:
    """Each candidate's probability of answering, and the probability that the passages answer at all."""
    probabilities = sentence_probabilities(ev, model.sentence)
    return probabilities, model.gate.probability(gate_features(ev, probabilities))


def compose(req: Request, hits: Sequence[Hit], ev: Evidence, model: Variant) -> Composed:
    """An answer made of the passages' own sentences, each cited, or a refusal."""
    related = tuple(h.passage for h in hits[:3])
    probabilities, answerable = decide(req, ev, model)
    if req.others and (not req.municipalities or req.home_elsewhere or _ALSO_THERE.search(req.question)):
        # Another municipality: only a sentence that names it and answers may speak for it. "Geldt die grens ook
        # in Schiedam?" asks about Schiedam too, and so does "Ik woon in Schiedam; kan ik die hulp van Rotterdam
        # krijgen?": what the documents say for the corpus's own is related reading.
        if not any(c.features["names_other"] and p >= 0.5 for p, c in zip(probabilities, ev.candidates, strict=True)):
            return refusal(req, "elsewhere", related=related if req.municipalities else ())
    if req.foreign:
        return refusal(req, "unsupported", req.foreign, related)
    # A Dutch question that names no social-support topic and shares no subject word with the documents
    # ("Wat is de lekkerste pizzeria in de stad?"), or only everyday ones, is out of scope, however near its
    # passages seem.
    # (An English question shares no words with Dutch documents, so this says nothing about it.)
    out_of_scope = ev.question["small_talk"] > 0 or (
        req.language != "en" and not req.in_domain and ev.question["everyday_subject"] > 0
    )
    if answerable < model.threshold or out_of_scope:
        # Small talk lacks no subject of the documents: its story's words ("rolstoel") are not named as missing.
        missing = () if ev.question["small_talk"] > 0 else _subjects(ev)
        return refusal(req, "unsupported", missing, () if out_of_scope else related, ev.missing)
    words = req.language != "en"  # an English question shares no words with Dutch documents
    chosen = _with_place(req, select(req, hits, ev.candidates, probabilities, model.keep), ev, probabilities)
    chosen = _with_fact(_with_kinds(req, chosen, ev, probabilities), ev, probabilities, words)
    # Sentences that name nothing of the question nor of its thesaurus words are not about it, however
    # near their vectors ("Mijn fiets is gestolen bij het station" is not about ongedocumenteerden).
    if words and not any(c.features["names_question"] > 0 for c in chosen):
        return refusal(req, "unsupported", _subjects(ev), related, ev.missing)
    lacking = ""
    if (
        chosen
        and not _fact_given(chosen, words)
        and _asks_besides_the_fact(req.question)
        and not ev.unknown
        and any(c.features["specific"] > 0 for c in chosen)
    ):
        # "Kan ik hulp krijgen bij X, en hoeveel?": the documents may say the first and lack the figure. Answer
        # what they say about the question's own subject, without figures of the asked kind (they are about
        # something else), and say what they lack. Not when a word of the question is in no document at all
        # ("Hoe kom ik aan een Zwollepas en wat kost die?"): then what it is about is what the documents lack.
        chosen = [c for c in chosen if c.features["fact_type"] <= 0]
        lacking = _missing_fact(req, "the documents" if req.language == "en" else "de documenten")
        lacking = f"{lacking}." if lacking else ""
    if not chosen or not (lacking or _fact_given(chosen, words)):
        # A figure for another year is the commonest near miss: then the year is what the documents lack.
        other_year = chosen and all(c.features["year"] == 0 for c in chosen if c.features["fact_type"] > 0)
        years = tuple(_YEAR.findall(req.question)) if other_year else ()
        return refusal(req, "unsupported", (*years, *_subjects(ev))[:2], related, ev.missing)
    if not req.comparison:
        chosen = _without_asides(chosen, words)
    else:
        # A comparison quotes each municipality's own figures: each one's sentences are an answer of their own.
        groups: dict[str, list[Candidate]] = {}
        for c in chosen:
            groups.setdefault(hits[c.hit].passage.municipality, []).append(c)
        chosen = [c for group in groups.values() for c in _without_asides(group, words)]
    chosen = _quoted_once(_with_antecedents(chosen, ev.candidates))
    numbers: dict[int, int] = {}
    citations: list[Citation] = []
    lines: list[str] = []
    label = len({hits[c.hit].passage.municipality for c in chosen}) > 1
    asked_years = tables.asked_years(req.question)
    asked_numbers = _numbered(req.question)
    for c in chosen:
        passage: Passage = hits[c.hit].passage
        if c.hit not in numbers:
            numbers[c.hit] = len(numbers) + 1
            citations.append(Citation(numbers[c.hit], passage))
        quoted = _asked_items(c.full_text, asked_numbers)
        sentence = _cite(tables.labelled(quoted, passage.text, asked_years), numbers[c.hit])
        article = _article(passage)
        sentence = f"{article}: {sentence}" if article else sentence
        lines.append(f"{passage.municipality}: {sentence}" if label else sentence)
    text = f"{_intro(req, chosen, hits, label)}\n" + "\n".join(lines)
    partly = lacking or _uncovered(req, ev, chosen)
    if partly:
        text += "\n" + partly
    which = _which_municipality(req)
    if which:
        text += "\n" + which
    return Composed(text, False, tuple(citations))


def _article(passage: Passage) -> str:
    """The article a passage of a regulation belongs to ("Artikel 9.2"), from its section's last heading."""
    m = _ARTICLE.match(passage.section.rpartition(" > ")[2].lstrip("# "))
    return m.group(0).capitalize() if m else ""


def without_article(line: str) -> str:
    """A quoted line without the article label `compose` puts before it ("Artikel 5.2: "): ours, not the document's."""
    m = _ARTICLE.match(line)
    return line[m.end() + 2 :] if m and line[m.end() : m.end() + 2] == ": " else line


def _which_municipality(req: Request) -> str:
    """A question that names no municipality, over documents of several, is answered from whichever documents
    answer it; the person is told which municipalities the documents cover and asked to name theirs, since
    what one of them does need not hold in another."""
    if req.municipalities or req.others or len(req.indexed) < 2:
        return ""
    names = sorted(req.indexed)
    if req.language == "en":
        return (
            f"These documents are about the municipalities of {_listed(names, 'and')}. "
            "Name your municipality in your question to get an answer about your own."
        )
    return (
        f"Deze documenten gaan over de gemeenten {_listed(names, 'en')}. "
        "Noem uw gemeente in uw vraag, dan krijgt u een antwoord over uw eigen gemeente."
    )


# "Wat is X, en hoeveel Y?": a question of several parts may be answered only in part.
_PARTS = re.compile(
    r"\?\s+(?=\w)|,?\s+en\s+(?=((tot|vanaf|sinds|voor|in|op|bij|met|per|from|until|for)\s+)?"
    r"(wat|hoe|hoeveel|hoelang|waar|waarom|wie|wanneer|welk|welke|and|what|how|where|which|when|why)\b)",
    re.I,
)


def _asks_besides_the_fact(question: str) -> bool:
    """Whether a question asks, besides a literal fact, something of another kind in a question of its own:
    "Kan ik hulp krijgen bij de reiskosten, en hoeveel wordt vergoed?" (not "Wat is het telefoonnummer? Ik wil
    een afspraak maken.": the second sentence asks nothing)."""
    asked = [
        part
        for sentence in re.findall(r"[^?]+\?", question)
        for part in _PARTS.split(sentence)
        if part and len(part.split()) > 2
    ]
    kinds = [bool(guard.answer_types(part)) for part in asked]
    return any(kinds) and not all(kinds)


def _missing_fact(req: Request, whose: str) -> str:
    """The clause that says which asked fact `whose` documents lack ('' for a question asking none): for a
    refusal, and for an answer given in part."""
    kind = guard.answer_type(req.question) or ""
    fact = _FACT_NAMES.get(kind)
    if not fact:
        return ""
    plural = kind == "hours"
    if req.language == "en":
        return f"The {fact[1]} you ask for {'are' if plural else 'is'} not in {whose}"
    article, noun = fact[0].split(" ", 1)
    return f"{article.capitalize()} gevraagde {noun} {'staan' if plural else 'staat'} niet in {whose}"


def _fact_given(chosen: Sequence[Candidate], by_words: bool) -> bool:
    """A question that wants a literal fact (a number, date, amount, phone number ...) is answered only
    when one chosen sentence has such a fact, names the question's own subject (its rarest words, those
    of its question sentences, or the thing it asks for) and does not speak of another year than the one
    asked: the documents never get to imply one, nor does a figure about something else, even in the
    answer's own passage."""
    if not any(c.features["fact_type"] != 0 for c in chosen):
        return True
    return any(_gives_fact(c, chosen, by_words) for c in chosen)


def _gives_fact(c: Candidate, chosen: Sequence[Candidate], by_words: bool) -> bool:
    # The figure must also come from a passage about the subject as much as the answer's lead sentence's
    # is: "€ 40 per maand" of the rule on heating costs does not answer a question about a diet.
    # In a question of several parts, the fact may answer one part about that part's own subject: "10
    # miljoen euro ... langer zelfstandig wonen" answers "Hoeveel geld ... langer zelfstandig wonen, en tot
    # welk jaar loopt het bestedingsplan?", whose two rarest words are "bestedingsplan" and "geld".
    # A stretch of time must be of what the question times: "terugbetaling binnen 2 jaar" does not say how long one
    # has to object ("Hoeveel tijd heb ik om bezwaar te maken?"), nor how long a decision may take.
    about = (
        c.features["fact_type"] > 0
        and (not by_words or _names_subject(c) or _follows_up(c, chosen))
        and not c.features["other_thing"]
        and c.features["timed"] != 0
    )
    return (
        (about or (by_words and c.features["part_fact"] > 0))
        and c.features["year"] != 0
        and c.features["passage_specific"] >= chosen[0].features["passage_specific"]
    )


def _without_asides(chosen: Sequence[Candidate], by_words: bool) -> list[Candidate]:
    """Once a chosen sentence gives the asked fact, what is about something else is left out: another
    passage's sentence that names none of the question's rarest words (nor one of its parts'), and a sentence
    with a figure of the same kind that is about something else, which a reader takes for part of the answer.
    After "619 reguliere opvangplekken, waarvan 52 voor AMV'ers", another passage's "stijgt van 554 naar 681"
    (Ukrainians); after "… extramuralisering … 790 personen", the same passage's "huishoudens met een fysieke beperking … 7675".
    (For an English question too, whose answer is found by meaning: it must not be padded with such figures.)
    A sentence of another passage must name the question's rarest words or those of one of its parts; one
    of the first sentence's own passage, which is about the subject, need only name a word of the question
    ("De bijzondere bijstand bedraagt ten hoogste € 4.300" after the lead sentence on funeral costs).
    A table row must name the question as fully as the lead sentence, or name one of its parts: the rows of an
    indicator table share most of their words ("% jongeren dat weet waar ze terechtkunnen" and "% inwoners dat
    weet waarvoor ze bij het wijkteam terechtkunnen"), and each is another indicator with its own figures."""
    if not any(c.features["fact_type"] > 0 and _gives_fact(c, chosen, by_words) for c in chosen):
        return list(chosen)
    lead = chosen[0]

    def about_it(c: Candidate) -> bool:
        if not by_words:
            # English, once the lead sentence gives a figure: another passage's must name a Dutch policy word its
            # question was given.
            if lead.features["fact_type"] <= 0 or c.hit == lead.hit:
                return True
            return c.features["subject"] > 0 or c.features["part_subject"] > 0
        if c.features["table_row"] > 0 and c.features["own_coverage"] < lead.features["own_coverage"]:
            return c.features["part_subject"] > 0
        named = c.features["subject"] if c.hit == lead.hit else c.features["fact_specific"]
        return named > 0 or c.features["part_subject"] > 0 or _gives_fact(c, chosen, by_words)

    def about_the_subject(c: Candidate) -> bool:
        if c.features["fact_type"] > 0:
            return about_it(c)
        # Nor does a sentence of another passage that names neither the question's rarest words nor one of its
        # parts' go on about the answer: after "15 van de 130 huisverboden", a motion on homeless youth.
        return not by_words or c.hit == lead.hit or c.features["fact_specific"] > 0 or c.features["part_subject"] > 0

    return [c for c in chosen if c is lead or about_the_subject(c)]


def _follows_up(c: Candidate, chosen: Sequence[Candidate]) -> bool:
    """A sentence that names the question's subject in other words, right after a chosen one that names it
    specifically, goes on about it: "De subsidieregeling ... is vertraagd. De regeling zal per 1 oktober
    2022 in werking treden." ("Bel het wijkteam op ..." after a sentence on the Steunpunt does not.)"""
    return c.features["subject"] > 0 and any(
        o.hit == c.hit and o.position == c.position - 1 and o.features["specific"] > 0 for o in chosen
    )


def _with_fact(
    chosen: list[Candidate], ev: Evidence, probabilities: Sequence[float], by_words: bool, among: int = 10
) -> list[Candidate]:
    """When the asked-for kind of fact is not in the chosen sentences, the most probable sentence of
    the same passages that gives it (among the ranker's best few) takes the last place."""
    if not chosen or _fact_given(chosen, by_words):
        return chosen
    ranked = _ranked(ev, probabilities)[:among]
    fact = _first_giving(ranked, chosen, {c.hit for c in chosen}, lambda c: _gives_fact(c, chosen, by_words))
    if fact is None:
        return chosen
    return [*(chosen[:-1] if len(chosen) >= 2 else chosen), fact]


def _with_place(
    req: Request, chosen: list[Candidate], ev: Evidence, probabilities: Sequence[float], among: int = 10
) -> list[Candidate]:
    """A question that asks where to go is answered with a place: when no chosen sentence names one, the most
    probable sentence among the ranker's best few that does takes the last place (a resident's goes first)."""
    if not chosen or any(c.features["names_place"] > 0 for c in chosen):  # zero unless the question asks it
        return chosen
    ranked = _ranked(ev, probabilities)[:among]
    place = _first_giving(ranked, chosen, {c.hit for c in ranked}, lambda c: c.features["names_place"] > 0)
    # A place right before a chosen sentence that points back at it ("kunnen hier terecht") is quoted with it.
    if place is None or any(
        o.hit == place.hit and o.position == place.position + 1 and _BACK_REFERENCE.search(o.text) for o in chosen
    ):
        return chosen
    rest = chosen[:-1] if len(chosen) >= SENTENCES.get(req.audience, 3) else chosen
    return [place, *rest] if req.audience == "resident" else [*rest, place]


def _ranked(ev: Evidence, probabilities: Sequence[float]) -> list[Candidate]:
    """The candidates, most probable first."""
    return [c for _, c in sorted(zip(probabilities, ev.candidates, strict=True), key=lambda pc: -pc[0])]


def _first_giving(
    ranked: Sequence[Candidate], chosen: Sequence[Candidate], passages: set[int], gives: Callable[[Candidate], bool]
) -> Candidate | None:
    """The first of `ranked` from `passages` that gives what is wanted and does not repeat a chosen sentence."""
    return next(
        (
            c
            for c in ranked
            if c.hit in passages
            and c not in chosen
            and gives(c)
            and not any(_same(c.text, o.full_text) for o in chosen)
        ),
        None,
    )


def _with_kinds(
    req: Request, chosen: list[Candidate], ev: Evidence, probabilities: Sequence[float], among: int = 20
) -> list[Candidate]:
    """A question that asks several kinds of fact ("Wat is het maandbedrag ..., en voor hoe lang?") gets,
    for each kind no chosen sentence gives, the most probable sentence of the same passages that gives
    it, in the place of the least probable chosen sentence that gives none of them."""
    kinds = guard.answer_types(req.question)
    if not chosen or len(kinds) < 2 or req.comparison:  # a comparison keeps each municipality's sentences
        return chosen
    chosen = list(chosen)
    probability = {id(c): p for p, c in zip(probabilities, ev.candidates, strict=True)}
    ranked = _ranked(ev, probabilities)[:among]
    passages = {c.hit for c in chosen}
    for kind in kinds:
        if any(_gives_kind(kind, c) for c in chosen):
            continue
        fact = _first_giving(ranked, chosen, passages, partial(_gives_kind, kind))
        if fact is None:
            continue
        if len(chosen) >= SENTENCES.get(req.audience, 3):
            spare = [c for c in chosen[1:] if not any(_gives_kind(k, c) for k in kinds)]
            if not spare:
                continue
            chosen.remove(min(spare, key=lambda c: probability[id(c)]))
        chosen.append(fact)
    return chosen


def _gives_kind(kind: str, c: Candidate) -> bool:
    return guard.has_fact(kind, c.full_text)


# A sentence that points back at the one before it: "kunnen hier terecht", "Hierbij krijgen ...", "Daarin ...",
# "In aanvulling op dit bedrag ...", "Na afloop van deze termijn ...".
_BACK_REFERENCE = re.compile(
    r"\b(hier|daar)\s+(terecht|naartoe|heen)\b|^(hier|daar)(bij|voor|mee|in|door)?\b"
    r"|\b(dit|deze|dat|die|het\s+genoemde)\s+(bedrag|bedragen|maximum|maximumbedrag|percentage|norm|termijn)\b",
    re.I,
)


def _with_antecedents(chosen: Sequence[Candidate], candidates: Sequence[Candidate]) -> list[Candidate]:
    """A chosen sentence that points back gets the sentence it points at in front of it, from the same
    passage: "Opvoeders ... kunnen hier terecht" says nothing to a resident without "Het Centrum voor
    Jeugd en Gezin (CJG) is ..." before it. Only the presentation changes, not what was decided."""
    before = {(c.hit, c.position): c for c in candidates}
    out: list[Candidate] = []
    for c in chosen:
        prev = before.get((c.hit, c.position - 1))
        if (
            _BACK_REFERENCE.search(c.text)
            and prev is not None
            and prev not in chosen
            and not any(_same(prev.text, o.full_text) for o in chosen)
        ):
            c = Candidate(prev.text, c.hit, prev.position, c.features, (c.text, *c.items))
        out.append(c)
    return out


def _quoted_once(chosen: Sequence[Candidate]) -> list[Candidate]:
    """A chosen list item ("c. het bedrag lager is dan € 200 netto") that a chosen lead-in quotes again among its
    items goes, and the lead-in with its items takes its place. Only the presentation changes. (An example chosen
    before the sentence it follows is settled in `select`, which then has its place for another sentence.)"""
    out: list[Candidate] = []
    for c in chosen:
        host = next((o for o in chosen if o is not c and c.text in o.items), c)
        if all(host is not o for o in out):
            out.append(host)
    return out


def _uncovered(req: Request, ev: Evidence, chosen: Sequence[Candidate]) -> str:
    """For a question of several parts answered in part: which of its specific words the answer does not touch."""
    if not ev.missing or len([p for p in _PARTS.split(req.question) if p and len(p.split()) > 2]) < 2:
        return ""
    said = " ".join(c.full_text.lower() for c in chosen)
    absent = [m for m in ev.missing if m.lower()[:5] not in said]
    if not absent:
        return ""
    subject = _listed([f"'{m}'" for m in absent], "or" if req.language == "en" else "of")
    # These are words the documents use, though not the passages quoted: what those say nothing about.
    return (
        f"About {subject} these passages say nothing."
        if req.language == "en"
        else f"Over {subject} zeggen deze passages niets."
    )


def _intro(req: Request, chosen: Sequence[Candidate], hits: Sequence[Hit], several: bool) -> str:
    en = req.language == "en"
    if several:
        return (
            "The documents say different things per municipality (quoted in Dutch):"
            if en
            else "Het antwoord verschilt per gemeente. Dit staat in de documenten:"
        )
    first = hits[chosen[0].hit].passage
    if req.audience == "staff" and first.year:
        # Staff need to know how current a figure is.
        return (
            f"From '{first.title}' ({first.year}), municipality of {first.municipality} (quoted in Dutch):"
            if en
            else f"Uit '{first.title}' ({first.year}) van de gemeente {first.municipality}:"
        )
    return (
        f"The documents of {first.municipality} say (quoted in Dutch):"
        if en
        else f"Dit staat in de documenten van de gemeente {first.municipality}:"
    )
