"""The demo Community of Practice as plain data, loaded by ``manage.py seed_demo``.

All content is written for the demo. The organisations and the case named in the
article the CoP started from are real (HAN Centre of Expertise Krachtige Kernen,
Spectrum partner met elan, Leefbaarheidsalliantie Gelderland, the municipalities of
Lingewaard and Arnhem, the province of Gelderland, Kenniskwartier Arnhem); every
other organisation, every person and every initiative is fictional. No real
person's name, e-mail address or phone number appears anywhere.

Dates are day offsets from today (negative: in the past), so the demo always has
past meetings with a harvest and an upcoming one. People are referred to by their
``key``, organisations by name, factors by slug, cases by slug.
"""

DEMO_PASSWORD = "Weten-wat-werkt-demo"

# --- places and themes ----------------------------------------------------------------

# Municipality → [(area, kind)]; kind is one of cop.models.Area.Kind.
MUNICIPALITIES = {
    "Arnhem": [
        ("Presikhaaf", "wijk"),
        ("Malburgen", "wijk"),
        ("Klarendal", "wijk"),
        ("Het Arnhemse Broek", "wijk"),
        ("Geitenkamp", "wijk"),
    ],
    "Lingewaard": [
        ("Bemmel", "kern"),
        ("Huissen", "kern"),
        ("Gendt", "kern"),
        ("Doornenburg", "dorp"),
        ("Haalderen", "dorp"),
        ("Angeren", "dorp"),
        ("Ressen", "dorp"),
    ],
    "Nijmegen": [
        ("Hatert", "wijk"),
        ("Dukenburg", "wijk"),
        ("Lindenholt", "wijk"),
        ("Nijmegen-Oost", "wijk"),
    ],
    "Ede": [
        ("Veldhuizen", "wijk"),
        ("Bennekom", "dorp"),
        ("Lunteren", "dorp"),
        ("Harskamp", "dorp"),
    ],
    "Zutphen": [
        ("Waterkwartier", "wijk"),
        ("De Hoven", "wijk"),
        ("Warnsveld", "dorp"),
    ],
    "Berkelland": [
        ("Borculo", "kern"),
        ("Eibergen", "kern"),
        ("Beltrum", "dorp"),
        ("Rietmolen", "dorp"),
    ],
    "West Betuwe": [
        ("Geldermalsen", "kern"),
        ("Beesd", "dorp"),
        ("Heukelum", "dorp"),
        ("Spijk", "dorp"),
        ("Herwijnen", "dorp"),
    ],
    "Apeldoorn": [
        ("De Maten", "wijk"),
        ("Zevenhuizen", "wijk"),
        ("Beekbergen", "dorp"),
        ("Loenen", "dorp"),
    ],
    "Doetinchem": [
        ("De Huet", "wijk"),
        ("Gaanderen", "dorp"),
        ("Wijnbergen", "dorp"),
    ],
    "Tiel": [
        ("Passewaaij", "wijk"),
        ("Tiel-West", "wijk"),
        ("Wadenoijen", "dorp"),
        ("Kapel-Avezaath", "dorp"),
    ],
    "Bronckhorst": [
        ("Vorden", "kern"),
        ("Zelhem", "kern"),
        ("Hengelo", "kern"),
        ("Steenderen", "dorp"),
    ],
}

THEMES = [
    ("Leefbaarheid", "Hoe prettig het is om in een wijk of dorp te wonen, te leven en mee te doen."),
    ("Ontmoeting", "Plekken en activiteiten waar inwoners elkaar tegenkomen en leren kennen."),
    ("Zorg & welzijn", "Omzien naar elkaar, informele zorg, gezondheid en ondersteuning dichtbij."),
    ("Wonen", "Betaalbaar en passend wonen, levensloopbestendige woningen, woonomgeving."),
    ("Duurzaamheid", "Energie besparen en opwekken, klimaatadaptatie, groen in de buurt."),
    ("Onderwijs & jeugd", "Kinderen en jongeren, school in de wijk, studenten als partner."),
    ("Armoede & bestaanszekerheid", "Geldzorgen, energiearmoede, toegang tot voorzieningen voor iedereen."),
    ("Veiligheid", "Je veilig voelen op straat en thuis, verkeersveiligheid, overlast."),
    ("Mobiliteit", "Bereikbaarheid van voorzieningen, openbaar vervoer, vrijwillig vervoer."),
    ("Werk & meedoen", "Vrijwilligerswerk, leerwerkplekken, een plek om bij te dragen."),
    ("Groen & openbare ruimte", "Pleinen, parken, speelplekken en de inrichting van de straat."),
]

# --- organisations and people ----------------------------------------------------------

# kind is a cop.models.Perspective value.
ORGANISATIONS = [
    {
        "name": "HAN Centre of Expertise Krachtige Kernen",
        "kind": "onderwijs",
        "municipality": None,
        "website": "",
        "description": (
            "Centre of Expertise van de Hogeschool van Arnhem en Nijmegen. Organiseert samen met Spectrum "
            "de Community of Practice gebiedsgericht werken en doet actieonderzoek naar werkzame factoren."
        ),
    },
    {
        "name": "Spectrum partner met elan",
        "kind": "welzijn",
        "municipality": None,
        "website": "",
        "description": (
            "Advies- en ontwikkelorganisatie in het sociaal domein. Helpt gemeenten beleid te maken dat beter "
            "aansluit bij wat inwoners nodig hebben. Aangesloten bij de Leefbaarheidsalliantie Gelderland en "
            "mede-organisator van de Community of Practice."
        ),
    },
    {
        "name": "Leefbaarheidsalliantie Gelderland",
        "kind": "overig",
        "municipality": None,
        "website": "",
        "description": (
            "Samenwerking van Gelderse maatschappelijke organisaties binnen het provinciale programma "
            "Leefbaarheid. Van hieruit is de Community of Practice ontstaan."
        ),
    },
    {
        "name": "Gemeente Lingewaard",
        "kind": "gemeente",
        "municipality": "Lingewaard",
        "website": "",
        "description": (
            "Gemeente met de kernen Bemmel, Huissen, Gendt, Doornenburg, Haalderen, Angeren en Ressen. "
            "Partner in de Krachtige Leerkring Lingewaard."
        ),
    },
    {
        "name": "Gemeente Arnhem",
        "kind": "gemeente",
        "municipality": "Arnhem",
        "website": "",
        "description": "Werkt wijkgericht met wijkmanagers en wijkagenda's in onder meer Presikhaaf en Malburgen.",
    },
    {
        "name": "Provincie Gelderland",
        "kind": "provincie",
        "municipality": None,
        "website": "",
        "description": (
            "Het programma Leefbaarheid ondersteunt initiatieven en netwerken die wijken en dorpen in "
            "Gelderland leefbaar houden."
        ),
    },
    {
        "name": "Welzijn Rijn & Linge",
        "kind": "welzijn",
        "municipality": "Lingewaard",
        "website": "https://example.org/welzijn-rijn-en-linge",
        "description": (
            "Welzijnsorganisatie voor opbouwwerk, sociaal werk en vrijwilligerswerk in de Over-Betuwe. "
            "(Fictieve organisatie in deze demo.)"
        ),
    },
    {
        "name": "Vakcollege Rijnoever",
        "kind": "onderwijs",
        "municipality": "Arnhem",
        "website": "https://example.org/vakcollege-rijnoever",
        "description": (
            "Mbo-school met wijkdocenten die studenten begeleiden bij leeropdrachten in Arnhemse wijken. "
            "(Fictieve organisatie in deze demo.)"
        ),
    },
    {
        "name": "Woonstichting Stadsoever",
        "kind": "woningcorporatie",
        "municipality": "Arnhem",
        "website": "https://example.org/woonstichting-stadsoever",
        "description": (
            "Woningcorporatie met huurwoningen in Malburgen, Presikhaaf en Klarendal. "
            "(Fictieve organisatie in deze demo.)"
        ),
    },
    {
        "name": "Woonstichting De Betuwse Hof",
        "kind": "woningcorporatie",
        "municipality": "Lingewaard",
        "website": "https://example.org/de-betuwse-hof",
        "description": "Woningcorporatie in de kernen van de Over-Betuwe. (Fictieve organisatie in deze demo.)",
    },
    {
        "name": "Dorpscoöperatie Gendt Vooruit",
        "kind": "inwoners",
        "municipality": "Lingewaard",
        "website": "",
        "description": (
            "Inwoners van Gendt die samen werk maken van ontmoeting, wonen en een veilige route naar school. "
            "(Fictief inwonersinitiatief in deze demo.)"
        ),
    },
    {
        "name": "Bewonersinitiatief Presikhaaf Groeit",
        "kind": "inwoners",
        "municipality": "Arnhem",
        "website": "",
        "description": (
            "Bewoners die binnentuinen vergroenen, een taalcafé draaien en buren met elkaar in contact "
            "brengen. (Fictief inwonersinitiatief in deze demo.)"
        ),
    },
]

# Fictional people. ``public``: consent to show the name publicly (most do not).
USERS = [
    {
        "key": "ilse",
        "email": "ilse.verbeek@example.org",
        "name": "Ilse Verbeek",
        "organisation": "HAN Centre of Expertise Krachtige Kernen",
        "perspective": "onderwijs",
        "public": True,
        "facilitator": True,
        "role": "begeleider (facilitator)",
        "bio": "Onderzoeker bij het Centre of Expertise en begeleider van de Community of Practice.",
    },
    {
        "key": "beheer",
        "email": "beheer.demo@example.org",
        "name": "Beheer Weten wat werkt",
        "organisation": None,
        "perspective": "overig",
        "public": False,
        "staff": True,
        "role": "beheerder (staff, Django-admin)",
        "bio": "Beheeraccount van het platform.",
    },
    {
        "key": "koen",
        "email": "koen.aarts@example.org",
        "name": "Koen Aarts",
        "organisation": "Gemeente Lingewaard",
        "perspective": "gemeente",
        "public": True,
        "role": "deelnemer · gemeente",
        "bio": "Kernregisseur. Werkt samen met dorpstafels in de kernen van Lingewaard.",
    },
    {
        "key": "nadia",
        "email": "nadia.elidrissi@example.org",
        "name": "Nadia El Idrissi",
        "organisation": "Gemeente Arnhem",
        "perspective": "gemeente",
        "public": False,
        "role": "deelnemer · gemeente",
        "bio": "Wijkmanager in Arnhem-Oost.",
    },
    {
        "key": "petra",
        "email": "petra.jansen@example.org",
        "name": "Petra Jansen",
        "organisation": "Welzijn Rijn & Linge",
        "perspective": "welzijn",
        "public": False,
        "role": "deelnemer · welzijn",
        "bio": "Opbouwwerker in Haalderen, Gendt en Doornenburg.",
    },
    {
        "key": "mirjam",
        "email": "mirjam.bosman@example.org",
        "name": "Mirjam Bosman",
        "organisation": "Spectrum partner met elan",
        "perspective": "welzijn",
        "public": True,
        "role": "deelnemer · welzijn en advies",
        "bio": "Adviseur sociaal domein; begeleidt gemeenten en welzijnsorganisaties bij kerngericht werken.",
    },
    {
        "key": "henk",
        "email": "henk.willemsen@example.org",
        "name": "Henk Willemsen",
        "organisation": "Dorpscoöperatie Gendt Vooruit",
        "perspective": "inwoners",
        "public": False,
        "role": "deelnemer · inwoners",
        "bio": "Bestuurslid van de dorpscoöperatie, woont al veertig jaar in het dorp.",
    },
    {
        "key": "ahmet",
        "email": "ahmet.yilmaz@example.org",
        "name": "Ahmet Yılmaz",
        "organisation": "Bewonersinitiatief Presikhaaf Groeit",
        "perspective": "inwoners",
        "public": False,
        "role": "deelnemer · inwoners",
        "bio": "Trekker van het taalcafé en de groene binnentuinen.",
    },
    {
        "key": "sabine",
        "email": "sabine.kok@example.org",
        "name": "Sabine Kok",
        "organisation": "Woonstichting Stadsoever",
        "perspective": "woningcorporatie",
        "public": False,
        "role": "deelnemer · woningcorporatie",
        "bio": "Wijkconsulent in Malburgen.",
    },
    {
        "key": "thomas",
        "email": "thomas.degraaf@example.org",
        "name": "Thomas de Graaf",
        "organisation": "Vakcollege Rijnoever",
        "perspective": "onderwijs",
        "public": True,
        "role": "deelnemer · onderwijs",
        "bio": "Wijkdocent; begeleidt studenten op hun leer-werkplek in de wijk.",
    },
    {
        "key": "yvonne",
        "email": "yvonne.hermsen@example.org",
        "name": "Yvonne Hermsen",
        "organisation": "Provincie Gelderland",
        "perspective": "provincie",
        "public": False,
        "role": "deelnemer · provincie",
        "bio": "Programma-adviseur Leefbaarheid.",
    },
    {
        "key": "bas",
        "email": "bas.smeets@example.org",
        "name": "Bas Smeets",
        "organisation": None,
        "perspective": "gemeente",
        "public": False,
        "role": "deelnemer · gemeente",
        "bio": "Beleidsadviseur wijkgericht werken bij een Gelderse gemeente.",
    },
    {
        "key": "lotte",
        "email": "lotte.brouwer@example.org",
        "name": "Lotte Brouwer",
        "organisation": None,
        "perspective": "welzijn",
        "public": False,
        "role": "deelnemer · jongerenwerk",
        "bio": "Jongerenwerker in Rivierenland.",
    },
]

# --- factors and obstacles --------------------------------------------------------------

CLUSTERS = [
    ("Aansluiten bij de leefwereld", "Starten bij wat inwoners bezighoudt, waar zij al komen en waar energie op zit."),
    ("Eigenaarschap & continuïteit", "Wie is eigenaar, en hoe blijft een goed initiatief bestaan als mensen wisselen?"),
    ("Rolverdeling & loslaten", "De nieuwe verhouding tussen gemeente, maatschappelijke organisaties en inwoners."),
    ("Proces & vertrouwen", "Hoe je samen optrekt: tijd, eerlijkheid, terugkijken en bijsturen."),
    ("Organisatie & financiering", "Budgetten, opdrachten en verantwoording die ruimte geven, of juist niet."),
    (
        "Verbinden & netwerk",
        "Mensen en organisaties die bruggen slaan tussen kern, onderwijs, ondernemers en overheid.",
    ),
]

