from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from meetings import urls as meeting_urls
from portal import urls as portal_urls

urlpatterns = [
    # The public read side first: its fixed paths under /wat-werkt/ (map, matrix, poster) must
    # win over the factors' "<slug>/".
    path("", include(portal_urls)),
    path("begrippen/", include("glossary.urls")),
    path("wat-werkt/", include("factors.urls")),
    path("casussen/", include("cases.urls")),
    # The portal's pages of one meeting (poster, digest) keep their meetings: names.
    path("bijeenkomsten/", include((portal_urls.meeting_urlpatterns + meeting_urls.urlpatterns, "meetings"))),
    path("live/", include("meetings.live_urls")),
    path("", include("privacy.urls")),
    path("", include("notifications.urls")),
    path("", include("ops.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

# A lost database connection outside a view gets the 503 page, not the 500 page.
handler500 = "ops.views.server_error"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
