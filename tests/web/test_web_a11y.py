"""Structural accessibility checks on every main page (WCAG 2.1 AA basics that markup can show):
language, landmarks, one h1, unique ids, a label for every control, aria references that exist,
named buttons and links, and a skip link."""
import re
from html.parser import HTMLParser

import pytest


class A11yParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.ids: list[str] = []
        self.label_for: set[str] = set()
        self.controls: list[tuple[str, dict, bool]] = []  # tag, attrs, inside a <label>
        self.open_labels = 0
        self.buttons: list[list] = []  # [attrs, text]
        self.links: list[list] = []
        self._current: list | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "label":
            self.open_labels += 1
            if a.get("for"):
                self.label_for.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            self.controls.append((tag, a, self.open_labels > 0))
        if tag in ("button", "a"):
            self._current = [a, ""]
            (self.buttons if tag == "button" else self.links).append(self._current)

    def handle_endtag(self, tag):
        if tag == "label":
            self.open_labels -= 1
        if tag in ("button", "a"):
            self._current = None

    def handle_data(self, data):
        if self._current is not None:
            self._current[1] += data


def check_page(html: str, url: str) -> None:
    p = A11yParser()
    p.feed(html)
    tags = [t for t, _ in p.tags]
    assert re.search(r'<html lang="en">', html), url
    assert tags.count("main") == 1 and tags.count("h1") == 1, url
    assert "header" in tags and "footer" in tags and "nav" in tags, url
    assert 'class="skip-link" href="#main"' in html, url
    dupes = {i for i in p.ids if p.ids.count(i) > 1}
    assert not dupes, (url, dupes)
    for tag, a, wrapped in p.controls:
        assert wrapped or a.get("id") in p.label_for or a.get("aria-label"), (url, tag, a)
    for tag, a in p.tags:
        for ref in a.get("aria-describedby", "").split() + a.get("aria-labelledby", "").split():
            assert ref in p.ids, (url, tag, ref)
    for a, text in p.buttons + p.links:
        assert text.strip() or a.get("aria-label"), (url, a)


def test_public_pages(client):
    for url in ("/", "/auth/signup", "/auth/login", "/documents", "/documents/harbour-lighthouse", "/nowhere"):
        check_page(client.get(url).get_data(as_text=True), url)


def test_pages_with_errors(client, auth):
    check_page(auth.signup(email="x", password="y").get_data(as_text=True), "signup with errors")
    check_page(auth.login(password="nope").get_data(as_text=True), "login with errors")


def test_student_pages_for_every_question_type(client, student, driver):
    aid = driver.start()
    items = driver.items(aid)
    for item in items:
        url = f"/attempts/{aid}/q/{item['slot']}"
        check_page(client.get(url).get_data(as_text=True), f"{url} ({item['type']})")
    # A refused answer, with its error tied to the field.
    numeric = next(i for i in items if i["type"] == "numeric")
    html = client.post(f"/attempts/{aid}/q/{numeric['slot']}", data={"answer": "lots", "go": "next"}).get_data(as_text=True)
    check_page(html, "numeric with an error")
    for item in items[:3]:
        driver.answer(aid, item)
    for url in ("/quizzes", f"/attempts/{aid}/finish", f"/attempts/{aid}/q/1/report", "/history"):
        check_page(client.get(url).get_data(as_text=True), url)
    driver.finish(aid)
    for url in (f"/attempts/{aid}/results", f"/attempts/{aid}/q/1/explanation", f"/attempts/{aid}/q/8/explanation"):
        check_page(client.get(url).get_data(as_text=True), url)


def test_the_checker_catches_problems():
    base = ('<html lang="en"><body><a class="skip-link" href="#main">Skip</a><header><nav></nav></header>'
            '<main id="main"><h1>T</h1>{}</main><footer></footer></body></html>')
    check_page(base.format('<label for="x">X</label><input id="x">'), "ok")
    for bad in ('<input id="x">', '<p id="a"></p><p id="a"></p>', '<input aria-describedby="nope" aria-label="x">',
                '<button></button>', "<h1>Two</h1>"):
        with pytest.raises(AssertionError):
            check_page(base.format(bad), bad)
