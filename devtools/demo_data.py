"""The demo Community of Practice, loaded by ``manage.py seed_demo`` from ``demo/community.json``.

All content is written for the demo. The organisations and the case named in the
article the CoP started from are real (HAN Centre of Expertise Krachtige Kernen,
Spectrum partner met elan, Leefbaarheidsalliantie Gelderland, the municipalities of
Lingewaard and Arnhem, the province of Gelderland, Kenniskwartier Arnhem); every
other organisation, every person and every initiative is fictional. No real
person's name, e-mail address or phone number appears anywhere.

The content is data, not code: ``demo/community.json`` (its fields are described in
``demo/README.md``). Dates are day offsets from today (negative: in the past), so the
demo always has past meetings with a harvest and an upcoming one. People are referred
to by their ``key``, organisations by name, factors by slug, cases by slug.
"""

import json
from pathlib import Path

DEMO_PASSWORD = "Weten-wat-werkt-demo"

_DATA = json.loads((Path(__file__).parent / "demo" / "community.json").read_text(encoding="utf-8"))

MUNICIPALITIES = _DATA["municipalities"]
THEMES = _DATA["themes"]
ORGANISATIONS = _DATA["organisations"]
USERS = _DATA["users"]
CLUSTERS = _DATA["clusters"]
WORKING_FACTORS = _DATA["working_factors"]
OBSTACLES = _DATA["obstacles"]
FACTOR_RELATIONS = _DATA["factor_relations"]
TERMS = _DATA["terms"]
SERIES = _DATA["series"]
MEETINGS = _DATA["meetings"]
ROUNDS = _DATA["rounds"]
CASES = _DATA["cases"]
CASE_ILLUSTRATIONS = _DATA["case_illustrations"]
HARVEST_ILLUSTRATIONS = _DATA["harvest_illustrations"]
