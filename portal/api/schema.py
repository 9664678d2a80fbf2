"""The OpenAPI document: served as /api/v1/openapi.json (and .yaml), with every answer documented.

drf-spectacular describes the 200s from the serializers; ``document_standard_responses``
(a postprocessing hook) adds what the API answers around them: the ``API-Version``, ``Link``
and CORS headers of every answer, and the problem details (RFC 9457) of each error an
operation can give. 405 is not listed per operation: OpenAPI documents the methods an
operation has, and every other one is refused (see docs/api-changelog.md).
"""

from drf_spectacular.views import SpectacularJSONAPIView, SpectacularYAMLAPIView

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "Problem details (RFC 9457); title and detail in Dutch (English with the English interface).",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri-reference", "example": "about:blank"},
        "title": {"type": "string", "example": "Niet gevonden"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599, "example": 404},
        "detail": {"type": "string"},
        "instance": {"type": "string", "format": "uri-reference", "example": "/api/v1/cases/bestaat-niet"},
        "invalidParams": {
            "type": "array",
            "description": "With a 400: each query parameter that was wrong, and why.",
            "items": {
                "type": "object",
                "required": ["name", "reason"],
                "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
            },
        },
    },
}

HEADERS = {
    "API-Version": {
        "description": "The full semantic version of the API.",
        "schema": {"type": "string", "example": "1.0.0"},
        "required": True,
    },
    "Link": {
        "description": 'The licence of the data: `<url>; rel="license"`.',
        "schema": {"type": "string"},
    },
    "Access-Control-Allow-Origin": {
        "description": "Open for reading from every site.",
        "schema": {"type": "string", "enum": ["*"]},
    },
}

# Status, component name, description.
ERRORS = [
    ("400", "BadRequest", "A query parameter is wrong (see invalidParams)."),
    ("404", "NotFound", "No such object, path or page, or it is not public."),
    ("406", "NotAcceptable", "The Accept header asks for something else than JSON."),
    ("500", "ServerError", "An error on our side."),
    ("503", "ServiceUnavailable", "The API is down for a moment (see Retry-After)."),
]
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def _header_refs():
    return {name: {"$ref": f"#/components/headers/{name}"} for name in HEADERS}


def document_standard_responses(result, generator, request, public):
    """SPECTACULAR_SETTINGS' postprocessing hook: headers and problem answers for every operation."""
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    components["headers"] = HEADERS
    components["responses"] = {
        name: {
            "description": description,
            "headers": _header_refs(),
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for _status, name, description in ERRORS
    }
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for response in responses.values():
                response.setdefault("headers", {}).update(_header_refs())
            for status, name, _description in ERRORS:
                responses.setdefault(status, {"$ref": f"#/components/responses/{name}"})
    return result


class OpenApiJsonView(SpectacularJSONAPIView):
    filename = "openapi.json"

    def _get_filename(self, request, version):
        # drf-spectacular names the file after the title, whose em dash made the
        # Content-Disposition header RFC 2047-encoded (which nothing reads): plain ASCII.
        return self.filename


class OpenApiYamlView(OpenApiJsonView):
    renderer_classes = SpectacularYAMLAPIView.renderer_classes
    filename = "openapi.yaml"
