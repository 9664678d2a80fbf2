"""The API's serializers: what a public case, factor, meeting, harvest or term says.

People appear only as ``cop.models.public_name``; no e-mail address, user id or
contact detail is ever serialised.
"""

from django.conf import settings
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cases.models import Case
from cop.models import Perspective, TermVersion, Theme, public_name
from factors.evidence import LEVEL_NAMES, strength_level
from factors.models import Factor, FactorRelation
from meetings.models import Contribution, Meeting, Series
from portal import queries

LICENCE_SCHEMA = {
    "type": "object",
    "required": ["name", "url"],
    "properties": {"name": {"type": "string"}, "url": {"type": "string", "format": "uri"}},
}


def licence():
    return {"name": settings.COP_LICENCE_NAME, "url": settings.COP_LICENCE_URL}


def absolute(request, path):
    return request.build_absolute_uri(path) if request is not None else f"{settings.SITE_URL}{path}"


# --- fields and small serializers ---------------------------------------------------------


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The absolute address of the object's public page."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return absolute(self.context.get("request"), value.get_absolute_url())


@extend_schema_field(OpenApiTypes.URI)
class ApiUrlField(serializers.Field):
    """The absolute address of the object in this API."""

    def __init__(self, view_name, **kwargs):
        self.view_name = view_name
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return absolute(self.context.get("request"), reverse(self.view_name, kwargs={"slug": value.slug}))


class LicenceSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.URLField()


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["slug", "name", "description"]


class ThemeDetailSerializer(ThemeSerializer):
    licence = serializers.SerializerMethodField()

    class Meta(ThemeSerializer.Meta):
        fields = [*ThemeSerializer.Meta.fields, "licence"]

    @extend_schema_field(LicenceSerializer)
    def get_licence(self, theme):
        return licence()


class ThemeRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["slug", "name"]


class PlaceSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class OrganisationRefSerializer(serializers.Serializer):
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Perspective.choices)


class FactorRefSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    api_url = ApiUrlField("api:factor-detail")

    class Meta:
        model = Factor
        fields = ["slug", "name", "kind", "url", "api_url"]


class CaseRefSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    api_url = ApiUrlField("api:case-detail")

    class Meta:
        model = Case
        fields = ["slug", "title", "url", "api_url"]


class MeetingRefSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    api_url = ApiUrlField("api:meeting-detail")

    class Meta:
        model = Meeting
        fields = ["slug", "title", "starts_at", "url", "api_url"]


class EvidenceSerializer(serializers.Serializer):
    cases = serializers.IntegerField(help_text="Public cases that name the factor.")
    contributions = serializers.IntegerField(help_text="Contributions in published harvests clustered onto it.")
    meetings = serializers.IntegerField(help_text="Distinct published meetings those contributions come from.")
    votes = serializers.IntegerField(help_text="Dots in published harvests.")
    total = serializers.IntegerField()
    strength = serializers.FloatField(help_text="Weighted evidence: a case counts more than a contribution.")
    level = serializers.IntegerField(
        min_value=0, max_value=3, help_text="The level on the scale of independent sources, 0–3 (docs/evidence.md)."
    )
    level_name = serializers.ChoiceField(
        choices=[LEVEL_NAMES[level] for level in sorted(LEVEL_NAMES)],
        help_text="The level in words: none (nog niet onderbouwd), first (eerste aanwijzingen), "
        "reasonable (redelijk onderbouwd), strong (sterk onderbouwd).",
    )


# --- cases ----------------------------------------------------------------------------------


class CaseFactorSerializer(serializers.Serializer):
    factor = FactorRefSerializer()
    explanation = serializers.CharField()


class PartnerSerializer(serializers.Serializer):
    name = serializers.CharField(source="display_name")
    kind = serializers.CharField()
    role = serializers.CharField()


class CaseLinkSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.URLField()


class CaseImageSerializer(serializers.Serializer):
    url = serializers.SerializerMethodField()
    alt_text = serializers.CharField()
    caption = serializers.CharField()
    credit = serializers.CharField()
    width = serializers.IntegerField(allow_null=True)
    height = serializers.IntegerField(allow_null=True)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, image):
        return absolute(self.context.get("request"), image.image.url)


