"""Changes to a published case go through a facilitator (issue 14).

An editor's save of a published case changes nothing public: the submitted form
(the case's fields, visibility included, and the rows of factors, partners,
links and photo descriptions) is kept as one open ``CasePendingChange``. A
facilitator approves it, which binds the same forms to the case again and saves
them in one transaction, or rejects it with a message. New or replaced photo
files cannot be kept aside, so they are refused in such an edit (the editor is
told so and nothing is saved).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.forms import CaseForm, case_formsets
from cases.models import Case, CasePendingChange
from cop.access import Refused
from cop.cache import bump_content_version
from cop.images import ProcessedImage
from cop.richtext import sanitize_html

FORMSET_PREFIXES = ("factors-", "partners-", "links-", "images-")


def needs_review(case):
    """Whether an editor's save of ``case`` waits for a facilitator: it is published, so public."""
    return case.pk is not None and case.status == Case.Status.PUBLISHED


def open_change(case):
    if case.pk is None:
        return None
    return case.pending_changes.open().select_related("author__profile").first()


def form_data(post):
    """The values of the case form and its formsets in ``post`` (a QueryDict), as JSON: name → list."""
    names = set(CaseForm.Meta.fields)
    return {key: post.getlist(key) for key in post if key in names or any(key.startswith(p) for p in FORMSET_PREFIXES)}


def bind(case, user, data):
    form = CaseForm(data, instance=case, user=user)
    formsets = case_formsets(user, data, None, instance=case)
    return form, formsets


def is_valid(form, formsets):
    return form.is_valid() and all(formset.is_valid() for formset in formsets.values())


def refuse_new_photos(images):
    """Add an error to each photo row that brings a new file; True when there were none."""
    clean = True
    for row in images.forms:
        if isinstance(row.cleaned_data.get("image"), ProcessedImage):
            row.add_error(
                "image",
                _(
                    "Een nieuwe foto kan niet mee in een wijziging die een begeleider nog moet bekijken. "
                    "Laat dit veld leeg; je kunt de foto toevoegen als de wijziging is goedgekeurd."
                ),
            )
            clean = False
    return clean


def _kept_rows(formset):
    deleted = set(map(id, formset.deleted_forms))
    return [row for row in formset.forms if id(row) not in deleted and (row.instance.pk or row.has_changed())]


def snapshot_of(case, form, formsets):
    """``case.snapshot()`` as it would be after saving the valid ``form`` and ``formsets`` (nothing is saved).

    The form has already put its values on ``case`` (a model form does so while
    validating); the inline rows come from the formsets instead of the database.
    """
    data = case.snapshot()
    data["themes"] = sorted(theme.name for theme in form.cleaned_data.get("themes") or [])
    data["factors"] = [
        f"{row.instance.factor.name}: {row.instance.explanation}" for row in _kept_rows(formsets["factors"])
    ]
    partners = [row.instance for row in _kept_rows(formsets["partners"])]
    data["partners"] = [f"{p.display_name} ({p.role})" if p.role else p.display_name for p in partners]
    data["links"] = [f"{row.instance.title} <{row.instance.url}>" for row in _kept_rows(formsets["links"])]
    data["images"] = [
        f"{row.instance.alt_text} [{row.instance.image.name.rsplit('/', 1)[-1]}]"
        for row in _kept_rows(formsets["images"])
    ]
    return data


@transaction.atomic
def propose(case, *, by, data, changes):
    """Keep ``data`` as the case's one open change (replacing an older one), with a revision that says so."""
    case.pending_changes.open().update(status=CasePendingChange.Status.REPLACED)
    change = case.pending_changes.create(author=by, data=data)
    case.revisions.create(author=by, action="propose_change", changes=changes)
    return change


def close_open_change(case):
    """An edit of a case that is not published saves at once: a change that waited is no longer needed."""
    case.pending_changes.open().update(status=CasePendingChange.Status.REPLACED)


def preview(change, user):
    """What approving ``change`` would do now, without saving: a dict with

    ``valid`` (the forms still accept the data), ``changes`` (``describe_changes`` of
    the case as published and as it would be) and ``texts`` (label, old html, new
    html) for each rich-text field it alters, sanitised by the form.
    """
    case = Case.objects.get(pk=change.case_id)
    published = {name: getattr(case, name) or "" for name in Case.RICH_TEXT_FIELDS}
    before = case.snapshot()
    form, formsets = bind(case, user, change.as_querydict())
    if not is_valid(form, formsets):
        return {"valid": False, "changes": {}, "texts": []}
    proposed = {name: sanitize_html(form.cleaned_data.get(name)) for name in Case.RICH_TEXT_FIELDS}
    texts = [
        (Case._meta.get_field(name).verbose_name, published[name], proposed[name])
        for name in Case.RICH_TEXT_FIELDS
        if sanitize_html(published[name]) != proposed[name]
    ]
    return {"valid": True, "changes": case.describe_changes(before, snapshot_of(case, form, formsets)), "texts": texts}


def _locked_open(change):
    change = (
        CasePendingChange.objects.select_for_update(of=("self",)).select_related("author__profile").get(pk=change.pk)
    )
    if not change.is_open:
        raise Refused(_("Over deze wijziging is al beslist."))
    return change


@transaction.atomic
def approve(change, *, by):
    """A facilitator publishes the change: the forms are bound to the case again and saved, all or nothing."""
    change = _locked_open(change)
    case = Case.objects.select_for_update().get(pk=change.case_id)
    if case.status != Case.Status.PUBLISHED:
        raise Refused(_("De casus is niet meer gepubliceerd. Wijs de wijziging af; de auteurs bewerken de casus zelf."))
    before = case.snapshot()
    form, formsets = bind(case, by, change.as_querydict())
    if not is_valid(form, formsets):
        raise Refused(
            _("Deze wijziging past niet meer bij de casus (iets is intussen veranderd). Wijs haar af met uitleg.")
        )
    case = form.save()
    for formset in formsets.values():
        formset.instance = case
        formset.save()
    case.refresh_search_document()  # themes, partners and factors may have changed
    author = change.author.get_full_name() if change.author else _("een verwijderd account")
    case.revisions.create(
        author=by,
        action="publish_change",
        message=_("Wijziging van %(name)s goedgekeurd.") % {"name": author},
        changes=case.describe_changes(before, case.snapshot()),
    )
    change.status = CasePendingChange.Status.APPROVED
    change.decided_by, change.decided_at = by, timezone.now()
    change.save(update_fields=["status", "decided_by", "decided_at"])
    bump_content_version("cases", "factors")  # the public pages, feeds and API show the new text
    return case


@transaction.atomic
def reject(change, *, by, message):
    """A facilitator closes the change with a message for the editors; the published case stays as it is."""
    message = (message or "").strip()
    if not message:
        raise Refused(_("Schrijf erbij waarom je de wijziging afwijst."))
    change = _locked_open(change)
    change.status = CasePendingChange.Status.REJECTED
    change.message = message
    change.decided_by, change.decided_at = by, timezone.now()
    change.save(update_fields=["status", "message", "decided_by", "decided_at"])
    change.case.revisions.create(author=by, action="reject_change", message=message)
    return change
