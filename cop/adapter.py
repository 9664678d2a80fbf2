"""allauth, in the site's voice: account mails know the site's name and address and leave from the queue."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation

from cop import hooks
from cop.tasks import enqueue, mail_as_data, send_prepared_mail


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        request = allauth_context.request
        full = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            "site_name": "Weten wat werkt",
            "site_url": settings.SITE_URL,
            **context,
        }
        # In the language the member chose for mail (notifications registers ``mail_language``), else the page's.
        language = hooks.call("mail_language", email, default=None) or translation.get_language()
        with translation.override(language):
            message = self.render_mail(template_prefix, email, full)
        # Rendered here (the links need the request), sent by the worker: a slow mail server never slows the page.
        enqueue(send_prepared_mail, mail_as_data(message))
