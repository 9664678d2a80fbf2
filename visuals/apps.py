from django.apps import AppConfig


class VisualsConfig(AppConfig):
    """Server-made SVG charts from plain data (no models); installed for its template tags."""

    name = "visuals"
    verbose_name = "Visuals"
