"""Accounts: sign-up, log-in, teachers, and the first teacher's one-time setup link."""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from functools import lru_cache

from flask import current_app
from sqlalchemy import func, select
from quizapp import hashing, passwords
from quizapp.extensions import db
from quizapp.models import ROLES, SetupToken, User, utcnow

SETUP_TOKEN_LIFETIME = timedelta(days=7)
# Shown when a sign-up names an address that has an account: it does not say "already exists".
# Sign-up cannot hide an existing account completely without e-mail confirmation (see README,
# "Security"); the wording and the per-address throttle make probing slow and unrewarding.
TAKEN_MESSAGE = ("No new account can be made with this e-mail address. If you already have one, sign in; "
                 "otherwise check the address or ask your teacher.")


class AccountError(ValueError):
    """The account cannot be created; the message says why (shown next to the field)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def normalize_email(email: str) -> str:
    return email.strip().lower()


def find_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalize_email(email)))


def _hash_method() -> str:
    return current_app.config.get("PASSWORD_HASH_METHOD") or "scrypt"


@lru_cache(maxsize=8)
def _dummy_hash(method: str) -> str:
    """A hash of a random password with the app's method: checked against when the e-mail is
    unknown, so that a failed log-in costs the same work whether or not the account exists."""
    return hashing.hash_password(secrets.token_urlsafe(16), method)


def check_password_policy(password: str, email: str = "", name: str = "") -> None:
    """Raise ``AccountError("password", …)`` when the password breaks the policy (``quizapp.passwords``)."""
    found = passwords.problems(password, email, name)
    if found:
        raise AccountError("password", " ".join(found))


def create_user(email: str, name: str, password: str, role: str = "student") -> User:
    if role not in ROLES:
        raise AccountError("role", f"role must be one of {', '.join(ROLES)}")
    check_password_policy(password, email, name)
    # Hash first: a taken address then costs the same work as a new account.
    password_hash = hashing.hash_password(password, _hash_method())
    if find_by_email(email) is not None:
        raise AccountError("email", TAKEN_MESSAGE)
    user = User(email=normalize_email(email), name=name.strip(), role=role, password_hash=password_hash)
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(email: str, password: str) -> User | None:
    user = find_by_email(email)
    if user is None:
        hashing.verify_password(_dummy_hash(_hash_method()), password)
        return None
    if not hashing.verify_password(user.password_hash, password) or not user.active:
        return None
    return user


def teacher_exists() -> bool:
    return bool(db.session.scalar(select(func.count()).select_from(User).where(User.role == "teacher")))


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_setup_token() -> str:
    """A new one-time token for creating the first teacher. Earlier unused tokens stop working."""
    now = utcnow()
    for old in db.session.scalars(select(SetupToken).where(SetupToken.used_at.is_(None))):
        old.used_at = now
    token = secrets.token_urlsafe(24)
    db.session.add(SetupToken(token_hash=_hash_token(token), expires_at=now + SETUP_TOKEN_LIFETIME))
    db.session.flush()
    return token


def valid_setup_token(token: str) -> SetupToken | None:
    row = db.session.scalar(select(SetupToken).where(SetupToken.token_hash == _hash_token(token)))
    if row is None or row.used_at is not None or row.expires_at < utcnow() or teacher_exists():
        return None
    return row


def redeem_setup_token(token: str, email: str, name: str, password: str) -> User:
    row = valid_setup_token(token)
    if row is None:
        raise AccountError("token", "This setup link has expired or has already been used.")
    user = create_user(email, name, password, role="teacher")
    row.used_at = utcnow()
    db.session.flush()
    return user
