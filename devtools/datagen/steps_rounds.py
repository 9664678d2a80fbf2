"""Steps of ``Generator`` for the rounds of the meetings, their contributions and votes."""

from datetime import timedelta

from meetings.models import Contribution, Round, Vote

from .vocabulary import PERSPECTIVES, PROMPTS


class RoundSteps:
    """The rounds of every meeting with their contributions and votes."""

    def make_rounds_and_contributions(self):
        past = [m for m in self.meetings if m.status != "planned"]
        by_meeting = self.make_rounds()
        clustered_by_meeting = self.make_contributions(past, by_meeting)
        self.make_votes(past, by_meeting, clustered_by_meeting)

    def make_rounds(self):
        """Every meeting's rounds: contribution rounds on sampled prompts, then one vote round."""
        rounds = []
        for meeting in self.meetings:
            rounds += self.meeting_rounds(meeting)
        rounds = self.insert(Round, rounds)
        by_meeting = {}
        for r in rounds:
            by_meeting.setdefault(r.meeting_id, []).append(r)
        return by_meeting

    def meeting_rounds(self, meeting):
        rng = self.rng
        prompts = rng.sample(PROMPTS, self.plan.rounds_per_meeting - 1)
        done = meeting.status != "planned"
        rounds = []
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
        return rounds

    def make_contributions(self, past, by_meeting):
        """Contributions, in chunks so that 200,000 rows never sit in memory at once.

        Returns the factors each meeting clustered contributions under (what its vote offers).
        """
        per_meeting = self.spread(self.plan.contributions, len(past), minimum=1)
        clustered_by_meeting = {}
        chunk = []
        for meeting, count in zip(past, per_meeting, strict=True):
            contribute_rounds = [r for r in by_meeting[meeting.pk] if r.mode == "contribute"]
            attendees = self.attendees[meeting.pk]
            clustered = clustered_by_meeting.setdefault(meeting.pk, set())
            for _ in range(count):
                chunk.append(self.contribution(meeting, contribute_rounds, attendees, clustered))
                if len(chunk) >= 10 * self.batch_size:
                    self.insert(Contribution, chunk, ids=False)
                    chunk = []
        if chunk:
            self.insert(Contribution, chunk, ids=False)
        return clustered_by_meeting

    def contribution(self, meeting, contribute_rounds, attendees, clustered):
        """One contribution to a random round, by an attendee or a guest; adds its factor to ``clustered``."""
        rng = self.rng
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
        return Contribution(
            round_id=rnd.pk,
            meeting_id=meeting.pk,
            text=self.text.short(300),
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

    def make_votes(self, past, by_meeting, clustered_by_meeting):
        """Votes: each attendee spends up to the round's dots on factors clustered in that meeting."""
        votes = []
        per_meeting_votes = self.spread(self.plan.votes, len(past), minimum=0)
        for meeting, count in zip(past, per_meeting_votes, strict=True):
            vote_round = next(r for r in by_meeting[meeting.pk] if r.mode == "vote")
            options = sorted(clustered_by_meeting.get(meeting.pk) or {f.pk for f in self.accepted_factors[:5]})
            votes += self.meeting_votes(vote_round, options, self.attendees[meeting.pk], count)
            if len(votes) >= 10 * self.batch_size:
                self.insert(Vote, votes, ids=False)
                votes = []
        if votes:
            self.insert(Vote, votes, ids=False)

    def meeting_votes(self, vote_round, options, voters, count):
        """``count`` votes in one round; a voter out of dots is counted as a guest instead."""
        rng = self.rng
        votes, dots = [], {}
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
        return votes
