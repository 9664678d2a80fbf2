"""The mails: plain text plus simple HTML, in the member's language, with a one-click unsubscribe (RFC 8058)."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cop.utils import one_line
from notifications.models import Kind, MailSettings

UNSUBSCRIBE_SALT = "notifications.unsubscribe"


def settings_for(user):
    """The member's mail settings (unsaved defaults when they never chose)."""
    found = MailSettings.objects.filter(user=user).first()
    return found or MailSettings(user=user)


def settings_by_user(user_ids):
    found = {s.user_id: s for s in MailSettings.objects.filter(user_id__in=user_ids)}
    return {pk: found.get(pk) or MailSettings(user_id=pk) for pk in user_ids}


def verified_user_ids(users):
    """Of ``users``, those whose account address is verified: mail never goes to an unverified address."""
    by_pk = {user.pk: user.email.lower() for user in users if user.email}
    rows = EmailAddress.objects.filter(user_id__in=list(by_pk), verified=True).values_list("user_id", "email")
    return {pk for pk, email in rows if by_pk.get(pk) == email.lower()}


def absolute(path):
    return settings.SITE_URL + path


def max_attempts():
    return getattr(settings, "TASK_MAX_ATTEMPTS", 5)


def unsubscribe_token(user_id, kind):
    return signing.dumps({"u": user_id, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token):
    """``(user id, kind)`` of a token this site signed, or None."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") not in Kind.values or not isinstance(data.get("u"), int):
        return None
    return data["u"], data["k"]


def unsubscribe_url(user_id, kind):
    return settings.SITE_URL + reverse("notifications:unsubscribe", kwargs={"token": unsubscribe_token(user_id, kind)})


# Stands in for the member's own unsubscribe link in a body rendered once for many members.
LINK_SLOT = "notifications-unsubscribe-link-slot"


def language_of_address(address):
    """The language a member chose for their mail, by one of their addresses (allauth's mails); None when
    nobody with that address chose one."""
    users = EmailAddress.objects.filter(email__iexact=address).values("user_id")
    chosen = MailSettings.objects.filter(user_id__in=users).values_list("language", flat=True).first()
    return chosen or None


def render_bodies(*, kind, context, language, link):
    with translation.override(language):
        full = {
            **context,
            "site_name": _("Weten wat werkt"),
            "site_url": settings.SITE_URL,
            "settings_url": settings.SITE_URL + reverse("notifications:settings"),
            "unsubscribe_url": link,
            "kind_label": Kind(kind).label,
        }
        template = context.get("template", "message")
        text = render_to_string(f"notifications/email/{template}.txt", full)
        html = render_to_string(f"notifications/email/{template}.html", full)
    return text, html


def build(user, *, kind, subject, context, language="nl", attachments=(), rendered=None, same_as=None):
    """One mail to ``user`` about ``kind``: ``context`` fills notifications/email/<template>.{txt,html}.

    ``rendered`` (a dict) with ``same_as`` (a key for what the bodies show): members who get the same
    content share one rendering, with their own unsubscribe link put in (a digest run renders each
    distinct digest once, not once per member).
    """
    link = unsubscribe_url(user.pk, kind)
    if rendered is not None and same_as is not None:
        key = (kind, language, same_as)
        if key not in rendered:
            rendered[key] = render_bodies(kind=kind, context=context, language=language, link=LINK_SLOT)
        text, html = (body.replace(LINK_SLOT, link) for body in rendered[key])
    else:
        text, html = render_bodies(kind=kind, context=context, language=language, link=link)
    with translation.override(language):
        subject = one_line(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + str(subject))
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[user.email],
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    return message
