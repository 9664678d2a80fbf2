"""Who may see and change what: every URL of the URL map, as every role, for every object state.

``MATRIX`` below is the written rule. One row per URL name, object (in a state) and
method; the columns are the roles of DESIGN.md:

- visitor: anonymous;
- guest: anonymous with a guest session of the live mode (a random key and a perspective);
- participant: a signed-in member with no relation to the object;
- owner: owns the object (the case, the reflection, the contribution, the proposal, the registration);
- coeditor: co-editor of the cases, otherwise a member like the participant;
- facilitator: group "Facilitators";
- staff: ``is_staff`` (and superuser).

A cell is the status code the request must get, or ``login`` for a redirect to the
login page. Pages are requested with GET, actions with an empty POST (with the CSRF
token, as the test client sends it), each inside a transaction that is rolled back,
so that every cell starts from the same world (``tests.e2e.world``). The URL names
come from the resolver: a new URL without rows here fails
``test_every_url_of_the_url_map_has_rows_in_the_matrix``.

How to read the rules in the table: outsiders get 404 (a draft's existence stays
private), signed-in members without the right 403, visitors are sent to log in,
changes need POST (405 for GET). The two-factor rule for facilitators is off here
(``tests/security/test_mfa.py`` proves it); the admin is checked separately below.
"""

import re
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import clear_caches
from tests.e2e.world import ROLES, build_world

GET, POST = "GET", "POST"

# The objects a row addresses, by name: "<kind>:<state>". Each gives the URL's keyword arguments.
TARGETS = {
    "-": lambda w: {},
    "lang:en": lambda w: {"code": "en"},
    "lang:xx": lambda w: {"code": "xx"},
    # Terms of the glossary.
    "term:accepted": lambda w: {"slug": w.term.slug},
    "term:unaccepted": lambda w: {"slug": w.unaccepted_term.slug},
    "term:missing": lambda w: {"slug": "bestaat-niet"},
    "version:proposed": lambda w: {"slug": w.term.slug, "number": w.proposed_version.number},
    "version:accepted": lambda w: {"slug": w.term.slug, "number": 1},
    # Factors.
    "factor:accepted": lambda w: {"slug": w.factor.slug},
    "factor:proposed": lambda w: {"slug": w.proposed_factor.slug},
    "factor:missing": lambda w: {"slug": "bestaat-niet"},
    "follow:factor": lambda w: {"kind": "factor", "pk": w.factor.pk},
    "notification:missing": lambda w: {"pk": 999999},
    "unsubscribe:forged": lambda w: {"token": "geraden"},
    "relation:accepted": lambda w: {"slug": w.factor.slug, "pk": w.relation.pk},
    "cluster": lambda w: {"slug": w.cluster.slug},
    # Cases and their parts.
    **{
        f"case:{state}": (lambda w, s=state: {"slug": w.cases[s].slug})
        for state in ("draft", "submitted", "public", "community", "withdrawn")
    },
    "case:missing": lambda w: {"slug": "bestaat-niet"},
    **{
        f"coeditor:{state}": (lambda w, s=state: {"slug": w.cases[s].slug, "user_id": w.users["coeditor"].pk})
        for state in ("draft", "public")
    },
    **{
        f"invitation:{state}": (lambda w, s=state: {"slug": w.cases[s].slug, "pk": w.invitations[s].pk})
        for state in ("draft", "public")
    },
    # The token of the owner's invitation of the participant to the draft (only its hash is stored).
    "invitation-token:draft": lambda w: {"token": w.invitation_tokens["draft"]},
    "invitation-token:wrong": lambda w: {"token": "geraden-token"},
    "invitation-pk:draft": lambda w: {"pk": w.invitations["draft"].pk},
    "invitation-pk:missing": lambda w: {"pk": 999_999},
    **{
        f"reflection:{state}": (lambda w, s=state: {"slug": w.cases[s].slug, "pk": w.reflections[s].pk})
        for state in ("public", "community")
    },
    "reflection:hidden": lambda w: {"slug": w.cases["public"].slug, "pk": w.hidden_reflection.pk},
    # A reflection of the community case addressed through the public case: the lookup is scoped to
    # the case in the URL, so nobody reaches it there (a facilitator cannot hide B's through A).
    "reflection:other-case": lambda w: {"slug": w.cases["public"].slug, "pk": w.reflections["community"].pk},
    # Meetings and their parts.
    **{
        f"meeting:{state}": (lambda w, s=state: {"slug": w.meetings[s].slug})
        for state in ("planned", "live", "closed", "published", "community")
    },
    "meeting:missing": lambda w: {"slug": "bestaat-niet"},
    "series": lambda w: {"slug": w.series.slug},
    "registration:planned": lambda w: {"slug": w.meetings["planned"].slug, "pk": w.registration.pk},
    "checkin:planned": lambda w: {"slug": w.meetings["planned"].slug, "token": w.registration.checkin_token},
    "checkin:wrong-token": lambda w: {"slug": w.meetings["planned"].slug, "token": "geraden"},
    "round:live-pending": lambda w: {"slug": w.meetings["live"].slug, "pk": w.rounds["live"]["pending"].pk},
    "round:live-active": lambda w: {"slug": w.meetings["live"].slug, "pk": w.rounds["live"]["contribute"].pk},
    "round:closed": lambda w: {"slug": w.meetings["closed"].slug, "pk": w.rounds["closed"]["contribute"].pk},
    "post:live": lambda w: {"slug": w.meetings["live"].slug, "pk": w.contributions["live"]["member"].pk},
    "post:other-meeting": lambda w: {"slug": w.meetings["live"].slug, "pk": w.contributions["closed"]["member"].pk},
    "harvest-image:published": lambda w: {"slug": w.meetings["published"].slug, "pk": w.harvest_image.pk},
    # The live mode, by join code.
    "code:live": lambda w: {"code": w.meetings["live"].join_code},
    "code:closed": lambda w: {"code": w.meetings["closed"].join_code},
    "code:unknown": lambda w: {"code": "QQQQQQ"},
    "live-round:active": lambda w: {
        "code": w.meetings["live"].join_code,
        "round_pk": w.rounds["live"]["contribute"].pk,
    },
    "live-round:other-meeting": lambda w: {
        "code": w.meetings["live"].join_code,
        "round_pk": w.rounds["closed"]["contribute"].pk,
    },
    "live-round:closed-meeting": lambda w: {
        "code": w.meetings["closed"].join_code,
        "round_pk": w.rounds["closed"]["contribute"].pk,
    },
    "live-post:member": lambda w: {"code": w.meetings["live"].join_code, "pk": w.contributions["live"]["member"].pk},
    "live-post:guest": lambda w: {"code": w.meetings["live"].join_code, "pk": w.contributions["live"]["guest"].pk},
    "live-post:other-meeting": lambda w: {
        "code": w.meetings["live"].join_code,
        "pk": w.contributions["published"]["member"].pk,
    },
    "live-vote:inactive": lambda w: {
        "code": w.meetings["live"].join_code,
        "round_pk": w.rounds["live"]["vote"].pk,
        "factor_pk": w.factor.pk,
    },
    # Open data.
    "api-case:public": lambda w: {"slug": w.cases["public"].slug},
    "api-case:community": lambda w: {"slug": w.cases["community"].slug},
    "api-case:draft": lambda w: {"slug": w.cases["draft"].slug},
    "api-factor:accepted": lambda w: {"slug": w.factor.slug},
    "api-factor:proposed": lambda w: {"slug": w.proposed_factor.slug},
    "api-meeting:published": lambda w: {"slug": w.meetings["published"].slug},
    "api-meeting:community": lambda w: {"slug": w.meetings["community"].slug},
    "api-term:accepted": lambda w: {"slug": w.term.slug},
    "api-term:unaccepted": lambda w: {"slug": w.unaccepted_term.slug},
    "api-theme": lambda w: {"slug": w.theme.slug},
    "api-legacy:case-list": lambda w: {"rest": "cases/"},
    "api-legacy:case": lambda w: {"rest": f"cases/{w.cases['public'].slug}/"},
    "dataset:casussen": lambda w: {"dataset": "casussen"},
    "dataset:missing": lambda w: {"dataset": "bestaat-niet"},
    "visual:wat-werkt": lambda w: {"name": "wat-werkt"},
    "visual:missing": lambda w: {"name": "bestaat-niet"},
    "sitemap:casussen": lambda w: {"section": "casussen"},
    "feed-case:public": lambda w: {"slug": w.cases["public"].slug},
    "feed-case:community": lambda w: {"slug": w.cases["community"].slug},
    "feed-factor:accepted": lambda w: {"slug": w.factor.slug},
    "feed-factor:proposed": lambda w: {"slug": w.proposed_factor.slug},
    "feed-harvest:published": lambda w: {"slug": w.meetings["published"].slug},
    "feed-harvest:closed": lambda w: {"slug": w.meetings["closed"].slug},
    "feed-harvest:community": lambda w: {"slug": w.meetings["community"].slug},
    # Accounts.
    "email-key:wrong": lambda w: {"key": "geraden-sleutel"},
    "reset-key:wrong": lambda w: {"uidb36": "1", "key": "geraden-sleutel"},
}

