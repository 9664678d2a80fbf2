"""The open data API: read-only, anonymous, public content only.

Every queryset starts from a ``public()`` method (via ``portal.queries``); nested
relations are prefetched with public querysets too, so that a published case never
carries a proposed factor or a hidden reflection along. People appear only as
``cop.models.public_name`` (their name with consent, otherwise their perspective);
no e-mail address, user id or contact detail is ever serialised.
"""

from portal.api.views import api_root, router

__all__ = ["api_root", "router"]
