"""The generator: ``Generator(plan, seed=…).run()`` fills the database step by step.

The steps are methods of the mixins in the ``steps_*`` modules; they share the
generator's random source, reference date and what earlier steps made (``self.users``,
``self.cases``, …), so they run in the order ``run()`` gives.
"""

import math
import random
import time
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from cop.models import Profile, User

from .plans import COUNT_NAMES
from .steps_cases import CaseSteps
from .steps_factors import FactorSteps
from .steps_glossary import GlossarySteps
from .steps_meetings import MeetingSteps
from .steps_people import PeopleSteps
from .steps_rounds import RoundSteps
from .storage import analyze, content_models, copy_insert, keep_given_timestamps, update_search_vectors


class Generator(PeopleSteps, FactorSteps, CaseSteps, GlossarySteps, MeetingSteps, RoundSteps):
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