WORKING_FACTORS = [
    {
        "slug": "aansluiten-bij-wat-leeft",
        "name": "Aansluiten bij wat leeft in wijk of dorp",
        "cluster": "Aansluiten bij de leefwereld",
        "statement": (
            "Begin bij de activiteiten, thema’s en ideeën die inwoners zelf al bezighouden, "
            "niet bij een vooraf bedacht programma."
        ),
        "explanation": (
            "<p>In bijna elke casus komt het terug: het werkt wanneer je aansluit bij wat er al leeft. Een "
            "buurtmoestuin, zorgen over de verkeersveiligheid bij de school, een dorpshuis dat dreigt te sluiten. "
            "Daar zit energie, daar voelen mensen zich eigenaar.</p>"
            "<p>Dat vraagt van professionals dat ze eerst luisteren en ophalen, op plekken waar inwoners al "
            "komen, en pas daarna met plannen komen.</p>"
            "<ul><li>Voer keukentafel- en straatgesprekken vóór je een bewonersavond organiseert.</li>"
            "<li>Vraag niet ‘wat vindt u van ons plan?’ maar ‘waar ligt u wakker van, waar wordt u blij van?’</li>"
            "</ul>"
        ),
        "themes": ["Leefbaarheid", "Ontmoeting"],
    },
    {
        "slug": "beginnen-waar-de-energie-zit",
        "name": "Beginnen waar de energie zit: het vliegwiel",
        "cluster": "Aansluiten bij de leefwereld",
        "statement": (
            "Een eerste klein, zichtbaar succes met mensen die willen trekken zet anderen in beweging; "
            "zo ontstaat een vliegwiel."
        ),
        "explanation": (
            "<p>Niet alles tegelijk willen. Kies een eerste stap waar al mensen warm voor lopen en maak het "
            "resultaat zichtbaar: een opgeknapt speelveldje, een eerste repaircafé, een volle huiskamer. Succes "
            "trekt nieuwe mensen aan, en met hen nieuwe ideeën.</p>"
            "<p>Deelnemers waarschuwen wel: een vliegwiel moet je blijven aanduwen. Na het eerste succes is "
            "aandacht nodig voor de volgende stap en voor wie erbij komt.</p>"
        ),
        "themes": ["Leefbaarheid"],
    },
    {
        "slug": "zichtbaar-aanwezig-in-de-wijk",
        "name": "Zichtbaar en aanspreekbaar aanwezig zijn",
        "cluster": "Aansluiten bij de leefwereld",
        "statement": "Professionals met een vast gezicht in de wijk, op vaste momenten op plekken waar inwoners al komen.",
        "explanation": (
            "<p>Vertrouwen groeit niet op het gemeentehuis. Een opbouwwerker die elke dinsdag in de bibliotheek "
            "zit, een wijkconsulent die langs het schoolplein loopt, een wijkdocent die met studenten in het "
            "buurthuis werkt: zij horen wat er speelt en worden aangesproken.</p>"
            "<p>Continuïteit in de bezetting is daarbij minstens zo belangrijk als de aanwezigheid zelf.</p>"
        ),
        "themes": ["Zorg & welzijn", "Ontmoeting"],
    },
    {
        "slug": "inwoners-vanaf-het-begin-aan-tafel",
        "name": "Inwoners vanaf het begin aan tafel",
        "cluster": "Aansluiten bij de leefwereld",
        "statement": (
            "Inwoners doen mee, denken mee én beslissen mee over wat hen aangaat, vanaf de eerste vraag "
            "en niet pas bij de uitvoering."
        ),
        "explanation": (
            "<p>Meedoen, meedenken en meebeslissen zijn drie verschillende dingen. Waar inwoners pas worden "
            "gevraagd als het plan klaar is, voelt dat als inspraak achteraf. Waar ze de vraag mee formuleren, "
            "ontstaat een gedeelde agenda.</p>"
            "<p>Praktisch: een dorpstafel of wijkteam waarin inwoners minstens de helft van de stoelen hebben, "
            "en een eigen stem over de besteding van (een deel van) het budget.</p>"
        ),
        "themes": ["Leefbaarheid"],
    },
    {
        "slug": "eigenaarschap-bij-inwoners",
        "name": "Eigenaarschap bij inwoners laten liggen",
        "cluster": "Eigenaarschap & continuïteit",
        "statement": "Professionals ondersteunen, maar nemen het initiatief niet over: de trekkers blijven eigenaar.",
        "explanation": (
            "<p>Het is verleidelijk om als professional het werk even over te nemen: de subsidieaanvraag "
            "schrijven, de vergadering voorzitten, de flyers maken. Op korte termijn gaat het dan sneller, op "
            "lange termijn verdwijnt het eigenaarschap.</p>"
            "<p>Werkzaam is een ondersteunende rol: meedenken, deuren openen in het gemeentehuis, coachen op de "
            "achtergrond en inwoners zelf het woord laten doen.</p>"
        ),
        "themes": ["Leefbaarheid", "Werk & meedoen"],
    },
    {
        "slug": "continuiteit-borgen",
        "name": "Continuïteit borgen: meer trekkers en vastgelegde afspraken",
        "cluster": "Eigenaarschap & continuïteit",
        "statement": (
            "Een initiatief houdt stand als er meer dan één trekker is, taken verdeeld zijn en afspraken "
            "zijn vastgelegd."
        ),
        "explanation": (
            "<p>Veel initiatieven hangen aan één of twee mensen. Werkzaam is om vroeg te investeren in een kleine "
            "kerngroep, in het overdragen van kennis en in een eenvoudige vorm: een stichting, een coöperatie of "
            "een vaste plek bij een bestaande vereniging.</p>"
            "<ul><li>Maak een overdrachtsmap met contacten, sleutels en afspraken.</li>"
            "<li>Spreek af wie het aanspreekpunt is bij gemeente en welzijn, ook als mensen wisselen.</li></ul>"
        ),
        "themes": ["Leefbaarheid"],
    },
    {
        "slug": "gemeente-durft-los-te-laten",
        "name": "De gemeente durft los te laten",
        "cluster": "Rolverdeling & loslaten",
        "statement": "De gemeente faciliteert en geeft ruimte, in plaats van vooraf alles te willen regelen en controleren.",
        "explanation": (
            "<p>In het nieuwe samenspel verschuift de rol van de gemeente van regisseur naar partner. Dat "
            "betekent: kaders meegeven in plaats van uitkomsten voorschrijven, vertrouwen op wat er in de kern "
            "ontstaat en accepteren dat het anders loopt dan gepland.</p>"
            "<p>Loslaten is niet verdwijnen. Wie loslaat, blijft beschikbaar, denkt mee en maakt zich in het "
            "gemeentehuis hard voor wat de kern nodig heeft.</p>"
        ),
        "themes": ["Leefbaarheid"],
    },
    {
        "slug": "heldere-rolverdeling",
        "name": "Heldere rolverdeling tussen partners",
        "cluster": "Rolverdeling & loslaten",
        "statement": "Partners spreken uit wie wat doet, wie waarover beslist en wat ieder níet doet.",
        "explanation": (
            "<p>Gemeente, welzijn, woningcorporatie, school en inwoners hebben elk hun eigen opdracht en belang. "
            "Door dat aan het begin op tafel te leggen, voorkom je dat iedereen op elkaar wacht of juist langs "
            "elkaar heen werkt.</p>"
            "<p>Een samenwerkingsafspraak van één A4 helpt vaak meer dan een uitgebreid convenant, zolang je er "
            "regelmatig samen naar terugkijkt.</p>"
        ),
        "themes": [],
    },
    {
        "slug": "investeren-in-vertrouwen",
        "name": "Investeren in onderling vertrouwen",
        "cluster": "Proces & vertrouwen",
        "statement": (
            "Tijd nemen voor kennismaking, informeel contact en het nakomen van kleine afspraken legt de basis "
            "voor samenwerking."
        ),
        "explanation": (
            "<p>Vertrouwen tussen inwoners, professionals en gemeente is geen vanzelfsprekendheid, zeker niet "
            "waar eerdere trajecten teleurstelden. Het groeit door afspraken na te komen, eerlijk te zijn over "
            "wat wel en niet kan, en door eerst een kop koffie te drinken voordat je aan de vergadertafel gaat "
            "zitten.</p>"
            "<p>Ook tussen opdrachtgever en welzijnsorganisatie is vertrouwen de voorwaarde om ruimte te geven "
            "aan een nieuwe manier van werken.</p>"
        ),
        "themes": [],
    },
    {
        "slug": "goed-proces-met-ruimte-om-bij-te-sturen",
        "name": "Een goed proces met ruimte om bij te sturen",
        "cluster": "Proces & vertrouwen",
        "statement": "Een helder, gezamenlijk proces met vaste momenten om terug te kijken en bij te sturen.",
        "explanation": (
            "<p>Gebiedsgericht werken is geen blauwdruk. Werkzaam is een proces met duidelijke stappen "
            "(ophalen, kiezen, doen, terugkijken) en tegelijk de ruimte om halverwege van koers te "
            "veranderen.</p>"
            "<p>Vaste reflectiemomenten met alle partners, bijvoorbeeld elk kwartaal, maken leren mogelijk en "
            "geven de opdrachtgever zicht op wat er gebeurt.</p>"
        ),
        "themes": [],
    },
    {
        "slug": "samen-leren-in-een-gedeelde-taal",
        "name": "Samen leren in een gedeelde taal",
        "cluster": "Proces & vertrouwen",
        "statement": "Partners leren van elkaars praktijk en gebruiken dezelfde woorden voor hetzelfde.",
        "explanation": (
            "<p>Wat de één ‘kerngericht werken’ noemt, heet bij de ander ‘wijkaanpak’ of ‘gebiedsgericht "
            "werken’. Door begrippen samen te omschrijven en casussen samen te bespreken, ontstaat een gedeelde "
            "taal.</p>"
            "<p>Dat maakt het makkelijker om kennis over te dragen, ook naar wie er niet bij was en naar "
            "nieuwe collega’s.</p>"
        ),
        "themes": ["Onderwijs & jeugd"],
    },
    {
        "slug": "flexibel-budget-dichtbij",
        "name": "Flexibel budget dichtbij de wijk",
        "cluster": "Organisatie & financiering",
        "statement": "Kleine bedragen die snel en zonder ingewikkelde aanvraag beschikbaar zijn, houden de energie vast.",
        "explanation": (
            "<p>Als een goed idee eerst drie maanden moet wachten op een subsidiebesluit, is de energie vaak weg. "
            "Een wijk- of kernbudget waarover een dorpstafel of wijkteam zelf beslist, met een eenvoudige "
            "verantwoording achteraf, werkt als smeerolie.</p>"
        ),
        "themes": ["Leefbaarheid", "Armoede & bestaanszekerheid"],
    },
    {
        "slug": "ruimte-in-de-opdracht-aan-welzijn",
        "name": "Ruimte in de opdracht aan welzijn",
        "cluster": "Organisatie & financiering",
        "statement": (
            "Opdrachtgever en welzijnsorganisatie sturen samen op maatschappelijke doelen en verhalen, niet "
            "alleen op aantallen en producten."
        ),
        "explanation": (
            "<p>Welzijnsorganisaties die gebiedsgericht willen werken, hebben ruimte nodig om aan te sluiten bij "
            "wat in de kern opkomt. Dat kan als de gemeente opdrachten formuleert in maatschappelijke doelen, "
            "als er jaarlijks een gesprek is over wat er is bereikt én geleerd, en als verantwoording ook met "
            "verhalen en voorbeelden mag.</p>"
        ),
        "themes": ["Zorg & welzijn"],
    },
    {
        "slug": "onderwijs-als-partner-in-de-wijk",
        "name": "Onderwijs als vaste partner in de wijk",
        "cluster": "Verbinden & netwerk",
        "statement": (
            "Studenten en docenten die langere tijd in dezelfde wijk werken, brengen menskracht, een frisse "
            "blik en kennis mee."
        ),
        "explanation": (
            "<p>Wijkdocenten en studenten die aansluiten bij lopende projecten zijn een waardevolle partner, mits "
            "er continuïteit is over de semesters heen en de vragen uit de wijk komen. Het Kenniskwartier in "
            "Arnhem laat zien hoe een vaste leer-werkplek in de wijk daarbij helpt.</p>"
        ),
        "themes": ["Onderwijs & jeugd", "Werk & meedoen"],
    },
    {
        "slug": "verbinders-met-korte-lijnen",
        "name": "Verbinders met korte lijnen",
        "cluster": "Verbinden & netwerk",
        "statement": (
            "Sleutelfiguren die zowel de leefwereld als de systeemwereld kennen, brengen mensen en organisaties "
            "snel bij elkaar."
        ),
        "explanation": (
            "<p>Een dorpsondersteuner, een sociaal makelaar of een actieve bewoner die ‘iedereen kent’: zulke "
            "verbinders zorgen dat een vraag uit de kern snel bij de juiste persoon in het gemeentehuis of bij de "
            "corporatie terechtkomt, en andersom.</p>"
        ),
        "themes": ["Ontmoeting"],
    },
    {
        "slug": "lokale-ondernemers-als-partner",
        "name": "Lokale ondernemers als partner",
        "cluster": "Verbinden & netwerk",
        "statement": (
            "Winkeliers, boeren en andere ondernemers uit de kern denken en doen mee, en brengen netwerk en "
            "middelen in."
        ),
        "explanation": (
            "<p>Voorgesteld na bijeenkomst 2: in verschillende dorpen blijken ondernemers een sleutelrol te "
            "spelen, bijvoorbeeld door een ruimte beschikbaar te stellen of een activiteit te sponsoren. Nog te "
            "bespreken in de CoP.</p>"
        ),
        "themes": ["Werk & meedoen"],
        "status": "proposed",
        "proposed_by": "henk",
    },
]

