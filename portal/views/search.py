"""Search across cases, factors, meetings and terms: one box, grouped results, public content only.

PostgreSQL: Dutch full-text search (stemming, ranking) through ``cop.search`` for
models with a stored ``search_vector``, and the same Dutch vector computed on the
fly for the others; snippets by ``ts_headline``. SQLite: every word must occur
(``icontains``), snippets highlighted in Python. Snippets are escaped first and
only then get their ``<mark>`` tags, so a search never renders user HTML.
"""

import difflib
import re
from dataclasses import dataclass, field

from django import forms
from django.contrib.postgres.search import SearchHeadline, SearchRank
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Q
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from cop.cache import cached_by_content
from cop.forms import slug_filter
from cop.models import Municipality, Term, TermVersion, Theme
from cop.search import SEARCH_CONFIG, is_postgres, search_vector_expression, ts_query, word_filter, words_of
from cop.search import search as full_text_search
from factors.models import Factor
from meetings.models import Meeting
from portal import queries

PREVIEW = 5
# The long texts of a case a snippet may come from, after its summary.
CASE_TEXTS = ("story", "pride", "what_worked", "lessons")
PAGE_SIZE = 20
MAX_QUERY = 200
# Private-use characters that never occur in our text: ts_headline puts them around
# matches, and they become <mark> tags after the whole snippet has been escaped.
MARK_START, MARK_END = "\ue000", "\ue001"


@dataclass
class Group:
    key: str  # the value of ?type=
    label: str
    count: int = 0
    results: list = field(default_factory=list)
    page: object = None


@dataclass
class Result:
    title: str
    url: str
    meta: str
    snippet: str
    kind: str = ""


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Zoekwoorden"), max_length=MAX_QUERY, required=False, widget=forms.SearchInput)
    type = forms.ChoiceField(
        label=_("Soort"),
        required=False,
        choices=[
            ("", _("Alles")),
            ("casussen", _("Casussen")),
            ("factoren", _("Factoren en belemmeringen")),
            ("bijeenkomsten", _("Bijeenkomsten")),
            ("begrippen", _("Begrippen")),
        ],
    )
    thema = slug_filter(_("Thema"), Theme.objects.all(), _("Alle thema's"))
    gemeente = slug_filter(_("Gemeente"), Municipality.objects.all(), _("Alle gemeenten"))


# --- matching -------------------------------------------------------------------------------


def match(queryset, query, fields):
    """Public ``queryset`` filtered by ``query``: the model's own search when it has one."""
    model = queryset.model
    if hasattr(model, "SEARCH_FIELDS") and (not is_postgres() or _has_vector(model)):
        return full_text_search(queryset, query)
    if is_postgres():
        ts = ts_query(query)
        return (
            queryset.annotate(search_document=search_vector_expression(fields))
            .filter(search_document=ts)
            .annotate(search_rank=SearchRank(F("search_document"), ts))
            .order_by("-search_rank", "-pk")
        )
    words = words_of(query)
    return queryset.filter(word_filter(words, fields)) if words else queryset.none()


def _has_vector(model):
    return any(f.name == "search_vector" for f in model._meta.get_fields())


def match_meetings(queryset, query):
    """Title and goal of every public meeting; the harvest texts only once the harvest is published."""
    published = Q(status=Meeting.Status.PUBLISHED)
    if is_postgres():
        ts = ts_query(query)
        return (
            queryset.annotate(
                base_document=search_vector_expression({"title": "A", "goal": "B"}),
                harvest_document=search_vector_expression({"summary": "C", "open_questions": "C"}),
            )
            .filter(Q(base_document=ts) | (published & Q(harvest_document=ts)))
            .annotate(search_rank=SearchRank(F("base_document"), ts))
            .order_by("-search_rank", "-starts_at")
        )
    words = words_of(query)
    if not words:
        return queryset.none()
    condition = Q()
    for word in words:
        condition &= (
            Q(title__icontains=word)
            | Q(goal__icontains=word)
            | (published & (Q(summary__icontains=word) | Q(open_questions__icontains=word)))
        )
    return queryset.filter(condition).order_by("-starts_at")


# --- snippets -------------------------------------------------------------------------------


def _patterns(words):
    """What to look for in a text: each word, or else its first letters (PostgreSQL matches Dutch stems:
    "vertrouwen" also finds "vertrouwd"), as whole-word prefixes."""
    words = sorted({w.lower() for w in words if len(w) > 1}, key=len, reverse=True)
    return [
        re.compile(r"\b" + re.escape(w[: max(4, len(w) - 2)] if len(w) > 5 else w) + r"\w*", re.IGNORECASE)
        for w in words
    ]


def highlight(text, words):
    """``text`` escaped, with each occurrence of one of ``words`` in ``<mark>``."""
    text = text or ""
    words = sorted({w for w in words if len(w) > 1}, key=len, reverse=True)
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    if not pattern.search(text):  # no literal match: mark the words that share the stem
        pattern = re.compile("|".join(p.pattern for p in _patterns(words)), re.IGNORECASE)
    parts, last = [], 0
    for found in pattern.finditer(text):
        parts.append(escape(text[last : found.start()]))
        parts.append(f"<mark>{escape(found.group())}</mark>")
        last = found.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # every part was escaped above


