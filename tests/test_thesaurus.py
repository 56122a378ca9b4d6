from assistant import thesaurus


def test_resident_words_bring_policy_words_and_mark_the_social_domain():
    assert "schuldhulpverlening" in thesaurus.expand("ik kan mijn rekeningen niet betalen")
    assert thesaurus.in_domain("Hoe vraag ik huishoudelijke hulp aan?")
    assert not thesaurus.in_domain("Hoe verleng ik mijn paspoort?")


def test_other_municipal_services_are_recognised_unless_the_question_is_about_support():
    assert thesaurus.other_service("Hoe verleng ik mijn paspoort?")
    assert thesaurus.other_service("Gaat het morgen regenen in de binnenstad?")
    assert thesaurus.other_service("Blijft het zaterdag droog op de markt?")
    assert thesaurus.other_service("Where do I get a parking permit?")
    # Income tax is a tax, not income support.
    assert thesaurus.other_service("Can you help me fill in my income tax return?")
    # Remission of the waste levy is minima policy: the question names support, so it is not elsewhere.
    assert not thesaurus.other_service("Krijg ik met een bijstandsuitkering kwijtschelding van de afvalstoffenheffing?")
    assert not thesaurus.other_service("Wanneer gaat de bibliotheek weer open?")  # "weer" is also "again"


def test_an_english_question_brings_the_dutch_policy_words_for_its_own():
    question = "Can I get special assistance for my health insurance's own contribution?"
    assert "bijzondere bijstand" in thesaurus.expand(question, english=True)
    assert "eigen bijdrage" in thesaurus.expand(question, english=True)
    pilot = "Is there a pilot that gives young people a monthly income?"
    assert {"inkomen", "maandelijks"} <= set(thesaurus.expand(pilot, english=True).split())
    assert thesaurus.in_domain(question)
    # Dutch questions keep to the Dutch entries: "school" is a Dutch word too.
    assert "onderwijs" not in thesaurus.expand("Waar is de school van mijn zoon?")
    assert not thesaurus.in_domain("Can you recommend a good restaurant near the station?")


