"""REFI-QDA export: a meeting or the whole CoP as a ``.qdpx`` project, the factors as a ``.qdc`` codebook.

REFI-QDA (www.qdasoftware.org) is the exchange format of ATLAS.ti, MAXQDA, NVivo,
QualCoder and others. A ``.qdpx`` is a ZIP with ``project.qde`` (QDA-XML) and the
sources as UTF-8 text files in ``sources/``. What goes in:

- sources: the room's contributions (one ``TextSource`` each) and the published case
  texts, as plain text files;
- the codebook: a code per factor, nested in a (not codable) code per cluster, coloured
  by kind as on the board; two sets group the working factors and the obstacles;
- codings: a contribution clustered onto a factor is one ``PlainTextSelection`` over its
  whole text, coded with that factor; a case is coded the same way with each factor it
  names (the selection's description is the case's explanation);
- variables on the sources: perspective, municipality (cases), meeting, round, kind
  and date (contributions); a set per meeting and one of the cases;
- users: only authors who consented to their name being shown, under their public
  name (``cop.models.public_name``); others' sources carry no user at all, so that
  nothing links one person's contributions. Never an e-mail address.

Only what the downloader may see goes in, through the apps' own querysets: hidden
contributions never (they were moderated away), contributions, meetings, cases and
factors as ``visible_to``/``listed_for`` the user allows.

Every GUID is a UUID 5 of the site and the object's identity (``guid("factor", pk)``),
so a second export of the same meeting merges into the first in a QDA tool instead
of duplicating it. Positions count characters (code points), as the standard says.
"""

import io
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from cases.models import Case, CaseFactor
from cop.models import public_name
from cop.richtext import plain_text
from factors.models import Factor
from meetings.models import Contribution, Meeting
from visuals.core import PALETTE

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = "Weten wat werkt"
# Characters XML 1.0 cannot carry (control characters other than tab and newlines).
NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
KIND_COLOURS = {Factor.Kind.WORKING: PALETTE["working"], Factor.Kind.OBSTACLE: PALETTE["obstacle"]}
CLUSTER_COLOUR = PALETTE["primary"]
# The case's text fields, in the order of the case page.
CASE_SECTIONS = (
    "story",
    "pride",
    "what_worked",
    "lessons",
    "occasion",
    "goal",
    "target_group",
    "approach",
    "preconditions",
    "transferability",
)
NAME_LENGTH = 60


def guid(*identity):
    """The stable GUID of one object of this site: the same object gives the same GUID in every export."""
    site = uuid.uuid5(uuid.NAMESPACE_URL, f"{settings.SITE_URL}/refi-qda")
    return str(uuid.uuid5(site, ":".join(str(part) for part in identity)))


def clean(text):
    return NOT_XML.sub("", str(text or ""))


