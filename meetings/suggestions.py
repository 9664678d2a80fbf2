"""Which existing factors a contribution most likely belongs to, for the console's suggestions.

A factor is described by the words of its name and statement and by the words of the
contributions of this meeting already clustered on it; a contribution's suggestions are
the factors that share the most of its words (the name and statement count double).

On PostgreSQL the words are Dutch lexemes (``to_tsvector('dutch', …)``: stemmed, stop
words left out), read from the factors' ``search_vector`` and, for the contributions, in
one query; on SQLite a plain fallback splits on letters, leaves out a short list of stop
words and cuts a few Dutch plural endings. No search server, no model to train: at the
size of a meeting (tens of notes, a few thousand factors) this takes milliseconds.
"""

import re
import unicodedata

from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import F, Func, TextField

from cop.search import SEARCH_CONFIG, is_postgres

SUGGESTIONS_PER_NOTE = 3
NAME_WEIGHT = 2

# The fallback's stop words: the commonest Dutch function words (PostgreSQL has its own list).
STOP_WORDS = frozenset(
    [
        "aan",
        "al",
        "alle",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "der",
        "des",
        "die",
        "dit",
        "door",
        "een",
        "en",
        "er",
        "geen",
        "het",
        "hier",
        "hij",
        "hoe",
        "ik",
        "in",
        "is",
        "je",
        "jij",
        "kan",
        "maar",
        "meer",
        "met",
        "na",
        "naar",
        "niet",
        "nog",
        "of",
        "om",
        "omdat",
        "ons",
        "onze",
        "ook",
        "op",
        "over",
        "te",
        "tot",
        "u",
        "uit",
        "van",
        "veel",
        "voor",
        "want",
        "was",
        "wat",
        "we",
        "wel",
        "werd",
        "wie",
        "wij",
        "wordt",
        "zij",
        "zijn",
        "zo",
        "zich",
    ]
)
_WORD = re.compile(r"[^\W\d_]{2,}")


def _fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def plain_words(text):
    """The fallback's words of ``text``: lower case without accents, no stop words, a crude stem."""
    words = set()
    for word in _WORD.findall(_fold(text)):
        if word in STOP_WORDS:
            continue
        for ending in ("heden", "heid", "ingen", "ing", "en", "s", "e"):
            if len(word) - len(ending) >= 4 and word.endswith(ending):
                word = word[: -len(ending)]
                break
        words.add(word)
    return words


class TsvectorToArray(Func):
    function = "tsvector_to_array"
    output_field = ArrayField(TextField())


def with_lexemes(factors):
    """Annotate a factor queryset with ``lexemes`` on PostgreSQL (from its search vector); unchanged elsewhere."""
    if not is_postgres():
        return factors
    return factors.annotate(lexemes=TsvectorToArray(F("search_vector")))


def _lexemes_of_texts(texts):
    """Dutch lexemes of each text, in one query (PostgreSQL)."""
    if not texts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(to_tsvector(%s::regconfig, t)) FROM unnest(%s::text[]) WITH ORDINALITY AS x(t, n)"
            " ORDER BY n",
            [SEARCH_CONFIG, list(texts)],
        )
        return [set(row[0] or ()) for row in cursor.fetchall()]


def _words_of_texts(texts):
    return _lexemes_of_texts(texts) if is_postgres() else [plain_words(t) for t in texts]


def _factor_words(factor):
    lexemes = getattr(factor, "lexemes", None)
    if lexemes is not None:
        return set(lexemes)
    return plain_words(f"{factor.name} {factor.statement}")


def suggest(notes, factors, clustered_texts):
    """``{note id: [factor, …]}``: at most SUGGESTIONS_PER_NOTE factors per note, best first.

    ``notes``: the contributions to suggest for; ``factors``: the candidates (from
    ``with_lexemes`` on PostgreSQL); ``clustered_texts``: ``[(factor id, text)]`` of the
    contributions already clustered, whose words describe their factor too.
    """
    notes = list(notes)
    if not notes or not factors:
        return {}
    words = _words_of_texts([n.text for n in notes] + [text for _pk, text in clustered_texts])
    note_words, clustered_words = words[: len(notes)], words[len(notes) :]
    by_note = {}
    from_notes = {}
    for (factor_id, _text), found in zip(clustered_texts, clustered_words, strict=True):
        from_notes.setdefault(factor_id, set()).update(found)
    profiles = [(factor, _factor_words(factor), from_notes.get(factor.pk, set())) for factor in factors]
    for note, found in zip(notes, note_words, strict=True):
        if not found:
            continue
        scored = []
        for factor, own, others in profiles:
            score = NAME_WEIGHT * len(found & own) + len(found & others)
            if score:
                # Factors already used in this meeting win ties: the room is talking about them.
                scored.append((-score, factor.pk not in from_notes, factor.name.lower(), factor))
        scored.sort(key=lambda row: row[:3])
        by_note[note.pk] = [row[3] for row in scored[:SUGGESTIONS_PER_NOTE]]
    return by_note
