"""External checkers the tests run: where they are, and skip or fail when one is missing.

``make tools`` (run by .ci/run) installs them from npm into .ci/node_modules (pinned in
.ci/package.json); Java runs the Nu Html Checker. Locally a missing tool skips its tests
with a one-line reason; with REQUIRE_ALL_TESTS=1 (CI) it fails the run instead.
"""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / ".ci" / "node_modules"
VNU_JAR = Path(os.environ.get("VNU_JAR", NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"))
SPECTRAL = Path(os.environ.get("SPECTRAL", NODE_MODULES / ".bin" / "spectral"))


def require(*paths_or_commands, install="make tools"):
    """Skip (locally) or fail (CI) unless every file or command exists."""
    missing = [
        str(item)
        for item in paths_or_commands
        if not (Path(item).exists() if os.sep in str(item) else shutil.which(str(item)))
    ]
    if not missing:
        return
    reason = f"needs {', '.join(missing)} ({install}, as .ci/run does)"
    if os.environ.get("REQUIRE_ALL_TESTS") == "1":
        pytest.fail(f"REQUIRE_ALL_TESTS=1 but this test {reason}", pytrace=False)
    pytest.skip(reason)


def require_vnu():
    require("java", VNU_JAR)
    return ["java", "-Xss8m", "-jar", str(VNU_JAR)]


def require_spectral():
    require("node", SPECTRAL)
    return [str(SPECTRAL)]
