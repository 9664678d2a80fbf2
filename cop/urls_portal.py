"""Open knowledge: API, feeds, open data, sitemap (issue: the public knowledge portal)."""

urlpatterns = []
