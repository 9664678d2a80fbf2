"""The sign-up form (ACCOUNT_FORMS["signup"]): a taken address costs the same work as a new one.

With ACCOUNT_PREVENT_ENUMERATION allauth answers a taken address like a new sign-up
and mails the address's owner instead of creating an account. But a new account
hashes the password (hundreds of milliseconds with PBKDF2) and a taken address did
not, so the answer time told the two apart. Here the taken path hashes the submitted
password too, and throws the hash away.

A module of its own: allauth's SignupForm is built on ACCOUNT_SIGNUP_FORM_CLASS
(``cop.forms.SignupExtraForm``), so it cannot be imported from ``cop.forms``.
"""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password


class SignupForm(AllauthSignupForm):
    def try_save(self, request):
        if self.account_already_exists:
            # The same work as ``set_password`` on a new account; the result is not kept.
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)
