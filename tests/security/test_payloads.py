"""Unsafe HTML and script in every text a person can fill never runs in Chromium.

Each of the ``PAYLOADS`` (script tags, event handlers, ``javascript:`` and ``data:``
URLs in mixed case and entity-encoded, SVG and MathML tricks, breakouts of
attributes, ``<script>``, ``<textarea>`` and ``<title>``, CSS that calls home,
template syntax, glossary marks around markup) is stored in every text field of
every model that people fill in, directly through the ORM (rich text is sanitised
on save, plain text is stored as typed), and in the search and filter boxes. Then
every page that shows those texts is opened in Chromium, as a visitor, the owner
and a facilitator, with the Content-Security-Policy switched off (``bypass_csp``),
so that the escaping and the sanitiser are tested on their own, not the CSP.

A trap installed before any page script records ``alert``/``confirm``/``prompt``,
dialogs, ``fetch`` and requests to the canary host; a scan of the finished DOM
looks for what should never be there: ``on*`` attributes, ``javascript:`` or
``data:`` URLs, frames, objects, ``<base>``, refresh, foreign stylesheets, inline
scripts carrying a payload and JSON-LD that no longer parses. Each failure names
the page and what was found. The CSP itself is tested in ``test_headers.py`` and
``test_permission_matrix.py``.
"""

import itertools
from urllib.parse import quote, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.models import Case, CaseFactor, CaseImage, CaseLink, CasePartner, Reflection
from cop.models import Organisation, Perspective, Profile, Term
from factors.models import Cluster, Factor, FactorRelation
from meetings import services
from meetings.models import Contribution, HarvestImage, Registration, Round, Series
from tests.conftest import make_meeting, make_user
from tests.e2e.conftest import contexts, sign_in  # noqa: F401 (the fixture that screenshots failures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


CANARY = "canary.invalid"

PAYLOADS = [
    "<script>alert('p01')</script>",
    "<img src=x onerror=alert('p02')>",
    "<svg onload=alert('p03')>",
    "<svg><script>alert('p04')</script></svg>",
    "<a href=\"javascript:alert('p05')\">p05</a>",
    "<iframe src=\"javascript:alert('p06')\"></iframe>",
    "<iframe srcdoc=\"<script>alert('p07')</script>\"></iframe>",
    "<body onload=alert('p08')>",
    "<details open ontoggle=alert('p09')>",
    "<input autofocus onfocus=alert('p10')>",
    "<video><source onerror=alert('p11')></video>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('p12')>",
    "\"><script>alert('p13')</script>",
    "'><img src=x onerror=alert('p14')>",
    "</script><script>alert('p15')</script>",
    "</textarea><script>alert('p16')</script>",
    "</title><script>alert('p17')</script>",
    "p18 {{ 7|add:42 }} {% now 'Y' %} ${7*7} #{7*7}",
    "<a href=\"JaVaScRiPt:alert('p19')\">p19</a>",
    "<a href=\"&#106;avascript:alert('p20')\">p20</a>",
    "<a href=\"java&#x09;script:alert('p21')\">p21</a>",
    "<a href=\"  javascript:alert('p22')\">p22</a>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgncDIzJyk8L3NjcmlwdD4=">p23</a>',
    "<object data=\"javascript:alert('p24')\"></object>",
    "<embed src=\"data:image/svg+xml,<svg onload=alert('p25')>\">",
    "<form action=\"javascript:alert('p26')\"><button>p26</button></form>",
    "<button formaction=\"javascript:alert('p27')\">p27</button>",
    f"<style>@import 'https://{CANARY}/p28.css';</style>",
    f'<p style="background:url(https://{CANARY}/p29.png)">p29</p>',
    "<div style=\"width:expression(alert('p30'))\">p30</div>",
    f'<link rel=stylesheet href="https://{CANARY}/p31.css">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'p32\')">',
    f'<base href="https://{CANARY}/p33/">',
    f'<img src="https://{CANARY}/p34.png">',
    "<svg><a xlink:href=\"javascript:alert('p35')\"><text y=20>p35</text></a></svg>",
    "<svg><animate onbegin=alert('p36') attributeName=x dur=1s>",
    "<marquee onstart=alert('p37')>p37</marquee>",
    "<img src=x oNeRrOr=alert('p38')>",
    "<IMG SRC=x ONERROR=\"alert('p39')\">",
    "&lt;script&gt;alert('p40')&lt;/script&gt;",
    "<scr<script>ipt>alert('p41')</scr</script>ipt>",
    "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;('p42')>",
    "<a href=\"https://example.org\" onmouseover=alert('p43')>p43</a>",
    "<div onpointerenter=alert('p44') style=position:fixed;inset:0>p44</div>",
    "javascript:alert('p45')",
    "<noscript><p title=\"</noscript><img src=x onerror=alert('p46')>\">",
    "<template><script>alert('p47')</script></template>",
    "\u2028\u2029</script><script>alert('p48')</script>",
    "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x\"/></svg>",
    "[[gebiedsgericht werken|<img src=x onerror=alert('p50')>]]",
    "[[<img src=x onerror=alert('p51')>]]",
    f"<img src=x onerror=\"fetch('https://{CANARY}/p52')\">",
    "<a href=\"vbscript:msgbox('p53')\">p53</a>",
    "<x onclick=alert('p54') tabindex=0 autofocus onfocusin=alert('p54')>p54</x>",
]
ALL = "\n".join(PAYLOADS)


