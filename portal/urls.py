"""The public read side: home and pages, search, visuals, posters, embeds, API, feeds, open data, sitemap."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from portal import api, dcat, feeds, opendata
from portal.sitemaps import SITEMAPS
from portal.views import digest, embed, pages, poster_files, qda, search
from portal.views import visuals as visual_views

urlpatterns = [
    path("", pages.home, name="home"),
    path("over/", pages.about, name="about"),
    path("privacy/", pages.privacy, name="privacy"),
    path("toegankelijkheid/", pages.accessibility, name="accessibility"),
    path("zoeken/", search.search, name="search"),
    path("taal/<str:code>/", pages.set_language, name="set-language"),
    path("wat-werkt/kaart/", visual_views.factor_map, name="factor-map"),
    path("wat-werkt/perspectieven/", visual_views.perspective_matrix, name="perspective-matrix"),
    path("wat-werkt/poster.pdf", poster_files.board_poster, name="board-poster"),
    # The API under its major version, without trailing slashes (docs/api-changelog.md);
    # /api/ stays the human page about it, and every other /api/… of before is a 308 to /api/v1/….
    path("api/", api.api_root, name="api-root"),
    path("api/v1", api.api_index, name="api-index"),
    path("api/v1/openapi.json", api.OpenApiJsonView.as_view(), name="api-schema"),
    path("api/v1/openapi.yaml", api.OpenApiYamlView.as_view(), name="api-schema-yaml"),
    path("api/v1/", include((api.router.urls, "api"), namespace="api")),
    re_path(r"^api/(?!v1(?:/|$))(?P<rest>.+)$", api.legacy_redirect, name="api-legacy"),
    path("open-data/", opendata.open_data, name="open-data"),
    path("open-data/catalogus.jsonld", dcat.catalogue_view, name="open-data-catalogue"),
    path("open-data/<slug:dataset>.csv", opendata.download_csv, name="open-data-csv"),
    path("open-data/<slug:dataset>.json", opendata.download_json, name="open-data-json"),
    path("open-data/beelden/<slug:name>.svg", visual_views.visual_svg, name="visual-svg"),
    # REFI-QDA (portal.qda): the whole CoP as a project (facilitators), the codebook (everyone).
    path("open-data/weten-wat-werkt.qdpx", qda.cop_project, name="qda-project"),
    path("open-data/codeboek.qdc", qda.codebook, name="qda-codebook"),
    # The only pages other sites may frame (portal.views.embed).
    path("embed/wat-werkt/", embed.board, name="embed-board"),
    path("embed/wat-werkt/<slug:slug>/", embed.factor, name="embed-factor"),
    path("robots.txt", pages.robots_txt, name="robots-txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]

# /feeds/<name>/ (RSS) and /feeds/<name>/atom/, and the same per item: /feeds/<name>/<slug>/.
for name, feed_class in feeds.FEEDS.items():
    item_class = feeds.ITEM_FEEDS[name]
    urlpatterns += [
        path(f"feeds/{name}/", feed_class(), name=f"feed-{name}"),
        path(f"feeds/{name}/atom/", feeds.atom(feed_class)(), name=f"feed-{name}-atom"),
        path(f"feeds/{name}/<slug:slug>/", item_class(), name=f"feed-{name}-item"),
        path(f"feeds/{name}/<slug:slug>/atom/", feeds.atom(item_class)(), name=f"feed-{name}-item-atom"),
    ]

# Included by config/urls.py in the meetings: namespace, beside meetings/urls.py.
meeting_urlpatterns = [
    path("<slug:slug>/poster.pdf", poster_files.meeting_poster, name="poster"),
    path("<slug:slug>/opgehaald/", digest.digest, name="digest"),
    path("<slug:slug>/export.qdpx", qda.meeting_project, name="qda-project"),
]