def short(text, length=NAME_LENGTH):
    text = " ".join(clean(text).split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def stamp(moment):
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def consenting_name(user):
    """The public name of ``user`` if they consented to it being shown, else None (no user in the export)."""
    profile = getattr(user, "profile", None) if user is not None else None
    if profile is None or not (profile.show_name_publicly and profile.display_name):
        return None
    return public_name(user)


# --- what goes in ------------------------------------------------------------------


@dataclass
class Source:
    key: str  # the object's identity, e.g. "contribution:12"
    name: str
    text: str
    description: str = ""
    created: object = None
    author: object = None  # a consenting user, or None
    variables: dict = field(default_factory=dict)  # variable key → value (str, or a date)
    codes: list = field(default_factory=list)  # (factor, description of the selection)

    @property
    def guid(self):
        return guid(self.key)


@dataclass
class Export:
    name: str
    description: str
    sources: list
    factors: list
    sets: list  # (key, name, [source guids])
    users: dict = field(default_factory=dict)  # guid → public name


# The variables: key → (name, type). Names follow the active language; GUIDs do not.
def variables():
    return {
        "perspective": (_("Perspectief"), "Text"),
        "municipality": (_("Gemeente"), "Text"),
        "meeting": (_("Bijeenkomst"), "Text"),
        "round": (_("Ronde"), "Text"),
        "kind": (_("Soort bijdrage"), "Text"),
        "date": (_("Datum"), "Date"),
    }


def codebook_factors(user):
    """The factors ``user`` may see that still stand (not retired, not merged), with their clusters."""
    return (
        Factor.objects.visible_to(user)
        .exclude(status__in=[Factor.Status.RETIRED, Factor.Status.MERGED])
        .select_related("cluster")
    )


def board_order(factors):
    """Working factors first, then obstacles, each in the curators' order: as on the board."""
    return sorted(factors, key=lambda f: (f.kind != Factor.Kind.WORKING, f.order, f.name.lower(), f.pk))


def contribution_source(contribution, number, visible_factor_ids):
    meeting = contribution.meeting
    codes = []
    if contribution.factor_id in visible_factor_ids:
        codes.append((contribution.factor, ""))
    return Source(
        key=f"contribution:{contribution.pk}",
        name=_("%(meeting)s · bijdrage %(n)s") % {"meeting": short(meeting.title), "n": number},
        text=clean(contribution.text).strip(),
        description=clean(contribution.round.prompt),
        created=contribution.created_at,
        author=contribution.author if consenting_name(contribution.author) else None,
        variables={
            "perspective": contribution.get_perspective_display(),
            "meeting": clean(meeting.title),
            "round": clean(contribution.round.prompt),
            "kind": contribution.get_kind_display(),
            "date": timezone.localtime(meeting.starts_at).date(),
        },
        codes=codes,
    )


def case_text(case):
    parts = [clean(case.title), clean(case.summary)]
    for name in CASE_SECTIONS:
        body = plain_text(getattr(case, name))
        if body:
            parts.append(f"{capfirst(Case._meta.get_field(name).verbose_name)}\n{clean(body)}")
    return "\n\n".join(part for part in parts if part)


def case_source(case, visible_factor_ids):
    variables = {"perspective": case.get_perspective_display()}
    if case.municipality_id:
        variables["municipality"] = clean(case.municipality.name)
    return Source(
        key=f"case:{case.pk}",
        name=short(case.title),
        text=case_text(case),
        description=clean(case.summary),
        created=case.published_at or case.created_at,
        author=case.owner if consenting_name(case.owner) else None,
        variables=variables,
        codes=[
            (link.factor, clean(link.explanation)) for link in case.qda_links if link.factor_id in visible_factor_ids
        ],
    )


def _cases(queryset):
    links = CaseFactor.objects.select_related("factor__cluster").order_by("order", "pk")
    return (
        queryset.select_related("municipality", "owner__profile")
        .prefetch_related(Prefetch("factor_links", queryset=links, to_attr="qda_links"))
        .order_by("title", "pk")
    )


def _contributions(queryset):
    return queryset.select_related("meeting", "round", "author__profile", "factor__cluster").order_by(
        "meeting__starts_at", "meeting_id", "round__order", "created_at", "pk"
    )


def _collect(name, description, contributions, cases, user, *, whole_codebook):
    visible_factor_ids = set(Factor.objects.visible_to(user).values_list("pk", flat=True))
    sources, sets, numbers = [], {}, {}
    for contribution in contributions:
        numbers[contribution.meeting_id] = numbers.get(contribution.meeting_id, 0) + 1
        source = contribution_source(contribution, numbers[contribution.meeting_id], visible_factor_ids)
        sources.append(source)
        meeting_set = sets.setdefault(
            f"meeting:{contribution.meeting_id}",
            [_("Bijeenkomst: %(title)s") % {"title": short(contribution.meeting.title)}, []],
        )
        meeting_set[1].append(source.guid)
    case_sources = [case_source(case, visible_factor_ids) for case in cases]
    if case_sources:
        sets["cases"] = [_("Casussen"), [source.guid for source in case_sources]]
    sources += case_sources
    coded = {factor.pk: factor for source in sources for factor, _note in source.codes}
    factors = {factor.pk: factor for factor in codebook_factors(user)} if whole_codebook else {}
    factors.update(coded)
    users = {guid("user", s.author.pk): consenting_name(s.author) for s in sources if s.author is not None}
    return Export(
        name=name,
        description=description,
        sources=sources,
        factors=board_order(factors.values()),
        sets=[(key, set_name, members) for key, (set_name, members) in sets.items()],
        users=users,
    )


def meeting_export(meeting, user):
    """One meeting: its shown contributions and its presented, published cases, coded by factor."""
    contributions = _contributions(Contribution.objects.visible_to(user).shown().filter(meeting=meeting))
    cases = _cases(Case.objects.listed_for(user).filter(meetings=meeting))
    description = _("De bijdragen van %(meeting)s en de casussen die aan bod kwamen, uit %(site)s.") % {
        "meeting": clean(meeting.title),
        "site": settings.SITE_URL,
    }
    return _collect(clean(meeting.title), description, contributions, cases, user, whole_codebook=False)


def cop_export(user):
    """The whole CoP: every published harvest and case ``user`` may see, and the whole codebook."""
    meetings = Meeting.objects.visible_to(user).filter(status=Meeting.Status.PUBLISHED)
    contributions = _contributions(Contribution.objects.visible_to(user).shown().filter(meeting__in=meetings))
    cases = _cases(Case.objects.listed_for(user))
    description = _("De gepubliceerde oogsten en casussen van %(site)s.") % {"site": settings.SITE_URL}
    return _collect(ORIGIN, description, contributions, cases, user, whole_codebook=True)


# --- QDA-XML -----------------------------------------------------------------------


class Writer:
    """Elements in one namespace: ``w.sub(parent, "Code", name=…)`` skips attributes that are None.

    The root declares the namespace as the default (``xmlns``) and every element inherits it;
    ElementTree's ``default_namespace`` cannot be used, as it refuses unqualified attributes.
    """

    def __init__(self, namespace):
        self.ns = namespace

    def tag(self, local):
        return local

    def element(self, _local, **attributes):
        attributes = {"xmlns": self.ns, **attributes}
        return ET.Element(self.tag(_local), {k: str(v) for k, v in attributes.items() if v is not None})

    def sub(self, _parent, _local, _text=None, **attributes):
        child = ET.SubElement(_parent, self.tag(_local), {k: str(v) for k, v in attributes.items() if v is not None})
        if _text:
            child.text = clean(_text)
        return child

    def serialise(self, root):
        ET.indent(root)
        return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def kind_description(factor):
    """ "Werkzame factor: <statement>", and the status when the community has not accepted it (yet)."""
    text = f"{str(factor.get_kind_display()).capitalize()}: {clean(factor.statement)}"
    if factor.status != Factor.Status.ACCEPTED:
        text += f" ({factor.get_status_display()})"
    return text


def write_codes(w, parent, factors):
    """Clusters as codes that group (not codable), the factors in them; factors without a cluster at the top.

    A cluster's description is written before its factors, as the schema orders a code's children.
    """
    codes = w.sub(parent, "Codes")
    clusters = {}
    for factor in factors:
        if factor.cluster_id is None:
            continue
        if factor.cluster_id not in clusters:
            cluster = factor.cluster
            clusters[cluster.pk] = code = w.sub(
                codes, "Code", guid=guid("cluster", cluster.pk), name=clean(cluster.name), isCodable="false"
            )
            code.set("color", CLUSTER_COLOUR)
            if cluster.description:
                w.sub(code, "Description", cluster.description)
    for factor in factors:
        parent_code = clusters.get(factor.cluster_id, codes)
        code = w.sub(
            parent_code,
            "Code",
            guid=guid("factor", factor.pk),
            name=clean(factor.name),
            isCodable="true",
            color=KIND_COLOURS.get(factor.kind),
        )
        w.sub(code, "Description", kind_description(factor))
    return codes


def write_kind_sets(w, parent, factors, *, attribute):
    """A set of the working factors and one of the obstacles (``attribute`` names the code: the two schemas differ)."""
    for kind, label in Factor.Kind.choices:
        members = [factor for factor in factors if factor.kind == kind]
        if not members:
            continue
        group = w.sub(parent, "Set", guid=guid("kind", kind), name=str(label))
        for factor in members:
            w.sub(group, "MemberCode", **{attribute: guid("factor", factor.pk)})


def variable_value(w, parent, key, value):
    holder = w.sub(parent, "VariableValue")
    w.sub(holder, "VariableRef", targetGUID=guid("variable", key))
    if variables()[key][1] == "Date":
        w.sub(holder, "DateValue", value.isoformat())
    else:
        w.sub(holder, "TextValue", value)


def project_xml(export):
    w = Writer(PROJECT_NS)
    root = w.element(
        "Project",
        name=export.name,
        origin=f"{ORIGIN} ({settings.SITE_URL})",
        creationDateTime=stamp(timezone.now()),
    )
    if export.users:
        users = w.sub(root, "Users")
        for user_guid, name in sorted(export.users.items(), key=lambda item: item[1]):
            w.sub(users, "User", guid=user_guid, name=name)
    if export.factors:
        write_codes(w, w.sub(root, "CodeBook"), export.factors)
    used = {key for source in export.sources for key in source.variables}
    if used:
        holder = w.sub(root, "Variables")
        for key, (name, kind) in variables().items():
            if key in used:
                w.sub(holder, "Variable", guid=guid("variable", key), name=name, typeOfVariable=kind)
    if export.sources:
        sources = w.sub(root, "Sources")
        for source in export.sources:
            write_source(w, sources, source)
    if export.sets or export.factors:
        sets = w.sub(root, "Sets")
        write_kind_sets(w, sets, export.factors, attribute="targetGUID")
        for key, name, members in export.sets:
            group = w.sub(sets, "Set", guid=guid("set", key), name=name)
            for member in members:
                w.sub(group, "MemberSource", targetGUID=member)
    w.sub(root, "Description", export.description)
    return w.serialise(root)


def write_source(w, parent, source):
    user = guid("user", source.author.pk) if source.author is not None else None
    element = w.sub(
        parent,
        "TextSource",
        guid=source.guid,
        name=source.name,
        plainTextPath=f"internal://{source.guid}.txt",
        creatingUser=user,
        creationDateTime=stamp(source.created),
    )
    if source.description:
        w.sub(element, "Description", source.description)
    for factor, note in source.codes:
        selection = w.sub(
            element,
            "PlainTextSelection",
            guid=guid(source.key, "selection", factor.pk),
            name=short(source.text, 40),
            startPosition=0,
            endPosition=len(source.text),
            creatingUser=user,
            creationDateTime=stamp(source.created),
        )
        if note:
            w.sub(selection, "Description", note)
        coding = w.sub(selection, "Coding", guid=guid(source.key, "coding", factor.pk))
        w.sub(coding, "CodeRef", targetGUID=guid("factor", factor.pk))
    for key, value in source.variables.items():
        variable_value(w, element, key, value)


def codebook_xml(factors):
    w = Writer(CODEBOOK_NS)
    root = w.element("CodeBook", origin=f"{ORIGIN} ({settings.SITE_URL})")
    write_codes(w, root, factors)
    write_kind_sets(w, w.sub(root, "Sets"), factors, attribute="guid")
    return w.serialise(root)


def qdpx(export):
    """The ``.qdpx`` package: ``project.qde`` and one UTF-8 text file per source in ``sources/``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("project.qde", project_xml(export))
        for source in export.sources:
            package.writestr(f"sources/{source.guid}.txt", source.text.encode("utf-8"))
    return buffer.getvalue()