# fmt: off
MATRIX = [
    # --- The portal and the glossary -------------------------------------------------------------------------
    # url name                                object:state                   method visitor guest particip owner coedit facil staff
    ("home",                                  "-",                           GET,  "200     200   200      200   200    200   200"),
    # Notifications and following: one's own, so every member alike.
    ("notifications:list",                    "-",                           GET,  "login   login 200      200   200    200   200"),
    ("notifications:open",                    "notification:missing",        GET,  "login   login 404      404   404    404   404"),
    ("notifications:read-all",                "-",                           POST, "login   login 302      302   302    302   302"),
    ("notifications:settings",                "-",                           GET,  "login   login 200      200   200    200   200"),
    ("notifications:follow",                  "follow:factor",               POST, "login   login 302      302   302    302   302"),
    ("notifications:unsubscribe",             "unsubscribe:forged",          GET,  "400     400   400      400   400    400   400"),
    ("about",                                 "-",                           GET,  "200     200   200      200   200    200   200"),
    ("privacy",                               "-",                           GET,  "200     200   200      200   200    200   200"),
    ("accessibility",                         "-",                           GET,  "200     200   200      200   200    200   200"),
    ("glossary",                              "-",                           GET,  "200     200   200      200   200    200   200"),
    ("glossary-term-create",                  "-",                           GET,  "login   login 403      403   403    200   200"),
    ("glossary-term-create",                  "-",                           POST, "login   login 403      403   403    200   200"),
    ("glossary-term",                         "term:accepted",               GET,  "200     200   200      200   200    200   200"),
    ("glossary-term",                         "term:unaccepted",             GET,  "404     404   404      404   404    200   200"),
    ("glossary-term",                         "term:missing",                GET,  "404     404   404      404   404    404   404"),
    ("glossary-term-compare",                 "term:accepted",               GET,  "302     302   302      302   302    200   200"),
    ("glossary-term-compare",                 "term:unaccepted",             GET,  "404     404   404      404   404    302   302"),
    ("glossary-version-propose",              "term:accepted",               GET,  "login   login 403      403   403    200   200"),
    ("glossary-version-propose",              "term:accepted",               POST, "login   login 403      403   403    200   200"),
    ("glossary-version-propose",              "term:unaccepted",             GET,  "login   login 403      403   403    200   200"),
    ("glossary-version-accept",               "version:proposed",            POST, "login   login 403      403   403    302   302"),
    ("glossary-version-accept",               "version:accepted",            POST, "login   login 403      403   403    404   404"),
    ("glossary-version-accept",               "version:proposed",            GET,  "405     405   405      405   405    405   405"),
    ("glossary-version-reject",               "version:proposed",            POST, "login   login 403      403   403    302   302"),
    ("glossary-version-reject",               "version:proposed",            GET,  "405     405   405      405   405    405   405"),
    ("search",                                "-",                           GET,  "200     200   200      200   200    200   200"),
    ("set-language",                          "lang:en",                     GET,  "302     302   302      302   302    302   302"),
    ("set-language",                          "lang:xx",                     GET,  "404     404   404      404   404    404   404"),
    # --- Accounts (allauth), two-factor, profile and AVG -----------------------------------------------------
    # url name                                object:state                   method visitor guest particip owner coedit facil staff
    ("profile",                               "-",                           GET,  "login   login 200      200   200    200   200"),
    ("profile",                               "-",                           POST, "login   login 200      200   200    200   200"),
    # --- Wat werkt: factors, curation ------------------------------------------------------------------------
    # url name                                object:state                   method visitor guest particip owner coedit facil staff
    ("factor-map",                            "-",                           GET,  "200     200   200      200   200    200   200"),
    ("board-poster",                          "-",                           GET,  "200     200   200      200   200    200   200"),
    ("perspective-matrix",                    "-",                           GET,  "200     200   200      200   200    200   200"),
    ("factors:board",                         "-",                           GET,  "200     200   200      200   200    200   200"),
    ("factors:propose",                       "-",                           GET,  "login   login 200      200   200    200   200"),
    ("factors:propose",                       "-",                           POST, "login   login 200      200   200    200   200"),
    ("factors:console",                       "-",                           GET,  "login   login 403      403   403    200   200"),
    ("factors:log",                           "-",                           GET,  "login   login 403      403   403    200   200"),
    ("factors:cluster-create",                "-",                           POST, "login   login 403      403   403    200   200"),
    ("factors:cluster-create",                "-",                           GET,  "405     405   405      405   405    405   405"),
    ("factors:cluster-up",                    "cluster",                     POST, "login   login 403      403   403    302   302"),
    ("factors:cluster-up",                    "cluster",                     GET,  "405     405   405      405   405    405   405"),
    ("factors:cluster-down",                  "cluster",                     POST, "login   login 403      403   403    302   302"),
    ("factors:detail",                        "factor:accepted",             GET,  "200     200   200      200   200    200   200"),
    ("factors:detail",                        "factor:proposed",             GET,  "404     404   404      200   404    200   200"),
    ("factors:detail",                        "factor:missing",              GET,  "404     404   404      404   404    404   404"),
    ("factors:accept",                        "factor:proposed",             POST, "login   login 403      403   403    302   302"),
    ("factors:accept",                        "factor:accepted",             POST, "login   login 403      403   403    302   302"),
    ("factors:accept",                        "factor:proposed",             GET,  "405     405   405      405   405    405   405"),
    ("factors:retire",                        "factor:accepted",             POST, "login   login 403      403   403    302   302"),
    ("factors:retire",                        "factor:proposed",             POST, "login   login 403      403   403    302   302"),
    ("factors:retire",                        "factor:accepted",             GET,  "405     405   405      405   405    405   405"),
    ("factors:edit",                          "factor:accepted",             GET,  "login   login 403      403   403    200   200"),
    ("factors:edit",                          "factor:proposed",             GET,  "login   login 403      403   403    200   200"),
    ("factors:edit",                          "factor:accepted",             POST, "login   login 403      403   403    200   200"),
    ("factors:rename",                        "factor:accepted",             GET,  "login   login 403      403   403    200   200"),
    ("factors:rename",                        "factor:proposed",             GET,  "login   login 403      403   403    200   200"),
    ("factors:rename",                        "factor:accepted",             POST, "login   login 403      403   403    200   200"),
    ("factors:merge",                         "factor:accepted",             GET,  "login   login 403      403   403    200   200"),
    ("factors:merge",                         "factor:proposed",             GET,  "login   login 403      403   403    200   200"),
    ("factors:merge",                         "factor:accepted",             POST, "login   login 403      403   403    200   200"),
    ("factors:split",                         "factor:accepted",             GET,  "login   login 403      403   403    200   200"),
    ("factors:split",                         "factor:accepted",             POST, "login   login 403      403   403    200   200"),
    ("factors:relate",                        "factor:accepted",             POST, "login   login 403      403   403    400   400"),
    ("factors:relate",                        "factor:accepted",             GET,  "405     405   405      405   405    405   405"),
    ("factors:unrelate",                      "relation:accepted",           POST, "login   login 403      403   403    302   302"),
    ("factors:unrelate",                      "relation:accepted",           GET,  "405     405   405      405   405    405   405"),
    # --- Cases, their workflow, co-editors and reflections ---------------------------------------------------
    # url name                                object:state                   method visitor guest particip owner coedit facil staff
    ("cases:library",                         "-",                           GET,  "200     200   200      200   200    200   200"),
    ("cases:create",                          "-",                           GET,  "login   login 200      200   200    200   200"),
    ("cases:create",                          "-",                           POST, "login   login 200      200   200    200   200"),
    ("cases:review-queue",                    "-",                           GET,  "login   login 403      403   403    200   200"),
    ("cases:detail",                          "case:draft",                  GET,  "404     404   404      200   200    404   404"),
    ("cases:detail",                          "case:submitted",              GET,  "404     404   404      200   200    200   200"),
    ("cases:detail",                          "case:public",                 GET,  "200     200   200      200   200    200   200"),
    ("cases:detail",                          "case:community",              GET,  "404     404   200      200   200    200   200"),
    ("cases:detail",                          "case:withdrawn",              GET,  "404     404   404      200   200    200   200"),
    ("cases:detail",                          "case:missing",                GET,  "404     404   404      404   404    404   404"),
    ("cases:edit",                            "case:draft",                  GET,  "login   login 404      200   200    404   404"),
    ("cases:edit",                            "case:submitted",              GET,  "login   login 404      200   200    403   403"),
    ("cases:edit",                            "case:public",                 GET,  "login   login 403      200   200    403   403"),
    ("cases:edit",                            "case:community",              GET,  "login   login 403      200   200    403   403"),
    ("cases:edit",                            "case:withdrawn",              GET,  "login   login 404      200   200    403   403"),
    ("cases:edit",                            "case:draft",                  POST, "login   login 404      200   200    404   404"),
    ("cases:edit",                            "case:public",                 POST, "login   login 403      200   200    403   403"),
    ("cases:delete",                          "case:draft",                  POST, "login   login 404      302   403    404   404"),
    ("cases:delete",                          "case:submitted",              POST, "login   login 404      302   403    403   403"),
    ("cases:delete",                          "case:public",                 POST, "login   login 403      302   403    403   403"),
    ("cases:delete",                          "case:community",              POST, "login   login 403      302   403    403   403"),
    ("cases:delete",                          "case:withdrawn",              POST, "login   login 404      302   403    403   403"),
    ("cases:delete",                          "case:draft",                  GET,  "405     405   405      405   405    405   405"),
    ("cases:revisions",                       "case:draft",                  GET,  "login   login 404      200   200    404   404"),
    ("cases:revisions",                       "case:submitted",              GET,  "login   login 404      200   200    200   200"),
    ("cases:revisions",                       "case:public",                 GET,  "login   login 403      200   200    200   200"),
    ("cases:revisions",                       "case:community",              GET,  "login   login 403      200   200    200   200"),
    ("cases:revisions",                       "case:withdrawn",              GET,  "login   login 404      200   200    200   200"),
    ("cases:submit",                          "case:draft",                  POST, "login   login 404      302   302    404   404"),
    ("cases:submit",                          "case:withdrawn",              POST, "login   login 404      302   302    403   403"),
    ("cases:submit",                          "case:submitted",              POST, "login   login 404      302   302    403   403"),
    ("cases:submit",                          "case:public",                 POST, "login   login 403      302   302    403   403"),
    ("cases:submit",                          "case:draft",                  GET,  "405     405   405      405   405    405   405"),
    ("cases:publish",                         "case:submitted",              POST, "login   login 404      403   403    302   302"),
    ("cases:publish",                         "case:draft",                  POST, "login   login 404      403   403    404   404"),
    ("cases:publish",                         "case:withdrawn",              POST, "login   login 404      403   403    302   302"),
    ("cases:publish",                         "case:submitted",              GET,  "405     405   405      405   405    405   405"),
    ("cases:send-back",                       "case:submitted",              POST, "login   login 404      403   403    200   200"),
    ("cases:send-back",                       "case:public",                 POST, "login   login 403      403   403    200   200"),
    ("cases:send-back",                       "case:draft",                  POST, "login   login 404      403   403    404   404"),
    ("cases:send-back",                       "case:submitted",              GET,  "405     405   405      405   405    405   405"),
    # Changes to published cases wait for a facilitator (cases.review); the community case has one waiting.
    ("cases:change-review",                   "case:community",              GET,  "login   login 403      403   403    200   200"),
    ("cases:change-review",                   "case:public",                 GET,  "login   login 403      403   403    404   404"),
    ("cases:change-review",                   "case:draft",                  GET,  "login   login 404      403   403    404   404"),
    ("cases:change-approve",                  "case:community",              POST, "login   login 403      403   403    302   302"),
    ("cases:change-approve",                  "case:public",                 POST, "login   login 403      403   403    404   404"),
    ("cases:change-approve",                  "case:draft",                  POST, "login   login 404      403   403    404   404"),
    ("cases:change-approve",                  "case:community",              GET,  "405     405   405      405   405    405   405"),
    ("cases:change-reject",                   "case:community",              POST, "login   login 403      403   403    200   200"),
    ("cases:change-reject",                   "case:public",                 POST, "login   login 403      403   403    404   404"),
    ("cases:change-reject",                   "case:draft",                  POST, "login   login 404      403   403    404   404"),
    ("cases:change-reject",                   "case:community",              GET,  "405     405   405      405   405    405   405"),
    ("cases:withdraw",                        "case:submitted",              POST, "login   login 404      302   403    403   403"),
    ("cases:withdraw",                        "case:public",                 POST, "login   login 403      302   403    403   403"),
    ("cases:withdraw",                        "case:draft",                  POST, "login   login 404      302   403    404   404"),
    ("cases:withdraw",                        "case:public",                 GET,  "405     405   405      405   405    405   405"),
    ("cases:coeditors",                       "case:draft",                  GET,  "login   login 404      200   200    404   404"),
    ("cases:coeditors",                       "case:submitted",              GET,  "login   login 404      200   200    403   403"),
    ("cases:coeditors",                       "case:public",                 GET,  "login   login 403      200   200    403   403"),
    ("cases:coeditors",                       "case:community",              GET,  "login   login 403      200   200    403   403"),
    ("cases:coeditors",                       "case:withdrawn",              GET,  "login   login 404      200   200    403   403"),
    ("cases:coeditor-invite",                 "case:draft",                  POST, "login   login 404      200   403    404   404"),
    ("cases:coeditor-invite",                 "case:public",                 POST, "login   login 403      200   403    403   403"),
    ("cases:coeditor-invite",                 "case:draft",                  GET,  "405     405   405      405   405    405   405"),
    ("cases:coeditor-remove",                 "coeditor:draft",              POST, "login   login 404      302   403    404   404"),
    ("cases:coeditor-remove",                 "coeditor:public",             POST, "login   login 403      302   403    403   403"),
    ("cases:coeditor-remove",                 "coeditor:draft",              GET,  "405     405   405      405   405    405   405"),
    ("cases:coeditor-invitation-withdraw",    "invitation:draft",            POST, "login   login 404      302   403    404   404"),
    ("cases:coeditor-invitation-withdraw",    "invitation:public",           POST, "login   login 403      302   403    403   403"),
    ("cases:coeditor-invitation-withdraw",    "invitation:draft",            GET,  "405     405   405      405   405    405   405"),
    # The invitation is the participant's to answer: nobody else learns that it exists.
    ("cases:invitation",                      "invitation-token:draft",      GET,  "login   login 200      404   404    404   404"),
    ("cases:invitation",                      "invitation-token:wrong",      GET,  "login   login 404      404   404    404   404"),
    ("cases:invitation-accept",               "invitation-token:draft",      POST, "login   login 302      404   404    404   404"),
    ("cases:invitation-accept",               "invitation-token:wrong",      POST, "login   login 404      404   404    404   404"),
    ("cases:invitation-accept",               "invitation-token:draft",      GET,  "405     405   405      405   405    405   405"),
    ("cases:invitation-decline",              "invitation-token:draft",      POST, "login   login 302      404   404    404   404"),
    ("cases:invitation-decline",              "invitation-token:wrong",      POST, "login   login 404      404   404    404   404"),
    ("cases:invitation-decline",              "invitation-token:draft",      GET,  "405     405   405      405   405    405   405"),
    ("cases:invitation-accept-listed",        "invitation-pk:draft",         POST, "login   login 302      404   404    404   404"),
    ("cases:invitation-accept-listed",        "invitation-pk:missing",       POST, "login   login 404      404   404    404   404"),
    ("cases:invitation-accept-listed",        "invitation-pk:draft",         GET,  "405     405   405      405   405    405   405"),
    ("cases:invitation-decline-listed",       "invitation-pk:draft",         POST, "login   login 302      404   404    404   404"),
    ("cases:invitation-decline-listed",       "invitation-pk:missing",       POST, "login   login 404      404   404    404   404"),
    ("cases:invitation-decline-listed",       "invitation-pk:draft",         GET,  "405     405   405      405   405    405   405"),
    ("cases:reflection-create",               "case:public",                 GET,  "login   login 200      200   200    200   200"),
    ("cases:reflection-create",               "case:community",              GET,  "login   login 200      200   200    200   200"),
    ("cases:reflection-create",               "case:draft",                  GET,  "login   login 404      403   403    404   404"),
    ("cases:reflection-create",               "case:submitted",              GET,  "login   login 404      403   403    403   403"),
    ("cases:reflection-create",               "case:public",                 POST, "login   login 200      200   200    200   200"),
    ("cases:reflection-edit",                 "reflection:public",           GET,  "login   login 403      200   403    403   403"),
    ("cases:reflection-edit",                 "reflection:community",        GET,  "login   login 403      200   403    403   403"),
    ("cases:reflection-edit",                 "reflection:hidden",           GET,  "login   login 200      404   404    403   403"),
    ("cases:reflection-edit",                 "reflection:public",           POST, "login   login 403      200   403    403   403"),
    ("cases:reflection-delete",               "reflection:public",           POST, "login   login 403      302   403    403   403"),
    ("cases:reflection-delete",               "reflection:hidden",           POST, "login   login 302      404   404    403   403"),
    ("cases:reflection-delete",               "reflection:public",           GET,  "405     405   405      405   405    405   405"),
    ("cases:reflection-hide",                 "reflection:public",           POST, "login   login 403      403   403    200   200"),
    ("cases:reflection-hide",                 "reflection:public",           GET,  "405     405   405      405   405    405   405"),
    ("cases:reflection-hide",                 "reflection:other-case",       POST, "login   login 404      404   404    404   404"),
    ("cases:reflection-edit",                 "reflection:other-case",       GET,  "login   login 404      404   404    404   404"),
    ("cases:reflection-delete",               "reflection:other-case",       POST, "login   login 404      404   404    404   404"),
    ("cases:reflection-unhide",               "reflection:hidden",           POST, "login   login 403      404   404    302   302"),
    ("cases:reflection-unhide",               "reflection:hidden",           GET,  "405     405   405      405   405    405   405"),
    # --- Meetings, registration, the console and the harvest -------------------------------------------------
    # url name                                object:state                   method visitor guest particip owner coedit facil staff
    ("meetings:list",                         "-",                           GET,  "200     200   200      200   200    200   200"),
    ("meetings:create",                       "-",                           GET,  "login   login 403      403   403    200   200"),
    ("meetings:create",                       "-",                           POST, "login   login 403      403   403    200   200"),
    ("meetings:mine",                         "-",                           GET,  "login   login 403      403   403    200   200"),
    ("meetings:calendar-feed",                "-",                           GET,  "200     200   200      200   200    200   200"),
    ("meetings:series-create",                "-",                           GET,  "login   login 403      403   403    200   200"),
    ("meetings:series-create",                "-",                           POST, "login   login 403      403   403    200   200"),
    ("meetings:series-detail",                "series",                      GET,  "200     200   200      200   200    200   200"),
    ("meetings:series-edit",                  "series",                      GET,  "login   login 403      403   403    200   200"),
    ("meetings:series-edit",                  "series",                      POST, "login   login 403      403   403    200   200"),
    ("meetings:detail",                       "meeting:planned",             GET,  "200     200   200      200   200    200   200"),
    ("meetings:detail",                       "meeting:live",                GET,  "200     200   200      200   200    200   200"),
    ("meetings:detail",                       "meeting:closed",              GET,  "200     200   200      200   200    200   200"),
    ("meetings:detail",                       "meeting:published",           GET,  "200     200   200      200   200    200   200"),
    ("meetings:detail",                       "meeting:community",           GET,  "404     404   200      200   200    200   200"),
    ("meetings:detail",                       "meeting:missing",             GET,  "404     404   404      404   404    404   404"),
    ("meetings:ics",                          "meeting:planned",             GET,  "200     200   200      200   200    200   200"),
    ("meetings:ics",                          "meeting:community",           GET,  "404     404   200      200   200    200   200"),
    ("meetings:poster",                       "meeting:published",           GET,  "200     200   200      200   200    200   200"),
    ("meetings:poster",                       "meeting:closed",              GET,  "404     404   404      404   404    404   404"),
    ("meetings:poster",                       "meeting:community",           GET,  "404     404   404      404   404    404   404"),
    ("meetings:digest",                       "meeting:published",           GET,  "200     200   200      200   200    200   200"),
    ("meetings:digest",                       "meeting:closed",              GET,  "404     404   404      404   404    404   404"),
    ("meetings:digest",                       "meeting:community",           GET,  "404     404   200      200   200    200   200"),
    # The REFI-QDA project of one meeting (portal.qda): facilitators, in every state; hidden notes never go in.
    ("meetings:qda-project",                  "meeting:planned",             GET,  "login   login 403      403   403    200   200"),
    ("meetings:qda-project",                  "meeting:live",                GET,  "login   login 403      403   403    200   200"),
    ("meetings:qda-project",                  "meeting:closed",              GET,  "login   login 403      403   403    200   200"),
    ("meetings:qda-project",                  "meeting:published",           GET,  "login   login 403      403   403    200   200"),
    ("meetings:qda-project",                  "meeting:community",           GET,  "login   login 403      403   403    200   200"),
    ("meetings:qda-project",                  "meeting:missing",             GET,  "login   login 404      404   404    404   404"),
    ("meetings:edit",                         "meeting:planned",             GET,  "login   login 403      403   403    200   200"),
    ("meetings:edit",                         "meeting:community",           GET,  "login   login 403      403   403    200   200"),
    ("meetings:edit",                         "meeting:planned",             POST, "login   login 403      403   403    200   200"),
    ("meetings:register",                     "meeting:planned",             POST, "login   login 302      302   302    302   302"),
    ("meetings:register",                     "meeting:community",           POST, "login   login 302      302   302    302   302"),
    ("meetings:register",                     "meeting:planned",             GET,  "login   login 405      405   405    405   405"),
    ("meetings:cancel",                       "meeting:planned",             POST, "login   login 404      302   404    404   404"),
    ("meetings:cancel",                       "meeting:planned",             GET,  "login   login 405      405   405    405   405"),
    ("meetings:registration",                 "meeting:planned",             GET,  "login   login 200      200   200    200   200"),
    ("meetings:registration",                 "meeting:community",           GET,  "login   login 200      200   200    200   200"),
    ("meetings:registrations",                "meeting:planned",             GET,  "login   login 403      403   403    200   200"),
    ("meetings:registrations",                "meeting:community",           GET,  "login   login 403      403   403    200   200"),
    ("meetings:registrations-csv",            "meeting:planned",             GET,  "login   login 403      403   403    200   200"),
    ("meetings:attendance",                   "registration:planned",        POST, "login   login 403      403   403    302   302"),
    ("meetings:attendance",                   "registration:planned",        GET,  "login   login 405      405   405    405   405"),
    ("meetings:checkin",                      "checkin:planned",             GET,  "login   login 403      403   403    200   200"),
    ("meetings:checkin",                      "checkin:planned",             POST, "login   login 403      403   403    302   302"),
    ("meetings:checkin",                      "checkin:wrong-token",         GET,  "login   login 403      403   403    404   404"),
    ("meetings:console",                      "meeting:planned",             GET,  "login   login 403      403   403    200   200"),
    ("meetings:console",                      "meeting:live",                GET,  "login   login 403      403   403    200   200"),
    ("meetings:console",                      "meeting:closed",              GET,  "login   login 403      403   403    200   200"),
    ("meetings:console",                      "meeting:published",           GET,  "login   login 403      403   403    200   200"),
    ("meetings:console",                      "meeting:community",           GET,  "login   login 403      403   403    200   200"),
    ("meetings:console-changes",              "meeting:live",                GET,  "login   login 403      403   403    286   286"),
    ("meetings:console-part",                 "meeting:live",                GET,  "login   login 403      403   403    302   302"),
    ("meetings:open-live",                    "meeting:planned",             POST, "login   login 403      403   403    302   302"),
    ("meetings:open-live",                    "meeting:closed",              POST, "login   login 403      403   403    302   302"),
    ("meetings:open-live",                    "meeting:published",           POST, "login   login 403      403   403    302   302"),
    ("meetings:open-live",                    "meeting:planned",             GET,  "login   login 405      405   405    405   405"),
    ("meetings:close",                        "meeting:live",                POST, "login   login 403      403   403    200   200"),
    ("meetings:close",                        "meeting:planned",             POST, "login   login 403      403   403    200   200"),
    ("meetings:close",                        "meeting:live",                GET,  "login   login 405      405   405    405   405"),
    ("meetings:format-apply",                 "meeting:planned",             POST, "login   login 403      403   403    302   302"),
    ("meetings:format-apply",                 "meeting:planned",             GET,  "login   login 405      405   405    405   405"),
    ("meetings:round-add",                    "meeting:live",                POST, "login   login 403      403   403    400   400"),
    ("meetings:round-add",                    "meeting:live",                GET,  "login   login 405      405   405    405   405"),
    ("meetings:round-next",                   "meeting:live",                POST, "login   login 403      403   403    302   302"),
    ("meetings:round-next",                   "meeting:live",                GET,  "login   login 405      405   405    405   405"),
    ("meetings:round-edit",                   "round:live-pending",          GET,  "login   login 403      403   403    200   200"),
    ("meetings:round-edit",                   "round:live-pending",          POST, "login   login 403      403   403    200   200"),
    ("meetings:round-delete",                 "round:live-pending",          POST, "login   login 403      403   403    302   302"),
    ("meetings:round-delete",                 "round:live-pending",          GET,  "login   login 405      405   405    405   405"),
    ("meetings:round-start",                  "round:live-pending",          POST, "login   login 403      403   403    302   302"),
    ("meetings:round-start",                  "round:live-pending",          GET,  "login   login 405      405   405    405   405"),
    ("meetings:round-pause",                  "round:live-active",           POST, "login   login 403      403   403    302   302"),
    ("meetings:round-pause",                  "round:live-active",           GET,  "login   login 405      405   405    405   405"),
    ("meetings:round-close",                  "round:live-active",           POST, "login   login 403      403   403    302   302"),
    ("meetings:round-close",                  "round:live-active",           GET,  "login   login 405      405   405    405   405"),
    ("meetings:round-discount",               "round:live-active",           POST, "login   login 403      403   403    302   302"),
    ("meetings:round-discount",               "round:live-active",           GET,  "login   login 405      405   405    405   405"),
    ("meetings:wall-display",                 "meeting:live",                POST, "login   login 403      403   403    302   302"),
    ("meetings:wall-display",                 "meeting:live",                GET,  "login   login 405      405   405    405   405"),
    ("meetings:round-wall",                   "round:live-active",           POST, "login   login 403      403   403    302   302"),
    ("meetings:round-wall",                   "round:live-active",           GET,  "login   login 405      405   405    405   405"),
    ("meetings:round-reveal",                 "round:live-active",           POST, "login   login 403      403   403    302   302"),
    ("meetings:round-reveal",                 "round:live-active",           GET,  "login   login 405      405   405    405   405"),
    ("meetings:cluster",                      "meeting:live",                POST, "login   login 403      403   403    302   302"),
    ("meetings:cluster",                      "meeting:live",                GET,  "login   login 405      405   405    405   405"),
    ("meetings:uncluster",                    "meeting:live",                POST, "login   login 403      403   403    302   302"),
    ("meetings:uncluster",                    "meeting:live",                GET,  "login   login 405      405   405    405   405"),
    ("meetings:undo",                         "meeting:live",                POST, "login   login 403      403   403    302   302"),
    ("meetings:undo",                         "meeting:live",                GET,  "login   login 405      405   405    405   405"),
    ("meetings:contribution-hide",            "post:live",                   POST, "login   login 403      403   403    302   302"),
    ("meetings:contribution-hide",            "post:other-meeting",          POST, "login   login 403      403   403    404   404"),
    ("meetings:contribution-hide",            "post:live",                   GET,  "login   login 405      405   405    405   405"),
    ("meetings:contribution-unhide",          "post:live",                   POST, "login   login 403      403   403    302   302"),
    ("meetings:contribution-approve",         "post:live",                   POST, "login   login 403      403   403    302   302"),
    ("meetings:contribution-approve",         "post:other-meeting",          POST, "login   login 403      403   403    404   404"),
    ("meetings:contribution-approve",         "post:live",                   GET,  "login   login 405      405   405    405   405"),
    ("meetings:contribution-scribe",          "post:live",                   POST, "login   login 403      403   403    302   302"),
    ("meetings:contribution-scribe",          "post:other-meeting",          POST, "login   login 403      403   403    404   404"),
    ("meetings:contribution-scribe",          "post:live",                   GET,  "login   login 405      405   405    405   405"),
    ("meetings:contribution-unhide",          "post:live",                   GET,  "login   login 405      405   405    405   405"),
    ("meetings:harvest-edit",                 "meeting:closed",              GET,  "login   login 403      403   403    200   200"),
    ("meetings:harvest-edit",                 "meeting:published",           GET,  "login   login 403      403   403    200   200"),
    ("meetings:harvest-edit",                 "meeting:community",           GET,  "login   login 403      403   403    200   200"),
    ("meetings:harvest-edit",                 "meeting:closed",              POST, "login   login 403      403   403    200   200"),
    ("meetings:harvest-image-add",            "meeting:published",           POST, "login   login 403      403   403    400   400"),
    ("meetings:harvest-image-add",            "meeting:published",           GET,  "login   login 405      405   405    405   405"),
    ("meetings:harvest-image-delete",         "harvest-image:published",     POST, "login   login 403      403   403    302   302"),
    ("meetings:harvest-image-delete",         "harvest-image:published",     GET,  "login   login 405      405   405    405   405"),
    ("meetings:publish",                      "meeting:closed",              POST, "login   login 403      403   403    200   200"),
    ("meetings:publish",                      "meeting:live",                POST, "login   login 403      403   403    200   200"),
    ("meetings:publish",                      "meeting:closed",              GET,  "login   login 405      405   405    405   405"),
    ("meetings:unpublish",                    "meeting:published",           POST, "login   login 403      403   403    302   302"),
    ("meetings:unpublish",                    "meeting:published",           GET,  "login   login 405      405   405    405   405"),
    # --- The live mode (by join code) ------------------------------------------------------------------------
    # url name                                object:state                   method visitor guest particip owner coedit facil staff
    ("live:join",                             "-",                           GET,  "200     200   200      200   200    200   200"),
    ("live:participate",                      "code:live",                   GET,  "200     200   200      200   200    200   200"),
    # A meeting closed in the last 7 days shows its end screen ("Dank je wel"), never an error.
    ("live:participate",                      "code:closed",                 GET,  "200     200   200      200   200    200   200"),
    ("live:participate",                      "code:unknown",                GET,  "404     404   404      404   404    404   404"),
    ("live:changes",                          "code:live",                   GET,  "200     200   200      200   200    200   200"),
    ("live:changes",                          "code:unknown",                GET,  "404     404   404      404   404    404   404"),
    # An empty POST: no perspective chosen, the form again with its message.
    ("live:guest",                            "code:live",                   POST, "400     400   400      400   400    400   400"),
    ("live:guest",                            "code:closed",                 POST, "404     404   404      404   404    404   404"),
    ("live:guest",                            "code:live",                   GET,  "405     405   405      405   405    405   405"),
    ("live:contribute",                       "live-round:active",           POST, "403     400   400      400   400    400   400"),
    ("live:contribute",                       "live-round:other-meeting",    POST, "404     404   404      404   404    404   404"),
    # After closing: 409 with the text to copy (nothing typed is lost).
    ("live:contribute",                       "live-round:closed-meeting",   POST, "409     409   409      409   409    409   409"),
    ("live:contribute",                       "live-round:active",           GET,  "405     405   405      405   405    405   405"),
    ("live:contribution-edit",                "live-post:member",            GET,  "302     404   404      200   404    404   404"),
    ("live:contribution-edit",                "live-post:guest",             GET,  "302     200   404      404   404    404   404"),
    ("live:contribution-edit",                "live-post:other-meeting",     GET,  "302     404   404      404   404    404   404"),
    ("live:contribution-edit",                "live-post:member",            POST, "302     404   404      200   404    404   404"),
    ("live:contribution-withdraw",            "live-post:member",            POST, "302     404   404      302   404    404   404"),
    ("live:contribution-withdraw",            "live-post:guest",             POST, "302     302   404      404   404    404   404"),
    ("live:contribution-withdraw",            "live-post:other-meeting",     POST, "302     404   404      404   404    404   404"),
    ("live:contribution-withdraw",            "live-post:member",            GET,  "405     405   405      405   405    405   405"),
    ("live:vote-add",                         "live-vote:inactive",          POST, "403     409   409      409   409    409   409"),
    ("live:vote-add",                         "live-vote:inactive",          GET,  "405     405   405      405   405    405   405"),
    ("live:vote-remove",                      "live-vote:inactive",          POST, "403     409   409      409   409    409   409"),
    ("live:wall",                             "code:live",                   GET,  "200     200   200      200   200    200   200"),
    ("live:wall",                             "code:closed",                 GET,  "200     200   200      200   200    200   200"),
    ("live:wall",                             "code:unknown",                GET,  "404     404   404      404   404    404   404"),
    ("live:wall-changes",                     "code:live",                   GET,  "200     200   200      200   200    200   200"),
    ("live:wall-changes",                     "code:unknown",                GET,  "404     404   404      404   404    404   404"),
    # Push is off in the tests: the stream answers 204 and the wall polls.
    ("live:wall-stream",                      "code:live",                   GET,  "204     204   204      204   204    204   204"),
    ("live:wall-stream",                      "code:unknown",                GET,  "404     404   404      404   404    404   404"),
    # --- Open data, feeds, operations ------------------------------------------------------------------------
    # url name                                object:state                   method visitor guest particip owner coedit facil staff
    ("api-root",                              "-",                           GET,  "200     200   200      200   200    200   200"),
    ("api-schema",                            "-",                           GET,  "200     200   200      200   200    200   200"),
    ("api-schema-yaml",                       "-",                           GET,  "200     200   200      200   200    200   200"),
    ("api-index",                             "-",                           GET,  "200     200   200      200   200    200   200"),
    ("api-index",                             "-",                           POST, "405     405   405      405   405    405   405"),
    ("api-legacy",                            "api-legacy:case-list",        GET,  "308     308   308      308   308    308   308"),
    ("api-legacy",                            "api-legacy:case",             GET,  "308     308   308      308   308    308   308"),
    ("api:case-list",                         "-",                           GET,  "200     200   200      200   200    200   200"),
    ("api:case-list",                         "-",                           POST, "405     405   405      405   405    405   405"),
    ("api:case-detail",                       "api-case:public",             GET,  "200     200   200      200   200    200   200"),
    ("api:case-detail",                       "api-case:community",          GET,  "404     404   404      404   404    404   404"),
    ("api:case-detail",                       "api-case:draft",              GET,  "404     404   404      404   404    404   404"),
    ("api:factor-list",                       "-",                           GET,  "200     200   200      200   200    200   200"),
    ("api:factor-detail",                     "api-factor:accepted",         GET,  "200     200   200      200   200    200   200"),
    ("api:factor-detail",                     "api-factor:proposed",         GET,  "404     404   404      404   404    404   404"),
    ("api:meeting-list",                      "-",                           GET,  "200     200   200      200   200    200   200"),
    ("api:meeting-detail",                    "api-meeting:published",       GET,  "200     200   200      200   200    200   200"),
    ("api:meeting-detail",                    "api-meeting:community",       GET,  "404     404   404      404   404    404   404"),
    ("api:term-list",                         "-",                           GET,  "200     200   200      200   200    200   200"),
    ("api:term-detail",                       "api-term:accepted",           GET,  "200     200   200      200   200    200   200"),
    ("api:term-detail",                       "api-term:unaccepted",         GET,  "404     404   404      404   404    404   404"),
    ("api:theme-list",                        "-",                           GET,  "200     200   200      200   200    200   200"),
    ("api:theme-detail",                      "api-theme",                   GET,  "200     200   200      200   200    200   200"),
    ("open-data",                             "-",                           GET,  "200     200   200      200   200    200   200"),
    ("open-data-csv",                         "dataset:casussen",            GET,  "200     200   200      200   200    200   200"),
    ("open-data-csv",                         "dataset:missing",             GET,  "404     404   404      404   404    404   404"),
    ("open-data-json",                        "dataset:casussen",            GET,  "200     200   200      200   200    200   200"),
    ("open-data-catalogue",                   "-",                           GET,  "200     200   200      200   200    200   200"),
    ("visual-svg",                            "visual:wat-werkt",            GET,  "200     200   200      200   200    200   200"),
    ("visual-svg",                            "visual:missing",              GET,  "404     404   404      404   404    404   404"),
    # REFI-QDA (portal.qda): the CoP's project for facilitators, the codebook of the factors one may see for all.
    ("qda-project",                           "-",                           GET,  "login   login 403      403   403    200   200"),
    ("qda-codebook",                          "-",                           GET,  "200     200   200      200   200    200   200"),
    ("embed-board",                           "-",                           GET,  "200     200   200      200   200    200   200"),
    ("embed-factor",                          "factor:accepted",             GET,  "200     200   200      200   200    200   200"),
    ("embed-factor",                          "factor:proposed",             GET,  "404     404   404      404   404    404   404"),
    ("embed-factor",                          "factor:missing",              GET,  "404     404   404      404   404    404   404"),
    ("robots-txt",                            "-",                           GET,  "200     200   200      200   200    200   200"),
    ("robots-txt",                            "-",                           POST, "405     405   405      405   405    405   405"),
    ("sitemap",                               "-",                           GET,  "200     200   200      200   200    200   200"),
    ("sitemap-section",                       "sitemap:casussen",            GET,  "200     200   200      200   200    200   200"),
    ("feed-casussen",                         "-",                           GET,  "200     200   200      200   200    200   200"),
    ("feed-casussen-atom",                    "-",                           GET,  "200     200   200      200   200    200   200"),
    ("feed-casussen-item",                    "feed-case:public",            GET,  "200     200   200      200   200    200   200"),
    ("feed-casussen-item",                    "feed-case:community",         GET,  "404     404   404      404   404    404   404"),
    ("feed-casussen-item-atom",               "feed-case:public",            GET,  "200     200   200      200   200    200   200"),
    ("feed-factoren",                         "-",                           GET,  "200     200   200      200   200    200   200"),
    ("feed-factoren-atom",                    "-",                           GET,  "200     200   200      200   200    200   200"),
    ("feed-factoren-item",                    "feed-factor:accepted",        GET,  "200     200   200      200   200    200   200"),
    ("feed-factoren-item",                    "feed-factor:proposed",        GET,  "404     404   404      404   404    404   404"),
    ("feed-factoren-item-atom",               "feed-factor:accepted",        GET,  "200     200   200      200   200    200   200"),
    ("feed-oogsten",                          "-",                           GET,  "200     200   200      200   200    200   200"),
    ("feed-oogsten-atom",                     "-",                           GET,  "200     200   200      200   200    200   200"),
    ("feed-oogsten-item",                     "feed-harvest:published",      GET,  "200     200   200      200   200    200   200"),
    ("feed-oogsten-item",                     "feed-harvest:closed",         GET,  "404     404   404      404   404    404   404"),
    ("feed-oogsten-item",                     "feed-harvest:community",      GET,  "404     404   404      404   404    404   404"),
    ("feed-oogsten-item-atom",                "feed-harvest:published",      GET,  "200     200   200      200   200    200   200"),
    ("healthz",                               "-",                           GET,  "200     200   200      200   200    200   200"),
    ("healthz",                               "-",                           POST, "405     405   405      405   405    405   405"),
    ("security-txt",                          "-",                           GET,  "200     200   200      200   200    200   200"),
    # --- Accounts (allauth), two-factor, profile and AVG -----------------------------------------------------
    # url name                                object:state                   method visitor guest particip owner coedit facil staff
    ("profile-export",                        "-",                           GET,  "login   login 200      200   200    200   200"),
    ("profile-export",                        "-",                           POST, "login   login 405      405   405    405   405"),
    ("profile-delete",                        "-",                           GET,  "login   login 200      200   200    200   200"),
    ("profile-delete",                        "-",                           POST, "login   login 200      200   200    200   200"),
    ("account_login",                         "-",                           GET,  "200     200   302      302   302    302   302"),
    ("account_login",                         "-",                           POST, "200     200   302      302   302    302   302"),
    ("account_logout",                        "-",                           GET,  "302     302   200      200   200    200   200"),
    ("account_logout",                        "-",                           POST, "302     302   302      302   302    302   302"),
    ("account_inactive",                      "-",                           GET,  "200     200   200      200   200    200   200"),
    ("account_signup",                        "-",                           GET,  "200     200   302      302   302    302   302"),
    ("account_signup",                        "-",                           POST, "200     200   302      302   302    302   302"),
    ("account_reauthenticate",                "-",                           GET,  "login   login 200      200   200    200   200"),
    ("account_request_reauthentication_code", "-",                           GET,  "login   login 200      200   200    200   200"),
    ("account_confirm_reauthentication_code", "-",                           GET,  "login   login 302      302   302    302   302"),
    ("account_email",                         "-",                           GET,  "login   login 200      200   200    200   200"),
    ("account_email",                         "-",                           POST, "login   login 302      302   302    302   302"),
    ("account_email_verification_sent",       "-",                           GET,  "200     200   200      200   200    200   200"),
    ("account_change_password",               "-",                           GET,  "login   login 200      200   200    200   200"),
    ("account_change_password",               "-",                           POST, "login   login 200      200   200    200   200"),
    ("account_set_password",                  "-",                           GET,  "login   login 302      302   302    302   302"),
    ("account_reset_password",                "-",                           GET,  "200     200   200      200   200    200   200"),
    ("account_reset_password",                "-",                           POST, "200     200   200      200   200    200   200"),
    ("account_confirm_login_code",            "-",                           GET,  "login   login 302      302   302    302   302"),
    ("account_confirm_email",                 "email-key:wrong",             GET,  "200     200   200      200   200    200   200"),
    ("account_reset_password_from_key_done",  "-",                           GET,  "200     200   200      200   200    200   200"),
    ("account_reset_password_from_key",       "reset-key:wrong",             GET,  "200     200   200      200   200    200   200"),
    ("account_reset_password_done",           "-",                           GET,  "200     200   200      200   200    200   200"),
    ("mfa_index",                             "-",                           GET,  "login   login 200      200   200    200   200"),
    ("mfa_authenticate",                      "-",                           GET,  "login   login 302      302   302    302   302"),
    ("mfa_reauthenticate",                    "-",                           GET,  "login   login 302      302   302    302   302"),
    ("mfa_activate_totp",                     "-",                           GET,  "login   login 302      302   302    302   302"),
    ("mfa_deactivate_totp",                   "-",                           GET,  "login   login 404      404   404    404   404"),
    ("mfa_view_recovery_codes",               "-",                           GET,  "login   login 404      404   404    404   404"),
    ("mfa_generate_recovery_codes",           "-",                           GET,  "login   login 302      302   302    302   302"),
    ("mfa_download_recovery_codes",           "-",                           GET,  "login   login 404      404   404    404   404"),
    ("set_language",                          "-",                           POST, "302     302   302      302   302    302   302"),
    ("set_language",                          "-",                           GET,  "302     302   302      302   302    302   302"),
]
# fmt: on


