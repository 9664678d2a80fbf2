from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the platform: health check, security.txt, the error handler, backup and restore."""

    name = "ops"
    verbose_name = "Operations"
