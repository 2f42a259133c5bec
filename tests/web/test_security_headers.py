"""Security headers on every response, and a Content-Security-Policy without 'unsafe-inline' that
the pages can live with: a walk through the app as a student and as a teacher (every GET page of
the URL map, the statistics pages with real attempts, forms with errors, a preview, the streamed
upload page) finds no inline script, no on* handler, no style="" attribute and no <style> element.
"""
from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from io import BytesIO
from urllib.parse import urljoin, urlsplit

import pytest

from quizapp.extensions import db
from quizapp.security import CSP
from quizapp.services import accounts, charts

from testusers import TEST_PASSWORD

TEACHER = "walk-teacher@example.org"
REQUIRED = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
# GET endpoints the walk does not need to reach as HTML pages (with the reason).
NOT_HTML = {
    "static": "files, checked separately for their headers",
    "public.healthz": "JSON",
    "teacher.quiz_attempts_csv": "CSV",
    "teacher.quiz_grid_csv": "CSV",
    "auth.setup": "needs a one-time link; rendered in test_setup_page_is_clean",
    "student.attempt": "a redirect to the attempt's current question",
    "teacher.index": "a redirect to the bank",
}


class InlineCodeScanner(HTMLParser):
    """Collects what a strict CSP (no 'unsafe-inline') would block or what smells of inline code."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        line = self.getpos()[0]
        for name, value in attrs:
            if name == "style":
                self.problems.append(f"line {line}: <{tag} style=\"{value}\">")
            elif name.startswith("on"):
                self.problems.append(f"line {line}: <{tag} {name}=…> (inline event handler)")
            elif name in ("href", "src", "action", "formaction", "xlink:href") and \
                    (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"line {line}: <{tag} {name}=\"javascript:…\">")
        if tag == "style":
            self.problems.append(f"line {line}: <style> element")
        if tag == "script":
            src = attributes.get("src")
            if not src:
                self.problems.append(f"line {line}: inline <script>")
            elif not src.startswith("/static/"):
                self.problems.append(f"line {line}: script from {src}")
            else:
                self.scripts.append(src)
            self._in_script = bool(src)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append(f"line {self.getpos()[0]}: code inside <script src>")


def scan(html: str) -> InlineCodeScanner:
    scanner = InlineCodeScanner()
    scanner.feed(html)
    scanner.close()
    return scanner


def assert_secure_headers(response, where: str) -> None:
    for name, value in REQUIRED.items():
        assert response.headers.get(name) == value, (where, name, response.headers.get(name))
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"]


def test_the_scanner_finds_each_kind_of_inline_code():
    """The walk below can fail: each thing it looks for is found in a page that has it."""
    bad = {
        '<script>alert(1)</script>': "inline <script>",
        '<p style="color:red">x</p>': "style=",
        '<button onclick="go()">x</button>': "inline event handler",
        '<a href="javascript:go()">x</a>': "javascript:",
        '<style>p{}</style>': "<style> element",
        '<svg><rect style="fill:red"/></svg>': "style=",
        '<script src="https://cdn.example/x.js"></script>': "script from",
        '<script src="/static/x.js">alert(1)</script>': "code inside",
    }
    for html, expected in bad.items():
        problems = scan(html).problems
        assert problems and expected in problems[0], (html, problems)
    good = '<script src="/static/quiz.js" defer></script><svg><rect fill="#fff" width="3"/></svg>'
    assert scan(good).problems == []


@pytest.fixture
def walk_app(app):
    with app.app_context():
        accounts.create_user(TEACHER, "Walt Walker", TEST_PASSWORD, role="teacher")
        db.session.commit()
    return app


def _endpoint(app, path: str) -> str | None:
    adapter = app.url_map.bind("localhost")
    try:
        endpoint, _ = adapter.match(urlsplit(path).path, method="GET")
    except Exception:  # noqa: BLE001 - a 404 or a POST-only path: not a page of the walk
        return None
    return endpoint


def _shape(path: str) -> str:
    """/attempts/3/q/7 and /attempts/3/q/8 are the same page: visit a few of each shape."""
    return re.sub(r"/\d+", "/N", urlsplit(path).path)


def _walk(app, client, starts: list[str], pages: dict, limit: int = 400) -> None:
    queue = list(starts)
    per_shape: Counter = Counter()
    while queue and len(pages) < limit:
        url = queue.pop(0)
        path = urlsplit(url).path + (("?" + urlsplit(url).query) if urlsplit(url).query else "")
        if path in pages or per_shape[_shape(path)] >= 3:
            continue
        per_shape[_shape(path)] += 1
        response = client.get(path)
        pages[path] = response
        assert_secure_headers(response, path)
        if response.status_code in (301, 302, 303):
            queue.append(urljoin(path, response.headers["Location"]))
            continue
        assert response.status_code == 200, (path, response.status_code)
        if response.mimetype != "text/html":
            continue
        html = response.get_data(as_text=True)
        for href in re.findall(r'<a [^>]*href="([^"#]+)', html):
            target = urlsplit(urljoin(path, href.replace("&amp;", "&")))
            if target.netloc in ("", "localhost") and not target.path.startswith("/static/"):
                queue.append(target.path + (("?" + target.query) if target.query else ""))


def _finish_an_attempt(driver, right: bool) -> int:
    aid = driver.start()
    for item in driver.items(aid):
        driver.answer(aid, item, right=right)
    assert driver.finish(aid).status_code == 302
    return aid


def test_every_page_of_a_walk_has_the_headers_and_no_inline_code(walk_app, auth, driver):
    app, client = walk_app, auth.client
    problems: dict[str, list[str]] = {}
    rendered: dict[str, object] = {}

    def check(path, response):
        assert_secure_headers(response, path)
        if response.mimetype == "text/html" and response.status_code != 302:
            found = scan(response.get_data(as_text=True)).problems
            if found:
                problems[path] = found

    # Signed out: public pages, the forms, and the forms with their errors.
    _walk(app, client, ["/", "/documents", "/auth/login", "/auth/signup"], rendered)
    check("signup with errors", auth.signup(email="nope", password="short"))
    check("login with errors", auth.login(email="nobody@example.org", password="wrong password"))
    # A student: two finished attempts (one right, one wrong, so the explanations and the
    # practice of missed questions exist), then everything reachable.
    assert auth.signup().status_code == 302
    _finish_an_attempt(driver, right=True)
    _finish_an_attempt(driver, right=False)
    aid = driver.start()  # and one in progress
    check("report form with errors", client.post(f"/attempts/{aid}/q/1/report", data={"kind": "nonsense"}))
    _walk(app, client, ["/quizzes", "/history", "/progress", f"/attempts/{aid}/q/1", f"/attempts/{aid}/finish"],
          rendered)
    auth.logout()
    # A teacher: the bank, the editors, the statistics of those attempts.
    assert auth.login(TEACHER).status_code == 302
    _walk(app, client, ["/teacher/bank", "/teacher/review", "/teacher/quizzes", "/teacher/stats",
                        "/teacher/documents", "/teacher/import", "/teacher/questions/new", "/teacher/quizzes/new"],
          rendered)
    preview = client.post("/teacher/questions/new", data={
        "type": "short_answer", "prompt": "Who was the first keeper?", "answer": "Thomas Reed", "status": "published",
        "document": "harbour-lighthouse", "quote": "The first keeper was Thomas Reed, who served for 22 years.",
        "go": "preview"})
    assert preview.status_code == 200 and "Preview" in preview.get_data(as_text=True)
    check("question preview", preview)
    check("question form with errors", client.post("/teacher/questions/new", data={"type": "matching", "go": "save"}))
    check("quiz form with errors", client.post("/teacher/quizzes/new", data={"title": ""}))
    upload = client.post("/teacher/documents", data={
        "file": (BytesIO(b"= Walk =\n\nThe walk began in 1901 at the harbour.\n"), "walk.md"), "title": "Walk",
        "kind": "reference"}, content_type="multipart/form-data")
    check("streamed upload page", upload)
    assert "progress" in upload.get_data(as_text=True)

    for path, response in rendered.items():
        check(path, response)
    assert problems == {}, problems

    # Every GET page of the app was reached (a new page is walked, or the test says why not).
    reached = {_endpoint(app, path) for path in rendered}
    pages = {rule.endpoint for rule in app.url_map.iter_rules() if "GET" in rule.methods}
    missing = pages - reached - set(NOT_HTML)
    assert not missing, f"the walk did not reach {sorted(missing)}: link them, or list them in NOT_HTML"
    assert len(rendered) > 60


def test_setup_page_is_clean(make_app):
    app = make_app(load=False)
    with app.app_context():
        token = accounts.issue_setup_token()
        db.session.commit()
    response = app.test_client().get(f"/auth/setup/{token}")
    assert response.status_code == 200
    assert_secure_headers(response, "setup")
    assert scan(response.get_data(as_text=True)).problems == []


@pytest.mark.parametrize("path, status", [
    ("/static/style.css", 200), ("/static/quiz.js", 200), ("/healthz", 200), ("/no/such/page", 404),
    ("/teacher/bank", 302), ("/attempts/999999/results", 302),
])
def test_headers_on_every_kind_of_response(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert_secure_headers(response, path)


def test_headers_on_errors_and_refusals(make_app):
    """Error pages carry the headers and no inline code either."""
    app = make_app(WTF_CSRF_ENABLED=True, QUIZAPP_LIMIT_ADDRESS="1 per minute")
    client = app.test_client()
    responses = {
        "404": client.get("/no/such/page"),
        "400 CSRF": client.post("/auth/login", data={"email": "a@b.org", "password": "x"}),
        "405": client.put("/auth/login"),
        "413": client.post("/auth/login", data={"email": "x" * (4 * 1024 * 1024)}),
    }
    unprotected = make_app(QUIZAPP_LIMIT_ADDRESS="1 per minute").test_client()
    unprotected.post("/auth/login", data={"email": "a@b.org", "password": "wrong"})
    responses["429"] = unprotected.post("/auth/login", data={"email": "a@b.org", "password": "wrong"})
    for name, response in responses.items():
        assert response.status_code == int(name[:3]), (name, response.status_code)
        assert_secure_headers(response, name)
        assert scan(response.get_data(as_text=True)).problems == [], name


def test_hsts_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/").headers
    secure = client.get("/", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")


def test_the_charts_have_no_style_attribute():
    for svg in (charts.histogram([("0–10", 2), ("10–20", 0)], "Scores"),
                charts.bars([("a", 0.5), ("b", 0.1)], "Facility", warn_below=0.2)):
        assert scan(str(svg)).problems == []
        assert "style" not in str(svg)