def chunks(limit):
    """The payloads in as few strings of at most ``limit`` characters as possible, in order."""
    out, current = [], ""
    for payload in PAYLOADS:
        if len(payload) > limit:
            out.append(payload[:limit])  # what a length-limited field keeps
            continue
        if current and len(current) + 1 + len(payload) > limit:
            out.append(current)
            current = payload
        else:
            current = f"{current} {payload}" if current else payload
    return [*out, current] if current else out


def test_there_are_at_least_forty_distinct_payloads():
    assert len(set(PAYLOADS)) == len(PAYLOADS) >= 40


def test_every_payload_fits_in_some_chunk_of_the_shortest_field():
    joined = " ".join(chunks(80))
    assert all(payload[:80] in joined for payload in PAYLOADS)


# --- storing the payloads ------------------------------------------------------------------


def valid_urls():
    """URLs with payloads that pass the URL validation of the forms (only those can be stored by people)."""
    from django.core.validators import URLValidator

    urls = []
    for payload in PAYLOADS:
        for url in (payload, f"https://example.org/?q={payload}", f"https://example.org/{quote(payload)}"):
            try:
                URLValidator(schemes=["http", "https"])(url)
            except ValidationError:
                continue
            if len(url) <= 500:
                urls.append(url)
    return urls


