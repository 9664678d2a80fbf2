"""One app process of tests/security/test_shared_limits.py (run as a script, not collected).

Usage: ``python -m tests.security.limits_worker <mode> <n>``; prints one JSON list
of the status codes (and for logins, whether the form said "Te veel").
Runs the production settings (config.settings) against the database in
DATABASE_URL, so its caches and counters are the ones production uses.
"""

import json
import sys

import django


def main(mode, n):
    django.setup()
    from django.test import Client
    from django.urls import reverse

    client = Client(REMOTE_ADDR="198.51.100.66")
    answers = []
    for i in range(n):
        if mode == "lookup":
            response = client.get(reverse("live:participate", args=[f"CCCC{'CDEFGHJKMN'[i % 10]}{i % 7}"]))
            answers.append(response.status_code)
        else:
            response = client.post(reverse("account_login"), {"login": "lid@example.org", "password": f"fout-{i}"})
            answers.append("too-many" if "Te veel" in response.content.decode() else response.status_code)
    print(json.dumps(answers))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