OBSTACLES = [
    {
        "slug": "moeite-met-loslaten",
        "name": "Moeite met loslaten",
        "cluster": "Rolverdeling & loslaten",
        "statement": (
            "De gemeente wil ruimte geven, maar regels, verantwoording en politieke druk trekken steeds terug "
            "naar controle."
        ),
        "explanation": (
            "<p>Het nieuwe samenspel vraagt van de gemeente om los te laten, terwijl raad en ambtelijke organisatie "
            "nog steeds vragen om zekerheid vooraf. Ambtenaren zitten daardoor klem tussen wat de kern vraagt en "
            "wat de eigen organisatie eist.</p>"
            "<p>Het eigenaarschap wordt anders, en dat is voor iedereen even puzzelen.</p>"
        ),
        "themes": [],
    },
    {
        "slug": "initiatief-valt-stil-als-de-trekker-stopt",
        "name": "Initiatieven vallen stil als de trekker stopt",
        "cluster": "Eigenaarschap & continuïteit",
        "statement": "Als één of twee drijvende krachten afhaken, verdwijnt het initiatief vaak met hen.",
        "explanation": (
            "<p>Continuïteit is een terugkerende zorg. Vrijwilligers raken overbelast, verhuizen, gaan mantelzorgen "
            "of krijgen andere prioriteiten. Zonder opvolging, vastgelegde afspraken en een steunend netwerk valt "
            "een goed initiatief dan stil.</p>"
        ),
        "themes": ["Leefbaarheid"],
    },
    {
        "slug": "onduidelijk-eigenaarschap",
        "name": "Onduidelijk wie eigenaar is",
        "cluster": "Eigenaarschap & continuïteit",
        "statement": "Als niemand weet wie waarover gaat, wacht iedereen op elkaar en blijven goede ideeën liggen.",
        "explanation": (
            "<p>Wie is eigenaar van het speelveld dat bewoners willen opknappen: de gemeente, de corporatie of de "
            "bewonersgroep? Wie betaalt het onderhoud? Zolang dat onduidelijk is, verwijst iedereen naar een ander "
            "en raken inwoners hun geduld kwijt.</p>"
        ),
        "themes": ["Groen & openbare ruimte"],
    },
    {
        "slug": "spagaat-tussen-contract-en-beweging",
        "name": "Spagaat tussen contractafspraken en de beweging in de wijk",
        "cluster": "Organisatie & financiering",
        "statement": (
            "Welzijnsorganisaties willen meebewegen met wat de kern vraagt, maar moeten ook de concrete "
            "productafspraken met de gemeente halen."
        ),
        "explanation": (
            "<p>Hoe speel je als welzijnsorganisatie in op een nieuwe manier van werken en voldoe je tegelijk aan "
            "de afspraken met je opdrachtgever? Wie tijd steekt in een spontaan initiatief, haalt misschien het "
            "afgesproken aantal activiteiten niet.</p>"
            "<p>Zonder goed gesprek tussen opdrachtgever en opdrachtnemer, en vertrouwen van beide kanten, wint "
            "het contract het van de beweging.</p>"
        ),
        "themes": ["Zorg & welzijn"],
    },
    {
        "slug": "kortlopende-projectfinanciering",
        "name": "Kortlopende projectfinanciering",
        "cluster": "Organisatie & financiering",
        "statement": (
            "Subsidies voor één of twee jaar dwingen tot steeds nieuwe projecten, terwijl vertrouwen en "
            "eigenaarschap jaren kosten."
        ),
        "explanation": (
            "<p>Regelingen vragen om vernieuwing en meetbare resultaten binnen korte tijd. Wat goed loopt, moet "
            "daardoor steeds opnieuw worden ‘verpakt’ als nieuw project. Initiatiefnemers besteden veel tijd aan "
            "aanvragen en verantwoorden, en na de looptijd valt de ondersteuning weg.</p>"
        ),
        "themes": ["Armoede & bestaanszekerheid"],
    },
    {
        "slug": "verkokering-en-wisselende-loketten",
        "name": "Verkokering en wisselende loketten",
        "cluster": "Rolverdeling & loslaten",
        "statement": (
            "Inwoners worden van loket naar loket verwezen; binnen organisaties werken afdelingen langs elkaar heen."
        ),
        "explanation": (
            "<p>De wijkmanager is enthousiast, maar de afdeling vergunningen ziet vooral risico’s. De corporatie "
            "wil meedoen, maar het budget zit bij een ander team. Voor inwoners is de gemeente één organisatie; "
            "van binnen is zij dat vaak niet.</p>"
        ),
        "themes": [],
    },
    {
        "slug": "wantrouwen-door-eerdere-ervaringen",
        "name": "Wantrouwen door eerdere ervaringen",
        "cluster": "Proces & vertrouwen",
        "statement": (
            "Waar eerdere participatietrajecten niets opleverden, zijn inwoners terughoudend om opnieuw tijd te "
            "investeren."
        ),
        "explanation": (
            "<p>‘Er is hier al zo vaak iets opgehaald.’ Wie vaker zijn mening gaf zonder dat er iets mee gebeurde, "
            "komt niet meer naar de volgende avond. Dat wantrouwen is terecht en vraagt om eerst iets waar te "
            "maken.</p>"
        ),
        "themes": [],
    },
    {
        "slug": "verloop-van-professionals",
        "name": "Verloop van professionals",
        "cluster": "Proces & vertrouwen",
        "statement": "Steeds nieuwe gezichten bij gemeente en welzijn kosten vertrouwen en opgebouwde kennis van de kern.",
        "explanation": (
            "<p>Relaties in een wijk of dorp zijn persoonlijk. Als de opbouwwerker, de wijkmanager of de "
            "contactpersoon bij de corporatie vertrekt, begint een initiatief vaak weer bij nul. Ook studenten "
            "wisselen elk semester.</p>"
        ),
        "themes": [],
    },
    {
        "slug": "steeds-dezelfde-gezichten",
        "name": "Steeds dezelfde gezichten",
        "cluster": "Aansluiten bij de leefwereld",
        "statement": (
            "Vaak doen dezelfde actieve inwoners mee; jongeren, nieuwkomers en mensen met weinig tijd of geld "
            "blijven buiten beeld."
        ),
        "explanation": (
            "<p>Voorgesteld in bijeenkomst 2. Dorpstafels en bewonersavonden trekken vooral mensen die het al "
            "gewend zijn om mee te praten. Hoe bereik je de rest van de wijk? Nog te bespreken in bijeenkomst "
            "3.</p>"
        ),
        "themes": ["Onderwijs & jeugd"],
        "status": "proposed",
        "proposed_by": "nadia",
    },
]

# (from slug, kind, to slug, note); kind "helps" (from helps against to) or "similar".
FACTOR_RELATIONS = [
    ("investeren-in-vertrouwen", "helps", "moeite-met-loslaten", "Vertrouwen tussen ambtenaar en kern maakt loslaten minder spannend."),
    ("gemeente-durft-los-te-laten", "helps", "moeite-met-loslaten", "Loslaten begint met het benoemen van wat de gemeente níet meer regelt."),
    ("heldere-rolverdeling", "helps", "onduidelijk-eigenaarschap", "Wie wat doet, staat op één A4 dat iedereen kent."),
    ("continuiteit-borgen", "helps", "initiatief-valt-stil-als-de-trekker-stopt", "Een kerngroep en een overdrachtsmap vangen het vertrek van een trekker op."),
    ("ruimte-in-de-opdracht-aan-welzijn", "helps", "spagaat-tussen-contract-en-beweging", "Sturen op doelen geeft welzijn ruimte om mee te bewegen."),
    ("goed-proces-met-ruimte-om-bij-te-sturen", "helps", "spagaat-tussen-contract-en-beweging", "Vaste evaluatiemomenten maken bijsturen met de opdrachtgever bespreekbaar."),
    ("flexibel-budget-dichtbij", "helps", "kortlopende-projectfinanciering", "Een doorlopend kernbudget maakt kleine stappen mogelijk zonder nieuw project."),
    ("verbinders-met-korte-lijnen", "helps", "verkokering-en-wisselende-loketten", "Een verbinder zoekt binnen de organisatie de juiste persoon."),
    ("zichtbaar-aanwezig-in-de-wijk", "helps", "wantrouwen-door-eerdere-ervaringen", "Wie er elke week is, kan laten zien dat er iets met vragen gebeurt."),
    ("investeren-in-vertrouwen", "helps", "wantrouwen-door-eerdere-ervaringen", ""),
    ("samen-leren-in-een-gedeelde-taal", "helps", "verloop-van-professionals", "Vastgelegde kennis en gedeelde begrippen helpen nieuwe collega’s op weg."),
    ("aansluiten-bij-wat-leeft", "helps", "steeds-dezelfde-gezichten", "Wie naar mensen toe gaat, bereikt ook wie nooit naar een bewonersavond komt."),
    ("aansluiten-bij-wat-leeft", "similar", "beginnen-waar-de-energie-zit", ""),
    ("eigenaarschap-bij-inwoners", "similar", "inwoners-vanaf-het-begin-aan-tafel", ""),
    ("gemeente-durft-los-te-laten", "similar", "eigenaarschap-bij-inwoners", "Twee kanten van dezelfde verschuiving."),
    ("initiatief-valt-stil-als-de-trekker-stopt", "similar", "verloop-van-professionals", "Beide gaan over afhankelijkheid van personen."),
]  # fmt: skip

# --- the shared language ------------------------------------------------------------------

# Versions are numbered in order. ``meeting``: the slug of the meeting that agreed the
# version (Meeting.agreed_term_versions); its accepted_at is that meeting's end.
TERMS = [
    {
        "slug": "gebiedsgericht-werken",
        "name": "gebiedsgericht werken",
        "is_key": True,
        "order": 1,
        "versions": [
            {
                "status": "accepted",
                "meeting": "leerkring-lingewaard-wat-leeft-in-de-kernen",
                "definition": (
                    "<p>Gebiedsgericht werken is een manier van werken waarbij de gemeente samen met inwoners en "
                    "organisaties de leefbaarheid van een kern of wijk verbetert.</p>"
                ),
                "note": "Eerste werkdefinitie uit de Krachtige Leerkring Lingewaard.",
            },
            {
                "status": "accepted",
                "meeting": "cop-bijeenkomst-1-de-definitie",
                "definition": (
                    "<p>Gebiedsgericht werken is het samen optrekken van inwoners, ondernemers, maatschappelijke "
                    "organisaties en gemeente om de leefbaarheid van een wijk of dorp te verbeteren, vertrekkend "
                    "vanuit wat er in dat gebied leeft.</p>"
                ),
                "note": (
                    "Verbreed in bijeenkomst 1: niet de gemeente maar het samenspel staat centraal, en "
                    "‘vertrekken vanuit wat er leeft’ is toegevoegd."
                ),
            },
            {
                "status": "accepted",
                "meeting": "cop-bijeenkomst-2-werkzame-factoren",
                "definition": (
                    "<p>Gebiedsgericht werken is het <strong>samendoen</strong> van inwoners, ondernemers, "
                    "maatschappelijke organisaties (zoals welzijn, woningcorporaties en onderwijs) en overheden "
                    "aan de leefbaarheid van een wijk, dorp of kern.</p>"
                    "<p>Je vertrekt vanuit wat er in dat gebied leeft en waar energie op zit. Inwoners doen mee, "
                    "denken mee en beslissen mee. Partners verdelen rollen en eigenaarschap bewust en blijven "
                    "samen leren.</p>"
                ),
                "note": (
                    "Aangescherpt in bijeenkomst 2 met de werkzame factoren: energie als startpunt, meebeslissen, "
                    "rolverdeling en samen leren."
                ),
            },
            {
                "status": "proposed",
                "proposed_by": "mirjam",
                "definition": (
                    "<p>Gebiedsgericht werken is het <strong>samendoen</strong> van inwoners, ondernemers, "
                    "maatschappelijke organisaties en overheden aan de leefbaarheid van een wijk, dorp of kern.</p>"
                    "<p>Je vertrekt vanuit wat er leeft en waar energie op zit, verdeelt rollen en eigenaarschap "
                    "bewust, en zorgt er samen voor dat wat werkt ook blijft bestaan als mensen en budgetten "
                    "wisselen.</p>"
                ),
                "note": "Voorstel voor bijeenkomst 3: continuïteit expliciet in de omschrijving opnemen.",
            },
        ],
    },
    {
        "slug": "kerngericht-werken",
        "name": "kerngericht werken",
        "is_key": True,
        "order": 2,
        "versions": [
            {
                "status": "accepted",
                "meeting": "cop-bijeenkomst-1-de-definitie",
                "definition": (
                    "<p>Gebiedsgericht werken op de schaal van een dorp of kern, zoals in gemeenten met meerdere "
                    "kernen. Elke kern heeft een eigen karakter, eigen verenigingen en eigen vragen; de aanpak "
                    "verschilt daarom per kern.</p>"
                ),
                "note": "In bijeenkomst 1 vastgesteld als variant van gebiedsgericht werken.",
            },
        ],
    },
    {
        "slug": "werkzame-factor",
        "name": "werkzame factor",
        "order": 10,
        "versions": [
            {
                "status": "accepted",
                "meeting": "cop-bijeenkomst-1-de-definitie",
                "definition": (
                    "<p>Een element in de aanpak of de omstandigheden waarvan deelnemers in meerdere praktijken "
                    "zien dat het bijdraagt aan het slagen van gebiedsgericht werken. We leggen niet alleen vast "
                    "<em>dát</em> iets werkt, maar ook <em>wáárom</em>.</p>"
                ),
                "note": "",
            },
        ],
    },
    {
        "slug": "belemmering",
        "name": "belemmering",
        "order": 11,
        "versions": [
            {
                "status": "accepted",
                "meeting": "cop-bijeenkomst-1-de-definitie",
                "definition": (
                    "<p>Een knelpunt dat het samenwerken in een wijk of dorp moeilijker maakt, in de aanpak, in "
                    "organisaties of in regels en financiering. Bij elke belemmering zoeken we wat ertegen "
                    "helpt.</p>"
                ),
                "note": "",
            },
        ],
    },
    {
        "slug": "eigenaarschap",
        "name": "eigenaarschap",
        "order": 20,
        "versions": [
            {
                "status": "accepted",
                "meeting": "cop-bijeenkomst-2-werkzame-factoren",
                "definition": (
                    "<p>Het gevoel en de verantwoordelijkheid dat een initiatief ‘van jou’ is: je beslist mee, je "
                    "draagt het en je spreekt anderen erop aan. In gebiedsgericht werken ligt eigenaarschap zo "
                    "veel mogelijk bij inwoners, met professionals die ondersteunen.</p>"
                ),
                "note": "",
            },
        ],
    },
    {
        "slug": "leefbaarheid",
        "name": "leefbaarheid",
        "order": 21,
        "versions": [
            {
                "status": "accepted",
                "meeting": "leerkring-lingewaard-wat-leeft-in-de-kernen",
                "definition": (
                    "<p>De mate waarin een wijk of dorp een prettige plek is om te wonen, te leven en mee te doen: "
                    "voorzieningen, ontmoeting, veiligheid, de woonomgeving en hoe mensen naar elkaar omzien.</p>"
                ),
                "note": "",
            },
        ],
    },
    {
        "slug": "vliegwiel",
        "name": "vliegwiel",
        "order": 22,
        "versions": [
            {
                "status": "accepted",
                "meeting": "cop-bijeenkomst-2-werkzame-factoren",
                "definition": (
                    "<p>Het effect dat een eerste, zichtbaar succes nieuwe mensen en ideeën aantrekt, waardoor "
                    "een initiatief steeds meer vaart krijgt. Je start met dat waar energie op zit.</p>"
                ),
                "note": "",
            },
        ],
    },
    {
        "slug": "loslaten",
        "name": "loslaten",
        "order": 23,
        "versions": [
            {
                "status": "accepted",
                "meeting": "cop-bijeenkomst-2-werkzame-factoren",
                "definition": (
                    "<p>Ruimte geven aan inwoners en partners door niet vooraf alles te regelen en te controleren, "
                    "terwijl je wel betrokken en beschikbaar blijft. Loslaten is geen verdwijnen.</p>"
                ),
                "note": "",
            },
        ],
    },
    {
        "slug": "community-of-practice",
        "name": "Community of Practice",
        "order": 30,
        "versions": [
            {
                "status": "accepted",
                "meeting": "cop-bijeenkomst-1-de-definitie",
                "definition": (
                    "<p>Een groep mensen die hetzelfde vak of vraagstuk delen en regelmatig samenkomen om van "
                    "elkaars praktijk te leren. Iedereen brengt eigen kennis en ervaring in; samen maken we daar "
                    "gedeelde inzichten van.</p>"
                ),
                "note": "",
            },
        ],
    },
    {
        "slug": "casus",
        "name": "casus",
        "order": 31,
        "versions": [
            {
                "status": "accepted",
                "meeting": "cop-bijeenkomst-1-de-definitie",
                "definition": (
                    "<p>Een praktijkvoorbeeld dat een organisatie inbrengt, met de drie vragen: waar zijn we trots "
                    "op, wat heeft gewerkt en welke lessen nemen we mee? Anderen reflecteren erop vanuit hun eigen "
                    "perspectief.</p>"
                ),
                "note": "",
            },
        ],
    },
    {
        "slug": "oogst",
        "name": "oogst",
        "order": 32,
        "versions": [
            {
                "status": "accepted",
                "meeting": None,
                "days": -75,
                "definition": (
                    "<p>De gedeelde uitkomst van een bijeenkomst: een samenvatting, de geclusterde bijdragen, de "
                    "stippen en de beelden. De oogst wordt gepubliceerd zodat ook wie er niet bij was ermee verder "
                    "kan.</p>"
                ),
                "note": "",
            },
        ],
    },
    {
        "slug": "leerkring",
        "name": "leerkring",
        "order": 33,
        "versions": [
            {
                "status": "accepted",
                "meeting": "leerkring-lingewaard-wat-leeft-in-de-kernen",
                "definition": (
                    "<p>Een vaste groep partners uit één gemeente die samen een periode optrekt om te leren van "
                    "de eigen praktijk, zoals de Krachtige Leerkring Lingewaard.</p>"
                ),
                "note": "",
            },
        ],
    },
]

