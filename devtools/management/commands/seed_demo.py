"""Create (or bring back) the demo Community of Practice: ``python manage.py seed_demo``.

Run by ``make run`` on every start, so it is idempotent: every demo row is found by
a natural key (slug, e-mail, name) and brought back to its demo state; live-round
contributions and votes are only made when their round has none. Rows that are not
part of the demo are left alone. The content itself lives in ``devtools.demo_data`` (``devtools/demo/community.json``).

Demo accounts share one published password, so the command refuses to run with
DEBUG off unless ``--force`` is given: never seed a production database.
"""

import io
import random
import secrets
from datetime import date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from cases.models import Case, CaseFactor, CaseImage, CaseLink, CasePartner, Reflection
from cop.images import process_image
from cop.models import Area, Municipality, Organisation, Profile, Term, TermVersion, Theme
from cop.roles import FACILITATORS_GROUP
from cop.search import update_search_vector
from devtools import demo_data as data
from factors.models import Cluster, Factor, FactorRelation
from meetings.models import Contribution, HarvestImage, Meeting, Registration, Round, Series, Vote


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
    lines.append(
        "Facilitator and staff accounts set up two-factor authentication (an authenticator app) at their first "
        "log-in; for a quick local look, start with MFA_REQUIRED_FOR_FACILITATORS=0."
    )
    return "\n".join(lines) + "\n"


