"""publiccode.yml at the repository root: valid YAML with every mandatory key of the standard (v0.4).

The mandatory keys are those the standard's core schema marks mandatory
(https://yml.publiccode.tools/schema.core.html); the enumerations are its allowed values.
"""

import datetime
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MANDATORY = ["publiccodeYmlVersion", "name", "url", "platforms", "categories", "developmentStatus", "softwareType",
             "description", "legal", "maintenance", "localisation"]  # fmt: skip
# For at least one language of ``description``.
MANDATORY_DESCRIPTION = ["shortDescription", "longDescription", "features"]
DEVELOPMENT_STATUS = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPES = {"standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web",
                  "standalone/backend", "standalone/other", "addon", "library", "configurationFiles"}  # fmt: skip
MAINTENANCE_TYPES = {"internal", "contract", "community", "none"}
CATEGORIES = {"collaboration", "content-management", "event-management", "knowledge-management", "online-community"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def code():
    # Plain YAML 1.1 loading would turn an unquoted date into a date object; the file quotes them.
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


def test_it_has_the_mandatory_keys_of_the_standard(code):
    assert [key for key in MANDATORY if key not in code] == []
    assert code["publiccodeYmlVersion"] == "0.4"
    assert code["url"].startswith("https://")
    assert code["developmentStatus"] in DEVELOPMENT_STATUS
    assert code["softwareType"] == "standalone/web" and code["softwareType"] in SOFTWARE_TYPES
    assert "web" in code["platforms"]
    assert code["categories"] and set(code["categories"]) <= CATEGORIES
    assert code["legal"]["license"]
    assert isinstance(code["localisation"]["localisationReady"], bool)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_it_describes_the_software_in_dutch_and_english(code, language):
    description = code["description"][language]
    assert [key for key in MANDATORY_DESCRIPTION if key not in description] == []
    assert len(description["shortDescription"]) <= 150
    assert 150 <= len(description["longDescription"]) <= 10000
    assert description["features"] and all(isinstance(feature, str) for feature in description["features"])


def test_maintenance_has_contacts_for_community_or_internal(code):
    maintenance = code["maintenance"]
    assert maintenance["type"] in MAINTENANCE_TYPES
    if maintenance["type"] in ("internal", "community"):
        assert maintenance["contacts"] and all(contact.get("name") for contact in maintenance["contacts"])
    if maintenance["type"] == "contract":
        assert all(c.get("name") and c.get("until") for c in maintenance["contractors"])


def test_languages_release_and_dependencies(code):
    assert code["localisation"]["availableLanguages"] == ["nl", "en"]
    assert DATE.match(code["releaseDate"])
    assert datetime.date.fromisoformat(code["releaseDate"]) <= datetime.date.today()
    assert isinstance(code["softwareVersion"], str)
    assert "PostgreSQL" in [dependency["name"] for dependency in code["dependsOn"]["open"]]
