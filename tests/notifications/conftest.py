import pytest
from django.urls import reverse

from cases.models import Case
from tests.conftest import make_case, make_factor, make_meeting, make_user  # noqa: F401 (used by the tests)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``committed(fn, *args)``: run ``fn`` and then what waited for the commit (signals, tasks)."""

    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run


@pytest.fixture
def draft(owner, coeditor):
    case = make_case(owner, title="Buurtkamer De Linde", status="draft", story="<p>Het verhaal.</p>")
    case.co_editors.add(coeditor)
    return case


def submit(case, by):
    case.refresh_from_db()
    case.submit(by=by)
    return Case.objects.get(pk=case.pk)


def step_url(name, case):
    return reverse(f"cases:{name}", args=[case.slug])
