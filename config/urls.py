from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from cop.views import pages, portal, posters, profile, search

urlpatterns = [
    path("", pages.home, name="home"),
    path("over/", pages.about, name="about"),
    path("privacy/", pages.privacy, name="privacy"),
    path("toegankelijkheid/", pages.accessibility, name="accessibility"),
    path("begrippen/", include("glossary.urls")),
    path("zoeken/", search.search, name="search"),
    path("taal/<str:code>/", pages.set_language, name="set-language"),
    path("profiel/", profile.profile, name="profile"),
    # Before the factors include, so that "kaart" is not read as a factor slug.
    path("wat-werkt/kaart/", portal.factor_map, name="factor-map"),
    path("wat-werkt/perspectieven/", portal.perspective_matrix, name="perspective-matrix"),
    path("wat-werkt/poster.pdf", posters.board_poster, name="board-poster"),
    path("wat-werkt/", include("factors.urls")),
    path("casussen/", include("cases.urls")),
    path("bijeenkomsten/", include("meetings.urls")),
    path("live/", include("meetings.live_urls")),
    path("", include("cop.urls_portal")),
    path("", include("privacy.urls")),
    path("", include("ops.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

# A lost database connection outside a view gets the 503 page, not the 500 page.
handler500 = "ops.views.server_error"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
