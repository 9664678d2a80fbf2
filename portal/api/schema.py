"""The OpenAPI document: served as /api/v1/openapi.json (and .yaml), with every answer documented.

drf-spectacular describes the 200s from the serializers; ``document_standard_responses``
(a postprocessing hook) adds what the API answers around them: the ``API-Version``, ``Link``
and CORS headers of every answer, and the problem details (RFC 9457) of each error an
operation can give. 405 is not listed per operation: OpenAPI documents the methods an
operation has, and every other one is refused (see docs/api-changelog.md).
"""

from drf_spectacular.views import SpectacularJSONAPIView, SpectacularYAMLAPIView

PROBLEM_PROPERTIES = {
    "type": {"type": "string", "format": "uri-reference", "example": "about:blank"},
    "title": {"type": "string", "example": "Niet gevonden"},
    "status": {"type": "integer", "minimum": 400, "maximum": 599, "example": 404},
    "detail": {"type": "string"},
    "instance": {"type": "string", "format": "uri-reference", "example": "/api/v1/cases/bestaat-niet"},
}
PROBLEM_SCHEMA = {
    "type": "object",
    "description": "Problem details (RFC 9457); title and detail in Dutch (English with the English interface).",
    "required": ["type", "title", "status", "detail"],
    "properties": PROBLEM_PROPERTIES,
}
# A 400: the problem plus the invalid-input extension of the NL API Design Rules.
INVALID_INPUT_SCHEMA = {
    "type": "object",
    "description": "Problem details (RFC 9457) of a wrong query parameter, each named in errors.",
    "required": ["type", "title", "status", "detail", "errors"],
    "properties": {
        **PROBLEM_PROPERTIES,
        "errors": {
            "type": "array",
            "description": "Each query parameter that was wrong, and why.",
            "items": {
                "type": "object",
                "required": ["in", "location", "code", "detail"],
                "properties": {
                    "in": {"type": "string", "enum": ["query", "path"]},
                    "location": {
                        "type": "object",
                        "required": ["name"],
                        "properties": {"name": {"type": "string", "example": "pageSize"}},
                    },
                    "code": {"type": "string", "enum": ["invalid", "out-of-range"]},
                    "detail": {"type": "string", "example": "Geef een heel getal van 1 tot en met 100."},
                },
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

# Status, component name, description (and the schema, Problem unless named).
ERRORS = [
    ("400", "BadRequest", "A query parameter is wrong (see errors).", "InvalidInputProblem"),
    ("404", "NotFound", "No such object, path or page, or it is not public.", "Problem"),
    ("406", "NotAcceptable", "The Accept header asks for something else than JSON.", "Problem"),
    ("500", "ServerError", "An error on our side.", "Problem"),
    ("503", "ServiceUnavailable", "The API is down for a moment (see Retry-After).", "Problem"),
]
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}

# The document itself is a resource of the API too (/core/publish-openapi).
OPENAPI_OPERATION = {
    "operationId": "openapi_retrieve",
    "summary": "This OpenAPI document",
    "description": "The description of this API in OpenAPI 3 (JSON; YAML at openapi.yaml).",
    "tags": ["openapi"],
    "responses": {
        "200": {
            "description": "The OpenAPI document.",
            "content": {"application/vnd.oai.openapi+json": {"schema": {"type": "object"}}},
        }
    },
}
# A description for every tag the operations use (drf-spectacular tags by the first path segment).
TAG_DESCRIPTIONS = {
    "cases": "Published public cases (practice examples) with their factors.",
    "factors": "Accepted working factors and obstacles with their evidence.",
    "meetings": "Meetings of the CoP and their published harvests.",
    "terms": "The shared language: terms and their accepted definitions.",
    "themes": "The themes that cases and factors are grouped by.",
    "openapi": "The description of this API.",
}


def _header_refs():
    return {name: {"$ref": f"#/components/headers/{name}"} for name in HEADERS}


def document_standard_responses(result, generator, request, public):
    """SPECTACULAR_SETTINGS' postprocessing hook: headers and problem answers for every operation."""
    components = result.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas["Problem"] = PROBLEM_SCHEMA
    schemas["InvalidInputProblem"] = INVALID_INPUT_SCHEMA
    components["headers"] = HEADERS
    components["responses"] = {
        name: {
            "description": description,
            "headers": _header_refs(),
            "content": {"application/problem+json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
        }
        for _status, name, description, schema in ERRORS
    }
    paths = result.setdefault("paths", {})
    paths["/openapi.json"] = {"get": OPENAPI_OPERATION}
    used = {
        tag for item in paths.values() for op in item.values() if isinstance(op, dict) for tag in op.get("tags", [])
    }
    result["tags"] = [{"name": tag, "description": TAG_DESCRIPTIONS.get(tag, tag)} for tag in sorted(used)]
    for item in paths.values():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for response in responses.values():
                response.setdefault("headers", {}).update(_header_refs())
            for status, name, _description, _schema in ERRORS:
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
