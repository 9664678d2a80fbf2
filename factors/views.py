"""The public "Wat werkt" pages: the board, a factor, and proposing a factor."""

from django.contrib import messages
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from cop.cache import cached_by_content
from cop.roles import is_facilitator, is_member
from factors.access import member_required
from factors.display import build_board, detail_context
from factors.forms import BoardFilterForm, FactorProposalForm, RelationForm, RetireForm
from factors.models import CurationLog, Factor, FactorSlugRedirect


def audience(user):
    """What a viewer's evidence depends on (``factors.evidence``): member or not."""
    return "member" if is_member(user) else "public"


class KeptBoard:
    """The board's counts, kept (small); the board itself is built only when its list is rendered.

    The list is a kept fragment (``{% kept "board" %}`` in factors/board.html), the same for
    every visitor and every member of an audience, so a page from kept parts needs no board.
    """

    def __init__(self, counts, build):
        self.working_count, self.obstacle_count, self.max_strength, self.is_empty = counts
        self._build, self._board = build, None

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if self._board is None:
            self._board = self._build()
        return getattr(self._board, name)


def kept_board(viewer, filters, vary):
    built = []

    def build():
        if not built:
            built.append(build_board(viewer, **filters))
        return built[0]

    def counts():
        board = build()
        return (board.working_count, board.obstacle_count, board.max_strength, board.is_empty)

    # Built once per change of the factors and their evidence (cop.cache.cached_by_content).
    return KeptBoard(cached_by_content("board:counts", counts, kinds=("factors", "site"), vary=vary), build)


def board(request):
    form = BoardFilterForm(request.GET or None)
    filters = form.filters()
    vary = (audience(request.user), sorted((name, getattr(value, "pk", value)) for name, value in filters.items()))
    context = {
        "form": form,
        "board_vary": vary,
        "board": kept_board(request.user, filters, vary),
        "filtered": any(filters.values()),
        "can_curate": is_facilitator(request.user),
    }
    if request.htmx:
        response = render(request, "factors/partials/_board.html", context)
    else:
        if is_member(request.user):
            context["my_proposals"] = Factor.objects.filter(
                proposed_by=request.user, status=Factor.Status.PROPOSED
            ).order_by("-created_at")
        response = render(request, "factors/board.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def detail(request, slug):
    factor = Factor.objects.for_detail(request.user).visible_to(request.user).filter(slug=slug).first()
    if factor is None or factor.status == Factor.Status.MERGED:
        moved = FactorSlugRedirect.objects.filter(old_slug=slug).select_related("factor").first()
        target = moved.factor if moved else getattr(factor, "merged_into", None)
        if target is None:
            raise Http404
        return HttpResponsePermanentRedirect(target.get_absolute_url())
    return render_detail(request, factor)


def render_detail(request, factor, *, relation_form=None, status=200):
    """The factor page; curation views re-render it with a bound form that has errors."""
    context = detail_context(factor)
    if is_facilitator(request.user):
        context.update(
            can_curate=True,
            relation_form=relation_form or RelationForm(factor=factor),
            retire_form=RetireForm(),
            log=CurationLog.objects.filter(factor=factor).select_related("by__profile", "other_factor")[:10],
        )
    return render(request, "factors/detail.html", context, status=status)


@member_required
def propose(request):
    form = FactorProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        factor = Factor.propose(by=request.user, themes=data.pop("themes"), **data)
        messages.success(request, _("Dank je! Je voorstel staat klaar voor een begeleider."))
        return redirect(factor)
    return render(request, "factors/propose.html", {"form": form})
