"""Visual portal pages that combine the apps: the factor map, the perspective matrix, SVG downloads."""

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

import visuals
from cop.cache import cached_by_content
from cop.forms import slug_filter
from cop.models import Theme
from factors.models import Factor
from portal import queries


class VisualFilterForm(forms.Form):
    """Narrow a visual down to one theme (and, for the matrix, one kind of factor)."""

    thema = slug_filter(_("Thema"), Theme.objects.all(), _("Alle thema's"))
    soort = forms.ChoiceField(
        label=_("Soort"), choices=[("", _("Factoren en belemmeringen")), *Factor.Kind.choices], required=False
    )

    def __init__(self, *args, with_kind=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_kind:
            del self.fields["soort"]

    def filters(self):
        """``{"theme": slug or None, "kind": kind or None}``; an invalid choice counts as no filter."""
        data = self.cleaned_data if self.is_valid() else {}
        theme = data.get("thema")
        return {"theme": theme.slug if theme else None, "kind": data.get("soort") or None}


def factor_map(request):
    form = VisualFilterForm(request.GET or None)
    theme = form.filters()["theme"] if request.GET else None
    chart = cached_by_content(
        "factor-map",
        lambda: queries.factor_map_chart(theme=theme),
        kinds=("factors", "cases", "site"),
        vary=getattr(theme, "pk", None),
    )
    return render(request, "portal/factor_map.html", {"chart": chart, "form": form, "theme": theme})


def perspective_matrix(request):
    form = VisualFilterForm(request.GET or None, with_kind=True)
    filters = form.filters() if request.GET else {"theme": None, "kind": None}
    chart = cached_by_content(
        "perspective-matrix",
        lambda: queries.perspective_matrix_chart(**filters),
        kinds=("factors", "site"),
        vary=sorted((name, getattr(value, "pk", value)) for name, value in filters.items()),
    )
    return render(request, "portal/perspective_matrix.html", {"chart": chart, "form": form, **filters})


# The visuals that can be downloaded as a standalone SVG file (for slides, reports, other sites).
SVG_DOWNLOADS = {
    "wat-werkt": queries.board_chart,
    "factorkaart": queries.factor_map_chart,
    "perspectieven": queries.perspective_matrix_chart,
    "onderbouwing-in-de-tijd": queries.evidence_over_time_chart,
}


def visual_svg(request, name):
    build = SVG_DOWNLOADS.get(name)
    if build is None:
        raise Http404
    svg = visuals.render_svg(build(), standalone=True)
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.svg"'
    return response
