"""Generated text (``Text``) and unique slugs (``Slugs``) without a query per row."""

from django.utils.text import slugify

from .vocabulary import INSIGHTS, OBJECTS, OPENERS, RARE_WORDS, SUBJECTS, VERBS


class Text:
    """Dutch-looking sentences, paragraphs and rich text from one random source."""

    def __init__(self, rng, places):
        self.rng = rng
        self.places = places

    def sentence(self):
        rng = self.rng
        subject = rng.choice(SUBJECTS)
        text = rng.choice(OPENERS).format(
            place=rng.choice(self.places),
            insight=rng.choice(INSIGHTS),
            subject=subject,
            subject_l=subject[0].lower() + subject[1:],
            verb=rng.choice(VERBS),
            object=rng.choice(OBJECTS),
        )
        # A rare word in about one sentence in 400: a rare-word search finds a handful.
        if rng.random() < 0.0025:
            text = text[:-1] + f", met een {rng.choice(RARE_WORDS)} als symbool."
        return text[0].upper() + text[1:]

    def paragraph(self, sentences=3):
        return " ".join(self.sentence() for _ in range(sentences))

    def html(self, paragraphs=1, sentences=3):
        return "".join(f"<p>{self.paragraph(sentences)}</p>" for _ in range(paragraphs))

    def short(self, limit):
        text = self.sentence()
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Slugs:
    """Unique slugs per model without a query per row (what ``unique_slug`` does on save)."""

    def __init__(self, max_length=200):
        self.taken = set()
        self.max_length = max_length

    def make(self, source):
        base = slugify(source)[: self.max_length - 6].strip("-") or "item"
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate
