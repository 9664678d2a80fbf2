"""Create (or bring back) the demo Community of Practice: ``python manage.py seed_demo``.

Run by ``make run`` on every start, so it is idempotent: every demo row is found by
a natural key (slug, e-mail, name) and brought back to its demo state; live-round
contributions and votes are only made when their round has none. Rows that are not
part of the demo are left alone. The content itself lives in ``cop.demo_data``.

Demo accounts share one published password, so the command refuses to run with
DEBUG off unless ``--force`` is given: never seed a production database.
"""

import secrets
from datetime import date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from cases.models import Case, CaseFactor, CaseLink, CasePartner, Reflection
from cop import demo_data as data
from cop.models import Area, Municipality, Organisation, Profile, Term, TermVersion, Theme
from cop.roles import FACILITATORS_GROUP
from cop.search import update_search_vector
from factors.models import Cluster, Factor, FactorRelation
from meetings.models import Contribution, Meeting, Registration, Round, Series, Vote


class Command(BaseCommand):
    help = "Create or refresh the demo Community of Practice (idempotent; prints the demo log-ins)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even with DEBUG off. The demo accounts share a published password: never on production.",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with a shared, published password; it runs only with "
                "DJANGO_DEBUG=1. Use --force to seed anyway (never on a production database)."
            )
        with transaction.atomic():
            seeder = DemoSeeder()
            seeder.run()
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(seeder.summary()))
            self.stdout.write(login_table())


def login_table():
    lines = ["", f"Demo log-ins (password for every account: {data.DEMO_PASSWORD})"]
    width = max(len(spec["email"]) for spec in data.USERS)
    for spec in data.USERS:
        lines.append(f"  {spec['email']:<{width}}  {spec['role']}")
    lines.append("The password is set when an account is first created; a changed password is kept.")
    return "\n".join(lines) + "\n"


