"""How much to generate per scale (``PLANS``), how the counts are named, and fixed names."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress

from cases.models import Case, CaseFactor, CaseLink, CasePartner, Reflection
from cop.models import Area, Municipality, Organisation, Profile, Term, TermVersion, Theme, User
from factors.models import Cluster, Factor, FactorRelation
from meetings.models import Contribution, Meeting, Registration, Round, Series, Vote

from .vocabulary import CLUSTERS, MUNICIPALITIES, TERMS, THEMES

# How the counts are reported (the same names as ``Plan.planned_counts``).
COUNT_NAMES = {
    Municipality: "municipalities",
    Area: "areas",
    Organisation: "organisations",
    Theme: "themes",
    Cluster: "clusters",
    User: "members",
    Profile: "profiles",
    EmailAddress: "e-mail addresses",
    Factor: "factors",
    FactorRelation: "factor relations",
    Case: "cases",
    CaseFactor: "case factors (evidence)",
    CasePartner: "case partners",
    CaseLink: "case links",
    Reflection: "reflections",
    Term: "terms",
    TermVersion: "term versions",
    Series: "series",
    Meeting: "meetings",
    Registration: "registrations",
    Round: "rounds",
    Contribution: "contributions",
    Vote: "votes",
}

# Generated accounts are recognised by this e-mail domain (``.invalid`` never
# delivers mail); generate_data refuses to run twice on the same database.
GENERATED_EMAIL_DOMAIN = "gegenereerd.invalid"
# Every generated member signs in with this password (one hash, made once).
GENERATED_PASSWORD = "Gegenereerd-wachtwoord-2026"
# The meeting the benchmark runs its live scenario in (open, guests allowed).
LIVE_MEETING_SLUG = "live-wat-werkt-in-jouw-wijk"
# A second live meeting, for measuring the live endpoints one by one.
LIVE_PRACTICE_SLUG = "live-oefenronde"


@dataclass(frozen=True)
class Plan:
    """How much to make. Derived rows (evidence, votes, …) follow from the averages."""

    members: int
    organisations: int
    areas_per_municipality: int
    factors: int
    cases: int
    series: int
    meetings: int
    contributions: int
    votes: int
    factors_per_case: float = 4.0
    reflections_per_case: float = 2.0
    partners_per_case: float = 1.5
    registrations_per_meeting: int = 40
    rounds_per_meeting: int = 4

    def planned_counts(self):
        """What the run will make, approximately for the derived rows."""
        municipalities = len(MUNICIPALITIES)
        return {
            "members": self.members,
            "organisations": self.organisations + municipalities,
            "municipalities": municipalities,
            "areas": municipalities * self.areas_per_municipality,
            "themes": len(THEMES),
            "clusters": len(CLUSTERS),
            "factors": self.factors,
            "cases": self.cases,
            "case factors (evidence)": round(self.cases * self.factors_per_case),
            "reflections": round(self.cases * self.reflections_per_case),
            "case partners": round(self.cases * self.partners_per_case),
            "series": self.series,
            "meetings": self.meetings,
            "rounds": self.meetings * self.rounds_per_meeting,
            "contributions": self.contributions,
            "votes": self.votes,
            "registrations": self.meetings * min(self.registrations_per_meeting, self.members),
            "terms": len(TERMS),
        }


PLANS = {
    # XS is for the test suite only (hidden from --help).
    "XS": Plan(
        members=16,
        organisations=6,
        areas_per_municipality=1,
        factors=10,
        cases=10,
        series=2,
        meetings=5,
        contributions=80,
        votes=30,
        registrations_per_meeting=6,
        rounds_per_meeting=3,
    ),
    "S": Plan(
        members=150,
        organisations=30,
        areas_per_municipality=2,
        factors=40,
        cases=200,
        series=3,
        meetings=20,
        contributions=2_000,
        votes=1_000,
        registrations_per_meeting=25,
    ),
    "M": Plan(
        members=1_000,
        organisations=120,
        areas_per_municipality=4,
        factors=200,
        cases=2_000,
        series=8,
        meetings=100,
        contributions=20_000,
        votes=10_000,
    ),
    "L": Plan(
        members=10_000,
        organisations=600,
        areas_per_municipality=8,
        factors=2_000,
        cases=20_000,
        series=20,
        meetings=1_000,
        contributions=200_000,
        votes=100_000,
    ),
}

# The first cases of every plan, so that each state occurs: (status, visibility).
FIRST_CASES = [
    ("draft", "public"),
    ("submitted", "public"),
    ("published", "community"),
    ("withdrawn", "public"),
    ("published", "public"),  # with the rare word (RARE_SENTENCE)
]
