"""The case library's filters: each optional, all combinable, with faceted counts of cases."""

from collections import Counter

from django import forms
from django.db.models import Count, IntegerField, Q, Value
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cases.models import Case, CasePartner
from cop.cache import cached_by_content
from cop.models import Municipality, Perspective, Theme
from cop.search import search
from cop.widgets import DutchOptionsSelect, DutchQuickSelect
from factors.models import Factor


def _counted(rows, selected=""):
    """(value, "name (n)") for the rows with cases, and the selected one even without (an old link keeps working)."""
    return [
        (value, name if count is None else f"{name} ({count})")
        for value, name, count in rows
        if count or count is None or (selected and value == selected)
    ]


def organisation_kind_counts(cases):
    """{kind: number of ``cases`` whose organisation or a partner (or its organisation) is of that kind}.

    The kinds of ``filter_library(organisation_kind=…)``, counted from (case, kind) pairs
    in three plain queries: one EXISTS per kind and case took 200-350 ms at scale L.
    """
    ids = cases.order_by().values("pk")
    kinds = Perspective.values
    pairs = set(cases.order_by().filter(organisation__kind__in=kinds).values_list("pk", "organisation__kind"))
    partners = CasePartner.objects.filter(case_id__in=ids).order_by()
    pairs.update(partners.filter(kind__in=kinds).values_list("case_id", "kind"))
    pairs.update(partners.filter(organisation__kind__in=kinds).values_list("case_id", "organisation__kind"))
    return Counter(kind for _case, kind in pairs)


def library_filter_choices(member, counted=True):
    """What the library's filters offer to a visitor (``member`` False) or a member, with counts.

    (themes, municipalities, perspectives, organisation kinds) as (value, name, number of
    listed cases) and {kind: factors} as (slug, name); kept per content version and kind of viewer.
    ``counted=False``: every option with ``None`` for its number, without counting (when filters
    are chosen the numbers come from ``library_facet_counts``, over far fewer cases).
    """
    published = Q(cases__status=Case.Status.PUBLISHED)
    if not member:
        published &= Q(cases__visibility=Case.Visibility.PUBLIC)
    themes, municipalities = Theme.objects.all(), Municipality.objects.all()
    if counted:
        themes, municipalities = (qs.annotate(n=Count("cases", filter=published)) for qs in (themes, municipalities))
    else:
        themes, municipalities = (qs.annotate(n=Value(None, IntegerField())) for qs in (themes, municipalities))
    themes = [
        (slug, (name_en if name_en and get_language().startswith("en") else name), n)
        for slug, name, name_en, n in themes.order_by("order", "name").values_list("slug", "name", "name_en", "n")
    ]
    municipalities = list(municipalities.order_by("name").values_list("slug", "name", "n"))
    listed = Case.objects.published() if member else Case.objects.public()
    told_from, involved = {}, {}
    if counted:
        told_from = dict(
            listed.order_by().values("perspective").annotate(n=Count("pk")).values_list("perspective", "n")
        )
        involved = organisation_kind_counts(listed)
    perspectives = [
        (value, label, told_from.get(value, 0) if counted else None) for value, label in Perspective.choices
    ]
    kinds = [(value, label, involved.get(value, 0) if counted else None) for value, label in Perspective.choices]
    groups = {Factor.Kind.WORKING: [], Factor.Kind.OBSTACLE: []}
    for slug, name, kind in (
        Factor.objects.public().order_by("kind", "order", "name").values_list("slug", "name", "kind")
    ):
        groups.setdefault(kind, []).append((slug, name))
    return themes, municipalities, perspectives, kinds, groups


# The library's filters whose options carry a number of cases, and what each filters on.
FACETS = ("thema", "gemeente", "perspectief", "organisatie")
LIBRARY_FILTER_ARGS = {
    "thema": "theme",
    "gemeente": "municipality",
    "perspectief": "perspective",
    "fase": "stage",
    "factor": "factor",
    "organisatie": "organisation_kind",
}


def library_facet_counts(member, chosen):
    """{facet: {value: number of cases}}: each counted filter's options given all *other* chosen filters.

    ``chosen`` holds the library's valid filter values and search words (``q``); a facet's
    own choice is left out of its count, so its other options say how many cases choosing
    them instead would show (faceted search). One query per facet, over the listed cases.
    """
    listed = Case.objects.published() if member else Case.objects.public()

    def narrowed(without):
        qs = listed.filter_library(
            **{arg: chosen.get(name, "") for name, arg in LIBRARY_FILTER_ARGS.items() if name != without}
        )
        if chosen.get("q"):
            qs = search(qs, chosen["q"], rank=False)
        return qs.order_by()

    def grouped(qs, field):
        return dict(qs.filter(**{f"{field}__isnull": False}).values_list(field).annotate(n=Count("pk", distinct=True)))

    return {
        "thema": grouped(narrowed("thema"), "themes__slug"),
        "gemeente": grouped(narrowed("gemeente"), "municipality__slug"),
        "perspectief": grouped(narrowed("perspectief"), "perspective"),
        "organisatie": organisation_kind_counts(narrowed("organisatie")),
    }


def _faceted(rows, counts):
    """The rows of ``library_filter_choices`` with the numbers given the other filters."""
    return [(value, name, counts.get(value, 0)) for value, name, _n in rows]


def library_factor_choices(groups):
    return [
        ("", _("Alle factoren")),
        (_("Werkzame factoren"), groups[Factor.Kind.WORKING]),
        (_("Belemmeringen"), groups[Factor.Kind.OBSTACLE]),
    ]


