"""Steps of ``Generator`` for the glossary."""

from datetime import timedelta

from cop.models import Term, TermVersion

from .text import Slugs
from .vocabulary import RARE_SENTENCE, TERMS


class GlossarySteps:
    """The glossary: the terms and their versions."""

    def make_terms(self):
        rng, text = self.rng, self.text
        slugs = Slugs(120)
        terms = self.insert(
            Term,
            [
                Term(
                    name=name,
                    slug=slugs.make(slug or name),
                    is_key=is_key,
                    order=i,
                    created_at=self.ago(3 * 365, 4 * 365),
                )
                for i, (name, slug, is_key) in enumerate(TERMS)
            ],
        )
        versions = []
        for term in terms:
            count = rng.randint(3, 6) if term.is_key else rng.randint(1, 3)
            for number in range(1, count + 1):
                created = term.created_at + timedelta(days=number * rng.randint(60, 160))
                status = "accepted" if number < count or rng.random() < 0.7 or term.name == "Kern" else "proposed"
                versions.append(
                    TermVersion(
                        term_id=term.pk,
                        number=number,
                        definition=text.html(1, 3) + (f"<p>{RARE_SENTENCE}</p>" if term.name == "Kern" else ""),
                        note=text.sentence() if number > 1 else "",
                        status=status,
                        proposed_by=rng.choice(self.users),
                        accepted_by=rng.choice(self.facilitators) if status == "accepted" else None,
                        accepted_at=created + timedelta(days=7) if status == "accepted" else None,
                        created_at=created,
                    )
                )
        self.term_versions = self.insert(TermVersion, versions)