def first_match(text, words):
    """Where the first of ``words`` (or of their stems) occurs in ``text``, or -1."""
    lowered = text.lower()
    positions = [lowered.find(w.lower()) for w in words if w and lowered.find(w.lower()) >= 0]
    if not positions:
        positions = [found.start() for found in (p.search(text) for p in _patterns(words)) if found]
    return min(positions) if positions else -1


def snippet(text, words, size=30):
    """About ``size`` words of ``text`` around the first match, highlighted."""
    text = " ".join((text or "").split())
    position = first_match(text, words)
    if position >= 0:
        start = max(text.rfind(" ", 0, max(position - 60, 0)) + 1, 0)
        excerpt = ("… " if start else "") + Truncator(text[start:]).words(size)
    else:
        excerpt = Truncator(text).words(size)
    return highlight(excerpt, words)


def best_snippet(texts, words, size=30):
    """The snippet of the first of ``texts`` that holds a word searched for (else of the first text).

    A result is often found by a word that is not in its summary (in the story, in the
    name of its municipality or of a factor it names): the snippet then shows that text,
    so that the visitor sees why it was found.
    """
    texts = [" ".join((text or "").split()) for text in texts]
    texts = [text for text in texts if text]
    for text in texts:
        if first_match(text, words) >= 0:
            return snippet(text, words, size)
    return snippet(texts[0] if texts else "", words, size)


def headline_html(value):
    """A ts_headline result: escape all, then turn the markers into <mark> tags."""
    escaped = escape(value or "")
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # escaped above


