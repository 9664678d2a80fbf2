"""Steps of ``Generator`` for places, organisations, themes and clusters, and members.

``make_places`` also sets up ``self.text``, which every later step writes with.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils.text import slugify

from cop.models import Area, Municipality, Organisation, Profile, Theme, User
from cop.roles import FACILITATORS_GROUP
from factors.models import Cluster

from .plans import GENERATED_EMAIL_DOMAIN, GENERATED_PASSWORD
from .storage import UserGroup
from .text import Slugs, Text
from .vocabulary import (
    AREA_PREFIXES,
    AREA_ROOTS,
    CLUSTERS,
    FIRST_NAMES,
    FIXED_ORGANISATIONS,
    KNOWN_AREAS,
    LAST_NAMES,
    MUNICIPALITIES,
    ORGANISATION_PATTERNS,
    PERSPECTIVE_WEIGHTS,
    PERSPECTIVES,
    THEMES,
)


class PeopleSteps:
    """Places, organisations, themes and clusters, and the members with their profiles."""

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
        password = make_password(GENERATED_PASSWORD)
        users = []
        for i in range(self.plan.members):
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
        self.make_profiles()
        self.make_facilitators()

    def make_profiles(self):
        """A profile per member; ``self.user_perspective`` keeps the perspective their content takes."""
        rng = self.rng
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

    def make_facilitators(self):
        """About one member in fifty facilitates (at least two)."""
        group, _created = Group.objects.get_or_create(name=FACILITATORS_GROUP)
        count = max(2, self.plan.members // 50)
        self.facilitators = self.users[1 : count + 1]
        self.insert(
            User.groups.through,
            [UserGroup(user_id=u.pk, group_id=group.pk) for u in self.facilitators],
            count_as="facilitators",
        )
