"""How residents put it, and how policy documents put it: expansion terms for the lexical search.

Residents describe their situation ("ik zorg voor mijn moeder"); policy documents name the
regeling ("mantelzorg"). English questions meet Dutch documents. Dense retrieval bridges some of
this; these terms let BM25 and the sentence choice bridge it too. Only the lexical side uses them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Family as residents name them, the informal words too ("mijn ma betaalt mijn gas en licht").
_FAMILY = r"moeder|vader|ma|pa|mam|pap|ouders|familie|zus|zusje|broer|broertje|oma|opa|tante|oom|schoonmoeder|schoonvader"

_NEIGHBOURS = r"buren|bovenburen|onderburen|buurman|buurvrouw|neighbou?rs?"
_TROUBLE = r"ruzie|overlast|lawaai|geluid|last|gedoe|problemen|noise|noisy|dispute|quarrel\w*|trouble|harass\w*"

_ENTRIES: tuple[tuple[str, str], ...] = (
    (
        # "Ik zorg al twee jaar voor mijn moeder", "we zorgen dag en nacht voor hem": how long or how much
        # stands between the verb and whom it is for.
        r"\bzorg(en)? voor (mijn|m'n|onze|ons|haar|zijn|een)\b|"
        r"\b(ik|we|wij)\s+zorg(en)?\s+((?!voor\b)\S+\s+){0,4}?voor\s+(mijn|m'n|onze|ons|haar|hem|zijn)\b|"
        r"\bzorg\s+ik\s+((?!voor\b|kan\b|moet\b|wil\b)\S+\s+){0,3}?voor\s+(mijn|m'n|haar|hem|zijn)\b|"
        r"\bverzorg|\bcarer|\bcaregiver|\bcare for (my|a)\b|informal care",
        "mantelzorg mantelzorger mantelzorgondersteuning respijtzorg",
    ),
    (
        r"\beenzaam|\balleen\b|niemand om|weinig contact|\blonely|\bloneliness|\bisolat",
        "eenzaamheid eenzaam ontmoeting",
    ),
    (
        r"\bschuld|rekeningen|betalingsachterstand|deurwaarder|\baanmaning|\bincasso|"
        r"\bachter\s+(met|op)\s+(de|mijn|m'n|onze)\s+(huur|rekeningen|betalingen)|\bdebts?\b|\bbills\b",
        "schulden schuldhulpverlening schuldhulp",
    ),
    (
        r"weinig geld|geen geld|\bkrap\b|rondkomen|\b(niet|nauwelijks)\s+rond\b|laag inkomen|\barm\b|armoede|low income|"
        r"\bpoor\b|\bpoverty|make ends meet",
        "minima minimaregelingen armoede inkomen",
    ),
    # Food and clothes one cannot pay for are what a food bank and a clothing bank give.
    (
        r"\b(terecht|hulp|help)\s+(voor|bij|with|for)\s+(\w+\s+){0,2}?(eten|voedsel|boodschappen|kleding|kleren|food|groceries|clothes)\b|"
        r"\b(geen|no)\s+(geld\s+)?(voor\s+)?(eten|voedsel|boodschappen|kleding|kleren|food|groceries|clothes)\b",
        "voedselbank kledingbank",
    ),
    (r"\blaptop|\bcomputer|\btablet", "computer tabletregeling kindpakket"),
    # Neighbours are a dispute only with noise or a quarrel: "a neighbour mentioned ..." is how one heard of it.
    (
        rf"\bherrie|\bgeluidsoverlast|\bburenruzie|\b({_NEIGHBOURS})\b.{{0,80}}\b({_TROUBLE})|"
        rf"\b({_TROUBLE})\b.{{0,80}}\b({_NEIGHBOURS})\b",
        "burenruzie buurtbemiddeling overlast",
    ),
    # Someone who will not accept help is a "zorgmijder" to policy; a break for a carer is respite care, often a
    # stay elsewhere ("logeren"); a loan to adapt one's home so as to stay in it is a "blijverslening".
    (
        r"\bwil\b.{0,20}\b(niks|niets|geen)\b.{0,25}\b(hulp\w*|hulpverlen\w*|instanties|zorg)\b|hulp\s+(weigert|afwijst|mijdt)|"
        r"\b(refuses?|won'?t accept|avoids?)\b.{0,20}\b(help|care)\b",
        "zorgmijders zorgmijding",
    ),
    (r"\blogeren|\blogeer|weekend(je)?\s+weg|adempauze|\brespite|short[- ]stay", "respijtzorg logeervoorziening logeerhuis"),
    (
        r"\b(lenen|lening|loan|borrow\w*)\b.{0,80}\b(verbouw\w*|aanpass\w*|aan\s+te\s+passen|traplift|badkamer|renovat\w*|adapt\w*)|"
        r"\b(verbouw\w*|aanpass\w*|traplift|renovat\w*|adapt\w*)\b.{0,80}\b(lenen|lening|loan|borrow\w*)\b",
        "blijverslening woningaanpassing",
    ),
    # Help at the GP's for what is not medical is the "praktijkondersteuner" (POH); moving to a smaller home is
    # "doorstroming"; a volunteer's or carer's accident is covered by a "vrijwilligersverzekering".
    (
        r"\bhuisarts\w*\b.{0,80}\b(iemand|hulp|helpen|praten)\b|\b(iemand|hulp)\b.{0,40}\bbij de huisarts|"
        r"\bat the (gp|doctor)'?s?\b|general practitioner",
        "praktijkondersteuner poh huisartsenpraktijk",
    ),
    (
        r"kleiner\s+(gaan\s+)?wonen|kleinere\s+woning|gelijkvloers|\bdownsiz|smaller (home|house|flat)",
        "doorstroming doorstroommakelaar seniorenwoning verhuizen",
    ),
    (
        r"\b(verzekerd|verzekering|insured|insurance)\b.{0,160}\b(vrijwillig\w*|mantelzorg\w*|ik help|volunteer\w*)|"
        r"\b(vrijwillig\w*|mantelzorg\w*|ik help|help ik|volunteer\w*)\b.{0,160}\b(verzekerd|verzekering|insured)\b",
        "vrijwilligersverzekering",
    ),
    # A place to walk into without an appointment is an "inloop" (inlooppunt, inloopspreekuur) in policy text.
    (
        r"binnen\s*(te\s+)?(kan\s+|kun\s+|kunt\s+)?lopen|binnenloop|binnenliep|zonder\s+(een\s+)?afspraak|"
        r"\bwalk[- ]?in\b|\bdrop[- ]?in\b|\bdrop by\b",
        "inloop inlooppunt inloopspreekuur",
    ),
    (r"opvoed|opstandig|\bpuber|\btiener|parenting|\bteenage", "opvoeden opvoeding opgroeien opvoedvragen"),
    (
        r"\bslaat\b|mishandel|geweld|agressie|agressief|bedreigt|\bonveilig|niet (meer )?veilig|\babuse|domestic violence",
        "huiselijk geweld afhankelijkheidsrelaties vrouwenopvang opvang",
    ),
    (r"werk zoeken|\bbaan\b|aan het werk|\bjob\b|\bwork\b|\bemployment", "werk re-integratie arbeidsmarkt"),
    (
        r"dakloos|geen (huis|woning|dak|slaapplek)|op straat slapen|slaapt?\b.{0,25}\b(in (zijn|haar|mijn|de|een) auto|bij vrienden|op (de|een) bank)|"
        r"(eruit|uit huis) gezet|\bhomeless",
        "dakloos daklozen maatschappelijke opvang",
    ),
    # Money every month is what the documents call a monthly income, as the English "monthly" is.
    (
        r"\b(elke|iedere|ieder)\s+maand\s+(\w+\s+){0,3}?geld\b|\bgeld\s+(\w+\s+){0,2}?(elke|iedere|ieder)\s+maand\b",
        "maandelijks inkomen",
    ),
    (
        r"scootmobiel|rolstoel|traplift|\btrap\b|aanpassing.{0,20}(huis|woning)|wheelchair|mobility|\bstairs\b",
        "hulpmiddelen woningaanpassing wmo",
    ),
    (r"schoonmaak|huishoudelijke hulp|poetsen|cleaning", "huishoudelijke ondersteuning hulp bij het huishouden"),
    (r"verslav|\bdrugs\b|alcohol|addict", "verslaving verslavingszorg"),
    (r"inburger|taal leren|nederlands leren|\bintegration|learn dutch", "inburgering inburgeringsplichtigen taal"),
    (
        r"vluchteling|\basiel|statushouder|oekra|refugee|asylum|ukrain",
        "vluchtelingen ontheemden statushouders asielopvang",
    ),
    (
        r"\bleze?n? en schrijve?n?\b|slecht (kan )?lezen|niet (goed )?lezen|laaggeletterd|analfabe|\billitera|"
        r"reading and writing",
        "laaggeletterdheid taal basisvaardigheden",
    ),
    (
        r"\bop (voetbal|hockey|judo|turnen|zwemmen|dansen|sport)\b|sportclub|voetbalclub|\bcontributie|zwemles|muziekles|"
        r"swimming lessons|sports? club",
        "sport cultuur meedoen",
    ),
    (
        r"gestopt met (zijn |haar |mijn )?(school|opleiding|studie|mbo)|zonder (werk|opleiding|diploma|school)|"
        r"geen (werk|opleiding|diploma) (en|of) geen|\bdropped out|\bdropout",
        "jongeren werk opleiding school",
    ),
    (r"vrijwillig|\bvolunte", "vrijwilliger vrijwilligers vrijwilligerswerk"),
    (r"\bvog\b|certificate of conduct|verklaring omtrent|strafblad|criminal record", "verklaring omtrent gedrag vog"),
    (r"\bvergoed|\breimburs|\bpay (for|myself)|terugbetaald", "vergoeden vergoeding kosten"),
    (r"\bjeugdzorg|\byouth care|\bchild(ren)?\b|\bkids?\b", "jeugdhulp jeugd kinderen"),
    (r"\bklacht|ontevreden|\bcomplain|\bniet\s+eens\s+met|\boneens\b|\bdisagree", "klacht klachtenregeling ombudsman"),
    (r"\bwonen\b|\bhousing|\bwoning", "wonen huisvesting woonruimte"),
    (r"\bouderen|\bbejaard|\belderly|\bsenior", "ouderen senioren"),
    # Staying in one's own home is "langer zelfstandig (thuis) wonen" to policy; a fall at home is what
    # "valpreventie" prevents ("in welke gevallen" is no fall); losing one's partner brings the "weduwebezoek".
    (
        r"\b(in|op)\s+(ons|mijn|m'n|hun|haar|zijn)\s+(eigen\s+)?(huis|huisje|woning|flat)\s+(\w+\s+){0,3}(blijven|wonen)\b|"
        r"\bthuis\s+blijven\s+wonen|\b(stay|keep living|remain)\s+(\w+\s+)?(at|in)\s+(my|our|their)?\s*(own\s+)?home",
        "langer zelfstandig thuis wonen",
    ),
    (
        r"\b(is|ben|zijn|was)\s+(\w+\s+){0,4}gevallen\b|\bvalt\s+(steeds|vaak|regelmatig|telkens|soms)\b|"
        r"\bniet\s+meer\s+(\w+\s+)?vallen\b|\bvalpartij|\bvalgevaar|\b(keeps?\s+)?fall(s|en|ing)?\s+(down|over|at home)\b",
        "valpreventie valrisico vallen",
    ),
    (
        r"\bweduw|\b(man|vrouw|partner|echtgeno\w*)\s+(\w+\s+){0,3}overleden|\boverleden\s+(man|vrouw|partner)|\bwidow",
        "weduwebezoek rouw",
    ),
    # "Welzijnswerk" is done by welfare organisations; policy names them and what they provide.
    (
        r"\bwelzijnswerk|\bwelzijnsinstelling|\bwelfare\s+(work|organi[sz]ations?)",
        "welzijn welzijnsorganisaties welzijnsvoorzieningen",
    ),
    # A target to bring something down is a "daling", a "halvering" or "verminderen" in policy's words.
    (
        r"\bterug\s*(te\s+)?dring|\bdringt\s+(\w+\s+){0,4}terug\b|\breduc(eren|eert|tie|e|es|ing|tion)\b|"
        r"\bomlaag\s+(te\s+)?(brengen|krijgen)|\bcut\s+(back|down)\b",
        "verminderen daling dalen afname halvering terugbrengen",
    ),
    (r"\bdementie|\bdementia|vergeetachtig", "dementie dementievriendelijk"),
    (
        r"slimme (apparaat|apparaten|apparaatjes|techniek|spullen|sensor)|\bsensoren|smart home|home automation",
        "domotica",
    ),
    (r"discrimin|racis|nageroepen|uitgescholden|\bhoofddoek", "discriminatie meldpunt"),
    (r"overbelast|\boverburden", "zwaar belast overbelasting"),
    (
        r"uit\s+(\w+\s+){0,2}(huis|huurhuis|woning|flat)\s+(\w+\s+){0,4}gezet|huisuitzetting|ontruim|\bevict",
        "huisuitzettingen huisuitzetting ontruiming",
    ),
    (r"huurhuis|huurflat|\brental (home|flat|house)", "huurwoning huur"),
    (
        # A pass for a discount, however described ("een pasje waarmee ze goedkoper kan zwemmen").
        r"kortingspas|kortingsregeling|stadspas|minimapas|\bpas(je)?\b.{0,40}\b(korting|goedkoper)|discount (pass|card)",
        "pas korting kortingen minimaregelingen",
    ),
    (r"noodknop|alarmknop|halsalarm|valalarm|personenalarm|emergency button|panic button", "personenalarmering alarmering"),
    # Residents' words for prison, remitting a debt and a funeral are not the regulations' ("detentie",
    # "kwijtschelding", "uitvaartkosten"); a misspelt "begravenis" still starts like "begraven".
    (r"gevangenis|\bbajes|\bgevang|\bin de cel\b|vastzit|zit vast|gedetineerd|\bprison|\bjail", "detentie gedetineerd"),
    (
        r"kwijtgescholden|kwijtschel|scheldt?\b.{0,40}\bkwijt\b|\bdebt relief|write off|\bwaive|\bcancel\w*\b.{0,40}\bdebt",
        "kwijtschelding kwijtschelden",
    ),
    (r"\bbegra[fv]|uitvaart|\bcremat|\bcremer|\bfuneral|\bburial", "uitvaartkosten uitvaart begrafenis crematie"),
    # An inheritance is an estate to the rules ("nalatenschap", "erfgenaam").
    (r"\berf(enis|deel|delen|genaam|genamen)\b|\bgeërfd|\bgeerfd", "nalatenschap erfgenaam"),
    (r"\bbijstand|uitkering|\bbenefits?\b|welfare", "bijstand uitkering participatiewet"),
    (
        r"te\s+veel\s+(\w+\s+){0,3}(gekregen|ontvangen|uitbetaald)|terug\s*betalen|terugbetal|overpaid|pay\s+(it\s+)?back",
        "terugvordering terugvorderen invordering",
    ),
    (
        r"\bafbetal|\bin\s+termijnen|gespreid\s+(terug)?betalen|per\s+maand\s+(\w+\s+){0,2}(terug|af)\s*betalen|"
        r"payment\s+plan|\binstal(l)?ments",
        "betalingsregeling aflossen aflossing",
    ),
    (
        r"wasmachine|koelkast|fornuis|witgoed|meubel|bank\s+en|inrichten|washing\s+machine|fridge|furniture",
        "inrichtingskosten duurzame gebruiksgoederen bijzondere bijstand",
    ),
    # What residents call the costs that special-assistance rules name.
    (r"hoortoestel|gehoorapp?araat|\boorapparaat", "gehoorapparaat hoortoestel"),
    # ("Wordt het morgen warmer?" is the weather: a home kept warmer is the cost.)
    (
        r"(huis|woning|flat|kamer)\b.{0,30}\bwarmer|warmer\s+stoken|\bstook|verwarming|\bkachel",
        "warmtekosten verwarming",
    ),
    (r"\bzwanger|\bkinderwagen|\bbox\b(?!\s*[1-3]\b)|kinderstoel|\bwieg\b|\bledikant", "babyuitzet zwangerschap geboorte"),
    (r"\bbonnetjes?\b|kassabon|\bbonnen\b|\bfacturen\b", "aankoopbewijzen betaalbewijzen nota's"),
    # Extra laundry from an illness (a child who wets the bed) is "bewassing" or "waskosten" to the rules.
    (
        r"bedplas|\bplast?\s+(\w+\s+){0,4}in\s+(bed|de\s+broek)|\blakens\b|\bextra\s+(was|wassen|waskosten)\b|"
        r"\bveel\s+(extra\s+)?was\b|\blaundry\b|bed-?wetting|\bwets?\s+(the|his|her)\s+bed",
        "waskosten bewassing kleding beddengoed slijtage",
    ),
    (r"verpleeghuis|verzorgingshuis|zorginstelling", "instelling verblijft"),
    (r"medicijnen|\bapotheek", "eigen bijdrage zorgverzekering zorgkosten"),
    (
        # "geld van mijn moeder", "hoeveel geld mag ik per jaar van familie krijgen"
        rf"\bgeld\s+(\w+\s+){{0,4}}?van\s+((mijn|m'n|onze)\s+)?({_FAMILY}|vrienden)\b|"
        r"\bgift|money\s+from\s+(my\s+)?(family|parents)|"
        # Someone else paying one's bills is a kostenvoordeel: "mijn zus betaalt mijn gas en licht", and with the
        # verb first, as after "Sinds deze winter": "betaalt mijn moeder mijn energierekening".
        rf"\b({_FAMILY}|vriend|vriendin)\s+betaa?l\w*\b.{{0,20}}\b(mijn|m'n)\b|"
        rf"\bbetaa?l\w*\s+(mijn|m'n|onze)\s+({_FAMILY}|vriend|vriendin)\b(?!\s+(\w+\s+){{0,3}}terug)|"
        r"\b(pays|paid)\s+(for\s+)?my\s+(rent|bills?|energy|groceries)|"
        # "ze stopt me wat geld toe", "mijn moeder doet boodschappen voor me", "ze geeft me af en toe wat geld"
        r"\btoestop|\bstopt?\s+(me|mij)\s+(\w+\s+){0,3}toe\b|boodschappen\s+voor\s+(me|mij|ons)\b|"
        rf"\b({_FAMILY}|vriend|vriendin|buurvrouw|buurman|zoon|dochter|ze|hij|zij)\s+"
        r"(\w+\s+){0,2}?(geeft|gaf|geven|schenkt|schonk)\s+(me|mij|ons)\s+(\w+\s+){0,5}?(geld|euro)\b|"
        r"\b(gives?|gave)\s+(me|us)\s+(\w+\s+){0,3}?money\b",
        "giften gift kostenvoordelen",
    ),
)
# English questions meet Dutch documents: the policy words for what an English question names.
_ENGLISH: tuple[tuple[str, str], ...] = (
    (r"\bspecial (assistance|benefit|allowance)", "bijzondere bijstand"),
    (r"\bheating|\bwarmer|\benergy (bill|costs?)", "warmtekosten energiekosten verwarming"),
    (r"\bhealth insurance|\bdeductible|\b(own|personal) contributions?", "eigen bijdrage zorgverzekering"),
    (r"\bchildcare|\bday ?care", "kinderopvang"),
    (r"\bcloth(es|ing)|\blaundry|\bshoes", "kleding kledingkosten waskosten"),
    (r"\bhearing aid", "gehoorapparaat hoortoestel"),
    (r"\b(rent|rental)\b", "huur woonkosten huurtoeslag"),
    (r"\bdeposit\b", "borg waarborgsom"),
    (r"\bloan\b|\bborrow", "lening geldlening krediet"),
    (r"\bmov(e|ing) (house|out)|\brelocat|\bremoval", "verhuizing verhuiskosten"),
    (r"\blawyer|\blegal (aid|costs?)", "rechtsbijstand advocaat toevoeging"),
    (r"\btravel(ling)? (costs?|expenses)|\btransport", "reiskosten vervoer"),
    (r"\bdiet\b|\bdietary", "dieetkosten dieet"),
    (r"\bbaby|\bnewborn|\bpregnan", "babyuitzet zwangerschap geboorte"),
    (r"\bpriority\b|\burgent(ly)? (housing|home)", "urgentie voorrang voorrangsverklaring"),
    (r"\btraining\b|\beducation|\bschool|\bstudy", "opleiding onderwijs school"),
    (r"\byoung (people|adults?)|\byouths?\b|\bteen", "jongeren jongvolwassenen jongerenwerk"),
    (r"\bfood bank", "voedselbank"),
    (r"\bfine\b|\bpenalty", "boete"),
    (r"\b(live|living) independently|\bstay(ing)? at home|\bat home longer", "zelfstandig wonen langer thuis"),
    (r"\bbudget\b", "begroting budget"),
    (r"\bsavings\b|\bassets\b", "vermogen spaargeld"),
    (r"\bincome\b|\bearnings\b", "inkomen"),
    (r"\bmonthly\b|\bper month\b|\ba month\b", "maandelijks per maand"),
    (r"\bestate\b|\binheritance", "nalatenschap"),
    (r"\bmedical (costs?|expenses)|\bchronic(ally)? ill", "meerkosten chronisch zieken zorgkosten"),
    (r"\bdisabilit|\bdisabled", "beperking handicap"),
    (r"\bhomeless|\bshelter", "maatschappelijke opvang daklozen"),
)
_COMPILED = tuple((re.compile(pattern, re.IGNORECASE), terms) for pattern, terms in _ENTRIES)
_COMPILED_ENGLISH = tuple((re.compile(pattern, re.IGNORECASE), terms) for pattern, terms in _ENGLISH)


def expand(question: str, english: bool = False) -> str:
    """Policy words for what the question describes, space-separated ('' when nothing matches)."""
    entries = (*_COMPILED, *_COMPILED_ENGLISH) if english else _COMPILED
    return " ".join(terms for pattern, terms in entries if pattern.search(question))


# Words that mark a question as one about the social domain, besides the thesaurus's own topics.
_DOMAIN = re.compile(
    r"mantelzorg|\bwmo\b|jeugd|welzijn|ondersteun|\bzorg|\bhulp|hulpverlen|uitkering|bijstand|participatie|"
    r"inburger|beschermd wonen|maatschappelijke (opvang|ondersteuning)|minima|sociaal|sociale|wijkteam|"
    r"gezondheid|beperking|handicap|respijt|dagbesteding|leerplicht|kinderopvang|\bsupport|\bcare\b|social|"
    r"\bassistance|\bwelfare|\bbenefits?\b|\ballowance|\bincome\b(?!\s+tax)|\bdebts?\b|\billness|\bmedical|\bhealth|"
    r"\bdisabilit|\bdisabled|\belderly|\byouth|\bchildcare|\bhomeless|\bshelter|\binsurance|\bcontributions?\b",
    re.IGNORECASE,
)


def in_domain(question: str) -> bool:
    """Whether the question is recognisably about social support (a topic above, or a domain word)."""
    return bool(_DOMAIN.search(question)) or any(pattern.search(question) for pattern, _ in _COMPILED)


# "weer" alone is also "again": only "wat voor weer", "het weer morgen".
_WEATHER = (
    r"\b(wat\s+voor|welk)\s+weer\b|\bhet\s+weer\s+(morgen|vandaag|overmorgen|dit\s+weekend|in\s+het\s+weekend)\b|"
    r"weerbericht|weersverwachting|\bregen(t|en)?\b|\bdroog\b|zonnig|onweer|sneeuw|temperatuur|weather|\brain"
)

# What else a municipality does, for which residents also turn to it: documents about social policy
# do not cover these, so a question about one is probably out of scope (a feature the fit weighs,
# since a corpus may still mention one, as minima policy does the waste levy's remission).
_OTHER_SERVICES = re.compile(
    r"paspoort|identiteitskaart|\bid-kaart|rijbewijs|uittreksel|\bbrp\b|verhuizing doorgeven|parkeer|"
    r"grofvuil|\bafval\b|container|hondenbelasting|\bozb\b|onroerende\s*zaakbelasting|omgevingsvergunning|"
    r"bouwvergunning|kapvergunning|evenementenvergunning|dakkapel|verbouw|verkiezing|stempas|trouwen|huwelijk|"
    r"sollicitatiebrief|belastingaangifte|aangifte inkomstenbelasting|income tax|tax return|"
    rf"{_WEATHER}|passport|driving licen|parking|garbage|\bwaste\b|wedding|election",
    re.IGNORECASE,
)
# What no social policy is about: the weather, a match, a holiday, a car's repair, a meal out or a recipe.
# Not the Dutch "recept": it is also the doctor's prescription ("medicijnen op recept"); asking for a recipe is
# a task (`guard.asks_task`).
_SMALL_TALK = re.compile(
    rf"{_WEATHER}|\b(voetbal\w*|eredivisie|kampioen\w*|wedstrijd\w*|vakantie\w*|garage|apk|remmen|"
    r"restaurant|pizzeria|football|soccer|match(es)?|holiday|vacation|recipe)\b",
    re.IGNORECASE,
)


# Whom to vote for is no policy document's to say, whatever the vote is about ("Op welke partij moet ik stemmen
# als ik meer geld voor de Wmo wil?").
_VOTING = re.compile(
    r"\bwelke\s+(politieke\s+)?partij\b[^?]{0,80}\bstem(men)?\b|\bop\s+wie\s+(moet|kan|zal)\s+ik\s+stemmen\b|"
    r"\bwho\s+should\s+i\s+vote\b|\bwhich\s+(political\s+)?party\s+should\s+i\b",
    re.IGNORECASE,
)


# Which insurer, mortgage or energy deal is best is a market's question, not a municipality's, however near its
# words ("zorgverzekeraar" in a budget). Not "best veel eigen bijdrage" (Dutch "best" is "quite").
_PRODUCTS = (
    r"zorgverzekeraar|zorgverzekering|verzekeraar|aanvullende verzekering|hypothee?k\w*|energieleverancier|"
    r"energiecontract|internetprovider|telefoonabonnement|insurer|insurance|mortgage|energy (supplier|contract|deal)|"
    r"phone plan"
)
_BEST = r"beste|goedkoopste?|voordeligste?|the best|the cheapest|best (rate|deal|offer|price)|lowest rate"
_BUYING_ADVICE = re.compile(rf"\b({_BEST})\b[^?]{{0,80}}\b({_PRODUCTS})|\b({_PRODUCTS})\b[^?]{{0,80}}\b({_BEST})\b", re.I)


def small_talk(question: str) -> bool:
    """Whether what is asked is small talk rather than social support ("Gaat het morgen regenen?", "Wie wint de
    wedstrijd?"); a question that also names the social domain ("Mag ik met bijstand op vakantie?") is not, but
    for voting and buying advice."""
    # A collective health insurance is the municipality's own scheme for minima: which one is best for them is
    # theirs to say.
    advice = _BUYING_ADVICE.search(question) and not re.search(r"collectiev|gemeentepolis|minima", question, re.I)
    return bool(_VOTING.search(question) or advice) or (bool(_SMALL_TALK.search(question)) and not in_domain(question))


def other_service(question: str) -> bool:
    """Whether the question is about a municipal service other than social support (passport, parking, waste ...)."""
    return bool(_OTHER_SERVICES.search(question)) and not in_domain(question)


# The social domain's own schemes and laws, each with its other names: documents on one of them seldom speak for
# another ("eigen bijdrage voor huishoudelijke hulp via de Wmo" is not in rules on bijzondere bijstand that also
# have an "eigen bijdrage").
_SCHEMES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\bwmo\b|maatschappelijke ondersteuning",
        r"jeugdhulp|jeugdzorg|jeugdwet|youth care",
        r"schuldhulp|schuldsanering|schuldregeling|budgetbeheer|beschermingsbewind|\bwsnp\b|debt (help|counsel)",
        r"inburger|\bcivic integration",
        r"mantelzorg|informal care|\bcarers?\b",
        r"beschermd wonen|sheltered housing",
        r"huishoudelijke (hulp|ondersteuning)|\bhousehold help|\bcleaning help",
        r"\bpgb\b|persoonsgebonden budget|personal budget",
        r"leerplicht|leerlingenvervoer",
        r"kinderopvang|childcare",
        r"dagbesteding",
        r"respijt",
    )
)


def schemes_missing(question: str, passages: Iterable[str]) -> bool:
    """Whether the question names a scheme of the social domain that none of `passages` names."""
    asked = [pattern for pattern in _SCHEMES if pattern.search(question)]
    texts = list(passages)
    return any(not any(pattern.search(t) for t in texts) for pattern in asked)