def with_headline(queryset, query, field_name):
    if not is_postgres():
        return queryset
    return queryset.annotate(
        search_headline=SearchHeadline(
            field_name,
            ts_query(query),
            config=SEARCH_CONFIG,
            start_sel=MARK_START,
            stop_sel=MARK_END,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    )


def snippet_of(obj, texts, words):
    """The ts_headline of the first text when it marked a match (PostgreSQL), else ``best_snippet``."""
    headline = getattr(obj, "search_headline", None)
    if headline and MARK_START in headline:
        return headline_html(headline)
    return best_snippet(texts, words)


# --- the groups -----------------------------------------------------------------------------


def case_results(query, filters):
    cases = queries.public_cases().select_related("municipality")
    if filters.get("theme"):
        cases = cases.filter(themes=filters["theme"])
    if filters.get("municipality"):
        cases = cases.filter(municipality=filters["municipality"])
    fields = getattr(Case, "SEARCH_FIELDS", {"title": "A", "summary": "B", "story": "C", "what_worked": "C"})
    return with_headline(match(cases, query, fields), query, "summary")


def factor_results(query, filters):
    factors = Factor.objects.public().select_related("cluster")
    if filters.get("theme"):
        factors = factors.filter(themes=filters["theme"])
    fields = getattr(Factor, "SEARCH_FIELDS", {"name": "A", "statement": "B", "explanation": "C"})
    return with_headline(match(factors, query, fields), query, "statement")


def meeting_results(query, filters):
    return with_headline(match_meetings(queries.public_meetings(), query), query, "goal")


def term_results(query, filters):
    versions = TermVersion.objects.public().order_by("number")
    terms = queries.public_terms().prefetch_related(Prefetch("versions", queryset=versions, to_attr="public_versions"))
    # The term's own search document: its name and its accepted definitions.
    return match(terms, query, getattr(Term, "SEARCH_FIELDS", {"name": "A"}))


def case_result(case, words):
    meta = ", ".join(str(x) for x in (_("casus"), case.municipality) if x)
    texts = [case.summary, *(queries.plain_text(getattr(case, name)) for name in CASE_TEXTS)]
    # Of the names it is linked to (place, partners, themes, factors): the ones that matched.
    context = " · ".join(line for line in case.search_context.split("\n") if first_match(line, words) >= 0)
    headline = getattr(case, "search_headline", None) or ""  # PostgreSQL: marked when the summary matched
    found_in_text = MARK_START in headline or any(first_match(text or "", words) >= 0 for text in texts)
    if context and not found_in_text:
        # Found by a linked name only: the start of the summary, then the names that matched.
        summary = highlight(Truncator(case.summary).words(20), words)
        return Result(
            highlight(case.title, words),
            case.get_absolute_url(),
            meta,
            mark_safe(f"{summary} — {highlight(context, words)}"),  # both parts escaped by highlight
        )
    return Result(
        highlight(case.title, words), case.get_absolute_url(), meta, snippet_of(case, [*texts, context], words)
    )


def factor_result(factor, words):
    meta = str(factor.get_kind_display()) + (f" · {factor.cluster.name}" if factor.cluster_id else "")
    return Result(
        highlight(factor.name, words),
        factor.get_absolute_url(),
        meta,
        snippet_of(factor, [factor.statement, queries.plain_text(factor.explanation)], words),
        kind=factor.kind,
    )


def meeting_result(meeting, words):
    meta = f"{_('bijeenkomst')} · {date_format(localtime(meeting.starts_at), 'j F Y')}"
    texts = [meeting.goal]
    if meeting.harvest_is_public:
        texts += [queries.plain_text(meeting.summary), queries.plain_text(meeting.open_questions)]
    return Result(highlight(meeting.title, words), meeting.get_absolute_url(), meta, snippet_of(meeting, texts, words))


def term_result(term, words):
    current = term.public_versions[-1] if term.public_versions else None
    text = queries.plain_text(current.definition) if current else ""
    return Result(highlight(term.name, words), term.get_absolute_url(), str(_("begrip")), snippet(text, words))


GROUPS = {
    "casussen": (_("Casussen"), case_results, case_result, {"theme", "municipality"}),
    "factoren": (_("Factoren en belemmeringen"), factor_results, factor_result, {"theme"}),
    "bijeenkomsten": (_("Bijeenkomsten"), meeting_results, meeting_result, set()),
    "begrippen": (_("Begrippen"), term_results, term_result, set()),
}


def run_search(query, *, kind="", filters=None, page=1):
    """The groups with their counts and results (all groups, or one paginated group)."""
    filters = {name: value for name, value in (filters or {}).items() if value}
    words = words_of(query)
    groups = []
    for key, (label, find, present, supports) in GROUPS.items():
        if kind and key != kind:
            continue
        if not set(filters) <= supports:  # a filter this kind of content does not have
            continue
        group = Group(key, label)
        queryset = find(query, filters)
        if kind:
            group.page = Paginator(queryset, PAGE_SIZE).get_page(page)
            group.count = group.page.paginator.count
            items = group.page.object_list
        else:
            group.count = queryset.count()
            items = queryset[:PREVIEW] if group.count else []
        group.results = [present(item, words) for item in items]
        groups.append(group)
    return groups


# --- suggestions when nothing is found -----------------------------------------------------


def spelling_suggestion(query):
    """The query with each unknown word replaced by the closest word we do know, if any."""
    vocabulary = set()
    names = [
        *Factor.objects.public().values_list("name", flat=True)[:3000],
        *Term.objects.public().values_list("name", flat=True)[:1000],
        *Theme.objects.values_list("name", flat=True),
        *Theme.objects.exclude(name_en="").values_list("name_en", flat=True),
    ]
    for name in names:
        vocabulary.update(w.lower() for w in re.findall(r"[\wÀ-ÿ]+", name) if len(w) > 3)
    changed, suggestion = False, []
    for word in words_of(query):
        close = difflib.get_close_matches(word.lower(), vocabulary, n=1, cutoff=0.75)
        if close and close[0] != word.lower():
            suggestion.append(close[0])
            changed = True
        else:
            suggestion.append(word)
    if not changed:
        return ""
    suggestion = " ".join(suggestion)
    # Only a suggestion that finds something: every word must match, and a close word may not.
    return suggestion if any(find(suggestion, {}).exists() for _label, find, _present, _ in GROUPS.values()) else ""


def popular_themes(limit=6):
    public_cases = Q(cases__status=Case.Status.PUBLISHED, cases__visibility=Case.Visibility.PUBLIC)
    return (
        Theme.objects.annotate(case_count=Count("cases", filter=public_cases))
        .filter(case_count__gt=0)
        .order_by("-case_count", "name")[:limit]
    )


# --- the view -------------------------------------------------------------------------------


def found(query, *, kind, filters, page):
    """The groups and total of ``run_search`` (with suggestions when nothing is found).

    Kept per query, kind, filters and page until published content changes
    (``cop.cache.cached_by_content``): a common word ranks thousands of cases, and
    people repeat the same searches and page through them.
    """

    def build():
        groups = run_search(query, kind=kind, filters=filters, page=page)
        for group in groups:
            if group.page is not None:  # keep the numbers the pager needs, not the query
                group.page = Paginator(range(group.count), PAGE_SIZE).get_page(group.page.number)
        result = {"groups": groups, "total": sum(group.count for group in groups)}
        if not result["total"]:
            result.update(suggestion=spelling_suggestion(query), themes=list(popular_themes()))
        return result

    slugs = {name: getattr(value, "slug", "") for name, value in filters.items()}
    return cached_by_content("search", build, vary=(query, kind, sorted(slugs.items()), str(page)))


def search(request):
    form = SearchForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    query = (data.get("q") or "").strip()
    kind = data.get("type") or ""
    filters = {"theme": data.get("thema"), "municipality": data.get("gemeente")}
    context = {"form": form, "query": query, "kind": kind, "groups": [], "total": 0}
    if query:
        context.update(found(query, kind=kind, filters=filters, page=request.GET.get("page") or 1))
        context["filtered"] = bool(kind or any(filters.values()))
    else:
        context["themes"] = cached_by_content("search:popular-themes", lambda: list(popular_themes()))
    template = "portal/search_results.html" if request.htmx else "portal/search.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
