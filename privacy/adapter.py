"""Where allauth sends someone after logging in: facilitators to their meetings, others to their profile."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from cop.roles import is_facilitator


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        # A "next" address still wins: allauth reads it before it asks the adapter.
        if is_facilitator(request.user):
            return reverse("meetings:mine")
        return super().get_login_redirect_url(request)
