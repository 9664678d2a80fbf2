"""Small helpers shared by the apps."""

from urllib.parse import urlencode, urlsplit

from django.db import models
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify


def unique_slug(instance, source, *, field="slug", scope=None):
    """A slug from ``source`` that no other row of the model (within ``scope``) uses.

    Collisions get a numeric suffix: ``buurtkamer``, ``buurtkamer-2``, ``buurtkamer-3``.
    """
    model = type(instance)
    max_length = model._meta.get_field(field).max_length
    base = slugify(source)[: max_length - 4].strip("-") or "item"
    others = model._default_manager.filter(**(scope or {}))
    if instance.pk:
        others = others.exclude(pk=instance.pk)
    taken = set(others.filter(**{f"{field}__startswith": base}).values_list(field, flat=True))
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


class SluggedModel(models.Model):
    """A model whose ``slug`` is made once, on first save, from its ``slug_source`` field.

    The slug is unique within ``slug_scope()`` (the whole table by default); a source
    whose slug is one of ``reserved_slugs`` (a fixed path beside the slugs, such as
    ``nieuw``) gets ``reserved_suffix`` added first. The subclass declares the field.
    """

    slug_source = "name"
    reserved_slugs = frozenset()
    reserved_suffix = ""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.slug_text(), scope=self.slug_scope())
        super().save(*args, **kwargs)

    def slug_scope(self):
        return None

    def slug_text(self):
        text = getattr(self, self.slug_source)
        return f"{text} {self.reserved_suffix}" if slugify(text) in self.reserved_slugs else text


def one_line(text):
    """``text`` on one line: every run of white space (line breaks included) becomes one space.

    For e-mail subjects and other headers, where a line break is refused (BadHeaderError)
    or, worse, starts a new header.
    """
    return " ".join(str(text or "").split())


def accounts_prefix():
    """``/accounts/``: where allauth's pages (log-in, sign-up, password reset …) live."""
    return reverse("account_login").rsplit("/", 2)[0] + "/"


def login_url(request, next_url=None):
    """The log-in address, with ``?next=`` back to ``next_url`` (by default: where the visitor is).

    A ``next`` never points at an account page: on the log-in page itself a link back
    would nest one more ``?next=`` on every visit (a crawler followed 3,079 of them).
    On an account page the link keeps that page's own ``next``, if it has a safe one.
    """
    login = reverse("account_login")
    if request is None:
        return login
    accounts = accounts_prefix()
    if next_url is None:
        next_url = request.GET.get("next", "") if request.path.startswith(accounts) else request.get_full_path()
    if (
        not next_url
        or urlsplit(next_url).path.startswith(accounts)
        or not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return login
    return f"{login}?{urlencode({'next': next_url}, safe='/')}"
