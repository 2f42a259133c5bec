"""Refuse what no browser sends and no database can store: a NUL character in the path, the
query string or a form field answers 400 before any view runs. (PostgreSQL text cannot hold
NUL, so such a value would otherwise fail deep inside a query; SQLite would store it.)"""
from __future__ import annotations

from flask import Flask, abort, request

NUL = "\x00"


def _has_nul(multidict) -> bool:
    return any(NUL in key or any(NUL in value for value in multidict.getlist(key)) for key in multidict.keys())


def refuse_nul() -> None:
    if NUL in request.path or _has_nul(request.args):
        abort(400)
    if request.method not in ("GET", "HEAD", "OPTIONS") and _has_nul(request.form):
        abort(400)


def install(app: Flask) -> None:
    app.before_request(refuse_nul)
