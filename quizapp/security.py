"""Security wiring of the app: response headers (a strict Content-Security-Policy), cookie
attributes, the reverse proxy (ProxyFix), session renewal at log-in, and the log-in and sign-up
throttles (Flask-Limiter, in Redis when it is configured).

``init_app`` is called from ``create_app``; the README's "Security" section lists the settings.
"""
from __future__ import annotations

import hashlib
import logging
from typing import Callable

from flask import Flask, current_app, request, session
from werkzeug.middleware.proxy_fix import ProxyFix

from quizapp.extensions import limiter

log = logging.getLogger(__name__)

# No 'unsafe-inline' anywhere: every script is a file under static/ and no element carries a
# style="" attribute (tests/web/test_security_headers.py walks the app to check it).
CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
])
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
HSTS = "max-age=31536000"

SECURE_COOKIE_MODES = {"auto": "auto", "": "auto", "always": "always", "true": "always", "1": "always",
                       "yes": "always", "never": "never", "false": "never", "0": "never", "no": "never"}


def secure_cookie_mode(value: str | None) -> str:
    """``QUIZAPP_SECURE_COOKIES``: ``auto`` (Secure when the request came over HTTPS), ``always`` or ``never``."""
    mode = SECURE_COOKIE_MODES.get(str(value or "").strip().lower())
    if mode is None:
        raise ValueError(f"QUIZAPP_SECURE_COOKIES must be auto, always or never, not {value!r}")
    return mode


class SecureCookies:
    """WSGI middleware: adds ``Secure`` to every Set-Cookie of a response to an HTTPS request
    (the scheme as ProxyFix has set it from X-Forwarded-Proto, when proxies are trusted)."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        if environ.get("wsgi.url_scheme") != "https":
            return self.wsgi_app(environ, start_response)

        def secure_start_response(status, headers, exc_info=None):
            headers = [(name, _with_secure(value) if name.lower() == "set-cookie" else value)
                       for name, value in headers]
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, secure_start_response)


def _with_secure(cookie: str) -> str:
    attributes = [part.strip().lower() for part in cookie.split(";")[1:]]
    return cookie if "secure" in attributes else cookie + "; Secure"


def init_app(app: Flask) -> None:
    cfg = app.config
    mode = secure_cookie_mode(cfg.get("QUIZAPP_SECURE_COOKIES"))
    cfg.update(SESSION_COOKIE_HTTPONLY=True, REMEMBER_COOKIE_HTTPONLY=True)
    cfg.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    cfg.setdefault("REMEMBER_COOKIE_SAMESITE", "Lax")
    if mode == "always":
        cfg.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True)
    elif mode == "auto":
        app.wsgi_app = SecureCookies(app.wsgi_app)

    proxies = int(cfg.get("QUIZAPP_TRUSTED_PROXIES") or 0)
    if proxies < 0:
        raise ValueError("QUIZAPP_TRUSTED_PROXIES must be 0 or more")
    if proxies:
        # Outermost, so that everything inside (SecureCookies, the app, the limiter) sees the
        # client's address and scheme as the nearest ``proxies`` proxies reported them.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)

    limiter.init_app(app)

    @app.after_request
    def _security_headers(response):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        return response


def renew_session() -> None:
    """Start a fresh session (call just before ``login_user``): nothing the visitor's session held
    before signing in survives, not a planted value, not the CSRF token, and the cookie changes.
    Sessions are signed cookies, so there is no server-side id to rotate: a session with new
    contents is a new session. (Flask-Login keeps its own keys out of the way until login_user.)"""
    session.clear()


# --- Throttling of log-in and sign-up ------------------------------------------------------------

def _prefix() -> str:
    return current_app.config.get("QUIZAPP_RATELIMIT_PREFIX") or "quizapp"


def address_key() -> str:
    """The client's address (after ProxyFix)."""
    return f"{_prefix()}:addr:{request.remote_addr or 'unknown'}"


def submitted_email() -> str:
    return str(request.form.get("email", "")).strip().lower()


def account_key() -> str:
    """The account named in the form (a hash of its e-mail address: no addresses in Redis)."""
    digest = hashlib.sha256(submitted_email().encode("utf-8")).hexdigest()[:32]
    return f"{_prefix()}:acct:{digest}"


def _failed(response) -> bool:
    """Only refused attempts count (a wrong password, a refused sign-up): a class of 200 behind
    one school address signing in at 9:00 does not use up the address's allowance. A server
    error (503: the database is down) is nobody's wrong guess and does not count either: after a
    database restart the class must not find its address throttled."""
    return 400 <= response.status_code < 500


def _config_limit(key: str) -> Callable[[], str]:
    return lambda: current_app.config[key]


def throttled(endpoint: str, succeeded_limit: str | None = None) -> Callable:
    """Decorate an auth view with the shared throttles (POST only):

    - failed attempts per account (``QUIZAPP_LIMIT_ACCOUNT``), shared by log-in and sign-up;
    - failed attempts per address (``QUIZAPP_LIMIT_ADDRESS``), shared by log-in and sign-up;
    - optionally every successful request per address (``succeeded_limit``, a config key).
    """
    decorators: list[Callable] = [
        limiter.shared_limit(_config_limit("QUIZAPP_LIMIT_ACCOUNT"), scope="auth-account", key_func=account_key,
                             methods=["POST"], deduct_when=_failed, exempt_when=lambda: not submitted_email()),
        limiter.shared_limit(_config_limit("QUIZAPP_LIMIT_ADDRESS"), scope="auth-address", key_func=address_key,
                             methods=["POST"], deduct_when=_failed),
    ]
    if succeeded_limit:
        decorators.append(limiter.limit(_config_limit(succeeded_limit), key_func=address_key, methods=["POST"],
                                        scope=f"{endpoint}-created", deduct_when=lambda r: r.status_code < 400))

    def wrap(view):
        for decorate in reversed(decorators):
            view = decorate(view)
        return view
    return wrap

