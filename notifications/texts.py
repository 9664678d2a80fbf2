"""What a notification says, in the reader's language (made when it is shown or mailed, not stored)."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from cop.models import Perspective, anonymous_label
from notifications.models import Kind


def headline(notification):
    title = notification.title
    texts = {
        Kind.CASE_SUBMITTED: _("‘%(title)s’ wacht op je beoordeling"),
        Kind.CASE_PUBLISHED: _("Je casus ‘%(title)s’ is gepubliceerd"),
        Kind.CASE_SENT_BACK: _("Je casus ‘%(title)s’ is teruggestuurd"),
        Kind.REFLECTION: _("Nieuwe reflectie op je casus ‘%(title)s’"),
        Kind.INVITATION: _("Je bent uitgenodigd om mee te schrijven aan ‘%(title)s’"),
        Kind.HIDDEN: _("Je bijdrage bij ‘%(title)s’ is verborgen"),
        Kind.REMINDER: _("Morgen: ‘%(title)s’"),
        Kind.WAITLIST: _("Je hebt een plaats bij ‘%(title)s’"),
        Kind.HARVEST: _("De oogst van ‘%(title)s’ is gepubliceerd"),
        Kind.TERM: _("Nieuwe omschrijving van ‘%(title)s’"),
    }
    return texts.get(notification.kind, "%(title)s") % {"title": title}


def actor(notification):
    """Who did it, as the site may name them now: the name while they consent, otherwise their perspective."""
    person = notification.actor
    profile = getattr(person, "profile", None) if person is not None else None
    if profile is not None and profile.show_name_publicly and profile.display_name:
        return profile.display_name
    perspective = (notification.data or {}).get("perspective")
    if perspective not in Perspective.values:
        perspective = profile.effective_perspective if profile is not None else Perspective.OTHER
    return anonymous_label(perspective)


def detail(notification):
    """One sentence under the headline: what to do, or the facilitator's words."""
    kind, message = notification.kind, notification.message
    if kind == Kind.CASE_SENT_BACK:
        return _("De begeleider schrijft: %(message)s") % {"message": message}
    if kind == Kind.HIDDEN:
        return _("Reden: %(reason)s") % {"reason": message} if message else _("Er is geen reden opgegeven.")
    if kind == Kind.REFLECTION:
        return capfirst(_("%(who)s heeft gereflecteerd op je casus.") % {"who": actor(notification)})
    if kind == Kind.INVITATION:
        return capfirst(
            _("%(who)s nodigt je uit. Neem de uitnodiging aan of sla haar af op je profiel.")
            % {"who": actor(notification)}
        )
    if kind == Kind.CASE_SUBMITTED:
        return _("Bekijk de casus en publiceer hem of stuur hem terug met een toelichting.")
    if kind == Kind.CASE_PUBLISHED:
        return _("Iedereen die hem mag zien, kan hem nu lezen.")
    if kind == Kind.WAITLIST:
        return _("Er kwam een plaats vrij. Je stond op de wachtlijst en bent nu aangemeld.")
    if kind == Kind.HARVEST:
        return _("Lees wat er is opgehaald en welke factoren er onderbouwing bij kregen.")
    if kind == Kind.TERM:
        return _("De gemeenschap heeft een nieuwe omschrijving vastgesteld.")
    return message
