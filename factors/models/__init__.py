"""Factors: their queries (``queries``) and the factors, clusters, relations and curation log (``factor``)."""

from factors.models.factor import (
    DETAIL_LABELS,
    RESERVED_SLUGS,
    Cluster,
    CurationLog,
    Factor,
    FactorRelation,
    FactorSlugRedirect,
)
from factors.models.queries import FactorQuerySet

__all__ = [
    "DETAIL_LABELS",
    "RESERVED_SLUGS",
    "Cluster",
    "CurationLog",
    "Factor",
    "FactorQuerySet",
    "FactorRelation",
    "FactorSlugRedirect",
]
