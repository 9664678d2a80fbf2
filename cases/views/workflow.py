"""The publication workflow: submit, publish, send back, withdraw; and the facilitators' review queue.

Changes to published cases are reviewed in ``cases.views.changes``.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.access import get_case_for_step, require_facilitator
from cases.forms import SendBackForm
from cases.models import Case, CasePendingChange
from cop.access import run_or_refuse


def _run(request, case, change, success):
    run_or_refuse(request, change, success)
    return redirect(case)


@require_POST
@login_required
def submit(request, slug):
    case = get_case_for_step(request, slug, "submit")
    return _run(
        request, case, lambda: case.submit(by=request.user), _("De casus is ingediend. Een begeleider kijkt ernaar.")
    )


@require_POST
@login_required
def publish(request, slug):
    case = get_case_for_step(request, slug, "publish")
    return _run(request, case, lambda: case.publish(by=request.user), _("De casus is gepubliceerd."))


@require_POST
@login_required
def send_back(request, slug):
    case = get_case_for_step(request, slug, "send_back")
    form = SendBackForm(request.POST)
    if not form.is_valid():
        return render(request, "cases/send_back.html", {"case": case, "form": form})
    message = form.cleaned_data["message"]
    return _run(
        request,
        case,
        lambda: case.send_back(by=request.user, message=message),
        _("De casus is teruggestuurd naar de auteurs."),
    )


@require_POST
@login_required
def withdraw(request, slug):
    case = get_case_for_step(request, slug, "withdraw")
    return _run(request, case, lambda: case.withdraw(by=request.user), _("De casus is teruggetrokken."))


@login_required
def review_queue(request):
    require_facilitator(request.user)
    submitted = (
        Case.objects.filter(status=Case.Status.SUBMITTED)
        .select_related("owner__profile", "organisation", "municipality")
        .order_by("submitted_at", "pk")
    )
    # Edits of published cases that wait (cases.review); one whose case left "published" waits for its authors.
    changes = (
        CasePendingChange.objects.open()
        .filter(case__status=Case.Status.PUBLISHED)
        .select_related("case", "author__profile")
        .order_by("created_at", "pk")
    )
    context = {"cases": submitted, "changes": changes, "send_back_form": SendBackForm()}
    return render(request, "cases/review_queue.html", context)