def store_everywhere():
    """Every text field people fill, carrying the payloads; returns what the pages need."""
    from django.contrib.auth.models import Group

    from cop.roles import FACILITATORS_GROUP

    Group.objects.get_or_create(name=FACILITATORS_GROUP)
    now = timezone.now()
    facilitator = make_user("begeleider@example.org", name="Femke Begeleider", facilitator=True)
    organisation = Organisation.objects.create(name=chunks(150)[0], kind=Perspective.WELFARE, description=ALL)

    # Members whose display name is a payload and who consent to be named.
    authors = []
    for i, name in enumerate(chunks(100)):
        user = make_user(f"lid{i}@example.org", name=name, public=True)
        Profile.objects.filter(user=user).update(bio=ALL[:2000], organisation=organisation)
        authors.append(user)
    owner = authors[0]

    # The shared language: a term whose name is a payload, and versions with payloads.
    key = Term.objects.create(name="Gebiedsgericht werken", is_key=True)
    key.propose_version(ALL, by=facilitator, note=ALL).accept(by=facilitator)
    key.propose_version(ALL, by=facilitator, note=ALL)
    terms = []
    for name in chunks(120):
        term = Term.objects.create(name=name)
        term.propose_version(f"<p>{name}</p>", by=facilitator, note=name).accept(by=facilitator)
        terms.append(term)

    # Factors, clusters, relations.
    cluster = Cluster.objects.create(name=chunks(120)[0], description=ALL)
    factors = []
    for name, statement in zip(chunks(160), chunks(300) * 10, strict=False):
        factor = Factor.objects.create(
            name=name, statement=statement, explanation=ALL, status=Factor.Status.ACCEPTED, cluster=cluster
        )
        factors.append(factor)
    for note, (a, b) in zip(chunks(300), itertools.pairwise(factors), strict=False):
        FactorRelation.objects.create(from_factor=a, to_factor=b, kind="helps", note=note)
    proposal = Factor.propose(by=owner, name=chunks(160)[0], statement=chunks(300)[0], explanation=ALL)

    # Cases: one carries the long texts, the others a title and summary each.
    rich = Case.objects.create(
        owner=owner,
        title="Casus met alle velden",
        summary=chunks(500)[0],
        status=Case.Status.PUBLISHED,
        published_at=now,
        organisation=organisation,
        contact_name=chunks(120)[0],
        contact_consent=True,
        review_message=ALL,
        **{field: ALL for field in Case.RICH_TEXT_FIELDS},
    )
    for i, (factor, text) in enumerate(zip(factors, chunks(2000) * len(factors), strict=False)):
        CaseFactor.objects.create(case=rich, factor=factor, explanation=text, order=i)
    for name, role in zip(chunks(150), chunks(250) * 10, strict=False):
        CasePartner.objects.create(case=rich, name=name, role=role)
    for title, url in zip(chunks(200) * 5, valid_urls(), strict=False):
        CaseLink.objects.create(case=rich, title=title, url=url)
    for alt, caption, credit in zip(chunks(250), chunks(250), chunks(120) * 5, strict=False):
        CaseImage.objects.create(
            case=rich, image="cases/foto.jpg", width=40, height=30, alt_text=alt, caption=caption, credit=credit
        )
    for author, (strikes, learns) in zip(authors, zip(chunks(3000), chunks(3000), strict=True), strict=False):
        Reflection.objects.create(
            case=rich, author=author, perspective=Perspective.RESIDENTS, strikes=strikes, learns=learns
        )
    Reflection.objects.create(
        case=rich,
        author=authors[-1],
        perspective=Perspective.HOUSING,
        learns=ALL[:3000],
        hidden=True,
        hidden_reason=chunks(300)[0],
        hidden_by=facilitator,
    )
    titled = []
    for i, (title, summary) in enumerate(zip(chunks(200), chunks(500) * 20, strict=False)):
        case = Case.objects.create(
            owner=authors[i % len(authors)],
            title=title,
            summary=summary,
            story=ALL,
            status=Case.Status.PUBLISHED,
            published_at=now,
        )
        CaseFactor.objects.create(case=case, factor=factors[0], explanation=summary)
        titled.append(case)
    submitted = Case.objects.create(
        owner=owner, title=chunks(200)[0], summary=chunks(500)[0], story=ALL, status="submitted"
    )

    # Meetings: titles, texts, rounds, contributions of members and guests, the harvest.
    series = Series.objects.create(title=chunks(200)[0], description=ALL)
    meetings = [
        make_meeting(
            title=title,
            days=-3,
            series=series,
            goal=ALL[:2000],
            location_name=chunks(200)[0],
            address=chunks(300)[0],
            agenda=ALL,
            summary=ALL,
            open_questions=ALL,
        )
        for title in chunks(200)
    ]
    harvest = meetings[0]
    harvest.presented_cases.add(rich)
    harvest.open_live()
    prompts = chunks(300)
    rounds = []
    for i, prompt in enumerate(prompts):
        round_ = Round.objects.create(meeting=harvest, prompt=prompt, order=i, guests_allowed=True, kind="working")
        rounds.append(round_)
    rounds[0].start()
    for i, text in enumerate(chunks(500)):
        Contribution.objects.create(
            round=rounds[0],
            meeting=harvest,
            text=text,
            perspective=Perspective.RESIDENTS,
            author=authors[i % len(authors)] if i % 2 else None,
            guest_key="" if i % 2 else f"gast-{i}",
            factor=factors[i % len(factors)] if i % 3 else None,
            live_version=i + 1,
        )
    Contribution.objects.create(
        round=rounds[0],
        meeting=harvest,
        text="Verborgen",
        perspective=Perspective.RESIDENTS,
        guest_key="gast-x",
        hidden=True,
        hidden_reason=chunks(300)[0],
        hidden_by=facilitator,
    )
    harvest.live_version = 100
    harvest.save(update_fields=["live_version"])
    for alt, caption in zip(chunks(500), chunks(250), strict=False):
        HarvestImage.objects.create(
            meeting=harvest, image="harvest/flip.jpg", width=40, height=30, alt_text=alt, caption=caption
        )

    # A live meeting for the phone and the wall (the harvest meeting gets published below).
    live = make_meeting(title=chunks(200)[0], days=0, series=series)
    live.open_live()
    live_round = Round.objects.create(meeting=live, prompt=prompts[0], order=1, guests_allowed=True, kind="working")
    live_round.start()
    for i, text in enumerate(chunks(500)):
        live_round.contribute(
            text=text,
            perspective=Perspective.RESIDENTS,
            author=owner if i % 2 else None,
            guest_key="" if i % 2 else "gast-sleutel",
        )
    vote = Round.objects.create(meeting=live, prompt=prompts[-1], order=2, mode=Round.Mode.VOTE, guests_allowed=True)
    Registration.objects.create(meeting=meetings[-1], user=owner)
    for author in authors:
        Registration.objects.create(meeting=live, user=author)

    harvest.close()
    services.publish_harvest(harvest, by=facilitator)
    return {
        "owner": owner,
        "facilitator": facilitator,
        "rich": rich,
        "titled": titled,
        "submitted": submitted,
        "factors": factors,
        "proposal": proposal,
        "terms": [key, *terms],
        "meetings": meetings,
        "live": live,
        "live_round": live_round,
        "vote": vote,
        "series": series,
        "harvest": harvest,
        "member_post": Contribution.objects.filter(meeting=live, author=owner).first(),
    }