# --- series, meetings and the live rounds --------------------------------------------------

SERIES = [
    {
        "slug": "cop-gebiedsgericht-werken-gelderland",
        "title": "CoP Gebiedsgericht werken Gelderland",
        "order": 1,
        "organisers": [
            "HAN Centre of Expertise Krachtige Kernen",
            "Spectrum partner met elan",
            "Leefbaarheidsalliantie Gelderland",
        ],
        "description": (
            "<p>In drie bijeenkomsten zoeken gemeenten, welzijnsorganisaties, wijkdocenten, woningcorporaties, "
            "inwonersinitiatieven en de provincie samen naar de definitie van gebiedsgericht werken, de werkzame "
            "factoren en de belemmeringen.</p>"
            "<p>Organisaties brengen casussen mee en beantwoorden drie vragen: waar zijn we trots op, wat heeft "
            "gewerkt en welke lessen nemen we mee? De anderen kijken mee vanuit hun eigen perspectief.</p>"
        ),
    },
    {
        "slug": "krachtige-leerkring-lingewaard",
        "title": "Krachtige Leerkring Lingewaard",
        "order": 2,
        "organisers": [
            "HAN Centre of Expertise Krachtige Kernen",
            "Spectrum partner met elan",
            "Gemeente Lingewaard",
        ],
        "description": (
            "<p>In de Krachtige Leerkring Lingewaard verkennen gemeente, welzijn, inwoners en andere partners "
            "uit de kernen van Lingewaard wat werkt in kerngericht werken. De leerkring was de aanleiding voor "
            "de bredere Community of Practice in Gelderland.</p>"
        ),
    },
]

# ``days``: start relative to today, moved on to the next ``weekday`` (0 = Monday) so that
# meetings fall on working days; ``time``: local start (hour, minute); ``hours``: duration.
MEETINGS = [
    {
        "slug": "leerkring-lingewaard-wat-leeft-in-de-kernen",
        "series": "krachtige-leerkring-lingewaard",
        "title": "Leerkring Lingewaard: wat leeft er in de kernen?",
        "days": -120,
        "weekday": 1,
        "time": (19, 0),
        "hours": 2.5,
        "status": "published",
        "location_name": "Dorpshuis in Gendt",
        "capacity": 20,
        "goal": (
            "Ophalen wat er in de kernen van Lingewaard leeft en een eerste gezamenlijke werkdefinitie maken "
            "van gebiedsgericht werken."
        ),
        "agenda": (
            "<ul><li>19.00 Inloop met koffie</li>"
            "<li>19.15 Casus: de dorpsgesprekken in Gendt</li>"
            "<li>19.45 In groepjes: wat valt je op, wat is leerzaam?</li>"
            "<li>20.30 Een eerste werkdefinitie</li>"
            "<li>21.15 Afsluiting</li></ul>"
        ),
        "summary": (
            "<p>Met achttien deelnemers uit vijf kernen bespraken we de dorpsgesprekken in Gendt. Wat opviel: de "
            "gesprekken op de plekken waar mensen al komen leverden veel meer op dan eerdere inspraakavonden.</p>"
            "<p>We maakten een eerste werkdefinitie van gebiedsgericht werken en spraken af die in de "
            "Gelderse Community of Practice verder te brengen.</p>"
        ),
        "open_questions": (
            "<ul><li>Hoe houden we de trekkersgroepen overeind als de eerste energie eraf is?</li>"
            "<li>Wat betekent ‘loslaten’ concreet voor de kernregisseur?</li></ul>"
        ),
        "facilitators": ["ilse", "mirjam"],
        "presented_cases": ["dorpsgesprekken-gendt"],
        "attendees": ["ilse", "mirjam", "koen", "petra", "henk"],
    },
    {
        "slug": "cop-bijeenkomst-1-de-definitie",
        "series": "cop-gebiedsgericht-werken-gelderland",
        "title": "Bijeenkomst 1: wat verstaan we onder gebiedsgericht werken?",
        "days": -70,
        "weekday": 3,
        "time": (13, 30),
        "hours": 3.5,
        "status": "published",
        "location_name": "HAN, Arnhem",
        "capacity": 40,
        "goal": (
            "Kennismaken, elkaars praktijk leren kennen en samen een definitie van gebiedsgericht werken "
            "opstellen die we allemaal herkennen."
        ),
        "agenda": (
            "<ul><li>13.30 Welkom en kennismaking: vanuit welk perspectief kijk jij?</li>"
            "<li>14.00 Casus: het Kenniskwartier in Arnhem</li>"
            "<li>14.45 Live ronde: maak de zin af, ‘gebiedsgericht werken is…’</li>"
            "<li>15.30 Samen een definitie vaststellen</li>"
            "<li>16.30 Vooruitblik op bijeenkomst 2</li></ul>"
        ),
        "summary": (
            "<p>De eerste bijeenkomst van de Community of Practice bracht deelnemers samen van gemeenten, "
            "welzijnsorganisaties, onderwijs, een woningcorporatie, inwonersinitiatieven en de provincie.</p>"
            "<p>Aan de hand van het Kenniskwartier in Arnhem zagen we hoe verschillend we naar hetzelfde "
            "voorbeeld kijken. In de live ronde maakten deelnemers de zin ‘gebiedsgericht werken is…’ af. Daaruit "
            "kwam een bredere definitie: niet de gemeente, maar het samenspel staat centraal, en je vertrekt vanuit "
            "wat er in het gebied leeft. Ook kerngericht werken kreeg een eigen plek in de begrippenlijst.</p>"
        ),
        "open_questions": (
            "<ul><li>Is gebiedsgericht werken een werkwijze of een houding?</li>"
            "<li>Hoe verschilt het werken in een stadswijk van het werken in een dorp?</li>"
            "<li>Welke rol heeft de provincie in het samenspel?</li></ul>"
        ),
        "facilitators": ["ilse", "mirjam"],
        "presented_cases": ["kenniskwartier-arnhem"],
        "attendees": ["ilse", "mirjam", "koen", "nadia", "petra", "henk", "sabine", "thomas", "yvonne"],
    },
    {
        "slug": "cop-bijeenkomst-2-werkzame-factoren",
        "series": "cop-gebiedsgericht-werken-gelderland",
        "title": "Bijeenkomst 2: wat werkt? De werkzame factoren",
        "days": -28,
        "weekday": 3,
        "time": (13, 30),
        "hours": 3.5,
        "status": "published",
        "location_name": "Buurtcentrum in Presikhaaf, Arnhem",
        "capacity": 40,
        "goal": "Uit drie casussen samen de werkzame factoren en de eerste belemmeringen van gebiedsgericht werken halen.",
        "agenda": (
            "<ul><li>13.30 Terugblik op bijeenkomst 1 en de definitie</li>"
            "<li>13.45 Drie casussen in carrousel: Kenniskwartier, Huiskamer Haalderen, Energiecoaches Malburgen</li>"
            "<li>14.45 Live ronde: wat heeft gewerkt?</li>"
            "<li>15.15 Live ronde: wat stond in de weg?</li>"
            "<li>15.45 Clusteren en stippen: wat maakt het meeste verschil?</li>"
            "<li>16.30 Afsluiting</li></ul>"
        ),
        "summary": (
            "<p>In een carrousel bespraken we drie casussen. Daarna schreven deelnemers hun inzichten op "
            "digitale briefjes; de begeleiders clusterden ze ter plekke tot werkzame factoren en belemmeringen.</p>"
            "<p>De meeste stippen gingen naar <strong>aansluiten bij wat leeft in wijk of dorp</strong> en "
            "<strong>investeren in onderling vertrouwen</strong>. Een deelnemer vatte het samen als: ‘start met "
            "dat waar energie op zit, dan krijg je een vliegwiel.’ Bij de belemmeringen sprongen de spagaat van "
            "welzijnsorganisaties tussen contract en beweging en de moeite van gemeenten met loslaten eruit.</p>"
            "<p>De definitie van gebiedsgericht werken is aangescherpt met deze factoren.</p>"
        ),
        "open_questions": (
            "<ul><li>Hoe borg je continuïteit zonder het eigenaarschap bij inwoners weg te halen?</li>"
            "<li>Hoe bereiken we inwoners die nooit naar een bewonersavond komen?</li>"
            "<li>Zijn lokale ondernemers een aparte werkzame factor?</li></ul>"
        ),
        "facilitators": ["ilse", "mirjam"],
        "presented_cases": ["kenniskwartier-arnhem", "huiskamer-haalderen", "energiecoaches-malburgen"],
        "attendees": ["ilse", "mirjam", "koen", "nadia", "petra", "henk", "ahmet", "sabine", "thomas", "yvonne"],
    },
    {
        "slug": "cop-bijeenkomst-3-belemmeringen",
        "series": "cop-gebiedsgericht-werken-gelderland",
        "title": "Bijeenkomst 3: wat staat in de weg? De belemmeringen",
        "days": 21,
        "weekday": 3,
        "time": (13, 30),
        "hours": 3.5,
        "status": "planned",
        "location_name": "Provinciehuis, Arnhem",
        "online_url": "https://example.org/cop-online",
        "capacity": 40,
        "goal": (
            "De belemmeringen verdiepen en per belemmering zoeken wat helpt. We sluiten af met de vraag hoe we "
            "de kennis delen met wie er niet bij was."
        ),
        "agenda": (
            "<ul><li>13.30 Terugblik: de werkzame factoren op een rij</li>"
            "<li>13.45 Casus: wijkagenda De Maten, welzijn tussen opdracht en beweging</li>"
            "<li>14.30 Live ronde: welke belemmeringen herken je?</li>"
            "<li>15.15 In duo’s: wat helpt ertegen?</li>"
            "<li>16.00 De definitie, laatste ronde</li>"
            "<li>16.30 Hoe delen we wat we weten?</li></ul>"
        ),
        "summary": "",
        "open_questions": "",
        "facilitators": ["ilse", "mirjam"],
        "presented_cases": ["wijkagenda-de-maten"],
        "registered": ["koen", "nadia", "petra", "mirjam", "henk", "ahmet", "sabine", "thomas", "bas"],
        "cancelled": ["yvonne"],
    },
    {
        "slug": "leerkring-lingewaard-van-initiatief-naar-continuiteit",
        "series": "krachtige-leerkring-lingewaard",
        "title": "Leerkring Lingewaard: van initiatief naar continuïteit",
        "days": 49,
        "weekday": 1,
        "time": (19, 0),
        "hours": 2.5,
        "status": "planned",
        "location_name": "Gemeentehuis Lingewaard, Bemmel",
        "capacity": 20,
        "goal": "Samen kijken hoe initiatieven in de kernen blijven bestaan als de eerste trekkers stoppen.",
        "agenda": (
            "<ul><li>19.00 Inloop</li>"
            "<li>19.15 Casus: de Huiskamer van Haalderen</li>"
            "<li>20.00 Wat hebben trekkers nodig om het vol te houden?</li>"
            "<li>21.00 Afspraken voor de kernen</li></ul>"
        ),
        "summary": "",
        "open_questions": "",
        "facilitators": ["ilse"],
        "presented_cases": ["huiskamer-haalderen"],
        "registered": ["koen", "petra", "henk"],
        "cancelled": [],
    },
]

