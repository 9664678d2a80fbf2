"""The words the generated text is made of: places, names, organisations, sentence parts.

Also the words the search benchmark looks for (``COMMON_WORD``, ``RARE_WORDS``) and the
fixed sentences that carry them.
"""

# Words for the search benchmark: one in most documents, a few in very few.
COMMON_WORD = "bewoners"
RARE_WORDS = ["zwaluwtil", "kruidenspiraal", "klompenpad", "wilgenhut", "ooievaarsnest", "boomgaardfeest"]
RARE_WORD = RARE_WORDS[0]

MUNICIPALITIES = [
    "Aalten", "Apeldoorn", "Arnhem", "Barneveld", "Berg en Dal", "Berkelland", "Beuningen", "Bronckhorst",
    "Brummen", "Buren", "Culemborg", "Doesburg", "Doetinchem", "Druten", "Duiven", "Ede", "Elburg", "Epe",
    "Ermelo", "Harderwijk", "Hattem", "Heerde", "Heumen", "Lingewaard", "Lochem", "Maasdriel", "Montferland",
    "Neder-Betuwe", "Nijkerk", "Nijmegen", "Nunspeet", "Oldebroek", "Oost Gelre", "Oude IJsselstreek",
    "Overbetuwe", "Putten", "Renkum", "Rheden", "Rozendaal", "Scherpenzeel", "Tiel", "Voorst", "Wageningen",
    "West Betuwe", "West Maas en Waal", "Westervoort", "Wijchen", "Winterswijk", "Zaltbommel", "Zevenaar",
    "Zutphen",
]  # fmt: skip
KNOWN_AREAS = {
    "Arnhem": ["Presikhaaf", "Malburgen", "Klarendal", "Geitenkamp", "Het Broek", "Schuytgraaf", "Elderveld"],
    "Nijmegen": ["Dukenburg", "Lindenholt", "Hatert", "Wolfskuil", "Heseveld", "Oosterhout", "Bottendaal"],
    "Ede": ["Veldhuizen", "Bennekom", "Lunteren", "Ederveen", "Harskamp"],
    "Apeldoorn": ["Zevenhuizen", "De Maten", "Kerschoten", "Beekbergen", "Ugchelen"],
    "Lingewaard": ["Bemmel", "Huissen", "Gendt", "Doornenburg", "Haalderen"],
    "Zutphen": ["Waterkwartier", "De Hoven", "Noordveen", "Warnsveld"],
    "Tiel": ["Tiel-Oost", "Passewaaij", "Kellenbeek"],
    "Doetinchem": ["De Huet", "Dichteren", "Gaanderen", "Wehl"],
}
AREA_PREFIXES = ["Oost", "West", "Noord", "Zuid", "Groot", "Klein", "Nieuw", "Oud", "Hoog", "Laag", "Ooster", "Wester"]
AREA_ROOTS = ["beek", "veen", "hoven", "wijk", "dorp", "loo", "horst", "broek", "kamp", "berg", "weerd", "hout", "meer"]
THEMES = [
    "Leefbaarheid", "Duurzaamheid", "Zorg & welzijn", "Wonen", "Jeugd", "Ouderen", "Armoede & bestaanszekerheid",
    "Veiligheid", "Onderwijs", "Werk & meedoen", "Groen & openbare ruimte", "Cultuur & ontmoeting",
]  # fmt: skip
CLUSTERS = [
    "Eigenaarschap & continuïteit", "Vertrouwen & relaties", "Ruimte & regels", "Geld & middelen",
    "Samenwerking tussen partners", "Betrokkenheid van bewoners", "Leren & reflecteren", "Rol van de gemeente",
    "Verbinding met de leefwereld", "Tijd & tempo", "Communicatie", "Kartrekkers & leiderschap",
]  # fmt: skip
FIRST_NAMES = [
    "Anouk", "Bart", "Carlijn", "Daan", "Esther", "Frank", "Gerda", "Hans", "Ilse", "Jeroen", "Karin", "Luuk",
    "Marieke", "Niels", "Olga", "Pieter", "Quinten", "Roos", "Sanne", "Thijs", "Ursula", "Vera", "Wouter",
    "Yvonne", "Zeynep", "Mohammed", "Fatima", "Sem", "Lotte", "Ruud", "Jolanda", "Henk", "Ingrid", "Bram",
]  # fmt: skip
LAST_NAMES = [
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
    "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
    "Hermans", "Gerritsen", "Arends", "Willemsen", "Kok", "Postma", "Yilmaz", "El Amrani", "Wissink", "Ebbers",
]  # fmt: skip
ORGANISATION_PATTERNS = [
    ("welzijn", "Stichting Welzijn {place}"),
    ("welzijn", "Buurtteam {place}"),
    ("woningcorporatie", "Woonstichting {place}"),
    ("woningcorporatie", "Woongoed {place}"),
    ("onderwijs", "Kindcentrum {place}"),
    ("onderwijs", "Praktijkleerroute {place}"),
    ("inwoners", "Dorpsbelang {place}"),
    ("inwoners", "Bewonersinitiatief {place}"),
    ("vereniging", "Buurtvereniging {place}"),
    ("vereniging", "Sportvereniging {place}"),
    ("ondernemer", "Ondernemersvereniging {place}"),
    ("overig", "Energiecoöperatie {place}"),
]
FIXED_ORGANISATIONS = [
    ("HAN Centre of Expertise Krachtige Kernen", "onderwijs"),
    ("Spectrum partner met elan", "welzijn"),
    ("Provincie Gelderland", "provincie"),
    ("Leefbaarheidsalliantie Gelderland", "overig"),
    ("Werkplaats Sociaal Domein", "onderwijs"),
]
SUBJECTS = [
    "De bewoners", "Bewoners", "Het buurtteam", "De gemeente", "De woningcorporatie", "Vrijwilligers",
    "Jongeren uit de wijk", "De dorpsraad", "Studenten", "Lokale ondernemers", "De welzijnsorganisatie",
    "Een groep ouderen", "De basisschool", "De wijkagent", "Het sociaal team", "Bewoners en professionals",
]  # fmt: skip
VERBS = [
    "werken samen aan", "organiseren", "bouwen aan", "nemen het initiatief voor", "zetten zich in voor",
    "praten mee over", "zoeken samen naar", "investeren in", "maken ruimte voor", "beginnen klein met",
]  # fmt: skip
OBJECTS = [
    "een ontmoetingsplek", "de leefbaarheid van de wijk", "een buurtkamer", "het groen in de straat", "een moestuin",
    "veiligheid op straat", "minder eenzaamheid onder ouderen", "een nieuwe speeltuin", "een repaircafé",
    "het dorpshuis", "energiebesparing in de buurt", "betaalbaar wonen", "een gezamenlijke wijkagenda",
    "een leerwerkplek in de wijk", "een buurtbudget", "de samenwerking tussen organisaties", "een dorpsvisie",
    "vervoer voor ouderen", "een huiskamer voor jongeren", "schuldhulp dichtbij", "een zorgcoöperatie",
]  # fmt: skip
TITLE_NOUNS = [
    "Buurtkamer", "Dorpshuis", "Kenniskwartier", "Wijkagenda", "Buurtmoestuin", "Repaircafé", "Huiskamer",
    "Dorpsvisie", "Wijkbudget", "Leerwerkplaats", "Ontmoetingstuin", "Zorgcoöperatie", "Buurtbus", "Jongerenplek",
    "Energiecoöperatie", "Speelnatuur", "Dorpsagenda", "Wijkteam", "Buurtkracht", "Samen Sterk",
]  # fmt: skip
INSIGHTS = [
    "vertrouwen tijd kost", "korte lijnen het verschil maken", "bewoners zelf eigenaar moeten zijn",
    "een vaste kartrekker onmisbaar is", "de gemeente durft los te laten", "kleine successen motiveren",
    "financiering voor de lange termijn ontbreekt", "regels soms in de weg zitten",
    "professionals moeten aansluiten bij wat leeft", "wisselende contactpersonen het vertrouwen schaden",
    "samenwerking begint bij elkaar kennen", "een vaste plek in de wijk helpt", "resultaten zichtbaar moeten zijn",
    "jongeren anders meedoen dan ouderen", "de taal van beleid bewoners afschrikt", "ruimte om te experimenteren nodig is",
    "de woningcorporatie een sleutelrol speelt", "het netwerk in het dorp sterker is dan gedacht",
]  # fmt: skip
OPENERS = [
    "In {place} merkten we dat {insight}.",
    "{subject} {verb} {object} in {place}.",
    "Wat opviel: {insight}.",
    "Samen met {subject_l} {verb} we {object}.",
    "Het begon met {object}; daarna bleek dat {insight}.",
    "We leerden dat {insight}, ook in {place}.",
    "{subject} in {place} {verb} {object} en merkten dat {insight}.",
    "Voor de samenwerking was belangrijk dat {insight}.",
]
FACTOR_WORKING = [
    "Eigenaarschap bij bewoners", "Korte lijnen", "Een vaste kartrekker", "Ruimte om te experimenteren",
    "Aansluiten bij wat leeft", "Vertrouwen tussen partners", "Een vaste plek om elkaar te ontmoeten",
    "Zichtbare kleine successen", "Meerjarige financiering", "Een gedeelde wijkagenda", "Lokale kennis benutten",
    "Luisteren voordat je plant", "Een gemeente die loslaat", "Samen leren en reflecteren", "Humor en plezier",
    "Verbinden van formele en informele zorg", "Jongeren een echte rol geven", "Gelijkwaardige gesprekken",
    "Een onafhankelijke procesbegeleider", "Heldere afspraken over rollen",
]  # fmt: skip
FACTOR_OBSTACLES = [
    "Versnipperde financiering", "Wisselende contactpersonen", "Projectmatig denken", "Regels die niet passen",
    "Beleidstaal", "Gebrek aan tijd bij vrijwilligers", "Verkokerde organisaties", "Onduidelijk eigenaarschap",
    "Te hoge verwachtingen", "Wantrouwen tegenover de gemeente", "Kortlopende subsidies", "Te weinig ontmoetingsplekken",
    "Overbelaste kartrekkers", "Afrekenen op cijfers", "Privacyregels als excuus",
]  # fmt: skip
FACTOR_QUALIFIERS = [
    "", "in de wijk", "in kleine kernen", "bij de gemeente", "tussen partners", "voor jongeren", "voor ouderen",
    "op de lange termijn", "in de eerste fase", "bij woningcorporaties", "in het buitengebied", "in de stad",
    "bij vrijwilligers", "in het sociaal domein", "rond de school", "bij ondernemers", "in de regio",
    "in het dorpshuis", "bij professionals", "in de zorg", "in de openbare ruimte", "bij nieuwe bewoners",
    "in krimpgebieden", "rond energie", "in de buurt",
]  # fmt: skip
PROMPTS = [
    ("working", "Wat heeft gewerkt?"),
    ("obstacle", "Wat zat in de weg?"),
    ("pride", "Waar zijn we trots op?"),
    ("lesson", "Welke lessen nemen we mee?"),
    ("observation", "Wat valt je op?"),
    ("helps", "Wat helpt tegen deze belemmering?"),
]
TERMS = [
    ("Gebiedsgericht werken", "gebiedsgericht-werken", True),
    ("Werkzame factor", "", True),
    ("Belemmering", "", True),
    ("Leefbaarheid", "", False),
    ("Eigenaarschap", "", False),
    ("Kartrekker", "", False),
    ("Wijkagenda", "", False),
    ("Bewonersinitiatief", "", False),
    ("Integraal werken", "", False),
    ("Leefwereld en systeemwereld", "", False),
    ("Right to challenge", "", False),
    ("Kern", "", False),
    ("Sociale basis", "", False),
    ("Community of Practice", "", False),
]
PERSPECTIVES = [
    "gemeente", "welzijn", "onderwijs", "woningcorporatie", "provincie", "inwoners", "vereniging", "ondernemer",
    "overig",
]  # fmt: skip
# Every scale has at least one public hit of RARE_WORD per searchable kind (a case, a
# factor, a harvest, a term), so that a search page runs the same queries at S and L.
COMMON_GOAL = f"Wat werkt als {COMMON_WORD} en professionals samen optrekken? "
RARE_SENTENCE = f"Een {RARE_WORD} boven de deur werd het symbool van het project."
PERSPECTIVE_WEIGHTS = [20, 20, 12, 10, 4, 20, 6, 4, 4]