def test_situations_residents_describe_bring_the_policy_words():
    assert "huiselijk geweld" in thesaurus.expand("Mijn vriend wordt steeds agressiever, ik ben bang thuis")
    assert "dakloos" in thesaurus.expand("Mijn broer slaapt al weken in zijn auto")
    assert "dakloos" in thesaurus.expand("ik slaap nu steeds bij vrienden op de bank")
    assert "laaggeletterdheid" in thesaurus.expand("mijn vader kan slecht leze en schrijve")
    assert "woningaanpassing" in thesaurus.expand("de trap wordt steeds lastiger voor mijn man")
    assert "sport" in thesaurus.expand("mijn zoon wil op voetbal maar de contributie is te duur")
    assert "opleiding" in thesaurus.expand("hij is gestopt met zijn mbo en zit thuis")
    assert "detentie" in thesaurus.expand("mijn zoon moet 4 maanden de gevangenis in")
    assert "kwijtschelding" in thesaurus.expand("kan de rest nu kwijtgescholden worden?")
    assert "kwijtschelding" in thesaurus.expand("scheldt de gemeente een deel van mijn schuld kwijt?")
    assert "domotica" in thesaurus.expand("doet de gemeente iets met slimme apparaatjes in huis?")
    assert "kostenvoordelen" in thesaurus.expand("mijn zus betaalt mijn gas en licht, heeft dat gevolgen?")
    assert "kostenvoordelen" in thesaurus.expand("mijn ma betaalt mijn gas en licht")  # family, informally named
    assert "kostenvoordelen" in thesaurus.expand("betaalt mijn schoonmoeder onze energierekening")
    assert "zwaar belast" in thesaurus.expand("hoeveel mantelzorgers voelen zich overbelast?")
    assert "huisuitzettingen" in thesaurus.expand("worden er minder mensen uit hun huurhuis gezet?")
    assert "ombudsman" in thesaurus.expand("Ik ben het niet eens met hoe de gemeente mijn aanvraag heeft afgehandeld")
    assert "huurwoning" in thesaurus.expand("ik woon in een huurhuis")
    assert "minimaregelingen" in thesaurus.expand("heb je hier zo'n kortingspas voor mensen met weinig geld?")
    assert "personenalarmering" in thesaurus.expand("mijn oma wil een noodknop om haar nek")
    assert "giften" in thesaurus.expand("mijn moeder stopt me soms wat geld toe")
    assert "betalingsregeling" in thesaurus.expand("kan ik het afbetalen in kleine bedragen?")
    assert "inloop" in thesaurus.expand("Is er een plek waar ik gewoon binnen kan lopen met mijn vragen?")
    assert "inloop" in thesaurus.expand("Waar kan ik zonder afspraak binnenlopen?")
    assert "zorgmijders" in thesaurus.expand("Hij wil niks met hulpverleners te maken hebben")
    assert "respijtzorg" in thesaurus.expand("Is er een plek waar mijn moeder een weekend kan logeren?")
    assert "blijverslening" in thesaurus.expand("Kan ik geld lenen om mijn huis aan te passen?")
    # Neighbours are a dispute when there is noise or a quarrel, not when one of them told you something.
    assert "buurtbemiddeling" in thesaurus.expand("Mijn buren maken elke nacht herrie")
    assert "buurtbemiddeling" in thesaurus.expand("ik heb al maanden ruzie met de bovenburen")
    assert "buurtbemiddeling" in thesaurus.expand("My neighbours are very noisy", english=True)
    assert "buurtbemiddeling" not in thesaurus.expand("A neighbour mentioned the Werkcentrum", english=True)
    assert "buurtbemiddeling" not in thesaurus.expand("Mijn buurvrouw heeft zo'n pasje met korting")
    assert "vrouwenopvang" in thesaurus.expand("Ik ben niet meer veilig thuis, waar kan ik heen?")
    assert "kwijtschelding" in thesaurus.expand("When can I ask them to cancel what is left of the debt?")
    # Money every month is a monthly income, as "monthly" is in English.
    assert "maandelijks inkomen" in thesaurus.expand("iemand zei dat jongeren gewoon elke maand geld krijgen?")
    assert "maandelijks inkomen" in thesaurus.expand("klopt het dat ze geld krijgen iedere maand?")
    assert "maandelijks" not in thesaurus.expand("ik betaal elke maand een beetje terug")
    assert "korting" in thesaurus.expand("Mijn buurvrouw heeft een pasje waarmee ze goedkoper kan zwemmen")
    assert "praktijkondersteuner" in thesaurus.expand("Is er bij de huisarts iemand die me met geldzorgen helpt?")
    assert "doorstroming" in thesaurus.expand("Mijn moeder wil eigenlijk kleiner wonen, hoe regelt ze dat?")
    assert "vrijwilligersverzekering" in thesaurus.expand("Ik help mijn buurvrouw en viel van de trap, ben ik verzekerd?")
    assert "vrijwilligersverzekering" not in thesaurus.expand("Kan de gemeente helpen met mijn verzekering?")
    assert "vrijwilligersverzekering" in thesaurus.expand(
        "Ik help mijn buurvrouw van 87 met boodschappen en zo, en laatst stootte ik per ongeluk haar tv van de kast. "
        "Ben ik daarvoor ergens verzekerd?"
    )
    assert "schuldhulpverlening" in thesaurus.expand("ik krijg steeds meer aanmaningen en loop achter met de huur")
    assert "vog" in thesaurus.expand("ze willen een verklaring dat je geen strafblad hebt")
    assert "langer zelfstandig thuis wonen" in thesaurus.expand("we willen in ons eigen huis in Voorburg blijven wonen")
    assert "valpreventie" in thesaurus.expand("mijn moeder is deze winter al 2x gevallen")
    assert "valpreventie" not in thesaurus.expand("In welke gevallen krijg ik bijzondere bijstand?")
    assert "weduwebezoek" in thesaurus.expand("Sinds mijn man is overleden zit ik de hele dag alleen")
    assert "welzijnsorganisaties" in thesaurus.expand("Welke organisatie doet het welzijnswerk in de gemeente?")
    assert "halvering" in thesaurus.expand("Welke ambitie heeft de gemeente voor het terugdringen van de jeugdzorg?")
    assert "daling" in thesaurus.expand("How does the city want to reduce youth care costs?")
    # How long or how much may stand between the carer's verb and whom it is for; "zorg" the noun is no carer.
    assert "mantelzorg" in thesaurus.expand("Ik zorg al twee jaar voor mijn zieke moeder")
    assert "mantelzorg" in thesaurus.expand("ik zorg eigenlijk dag en nacht voor haar")
    assert "mantelzorg" not in thesaurus.expand("ik weet niet welke zorg ik kan aanvragen voor mijn man")
    assert "mantelzorg" not in thesaurus.expand("Hoe zorg ik voor een goede aanvraag voor mijn zoon?")
    # The verb first, as after an opening phrase; a friend paid back is no gift.
    assert "kostenvoordelen" in thesaurus.expand("Sinds deze winter betaalt mijn moeder mijn energierekening")
    assert "giften" in thesaurus.expand("Hoeveel geld mag ik per jaar van familie of vrienden krijgen?")
    assert "giften" not in thesaurus.expand("Ik betaal mijn vriend volgende maand terug")
    # Football as a topic of talk is not a resident's need: the question stays outside the domain.
    assert not thesaurus.in_domain("wie wint volgens jou het EK voetbal dit jaar?")