# Live rounds of past meetings. ``by``: a user key, or "guest:N" for the Nth anonymous
# guest of that meeting. ``factor``: the factor a facilitator clustered it onto.
ROUNDS = {
    "cop-bijeenkomst-1-de-definitie": [
        {
            "order": 1,
            "prompt": "Maak de zin af: gebiedsgericht werken is…",
            "kind": "definition",
            "mode": "contribute",
            "guests_allowed": True,
            "minutes": (75, 95),
            "contributions": [
                ("…samen met inwoners optrekken, niet óver hen beslissen.", "gemeente", "koen", None),
                ("…beginnen bij wat er in de straat leeft.", "welzijn", "petra", None),
                ("…een manier van kijken, geen project.", "welzijn", "mirjam", None),
                ("…over de grenzen van je eigen organisatie heen werken.", "woningcorporatie", "sabine", None),
                ("…ruimte geven aan wat inwoners zelf al doen.", "inwoners", "guest:1", None),
                ("…in een dorp iets anders dan in een stadswijk.", "gemeente", "guest:2", None),
                ("…samen leren, ook van wat misgaat.", "onderwijs", "thomas", None),
                ("…de leefwereld laten leiden, niet de systeemwereld.", "provincie", "yvonne", None),
                ("…dat de gemeente meedoet als één van de partners.", "inwoners", "henk", None),
            ],
        },
    ],
    "cop-bijeenkomst-2-werkzame-factoren": [
        {
            "order": 1,
            "prompt": "Wat heeft gewerkt in jouw wijk of dorp? Eén inzicht per briefje.",
            "kind": "working",
            "mode": "contribute",
            "guests_allowed": True,
            "minutes": (75, 105),
            "contributions": [
                ("Beginnen bij de moestuin waar al mensen kwamen, niet bij ons eigen plan.", "welzijn", "petra", "aansluiten-bij-wat-leeft"),
                ("Keukentafelgesprekken vóór de eerste bewonersavond.", "gemeente", "koen", "aansluiten-bij-wat-leeft"),
                ("Luisteren op het schoolplein en bij de supermarkt, niet in het gemeentehuis.", "inwoners", "guest:3", "aansluiten-bij-wat-leeft"),
                ("Eerst iets kleins laten lukken: de bankjes bij de kerk. Daarna kwamen er vanzelf meer mensen.", "inwoners", "henk", "beginnen-waar-de-energie-zit"),
                ("Successen vieren en laten zien in de dorpskrant.", "inwoners", "guest:1", "beginnen-waar-de-energie-zit"),
                ("Elke dinsdag spreekuur in de bieb: een vast gezicht.", "welzijn", "guest:2", "zichtbaar-aanwezig-in-de-wijk"),
                ("Studenten die een half jaar in dezelfde straat werken, worden herkend.", "onderwijs", "thomas", "onderwijs-als-partner-in-de-wijk"),
                ("Wijkdocent als vaste schakel tussen school en buurt.", "onderwijs", "guest:4", "onderwijs-als-partner-in-de-wijk"),
                ("Bewoners beslisten zelf over het wijkbudget.", "inwoners", "ahmet", "flexibel-budget-dichtbij"),
                ("Binnen twee weken geld voor de buurtbarbecue, zonder formulieren.", "inwoners", "guest:1", "flexibel-budget-dichtbij"),
                ("Als gemeente bewust níet de voorzitter zijn.", "gemeente", "koen", "gemeente-durft-los-te-laten"),
                ("Afspraak op één A4: wie doet wat.", "woningcorporatie", "sabine", "heldere-rolverdeling"),
                ("Eerst koffie, dan vergaderen.", "welzijn", "guest:2", "investeren-in-vertrouwen"),
                ("Eerlijk zeggen wat níet kan. Dat gaf juist vertrouwen.", "gemeente", "nadia", "investeren-in-vertrouwen"),
                ("Elk kwartaal samen terugkijken met alle partners.", "welzijn", "mirjam", "goed-proces-met-ruimte-om-bij-te-sturen"),
                ("Met de opdrachtgever afgesproken: we verantwoorden ook met verhalen.", "welzijn", "petra", "ruimte-in-de-opdracht-aan-welzijn"),
                ("Een dorpsondersteuner die iedereen kent.", "provincie", "yvonne", "verbinders-met-korte-lijnen"),
                ("Een vaste groep van vijf in plaats van één trekker.", "inwoners", "guest:5", "continuiteit-borgen"),
                ("De bakker die zijn zaaltje gratis openstelt.", "inwoners", "henk", None),
                ("Jongeren zelf laten kiezen wat er op het pleintje komt.", "onderwijs", "guest:4", None),
            ],
        },
        {
            "order": 2,
            "prompt": "Wat stond het samenwerken in de weg?",
            "kind": "obstacle",
            "mode": "contribute",
            "guests_allowed": True,
            "minutes": (110, 135),
            "contributions": [
                ("De raad wil vooraf weten wat het oplevert.", "gemeente", "koen", "moeite-met-loslaten"),
                ("We zeggen ‘loslaten’, maar elke uitgave moet nog langs drie afdelingen.", "gemeente", "guest:6", "moeite-met-loslaten"),
                ("Collega’s van vergunningen zien ons initiatief vooral als risico.", "gemeente", "nadia", "verkokering-en-wisselende-loketten"),
                ("Ons contract telt activiteiten, geen verbindingen.", "welzijn", "petra", "spagaat-tussen-contract-en-beweging"),
                ("Tijd voor het initiatief gaat af van de uren voor het afgesproken aanbod.", "welzijn", "guest:2", "spagaat-tussen-contract-en-beweging"),
                ("Onze voorzitter verhuisde; daarna viel alles stil.", "inwoners", "henk", "initiatief-valt-stil-als-de-trekker-stopt"),
                ("Subsidie voor één jaar, daarna weer opnieuw aanvragen.", "inwoners", "ahmet", "kortlopende-projectfinanciering"),
                ("De provinciale regeling past niet bij kleine initiatieven.", "provincie", "yvonne", "kortlopende-projectfinanciering"),
                ("Dit jaar al drie verschillende contactpersonen bij de gemeente.", "inwoners", "guest:1", "verloop-van-professionals"),
                ("Studenten vertrekken na een semester; de buurt begint steeds opnieuw.", "onderwijs", "thomas", "verloop-van-professionals"),
                ("‘Er is hier al zo vaak iets opgehaald en er gebeurde niks.’", "woningcorporatie", "sabine", "wantrouwen-door-eerdere-ervaringen"),
                ("Niemand voelde zich eigenaar van het speelveld.", "welzijn", "guest:5", "onduidelijk-eigenaarschap"),
                ("Alleen de bekende actieve bewoners komen naar de avonden.", "inwoners", "guest:3", None),
            ],
        },
        {
            "order": 3,
            "prompt": "Verdeel je drie stippen: welke werkzame factoren maken het meeste verschil?",
            "kind": "working",
            "mode": "vote",
            "guests_allowed": True,
            "dots_per_person": 3,
            "minutes": (140, 155),
            # voter → factor slugs (a dot may be stacked on one factor)
            "votes": {
                "petra": ["ruimte-in-de-opdracht-aan-welzijn", "aansluiten-bij-wat-leeft", "investeren-in-vertrouwen"],
                "koen": ["gemeente-durft-los-te-laten", "aansluiten-bij-wat-leeft", "continuiteit-borgen"],
                "henk": ["continuiteit-borgen", "flexibel-budget-dichtbij", "aansluiten-bij-wat-leeft"],
                "nadia": ["investeren-in-vertrouwen", "investeren-in-vertrouwen", "aansluiten-bij-wat-leeft"],
                "thomas": ["onderwijs-als-partner-in-de-wijk", "zichtbaar-aanwezig-in-de-wijk"],
                "sabine": ["heldere-rolverdeling", "investeren-in-vertrouwen"],
                "mirjam": ["goed-proces-met-ruimte-om-bij-te-sturen", "ruimte-in-de-opdracht-aan-welzijn", "aansluiten-bij-wat-leeft"],
                "ahmet": ["flexibel-budget-dichtbij", "beginnen-waar-de-energie-zit", "aansluiten-bij-wat-leeft"],
                "yvonne": ["verbinders-met-korte-lijnen", "beginnen-waar-de-energie-zit", "investeren-in-vertrouwen"],
                "guest:1": ["aansluiten-bij-wat-leeft", "beginnen-waar-de-energie-zit"],
                "guest:2": ["ruimte-in-de-opdracht-aan-welzijn", "zichtbaar-aanwezig-in-de-wijk", "investeren-in-vertrouwen"],
                "guest:5": ["investeren-in-vertrouwen", "continuiteit-borgen", "continuiteit-borgen"],
            },
        },
    ],
}  # fmt: skip

# --- cases ----------------------------------------------------------------------------------

