"""The member's notifications, follows and mail preferences (/profiel/meldingen/), and unsubscribing from a mail."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from notifications import follow, mail, texts
from notifications.forms import MailSettingsForm
from notifications.models import Follow, Kind, MailSettings, Notification
from notifications.targets import FOLLOWABLE, type_of, url_of, visible_ids, visible_queryset

PER_PAGE = 30


def visible_notifications(user, notifications):
    """Of ``notifications``, those about something ``user`` may still see (one query per kind of object)."""
    allowed = visible_ids(user, {(n.target_type_id, n.target_id) for n in notifications})
    return [n for n in notifications if (n.target_type_id, n.target_id) in allowed]


@never_cache
@login_required
def notification_list(request):
    queryset = (
        Notification.objects.filter(recipient=request.user)
        .select_related("actor__profile")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(queryset, PER_PAGE).get_page(request.GET.get("pagina"))
    rows = [
        {"notification": n, "headline": texts.headline(n), "detail": texts.detail(n)}
        for n in visible_notifications(request.user, list(page.object_list))
    ]
    return render(request, "notifications/list.html", {"page": page, "rows": rows})


@login_required
def open_notification(request, pk):
    """Mark it read and go to what it is about (only if the member may still see it)."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if not visible_notifications(request.user, [notification]):
        raise Http404
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return redirect(notification.url)


@require_POST
@login_required
def mark_all_read(request):
    Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(read_at=timezone.now())
    messages.success(request, _("Alle meldingen zijn gelezen."))
    return redirect("notifications:list")


@never_cache
@login_required
def mail_settings(request):
    instance = MailSettings.objects.filter(user=request.user).first() or MailSettings(
        user=request.user, language=getattr(request, "LANGUAGE_CODE", "nl")
    )
    form = MailSettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Je voorkeuren zijn opgeslagen."))
        return redirect("notifications:settings")
    rows = []
    for followed in Follow.objects.filter(user=request.user).select_related("target_type"):
        model = followed.target_type.model_class()
        obj = visible_queryset(model, request.user).filter(pk=followed.target_id).first() if model else None
        if obj is not None:
            rows.append(
                {"object": obj, "label": FOLLOWABLE.get(model, ""), "url": url_of(obj), "kind": follow.slug_of(model)}
            )
    return render(request, "notifications/settings.html", {"form": form, "follows": rows})


@require_POST
@login_required
def toggle_follow(request, kind, pk):
    """Follow or stop following; htmx gets the new button, a plain form goes back where it came from."""
    model = follow.model_of(kind)
    if model is None:
        raise Http404
    obj = get_object_or_404(visible_queryset(model, request.user), pk=pk)
    found = Follow.objects.filter(user=request.user, target_type=type_of(obj), target_id=obj.pk)
    if found.exists():
        found.delete()
        following = False
        text = _("Je volgt ‘%(name)s’ niet meer.") % {"name": obj}
    else:
        Follow.objects.get_or_create(user=request.user, target_type=type_of(obj), target_id=obj.pk)
        following = True
        text = _("Je volgt nu ‘%(name)s’. Wat er nieuw is, komt in je overzicht.") % {"name": obj}
    if request.htmx:
        context = follow.button_context(request, obj, following)
        context["announce"] = text
        context["next"] = request.POST.get("next", "")
        return render(request, "notifications/partials/follow_button.html", context)
    messages.success(request, text)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = url_of(obj)
    return redirect(target)


@csrf_exempt  # RFC 8058: mail clients POST without a session or a CSRF token; the signed token is the proof
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    found = mail.read_unsubscribe_token(token)
    if found is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    user_id, kind = found
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    done = False
    if request.method == "POST":
        settings_, _created = MailSettings.objects.get_or_create(user=user)
        if kind == Kind.DIGEST:
            settings_.digest = MailSettings.Digest.NEVER
        elif kind not in settings_.muted:
            settings_.muted = [*settings_.muted, kind]
        settings_.save(update_fields=["digest", "muted"])
        done = True
    context = {"kind_label": Kind(kind).label, "done": done, "token": token}
    return render(request, "notifications/unsubscribe.html", context)
