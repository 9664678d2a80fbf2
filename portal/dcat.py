"""The open data as a DCAT catalogue (``/open-data/catalogus.jsonld``), for data portals.

It follows DCAT-AP-NL / DCAT-AP-DONL, the Dutch profiles of DCAT-AP with which
data.overheid.nl and the European data portal harvest catalogues: one
``dcat:Catalog`` with a ``dcat:Dataset`` per download of ``portal.opendata`` (and
the harvests, whose own download is their feed), each with a ``dcat:Distribution``
per format, and the API as a ``dcat:DataService``. Controlled values come from the
EU vocabularies (languages, file types, access rights, data themes, frequencies),
media types are IANA's, the place is the OWMS term for the province.

``dct:modified`` of a dataset is the latest change of its public rows (the newest
``updated_at`` or acceptance), so a harvester fetches again only when something
changed. A row that leaves the public set (unpublished, deleted) leaves no date
behind: the next change of any row catches up.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cop.models import TermVersion
from portal import queries
from portal.opendata import DATASETS, site_url

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU = "http://publications.europa.eu/resource/authority"
IANA = "https://www.iana.org/assignments/media-types"
DUTCH = f"{EU}/language/NLD"
ENGLISH = f"{EU}/language/ENG"
PUBLIC = f"{EU}/access-right/PUBLIC"
CONTINUOUS = f"{EU}/frequency/UPDATE_CONT"
# Population and society; regions and cities.
THEMES = [f"{EU}/data-theme/SOCI", f"{EU}/data-theme/REGI"]
GELDERLAND = "http://standaarden.overheid.nl/owms/terms/Gelderland"
# When this catalogue was first published, and the date of a dataset without any rows yet.
ISSUED = "2026-12-03"

PUBLISHER_NAME = "Community of Practice gebiedsgericht werken Gelderland"
CATALOGUE_TITLE = _("Open data van Weten wat werkt")
CATALOGUE_DESCRIPTION = _(
    "De openbare kennis van de Community of Practice gebiedsgericht werken in Gelderland: "
    "casussen, werkzame factoren en belemmeringen, hun onderbouwing, bijeenkomsten en oogsten, en begrippen."
)
HARVESTS_TITLE = _("Oogsten van bijeenkomsten")
HARVESTS_DESCRIPTION = _(
    "De nieuwste gepubliceerde oogsten van bijeenkomsten als feed. De volledige oogsten staan in de "
    "dataset Bijeenkomsten en oogsten."
)


@dataclass
class Format:
    code: str  # the EU file type
    media_type: str  # IANA; the response's Content-Type
    url_name: str


CSV = Format("CSV", "text/csv", "open-data-csv")
JSON = Format("JSON", "application/json", "open-data-json")
# application/rss+xml is not in IANA's register, but it is the type every feed reader expects.
RSS = Format("RSS", "application/rss+xml", "feed-oogsten")
ATOM = Format("ATOM", "application/atom+xml", "feed-oogsten-atom")
JSON_LD = "application/ld+json"

KEYWORDS = {
    "casussen": ["casussen", "praktijkvoorbeelden"],
    "factoren": ["werkzame factoren", "belemmeringen"],
    "onderbouwing": ["onderbouwing", "werkzame factoren", "casussen"],
    "bijeenkomsten": ["bijeenkomsten", "oogsten"],
    "oogsten": ["oogsten", "bijeenkomsten"],
    "begrippen": ["begrippen", "gedeelde taal"],
}
# What the API (portal.api) serves of these datasets.
API_DATASETS = ["casussen", "factoren", "bijeenkomsten", "begrippen"]
COMMON_KEYWORDS = ["gebiedsgericht werken", "leefbaarheid", "Gelderland"]


# --- the data's last change, per dataset ------------------------------------------------


def _latest(queryset, field):
    return queryset.aggregate(latest=Max(field))["latest"]


def _newest(*moments):
    return max((moment for moment in moments if moment), default=None)


def last_changes():
    """``{dataset: datetime or None}``: the newest change of the rows each dataset publishes."""
    cases = _latest(queries.public_cases(), "updated_at")
    harvests = _latest(queries.public_harvests(), "updated_at")
    factors = _latest(queries.public_factors(), "updated_at")
    terms = _newest(_latest(TermVersion.objects.public(), "accepted_at"), _latest(queries.public_terms(), "created_at"))
    return {
        "casussen": cases,
        # The evidence counts of a factor come from cases and harvests.
        "factoren": _newest(factors, cases, harvests),
        "onderbouwing": _newest(cases, factors),
        "bijeenkomsten": _latest(queries.public_meetings(), "updated_at"),
        "oogsten": harvests,
        "begrippen": terms,
    }


# --- the document -----------------------------------------------------------------------


def _date_time(moment):
    if not moment:
        return {"@value": ISSUED, "@type": "xsd:date"}
    return {"@value": moment.isoformat(), "@type": "xsd:dateTime"}


def _texts(text):
    """Dutch, and English when there is a translation."""
    dutch = str(text)
    with translation.override("en"):
        english = str(text)
    values = [{"@value": dutch, "@language": "nl"}]
    if english != dutch:
        values.append({"@value": english, "@language": "en"})
    return values


def _ref(uri):
    return {"@id": uri}


def catalogue_url():
    return site_url(reverse("open-data-catalogue"))


def _publisher():
    return {"@id": f"{catalogue_url()}#uitgever", "@type": "foaf:Agent", "foaf:name": PUBLISHER_NAME}


def _contact_point():
    return {
        "@id": f"{catalogue_url()}#contact",
        "@type": "vcard:Organization",
        "vcard:fn": PUBLISHER_NAME,
        "vcard:hasURL": _ref(site_url(reverse("about"))),
    }


def _distribution(dataset_id, fmt, url, modified, title):
    return {
        "@id": f"{dataset_id}-{fmt.code.lower()}",
        "@type": "dcat:Distribution",
        "dct:title": _texts(title),
        "dcat:accessURL": _ref(url),
        "dcat:downloadURL": _ref(url),
        "dcat:mediaType": _ref(f"{IANA}/{fmt.media_type}"),
        "dct:format": _ref(f"{EU}/file-type/{fmt.code}"),
        "dct:license": _ref(settings.COP_LICENCE_URL),
        "dct:modified": _date_time(modified),
    }


def _dataset(slug, title, description, distributions, modified):
    dataset_id = f"{catalogue_url()}#{slug}"
    return {
        "@id": dataset_id,
        "@type": "dcat:Dataset",
        "dct:identifier": dataset_id,
        "dct:title": _texts(title),
        "dct:description": _texts(description),
        "dcat:keyword": [{"@value": word, "@language": "nl"} for word in KEYWORDS[slug] + COMMON_KEYWORDS],
        "dcat:theme": [_ref(theme) for theme in THEMES],
        "dct:publisher": _publisher(),
        "dcat:contactPoint": _contact_point(),
        "dct:license": _ref(settings.COP_LICENCE_URL),
        "dct:accessRights": _ref(PUBLIC),
        "dct:language": _ref(DUTCH),
        "dct:spatial": _ref(GELDERLAND),
        "dct:accrualPeriodicity": _ref(CONTINUOUS),
        "dct:issued": {"@value": ISSUED, "@type": "xsd:date"},
        "dct:modified": _date_time(modified),
        "dcat:landingPage": _ref(site_url(reverse("open-data"))),
        "dcat:distribution": [
            _distribution(dataset_id, fmt, url, modified, f"{title} ({fmt.code})") for fmt, url in distributions
        ],
    }


def catalogue():
    """The catalogue as a JSON-LD dict."""
    changes = last_changes()
    datasets = [
        _dataset(
            dataset.slug,
            dataset.title,
            dataset.description,
            [(fmt, site_url(reverse(fmt.url_name, args=[dataset.slug]))) for fmt in (CSV, JSON)],
            changes[dataset.slug],
        )
        for dataset in DATASETS.values()
    ]
    served = [_ref(f"{catalogue_url()}#{slug}") for slug in API_DATASETS]
    feeds = [(fmt, site_url(reverse(fmt.url_name))) for fmt in (RSS, ATOM)]
    datasets.append(_dataset("oogsten", HARVESTS_TITLE, HARVESTS_DESCRIPTION, feeds, changes["oogsten"]))
    api = {
        "@id": f"{catalogue_url()}#api",
        "@type": "dcat:DataService",
        "dct:title": [{"@value": "Weten wat werkt API", "@language": "nl"}],
        "dcat:endpointURL": _ref(site_url(reverse("api-root"))),
        "dcat:endpointDescription": _ref(site_url(reverse("api-schema"))),
        "dct:license": _ref(settings.COP_LICENCE_URL),
        "dct:accessRights": _ref(PUBLIC),
        "dcat:servesDataset": served,
    }
    return {
        "@context": CONTEXT,
        "@id": catalogue_url(),
        "@type": "dcat:Catalog",
        "dct:title": _texts(CATALOGUE_TITLE),
        "dct:description": _texts(CATALOGUE_DESCRIPTION),
        "dct:publisher": _publisher(),
        "dcat:contactPoint": _contact_point(),
        "foaf:homepage": _ref(site_url(reverse("home"))),
        "dct:language": [_ref(DUTCH), _ref(ENGLISH)],
        "dct:license": _ref(settings.COP_LICENCE_URL),
        "dct:spatial": _ref(GELDERLAND),
        "dct:issued": {"@value": ISSUED, "@type": "xsd:date"},
        "dct:modified": _date_time(_newest(*changes.values())),
        "dcat:dataset": datasets,
        "dcat:service": [api],
    }


def catalogue_view(request):
    body = json.dumps(catalogue(), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type=f"{JSON_LD}; charset=utf-8")
    response["Link"] = f'<{settings.COP_LICENCE_URL}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
