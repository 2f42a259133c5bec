"""Accounts: sign-up, log-in, teachers, and the first teacher's one-time setup link."""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.extensions import db
from quizapp.models import ROLES, SetupToken, User, utcnow

SETUP_TOKEN_LIFETIME = timedelta(days=7)
# Compared against when the e-mail is unknown, so that a log-in takes as long either way.
_DUMMY_HASH = generate_password_hash("not-a-real-password", method="pbkdf2:sha256:1000")


class AccountError(ValueError):
    """The account cannot be created; the message says why (shown next to the field)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def normalize_email(email: str) -> str:
    return email.strip().lower()


def find_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalize_email(email)))


def create_user(email: str, name: str, password: str, role: str = "student") -> User:
    if role not in ROLES:
        raise AccountError("role", f"role must be one of {', '.join(ROLES)}")
    if find_by_email(email) is not None:
        raise AccountError("email", "An account with this e-mail address already exists.")
    method = current_app.config.get("PASSWORD_HASH_METHOD") or "scrypt"
    user = User(email=normalize_email(email), name=name.strip(), role=role,
                password_hash=generate_password_hash(password, method=method))
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(email: str, password: str) -> User | None:
    user = find_by_email(email)
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.active:
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