# --- opening the pages in Chromium -------------------------------------------------------

TRAP = """
(() => {
  const hits = (window.__pwned = []);
  const hit = (how) => hits.push(how + " on " + location.pathname);
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = (...args) => hit(name + "(" + args.join(",") + ")");
  }
  const realFetch = window.fetch;
  window.fetch = (url, ...rest) => {
    if (String(url).includes("CANARY")) hit("fetch " + url);
    return realFetch(url, ...rest);
  };
  document.addEventListener("securitypolicyviolation", (e) => hit("csp " + e.violatedDirective));
})();
""".replace("CANARY", CANARY)

SCAN = """
() => {
  const found = [];
  const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc"];
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    for (const attribute of el.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\\s\\u0000-\\u001f]/g, "").toLowerCase();
      if (name.startsWith("on")) found.push(`<${tag} ${name}=…>`);
      if (urlAttributes.includes(name)) {
        const dataImage = tag === "img" && name === "src" && value.startsWith("data:image/");
        if (value.startsWith("javascript:") || value.startsWith("vbscript:") || (value.startsWith("data:") && !dataImage))
          found.push(`<${tag} ${name}="${attribute.value.slice(0, 50)}">`);
        if (name === "srcdoc") found.push(`<${tag} srcdoc>`);
      }
      if (name === "style" && /url\\(|expression|import/i.test(attribute.value)) found.push(`<${tag} style="${attribute.value.slice(0, 50)}">`);
    }
    if (["iframe", "frame", "object", "embed", "applet", "marquee", "isindex"].includes(tag)) found.push(`<${tag}>`);
    if (tag === "base" && el.hasAttribute("href")) found.push("<base href>");
    if (tag === "meta" && (el.getAttribute("http-equiv") || "").toLowerCase() === "refresh") found.push("<meta refresh>");
    if (tag === "link" && /stylesheet|import|preload|prefetch|modulepreload/.test(el.rel) && new URL(el.href).host !== location.host) found.push(`<link href=${el.href}>`);
    if (tag === "style" && /@import|url\\(/.test(el.textContent)) found.push("<style> that loads something");
    if (tag === "script") {
      const json = ["application/ld+json", "application/json", "importmap"].includes(el.type);
      if (json) { try { JSON.parse(el.textContent); } catch (e) { found.push(`<script type=${el.type}> no longer parses: ${e.message}`); } }
      else if (!el.src && /alert\\(|CANARY/.test(el.textContent)) found.push("inline <script> with a payload");
    }
  }
  if (/p18 49|p18 [0-9]{4}/.test(document.body.innerText)) found.push("template syntax was evaluated");
  return found;
}
""".replace("CANARY", CANARY)