def test_small_talk_is_recognised_unless_the_question_names_support():
    assert thesaurus.small_talk("Gaat het morgen regenen in Ergens?")
    assert thesaurus.small_talk("Is it going to rain tomorrow?")
    assert thesaurus.small_talk("Wie wint de wedstrijd van zondag?")
    assert thesaurus.small_talk("Waar kan ik in de meivakantie goedkoop met de kinderen op vakantie?")
    assert not thesaurus.small_talk("Hoe lang mag ik met een bijstandsuitkering op vakantie?")
    assert not thesaurus.small_talk("Wordt het weer beter met mijn schulden?")  # "weer" is also "again"
    assert thesaurus.small_talk("Wat voor weer wordt het dit weekend in Ergens?")
    assert thesaurus.small_talk("Hoe wordt het weer morgen?")
    assert not thesaurus.small_talk("Krijg ik geld terug voor medicijnen op recept?")  # a prescription
    # Voting advice is out of scope even about support.
    assert thesaurus.small_talk("Op welke partij moet ik stemmen als ik meer geld voor de Wmo wil?")
    assert thesaurus.small_talk("Which party should I vote for if I want better care for the elderly?")
    assert not thesaurus.small_talk("Welke partij betaalt de eigen bijdrage voor de Wmo?")
    # So is buying advice, but for the municipality's own collective insurance; Dutch "best veel" is "quite a lot".
    assert thesaurus.small_talk("Welke zorgverzekeraar heeft de beste aanvullende verzekering voor de tandarts?")
    assert thesaurus.small_talk("What's the best mortgage rate I can get for a flat in Ergens?")
    assert thesaurus.small_talk("welke energieleverancier is nu het goedkoopst? mn contract loopt af")
    assert not thesaurus.small_talk("Welke collectieve zorgverzekering is het voordeligst voor minima?")
    assert not thesaurus.small_talk("Ik heb best veel eigen bijdrage voor mijn zorgverzekering betaald, krijg ik iets terug?")


def test_what_residents_call_the_costs_special_assistance_rules_name():
    assert "gehoorapparaat" in thesaurus.expand("mn hoortoestel is stuk, krijg ik de reparatie vergoed?")
    assert "warmtekosten" in thesaurus.expand("de dokter zegt dat mijn huis warmer moet")
    assert "babyuitzet" in thesaurus.expand("ik ben zwanger en heb een kinderwagen en een box nodig")
    assert "giften" in thesaurus.expand("mijn moeder geeft me af en toe wat geld om rond te komen")
    assert "giften" not in thesaurus.expand("de gemeente geeft me geen geld voor een wasmachine")
    assert "waskosten" in thesaurus.expand("mijn zoon plast nog elke nacht in bed, ik sta de hele dag te wassen")
    assert "waskosten" not in thesaurus.expand("mijn wasmachine is kapot")
    # "box 3" is the income tax's, not a playpen.
    assert not thesaurus.in_domain("Can you help me fill in my income tax return? I don't understand box 3.")
    assert "aankoopbewijzen" in thesaurus.expand("moet ik de bonnetjes van de meubels bewaren?")
    assert "uitvaartkosten" in thesaurus.expand("hoeveel krijg je voor de begravenis?")
    assert "nalatenschap" in thesaurus.expand("er zit niks in de erfenis om de begrafenis te betalen")
    # The weather getting warmer is no cost of a home.
    assert "warmtekosten" not in thesaurus.expand("Wordt het morgen warmer?")


def test_not_making_ends_meet_and_food_or_clothes_bring_the_minima_words_and_the_food_bank():
    question = "We komen deze maand echt niet rond. Waar kan ik terecht voor eten of kleding?"
    assert {"minima", "voedselbank", "kledingbank"} <= set(thesaurus.expand(question).split())
    # Clothes that no longer fit, or not being able to eat, say nothing of a food or clothing bank.
    assert "kledingbank" not in thesaurus.expand("Door mijn ziekte past mijn kleding niet meer.")
    assert "voedselbank" not in thesaurus.expand("Ik kan sinds de operatie niet goed eten.")
