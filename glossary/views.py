"""The shared language: the glossary, the history of each term, and its curation by facilitators."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cop.access import facilitator_required
from cop.models import Term, TermVersion
from cop.roles import is_facilitator
from glossary.forms import AcceptVersionForm, CompareForm, TermForm, VersionForm, compare


def get_term_for_user(request, slug):
    """The term with the versions ``request.user`` may read; 404 when the term is not visible."""
    return get_object_or_404(Term.objects.visible_to(request.user).with_versions(request.user), slug=slug)


def glossary(request):
    terms = list(Term.objects.visible_to(request.user).with_versions(request.user))
    context = {
        "key_terms": [term for term in terms if term.is_key and term.current_version],
        "terms": sorted((t for t in terms if not (t.is_key and t.current_version)), key=lambda t: t.name.lower()),
        "can_curate": is_facilitator(request.user),
    }
    if context["can_curate"]:
        context["proposals"] = [(term, version) for term in terms for version in term.proposed_versions]
    return render(request, "glossary/glossary.html", context)


def term_detail(request, slug):
    term = get_term_for_user(request, slug)
    accepted = term.accepted_versions
    context = {
        "term": term,
        "current": term.current_version,
        # Newest first, each with the version before it (to compare).
        "history": list(reversed(list(zip(accepted, [None, *accepted], strict=False)))),
        "can_curate": is_facilitator(request.user),
    }
    if context["can_curate"]:
        context["proposals"] = term.proposed_versions
        context["rejected"] = [v for v in term.versions.all() if v.status == TermVersion.Status.REJECTED]
        context["accept_form"] = AcceptVersionForm()
    return render(request, "glossary/term_detail.html", context)


def term_compare(request, slug):
    term = get_term_for_user(request, slug)
    versions = list(term.versions.all())
    if len(versions) < 2:
        return redirect(term)
    by_number = {version.number: version for version in versions}
    data = request.GET if {"van", "naar"} <= set(request.GET) else None
    form = CompareForm(data, versions=versions, initial={"van": versions[-2].number, "naar": versions[-1].number})
    old, new = versions[-2], versions[-1]
    if data is not None and form.is_valid():
        old, new = by_number[form.cleaned_data["van"]], by_number[form.cleaned_data["naar"]]
    context = {"term": term, "form": form, "old": old, "new": new, "comparison": compare(old, new)}
    return render(request, "glossary/term_compare.html", context)


@facilitator_required
def term_create(request):
    form = TermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        term = form.save(by=request.user)
        messages.success(request, _("Het begrip is aangemaakt; stel de omschrijving vast om het te publiceren."))
        return redirect(term)
    return render(request, "glossary/term_form.html", {"form": form})


@facilitator_required
def version_propose(request, slug):
    term = get_term_for_user(request, slug)
    current = term.current_version
    form = VersionForm(request.POST or None, initial={"definition": current.definition if current else ""})
    if request.method == "POST" and form.is_valid():
        term.propose_version(form.cleaned_data["definition"], note=form.cleaned_data["note"], by=request.user)
        messages.success(request, _("De nieuwe versie is voorgesteld."))
        return redirect(term)
    return render(request, "glossary/term_version_form.html", {"term": term, "form": form})


def _proposed_version(request, slug, number):
    term = get_term_for_user(request, slug)
    return get_object_or_404(TermVersion.objects.filter(term=term, status=TermVersion.Status.PROPOSED), number=number)


@require_POST
@facilitator_required
def version_accept(request, slug, number):
    version = _proposed_version(request, slug, number)
    form = AcceptVersionForm(request.POST)
    meeting = form.cleaned_data["meeting"] if form.is_valid() else None
    version.accept(by=request.user, meeting=meeting)
    messages.success(request, _("Versie %(n)s is vastgesteld en is nu de omschrijving.") % {"n": version.number})
    return redirect(version.term)


@require_POST
@facilitator_required
def version_reject(request, slug, number):
    version = _proposed_version(request, slug, number)
    version.reject(by=request.user)
    messages.success(request, _("Versie %(n)s is niet overgenomen.") % {"n": version.number})
    return redirect(version.term)
