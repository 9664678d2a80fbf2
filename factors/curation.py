"""Facilitators keep the set of factors clean: accept, edit, rename, merge, split, relate, retire.

Every step is a model method that writes a ``CurationLog`` entry.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cop.access import Refused
from factors.access import facilitator_required, get_factor_for_user
from factors.forms import ClusterForm, FactorEditForm, MergeForm, RelationForm, RenameForm, RetireForm, SplitForm
from factors.models import Cluster, CurationLog, Factor, FactorRelation
from factors.views import render_detail


def _back(request, default):
    """Return to the page the form was on (``next``), if it is on this site."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(default)


@facilitator_required
def console(request, cluster_form=None):
    clusters = Cluster.objects.annotate(
        factor_count=Count("factors", filter=Q(factors__status=Factor.Status.ACCEPTED))
    ).order_by("order", "name")
    context = {
        "proposals": Factor.objects.filter(status=Factor.Status.PROPOSED)
        .select_related("cluster", "proposed_by__profile")
        .order_by("created_at"),
        "clusters": clusters,
        "cluster_form": cluster_form or ClusterForm(),
        "log": CurationLog.objects.select_related("by__profile", "factor", "other_factor", "cluster")[:15],
        "counts": Factor.objects.aggregate(
            accepted=Count("pk", filter=Q(status=Factor.Status.ACCEPTED)),
            retired=Count("pk", filter=Q(status=Factor.Status.RETIRED)),
            merged=Count("pk", filter=Q(status=Factor.Status.MERGED)),
        ),
    }
    return render(request, "factors/console.html", context)


@facilitator_required
def log(request):
    entries = CurationLog.objects.select_related("by__profile", "factor", "other_factor", "cluster")
    page = Paginator(entries, 50).get_page(request.GET.get("pagina"))
    return render(request, "factors/log.html", {"page": page})


@require_POST
@facilitator_required
def accept(request, slug):
    factor = get_factor_for_user(request, slug)
    try:
        factor.accept(by=request.user)
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("‘%(name)s’ is aanvaard en staat nu op het bord.") % {"name": factor.name})
    return _back(request, factor)


@require_POST
@facilitator_required
def retire(request, slug):
    factor = get_factor_for_user(request, slug)
    form = RetireForm(request.POST)
    try:
        factor.retire(by=request.user, reason=form.cleaned_data["reason"] if form.is_valid() else "")
    except Refused as refused:
        messages.error(request, refused.message)
        return redirect(factor)
    messages.success(request, _("‘%(name)s’ is vervallen.") % {"name": factor.name})
    return redirect("factors:console")


@facilitator_required
def edit(request, slug):
    factor = get_factor_for_user(request, slug)
    form = FactorEditForm(request.POST or None, instance=factor)
    if request.method == "POST" and form.is_valid():
        form.save(by=request.user)
        messages.success(request, _("De wijzigingen zijn bewaard."))
        return redirect(factor)
    return render(request, "factors/edit.html", {"factor": factor, "form": form})


@facilitator_required
def rename(request, slug):
    factor = get_factor_for_user(request, slug)
    form = RenameForm(request.POST or None, initial={"name": factor.name})
    if request.method == "POST" and form.is_valid():
        factor.rename(form.cleaned_data["name"], by=request.user)
        messages.success(
            request, _("De factor heet nu ‘%(name)s’; het oude adres verwijst door.") % {"name": factor.name}
        )
        return redirect(factor)
    return render(request, "factors/rename.html", {"factor": factor, "form": form})


@facilitator_required
def merge(request, slug):
    factor = get_factor_for_user(request, slug)
    form = MergeForm(request.POST or None, factor=factor)
    if request.method == "POST" and form.is_valid():
        other = form.cleaned_data["other"]
        try:
            factor.merge(other, by=request.user)
        except Refused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("‘%(other)s’ is opgegaan in deze factor.") % {"other": other.name})
            return redirect(factor)
    return render(request, "factors/merge.html", {"factor": factor, "form": form})


@facilitator_required
def split(request, slug):
    factor = get_factor_for_user(request, slug)
    form = SplitForm(request.POST or None, factor=factor)
    if request.method == "POST" and form.is_valid():
        new = factor.split_off(
            name=form.cleaned_data["name"],
            statement=form.cleaned_data["statement"],
            case_links=form.cleaned_data["case_links"],
            contributions=form.cleaned_data["contributions"],
            by=request.user,
        )
        messages.success(request, _("‘%(name)s’ is afgesplitst.") % {"name": new.name})
        return redirect(new)
    return render(request, "factors/split.html", {"factor": factor, "form": form})


@require_POST
@facilitator_required
def relate(request, slug):
    factor = get_factor_for_user(request, slug)
    form = RelationForm(request.POST, factor=factor)
    if form.is_valid():
        try:
            form.save(by=request.user)
        except Refused as refused:
            form.add_error(None, refused.message)
    if form.errors:
        detailed = Factor.objects.for_detail(request.user).get(pk=factor.pk)
        return render_detail(request, detailed, relation_form=form, status=400)
    messages.success(request, _("De relatie is gelegd."))
    return redirect(factor)


@require_POST
@facilitator_required
def unrelate(request, slug, pk):
    factor = get_factor_for_user(request, slug)
    relation = get_object_or_404(FactorRelation.objects.filter(Q(from_factor=factor) | Q(to_factor=factor)), pk=pk)
    relation.remove(by=request.user)
    messages.success(request, _("De relatie is verwijderd."))
    return redirect(factor)


@require_POST
@facilitator_required
def cluster_create(request):
    form = ClusterForm(request.POST)
    if not form.is_valid():
        return console(request, cluster_form=form)
    cluster = form.save()
    CurationLog.record(
        CurationLog.Action.CLUSTER,
        by=request.user,
        cluster=cluster,
        summary=_("Cluster ‘%(name)s’ toegevoegd") % {"name": cluster.name},
    )
    messages.success(request, _("Cluster ‘%(name)s’ is toegevoegd.") % {"name": cluster.name})
    return redirect("factors:console")


@require_POST
@facilitator_required
def cluster_move(request, slug, direction):
    cluster = get_object_or_404(Cluster, slug=slug)
    cluster.move(-1 if direction == "up" else 1, by=request.user)
    return redirect("factors:console")
