"""The member's own profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cases.models import Case
from cop.forms import ProfileForm
from cop.models import Profile


@login_required
def profile(request):
    profile = Profile.objects.for_user(request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Je profiel is opgeslagen."))
        return redirect("profile")
    my_cases = Case.objects.mine(request.user).order_by("-updated_at")
    return render(request, "cop/profile.html", {"form": form, "profile": profile, "my_cases": my_cases})