class DemoSeeder:
    """Writes ``cop.demo_data`` to the database, step by step, in dependency order."""

    def __init__(self, today=None):
        self.now = timezone.now()
        self.today = today or timezone.localdate()
        self.users, self.orgs, self.themes, self.areas = {}, {}, {}, {}
        self.municipalities, self.clusters, self.factors, self.cases = {}, {}, {}, {}
        self.meetings, self.series, self.term_versions = {}, {}, {}

    def run(self):
        self.seed_places_and_themes()
        self.seed_organisations()
        self.seed_users()
        self.seed_factors()
        self.seed_cases()
        self.seed_terms()
        self.seed_meetings()
        self.seed_live_rounds()
        self.refresh_search()

    def summary(self):
        return (
            f"Demo ready: {len(self.cases)} cases, {len(self.factors)} factors and obstacles, "
            f"{len(self.meetings)} meetings in {len(self.series)} series, {len(self.term_versions)} term versions, "
            f"{len(self.users)} accounts."
        )

    # --- helpers ----------------------------------------------------------------------

    def at(self, days, hour=10, minute=0):
        """A moment ``days`` from today at a local time: stable within a day, so reruns agree."""
        moment = datetime.combine(self.today + timedelta(days=days), time(hour, minute))
        return timezone.make_aware(moment)

    def user(self, key):
        return self.users[key] if key else None

    # --- community base -------------------------------------------------------------------

    def seed_places_and_themes(self):
        for name, areas in data.MUNICIPALITIES.items():
            municipality, _ = Municipality.objects.update_or_create(name=name, defaults={"province": "Gelderland"})
            self.municipalities[name] = municipality
            for area_name, kind in areas:
                area, _ = Area.objects.update_or_create(
                    municipality=municipality, name=area_name, defaults={"kind": kind}
                )
                self.areas[(name, area_name)] = area
        for order, (name, description) in enumerate(data.THEMES, start=1):
            theme, _ = Theme.objects.update_or_create(name=name, defaults={"description": description, "order": order})
            self.themes[name] = theme

    def seed_organisations(self):
        for spec in data.ORGANISATIONS:
            org, _ = Organisation.objects.update_or_create(
                name=spec["name"],
                defaults={
                    "kind": spec["kind"],
                    "municipality": self.municipalities.get(spec["municipality"]),
                    "website": spec["website"],
                    "description": spec["description"],
                },
            )
            self.orgs[spec["name"]] = org

    def seed_users(self):
        user_model = get_user_model()
        facilitators, _ = Group.objects.get_or_create(name=FACILITATORS_GROUP)
        password_hash = None
        for spec in data.USERS:
            user = user_model.objects.filter(email__iexact=spec["email"]).first()
            if user is None:
                # One hash for all new accounts: hashing is slow on purpose.
                password_hash = password_hash or make_password(data.DEMO_PASSWORD)
                user = user_model(email=spec["email"], password=password_hash)
            staff = spec.get("staff", False)
            user.is_staff = user.is_superuser = staff
            user.is_active = True
            user.save()
            EmailAddress.objects.update_or_create(
                user=user, email=spec["email"], defaults={"verified": True, "primary": True}
            )
            Profile.objects.update_or_create(
                user=user,
                defaults={
                    "display_name": spec["name"],
                    "organisation": self.orgs.get(spec["organisation"]),
                    "perspective": spec["perspective"],
                    "bio": spec["bio"],
                    "show_name_publicly": spec["public"],
                },
            )
            if spec.get("facilitator"):
                user.groups.add(facilitators)
            self.users[spec["key"]] = user

    # --- factors ------------------------------------------------------------------------

    def seed_factors(self):
        for order, (name, description) in enumerate(data.CLUSTERS, start=1):
            cluster, _ = Cluster.objects.update_or_create(
                name=name, defaults={"description": description, "order": order}
            )
            self.clusters[name] = cluster
        facilitator = self.users["ilse"]
        specs = [(spec, Factor.Kind.WORKING) for spec in data.WORKING_FACTORS]
        specs += [(spec, Factor.Kind.OBSTACLE) for spec in data.OBSTACLES]
        for order, (spec, kind) in enumerate(specs, start=1):
            accepted = spec.get("status", "accepted") == "accepted"
            factor, _ = Factor.objects.update_or_create(
                slug=spec["slug"],
                defaults={
                    "name": spec["name"],
                    "kind": kind,
                    "statement": spec["statement"],
                    "explanation": spec["explanation"],
                    "cluster": self.clusters[spec["cluster"]],
                    "status": Factor.Status.ACCEPTED if accepted else Factor.Status.PROPOSED,
                    "merged_into": None,
                    "proposed_by": self.user(spec.get("proposed_by", "ilse")),
                    "accepted_by": facilitator if accepted else None,
                    "accepted_at": self.at(-70 if order <= 12 else -28, 16) if accepted else None,
                    "order": order,
                },
            )
            factor.themes.set([self.themes[name] for name in spec["themes"]])
            self.factors[spec["slug"]] = factor
        for from_slug, kind, to_slug, note in data.FACTOR_RELATIONS:
            FactorRelation.objects.update_or_create(
                from_factor=self.factors[from_slug],
                to_factor=self.factors[to_slug],
                kind=kind,
                defaults={"note": note},
            )

    # --- cases ----------------------------------------------------------------------------

    def seed_cases(self):
        facilitator = self.users["ilse"]
        for spec in data.CASES:
            status, days = spec["status"], spec["days"]
            start, end = spec["period"]
            case, _ = Case.objects.update_or_create(
                slug=spec["slug"],
                defaults={
                    "title": spec["title"],
                    "summary": spec["summary"],
                    **{name: spec[name] for name in CASE_TEXT_FIELDS},
                    "area_type": spec["area_type"],
                    "scale": spec["scale"],
                    "municipality": self.municipalities[spec["municipality"]],
                    "area": self.areas.get((spec["municipality"], spec["area"])),
                    "period_start": date.fromisoformat(start) if start else None,
                    "period_end": date.fromisoformat(end) if end else None,
                    "stage": spec["stage"],
                    "organisation": self.orgs.get(spec["organisation"]),
                    "perspective": spec["perspective"],
                    "owner": self.users[spec["owner"]],
                    "status": status,
                    "visibility": spec["visibility"],
                    "review_message": "",
                    "submitted_at": self.at(days - 3, 9) if status != Case.Status.DRAFT else None,
                    "published_at": self.at(days, 11) if status == Case.Status.PUBLISHED else None,
                    "published_by": facilitator if status == Case.Status.PUBLISHED else None,
                },
            )
            case.themes.set([self.themes[name] for name in spec["themes"]])
            case.co_editors.set([self.users[key] for key in spec["co_editors"]])
            self.seed_case_details(case, spec)
            self.cases[spec["slug"]] = case

    def seed_case_details(self, case, spec):
        for order, (org_name, name, kind, role) in enumerate(spec["partners"]):
            org = self.orgs.get(org_name)
            CasePartner.objects.update_or_create(
                case=case,
                organisation=org,
                name=org.name if org else name,
                defaults={"kind": org.kind if org else kind, "role": role, "order": order},
            )
        for order, (url, title) in enumerate(spec["links"]):
            CaseLink.objects.update_or_create(case=case, url=url, defaults={"title": title, "order": order})
        for order, (slug, explanation) in enumerate(spec["factors"]):
            CaseFactor.objects.update_or_create(
                case=case, factor=self.factors[slug], defaults={"explanation": explanation, "order": order}
            )
        for key, strikes, learns in spec["reflections"]:
            author = self.users[key]
            Reflection.objects.update_or_create(
                case=case,
                author=author,
                defaults={
                    "perspective": author.profile.perspective,
                    "strikes": strikes,
                    "learns": learns,
                    "hidden": False,
                    "hidden_reason": "",
                },
            )

    # --- the shared language -------------------------------------------------------------

    def seed_terms(self):
        meeting_days = {spec["slug"]: spec["days"] for spec in data.MEETINGS}
        facilitator = self.users["ilse"]
        for spec in data.TERMS:
            term, _ = Term.objects.update_or_create(
                slug=spec["slug"],
                defaults={"name": spec["name"], "is_key": spec.get("is_key", False), "order": spec["order"]},
            )
            for number, version in enumerate(spec["versions"], start=1):
                accepted = version["status"] == TermVersion.Status.ACCEPTED
                days = meeting_days[version["meeting"]] if version.get("meeting") else version.get("days", -7)
                term_version, _ = TermVersion.objects.update_or_create(
                    term=term,
                    number=number,
                    defaults={
                        "definition": version["definition"],
                        "note": version["note"],
                        "status": version["status"],
                        "proposed_by": self.user(version.get("proposed_by", "ilse")),
                        "accepted_by": facilitator if accepted else None,
                        "accepted_at": self.at(days, 16, 30) if accepted else None,
                    },
                )
                self.term_versions[(spec["slug"], number)] = (term_version, version.get("meeting"))

    # --- series, meetings, registrations -----------------------------------------------------

    def seed_meetings(self):
        for spec in data.SERIES:
            series, _ = Series.objects.update_or_create(
                slug=spec["slug"],
                defaults={"title": spec["title"], "description": spec["description"], "order": spec["order"]},
            )
            series.organisers.set([self.orgs[name] for name in spec["organisers"]])
            self.series[spec["slug"]] = series
        for spec in data.MEETINGS:
            meeting = self.seed_meeting(spec)
            self.meetings[spec["slug"]] = meeting
        for term_version, meeting_slug in self.term_versions.values():
            if meeting_slug:
                self.meetings[meeting_slug].agreed_term_versions.add(term_version)

    def seed_meeting(self, spec):
        starts_at = self.at(spec["days"], *spec["time"])
        ends_at = starts_at + timedelta(hours=spec["hours"])
        published = spec["status"] == Meeting.Status.PUBLISHED
        meeting, _ = Meeting.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "series": self.series[spec["series"]],
                "title": spec["title"],
                "goal": spec["goal"],
                "starts_at": starts_at,
                "ends_at": ends_at,
                "location_name": spec["location_name"],
                "online_url": spec.get("online_url", ""),
                "agenda": spec["agenda"],
                "capacity": spec["capacity"],
                "status": spec["status"],
                "visibility": Meeting.Visibility.PUBLIC,
                "summary": spec["summary"],
                "open_questions": spec["open_questions"],
                "live_opened_at": starts_at if published else None,
                "closed_at": ends_at if published else None,
                "published_at": ends_at + timedelta(days=3) if published else None,
                "created_by": self.users["ilse"],
            },
        )
        meeting.facilitators.set([self.users[key] for key in spec["facilitators"]])
        meeting.presented_cases.set([self.cases[slug] for slug in spec["presented_cases"]])
        self.seed_registrations(meeting, spec, published)
        return meeting

    def seed_registrations(self, meeting, spec, past):
        rows = [(key, Registration.Status.REGISTERED) for key in spec.get("attendees", spec.get("registered", []))]
        rows += [(key, Registration.Status.CANCELLED) for key in spec.get("cancelled", [])]
        for key, status in rows:
            Registration.objects.update_or_create(
                meeting=meeting,
                user=self.users[key],
                defaults={"status": status, "attended_at": meeting.starts_at if past else None},
            )

    # --- live rounds of past meetings --------------------------------------------------------

    def seed_live_rounds(self):
        for meeting_slug, rounds in data.ROUNDS.items():
            meeting = self.meetings[meeting_slug]
            guests = {}  # "guest:N" → a random key, one per guest of this meeting
            made = {}
            for spec in rounds:
                round_ = self.seed_round(meeting, spec, made)
                made[spec["kind"], spec["mode"]] = round_
                if spec["mode"] == Round.Mode.VOTE:
                    self.seed_votes(round_, spec, guests)
                else:
                    self.seed_contributions(meeting, round_, spec, guests)

    def seed_round(self, meeting, spec, made):
        first, last = spec["minutes"]
        defaults = {
            "prompt": spec["prompt"],
            "kind": spec["kind"],
            "mode": spec["mode"],
            "guests_allowed": spec["guests_allowed"],
            "dots_per_person": spec.get("dots_per_person", 3),
            "status": Round.Status.CLOSED,
            "started_at": meeting.starts_at + timedelta(minutes=first),
            "ended_at": meeting.starts_at + timedelta(minutes=last),
        }
        if spec["mode"] == Round.Mode.VOTE and _has_field(Round, "source_round"):
            # Dots go on the clusters of the contribution round of the same kind.
            defaults["source_round"] = made.get((spec["kind"], Round.Mode.CONTRIBUTE))
        round_, _ = Round.objects.update_or_create(meeting=meeting, order=spec["order"], defaults=defaults)
        return round_

    def participant(self, by, guests):
        """``(author, guest_key)`` for a user key or "guest:N"."""
        if by.startswith("guest:"):
            return None, guests.setdefault(by, secrets.token_urlsafe(16))
        return self.users[by], ""

    def seed_contributions(self, meeting, round_, spec, guests):
        existing = list(round_.contributions.all())
        if existing:
            # Keep the guests of this meeting recognisable across rounds on a rerun.
            by_text = {c.text: c.guest_key for c in existing if c.guest_key}
            for text, _perspective, by, _factor in spec["contributions"]:
                if by.startswith("guest:") and text in by_text:
                    guests.setdefault(by, by_text[text])
            return
        rows = []
        for text, perspective, by, factor_slug in spec["contributions"]:
            author, guest_key = self.participant(by, guests)
            rows.append(
                Contribution(
                    round=round_,
                    meeting=meeting,
                    text=text,
                    kind=round_.kind,
                    perspective=perspective,
                    author=author,
                    guest_key=guest_key,
                    factor=self.factors[factor_slug] if factor_slug else None,
                )
            )
        created = Contribution.objects.bulk_create(rows)
        # Place them in the meeting, a minute apart, rather than at the moment of seeding.
        for minute, contribution in enumerate(created):
            Contribution.objects.filter(pk=contribution.pk).update(
                created_at=round_.started_at + timedelta(minutes=minute % 25, seconds=minute)
            )

    def seed_votes(self, round_, spec, guests):
        if round_.votes.exists():
            return
        rows = []
        for by, slugs in spec["votes"].items():
            if len(slugs) > round_.dots_per_person:
                raise CommandError(f"Demo data: {by} has more dots than the round allows.")
            voter, guest_key = self.participant(by, guests)
            rows += [Vote(round=round_, factor=self.factors[slug], voter=voter, guest_key=guest_key) for slug in slugs]
        Vote.objects.bulk_create(rows)

    # --- search -------------------------------------------------------------------------

    def refresh_search(self):
        """Fill the PostgreSQL search vectors of the demo rows (a no-op on SQLite)."""
        for model, rows in ((Case, self.cases), (Factor, self.factors), (Meeting, self.meetings)):
            if hasattr(model, "SEARCH_FIELDS") and _has_field(model, "search_vector"):
                update_search_vector(model, [row.pk for row in rows.values()])
        for term in Term.objects.filter(slug__in=[spec["slug"] for spec in data.TERMS]):
            if hasattr(term, "refresh_search_document"):
                term.refresh_search_document()
            elif hasattr(Term, "SEARCH_FIELDS") and _has_field(Term, "search_vector"):
                update_search_vector(Term, [term.pk])


CASE_TEXT_FIELDS = (
    "story",
    "pride",
    "what_worked",
    "lessons",
    "occasion",
    "goal",
    "target_group",
    "approach",
    "preconditions",
    "transferability",
)


def _has_field(model, name):
    return any(field.name == name for field in model._meta.get_fields())
