"""How the room's contributions and dots follow a factor that is merged or split (see ``factors.holders``)."""

from factors.holders import Holder, register
from meetings.models import Contribution, Vote


def merge_contributions(gone, into):
    return {"contributions_moved": Contribution.objects.filter(factor=gone).update(factor=into)}


def split_contributions(old, new, pks):
    return Contribution.objects.filter(factor=old, pk__in=pks).update(factor=new)


def merge_votes(gone, into):
    return {"votes_moved": Vote.objects.filter(factor=gone).update(factor=into)}


def register_holders():
    register(Holder("contributions", merge=merge_contributions, split=split_contributions))
    # A split never moves dots: they were given to the factor as it was.
    register(Holder("votes", merge=merge_votes))
