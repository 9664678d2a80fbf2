"""Steps of ``Generator`` for the factors: what worked and what stood in the way."""

from datetime import timedelta

from factors.models import Factor, FactorRelation

from .storage import FactorTheme
from .text import Slugs
from .vocabulary import FACTOR_OBSTACLES, FACTOR_QUALIFIERS, FACTOR_WORKING, RARE_SENTENCE


class FactorSteps:
    """The factors with their themes and the relations between them."""

    def make_factors(self):
        slugs = Slugs(160)
        names = set()
        self.factors = self.insert(Factor, [self.factor(i, names, slugs) for i in range(self.plan.factors)])
        self.accepted_factors = [f for f in self.factors if f.status == "accepted"]
        self.factors_by_kind = {
            kind: [f for f in self.accepted_factors if f.kind == kind] or self.accepted_factors
            for kind in ("working", "obstacle")
        }
        self.make_factor_themes()
        self.make_factor_relations()

    def factor(self, i, names, slugs):
        """The ``i``-th factor (not saved), with a name not in ``names`` (which it joins)."""
        rng = self.rng
        kind = "working" if rng.random() < 0.6 else "obstacle"
        base = rng.choice(FACTOR_WORKING if kind == "working" else FACTOR_OBSTACLES)
        name = f"{base} {rng.choice(FACTOR_QUALIFIERS)}".strip()
        if name in names:
            name = f"{name} ({i + 1})"
        names.add(name)
        roll = rng.random()
        status = "accepted" if roll < 0.85 or i == 0 else "proposed" if roll < 0.95 else "retired"
        created = self.ago(30, 4 * 365)
        return Factor(
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

    def make_factor_themes(self):
        rng = self.rng
        links = []
        for factor in self.factors:
            for theme in rng.sample(self.themes, rng.randint(1, 2)):
                links.append(FactorTheme(factor_id=factor.pk, theme_id=theme.pk))
        self.insert(Factor.themes.through, links, count_as="factor themes", ids=False)

    def make_factor_relations(self):
        """What helps against an obstacle, and similar factors; one relation per two factors at most."""
        rng = self.rng
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
