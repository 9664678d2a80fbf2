"""The live mode for phones and the projector wall (/live/<code>/)."""

app_name = "live"
urlpatterns = []
