"""The site's URLs plus the board embed behind the page cache (tests/portal/test_embed.py)."""

from django.urls import include, path

from cop.cache import cache_public_page
from portal.views import embed

urlpatterns = [
    path("ingesloten/", embed.frameable(cache_public_page()(embed.board.__wrapped__))),
    path("", include("config.urls")),
]