class ReflectionSerializer(serializers.Serializer):
    author = serializers.SerializerMethodField(help_text="The name with consent, otherwise the perspective.")
    perspective = serializers.ChoiceField(choices=Perspective.choices)
    strikes = serializers.CharField(help_text="Wat valt je op?")
    learns = serializers.CharField(help_text="Wat is leerzaam voor jou?")
    created_at = serializers.DateTimeField()

    @extend_schema_field(OpenApiTypes.STR)
    def get_author(self, reflection):
        return str(public_name(reflection.author, reflection.perspective))


class CaseListSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    api_url = ApiUrlField("api:case-detail")
    municipality = PlaceSerializer(allow_null=True)
    area = PlaceSerializer(allow_null=True)
    organisation = OrganisationRefSerializer(allow_null=True)
    themes = ThemeRefSerializer(many=True)
    factors = CaseFactorSerializer(source="public_factor_links", many=True)

    class Meta:
        model = Case
        fields = [
            "slug",
            "title",
            "summary",
            "url",
            "api_url",
            "municipality",
            "area",
            "area_type",
            "scale",
            "stage",
            "perspective",
            "organisation",
            "themes",
            "factors",
            "period_start",
            "period_end",
            "published_at",
        ]


class CaseDetailSerializer(CaseListSerializer):
    author = serializers.SerializerMethodField(help_text="The name with consent, otherwise the perspective.")
    contact_name = serializers.SerializerMethodField(help_text="Only when the contact person consented.")
    partners = PartnerSerializer(many=True)
    links = CaseLinkSerializer(many=True)
    images = CaseImageSerializer(many=True)
    reflections = ReflectionSerializer(source="public_reflections", many=True)
    meetings = MeetingRefSerializer(source="public_meetings", many=True)
    licence = serializers.SerializerMethodField()

    class Meta(CaseListSerializer.Meta):
        fields = [
            *CaseListSerializer.Meta.fields,
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
            "author",
            "contact_name",
            "partners",
            "links",
            "images",
            "reflections",
            "meetings",
            "licence",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_author(self, case):
        return str(public_name(case.owner, case.perspective))

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_contact_name(self, case):
        return case.contact_name if case.contact_consent and case.contact_name else None

    @extend_schema_field(LicenceSerializer)
    def get_licence(self, case):
        return licence()


# --- factors --------------------------------------------------------------------------------


class RelationSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=FactorRelation.Kind.choices)
    factor = FactorRefSerializer(source="to_factor")
    note = serializers.CharField()


class FactorListSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    api_url = ApiUrlField("api:factor-detail")
    cluster = PlaceSerializer(allow_null=True)
    themes = ThemeRefSerializer(many=True)
    evidence = serializers.SerializerMethodField()

    class Meta:
        model = Factor
        fields = ["slug", "name", "kind", "statement", "url", "api_url", "cluster", "themes", "evidence", "accepted_at"]

    @extend_schema_field(EvidenceSerializer)
    def get_evidence(self, factor):
        evidence = queries.evidence_of(factor)
        return {**evidence, "level_name": strength_level(evidence["level"])}


class FactorCaseSerializer(serializers.Serializer):
    case = CaseRefSerializer()
    explanation = serializers.CharField()


class FactorDetailSerializer(FactorListSerializer):
    relations = RelationSerializer(source="public_relations", many=True)
    cases = FactorCaseSerializer(source="public_case_links", many=True)
    licence = serializers.SerializerMethodField()

    class Meta(FactorListSerializer.Meta):
        fields = [*FactorListSerializer.Meta.fields, "explanation", "relations", "cases", "licence"]

    @extend_schema_field(LicenceSerializer)
    def get_licence(self, factor):
        return licence()


# --- meetings -------------------------------------------------------------------------------


class HarvestFactorSerializer(serializers.Serializer):
    factor = FactorRefSerializer()
    contributions = serializers.IntegerField()
    votes = serializers.IntegerField()


class ContributionSerializer(serializers.Serializer):
    text = serializers.CharField()
    kind = serializers.CharField()
    perspective = serializers.ChoiceField(choices=Perspective.choices)
    factor = serializers.SerializerMethodField(help_text="The accepted factor it was clustered onto.")

    @extend_schema_field(serializers.SlugField(allow_null=True))
    def get_factor(self, contribution):
        factor = contribution.factor
        return factor.slug if factor is not None and factor.status == Factor.Status.ACCEPTED else None