# --- the machinery -------------------------------------------------------------------


class RollbackError(Exception):
    """Carries the response out of the transaction that is rolled back."""

    def __init__(self, response):
        super().__init__()
        self.response = response


FAST = {
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    "MFA_REQUIRED_FOR_FACILITATORS": False,
    # Thousands of requests from one address: the rate limits have their own tests.
    "ACCOUNT_RATE_LIMITS": False,
    "LIVE_RATE_LIMITS": {"participant": 10**6, "code": 10**6, "lookup": 10**6},
}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The world and a session per role, built once for the module inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), override_settings(**FAST):
        clear_caches()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            w = build_world()
            w.sessions = {"visitor": None, "guest": w.guest_session_key}
            for role, user in w.users.items():
                client = Client()
                client.force_login(user)
                w.sessions[role] = client.cookies[django_settings.SESSION_COOKIE_NAME].value
            yield w
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            clear_caches()


def _html_only_pdf(request, template, context):
    # Who gets a poster is what counts here; WeasyPrint (a second per poster) has its own tests.
    render_to_string(template, context, request=request)
    return b"%PDF-1.7 (not rendered in the permission matrix)"


@pytest.fixture
def fetch(world, db, settings, monkeypatch):
    """``fetch(role, method, url)``: the response, with everything the request changed rolled back."""
    for name, value in FAST.items():
        setattr(settings, name, value)
    monkeypatch.setattr("portal.views.posters.render_pdf", _html_only_pdf)

    client = Client()  # one handler for all requests: building one loads every middleware

    def _fetch(role, method, url):
        session = world.sessions[role]
        client.cookies = SimpleCookie({django_settings.SESSION_COOKIE_NAME: session} if session else {})
        try:
            with transaction.atomic():
                response = client.get(url) if method == GET else client.post(url, {})
                raise RollbackError(response)
        except RollbackError as rollback:
            return rollback.response

    return _fetch