class LibraryFilterForm(forms.Form):
    """The library's filters: each optional, all combinable, as a shareable query string."""

    SORT_NEWEST = "nieuwste"
    SORT_EVIDENCE = "onderbouwing"
    SORT_RELEVANCE = "relevantie"

    q = forms.CharField(label=_("Zoeken in casussen"), required=False, max_length=200)
    thema = forms.ChoiceField(label=_("Thema"), required=False, widget=DutchOptionsSelect)
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False, widget=DutchOptionsSelect)
    # Two different questions over the same list of kinds: who tells the case, and who took part in it.
    perspectief = forms.ChoiceField(
        label=_("Verteld vanuit"),
        required=False,
        help_text=_("Het perspectief van wie de casus beschrijft."),
        choices=[("", _("Alle perspectieven")), *Perspective.choices],
    )
    fase = forms.ChoiceField(label=_("Fase"), required=False, choices=[("", _("Alle fasen")), *Case.Stage.choices])
    # Thousands of factors at scale: QuickSelect writes the options without a template each.
    factor = forms.ChoiceField(
        label=_("Factor of belemmering"), required=False, widget=DutchQuickSelect(cache_as="library-factor")
    )
    organisatie = forms.ChoiceField(
        label=_("Met een partner uit"),
        required=False,
        help_text=_("De soort organisatie die de casus trekt of eraan meewerkt."),
        choices=[("", _("Alle soorten organisaties")), *Perspective.choices],
    )
    sorteer = forms.ChoiceField(
        label=_("Sorteren op"),
        required=False,
        choices=[
            # The best match when searching, the newest otherwise (cases.views.library).
            ("", _("Best passend eerst")),
            (SORT_NEWEST, _("Nieuwste eerst")),
            (SORT_EVIDENCE, _("Meeste onderbouwing")),
        ],
    )

    def __init__(self, *args, member=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget = forms.TextInput(attrs={"type": "search", "placeholder": _("bijv. studenten")})
        given = self.data if self.is_bound else {}
        # The same for every visitor (or member) until content changes: kept in the cache (cop.cache).
        # With filters or words given, the options are only listed here and counted as facets below.
        counted = not any(given.get(name) for name in ("q", *self.NARROWING))
        themes, municipalities, perspectives, kinds, groups = self._options(member, counted)
        self._set_counted_choices(themes, municipalities, perspectives, kinds, given)
        # A callable: the 2,000 factors are only walked when a value is checked or the list drawn.
        self.fields["factor"].choices = lambda: library_factor_choices(groups)
        # Faceted: once the chosen filters are known, each option counts the cases it would
        # show beside the *other* chosen filters (and the search words), kept per combination.
        chosen = {name: self.value(name) for name in ("q", *self.NARROWING) if self.value(name)}
        if not chosen and not counted:  # only invalid values given: the plain counts after all
            self._set_counted_choices(*self._options(member, True)[:4], given)
        elif chosen:
            counts = cached_by_content(
                "library-facets", lambda: library_facet_counts(member, chosen), vary=(member, sorted(chosen.items()))
            )
            self._set_counted_choices(
                _faceted(themes, counts["thema"]),
                _faceted(municipalities, counts["gemeente"]),
                _faceted(perspectives, counts["perspectief"]),
                _faceted(kinds, counts["organisatie"]),
                given,
            )

    @staticmethod
    def _options(member, counted):
        return cached_by_content(
            "library-filter-choices", lambda: library_filter_choices(member, counted), vary=(member, counted)
        )

    def _set_counted_choices(self, themes, municipalities, perspectives, kinds, given):
        self.fields["thema"].choices = [("", _("Alle thema's")), *_counted(themes, given.get("thema"))]
        self.fields["gemeente"].choices = [("", _("Alle gemeenten")), *_counted(municipalities, given.get("gemeente"))]
        self.fields["perspectief"].choices = [
            ("", _("Alle perspectieven")),
            *_counted(perspectives, given.get("perspectief")),
        ]
        self.fields["organisatie"].choices = [
            ("", _("Alle soorten organisaties")),
            *_counted(kinds, given.get("organisatie")),
        ]

    def value(self, name):
        """The cleaned value of one filter, or "" when missing or invalid (an old link keeps working)."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) or ""

    def shareable_url(self):
        """The library's address with the filters that apply (valid and not empty), in the form's order."""
        params = {name: self.value(name) for name in self.fields if self.value(name)}
        page = self.data.get("pagina") if self.is_bound else None
        if page and str(page).isdigit() and int(page) > 1:
            params["pagina"] = page
        base = reverse("cases:library")
        return f"{base}?{urlencode(params)}" if params else base

    NARROWING = ("thema", "gemeente", "perspectief", "fase", "factor", "organisatie")

    def facet_fields_out_of_band(self):
        """The counted filters for an htmx answer: each select's options replace those on the page (by id).

        Only the options are swapped (``innerHTML``), so the select someone just changed keeps
        its focus, and every other filter's numbers follow the choice.
        """
        fields = []
        for name in FACETS:
            self.fields[name].widget.attrs["data-hx-swap-oob"] = "innerHTML"
            fields.append(self[name])
        return fields

    # The summary of the folding filter panel (forms/_filter_panel.html).
    panel_title = _("Filters en sortering")
    panel_id = "library-filters-summary"

    @property
    def active(self):
        return bool(self.value("q")) or bool(self.narrowing)

    @property
    def narrowing(self):
        """How many filters besides the search words narrow the list (the phone's folded filters say so)."""
        return sum(1 for name in self.NARROWING if self.value(name))
