"""Steps of ``Generator`` for series and meetings, and the two meetings open in live mode."""

from datetime import timedelta

from meetings.models import Meeting, Registration, Round, Series

from .plans import LIVE_MEETING_SLUG, LIVE_PRACTICE_SLUG
from .storage import MeetingCase, MeetingFacilitator, MeetingTermVersion
from .text import Slugs
from .vocabulary import COMMON_GOAL, MUNICIPALITIES, OBJECTS, RARE_SENTENCE


def open_live_room(*, series, facilitator, title, slug, starts_at, **fields):
    """A public meeting open in live mode with one active round that guests may join.

    Opened and started through the meeting's own methods, so that the join code and the
    live versions are what the live mode expects. The generator makes two; the benchmark
    opens a new one for each live scenario (bench/measure.py).
    """
    meeting = Meeting.objects.create(
        series=series,
        title=title,
        slug=slug,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=3),
        location_name="Dorpshuis De Linde",
        visibility="public",
        created_by=facilitator,
        **fields,
    )
    meeting.facilitators.add(facilitator)
    round_ = Round.objects.create(
        meeting=meeting, order=0, prompt="Wat heeft gewerkt?", kind="working", guests_allowed=True
    )
    meeting.open_live()
    round_.start()
    return meeting


class MeetingSteps:
    """Series, meetings with their facilitators, presented cases and registrations, and the live meetings."""

    def make_series_and_meetings(self):
        self.make_series()
        slugs = Slugs(200)
        n = self.plan.meetings
        upcoming = max(2, round(n * 0.15))
        self.meetings = self.insert(Meeting, [self.meeting(i, n, upcoming, slugs) for i in range(n)])
        self.make_meeting_relations()
        self.make_rounds_and_contributions()

    def make_series(self):
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

    def meeting(self, i, n, upcoming, slugs):
        """The ``i``-th of ``n`` meetings (not saved); the first ``upcoming`` ones lie ahead."""
        rng, text = self.rng, self.text
        series = rng.choice(self.series) if rng.random() < 0.9 else None
        theme = rng.choice(OBJECTS)
        title = f"{series.title if series else 'Open bijeenkomst'}: {theme}"
        starts, status = self.meeting_start(i, n, upcoming)
        visibility = "community" if rng.random() < 0.1 and i != upcoming else "public"
        past = status != "planned"
        closed = starts + timedelta(hours=3)
        return Meeting(
            series=series,
            title=title[:200],
            slug=slugs.make(f"{title[:150]} {starts:%Y-%m-%d}"),
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

    def meeting_start(self, i, n, upcoming):
        """``(starts_at, status)`` of the ``i``-th meeting: planned ahead, or past and published or closed."""
        rng = self.rng
        if i < upcoming:
            return self.now + timedelta(days=rng.randint(3, 200), hours=rng.choice([10, 14, 19])), "planned"
        starts = self.now - timedelta(days=rng.randint(7, 4 * 365)) + timedelta(hours=rng.choice([10, 14, 19]))
        status = "published" if rng.random() < 0.8 else "closed"
        if i in (upcoming, n - 1):  # at least one of each, also in the smallest plan
            status = "published" if i == upcoming else "closed"
        return starts, status

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
                registration = self.registration(meeting, user, k)
                if registration.attended_at is not None:
                    attendees.append(user)
                registrations.append(registration)
            self.attendees[meeting.pk] = attendees or people[:1]
        self.insert(Meeting.facilitators.through, facilitator_links, count_as="meeting facilitators", ids=False)
        self.insert(Meeting.presented_cases.through, case_links, count_as="presented cases", ids=False)
        self.insert(Meeting.agreed_term_versions.through, term_links, count_as="agreed term versions", ids=False)
        self.insert(Registration, registrations, ids=False)

    def registration(self, meeting, user, k):
        """The ``k``-th registration for a meeting: beyond the capacity on the waiting list."""
        rng = self.rng
        registered = meeting.starts_at - timedelta(days=rng.randint(1, 30))
        waitlisted = meeting.capacity is not None and k >= meeting.capacity
        cancelled = not waitlisted and rng.random() < 0.05
        attended = meeting.status != "planned" and not waitlisted and not cancelled and rng.random() < 0.85
        return Registration(
            meeting_id=meeting.pk,
            user_id=user.pk,
            status="waitlisted" if waitlisted else "cancelled" if cancelled else "registered",
            created_at=registered,
            updated_at=registered,
            attended_at=meeting.starts_at if attended else None,
            checkin_token=f"{rng.getrandbits(96):024x}",
        )

    def make_live_meeting_content(self):
        """Two meetings open in live mode, each with an active round that guests may join.

        The benchmark measures single live endpoints in one and opens its scenario rooms
        after the other (rate limits count per meeting).
        """
        for slug, title in (
            (LIVE_MEETING_SLUG, "Live: wat werkt in jouw wijk?"),
            (LIVE_PRACTICE_SLUG, "Live: oefenronde"),
        ):
            open_live_room(
                series=self.series[0],
                facilitator=self.facilitators[0],
                title=title,
                slug=slug,
                starts_at=self.now,
                goal=self.text.paragraph(2),
                agenda=self.text.html(1, 2),
                created_at=self.now - timedelta(days=30),
                updated_at=self.now,
            )
            for name in ("meetings", "rounds"):
                self.counts[name] += 1
