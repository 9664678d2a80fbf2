"""Registration, the waiting list, attendance, check-in at the door and the CSV export."""

import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cop.access import Refused
from cop.roles import is_facilitator
from meetings.access import get_meeting_for_user, get_meeting_to_manage
from meetings.models import Registration
from meetings.qr import qr_data_uri


@login_required
@require_POST
def register(request, slug):
    meeting = get_meeting_for_user(request, slug)
    try:
        registration, _changed = meeting.register(request.user)
    except Refused as refused:
        messages.error(request, refused.message)
        return redirect(meeting)
    if registration.status == Registration.Status.REGISTERED:
        messages.success(
            request, _("Je bent aangemeld. Je krijgt een bevestiging per e-mail, met de afspraak voor je agenda.")
        )
    else:
        messages.info(
            request,
            _(
                "De bijeenkomst is vol: je staat op de wachtlijst. Komt er een plaats vrij, dan schuif je automatisch door."
            ),
        )
    return redirect("meetings:registration", slug=meeting.slug)


@login_required
@require_POST
def cancel(request, slug):
    meeting = get_meeting_for_user(request, slug)
    registration = get_object_or_404(Registration.objects.active(), meeting=meeting, user=request.user)
    registration.cancel()
    messages.success(request, _("Je bent afgemeld. Jammer dat je er niet bij bent."))
    return redirect(meeting)


@login_required
def my_registration(request, slug):
    """The member's own registration, with the personal QR code to check in at the door."""
    meeting = get_meeting_for_user(request, slug)
    registration = Registration.objects.filter(meeting=meeting, user=request.user).first()
    qr = None
    if registration and registration.status == Registration.Status.REGISTERED:
        qr = qr_data_uri(settings.SITE_URL + registration.checkin_path(), title=_("Inchekcode"))
    return render(request, "meetings/registration.html", {"meeting": meeting, "registration": registration, "qr": qr})


@login_required
def registration_list(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    registrations = meeting.registrations.for_list()
    context = {"meeting": meeting, "registrations": registrations, "counts": meeting.counts()}
    return render(request, "meetings/registrations.html", context)


def _csv_cell(value):
    # Spreadsheets run cells that start like a formula; a leading quote keeps them text.
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@login_required
def registration_export(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="aanmeldingen-{meeting.slug}.csv"'
    response.write("\ufeff")  # so that Excel reads UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("naam"), _("e-mailadres"), _("organisatie"), _("status"), _("aangemeld op"), _("aanwezig")])
    for registration in meeting.registrations.for_list():
        profile = getattr(registration.user, "profile", None)
        organisation = profile.organisation.name if profile and profile.organisation else ""
        attended = (
            timezone.localtime(registration.attended_at).strftime("%Y-%m-%d %H:%M") if registration.attended_at else ""
        )
        writer.writerow(
            [
                _csv_cell(registration.user.get_full_name()),
                _csv_cell(registration.user.email),
                _csv_cell(organisation),
                registration.get_status_display(),
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
                attended,
            ]
        )
    return response


@login_required
@require_POST
def mark_attendance(request, slug, pk):
    meeting = get_meeting_to_manage(request, slug)
    registration = get_object_or_404(meeting.registrations, pk=pk)
    try:
        registration.mark_attended(request.POST.get("attended") == "1")
    except Refused as refused:
        messages.error(request, refused.message)
    return redirect("meetings:registrations", slug=meeting.slug)


@login_required
def checkin(request, slug, token):
    """The address in a member's QR code. A facilitator's phone opens it and confirms with one tap."""
    meeting = get_meeting_for_user(request, slug)
    if not is_facilitator(request.user):
        raise PermissionDenied(_("Alleen begeleiders kunnen deelnemers inchecken."))
    registration = meeting.registrations.select_related("user__profile").filter(checkin_token=token).first()
    if registration is None:
        raise Http404
    if request.method == "POST":
        try:
            registration.mark_attended(True)
        except Refused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("%(name)s is ingecheckt.") % {"name": registration.user.get_full_name()})
        return redirect("meetings:checkin", slug=meeting.slug, token=token)
    return render(request, "meetings/checkin.html", {"meeting": meeting, "registration": registration})