class DemoSeeder:
    """Writes ``devtools.demo_data`` (``devtools/demo/community.json``) to the database, step by step, in dependency order."""

    def __init__(self, today=None):
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
        self.seed_illustrations()
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

    def meeting_times(self, spec):
        """Start and end of a demo meeting: ``days`` from today, on the next ``weekday`` outside the holidays."""
        day = self.today + timedelta(days=spec["days"])
        day += timedelta(days=(spec["weekday"] - day.weekday()) % 7)
        while (day.month, day.day) >= (12, 20) or (day.month, day.day) <= (1, 4):
            day += timedelta(days=7)  # no meetings in the Christmas holidays
        starts_at = timezone.make_aware(datetime.combine(day, time(*spec["time"])))
        return starts_at, starts_at + timedelta(hours=spec["hours"])

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
        for order, (name, description, name_en) in enumerate(data.THEMES, start=1):
            theme, _ = Theme.objects.update_or_create(
                name=name, defaults={"description": description, "order": order, "name_en": name_en}
            )
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
        meeting_ends = {spec["slug"]: self.meeting_times(spec)[1] for spec in data.MEETINGS}
        facilitator = self.users["ilse"]
        for spec in data.TERMS:
            term, _ = Term.objects.update_or_create(
                slug=spec["slug"],
                defaults={"name": spec["name"], "is_key": spec.get("is_key", False), "order": spec["order"]},
            )
            for number, version in enumerate(spec["versions"], start=1):
                accepted = version["status"] == TermVersion.Status.ACCEPTED
                meeting_end = meeting_ends.get(version.get("meeting"))
                accepted_at = meeting_end or self.at(version.get("days", -7), 16, 30)
                term_version, _ = TermVersion.objects.update_or_create(
                    term=term,
                    number=number,
                    defaults={
                        "definition": version["definition"],
                        "note": version["note"],
                        "status": version["status"],
                        "proposed_by": self.user(version.get("proposed_by", "ilse")),
                        "accepted_by": facilitator if accepted else None,
                        "accepted_at": accepted_at if accepted else None,
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
        starts_at, ends_at = self.meeting_times(spec)
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
                "municipality": self.municipalities.get(spec.get("municipality")),
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
        else:
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
            existing = Contribution.objects.bulk_create(rows)
        # Place them in the round, about a minute apart, rather than at the moment of
        # seeding; again on every run, because the meeting moves along with today.
        for n, contribution in enumerate(sorted(existing, key=lambda c: c.pk)):
            moment = round_.started_at + timedelta(minutes=n % 25, seconds=n)
            Contribution.objects.filter(pk=contribution.pk).update(created_at=moment, updated_at=moment)

    def seed_votes(self, round_, spec, guests):
        if not round_.votes.exists():
            rows = []
            for by, slugs in spec["votes"].items():
                if len(slugs) > round_.dots_per_person:
                    raise CommandError(f"Demo data: {by} has more dots than the round allows.")
                voter, guest_key = self.participant(by, guests)
                rows += [
                    Vote(round=round_, factor=self.factors[slug], voter=voter, guest_key=guest_key) for slug in slugs
                ]
            Vote.objects.bulk_create(rows)
        round_.votes.update(created_at=round_.started_at + timedelta(minutes=5))

    # --- illustrations -----------------------------------------------------------------------

    def seed_illustrations(self):
        """Drawn pictures for a few cases and a harvest, made only where there are none yet."""
        for slug, (scene, alt_text, caption) in data.CASE_ILLUSTRATIONS.items():
            case = self.cases[slug]
            if not case.images.exists():
                image = CaseImage(case=case, alt_text=alt_text, caption=caption, credit="Demo-illustratie")
                store_processed(image, draw(scene, slug), thumb_side=480)
        for slug, (kind, scene, alt_text, caption) in data.HARVEST_ILLUSTRATIONS.items():
            meeting = self.meetings[slug]
            if not meeting.harvest_images.exists():
                image = HarvestImage(meeting=meeting, kind=kind, alt_text=alt_text, caption=caption)
                store_processed(image, draw(scene, slug), max_side=2400, thumb_side=640)

    # --- search -------------------------------------------------------------------------

    def refresh_search(self):
        """Fill the search documents of the demo rows (the vectors on PostgreSQL only)."""
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


# --- drawing ----------------------------------------------------------------------------------


def store_processed(instance, png, *, max_side=2000, thumb_side=None):
    """Save a drawn picture the way uploads are saved: through ``cop.images.process_image``."""
    processed = process_image(ContentFile(png, name="demo.png"), max_side=max_side, thumb_side=thumb_side)
    instance.image.save(processed.content.name, processed.content, save=False)
    if processed.thumbnail is not None:
        instance.thumbnail.save(processed.thumbnail.name, processed.thumbnail, save=False)
    instance.save()


def draw(scene, seed):
    """A simple, flat illustration as PNG bytes; the same ``seed`` gives the same picture."""
    rng = random.Random(seed)
    image = Image.new("RGB", (1200, 800), "#dcecf5" if scene != "wall" else "#f4f1ea")
    pen = ImageDraw.Draw(image)
    {"city": _draw_city, "village": _draw_village, "wall": _draw_wall}[scene](pen, rng)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _tree(pen, x, base, rng):
    size = rng.randint(40, 70)
    pen.rectangle([x - 6, base - size, x + 6, base], fill="#6b4f35")
    pen.ellipse([x - size, base - 2 * size - 30, x + size, base - size + 10], fill=rng.choice(["#4c8c4a", "#5fa052"]))


def _draw_city(pen, rng):
    pen.rectangle([0, 640, 1200, 800], fill="#9aa5ad")
    pen.rectangle([0, 620, 1200, 640], fill="#c9c3b8")
    x = 20
    while x < 1160:
        width, height = rng.randint(150, 230), rng.randint(260, 480)
        pen.rectangle([x, 620 - height, x + width, 620], fill=rng.choice(["#c96f4a", "#b9a48a", "#8b6f5a", "#d9c9a8"]))
        for wy in range(620 - height + 25, 600, 55):
            for wx in range(x + 20, x + width - 35, 45):
                lit = rng.random() < 0.3
                pen.rectangle([wx, wy, wx + 25, wy + 30], fill="#f6d77a" if lit else "#e8eef2")
        x += width + rng.randint(15, 40)
    for tx in range(90, 1200, 260):
        _tree(pen, tx + rng.randint(-30, 30), 700, rng)


def _draw_village(pen, rng):
    pen.rectangle([0, 520, 1200, 800], fill="#8cbf6a")
    pen.polygon([(0, 800), (520, 560), (680, 560), (1200, 800)], fill="#b7a58a")
    church = rng.randint(700, 950)
    pen.rectangle([church, 250, church + 70, 520], fill="#a86b4b")
    pen.polygon([(church - 10, 250), (church + 35, 130), (church + 80, 250)], fill="#5a4a42")
    x = 30
    while x < 1150:
        if church - 140 < x < church + 90:
            x = church + 100
            continue
        width, height = rng.randint(110, 160), rng.randint(80, 120)
        pen.rectangle([x, 520 - height, x + width, 520], fill=rng.choice(["#e9dcc3", "#c98d6b", "#d8c6a3"]))
        pen.polygon(
            [(x - 10, 520 - height), (x + width // 2, 520 - height - 70), (x + width + 10, 520 - height)],
            fill=rng.choice(["#a23b2a", "#7e3a2b", "#5b4b49"]),
        )
        pen.rectangle([x + width // 2 - 12, 480, x + width // 2 + 12, 520], fill="#5b4b49")
        x += width + rng.randint(30, 70)
    for _n in range(5):
        _tree(pen, rng.randint(40, 1160), rng.randint(600, 700), rng)


def _draw_wall(pen, rng):
    colours = ["#fbe38e", "#f7b2c4", "#a8dcf0", "#c5e6a6"]
    for column in range(5):
        left = 50 + column * 225
        pen.rectangle([left, 40, left + 200, 80], fill="#3b5b7a")
        for row in range(rng.randint(3, 5)):
            top = 110 + row * 115
            pen.rectangle([left + 10, top, left + 190, top + 100], fill=rng.choice(colours), outline="#d8d2c4")
            for line in range(3):
                y = top + 25 + line * 25
                pen.line([left + 25, y, left + rng.randint(110, 175), y], fill="#7a7468", width=4)
        for dot in range(rng.randint(0, 7)):
            cx, cy = left + 25 + (dot % 6) * 30, 760 - (dot // 6) * 30
            pen.ellipse([cx - 11, cy - 11, cx + 11, cy + 11], fill="#d0342c")