class AgreedTermSerializer(serializers.Serializer):
    term = serializers.SlugField(source="term.slug")
    name = serializers.CharField(source="term.name")
    version = serializers.IntegerField(source="number")


class HarvestImageSerializer(CaseImageSerializer):
    kind = serializers.CharField()
    credit = None


class HarvestSerializer(serializers.Serializer):
    published_at = serializers.DateTimeField()
    digest_url = serializers.URLField(help_text="Wat is er opgehaald: the harvest in brief (HTML).")
    poster_url = serializers.URLField(help_text="The harvest as an A3 poster (PDF).")
    feed_url = serializers.URLField(help_text="Atom feed of this harvest.")
    summary = serializers.CharField()
    open_questions = serializers.CharField()
    factors = HarvestFactorSerializer(many=True)
    contributions = ContributionSerializer(many=True)
    agreed_terms = AgreedTermSerializer(many=True)
    images = HarvestImageSerializer(many=True)


class MeetingListSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    api_url = ApiUrlField("api:meeting-detail")
    series = serializers.SerializerMethodField()
    online = serializers.SerializerMethodField()
    harvest_published = serializers.BooleanField(source="harvest_is_public")

    class Meta:
        model = Meeting
        fields = [
            "slug",
            "title",
            "goal",
            "url",
            "api_url",
            "series",
            "starts_at",
            "ends_at",
            "location_name",
            "online",
            "status",
            "harvest_published",
        ]

    @extend_schema_field(PlaceSerializer(allow_null=True))
    def get_series(self, meeting):
        series = meeting.series
        if series is None or series.visibility != Series.Visibility.PUBLIC:
            return None
        return {"slug": series.slug, "name": series.title}

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_online(self, meeting):
        # The link itself is for those who registered; only say that the meeting is online.
        return bool(meeting.online_url)


class MeetingDetailSerializer(MeetingListSerializer):
    presented_cases = CaseRefSerializer(source="public_presented_cases", many=True)
    harvest = serializers.SerializerMethodField()
    licence = serializers.SerializerMethodField()

    class Meta(MeetingListSerializer.Meta):
        fields = [*MeetingListSerializer.Meta.fields, "address", "agenda", "presented_cases", "harvest", "licence"]

    @extend_schema_field(HarvestSerializer(allow_null=True))
    def get_harvest(self, meeting):
        if not meeting.harvest_is_public:
            return None
        return HarvestSerializer(harvest_of(meeting, self.context.get("request")), context=self.context).data

    @extend_schema_field(LicenceSerializer)
    def get_licence(self, meeting):
        return licence()


def harvest_of(meeting, request=None):
    """The public harvest of a meeting whose harvest is published (a few fixed queries)."""
    factors, _unclustered = queries.harvest_factors(meeting)
    slug = {"slug": meeting.slug}
    return {
        "published_at": meeting.published_at,
        "digest_url": absolute(request, reverse("meetings:digest", kwargs=slug)),
        "poster_url": absolute(request, reverse("meetings:poster", kwargs=slug)),
        "feed_url": absolute(request, reverse("feed-oogsten-item-atom", kwargs=slug)),
        "summary": meeting.summary,
        "open_questions": meeting.open_questions,
        "factors": factors,
        "contributions": Contribution.objects.public()
        .filter(meeting=meeting)
        .select_related("factor")
        .order_by("round__order", "created_at", "pk"),
        "agreed_terms": TermVersion.objects.public().filter(agreed_in_meetings=meeting).select_related("term"),
        "images": meeting.harvest_images.all(),
    }


# --- terms ----------------------------------------------------------------------------------


class TermVersionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    definition = serializers.CharField()
    note = serializers.CharField()
    accepted_at = serializers.DateTimeField(allow_null=True)
    meetings = MeetingRefSerializer(source="public_meetings", many=True)


class TermSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    is_key = serializers.BooleanField()
    url = PageUrlField()
    api_url = ApiUrlField("api:term-detail")
    definition = serializers.SerializerMethodField()
    versions = TermVersionSerializer(source="public_versions", many=True)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_definition(self, term):
        current = term.public_versions[-1] if term.public_versions else None
        return current.definition if current else None


class TermDetailSerializer(TermSerializer):
    licence = serializers.SerializerMethodField()

    @extend_schema_field(LicenceSerializer)
    def get_licence(self, term):
        return licence()


# --- views ----------------------------------------------------------------------------------