# ``days``: when it was published (or submitted); ``factors``: (slug, explanation);
# ``partners``: (organisation name or None, name, kind, role); ``reflections``:
# (user key, what strikes, what is instructive).
CASES = [
    {
        "slug": "kenniskwartier-arnhem",
        "title": "Kenniskwartier Arnhem",
        "summary": (
            "Studenten krijgen een leer-werkplek midden in de wijk. Ze sluiten aan bij lopende projecten van "
            "bewoners en partners en worden begeleid door wijkdocenten."
        ),
        "status": "published",
        "visibility": "public",
        "days": -75,
        "municipality": "Arnhem",
        "area": None,
        "area_type": "city_district",
        "scale": "district",
        "stage": "running",
        "period": ("2022-09-01", None),
        "organisation": "Vakcollege Rijnoever",
        "perspective": "onderwijs",
        "owner": "thomas",
        "co_editors": ["nadia"],
        "themes": ["Onderwijs & jeugd", "Leefbaarheid", "Werk & meedoen"],
        "story": (
            "<p>In het Kenniskwartier werken studenten niet in een lokaal op school maar midden in de wijk. Ze hebben "
            "er een vaste leer-werkplek: een ruimte in een voormalig winkelpand, waar bewoners gewoon kunnen "
            "binnenlopen. Van daaruit sluiten de studenten aan bij wat er al loopt: een bewonersgroep die de "
            "binnentuinen wil vergroenen, een taalcafé, een project van de woningcorporatie rond energie "
            "besparen.</p>"
            "<p>Wijkdocenten zijn een paar dagen per week aanwezig. Zij begeleiden de studenten, houden contact met "
            "bewoners en partners en zorgen dat het werk over de semesters heen doorloopt. Een nieuwe groep "
            "studenten pakt op waar de vorige is gebleven, met een overdracht die de studenten zelf verzorgen.</p>"
            "<p>Bewoners en organisaties brengen vragen in; studenten en docenten kijken samen welke vraag past bij "
            "een leeropdracht. Zo ontstaat een wisselwerking: de wijk krijgt handen en frisse ideeën, de studenten "
            "leren in de echte praktijk hoe samenwerken met bewoners werkt.</p>"
            "<ul><li>Een vaste leer-werkplek in de wijk, open voor bewoners</li>"
            "<li>Vragen komen uit de wijk, niet uit het lesprogramma</li>"
            "<li>Overdracht van groep naar groep, begeleid door wijkdocenten</li></ul>"
        ),
        "pride": (
            "<p>Dat bewoners de studenten na een paar weken bij naam kennen en zelf binnenlopen met een vraag. En dat "
            "studenten zeggen dat ze hier meer hebben geleerd dan in welke stage ook.</p>"
        ),
        "what_worked": (
            "<ul><li>Een vaste, herkenbare plek in de wijk in plaats van losse opdrachten.</li>"
            "<li>Aansluiten bij lopende projecten, zodat studenten niet zelf iets nieuws hoeven te verzinnen.</li>"
            "<li>Wijkdocenten als vaste schakel tussen school, bewoners en partners.</li></ul>"
        ),
        "lessons": (
            "<p>Het ritme van het onderwijs (semesters, vakanties, toetsweken) past niet vanzelf bij het ritme van de "
            "wijk. Plan de overdracht tussen groepen studenten vanaf het begin in, en wees eerlijk naar bewoners over "
            "wat studenten wel en niet kunnen. Zonder vaste wijkdocent valt de continuïteit weg.</p>"
        ),
        "occasion": (
            "<p>Opleidingen zochten praktijkplekken waar studenten leren samenwerken met bewoners. Partners in de wijk "
            "hadden meer ideeën dan handen.</p>"
        ),
        "goal": "<p>Studenten leren in de praktijk van de wijk, en de wijk profiteert van hun inzet en kennis.</p>",
        "target_group": (
            "<p>Studenten van mbo en hbo in sociale, technische en groene opleidingen; bewoners en bewonersgroepen "
            "in de wijk.</p>"
        ),
        "approach": (
            "<p>Een vaste leer-werkplek in de wijk, vragen uit de wijk als leeropdracht, begeleiding door "
            "wijkdocenten en een overdracht per semester.</p>"
        ),
        "preconditions": (
            "<ul><li>Een betaalbare ruimte in de wijk.</li>"
            "<li>Uren voor wijkdocenten die voor meerdere jaren zijn toegezegd.</li>"
            "<li>Partners die lopende projecten openstellen voor studenten.</li></ul>"
        ),
        "transferability": (
            "<p>Goed over te dragen naar andere stadswijken en naar grotere kernen met een school in de buurt. In "
            "kleine dorpen werkt een lichtere variant: een vaste groep studenten die één dag per week in het "
            "dorpshuis werkt.</p>"
        ),
        "partners": [
            ("Vakcollege Rijnoever", "", "", "Levert studenten en wijkdocenten"),
            ("HAN Centre of Expertise Krachtige Kernen", "", "", "Hbo-studenten, onderzoek en begeleiding"),
            ("Gemeente Arnhem", "", "", "Draagt bij aan de huur en verbindt met de wijkmanager"),
            ("Woonstichting Stadsoever", "", "", "Stelt het winkelpand beschikbaar en brengt projecten in"),
            ("Bewonersinitiatief Presikhaaf Groeit", "", "", "Brengt vragen in en werkt samen met studenten"),
        ],
        "links": [
            ("https://example.org/kenniskwartier", "Over het Kenniskwartier (voorbeeldlink)"),
            (
                "https://example.org/kenniskwartier/terugblik",
                "Terugblik van studenten op hun eerste semester (voorbeeldlink)",
            ),
        ],
        "factors": [
            (
                "onderwijs-als-partner-in-de-wijk",
                "Studenten en wijkdocenten werken langere tijd in dezelfde wijk en worden een vaste partner.",
            ),
            (
                "aansluiten-bij-wat-leeft",
                "Studenten sluiten aan bij lopende projecten van bewoners en partners, niet bij een bedacht programma.",
            ),
            ("zichtbaar-aanwezig-in-de-wijk", "De vaste leer-werkplek maakt de studenten herkenbaar en aanspreekbaar."),
            (
                "samen-leren-in-een-gedeelde-taal",
                "Studenten, docenten en partners kijken elk semester samen terug op wat ze geleerd hebben.",
            ),
            (
                "verloop-van-professionals",
                "Elk semester komt een nieuwe groep; zonder goede overdracht begint de buurt steeds opnieuw.",
            ),
        ],
        "reflections": [
            (
                "koen",
                "Hoe vanzelfsprekend bewoners de ruimte zijn gaan gebruiken. Het is echt een plek van de wijk geworden, niet van de school.",
                "Voor onze kernen wil ik een lichtere vorm proberen, met de school in het dorp en één vaste dag per week.",
            ),
            (
                "petra",
                "De overdracht tussen groepen studenten is goed geregeld; dat zie je bij veel projecten misgaan.",
                "Wij kunnen als welzijn veel meer met studenten samenwerken dan we nu doen, als we vragen scherp maken.",
            ),
            (
                "sabine",
                "Dat een leegstaand winkelpand zo veel kan betekenen.",
                "Als corporatie kunnen we ruimte bieden zonder zelf alles te hoeven trekken.",
            ),
        ],
    },
    {
        "slug": "dorpsgesprekken-gendt",
        "title": "Dorpsgesprekken in Gendt: een kernagenda van inwoners",
        "summary": (
            "In Gendt haalden inwoners, gemeente en welzijn in dertig gesprekken op wat er in het dorp leeft. Daaruit "
            "ontstond een kernagenda met drie prioriteiten die inwoners zelf trekken."
        ),
        "status": "published",
        "visibility": "public",
        "days": -150,
        "municipality": "Lingewaard",
        "area": "Gendt",
        "area_type": "village",
        "scale": "district",
        "stage": "finished",
        "period": ("2023-03-01", "2024-06-30"),
        "organisation": "Gemeente Lingewaard",
        "perspective": "gemeente",
        "owner": "koen",
        "co_editors": ["petra"],
        "themes": ["Leefbaarheid", "Ontmoeting", "Wonen"],
        "story": (
            "<p>In plaats van één grote inspraakavond kozen we voor dorpsgesprekken: korte gesprekken op plekken waar "
            "mensen toch al komen. In de sportkantine, op het schoolplein, bij de weekmarkt en bij de seniorensoos. "
            "Acht inwoners van de dorpscoöperatie voerden de gesprekken samen met de opbouwwerker, met steeds "
            "dezelfde drie vragen: wat is hier goed, wat mist er en wat wil je zelf doen?</p>"
            "<p>Na dertig gesprekken lagen er meer dan tweehonderd opmerkingen. Een werkgroep van inwoners bracht ze "
            "terug tot drie prioriteiten: een ontmoetingsplek voor jongeren, woningen voor ouderen die in het dorp "
            "willen blijven, en een veilige fietsroute naar school.</p>"
            "<p>Elke prioriteit kreeg een trekkersgroep van inwoners. De gemeente stelde een klein kernbudget "
            "beschikbaar waarover de dorpstafel zelf beslist, en de kernregisseur werd vast aanspreekpunt in het "
            "gemeentehuis.</p>"
        ),
        "pride": (
            "<p>Dat mensen meededen die nooit naar een avond in het gemeentehuis zouden komen, zoals jongeren en "
            "jonge ouders. En dat de kernagenda echt van het dorp is: de gemeente heeft er geen komma aan "
            "veranderd.</p>"
        ),
        "what_worked": (
            "<ul><li>Gesprekken op plekken waar mensen al komen.</li>"
            "<li>Inwoners die zelf de gesprekken voerden: dorpsgenoten praten makkelijker met elkaar.</li>"
            "<li>Een klein budget waarover de dorpstafel zelf beslist.</li></ul>"
        ),
        "lessons": (
            "<p>Halverwege wilde de raad weten welke resultaten het kernbudget had opgeleverd. Dat zette druk op de "
            "trekkersgroepen. Spreek vooraf af hoe je verantwoordt, en doe dat ook met verhalen. En: drie "
            "prioriteiten is genoeg.</p>"
        ),
        "occasion": (
            "<p>Eerdere inspraakavonden trokken steeds dezelfde twintig mensen. Het dorp had het gevoel dat er over "
            "hen werd besloten.</p>"
        ),
        "goal": "<p>Een agenda voor het dorp, opgesteld en getrokken door inwoners, met de gemeente als partner.</p>",
        "target_group": "<p>Alle inwoners van Gendt, met extra aandacht voor jongeren en ouderen.</p>",
        "approach": (
            "<ol><li>Dertig dorpsgesprekken op vindplaatsen.</li>"
            "<li>Een werkgroep ordent de opbrengst.</li>"
            "<li>Een dorpsavond kiest drie prioriteiten.</li>"
            "<li>Per prioriteit een trekkersgroep met ondersteuning van welzijn en gemeente.</li></ol>"
        ),
        "preconditions": (
            "<ul><li>Een kernregisseur met tijd en mandaat.</li>"
            "<li>Een opbouwwerker die de trekkers ondersteunt.</li>"
            "<li>Een kernbudget met eenvoudige verantwoording.</li></ul>"
        ),
        "transferability": (
            "<p>De aanpak wordt nu in Doornenburg en Angeren herhaald. Het werkt het best in kernen waar al een "
            "dorpsraad of coöperatie is die de gesprekken kan dragen.</p>"
        ),
        "partners": [
            ("Gemeente Lingewaard", "", "", "Kernregisseur, kernbudget"),
            ("Dorpscoöperatie Gendt Vooruit", "", "", "Voerde de dorpsgesprekken en trekt de kernagenda"),
            ("Welzijn Rijn & Linge", "", "", "Opbouwwerker ondersteunt de trekkersgroepen"),
            ("Woonstichting De Betuwse Hof", "", "", "Denkt mee over woningen voor ouderen"),
            ("Spectrum partner met elan", "", "", "Procesbegeleiding vanuit de Krachtige Leerkring"),
        ],
        "links": [("https://example.org/kernagenda-gendt", "De kernagenda van Gendt (voorbeeldlink)")],
        "factors": [
            (
                "aansluiten-bij-wat-leeft",
                "De gesprekken vonden plaats waar mensen al kwamen en gingen over wat hen bezighield.",
            ),
            ("inwoners-vanaf-het-begin-aan-tafel", "Inwoners voerden de gesprekken en kozen zelf de prioriteiten."),
            ("flexibel-budget-dichtbij", "De dorpstafel beslist zelf over een klein kernbudget."),
            ("gemeente-durft-los-te-laten", "De gemeente veranderde niets aan de kernagenda."),
            (
                "wantrouwen-door-eerdere-ervaringen",
                "Eerdere inspraakavonden hadden weinig opgeleverd; veel inwoners waren sceptisch over ‘weer een ronde’.",
            ),
            (
                "samen-leren-in-een-gedeelde-taal",
                "In de Krachtige Leerkring bespraken de partners de gesprekken samen en legden ze vast wat ze leerden.",
            ),
            ("moeite-met-loslaten", "Halverwege vroeg de raad om meetbare resultaten van het kernbudget."),
        ],
        "reflections": [
            (
                "thomas",
                "Dat inwoners zelf de gesprekken voerden. Dat is iets anders dan professionals die ‘ophalen’.",
                "Studenten zouden zo’n gespreksronde goed kunnen ondersteunen, als de inwoners in de lead blijven.",
            ),
            (
                "sabine",
                "Wonen voor ouderen kwam als prioriteit uit het dorp zelf, niet uit ons beleid.",
                "We moeten als corporatie eerder aanschuiven bij dorpsgesprekken, niet pas als er een vraag ligt.",
            ),
            (
                "yvonne",
                "Hoe eenvoudig de aanpak is, en hoe weinig geld ervoor nodig was.",
                "Voor provinciale regelingen: kleine, doorlopende kernbudgetten werken misschien beter dan grote projecten.",
            ),
        ],
    },
    {
        "slug": "huiskamer-haalderen",
        "title": "De Huiskamer van Haalderen",
        "summary": (
            "Een groep inwoners opende een wekelijkse huiskamer in het dorpshuis van Haalderen, tegen eenzaamheid. "
            "Toen de initiatiefnemer stopte, moest de groep opnieuw uitvinden hoe ze het samen volhouden."
        ),
        "status": "published",
        "visibility": "public",
        "days": -60,
        "municipality": "Lingewaard",
        "area": "Haalderen",
        "area_type": "village",
        "scale": "district",
        "stage": "running",
        "period": ("2022-01-10", None),
        "organisation": "Welzijn Rijn & Linge",
        "perspective": "welzijn",
        "owner": "petra",
        "co_editors": ["henk"],
        "themes": ["Ontmoeting", "Zorg & welzijn"],
        "story": (
            "<p>Het begon met een gepensioneerde buurvrouw die merkte dat steeds meer ouderen in het dorp alleen "
            "thuis zaten. Ze vroeg het dorpshuis om één ochtend per week een ruimte, zette koffie en hing een briefje "
            "op bij de supermarkt. Binnen een paar maanden kwamen er elke woensdag twintig tot veertig mensen.</p>"
            "<p>De opbouwwerker hielp met een kleine bijdrage uit het kernbudget, met contacten met de huisarts en "
            "met het vinden van vrijwilligers. De huiskamer werd ook een plek waar mensen hun zorgen deelden en waar "
            "de wijkverpleegkundige af en toe aanschoof.</p>"
            "<p>Na anderhalf jaar moest de initiatiefnemer stoppen omdat ze mantelzorger werd. De groep viel bijna "
            "uit elkaar: zij deed alles. Met de opbouwwerker verdeelde de groep de taken over vijf vrijwilligers, "
            "maakte een rooster en een overdrachtsmap en bracht de huiskamer onder bij de dorpshuisvereniging.</p>"
        ),
        "pride": (
            "<p>Dat de huiskamer nog steeds elke woensdag open is, en dat bezoekers inmiddels zelf vrijwilliger zijn "
            "geworden.</p>"
        ),
        "what_worked": (
            "<ul><li>Klein beginnen, met koffie en een briefje bij de supermarkt.</li>"
            "<li>Ondersteuning op de achtergrond, zonder het over te nemen.</li>"
            "<li>Na de crisis: taken verdelen en vastleggen.</li></ul>"
        ),
        "lessons": (
            "<p>Borg de continuïteit vóórdat het nodig is. En als welzijnsorganisatie: de uren die we hier in staken, "
            "pasten niet in onze productafspraken. Daar hebben we het gesprek met de gemeente over moeten voeren.</p>"
        ),
        "occasion": "<p>Eenzaamheid onder ouderen in het dorp, nadat de bank en de laatste winkel in de straat verdwenen.</p>",
        "goal": "<p>Een laagdrempelige plek om elkaar te ontmoeten, elke week.</p>",
        "target_group": "<p>Ouderen en andere inwoners die weinig contacten hebben.</p>",
        "approach": (
            "<p>Een wekelijkse inloop in het dorpshuis, gedragen door vrijwilligers, met ondersteuning van de "
            "opbouwwerker en korte lijnen met huisarts en wijkverpleging.</p>"
        ),
        "preconditions": (
            "<ul><li>Een ruimte die gratis of goedkoop beschikbaar is.</li>"
            "<li>Een kleine vaste bijdrage voor koffie en activiteiten.</li>"
            "<li>Een opbouwwerker met ruimte in de opdracht.</li></ul>"
        ),
        "transferability": "<p>Goed over te dragen naar elk dorp met een dorpshuis en een paar mensen die willen trekken.</p>",
        "partners": [
            (None, "De Huiskamer (vrijwilligers)", "inwoners", "Organiseren de inloop"),
            ("Welzijn Rijn & Linge", "", "", "Opbouwwerker ondersteunt de vrijwilligers"),
            (
                None,
                "Dorpshuisvereniging Haalderen",
                "vereniging",
                "Stelt de ruimte beschikbaar; formeel onderdak sinds de herstart",
            ),
            ("Gemeente Lingewaard", "", "", "Bijdrage uit het kernbudget"),
        ],
        "links": [],
        "factors": [
            ("beginnen-waar-de-energie-zit", "Eén inwoner begon klein, en het succes trok snel anderen aan."),
            ("eigenaarschap-bij-inwoners", "De opbouwwerker ondersteunde, maar nam de huiskamer nooit over."),
            (
                "continuiteit-borgen",
                "Na het vertrek van de initiatiefnemer werden de taken verdeeld over vijf vrijwilligers.",
            ),
            (
                "ruimte-in-de-opdracht-aan-welzijn",
                "Na een gesprek met de gemeente kreeg de opbouwwerker ruimte om de herstart te begeleiden.",
            ),
            (
                "initiatief-valt-stil-als-de-trekker-stopt",
                "De huiskamer viel bijna stil toen de initiatiefnemer stopte.",
            ),
            (
                "spagaat-tussen-contract-en-beweging",
                "De uren van de opbouwwerker pasten niet in de productafspraken met de gemeente.",
            ),
        ],
        "reflections": [
            (
                "koen",
                "Hoe kwetsbaar een initiatief is dat op één persoon leunt, ook als het heel goed loopt.",
                "Ik ga in andere kernen vaker vragen: wie doet het als jij er niet bent?",
            ),
            (
                "ahmet",
                "Herkenbaar: bij ons taalcafé deed ook één iemand alles.",
                "Een overdrachtsmap is simpel, maar daar hadden we nooit aan gedacht.",
            ),
        ],
    },
    {
        "slug": "energiecoaches-malburgen",
        "title": "Energiecoaches uit de buurt in Malburgen",
        "summary": (
            "Bewoners van Malburgen worden energiecoach voor hun buren. Met de woningcorporatie en de gemeente helpen "
            "ze huishoudens met hoge energielasten aan besparing, en aan een beter gesprek over geldzorgen."
        ),
        "status": "published",
        "visibility": "public",
        "days": -40,
        "municipality": "Arnhem",
        "area": "Malburgen",
        "area_type": "city_district",
        "scale": "district",
        "stage": "running",
        "period": ("2023-01-15", None),
        "organisation": "Woonstichting Stadsoever",
        "perspective": "woningcorporatie",
        "owner": "sabine",
        "co_editors": [],
        "themes": ["Duurzaamheid", "Armoede & bestaanszekerheid", "Wonen"],
        "story": (
            "<p>Toen de energieprijzen stegen, was de energierekening in Malburgen hét gesprek van de dag. Huurders "
            "belden de corporatie met vragen over tocht, schimmel en hoge voorschotten. Tegelijk bleek uit gesprekken "
            "dat veel mensen hun geldzorgen pas deelden als er al achterstanden waren.</p>"
            "<p>Samen met een paar bewoners die al bekend waren in de buurt begonnen we met energiecoaches: bewoners "
            "die na een korte training bij buren langsgaan, tochtstrips en radiatorfolie aanbrengen en samen de "
            "rekening doornemen. Wie dat wil, brengen ze in contact met de schuldhulp of het wijkteam.</p>"
            "<p>Inmiddels zijn er vijftien coaches en zijn meer dan vierhonderd huishoudens bezocht. De coaches "
            "komen maandelijks bij elkaar om ervaringen uit te wisselen.</p>"
        ),
        "pride": (
            "<p>De coaches. Ze komen binnen waar een medewerker van de corporatie of de gemeente niet binnenkomt, en "
            "ze praten de taal van hun buren, letterlijk: samen spreken ze acht talen.</p>"
        ),
        "what_worked": (
            "<ul><li>Aansluiten bij waar mensen zich op dat moment zorgen over maakten.</li>"
            "<li>Buren die buren helpen: laagdrempelig en vertrouwd.</li>"
            "<li>Korte lijnen van de coaches naar corporatie, wijkteam en schuldhulp.</li></ul>"
        ),
        "lessons": (
            "<p>De financiering kwam uit een tijdelijke regeling voor energiearmoede. Nu die afloopt, moeten we "
            "zoeken naar een manier om de coaches te behouden. Begin daar eerder mee. En: een vrijwilligersvergoeding "
            "kan voor coaches met een uitkering ingewikkeld zijn; regel dat vooraf goed.</p>"
        ),
        "occasion": "<p>Sterk gestegen energielasten en veel vragen van huurders over tocht, vocht en voorschotten.</p>",
        "goal": "<p>Lagere energielasten, minder geldzorgen en eerder hulp voor huishoudens die vastlopen.</p>",
        "target_group": "<p>Huurders in Malburgen, vooral huishoudens met een laag inkomen.</p>",
        "approach": (
            "<p>Bewoners worden getraind als energiecoach, bezoeken buren, nemen kleine maatregelen en verwijzen door "
            "waar dat nodig is.</p>"
        ),
        "preconditions": (
            "<ul><li>Een coördinator die de coaches ondersteunt.</li>"
            "<li>Materiaal voor kleine maatregelen.</li>"
            "<li>Afspraken met wijkteam en schuldhulp over doorverwijzen.</li></ul>"
        ),
        "transferability": (
            "<p>Over te dragen naar andere wijken met veel huurwoningen. In dorpen kan het via de dorpscoöperatie of "
            "de energiecoöperatie lopen.</p>"
        ),
        "partners": [
            ("Woonstichting Stadsoever", "", "", "Initiatiefnemer, coördinatie en materiaal"),
            ("Gemeente Arnhem", "", "", "Financiering uit de regeling energiearmoede, wijkteam"),
            ("Bewonersinitiatief Presikhaaf Groeit", "", "", "Deelde ervaring met buurtcoaches"),
            (None, "Energiecoöperatie in de regio", "vereniging", "Training van de coaches"),
        ],
        "links": [("https://example.org/energiecoaches", "Word energiecoach (voorbeeldlink)")],
        "factors": [
            ("aansluiten-bij-wat-leeft", "De energierekening was hét gesprek van de dag; daar sloten we bij aan."),
            ("verbinders-met-korte-lijnen", "De coaches verbinden buren met corporatie, wijkteam en schuldhulp."),
            ("beginnen-waar-de-energie-zit", "We begonnen met een paar bewoners die al bekend waren in de buurt."),
            ("kortlopende-projectfinanciering", "De tijdelijke regeling loopt af; de coaches behouden is onzeker."),
        ],
        "reflections": [
            (
                "petra",
                "Hoe een praktische vraag (tocht, de rekening) de deur opent naar een gesprek over geldzorgen.",
                "Wij zouden vaker via zo’n concrete aanleiding binnen kunnen komen.",
            ),
            (
                "ahmet",
                "Dat de coaches samen acht talen spreken. Dat maakt echt verschil.",
                "We gaan kijken of mensen van ons taalcafé coach willen worden.",
            ),
            (
                "yvonne",
                "Weer een goed initiatief dat afhangt van een tijdelijke regeling.",
                "Ik neem mee naar de provincie: hoe financieren we wat werkt langer dan twee jaar?",
            ),
        ],
    },
    {
        "slug": "wijkagenda-de-maten",
        "title": "Wijkagenda De Maten: welzijn tussen opdracht en beweging",
        "summary": (
            "Opbouwwerkers in De Maten werkten met een wijkagenda die bewoners zelf opstelden. Dat botste met de "
            "productafspraken met de gemeente; een eerlijk gesprek met de opdrachtgever bracht ruimte."
        ),
        "status": "published",
        "visibility": "community",
        "days": -20,
        "municipality": "Apeldoorn",
        "area": "De Maten",
        "area_type": "city_district",
        "scale": "district",
        "stage": "running",
        "period": ("2023-09-01", None),
        "organisation": "Spectrum partner met elan",
        "perspective": "welzijn",
        "owner": "mirjam",
        "co_editors": [],
        "themes": ["Zorg & welzijn", "Leefbaarheid"],
        "story": (
            "<p>Deze casus delen we alleen binnen de Community of Practice, omdat hij gaat over een lastig gesprek "
            "tussen een welzijnsorganisatie en haar opdrachtgever.</p>"
            "<p>In De Maten stelden bewoners met hulp van de opbouwwerkers een wijkagenda op. Daar stonden andere "
            "dingen op dan in het jaarplan van de welzijnsorganisatie: meer aandacht voor jongeren op straat, een "
            "ruilwinkel, hulp bij formulieren. De opbouwwerkers wilden aansluiten, maar het contract met de gemeente "
            "telde het aantal cursussen en spreekuren.</p>"
            "<p>Na een half jaar lagen de ‘productiecijfers’ achter. In plaats van stil bij te sturen, vroeg de "
            "welzijnsorganisatie om een gesprek met de gemeente, met bewoners erbij. Als adviseur begeleidden we dat "
            "gesprek. Het resultaat: een deel van de uren wordt voortaan verantwoord op de doelen van de wijkagenda, "
            "met een halfjaarlijkse reflectie in plaats van een kwartaaltelling.</p>"
        ),
        "pride": "<p>Dat we het gesprek aangingen in plaats van ons stil aan te passen, en dat bewoners daarbij aan tafel zaten.</p>",
        "what_worked": (
            "<ul><li>De wijkagenda als gezamenlijk vertrekpunt.</li>"
            "<li>Het gesprek met de opdrachtgever, met bewoners erbij.</li>"
            "<li>Verantwoorden met verhalen én cijfers.</li></ul>"
        ),
        "lessons": (
            "<p>Wacht niet tot de cijfers achterlopen. Bespreek bij de start van een gebiedsgerichte aanpak hoe je "
            "verantwoordt, en leg vast hoeveel ruimte er is om mee te bewegen.</p>"
        ),
        "occasion": "<p>Een wijkagenda van bewoners die niet aansloot bij de productafspraken in het welzijnscontract.</p>",
        "goal": "<p>Ruimte in de opdracht om aan te sluiten bij wat bewoners in de wijkagenda vragen.</p>",
        "target_group": "<p>Opbouwwerkers, hun opdrachtgever bij de gemeente en de bewoners van de wijk.</p>",
        "approach": "<p>Een begeleid gesprek tussen opdrachtgever, welzijn en bewoners, gevolgd door nieuwe verantwoordingsafspraken.</p>",
        "preconditions": "<p>Vertrouwen tussen opdrachtgever en welzijnsorganisatie, en een wethouder die ruimte wil geven.</p>",
        "transferability": "<p>Het gesprek is overal te voeren; de vorm van verantwoorden verschilt per gemeente.</p>",
        "partners": [
            ("Spectrum partner met elan", "", "", "Begeleiding van het gesprek tussen opdrachtgever en welzijn"),
            (None, "Welzijnsorganisatie in Apeldoorn", "welzijn", "Opbouwwerk in De Maten"),
            (None, "Gemeente Apeldoorn", "gemeente", "Opdrachtgever van het welzijnswerk"),
            (None, "Bewonersgroep wijkagenda De Maten", "inwoners", "Stelde de wijkagenda op"),
        ],
        "links": [],
        "factors": [
            (
                "spagaat-tussen-contract-en-beweging",
                "De wijkagenda vroeg iets anders dan de productafspraken in het contract.",
            ),
            (
                "ruimte-in-de-opdracht-aan-welzijn",
                "Een deel van de uren wordt nu verantwoord op de doelen van de wijkagenda.",
            ),
            ("goed-proces-met-ruimte-om-bij-te-sturen", "Een halfjaarlijkse reflectie vervangt de kwartaaltelling."),
            ("investeren-in-vertrouwen", "Het gesprek kon alleen omdat opdrachtgever en welzijn elkaar vertrouwden."),
        ],
        "reflections": [
            (
                "koen",
                "Als opdrachtgever herken ik de reflex om te tellen wat telbaar is.",
                "Ik wil in ons volgende contract met welzijn een deel ‘vrije ruimte’ voor de kernen afspreken.",
            ),
            (
                "henk",
                "Dat bewoners bij het gesprek over het contract zaten. Dat had ik niet verwacht.",
                "Als dorpscoöperatie mogen we vaker vragen wat welzijn eigenlijk moet leveren.",
            ),
        ],
    },
    {
        "slug": "dorpsplan-rietmolen",
        "title": "Dorpsplan Rietmolen: inwoners schrijven hun eigen toekomst",
        "summary": (
            "Inwoners van Rietmolen schreven zelf een dorpsplan voor de komende tien jaar. De gemeente koppelde er een "
            "vaste contactambtenaar en een klein dorpsbudget aan."
        ),
        "status": "published",
        "visibility": "public",
        "days": -110,
        "municipality": "Berkelland",
        "area": "Rietmolen",
        "area_type": "village",
        "scale": "district",
        "stage": "finished",
        "period": ("2022-04-01", "2023-12-31"),
        "organisation": None,
        "perspective": "inwoners",
        "owner": "ilse",
        "co_editors": [],
        "themes": ["Leefbaarheid", "Wonen", "Mobiliteit"],
        "story": (
            "<p>Deze casus is opgetekend door de begeleiders van de CoP, na een presentatie van twee leden van de "
            "dorpsvereniging.</p>"
            "<p>In Rietmolen maakten inwoners zich zorgen: jongeren trokken weg omdat er geen starterswoningen waren, "
            "de bus reed nog maar twee keer per dag en de basisschool kromp. De dorpsvereniging besloot niet te "
            "wachten op de gemeente, maar zelf een dorpsplan te schrijven.</p>"
            "<p>Een enquête bij alle huishoudens, drie dorpsavonden en een werkgroep per thema leverden een plan op "
            "met twaalf acties. De gemeente Berkelland erkende het dorpsplan als vertrekpunt voor haar eigen beleid "
            "voor het dorp, wees een vaste contactambtenaar aan en gaf een klein dorpsbudget.</p>"
            "<p>Inmiddels zijn er acht starterswoningen in aanbouw, rijdt er een buurtbus en is de school een kindcentrum "
            "met kinderopvang geworden.</p>"
        ),
        "pride": "<p>Dat het dorp zelf de regie nam, en dat de gemeente dat serieus nam.</p>",
        "what_worked": (
            "<ul><li>Een enquête bij alle huishoudens gaf het plan draagvlak.</li>"
            "<li>Een vaste contactambtenaar die de weg wist in het gemeentehuis.</li>"
            "<li>Werkgroepen per thema, elk met eigen trekkers.</li></ul>"
        ),
        "lessons": (
            "<p>Twaalf acties was te veel voor de vrijwilligers. Kies er een paar, en vier de resultaten. En betrek "
            "jongeren op hun eigen manier; naar dorpsavonden kwamen ze nauwelijks.</p>"
        ),
        "occasion": "<p>Krimp: wegtrekkende jongeren, minder openbaar vervoer en een krimpende basisschool.</p>",
        "goal": "<p>Een leefbaar dorp voor alle generaties, met een plan dat het dorp zelf draagt.</p>",
        "target_group": "<p>Alle inwoners van het dorp.</p>",
        "approach": (
            "<p>Enquête, dorpsavonden, werkgroepen per thema en een dorpsplan dat de gemeente als vertrekpunt "
            "erkent.</p>"
        ),
        "preconditions": "<p>Een actieve dorpsvereniging, een gemeente die het plan erkent en een vaste contactpersoon.</p>",
        "transferability": (
            "<p>Veel Gelderse dorpen werken met dorpsplannen. Het verschil maakt de afspraak met de gemeente over wat "
            "er met het plan gebeurt.</p>"
        ),
        "partners": [
            (None, "Dorpsvereniging Rietmolen", "inwoners", "Schreef het dorpsplan en trekt de acties"),
            (None, "Gemeente Berkelland", "gemeente", "Contactambtenaar en dorpsbudget"),
            ("Provincie Gelderland", "", "", "Bijdrage aan de buurtbus vanuit het programma Leefbaarheid"),
        ],
        "links": [("https://example.org/dorpsplan-rietmolen", "Het dorpsplan (voorbeeldlink)")],
        "factors": [
            ("inwoners-vanaf-het-begin-aan-tafel", "Inwoners schreven het plan zelf, vanaf de eerste enquête."),
            ("eigenaarschap-bij-inwoners", "De dorpsvereniging trekt de acties; de gemeente volgt het plan."),
            ("verbinders-met-korte-lijnen", "De vaste contactambtenaar bracht vragen snel bij de juiste afdeling."),
            (
                "goed-proces-met-ruimte-om-bij-te-sturen",
                "Elk jaar kijken dorpsvereniging en gemeente samen terug op het dorpsplan en stellen ze de acties bij.",
            ),
            ("steeds-dezelfde-gezichten", "Jongeren kwamen nauwelijks naar de dorpsavonden."),
        ],
        "reflections": [
            (
                "nadia",
                "Dat de gemeente het plan van het dorp als vertrekpunt nam, in plaats van andersom.",
                "In de stad werken we met wijkagenda’s; de status ervan kan veel steviger.",
            ),
            (
                "thomas",
                "Jongeren bereik je niet met een dorpsavond.",
                "Een opdracht voor studenten: samen met jongeren hun deel van het dorpsplan maken.",
            ),
        ],
    },
    {
        "slug": "dorpsvervoer-heukelum-spijk",
        "title": "Vrijwillig dorpsvervoer in Heukelum en Spijk",
        "summary": (
            "Vrijwillige chauffeurs brengen ouderen en mensen zonder auto uit Heukelum en Spijk naar de huisarts, de "
            "supermarkt en familie. Provincie en gemeente zorgden voor een elektrische auto; de dorpen voor de "
            "chauffeurs."
        ),
        "status": "published",
        "visibility": "public",
        "days": -95,
        "municipality": "West Betuwe",
        "area": "Heukelum",
        "area_type": "region",
        "scale": "region",
        "stage": "running",
        "period": ("2023-05-01", None),
        "organisation": "Provincie Gelderland",
        "perspective": "provincie",
        "owner": "yvonne",
        "co_editors": [],
        "themes": ["Mobiliteit", "Zorg & welzijn", "Duurzaamheid"],
        "story": (
            "<p>Sinds de buslijn verdween, waren ouderen in Heukelum en Spijk voor elk bezoek aan de huisarts of "
            "de supermarkt afhankelijk van familie of buren. Twee dorpsraden kwamen met een idee: een eigen "
            "vervoersdienst met vrijwillige chauffeurs.</p>"
            "<p>Vanuit het programma Leefbaarheid droeg de provincie bij aan een elektrische auto; de gemeente regelde "
            "de verzekering en een laadpaal bij het dorpshuis. Inwoners bellen een vast nummer, een vrijwilliger "
            "plant de ritten. Er rijden nu achttien chauffeurs, en er worden zo’n zestig ritten per week gemaakt.</p>"
            "<p>De ritten blijken meer dan vervoer: chauffeurs en passagiers leren elkaar kennen, en chauffeurs "
            "signaleren als het met iemand minder goed gaat.</p>"
        ),
        "pride": "<p>Zestig ritten per week, en passagiers die zeggen dat ze weer ‘ergens naartoe kunnen’.</p>",
        "what_worked": (
            "<ul><li>Het idee kwam uit de dorpen zelf.</li>"
            "<li>Een eenvoudige startbijdrage, snel beschikbaar.</li>"
            "<li>Een vaste planner met een groep chauffeurs in plaats van één trekker.</li></ul>"
        ),
        "lessons": (
            "<p>De startbijdrage liep na twee jaar af, terwijl de kosten voor onderhoud en verzekering doorlopen. Maak "
            "vooraf afspraken over de jaren erna. Vanuit de provincie leren we: kleine initiatieven hebben meer aan "
            "een doorlopende bijdrage dan aan een grote start.</p>"
        ),
        "occasion": "<p>Het verdwijnen van de buslijn en een groeiend aantal ouderen zonder eigen vervoer.</p>",
        "goal": "<p>Inwoners zonder auto kunnen naar voorzieningen en naar elkaar.</p>",
        "target_group": "<p>Ouderen en andere inwoners zonder eigen vervoer in twee dorpen.</p>",
        "approach": "<p>Een vervoersdienst met vrijwillige chauffeurs, een elektrische auto en een vaste planner.</p>",
        "preconditions": "<p>Verzekering, een laadpunt, een vaste planner en een bijdrage voor vaste kosten.</p>",
        "transferability": "<p>Goed over te dragen naar kleine kernen zonder openbaar vervoer; samenwerken met een buurdorp maakt het rooster makkelijker.</p>",
        "partners": [
            (None, "Dorpsraden Heukelum en Spijk", "inwoners", "Initiatiefnemers, werven chauffeurs"),
            ("Provincie Gelderland", "", "", "Startbijdrage voor de elektrische auto"),
            (None, "Gemeente West Betuwe", "gemeente", "Verzekering en laadpaal"),
            (None, "Dorpshuis Heukelum", "vereniging", "Standplaats en laadpunt"),
        ],
        "links": [("https://example.org/dorpsvervoer", "Een rit aanvragen (voorbeeldlink)")],
        "factors": [
            ("beginnen-waar-de-energie-zit", "Het idee kwam van twee dorpsraden die zelf wilden trekken."),
            ("flexibel-budget-dichtbij", "De startbijdrage was snel en eenvoudig beschikbaar."),
            ("continuiteit-borgen", "Een vaste planner en achttien chauffeurs in plaats van één trekker."),
            ("kortlopende-projectfinanciering", "De startbijdrage liep na twee jaar af; de vaste kosten niet."),
        ],
        "reflections": [
            (
                "henk",
                "Dat het vervoer ook ontmoeting is. De chauffeurs zijn eigenlijk ook ogen en oren in het dorp.",
                "Voor Gendt: misschien kunnen we samen met Doornenburg zoiets opzetten.",
            ),
            (
                "sabine",
                "De eerlijkheid over de financiering na twee jaar.",
                "Als corporatie kunnen we ook bijdragen aan zulke voorzieningen voor onze oudere huurders.",
            ),
        ],
    },
    {
        "slug": "jongerenplek-passewaaij",
        "title": "Jongeren bouwen hun eigen plek in Passewaaij",
        "summary": (
            "Na klachten over overlast bij het winkelcentrum vroegen gemeente en jongerenwerk de jongeren zelf wat ze "
            "nodig hadden. Samen bouwden ze een eigen plek, die ze nu grotendeels zelf beheren."
        ),
        "status": "published",
        "visibility": "public",
        "days": -130,
        "municipality": "Tiel",
        "area": "Passewaaij",
        "area_type": "city_district",
        "scale": "district",
        "stage": "finished",
        "period": ("2022-10-01", "2024-03-31"),
        "organisation": None,
        "perspective": "welzijn",
        "owner": "lotte",
        "co_editors": [],
        "themes": ["Onderwijs & jeugd", "Veiligheid", "Ontmoeting"],
        "story": (
            "<p>Bij het winkelcentrum kwamen elke avond groepjes jongeren samen. Bewoners klaagden over lawaai en "
            "rommel, en de gemeente overwoog cameratoezicht. Als jongerenwerk stelden we voor om eerst met de "
            "jongeren zelf te praten.</p>"
            "<p>Dat leverde een helder verhaal op: er was in de wijk geen plek waar ze mochten zijn. Met een groep "
            "van twaalf jongeren ontwierpen we een overkapte hangplek met bankjes, verlichting en een wifi-punt. Ze "
            "kozen zelf de plek, presenteerden het plan aan omwonenden en bouwden mee met een aannemer.</p>"
            "<p>De jongeren maakten afspraken met de buurt over tijden en opruimen. Een paar oudere jongeren zijn "
            "aanspreekpunt; het jongerenwerk komt twee avonden per week langs.</p>"
        ),
        "pride": (
            "<p>Dat de jongeren het plan zelf aan de buurt presenteerden, en dat de klachten met meer dan de helft "
            "zijn gedaald.</p>"
        ),
        "what_worked": (
            "<ul><li>Eerst vragen, dan pas maatregelen.</li>"
            "<li>Jongeren beslisten mee over ontwerp en plek.</li>"
            "<li>Afspraken tussen jongeren en omwonenden, zelf gemaakt.</li></ul>"
        ),
        "lessons": (
            "<p>De bouw duurde door vergunningen bijna een jaar; jongeren haakten in die tijd af. Houd de tijd tussen "
            "plan en resultaat kort, of zorg voor tussentijdse successen.</p>"
        ),
        "occasion": "<p>Klachten over overlast bij het winkelcentrum en een voorstel voor cameratoezicht.</p>",
        "goal": "<p>Een eigen plek voor jongeren, met afspraken die jongeren en buurt samen maken.</p>",
        "target_group": "<p>Jongeren van veertien tot twintig jaar en de omwonenden van het winkelcentrum.</p>",
        "approach": "<p>Gesprekken op straat, een ontwerpgroep van jongeren, samen bouwen en samen afspraken maken.</p>",
        "preconditions": "<p>Een gemeente die bereid is de maatregel uit te stellen, en jongerenwerkers met tijd voor de straat.</p>",
        "transferability": "<p>Over te dragen naar wijken en dorpen waar jongeren ‘overlast’ worden genoemd maar geen plek hebben.</p>",
        "partners": [
            (None, "Jongerenwerk in Tiel", "welzijn", "Gesprekken, ontwerpgroep en begeleiding"),
            (None, "Gemeente Tiel", "gemeente", "Financiering en vergunningen"),
            (None, "Ontwerpgroep jongeren Passewaaij", "inwoners", "Ontwierpen en bouwden de plek"),
            (None, "Aannemer uit de regio", "ondernemer", "Bouwde samen met de jongeren"),
        ],
        "links": [],
        "factors": [
            ("aansluiten-bij-wat-leeft", "We vroegen de jongeren eerst zelf wat ze nodig hadden."),
            ("inwoners-vanaf-het-begin-aan-tafel", "Jongeren beslisten mee over ontwerp en plek."),
            (
                "investeren-in-vertrouwen",
                "Jongerenwerkers investeerden maanden in contact met de jongeren op straat, voordat er een plan lag.",
            ),
            ("verkokering-en-wisselende-loketten", "Vergunningen vertraagden de bouw bijna een jaar."),
        ],
        "reflections": [
            (
                "nadia",
                "Dat de gemeente cameratoezicht uitstelde om eerst het gesprek te voeren. Dat vraagt lef.",
                "Ik neem mee: vraag eerst wie ‘de overlast’ eigenlijk zijn en wat zij nodig hebben.",
            ),
        ],
    },
    {
        "slug": "wijkonderneming-veldhuizen",
        "title": "Wijkonderneming Veldhuizen",
        "summary": (
            "Ondernemers, bewoners en een woningcorporatie richtten in Veldhuizen een wijkonderneming op. Die beheert "
            "het groen en een buurtwerkplaats, en biedt werk aan wijkbewoners die moeilijk aan een baan komen."
        ),
        "status": "published",
        "visibility": "public",
        "days": -45,
        "municipality": "Ede",
        "area": "Veldhuizen",
        "area_type": "city_district",
        "scale": "district",
        "stage": "running",
        "period": ("2021-06-01", None),
        "organisation": None,
        "perspective": "ondernemer",
        "owner": "ilse",
        "co_editors": [],
        "themes": ["Werk & meedoen", "Groen & openbare ruimte", "Leefbaarheid"],
        "story": (
            "<p>Deze casus is opgetekend door de begeleiders van de CoP, na een presentatie van de wijkonderneming.</p>"
            "<p>Een paar ondernemers uit het winkelcentrum ergerden zich aan verwaarloosd groen en lege winkels. "
            "Samen met bewoners en de corporatie richtten ze een wijkonderneming op: een coöperatie die opdrachten "
            "uitvoert in de wijk en daarvoor wijkbewoners in dienst neemt.</p>"
            "<p>De wijkonderneming onderhoudt nu het groen rond de flats, runt een buurtwerkplaats in een leeg "
            "winkelpand en verzorgt kleine klussen voor ouderen. Twaalf bewoners hebben er een betaalde baan, "
            "anderen doen er werkervaring op.</p>"
        ),
        "pride": "<p>Twaalf wijkbewoners met een betaalde baan, in hun eigen wijk.</p>",
        "what_worked": (
            "<ul><li>Ondernemers die hun netwerk en ervaring inbrachten.</li>"
            "<li>Een vaste opdracht van de corporatie voor het groenonderhoud.</li>"
            "<li>Werk dat zichtbaar is voor de buurt.</li></ul>"
        ),
        "lessons": (
            "<p>Een wijkonderneming is een echte onderneming: zonder vaste opdrachten houdt ze het niet vol. En de "
            "combinatie van werk voor mensen met een afstand tot de arbeidsmarkt en een sluitende begroting vraagt "
            "om afspraken met de gemeente.</p>"
        ),
        "occasion": "<p>Verwaarloosd groen, leegstand in het winkelcentrum en werkloosheid in de wijk.</p>",
        "goal": "<p>Werk voor wijkbewoners en een schonere, levendiger wijk.</p>",
        "target_group": "<p>Wijkbewoners die moeilijk aan werk komen, en de wijk als geheel.</p>",
        "approach": "<p>Een coöperatie van ondernemers en bewoners die betaalde opdrachten in de wijk uitvoert.</p>",
        "preconditions": "<p>Vaste opdrachtgevers, een goede bedrijfsleider en afspraken met de gemeente over begeleiding.</p>",
        "transferability": "<p>Over te dragen naar wijken met een actief winkelcentrum en een corporatie die opdrachten wil gunnen.</p>",
        "partners": [
            (None, "Ondernemers winkelcentrum Veldhuizen", "ondernemer", "Initiatiefnemers, netwerk en bestuur"),
            (None, "Woningcorporatie in Ede", "woningcorporatie", "Vaste opdracht voor groenonderhoud"),
            (None, "Bewoners Veldhuizen", "inwoners", "Leden van de coöperatie en medewerkers"),
            (None, "Gemeente Ede", "gemeente", "Begeleiding van medewerkers met een afstand tot werk"),
        ],
        "links": [("https://example.org/wijkonderneming", "Over de wijkonderneming (voorbeeldlink)")],
        "factors": [
            ("lokale-ondernemers-als-partner", "De ondernemers uit het winkelcentrum namen het initiatief."),
            ("heldere-rolverdeling", "Ondernemers, corporatie en gemeente hebben elk een vaste rol."),
            ("beginnen-waar-de-energie-zit", "Het groen was zichtbaar en snel aan te pakken."),
            (
                "onduidelijk-eigenaarschap",
                "In het begin was onduidelijk wie over het groen rond de flats ging: de gemeente of de corporatie.",
            ),
        ],
        "reflections": [
            (
                "sabine",
                "Dat de corporatie een vaste opdracht gunt. Dat maakt het verschil tussen project en onderneming.",
                "Wij kunnen ons groenonderhoud in Malburgen misschien ook zo beleggen.",
            ),
            (
                "petra",
                "Ondernemers zitten zelden aan tafel bij ons. Hier waren ze de trekkers.",
                "Ondernemers hoor je erbij te vragen, niet alleen als sponsor.",
            ),
        ],
    },
    {
        "slug": "buurtbudget-waterkwartier",
        "title": "Buurtbudget met een gelote bewonersgroep in het Waterkwartier",
        "summary": (
            "In het Waterkwartier beslist een gelote groep bewoners over de besteding van het buurtbudget. Zo doen ook "
            "mensen mee die zich nooit zelf zouden aanmelden."
        ),
        "status": "submitted",
        "visibility": "public",
        "days": -5,
        "municipality": "Zutphen",
        "area": "Waterkwartier",
        "area_type": "city_district",
        "scale": "district",
        "stage": "running",
        "period": ("2024-01-01", None),
        "organisation": None,
        "perspective": "gemeente",
        "owner": "bas",
        "co_editors": [],
        "themes": ["Leefbaarheid", "Armoede & bestaanszekerheid"],
        "story": (
            "<p>Het buurtbudget ging jarenlang naar dezelfde actieve groepen. Om meer bewoners te betrekken, loten we "
            "elk jaar twintig bewoners uit de wijk. Zij krijgen een kleine vergoeding, bespreken in vier avonden de "
            "ideeën uit de buurt en beslissen samen over de besteding.</p>"
            "<p>Het eerste jaar bestond de groep voor de helft uit mensen die nooit eerder aan iets in de wijk "
            "hadden meegedaan.</p>"
        ),
        "pride": "<p>De nieuwe gezichten aan tafel.</p>",
        "what_worked": "<p>Loting, een vergoeding en begeleiding door een onafhankelijke gespreksleider.</p>",
        "lessons": "<p>Niet iedereen die wordt uitgeloot, doet mee. Bel mensen na en leg rustig uit wat het inhoudt.</p>",
        "occasion": "<p>Een buurtbudget dat steeds bij dezelfde groepen terechtkwam.</p>",
        "goal": "<p>Een buurtbudget waarover een brede groep bewoners beslist.</p>",
        "target_group": "<p>Alle bewoners van de wijk.</p>",
        "approach": "",
        "preconditions": "",
        "transferability": "",
        "partners": [
            (None, "Gemeente Zutphen", "gemeente", "Buurtbudget en organisatie van de loting"),
            (None, "Gelote bewonersgroep", "inwoners", "Beslist over de besteding"),
        ],
        "links": [],
        "factors": [
            ("inwoners-vanaf-het-begin-aan-tafel", "Gelote bewoners beslissen zelf over het budget."),
            ("flexibel-budget-dichtbij", "Het buurtbudget is dichtbij en snel te besteden."),
        ],
        "reflections": [],
    },
    {
        "slug": "dorpsommetjes-doornenburg",
        "title": "Dorpsommetjes Doornenburg",
        "summary": (
            "Inwoners zetten korte wandelroutes uit door het dorp, met bankjes om even uit te rusten. Voor ouderen, "
            "ouders met kinderwagens en iedereen die een praatje wil maken."
        ),
        "status": "draft",
        "visibility": "public",
        "days": None,
        "municipality": "Lingewaard",
        "area": "Doornenburg",
        "area_type": "village",
        "scale": "street",
        "stage": "idea",
        "period": (None, None),
        "organisation": "Dorpscoöperatie Gendt Vooruit",
        "perspective": "inwoners",
        "owner": "henk",
        "co_editors": [],
        "themes": ["Ontmoeting", "Groen & openbare ruimte", "Zorg & welzijn"],
        "story": (
            "<p>Nog een idee. Na de dorpsgesprekken in Gendt vroegen inwoners van Doornenburg of de dorpscoöperatie "
            "hen op weg kon helpen. Een van de eerste ideeën: ommetjes van een half uur door het dorp, met om de paar honderd meter een "
            "bankje.</p>"
        ),
        "pride": "",
        "what_worked": "",
        "lessons": "",
        "occasion": "",
        "goal": "",
        "target_group": "",
        "approach": "",
        "preconditions": "",
        "transferability": "",
        "partners": [],
        "links": [],
        "factors": [],
        "reflections": [],
    },
]

