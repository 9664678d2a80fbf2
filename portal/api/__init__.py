"""The open data API: read-only, anonymous, public content only.

Every queryset starts from a ``public()`` method (via ``portal.queries``); nested
relations are prefetched with public querysets too, so that a published case never
carries a proposed factor or a hidden reflection along. People appear only as
``cop.models.public_name`` (their name with consent, otherwise their perspective);
no e-mail address, user id or contact detail is ever serialised.
"""

from portal.api.schema import OpenApiJsonView, OpenApiYamlView
from portal.api.views import api_index, api_root, legacy_redirect, router

__all__ = ["OpenApiJsonView", "OpenApiYamlView", "api_index", "api_root", "legacy_redirect", "router"]
