"""Where allauth sends someone after logging in: facilitators to their meetings, others to their profile.

Builds on cop's adapter, which sends the account mails in the site's voice from the task queue.
"""

from django.urls import reverse

from cop.adapter import AccountAdapter as MailingAccountAdapter
from cop.roles import is_facilitator


class AccountAdapter(MailingAccountAdapter):
    def get_login_redirect_url(self, request):
        # A "next" address still wins: allauth reads it before it asks the adapter.
        if is_facilitator(request.user):
            return reverse("meetings:mine")
        return super().get_login_redirect_url(request)
