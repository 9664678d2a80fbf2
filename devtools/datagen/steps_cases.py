"""Steps of ``Generator`` for the cases and everything that hangs off a case."""

from datetime import timedelta

from cases.models import Case, CaseFactor, CaseLink, CasePartner, Reflection

from .plans import FIRST_CASES, GENERATED_EMAIL_DOMAIN
from .storage import CaseCoEditor, CaseTheme
from .text import Slugs
from .vocabulary import FIRST_NAMES, LAST_NAMES, OBJECTS, PERSPECTIVES, RARE_SENTENCE, TITLE_NOUNS


class CaseSteps:
    """The cases with their themes, co-editors, evidence, partners, links and reflections."""

    def make_cases(self):
        slugs = Slugs(200)
        cases = self.insert(Case, [self.case(i, slugs) for i in range(self.plan.cases)])
        self.cases = cases
        self.published_cases = [c for c in cases if c.status == "published"]
        self.make_case_relations(cases)

    def case(self, i, slugs):
        """The ``i``-th case (not saved); the first ones take their state from ``FIRST_CASES``."""
        rng, text = self.rng, self.text
        municipality = rng.choice(self.municipalities)
        area = rng.choice(self.areas_by_municipality[municipality.pk]) if rng.random() < 0.85 else None
        place = area.name if area else municipality.name
        title = f"{rng.choice(TITLE_NOUNS)} {place}"
        owner = rng.choice(self.users)
        created = self.ago(10, 4 * 365)
        status, visibility, published_at = self.case_state(i, created)
        full = rng.random() < 0.5
        start = (created - timedelta(days=rng.randint(30, 900))).date()
        stage = rng.choice(["idea", "running", "running", "finished"])
        return Case(
            title=title,
            slug=slugs.make(title),
            summary=RARE_SENTENCE if i == len(FIRST_CASES) - 1 else text.short(480),
            story=text.html(3, 4),
            pride=text.html(1, 2),
            what_worked=text.html(1, 3),
            lessons=text.html(1, 3),
            occasion=text.html(1, 2) if full else "",
            goal=text.html(1, 2) if full else "",
            target_group=text.html(1, 1) if full else "",
            approach=text.html(1, 3) if full else "",
            preconditions=text.html(1, 2) if full else "",
            transferability=text.html(1, 2) if full else "",
            area_type=rng.choice(["city_district", "village", "rural_core", "region", ""]),
            scale=rng.choice(["street", "district", "municipality", "region", ""]),
            municipality=municipality,
            area=area,
            period_start=start,
            period_end=start + timedelta(days=rng.randint(90, 1200)) if stage == "finished" else None,
            stage=stage,
            organisation=rng.choice(self.organisations),
            perspective=self.user_perspective[owner.pk],
            owner=owner,
            contact_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            contact_email=f"contact{rng.randint(1, 99999)}@{GENERATED_EMAIL_DOMAIN}",
            contact_consent=rng.random() < 0.5,
            status=status,
            visibility=visibility,
            submitted_at=created + timedelta(hours=rng.randint(1, 48)) if status != "draft" else None,
            published_at=published_at,
            published_by=rng.choice(self.facilitators) if published_at else None,
            created_at=created,
            updated_at=published_at or created,
        )

    def case_state(self, i, created):
        """``(status, visibility, published_at)`` of the ``i``-th case."""
        rng = self.rng
        roll = rng.random()
        # Mostly published and public; some community-only, drafts, submitted, withdrawn.
        status = "published" if roll < 0.8 else "draft" if roll < 0.88 else "submitted" if roll < 0.95 else "withdrawn"
        visibility = "community" if rng.random() < 0.15 else "public"
        if i < len(FIRST_CASES):
            # Every state occurs, also in the smallest plan.
            status, visibility = FIRST_CASES[i]
        published_at = created + timedelta(days=rng.randint(1, 9)) if status == "published" else None
        return status, visibility, published_at

    def make_case_relations(self, cases):
        rng = self.rng
        theme_links, editors, evidence, partners, links, reflections = [], [], [], [], [], []
        for case in cases:
            for theme in rng.sample(self.themes, rng.randint(1, 3)):
                theme_links.append(CaseTheme(case_id=case.pk, theme_id=theme.pk))
            if rng.random() < 0.25:
                editor = rng.choice(self.users)
                if editor.pk != case.owner_id:
                    editors.append(CaseCoEditor(case_id=case.pk, user_id=editor.pk))
            evidence += self.case_evidence(case)
            for order in range(self.pick_count(self.plan.partners_per_case)):
                partners.append(self.case_partner(case, order))
            if rng.random() < 0.3:
                links.append(
                    CaseLink(
                        case_id=case.pk, url=f"https://example.org/casus/{case.slug}", title="Meer over deze casus"
                    )
                )
            if case.status == "published":
                for _ in range(self.pick_count(self.plan.reflections_per_case / 0.8)):
                    reflections.append(self.reflection(case))
        self.insert(Case.themes.through, theme_links, count_as="case themes", ids=False)
        self.insert(Case.co_editors.through, editors, count_as="co-editors", ids=False)
        self.insert(CaseFactor, evidence, ids=False)
        self.insert(CasePartner, partners, ids=False)
        self.insert(CaseLink, links, ids=False)
        self.insert(Reflection, reflections, ids=False)

    def case_evidence(self, case):
        """The accepted factors a case gives evidence for, each with an explanation."""
        n = min(len(self.accepted_factors), self.pick_count(self.plan.factors_per_case))
        return [
            CaseFactor(
                case_id=case.pk,
                factor_id=factor.pk,
                explanation=self.text.paragraph(2),
                order=order,
                created_at=case.created_at,
            )
            for order, factor in enumerate(self.rng.sample(self.accepted_factors, n))
        ]

    def case_partner(self, case, order):
        """A partner organisation of the case, or (three times in ten) a named working group."""
        rng, text = self.rng, self.text
        if rng.random() < 0.7:
            organisation = rng.choice(self.organisations)
            return CasePartner(
                case_id=case.pk,
                organisation_id=organisation.pk,
                kind=organisation.kind,
                role=text.short(240),
                order=order,
            )
        return CasePartner(
            case_id=case.pk,
            name=f"Werkgroep {rng.choice(OBJECTS)}"[:150],
            kind=rng.choice(PERSPECTIVES),
            role=text.short(240),
            order=order,
        )

    def reflection(self, case):
        """A member's reflection on a published case, after it was published."""
        rng, text = self.rng, self.text
        author = rng.choice(self.users)
        at = case.published_at + timedelta(days=rng.uniform(0, 200))
        hidden = rng.random() < 0.03
        return Reflection(
            case_id=case.pk,
            author_id=author.pk,
            perspective=self.user_perspective[author.pk],
            strikes=text.paragraph(2),
            learns=text.paragraph(2) if rng.random() < 0.8 else "",
            hidden=hidden,
            hidden_reason="Persoonlijke gegevens" if hidden else "",
            created_at=at,
            updated_at=at,
        )
