"""Replay issue 14's attacks against a running production set-up behind a proxy (``bench/abuse``).

Every request says where it comes from the way a proxy would: ``X-Forwarded-For``
with the client's address (the app must run with ``TRUSTED_PROXY_COUNT=1``). It
prints one line per attack and exits 1 when any attack succeeds. Standard library
only; bounded loops; meant for 127.0.0.1.

    python bench/abuse.py http://127.0.0.1:8766 <join code> <member e-mail> <password> <meeting slug>
"""

import concurrent.futures
import http.cookiejar
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ATTACKER = "198.51.100.66"


class Browser:
    """One visitor: its own cookies, its own client address."""

    def __init__(self, base, address):
        self.base, self.address = base, address
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def request(self, path, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        request.add_header("X-Forwarded-For", self.address)
        if data is not None:
            request.add_header("Referer", self.base + path)
            request.add_header("X-CSRFToken", self.csrf())
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode("utf-8", "replace"), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace"), error.headers

    def csrf(self):
        for cookie in self._jar():
            if cookie.name == "csrftoken":
                return cookie.value
        return ""

    def _jar(self):
        for handler in self.opener.handlers:
            if isinstance(handler, urllib.request.HTTPCookieProcessor):
                return handler.cookiejar
        return []

    def get(self, path, **headers):
        return self.request(path, headers=headers)

    def post(self, path, data, *, form_page=None):
        """POST ``data`` as a browser would, with the CSRF cookie of ``form_page`` (the page of the form)."""
        if not self.csrf():
            self.get(form_page or path)
        return self.request(path, data=data)

    def log_in(self, email, password):
        self.get("/accounts/login/")
        status, body, _headers = self.post("/accounts/login/", {"login": email, "password": password})
        return status == 302, body


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def token_of(page):
    found = re.search(r'name="token" value="([^"]+)"', page)
    return found.group(1) if found else ""


def check(results, name, ok, detail):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")


def main(base, code, email, password, slug):
    results = []
    attacker = Browser(base, ATTACKER)

    # 1. A flood of wrong join codes must not make the valid code fail for anyone.
    statuses = [attacker.get(f"/live/ZZZZ{n:02d}/")[0] for n in range(100)]
    member_status = Browser(base, "203.0.113.20").get(f"/live/{code}/")[0]
    own_status = attacker.get(f"/live/{code}/")[0]
    wall = attacker.get(f"/live/{code}/muur/wijzigingen/?v=0&r=", **{"HX-Request": "true"})
    check(
        results,
        "wrong join codes",
        member_status == 200 and own_status == 200 and wall[0] in (200, 204) and "HX-Refresh" not in wall[2],
        f"{statuses.count(429)} of 100 wrong codes refused; the room's code answers {member_status}, "
        f"the attacker's own try {own_status}, the wall's poll {wall[0]}",
    )

    # 2. Failed logins for random addresses must not lock anyone else out.
    for n in range(40):
        attacker.post("/accounts/login/", {"login": f"gok{n}@example.org", "password": "fout"})
    signed_in, _body = Browser(base, "203.0.113.21").log_in(email, password)
    check(results, "failed logins", signed_in, f"after 40 failures from one client a member signs in: {signed_in}")

    # 3. Wrong passwords sent in parallel to several workers are counted once (5 per account).
    victim = "lid-parallel@example.org"

    def wrong(n):
        _status, body, _headers = Browser(base, f"203.0.113.{100 + n}").post(
            "/accounts/login/", {"login": victim, "password": f"fout-{n}"}
        )
        return "Te veel" not in body

    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        checked = sum(pool.map(wrong, range(18)))
    check(results, "parallel wrong passwords", checked <= 5, f"{checked} of 18 checked (limit 5)")

    # 4. Guests are not free: cookieless POSTs without a page's token make no guest.
    tokenless = 0
    for _n in range(20):
        anonymous = Browser(base, ATTACKER)
        anonymous.post(f"/live/{code}/gast/", {"perspective": "inwoners"}, form_page=f"/live/{code}/")
        tokenless += "Doe mee als gast" not in anonymous.get(f"/live/{code}/")[1]
    guest = Browser(base, ATTACKER)
    token = token_of(guest.get(f"/live/{code}/")[1])
    time.sleep(1.5)  # a person reads the page first (LIVE_GUEST_MIN_SECONDS)
    first = guest.post(f"/live/{code}/gast/", {"perspective": "inwoners", "token": token})[0]
    second = Browser(base, ATTACKER)
    again = second.post(f"/live/{code}/gast/", {"perspective": "inwoners", "token": token}, form_page=f"/live/{code}/")
    reused = "Doe mee als gast" not in second.get(f"/live/{code}/")[1]
    check(
        results,
        "free guests",
        tokenless == 0
        and bool(token)
        and first == 302
        and "Doe mee als gast" not in guest.get(f"/live/{code}/")[1]
        and not reused,
        f"{tokenless} of 20 tokenless POSTs made a guest; a page's token made one ({first}); "
        f"reusing it made another: {reused} ({again[0]})",
    )

    # 5. The online link never leaks through the calendars.
    feed = Browser(base, ATTACKER).get("/bijeenkomsten/agenda.ics")[1]
    member = Browser(base, "203.0.113.22")
    member.log_in(email, password)
    one = member.get(f"/bijeenkomsten/{slug}/agenda.ics")[1]
    leaked = "pwd=" in feed or "pwd=" in one or "BEGIN:VEVENT" not in one
    check(results, "online link in calendars", not leaked, f"'pwd=' in a downloadable calendar: {leaked}")

    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))
