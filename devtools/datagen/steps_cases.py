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
        rng, text = self.rng, self.text
        slugs = Slugs(200)
        objs = []
        for i in range(self.plan.cases):
            municipality = rng.choice(self.municipalities)
            area = rng.choice(self.areas_by_municipality[municipality.pk]) if rng.random() < 0.85 else None
            place = area.name if area else municipality.name
            title = f"{rng.choice(TITLE_NOUNS)} {place}"
            owner = rng.choice(self.users)
            created = self.ago(10, 4 * 365)
            roll = rng.random()
            # Mostly published and public; some community-only, drafts, submitted, withdrawn.
            status = (
                "published" if roll < 0.8 else "draft" if roll < 0.88 else "submitted" if roll < 0.95 else "withdrawn"
            )
            visibility = "community" if rng.random() < 0.15 else "public"
            if i < len(FIRST_CASES):
                # Every state occurs, also in the smallest plan.
                status, visibility = FIRST_CASES[i]
            published_at = created + timedelta(days=rng.randint(1, 9)) if status == "published" else None
            full = rng.random() < 0.5
            start = (created - timedelta(days=rng.randint(30, 900))).date()
            stage = rng.choice(["idea", "running", "running", "finished"])
            objs.append(
                Case(
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
            )
        cases = self.insert(Case, objs)
        self.cases = cases
        self.published_cases = [c for c in cases if c.status == "published"]
        self.make_case_relations(cases)

    def make_case_relations(self, cases):
        rng, text = self.rng, self.text
        theme_links, editors, evidence, partners, links, reflections = [], [], [], [], [], []
        for case in cases:
            for theme in rng.sample(self.themes, rng.randint(1, 3)):
                theme_links.append(CaseTheme(case_id=case.pk, theme_id=theme.pk))
            if rng.random() < 0.25:
                editor = rng.choice(self.users)
                if editor.pk != case.owner_id:
                    editors.append(CaseCoEditor(case_id=case.pk, user_id=editor.pk))
            n = min(len(self.accepted_factors), self.pick_count(self.plan.factors_per_case))
            for order, factor in enumerate(rng.sample(self.accepted_factors, n)):
                evidence.append(
                    CaseFactor(
                        case_id=case.pk,
                        factor_id=factor.pk,
                        explanation=text.paragraph(2),
                        order=order,
                        created_at=case.created_at,
                    )
                )
            for order in range(self.pick_count(self.plan.partners_per_case)):
                if rng.random() < 0.7:
                    organisation = rng.choice(self.organisations)
                    partners.append(
                        CasePartner(
                            case_id=case.pk,
                            organisation_id=organisation.pk,
                            kind=organisation.kind,
                            role=text.short(240),
                            order=order,
                        )
                    )
                else:
                    partners.append(
                        CasePartner(
                            case_id=case.pk,
                            name=f"Werkgroep {rng.choice(OBJECTS)}"[:150],
                            kind=rng.choice(PERSPECTIVES),
                            role=text.short(240),
                            order=order,
                        )
                    )
            if rng.random() < 0.3:
                links.append(
                    CaseLink(
                        case_id=case.pk, url=f"https://example.org/casus/{case.slug}", title="Meer over deze casus"
                    )
                )
            if case.status == "published":
                for _ in range(self.pick_count(self.plan.reflections_per_case / 0.8)):
                    author = rng.choice(self.users)
                    at = case.published_at + timedelta(days=rng.uniform(0, 200))
                    hidden = rng.random() < 0.03
                    reflections.append(
                        Reflection(
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
                    )
        self.insert(Case.themes.through, theme_links, count_as="case themes", ids=False)
        self.insert(Case.co_editors.through, editors, count_as="co-editors", ids=False)
        self.insert(CaseFactor, evidence, ids=False)
        self.insert(CasePartner, partners, ids=False)
        self.insert(CaseLink, links, ids=False)
        self.insert(Reflection, reflections, ids=False)