LOGIN_PATHS = {"/accounts/login/", "/admin/login/"}


def outcome(response):
    """The status code, or "login" for a redirect to a login page."""
    if response.status_code in (301, 302, 303, 307, 308) and urlsplit(response["Location"]).path in LOGIN_PATHS:
        return "login"
    return str(response.status_code)


def csp(response):
    header = response.get("Content-Security-Policy", "")
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def header_problems(name, response):
    """What is wrong with the security headers of an HTML page (only embeds may be framed)."""
    if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
        return []
    policy, problems = csp(response), []
    script_src = policy.get("script-src", [])
    nonces = {source[len("'nonce-") : -1] for source in script_src if source.startswith("'nonce-")}
    if policy.get("object-src") != ["'none'"] or policy.get("base-uri") != ["'none'"]:
        problems.append(f"object-src/base-uri not 'none': {policy}")
    if not script_src or {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "https:"} & set(script_src):
        problems.append(f"script-src is not strict: {script_src}")
    for tag in re.findall(r"<script\b[^>]*>", response.content.decode()):
        nonce = re.search(r'\bnonce="([^"]+)"', tag)
        data_block = re.search(r'\btype="application/(ld\+)?json"', tag)
        if not data_block and not re.search(r'\bsrc="/', tag) and not (nonce and nonce.group(1) in nonces):
            problems.append(f"inline script without this response's nonce: {tag}")
    if name.startswith("embed-"):
        if policy.get("frame-ancestors") != ["*"] or "X-Frame-Options" in response:
            problems.append("an embed view must be frameable")
    elif policy.get("frame-ancestors") != ["'none'"] or response.get("X-Frame-Options") != "DENY":
        problems.append(f"may be framed: frame-ancestors {policy.get('frame-ancestors')}")
    return problems


