"""The member's own pages under /profiel/: the profile, a ZIP copy of all their data, account deletion."""

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from cases.invitations import open_invitations_for
from cases.models import Case
from cop.forms import ProfileForm
from cop.models import Profile
from privacy.accounts import DeleteAccountForm, delete_member, member_data_summary
from privacy.export import member_zip


@never_cache
@login_required
@require_GET
def export(request):
    response = HttpResponse(member_zip(request.user), content_type="application/zip")
    filename = f"weten-wat-werkt-mijn-gegevens-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        # The password is asked again here: limit guessing as allauth does for re-authentication.
        if not ratelimit.consume(request, action="reauthenticate", user=request.user):
            return ratelimit.respond_429(request)
        if form.is_valid():
            delete_member(request.user, content=form.cleaned_data["content"])
            logout(request)
            messages.success(
                request, _("Je account is verwijderd, met al je persoonsgegevens. Bedankt voor je bijdrage.")
            )
            return redirect("home")
    context = {"form": form, "summary": member_data_summary(request.user)}
    return render(request, "privacy/profile_delete.html", context)


@login_required
def profile(request):
    profile = Profile.objects.for_user(request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Je profiel is opgeslagen."))
        return redirect("profile")
    my_cases = Case.objects.mine(request.user).order_by("-updated_at")
    context = {
        "form": form,
        "profile": profile,
        "my_cases": my_cases,
        "invitations": open_invitations_for(request.user),
    }
    return render(request, "privacy/profile.html", context)
