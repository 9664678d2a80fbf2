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
so this module sets what they would set: slugs, timestamps, the denormalised
``Contribution.meeting``. Rich text is sanitised by the field on insert as usual.
"""

import math
import random
import time
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from cases.models import Case, CaseFactor, CaseLink, CasePartner, Reflection
from cop.models import Area, Municipality, Organisation, Profile, Term, TermVersion, Theme, User
from cop.roles import FACILITATORS_GROUP
from factors.models import Cluster, Factor, FactorRelation
from meetings.models import (
    Contribution,
    Meeting,
    Registration,
    Round,
    Series,
    Vote,
)

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
    "keep_given_timestamps",
    "update_search_vectors",
]


class Generator:
    """Fills the database following ``plan``; ``run()`` returns the counts it made."""

    def __init__(self, plan, *, seed=1, now=None, batch_size=2000, log=None):
        self.plan = plan
        self.rng = random.Random(seed)
        now = now or timezone.now()
        # Midnight of the reference day: the same seed gives the same data all day.
        self.now = now.replace(hour=0, minute=0, second=0, microsecond=0)
        self.batch_size = batch_size
        self.log = log or (lambda message: None)
        self.counts = {}

    # -- helpers --------------------------------------------------------------------

    def insert(self, model, objs, *, count_as=None, ids=True):
        """Insert ``objs``; with ``ids=False`` (rows nothing refers to) PostgreSQL gets them by COPY."""
        if not ids and connection.vendor == "postgresql":
            copy_insert(model, objs)
        else:
            objs = model.objects.bulk_create(objs, batch_size=self.batch_size)
        key = count_as or COUNT_NAMES.get(model, model._meta.db_table)
        self.counts[key] = self.counts.get(key, 0) + len(objs)
        return objs

    def ago(self, days_min, days_max):
        """A moment between ``days_min`` and ``days_max`` days before the reference date."""
        seconds = self.rng.uniform(days_min * 86400, days_max * 86400)
        return self.now - timedelta(seconds=seconds)

    def spread(self, total, n, minimum=0):
        """``n`` integers around ``total / n`` that add up to ``total``."""
        if n <= 0:
            return []
        mean = total / n
        values = [max(minimum, round(self.rng.uniform(0.5, 1.5) * mean)) for _ in range(n)]
        diff = total - sum(values)
        i = 0
        while diff != 0 and n:
            j = i % n
            if diff > 0:
                values[j] += 1
                diff -= 1
            elif values[j] > minimum:
                values[j] -= 1
                diff += 1
            i += 1
            if i > 10 * n + abs(diff) * 10:
                break
        return values

    def pick_count(self, mean):
        """A small count with the given mean (0 … 2×mean)."""
        low = math.floor(mean * 2 * self.rng.random() + 0.5)
        return max(0, low)

    # -- the run --------------------------------------------------------------------

    def run(self):
        started = time.monotonic()
        with keep_given_timestamps(content_models() + [User, Profile]), transaction.atomic():
            for step in (
                self.make_places,
                self.make_organisations,
                self.make_themes_and_clusters,
                self.make_members,
                self.make_factors,
                self.make_cases,
                self.make_terms,
                self.make_series_and_meetings,
                self.make_live_meeting_content,
            ):
                step_started = time.monotonic()
                step()
                self.log(f"{step.__name__[5:]:<28} {time.monotonic() - step_started:6.1f} s")
            step_started = time.monotonic()
            updated = update_search_vectors()
            if updated:
                self.log(f"{'search vectors':<28} {time.monotonic() - step_started:6.1f} s ({', '.join(updated)})")
        step_started = time.monotonic()
        analyze()
        self.log(f"{'analyze':<28} {time.monotonic() - step_started:6.1f} s")
        self.elapsed = time.monotonic() - started
        return self.counts

    def make_places(self):
        rng = self.rng
        municipalities = self.insert(
            Municipality, [Municipality(name=name, slug=slugify(name)) for name in MUNICIPALITIES]
        )
        areas = []
        for municipality in municipalities:
            names = list(KNOWN_AREAS.get(municipality.name, []))
            seen = set(names)
            while len(names) < self.plan.areas_per_municipality:
                name = rng.choice(AREA_PREFIXES) + rng.choice(AREA_ROOTS)
                if name not in seen:
                    seen.add(name)
                    names.append(name)
            for name in names[: self.plan.areas_per_municipality]:
                kind = rng.choice(["wijk", "dorp", "kern", "wijk", "dorp", "buitengebied"])
                areas.append(Area(municipality=municipality, name=name, slug=slugify(name), kind=kind))
        self.municipalities = municipalities
        self.areas = self.insert(Area, areas)
        self.areas_by_municipality = {}
        for area in self.areas:
            self.areas_by_municipality.setdefault(area.municipality_id, []).append(area)
        self.text = Text(rng, [a.name for a in self.areas] + MUNICIPALITIES)

    def make_organisations(self):
        rng = self.rng
        names = {}
        for municipality in self.municipalities:
            names[f"Gemeente {municipality.name}"] = ("gemeente", municipality)
        for name, kind in FIXED_ORGANISATIONS:
            names[name] = (kind, None)
        places = [(a.name, a.municipality_id) for a in self.areas] + [(m.name, m.pk) for m in self.municipalities]
        target = len(names) + self.plan.organisations
        attempts = 0
        while len(names) < target and attempts < target * 20:
            attempts += 1
            kind, pattern = rng.choice(ORGANISATION_PATTERNS)
            place, municipality_id = rng.choice(places)
            name = pattern.format(place=place)
            if name in names:
                name = f"{name} {rng.choice(['Noord', 'Zuid', 'Oost', 'West', 'Centrum'])}"
            if name not in names:
                names[name] = (kind, municipality_id)
        slugs = Slugs(150)
        objs = []
        for name, (kind, municipality) in names.items():
            municipality_id = municipality.pk if hasattr(municipality, "pk") else municipality
            objs.append(
                Organisation(
                    name=name,
                    slug=slugs.make(name),
                    kind=kind,
                    municipality_id=municipality_id,
                    description=self.text.sentence(),
                )
            )
        self.organisations = self.insert(Organisation, objs)

    def make_themes_and_clusters(self):
        self.themes = self.insert(
            Theme,
            [
                Theme(name=name, slug=slugify(name), order=i, description=self.text.sentence())
                for i, name in enumerate(THEMES)
            ],
        )
        self.clusters = self.insert(
            Cluster,
            [
                Cluster(name=name, slug=slugify(name), order=i, description=self.text.sentence())
                for i, name in enumerate(CLUSTERS)
            ],
        )

    def make_members(self):
        rng = self.rng
        password = make_password(GENERATED_PASSWORD)
        n = self.plan.members
        users = []
        for i in range(n):
            users.append(
                User(
                    email=f"lid{i + 1:05d}@{GENERATED_EMAIL_DOMAIN}",
                    password=password,
                    is_active=True,
                    # The first member is staff; it signs in to the admin of a generated site.
                    is_staff=i == 0,
                    is_superuser=i == 0,
                    date_joined=self.ago(0, 4 * 365),
                )
            )
        self.users = self.insert(User, users)
        self.insert(
            EmailAddress,
            [EmailAddress(user_id=u.pk, email=u.email, verified=True, primary=True) for u in self.users],
            count_as="e-mail addresses",
            ids=False,
        )
        profiles = []
        self.user_perspective = {}
        for user in self.users:
            organisation = rng.choice(self.organisations) if rng.random() < 0.85 else None
            perspective = (
                "" if organisation and rng.random() < 0.8 else rng.choices(PERSPECTIVES, PERSPECTIVE_WEIGHTS)[0]
            )
            self.user_perspective[user.pk] = perspective or (organisation.kind if organisation else "overig")
            profiles.append(
                Profile(
                    user_id=user.pk,
                    display_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                    organisation=organisation,
                    perspective=perspective,
                    bio=self.text.sentence() if rng.random() < 0.4 else "",
                    show_name_publicly=rng.random() < 0.35,
                    created_at=user.date_joined,
                    updated_at=user.date_joined,
                )
            )
        self.insert(Profile, profiles, ids=False)
        # About one member in fifty facilitates (at least two).
        group, _created = Group.objects.get_or_create(name=FACILITATORS_GROUP)
        count = max(2, n // 50)
        self.facilitators = self.users[1 : count + 1]
        self.insert(
            User.groups.through,
            [UserGroup(user_id=u.pk, group_id=group.pk) for u in self.facilitators],
            count_as="facilitators",
        )

    def make_factors(self):
        rng = self.rng
        slugs = Slugs(160)
        objs = []
        names = set()
        for i in range(self.plan.factors):
            kind = "working" if rng.random() < 0.6 else "obstacle"
            base = rng.choice(FACTOR_WORKING if kind == "working" else FACTOR_OBSTACLES)
            name = f"{base} {rng.choice(FACTOR_QUALIFIERS)}".strip()
            if name in names:
                name = f"{name} ({i + 1})"
            names.add(name)
            roll = rng.random()
            status = "accepted" if roll < 0.85 or i == 0 else "proposed" if roll < 0.95 else "retired"
            created = self.ago(30, 4 * 365)
            objs.append(
                Factor(
                    name=name,
                    slug=slugs.make(name),
                    kind=kind,
                    statement=RARE_SENTENCE if i == 0 else self.text.short(300),
                    explanation=self.text.html(2, 3),
                    cluster=rng.choice(self.clusters) if rng.random() < 0.9 else None,
                    status=status,
                    proposed_by=rng.choice(self.users),
                    accepted_by=rng.choice(self.facilitators) if status == "accepted" else None,
                    accepted_at=created + timedelta(days=rng.randint(1, 30)) if status == "accepted" else None,
                    order=rng.randint(1, 200),
                    created_at=created,
                    updated_at=created,
                )
            )
        self.factors = self.insert(Factor, objs)
        self.accepted_factors = [f for f in self.factors if f.status == "accepted"]
        self.factors_by_kind = {
            kind: [f for f in self.accepted_factors if f.kind == kind] or self.accepted_factors
            for kind in ("working", "obstacle")
        }
        links = []
        for factor in self.factors:
            for theme in rng.sample(self.themes, rng.randint(1, 2)):
                links.append(FactorTheme(factor_id=factor.pk, theme_id=theme.pk))
        self.insert(Factor.themes.through, links, count_as="factor themes", ids=False)
        relations, seen = [], set()
        working, obstacles = self.factors_by_kind["working"], self.factors_by_kind["obstacle"]
        for _ in range(len(self.factors) // 2):
            if rng.random() < 0.6:
                a, b, kind = rng.choice(working), rng.choice(obstacles), "helps"
            else:
                a, b, kind = rng.choice(self.accepted_factors), rng.choice(self.accepted_factors), "similar"
            if a.pk != b.pk and (a.pk, b.pk, kind) not in seen:
                seen.add((a.pk, b.pk, kind))
                relations.append(FactorRelation(from_factor_id=a.pk, to_factor_id=b.pk, kind=kind))
        self.insert(FactorRelation, relations, ids=False)

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

    def make_series_and_meetings(self):
        rng, text = self.rng, self.text
        series_titles = ["CoP Gebiedsgericht werken Gelderland", "Krachtige Leerkring Lingewaard"]
        while len(series_titles) < self.plan.series:
            title = f"Krachtige Leerkring {rng.choice(MUNICIPALITIES)}"
            if title not in series_titles:
                series_titles.append(title)
            elif len(series_titles) >= len(MUNICIPALITIES):
                series_titles.append(f"Leerkring {len(series_titles) + 1}")
        slugs = Slugs(200)
        self.series = self.insert(
            Series,
            [
                Series(
                    title=title,
                    slug=slugs.make(title),
                    description=text.html(1, 2),
                    visibility="community" if i and rng.random() < 0.1 else "public",
                    order=i,
                    created_at=self.ago(4 * 365, 5 * 365),
                )
                for i, title in enumerate(series_titles[: self.plan.series])
            ],
        )
        meeting_slugs = Slugs(200)
        meetings = []
        n = self.plan.meetings
        upcoming = max(2, round(n * 0.15))
        for i in range(n):
            series = rng.choice(self.series) if rng.random() < 0.9 else None
            theme = rng.choice(OBJECTS)
            title = f"{series.title if series else 'Open bijeenkomst'}: {theme}"
            if i < upcoming:
                starts = self.now + timedelta(days=rng.randint(3, 200), hours=rng.choice([10, 14, 19]))
                status = "planned"
            else:
                starts = self.now - timedelta(days=rng.randint(7, 4 * 365)) + timedelta(hours=rng.choice([10, 14, 19]))
                status = "published" if rng.random() < 0.8 else "closed"
                if i in (upcoming, n - 1):  # at least one of each, also in the smallest plan
                    status = "published" if i == upcoming else "closed"
            visibility = "community" if rng.random() < 0.1 and i != upcoming else "public"
            past = status != "planned"
            closed = starts + timedelta(hours=3)
            meetings.append(
                Meeting(
                    series=series,
                    title=title[:200],
                    slug=meeting_slugs.make(f"{title[:150]} {starts:%Y-%m-%d}"),
                    # Half the meetings (and always the first past one) name the common word in their goal.
                    goal=(COMMON_GOAL if i == upcoming or rng.random() < 0.5 else "") + text.paragraph(2),
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=rng.choice([2, 3])),
                    location_name=f"Dorpshuis {rng.choice(self.areas).name}" if rng.random() < 0.8 else "",
                    address=f"Dorpsstraat {rng.randint(1, 120)}, {rng.choice(MUNICIPALITIES)}",
                    online_url="https://meet.example.org/cop" if rng.random() < 0.2 else "",
                    agenda=text.html(2, 2),
                    capacity=rng.choice([None, 30, 50, 80, 120]),
                    status=status,
                    visibility=visibility,
                    summary=(text.html(2, 3) + (f"<p>{RARE_SENTENCE}</p>" if i == upcoming else ""))
                    if status == "published"
                    else "",
                    open_questions=text.html(1, 2) if status == "published" else "",
                    live_opened_at=starts if past else None,
                    closed_at=closed if past else None,
                    published_at=closed + timedelta(days=rng.randint(1, 10)) if status == "published" else None,
                    created_by=rng.choice(self.facilitators),
                    created_at=starts - timedelta(days=rng.randint(20, 90)),
                    updated_at=starts + timedelta(days=10) if past else starts - timedelta(days=5),
                )
            )
        self.meetings = self.insert(Meeting, meetings)
        self.make_meeting_relations()
        self.make_rounds_and_contributions()

    def make_meeting_relations(self):
        rng = self.rng
        facilitator_links, case_links, term_links, registrations = [], [], [], []
        accepted_versions = [v for v in self.term_versions if v.status == "accepted"]
        self.attendees = {}
        per_meeting = min(self.plan.registrations_per_meeting, len(self.users))
        for meeting in self.meetings:
            for user in rng.sample(self.facilitators, min(2, len(self.facilitators))):
                facilitator_links.append(MeetingFacilitator(meeting_id=meeting.pk, user_id=user.pk))
            for case in rng.sample(self.published_cases, min(len(self.published_cases), rng.randint(1, 3))):
                case_links.append(MeetingCase(meeting_id=meeting.pk, case_id=case.pk))
            if meeting.status == "published" and accepted_versions and rng.random() < 0.1:
                term_links.append(
                    MeetingTermVersion(meeting_id=meeting.pk, termversion_id=rng.choice(accepted_versions).pk)
                )
            people = rng.sample(self.users, per_meeting)
            attendees = []
            for k, user in enumerate(people):
                registered = meeting.starts_at - timedelta(days=rng.randint(1, 30))
                waitlisted = meeting.capacity is not None and k >= meeting.capacity
                cancelled = not waitlisted and rng.random() < 0.05
                attended = meeting.status != "planned" and not waitlisted and not cancelled and rng.random() < 0.85
                if attended:
                    attendees.append(user)
                registrations.append(
                    Registration(
                        meeting_id=meeting.pk,
                        user_id=user.pk,
                        status="waitlisted" if waitlisted else "cancelled" if cancelled else "registered",
                        created_at=registered,
                        updated_at=registered,
                        attended_at=meeting.starts_at if attended else None,
                        checkin_token=f"{rng.getrandbits(96):024x}",
                    )
                )
            self.attendees[meeting.pk] = attendees or people[:1]
        self.insert(Meeting.facilitators.through, facilitator_links, count_as="meeting facilitators", ids=False)
        self.insert(Meeting.presented_cases.through, case_links, count_as="presented cases", ids=False)
        self.insert(Meeting.agreed_term_versions.through, term_links, count_as="agreed term versions", ids=False)
        self.insert(Registration, registrations, ids=False)

    def make_rounds_and_contributions(self):
        rng, text = self.rng, self.text
        past = [m for m in self.meetings if m.status != "planned"]
        rounds = []
        for meeting in self.meetings:
            prompts = rng.sample(PROMPTS, self.plan.rounds_per_meeting - 1)
            done = meeting.status != "planned"
            for order, (kind, prompt) in enumerate(prompts):
                rounds.append(
                    Round(
                        meeting_id=meeting.pk,
                        order=order,
                        prompt=prompt,
                        kind=kind,
                        mode="contribute",
                        case_id=rng.choice(self.published_cases).pk
                        if self.published_cases and rng.random() < 0.3
                        else None,
                        guests_allowed=rng.random() < 0.5,
                        status="closed" if done else "pending",
                        started_at=meeting.starts_at + timedelta(minutes=20 * order) if done else None,
                        ended_at=meeting.starts_at + timedelta(minutes=20 * order + 15) if done else None,
                    )
                )
            order = len(prompts)
            rounds.append(
                Round(
                    meeting_id=meeting.pk,
                    order=order,
                    prompt="Welke factoren wegen voor jou het zwaarst?",
                    kind="working",
                    mode="vote",
                    dots_per_person=3,
                    status="closed" if done else "pending",
                    started_at=meeting.starts_at + timedelta(minutes=20 * order) if done else None,
                    ended_at=meeting.starts_at + timedelta(minutes=20 * order + 10) if done else None,
                )
            )
        rounds = self.insert(Round, rounds)
        by_meeting = {}
        for r in rounds:
            by_meeting.setdefault(r.meeting_id, []).append(r)
        meetings_by_pk = {m.pk: m for m in self.meetings}

        # Contributions, in chunks so that 200,000 rows never sit in memory at once.
        per_meeting = self.spread(self.plan.contributions, len(past), minimum=1)
        clustered_by_meeting = {}
        chunk = []
        for meeting, count in zip(past, per_meeting, strict=True):
            contribute_rounds = [r for r in by_meeting[meeting.pk] if r.mode == "contribute"]
            attendees = self.attendees[meeting.pk]
            clustered = clustered_by_meeting.setdefault(meeting.pk, set())
            for _ in range(count):
                rnd = rng.choice(contribute_rounds)
                guest = rnd.guests_allowed and rng.random() < 0.3
                author = None if guest else rng.choice(attendees)
                factor = None
                if rng.random() < 0.8:
                    kind = "obstacle" if rnd.kind == "obstacle" else "working"
                    factor = rng.choice(self.factors_by_kind[kind])
                    clustered.add(factor.pk)
                at = rnd.started_at + timedelta(seconds=rng.uniform(0, 900))
                hidden = rng.random() < 0.02
                chunk.append(
                    Contribution(
                        round_id=rnd.pk,
                        meeting_id=meeting.pk,
                        text=text.short(300),
                        kind=rnd.kind,
                        perspective=self.user_perspective[author.pk] if author else rng.choice(PERSPECTIVES),
                        case_id=rnd.case_id,
                        author_id=author.pk if author else None,
                        guest_key="" if author else f"gast-{rng.getrandbits(64):016x}",
                        factor_id=factor.pk if factor else None,
                        hidden=hidden,
                        hidden_reason="Niet over het onderwerp" if hidden else "",
                        created_at=at,
                        updated_at=at,
                    )
                )
                if len(chunk) >= 10 * self.batch_size:
                    self.insert(Contribution, chunk, ids=False)
                    chunk = []
        if chunk:
            self.insert(Contribution, chunk, ids=False)

        # Votes: each attendee spends up to the round's dots on factors clustered in that meeting.
        votes = []
        per_meeting_votes = self.spread(self.plan.votes, len(past), minimum=0)
        for meeting, count in zip(past, per_meeting_votes, strict=True):
            vote_round = next(r for r in by_meeting[meeting.pk] if r.mode == "vote")
            options = sorted(clustered_by_meeting.get(meeting.pk) or {f.pk for f in self.accepted_factors[:5]})
            voters = self.attendees[meeting.pk]
            dots = {}
            for _ in range(count):
                voter = rng.choice(voters)
                if dots.get(voter.pk, 0) >= vote_round.dots_per_person:
                    voter = None
                at = vote_round.started_at + timedelta(seconds=rng.uniform(0, 600))
                votes.append(
                    Vote(
                        round_id=vote_round.pk,
                        factor_id=rng.choice(options),
                        voter_id=voter.pk if voter else None,
                        guest_key="" if voter else f"gast-{rng.getrandbits(64):016x}",
                        created_at=at,
                    )
                )
                if voter:
                    dots[voter.pk] = dots.get(voter.pk, 0) + 1
            if len(votes) >= 10 * self.batch_size:
                self.insert(Vote, votes, ids=False)
                votes = []
        if votes:
            self.insert(Vote, votes, ids=False)
        del meetings_by_pk

    def make_live_meeting_content(self):
        """Two meetings open in live mode, each with an active round that guests may join.

        The benchmark runs its 500-person scenario in one and measures single live
        endpoints in the other (rate limits count per meeting). They are opened and
        started through the meeting's own methods, so that the join codes and live
        versions are what the live mode expects.
        """
        for slug, title in (
            (LIVE_MEETING_SLUG, "Live: wat werkt in jouw wijk?"),
            (LIVE_PRACTICE_SLUG, "Live: oefenronde"),
        ):
            meeting = Meeting.objects.create(
                series=self.series[0],
                title=title,
                slug=slug,
                goal=self.text.paragraph(2),
                starts_at=self.now,
                ends_at=self.now + timedelta(hours=3),
                location_name="Dorpshuis De Linde",
                agenda=self.text.html(1, 2),
                visibility="public",
                created_by=self.facilitators[0],
                created_at=self.now - timedelta(days=30),
                updated_at=self.now,
            )
            meeting.facilitators.add(self.facilitators[0])
            round_ = Round.objects.create(
                meeting=meeting, order=0, prompt="Wat heeft gewerkt?", kind="working", guests_allowed=True
            )
            meeting.open_live()
            round_.start()
            for name in ("meetings", "rounds"):
                self.counts[name] += 1
