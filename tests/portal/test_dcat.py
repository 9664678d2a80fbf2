"""/open-data/catalogus.jsonld: the open data as a DCAT-AP-NL catalogue, read back as RDF."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from cop.cache import CACHED_PAGES
from cop.models import TermVersion
from portal.dcat import GELDERLAND, PUBLIC
from portal.opendata import DATASETS
from tests.portal.conftest import assert_no_leaks

pytestmark = pytest.mark.django_db
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
IANA = "https://www.iana.org/assignments/media-types/"
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
# The mandatory (and the asked-for recommended) properties of DCAT-AP-NL / DCAT-AP-DONL.
DATASET_PROPERTIES = [DCTERMS.title, DCTERMS.description, DCTERMS.identifier, DCTERMS.publisher,
                      DCAT.contactPoint, DCTERMS.license, DCTERMS.modified, DCTERMS.spatial,
                      DCTERMS.accessRights, DCTERMS.language, DCAT.keyword, DCAT.theme, DCAT.distribution]  # fmt: skip
DISTRIBUTION_PROPERTIES = [DCAT.accessURL, DCAT.downloadURL, DCAT.mediaType, DCTERMS.format, DCTERMS.license,
                           DCTERMS.modified]  # fmt: skip
CATALOGUE_PROPERTIES = [DCTERMS.title, DCTERMS.description, DCTERMS.publisher, FOAF.homepage, DCTERMS.language,
                        DCTERMS.license, DCTERMS.issued, DCTERMS.modified, DCAT.dataset]  # fmt: skip


def fetch(client):
    response = client.get(reverse("open-data-catalogue"))
    assert response.status_code == 200
    return response


def graph_of(client):
    text = fetch(client).content.decode()
    return Graph().parse(data=text, format="json-ld"), text


def the_catalogue(graph):
    (catalogue,) = graph.subjects(RDF.type, DCAT.Catalog)
    return catalogue


def datasets(graph):
    return {str(graph.value(dataset, DCTERMS.identifier)).rsplit("#", 1)[1]: dataset
            for dataset in graph.objects(the_catalogue(graph), DCAT.dataset)}  # fmt: skip


def moment(literal):
    """An ISO 8601 date or date-time, as a timezone-aware datetime (a date counts from its midnight)."""
    value = str(literal)
    if len(value) == 10:
        return datetime.datetime.fromisoformat(value).replace(tzinfo=datetime.UTC)
    parsed = datetime.datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, value
    return parsed


def languages(graph, subject, predicate):
    return {literal.language for literal in graph.objects(subject, predicate)}


def test_the_catalogue_is_json_ld_with_cors_and_the_licence(client, world):
    response = fetch(client)
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert 'rel="license"' in response["Link"]
    assert "open-data-catalogue" in CACHED_PAGES
    assert_no_leaks(response.content.decode())


def test_the_catalogue_has_the_mandatory_properties(client, world):
    graph, _text = graph_of(client)
    catalogue = the_catalogue(graph)
    assert [p for p in CATALOGUE_PROPERTIES if graph.value(catalogue, p) is None] == []
    assert languages(graph, catalogue, DCTERMS.title) == {"nl", "en"}
    publisher = graph.value(catalogue, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in graph and graph.value(publisher, FOAF.name)
    assert graph.value(catalogue, FOAF.homepage) == URIRef(f"{settings.SITE_URL}/")
    assert graph.value(catalogue, DCTERMS.license) == URIRef(settings.COP_LICENCE_URL)


def test_every_download_and_the_harvests_are_a_dataset_with_the_mandatory_properties(client, world):
    graph, _text = graph_of(client)
    found = datasets(graph)
    assert set(found) == {*DATASETS, "oogsten"}
    for slug, dataset in found.items():
        assert (dataset, RDF.type, DCAT.Dataset) in graph
        missing = [p for p in DATASET_PROPERTIES if graph.value(dataset, p) is None]
        assert missing == [], slug
        assert "nl" in languages(graph, dataset, DCTERMS.title), slug
        assert "nl" in languages(graph, dataset, DCTERMS.description), slug
        assert graph.value(dataset, DCTERMS.spatial) == URIRef(GELDERLAND)
        assert graph.value(dataset, DCTERMS.accessRights) == URIRef(PUBLIC)
        assert graph.value(dataset, DCTERMS.license) == URIRef(settings.COP_LICENCE_URL)
        assert graph.value(graph.value(dataset, DCTERMS.publisher), FOAF.name)
        contact = graph.value(dataset, DCAT.contactPoint)
        assert graph.value(contact, VCARD.fn) and graph.value(contact, VCARD.hasURL)
    # English where the interface has a translation.
    assert Literal("Cases", lang="en") in set(graph.objects(found["casussen"], DCTERMS.title))


def test_every_distribution_answers_with_its_media_type(client, world):
    graph, _text = graph_of(client)
    distributions = [(slug, d) for slug, dataset in datasets(graph).items()
                     for d in graph.objects(dataset, DCAT.distribution)]  # fmt: skip
    assert len(distributions) == 2 * len(DATASETS) + 2
    for slug, distribution in distributions:
        assert [p for p in DISTRIBUTION_PROPERTIES if graph.value(distribution, p) is None] == [], slug
        url = str(graph.value(distribution, DCAT.downloadURL))
        assert url == str(graph.value(distribution, DCAT.accessURL))
        assert url.startswith(settings.SITE_URL)
        media_type = str(graph.value(distribution, DCAT.mediaType)).removeprefix(IANA)
        assert str(graph.value(distribution, DCTERMS.format)).startswith(EU_FILE_TYPE)
        response = client.get(url.removeprefix(settings.SITE_URL))
        assert response.status_code == 200, url
        assert response["Content-Type"].split(";")[0] == media_type, url
        # The feeds (portal.feeds) are not open-data files of their own.
        assert slug == "oogsten" or response["Access-Control-Allow-Origin"] == "*"


def test_modified_dates_are_iso_8601_and_the_newest_change_of_the_data(client, world):
    graph, _text = graph_of(client)
    found = datasets(graph)
    for slug, dataset in found.items():
        modified = moment(graph.value(dataset, DCTERMS.modified))
        for distribution in graph.objects(dataset, DCAT.distribution):
            assert moment(graph.value(distribution, DCTERMS.modified)) == modified, slug
    newest = max(moment(graph.value(dataset, DCTERMS.modified)) for dataset in found.values())
    assert moment(graph.value(the_catalogue(graph), DCTERMS.modified)) == newest
    cases = moment(graph.value(found["casussen"], DCTERMS.modified))
    assert cases == max(world.case.updated_at, world.second.updated_at).replace(microsecond=cases.microsecond)


def test_modified_follows_a_change_of_the_data(client, world):
    from cases.models import Case

    later = timezone.now() + datetime.timedelta(days=2)
    Case.objects.filter(pk=world.second.pk).update(updated_at=later)
    graph = graph_of(client)[0]
    found = datasets(graph)
    for slug in ("casussen", "factoren", "onderbouwing"):
        assert moment(graph.value(found[slug], DCTERMS.modified)) == later, slug
    assert moment(graph.value(found["begrippen"], DCTERMS.modified)) < later
    assert moment(graph.value(the_catalogue(graph), DCTERMS.modified)) == later

    # A private case changes nothing public.
    Case.objects.filter(pk=world.draft.pk).update(updated_at=later + datetime.timedelta(days=1))
    graph = graph_of(client)[0]
    assert moment(graph.value(datasets(graph)["casussen"], DCTERMS.modified)) == later

    version = TermVersion.objects.create(term=world.term, definition="<p>Een nieuwe omschrijving.</p>")
    version.accept(by=None)
    graph = graph_of(client)[0]
    assert moment(graph.value(datasets(graph)["begrippen"], DCTERMS.modified)) == version.accepted_at


def test_an_empty_catalogue_is_still_complete(client, db):
    graph, _text = graph_of(client)
    for slug, dataset in datasets(graph).items():
        assert [p for p in DATASET_PROPERTIES if graph.value(dataset, p) is None] == [], slug
        moment(graph.value(dataset, DCTERMS.modified))


def test_the_open_data_page_and_the_sitemap_link_the_catalogue(client, db):
    url = reverse("open-data-catalogue")
    html = client.get(reverse("open-data")).content.decode()
    assert f'<link rel="alternate" type="application/ld+json" href="{url}"' in html
    assert f'<a href="{url}" type="application/ld+json">' in html
    sitemap = client.get(reverse("sitemap-section", args=["paginas"])).content.decode()
    assert f"<loc>http://testserver{url}</loc>" in sitemap
