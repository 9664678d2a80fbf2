from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Demo data, the data generator and benchmark instrumentation.

    Installed only in development (DJANGO_DEBUG=1), in the benchmark (BENCH_MODE=1) and in
    the test suite: production never loads this package.
    """

    name = "devtools"
    verbose_name = "Development tools"
