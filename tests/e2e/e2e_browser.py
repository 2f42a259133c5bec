"""Finding Debian's chromium for the browser tests: in CI its absence is a failure, elsewhere a skip."""
from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def require_chromium(path: Path = CHROMIUM, env: dict | None = None) -> str:
    """The browser's path; fails the test in CI (CI=true) and skips it elsewhere when missing."""
    import os
    env = os.environ if env is None else env
    if Path(path).exists():
        return str(path)
    reason = f"{path} is missing: install Debian's chromium package (scripts/test-services does)"
    if str(env.get("CI", "")).lower() in ("true", "1", "yes"):
        pytest.fail(reason + "; the browser tests are required in CI", pytrace=False)
    pytest.skip(reason)