def payload_pages(data):
    rich, live, harvest = data["rich"], data["live"], data["harvest"]
    q = quote(ALL[:1500])
    visitor = [
        "/",
        "/casussen/",
        "/casussen/?pagina=2",
        f"/casussen/?q={q}",
        rich.get_absolute_url(),
        *[case.get_absolute_url() for case in data["titled"]],
        "/wat-werkt/",
        f"/wat-werkt/?q={q}",
        "/wat-werkt/kaart/",
        "/wat-werkt/perspectieven/",
        *[factor.get_absolute_url() for factor in data["factors"]],
        "/begrippen/",
        *[term.get_absolute_url() for term in data["terms"]],
        f"{data['terms'][0].get_absolute_url()}vergelijken/",
        "/bijeenkomsten/",
        data["series"].get_absolute_url(),
        *[meeting.get_absolute_url() for meeting in data["meetings"]],
        f"{harvest.get_absolute_url()}opgehaald/",
        f"/zoeken/?q={q}",
        f"/zoeken/?q={quote(PAYLOADS[12])}",
        f"/live/?code={quote(PAYLOADS[12])}",
        f"/live/{quote(PAYLOADS[1][:12])}/",
        f"/live/{live.join_code}/",
        f"/live/{live.join_code}/muur/",
        "/embed/wat-werkt/",
        *[f"/embed/wat-werkt/{factor.slug}/" for factor in data["factors"]],
        f"/accounts/login/?next={quote(PAYLOADS[0])}",
    ]
    owner = [
        "/profiel/",
        f"{rich.get_absolute_url()}bewerken/",
        f"{rich.get_absolute_url()}versies/",
        f"{rich.get_absolute_url()}mede-auteurs/",
        data["proposal"].get_absolute_url(),
        f"/live/{live.join_code}/",
        f"/live/{live.join_code}/bijdragen/{data['member_post'].pk}/bewerken/",
    ]
    facilitator = [
        "/casussen/redactie/",
        data["submitted"].get_absolute_url(),
        f"{live.get_absolute_url()}regie/",
        f"{harvest.get_absolute_url()}regie/?ronde={harvest.rounds.order_by('order').first().pk}",
        f"{harvest.get_absolute_url()}oogst/",
        f"{live.get_absolute_url()}aanmeldingen/",
        f"{harvest.get_absolute_url()}bewerken/",
        "/wat-werkt/beheer/",
        "/wat-werkt/beheer/logboek/",
        f"{data['factors'][0].get_absolute_url()}bewerken/",
        data["terms"][0].get_absolute_url(),
        "/begrippen/",
        rich.get_absolute_url(),
    ]
    return {"visitor": visitor, "owner": owner, "facilitator": facilitator}


def trapped_page(context):
    """A page of ``context`` with the trap, and lists that collect dialogs and requests to the canary host."""
    dialogs, requests = [], []
    context.add_init_script(TRAP)
    context.route(
        lambda url: urlsplit(url).hostname == CANARY,
        lambda route, request: (requests.append(request.url), route.abort()),
    )
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return page, dialogs, requests


def inspect(page, url, dialogs, requests):
    """Open ``url`` and say what ran or what should not be in its DOM."""
    response = page.goto(url)
    # "load" waits for the images, so the onerror/onload handlers of broken ones have run.
    found = page.evaluate(SCAN) + page.evaluate("window.__pwned || []")
    found += [f"dialog {message}" for message in dialogs] + [f"request to {url}" for url in requests]
    dialogs.clear()
    requests.clear()
    if response.status >= 500:
        found.append(f"status {response.status}")
    return found


def test_the_trap_and_the_scan_catch_payloads_that_reach_a_page_unescaped(contexts, live_server, monkeypatch):  # noqa: F811
    from django.http import HttpResponse
    from django.urls import get_resolver

    def patterns(resolver):
        for pattern in resolver.url_patterns:
            yield pattern
            if hasattr(pattern, "url_patterns"):
                yield from patterns(pattern)

    html = "<!doctype html><html lang=nl><head><title>x</title></head><body><main>{}</main></body></html>"
    about = next(pattern for pattern in patterns(get_resolver()) if getattr(pattern, "name", "") == "about")
    monkeypatch.setattr(about, "callback", lambda request: HttpResponse(html.format(ALL)))
    page, dialogs, requests = trapped_page(contexts(bypass_csp=True))
    found = inspect(page, f"{live_server.url}/over/", dialogs, requests)
    assert any(f.startswith("alert(") for f in found), found
    assert len(found) >= 30, found


def test_no_payload_runs_or_reaches_the_page_as_markup_on_any_page(contexts, live_server):  # noqa: F811
    data = store_everywhere()
    problems = []
    for role, paths in payload_pages(data).items():
        context = contexts(bypass_csp=True)
        if role != "visitor":
            sign_in(context, live_server, data[role])
        page, dialogs, requests = trapped_page(context)
        for path in paths:
            found = inspect(page, f"{live_server.url}{path}", dialogs, requests)
            if found:
                problems.append(f"{role} {path[:100]}: " + "; ".join(dict.fromkeys(found)))
    assert not problems, f"{len(problems)} page(s) let a payload through:\n" + "\n".join(problems)
