"""The password policy (NIST SP 800-63B style), pure Python: length, a list of common passwords
shipped in the package, and nothing that is the account's own e-mail address or name.

No composition rules (a digit, a capital…): length and a blocklist are what the guidance asks for.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

MIN_LENGTH = 10
MAX_LENGTH = 200
COMMON_FILE = Path(__file__).resolve().parent / "data" / "common-passwords.txt"

HINT = f"At least {MIN_LENGTH} characters. A few unrelated words make a good one; avoid common passwords and your name."


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _squash(text: str) -> str:
    """Lower case, compatibility-normalised, without white space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).casefold())


def problems(password: str, email: str = "", name: str = "") -> list[str]:
    """Why ``password`` is not acceptable for the account (``email``, ``name``): empty when it is."""
    found: list[str] = []
    length = len(password)
    if length < MIN_LENGTH:
        found.append(f"Use at least {MIN_LENGTH} characters (this one has {length}).")
    elif length > MAX_LENGTH:
        found.append(f"Use at most {MAX_LENGTH} characters.")
    squashed = _squash(password)
    core = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", squashed)  # "Password123!" -> "password"
    if squashed in common_passwords() or core in common_passwords() or (squashed and len(set(squashed)) <= 2):
        found.append("This password is too common and easy to guess. Choose another one.")
    personal = set()
    local = _squash(email).split("@", 1)[0]
    if len(local) >= 3:
        personal.add(local)
    squashed_name = _squash(name)
    if len(squashed_name) >= 3:
        personal.add(squashed_name)
    personal.update(part for part in re.split(r"[\W_]+", unicodedata.normalize("NFKC", name).casefold())
                    if len(part) >= 4)
    if squashed and any(p in squashed for p in personal):
        found.append("Do not use your e-mail address or your name in your password.")
    return found
