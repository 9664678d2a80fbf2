"""Facilitators: series and meetings, the harvest text and images, publishing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cop.access import Refused, require_facilitator
from meetings import services
from meetings.access import get_meeting_to_manage
from meetings.forms import HarvestForm, HarvestImageForm, MeetingForm, SeriesForm
from meetings.models import Meeting, Series


@login_required
def series_create(request):
    require_facilitator(request.user)
    form = SeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        series = form.save()
        messages.success(request, _("De reeks is aangemaakt."))
        return redirect(series)
    return render(request, "meetings/series_form.html", {"form": form})


@login_required
def series_edit(request, slug):
    series = get_object_or_404(Series.objects.visible_to(request.user), slug=slug)
    require_facilitator(request.user)
    form = SeriesForm(request.POST or None, instance=series)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De reeks is opgeslagen."))
        return redirect(series)
    return render(request, "meetings/series_form.html", {"form": form, "series": series})


@login_required
def meeting_create(request):
    require_facilitator(request.user)
    initial = {"facilitators": [request.user.pk]}
    series = Series.objects.filter(slug=request.GET.get("reeks", "")).first()
    if series:
        initial["series"] = series.pk
    form = MeetingForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        meeting = form.save(commit=False)
        meeting.created_by = request.user
        meeting.save()
        form.save_m2m()
        messages.success(request, _("De bijeenkomst is aangemaakt. Voeg in de regie de rondes toe."))
        return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {"form": form})


@login_required
def meeting_edit(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    form = MeetingForm(request.POST or None, instance=meeting, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            # More places: the waiting list moves up at once.
            Meeting.lock(meeting.pk).fill_from_waitlist()
        messages.success(request, _("De bijeenkomst is opgeslagen."))
        return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
def harvest_edit(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    form = HarvestForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De oogst is opgeslagen."))
        return redirect("meetings:harvest-edit", slug=meeting.slug)
    context = {
        "meeting": meeting,
        "form": form,
        "image_form": HarvestImageForm(),
        "images": meeting.harvest_images.all(),
    }
    return render(request, "meetings/harvest_form.html", context)


@login_required
@require_POST
def harvest_image_add(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    image_form = HarvestImageForm(request.POST, request.FILES, instance=None)
    if image_form.is_valid():
        image_form.instance.meeting = meeting
        image_form.save()
        messages.success(request, _("De afbeelding is toegevoegd aan de oogst."))
        return redirect("meetings:harvest-edit", slug=meeting.slug)
    context = {
        "meeting": meeting,
        "form": HarvestForm(instance=meeting),
        "image_form": image_form,
        "images": meeting.harvest_images.all(),
    }
    return render(request, "meetings/harvest_form.html", context, status=400)


@login_required
@require_POST
def harvest_image_delete(request, slug, pk):
    meeting = get_meeting_to_manage(request, slug)
    image = get_object_or_404(meeting.harvest_images, pk=pk)
    image.image.delete(save=False)
    image.thumbnail.delete(save=False)
    image.delete()
    messages.success(request, _("De afbeelding is verwijderd."))
    return redirect("meetings:harvest-edit", slug=meeting.slug)


@login_required
@require_POST
def publish(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    if request.POST.get("bevestigd") != "1":
        # A publishing step is confirmed on its own page first (the buttons confirm in place).
        context = {
            "meeting": meeting,
            "title": _("Oogst publiceren?"),
            "text": _(
                "De oogst komt op het portaal: de samenvatting, de geclusterde bijdragen (zonder namen) en de "
                "stippen. De bijdragen tellen dan mee als onderbouwing van hun factoren. Je kunt de publicatie "
                "later intrekken."
            ),
            "action": reverse("meetings:publish", kwargs={"slug": meeting.slug}),
            "button": _("Ja, oogst publiceren"),
            "back": meeting.get_absolute_url(),
        }
        return render(request, "meetings/confirm.html", context)
    try:
        services.publish_harvest(meeting, by=request.user)
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("De oogst staat op het portaal."))
    return redirect(meeting)


@login_required
@require_POST
def unpublish(request, slug):
    meeting = get_meeting_to_manage(request, slug)
    try:
        services.unpublish_harvest(meeting, by=request.user)
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("De oogst is van het portaal gehaald. Er is niets verwijderd."))
    return redirect(meeting)
