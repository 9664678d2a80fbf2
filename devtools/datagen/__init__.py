"""Synthetic data for performance work: a realistic CoP at a chosen scale.

``Generator(plan, seed=…).run()`` fills an empty database with members,
organisations, places, themes, factors, cases with their evidence and
reflections, series, meetings with rounds, contributions, votes and
registrations, and the glossary, using ``bulk_create`` in batches. The text is
Dutch-looking and built from sentence templates about *gebiedsgericht werken*:
``COMMON_WORD`` appears in a large share of the documents and each of
``RARE_WORDS`` in a few, so that search has work to do in both cases.

Everything is drawn from one ``random.Random(seed)``; with the same seed, plan
and reference date the output is the same. Dates are spread around the
reference date (midnight of the day the command runs): most meetings lie in
the past with a published harvest, some lie ahead.

The model ``save()`` methods are bypassed (that is the point of bulk inserts),
so this package sets what they would set: slugs, timestamps, the denormalised
``Contribution.meeting``. Rich text is sanitised by the field on insert as usual.

The modules: ``plans`` (``Plan``, ``PLANS``, the fixed names), ``vocabulary`` (the
words), ``text`` (``Text``, ``Slugs``), ``storage`` (inserting, deleting, ANALYZE),
``generator`` (``Generator`` and its helpers) and one ``steps_*`` module per kind of
content: people and places, factors, cases, glossary, meetings, rounds.
"""

from .generator import Generator
from .plans import (
    COUNT_NAMES,
    FIRST_CASES,
    GENERATED_EMAIL_DOMAIN,
    GENERATED_PASSWORD,
    LIVE_MEETING_SLUG,
    LIVE_PRACTICE_SLUG,
    PLANS,
    Plan,
)
from .storage import (
    CaseCoEditor,
    CaseTheme,
    FactorTheme,
    MeetingCase,
    MeetingFacilitator,
    MeetingTermVersion,
    UserGroup,
    _copy_value,
    analyze,
    content_models,
    content_tables,
    copy_insert,
    delete_content,
    has_generated_data,
    has_other_content,
    keep_given_timestamps,
    update_search_vectors,
)
from .text import Slugs, Text
from .vocabulary import (
    AREA_PREFIXES,
    AREA_ROOTS,
    CLUSTERS,
    COMMON_GOAL,
    COMMON_WORD,
    FACTOR_OBSTACLES,
    FACTOR_QUALIFIERS,
    FACTOR_WORKING,
    FIRST_NAMES,
    FIXED_ORGANISATIONS,
    INSIGHTS,
    KNOWN_AREAS,
    LAST_NAMES,
    MUNICIPALITIES,
    OBJECTS,
    OPENERS,
    ORGANISATION_PATTERNS,
    PERSPECTIVE_WEIGHTS,
    PERSPECTIVES,
    PROMPTS,
    RARE_SENTENCE,
    RARE_WORD,
    RARE_WORDS,
    SUBJECTS,
    TERMS,
    THEMES,
    TITLE_NOUNS,
    VERBS,
)

# Every name of the former devtools/datagen.py module, so that callers need not change.
__all__ = [
    "AREA_PREFIXES",
    "AREA_ROOTS",
    "CLUSTERS",
    "COMMON_GOAL",
    "COMMON_WORD",
    "COUNT_NAMES",
    "FACTOR_OBSTACLES",
    "FACTOR_QUALIFIERS",
    "FACTOR_WORKING",
    "FIRST_CASES",
    "FIRST_NAMES",
    "FIXED_ORGANISATIONS",
    "GENERATED_EMAIL_DOMAIN",
    "GENERATED_PASSWORD",
    "INSIGHTS",
    "KNOWN_AREAS",
    "LAST_NAMES",
    "LIVE_MEETING_SLUG",
    "LIVE_PRACTICE_SLUG",
    "MUNICIPALITIES",
    "OBJECTS",
    "OPENERS",
    "ORGANISATION_PATTERNS",
    "PERSPECTIVES",
    "PERSPECTIVE_WEIGHTS",
    "PLANS",
    "PROMPTS",
    "RARE_SENTENCE",
    "RARE_WORD",
    "RARE_WORDS",
    "SUBJECTS",
    "TERMS",
    "THEMES",
    "TITLE_NOUNS",
    "VERBS",
    "CaseCoEditor",
    "CaseTheme",
    "FactorTheme",
    "Generator",
    "MeetingCase",
    "MeetingFacilitator",
    "MeetingTermVersion",
    "Plan",
    "Slugs",
    "Text",
    "UserGroup",
    "_copy_value",
    "analyze",
    "content_models",
    "content_tables",
    "copy_insert",
    "delete_content",
    "has_generated_data",
    "has_other_content",
    "keep_given_timestamps",
    "update_search_vectors",
]