# --- illustrations ------------------------------------------------------------------------

# Simple drawings made with Pillow at seeding time (no binary files in the repository);
# scene is "city", "village" or "wall". They are illustrations, not photos, and say so.
CASE_ILLUSTRATIONS = {
    "kenniskwartier-arnhem": (
        "city",
        "Getekende illustratie van een stadsstraat met flats, bomen en een winkelpand op de hoek.",
        "Illustratie bij de demo, geen foto.",
    ),
    "dorpsgesprekken-gendt": (
        "village",
        "Getekende illustratie van een dorp met een kerktoren, lage huizen en weilanden.",
        "Illustratie bij de demo, geen foto.",
    ),
    "huiskamer-haalderen": (
        "village",
        "Getekende illustratie van een dorpsstraat met huizen met rode daken en bomen.",
        "Illustratie bij de demo, geen foto.",
    ),
    "energiecoaches-malburgen": (
        "city",
        "Getekende illustratie van flats met verlichte ramen in een groene wijk.",
        "Illustratie bij de demo, geen foto.",
    ),
    "dorpsvervoer-heukelum-spijk": (
        "village",
        "Getekende illustratie van twee dorpen aan een landweg tussen de weilanden.",
        "Illustratie bij de demo, geen foto.",
    ),
}

# meeting slug → (HarvestImage kind, scene, alt text, caption)
HARVEST_ILLUSTRATIONS = {
    "cop-bijeenkomst-2-werkzame-factoren": (
        "flipover",
        "wall",
        (
            "Getekende weergave van de wand met briefjes: gekleurde briefjes in kolommen per cluster, met bij "
            "sommige kolommen rode stippen van de stemronde."
        ),
        "De wand na het clusteren en stippen (illustratie bij de demo).",
    ),
}
