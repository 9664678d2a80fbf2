"""How a case's factor links follow a factor that is merged or split (see ``factors.holders``)."""

from cases.models import CaseFactor
from factors.holders import Holder, register


def merge_links(gone, into):
    """Move ``gone``'s case links to ``into``; a case that names both keeps one link, with both explanations."""
    kept = {link.case_id: link for link in CaseFactor.objects.filter(factor=into)}
    joined = 0
    for link in CaseFactor.objects.filter(factor=gone, case_id__in=list(kept)):
        target = kept[link.case_id]
        parts = [text for text in (target.explanation.strip(), link.explanation.strip()) if text]
        explanation = "\n\n".join(dict.fromkeys(parts))
        if explanation != target.explanation:
            target.explanation = explanation
            target.save(update_fields=["explanation"])
        link.delete()
        joined += 1
    moved = CaseFactor.objects.filter(factor=gone).update(factor=into)
    return {"case_links_moved": moved, "case_links_joined": joined}


def split_links(old, new, pks):
    return CaseFactor.objects.filter(factor=old, pk__in=pks).update(factor=new)


def register_holders():
    register(Holder("case_links", merge=merge_links, split=split_links))