def url_of(world, name, target):
    kwargs = TARGETS[target](world)
    query = ""
    if name == "search":
        query = "?q=casus"
    return reverse(name, kwargs=kwargs) + query


def url_names(patterns=None, namespace=""):
    """Every named URL of the resolver (``namespace:name``)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}" if pattern.name else f"{namespace}<unnamed {pattern.pattern}>"


# --- the tests -----------------------------------------------------------------------

ROWS_BY_NAME = {}
for _name, _target, _method, _cells in MATRIX:
    ROWS_BY_NAME.setdefault(_name, []).append((_target, _method, _cells.split()))


def test_every_url_of_the_url_map_has_rows_in_the_matrix():
    names = {name for name in url_names() if not name.startswith("admin:")}
    missing = sorted(names - set(ROWS_BY_NAME))
    assert not missing, f"URLs without a row in MATRIX (add what each role may do): {missing}"
    stale = sorted(set(ROWS_BY_NAME) - names)
    assert not stale, f"rows in MATRIX for URLs that no longer exist: {stale}"


def test_the_matrix_is_well_formed():
    for name, target, method, cells in MATRIX:
        assert target in TARGETS, (name, target)
        assert method in (GET, POST), (name, method)
        assert len(cells.split()) == len(ROLES), (name, target, method, cells)


@pytest.mark.parametrize("name", sorted(ROWS_BY_NAME))
def test_each_role_gets_what_the_matrix_says(fetch, world, name):
    wrong = []
    for target, method, expected in ROWS_BY_NAME[name]:
        url = url_of(world, name, target)
        for role, want in zip(ROLES, expected, strict=True):
            response = fetch(role, method, url)
            got = outcome(response)
            if got != want:
                wrong.append(f"{method} {url} ({target}) as {role}: expected {want}, got {got}")
            wrong += [f"{method} {url} as {role}: {problem}" for problem in header_problems(name, response)]
    assert not wrong, f"{name}: {len(wrong)} cell(s) differ from MATRIX:\n" + "\n".join(wrong)


# --- the admin: staff only -------------------------------------------------------------


def admin_url(name, world):
    """The address of an admin URL name, with an existing object where it needs one."""
    from django.contrib.contenttypes.models import ContentType

    pattern = {n: p for n, p in admin_patterns()}[name]
    params = set(pattern.pattern.regex.groupindex)
    kwargs = {}
    if "app_label" in params:
        kwargs["app_label"] = "cases"
    if "content_type_id" in params:
        kwargs["content_type_id"] = ContentType.objects.get_for_model(world.cases["public"]).pk
        kwargs["object_id"] = world.cases["public"].pk
    elif "object_id" in params or "id" in params:
        from django.contrib import admin

        prefixes = {f"admin:{m._meta.app_label}_{m._meta.model_name}_": m for m in admin.site._registry}
        prefixes["admin:auth_user_"] = get_user_model()  # Django's UserAdmin names its password URL so
        model = next(model for prefix, model in prefixes.items() if name.startswith(prefix))
        first = model._default_manager.order_by("pk").first()
        kwargs["object_id" if "object_id" in params else "id"] = first.pk if first else 999_999
    return reverse(name, kwargs=kwargs)


def admin_patterns(patterns=None, namespace=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from admin_patterns(pattern.url_patterns, inner)
        elif namespace == "admin:" and pattern.name:
            yield f"admin:{pattern.name}", pattern


@pytest.mark.parametrize("role", ["visitor", "guest", "participant", "facilitator"])
def test_nobody_but_staff_reaches_any_admin_page(fetch, world, role):
    wrong = []
    for name, _pattern in admin_patterns():
        url = admin_url(name, world)
        # The admin's logout sends a GET back to the admin index (which asks to log in).
        want = "302" if name == "admin:logout" else "login"
        got = outcome(fetch(role, GET, url))
        if got != want:
            wrong.append(f"GET {url} ({name}) as {role}: expected {want}, got {got}")
    assert not wrong, "\n".join(wrong)


def test_staff_reach_the_admin_index_and_every_list(fetch, world):
    wrong = []
    for name, _pattern in admin_patterns():
        if name in ("admin:index", "admin:app_list") or name.endswith("_changelist"):
            url = admin_url(name, world)
            got = outcome(fetch("staff", GET, url))
            if got != "200":
                wrong.append(f"GET {url} ({name}) as staff: expected 200, got {got}")
    assert not wrong, "\n".join(wrong)
