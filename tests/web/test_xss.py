"""Stored XSS: user text planted through every real entry point (the teacher's question form, GIFT
and JSON bank imports, a document upload, the sign-up name, the quiz builder, a student's report)
is shown on every page that shows it as text, never as markup.

Each planted value carries a numbered payload, ``Xn<script>alert(n)</script>"><img src=x onerror=alert(n)>``.
A page passes when (1) its parsed HTML has no planted script (no script from elsewhere than
/static/, no script holding ``alert(``), no element with an ``on*`` attribute and no ``<img src=x>``, and (2) the payloads expected there appear in its text
or attribute values after parsing (so the test fails if a page stopped showing them, and the
check cannot pass by showing nothing)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from io import BytesIO

import pytest

from harden_helpers import PASSWORD, TEACHER, login
from quizapp.extensions import db
from quizapp.models import Attempt, AttemptItem, Document, Question, Quiz, User
from quizapp.services import accounts


def payload(n: int) -> str:
    return f'X{n}<script>alert({n})</script>"><img src=x onerror=alert({n})>'


def marker(n: int) -> str:
    """What must be visible of payload ``n`` (the start survives truncation to ~27 characters)."""
    return f"X{n}<script>alert({n})"


class Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []
        self.visible: list[str] = []  # text and attribute values
        self.text: list[str] = []  # text only
        self.in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.in_script = True
            if attrs.get("src") is not None and not attrs["src"].startswith("/static/"):
                self.bad.append(f"<script {attrs}>")
        if tag == "img" and attrs.get("src") == "x":
            self.bad.append(f"<img {attrs}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.bad.append(f"<{tag} {name}={value!r}>")
            if name == "href" and (value or "").strip().lower().startswith("javascript:"):
                self.bad.append(f"<{tag} href={value!r}>")
            self.visible.append(value or "")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script:  # the page's own scripts are the CSP's business; a planted one is caught here
            if "alert(" in data:
                self.bad.append(f"<script>{data[:80]}")
            return
        self.visible.append(data)
        self.text.append(data)


def check(html: str, expected: set[int], where: str) -> None:
    page = Page(html)
    assert page.bad == [], (where, page.bad)
    text = "\n".join(page.visible)
    missing = [n for n in expected if marker(n) not in text]
    assert not missing, (where, missing)
    # Belt and braces: the raw payload text is nowhere in the bytes of the page.
    for n in expected:
        assert f"<script>alert({n})</script>" not in html and f"<img src=x onerror=alert({n})>" not in html, where


# Payload numbers, by where they were planted.
DOC_TITLE, DOC_AUTHOR, DOC_SECTION, DOC_TEXT = 1, 2, 3, 4
Q_PROMPT, Q_KEY, Q_WRONG, Q_FEEDBACK, Q_EXPLANATION = 10, 11, 12, 13, 14
GIFT_PROMPT, GIFT_CHOICE, GIFT_FEEDBACK = 20, 21, 22
JSON_PROMPT, JSON_LEFT, JSON_RIGHT, JSON_STEP, JSON_EXPLANATION = 30, 31, 32, 33, 34
STUDENT_NAME, QUIZ_TITLE, QUIZ_INSTRUCTIONS, REPORT = 40, 41, 42, 43


def document_text() -> str:
    return (f"= The Harbour of Light =\n\n"
            f"The harbour was built in 1820 by the town council. It has two long stone piers.\n\n"
            f"== Keepers {payload(DOC_SECTION)} ==\n"
            f"The first keeper was {payload(Q_KEY)}, who served for 22 years. "
            f"His logbook says {payload(DOC_TEXT)} about the storm of 1841.\n\n"
            f"In 1901 the light was electrified. In 1950 a radio beacon was added to the tower.\n")


@pytest.fixture
def planted(app):
    """Plant every payload through the real forms; return the clients and ids to visit."""
    with app.app_context():
        accounts.create_user(TEACHER, "Tess Teacher", PASSWORD, role="teacher")
        db.session.commit()
    teacher = login(app, TEACHER)

    # A document upload: title, author, a section heading and the text.
    response = teacher.post("/teacher/documents", data={
        "file": (BytesIO(document_text().encode()), "harbour.txt"), "title": payload(DOC_TITLE),
        "author": payload(DOC_AUTHOR), "kind": "reference"}, content_type="multipart/form-data")
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "progress-done" in body, body
    check(body, {DOC_TITLE}, "upload progress page (streamed)")
    with app.app_context():
        doc_id = db.session.scalar(db.select(Document.id).where(Document.title == payload(DOC_TITLE)))
        assert doc_id
        # The upload's generated questions wait for review; retire them so the quiz draws ours.
        for q in db.session.scalars(db.select(Question).where(Question.document_id == doc_id)):
            q.status = "retired"
        db.session.commit()

    # The teacher's question form, citing the passage, with the key inside the quote.
    quote = f"The first keeper was {payload(Q_KEY)}, who served for 22 years."
    response = teacher.post("/teacher/questions/new", data={
        "type": "multiple_choice", "prompt": payload(Q_PROMPT), "document": doc_id, "quote": quote,
        "explanation": payload(Q_EXPLANATION), "status": "published", "go": "save",
        "choices-0-text": payload(Q_KEY), "choices-0-correct": "y", "choices-0-feedback": payload(Q_FEEDBACK),
        "choices-1-text": payload(Q_WRONG), "choices-1-feedback": payload(Q_FEEDBACK),
        "choices-2-text": "Nobody"})
    assert response.status_code == 302, response.get_data(as_text=True)
    authored = response.headers["Location"].rsplit("/", 1)[-1]

    # A GIFT import (GIFT escapes its special characters: = ~ # { } :).
    def gift_escape(s):
        return re.sub(r"([=~#{}:])", r"\\\1", s)
    gift = (f"::gx:: {gift_escape(payload(GIFT_PROMPT))} {{={gift_escape(payload(GIFT_CHOICE))}"
            f"#{gift_escape(payload(GIFT_FEEDBACK))} ~Other ~Another}}\n")
    response = teacher.post("/teacher/import", data={"file": (BytesIO(gift.encode()), "x.gift"), "document": doc_id},
                            content_type="multipart/form-data")
    assert response.status_code == 200 and "1 added" in response.get_data(as_text=True), response.get_data(as_text=True)

    # A JSON bank import: matching and ordering texts.
    bank = {"questions": [
        {"id": "xss-match", "type": "matching", "prompt": payload(JSON_PROMPT),
         "pairs": [[payload(JSON_LEFT), payload(JSON_RIGHT)], ["a", "b"], ["c", "d"]],
         "explanation": payload(JSON_EXPLANATION), "status": "published"},
        {"id": "xss-order", "type": "ordering", "prompt": "Put in order",
         "sequence": [payload(JSON_STEP), "second", "third"], "status": "published"}]}
    response = teacher.post("/teacher/import", data={"file": (BytesIO(json.dumps(bank).encode()), "x.json"),
                                                     "document": doc_id}, content_type="multipart/form-data")
    assert response.status_code == 200 and "2 added" in response.get_data(as_text=True), response.get_data(as_text=True)
    with app.app_context():
        imported = [q.id for q in db.session.scalars(db.select(Question).where(
            Question.document_id == doc_id, Question.origin == "teacher", Question.id != authored))]
    response = teacher.post("/teacher/bank/bulk", data={"action": "publish", "ids": imported})
    assert response.status_code == 302

    # The quiz builder: title and instructions; the quiz draws the four questions above.
    response = teacher.post("/teacher/quizzes/new", data={
        "title": payload(QUIZ_TITLE), "instructions": payload(QUIZ_INSTRUCTIONS), "documents": doc_id,
        "count": "4", "pass_mark": "50", "grading_method": "highest", "show_answers": "after_attempt",
        "status": "published"})
    assert response.status_code == 302, response.get_data(as_text=True)
    quiz_id = int(response.headers["Location"].rsplit("/", 1)[-1])

    # A student signs up with a payload for a name, takes the quiz, reports a problem, finishes.
    student = app.test_client()
    response = student.post("/auth/signup", data={"email": "s@example.org", "name": payload(STUDENT_NAME),
                                                  "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)
    response = student.post(f"/quizzes/{quiz_id}/start")
    assert response.status_code == 200
    attempt_id = int(response.headers["Content-Location"].split("/")[2])
    with app.app_context():
        items = db.session.scalars(db.select(AttemptItem).where(AttemptItem.attempt_id == attempt_id)
                                   .order_by(AttemptItem.slot)).all()
        slots = {i.question_id: i.slot for i in items}
        layouts = {i.question_id: i.layout for i in items}
        specs = {i.question_id: i.snapshot["spec"] for i in items}
        student_id = db.session.scalar(db.select(User.id).where(User.email == "s@example.org"))
    assert set(slots) == {authored, "xss-match", "xss-order", *imported} and len(slots) == 4
    question_pages = {qid: student.get(f"/attempts/{attempt_id}/q/{slot}").get_data(as_text=True)
                      for qid, slot in slots.items()}
    for qid, slot in slots.items():
        layout = layouts[qid]
        if "options" in layout:  # a wrong one (the planted one when there is one): its feedback shows too
            wrong = [oid for oid, i in layout["options"] if not specs[qid]["choices"][i]["correct"]]
            planted_wrong = [oid for oid, i in layout["options"]
                             if specs[qid]["choices"][i]["text"] == payload(Q_WRONG)]
            form = {"answer": (planted_wrong or wrong)[0]}
        elif "lefts" in layout:
            form = {f"m-{lid}": layout["rights"][0][0] for lid, _ in layout["lefts"]}
        else:
            form = {f"o-{oid}": str(n + 1) for n, (oid, _) in enumerate(layout["items"])}
        assert student.post(f"/attempts/{attempt_id}/q/{slot}", data={**form, "go": "save"}).status_code == 302
    response = student.post(f"/attempts/{attempt_id}/q/{slots[authored]}/report",
                            data={"kind": "wrong_key", "comment": payload(REPORT)})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert student.post(f"/attempts/{attempt_id}/finish", data={"confirm": "yes"}).status_code == 302
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).state == "finished"
    return {"teacher": teacher, "student": student, "doc_id": doc_id, "authored": authored,
            "gift": [i for i in imported if i not in ("xss-match", "xss-order")][0], "quiz_id": quiz_id,
            "attempt_id": attempt_id, "slots": slots, "student_id": student_id, "question_pages": question_pages}


def test_student_pages_escape_every_planted_text(planted):
    p, student = planted, planted["student"]
    pages = p["question_pages"]
    check(pages[p["authored"]], {Q_PROMPT, Q_KEY, Q_WRONG}, "question page (authored)")
    check(pages[p["gift"]], {GIFT_PROMPT, GIFT_CHOICE}, "question page (GIFT)")
    check(pages["xss-match"], {JSON_PROMPT, JSON_LEFT, JSON_RIGHT}, "question page (matching)")
    check(pages["xss-order"], {JSON_STEP}, "question page (ordering)")
    a = p["attempt_id"]
    check(student.get(f"/attempts/{a}/results").get_data(as_text=True), {QUIZ_TITLE, Q_PROMPT}, "results")
    explanation = student.get(f"/attempts/{a}/q/{p['slots'][p['authored']]}/explanation")
    assert explanation.status_code == 200
    check(explanation.get_data(as_text=True),
          {Q_PROMPT, Q_KEY, Q_WRONG, Q_FEEDBACK, Q_EXPLANATION, DOC_TITLE, DOC_SECTION}, "explanation (passage)")
    html = explanation.get_data(as_text=True)
    # The passage marks the answer with real markup around escaped text.
    assert re.search(r'<strong class="answer">X11&lt;script&gt;alert\(11\)&lt;/script&gt;&#34;&gt;&lt;img', html), html
    check(student.get(f"/attempts/{a}/q/{p['slots'][p['gift']]}/explanation").get_data(as_text=True),
          {GIFT_PROMPT, GIFT_CHOICE}, "explanation (GIFT)")
    check(student.get(f"/attempts/{a}/q/{p['slots']['xss-match']}/explanation").get_data(as_text=True),
          {JSON_PROMPT, JSON_LEFT, JSON_RIGHT, JSON_EXPLANATION}, "explanation (matching)")
    check(student.get(f"/attempts/{a}/q/{p['slots']['xss-order']}/explanation").get_data(as_text=True),
          {JSON_STEP}, "explanation (ordering)")
    check(student.get("/quizzes").get_data(as_text=True), {QUIZ_TITLE, QUIZ_INSTRUCTIONS}, "quiz list")
    check(student.get("/history").get_data(as_text=True), {QUIZ_TITLE}, "history")
    check(student.get("/progress").get_data(as_text=True), set(), "progress")
    check(student.get("/documents").get_data(as_text=True), {DOC_TITLE}, "document list")
    check(student.get(f"/documents/{p['doc_id']}").get_data(as_text=True),
          {DOC_TITLE, DOC_AUTHOR, DOC_SECTION, DOC_TEXT, Q_KEY}, "document page")


def test_teacher_pages_escape_every_planted_text(planted):
    p, teacher = planted, planted["teacher"]
    doc = p["doc_id"]
    pages = {
        f"/teacher/bank?document={doc}": {Q_PROMPT, Q_KEY, Q_WRONG, GIFT_PROMPT, JSON_PROMPT, JSON_LEFT, DOC_TITLE},
        f"/teacher/questions/{p['authored']}": {Q_PROMPT, Q_KEY, Q_WRONG, Q_EXPLANATION, DOC_TITLE, DOC_SECTION,
                                                REPORT},
        f"/teacher/questions/{p['authored']}/edit": {Q_PROMPT, Q_KEY, Q_WRONG, Q_FEEDBACK, Q_EXPLANATION, DOC_TITLE},
        f"/teacher/questions/{p['gift']}/edit": {GIFT_PROMPT, GIFT_CHOICE, GIFT_FEEDBACK},
        "/teacher/questions/xss-match/edit": {JSON_PROMPT, JSON_LEFT, JSON_RIGHT, JSON_EXPLANATION},
        "/teacher/questions/xss-order": {JSON_STEP},
        "/teacher/review": {Q_PROMPT, REPORT},
        "/teacher/documents": {DOC_TITLE},
        f"/teacher/documents/{doc}": {DOC_TITLE},
        "/teacher/quizzes": {QUIZ_TITLE},
        f"/teacher/quizzes/{p['quiz_id']}": {QUIZ_TITLE, QUIZ_INSTRUCTIONS, DOC_TITLE},
        "/teacher/quizzes/new": {DOC_TITLE, DOC_SECTION},
        "/teacher/stats": {QUIZ_TITLE},
        f"/teacher/quizzes/{p['quiz_id']}/stats": {QUIZ_TITLE, Q_PROMPT},
        f"/teacher/quizzes/{p['quiz_id']}/attempts": {QUIZ_TITLE, STUDENT_NAME},
        f"/teacher/questions/{p['authored']}/stats": {Q_PROMPT},
        f"/teacher/students/{p['student_id']}": {STUDENT_NAME, QUIZ_TITLE},
        f"/teacher/documents/{doc}/stats": {DOC_TITLE},
        "/teacher/audit": {Q_PROMPT, QUIZ_TITLE, DOC_TITLE},
        "/teacher/import": {DOC_TITLE},
    }
    for url, expected in pages.items():
        response = teacher.get(url)
        assert response.status_code == 200, (url, response.status_code)
        check(response.get_data(as_text=True), expected, url)


def test_the_checker_catches_an_unescaped_payload():
    """The check itself can fail: raw markup of a payload is caught, escaped text passes."""
    from markupsafe import escape
    with pytest.raises(AssertionError):
        check(f"<p>{payload(1)}</p>", {1}, "raw")
    with pytest.raises(AssertionError):
        check(f'<input value="{payload(1)}">', {1}, "raw attribute")
    with pytest.raises(AssertionError):
        check("<p>nothing here</p>", {1}, "missing")
    check(f"<p>{escape(payload(1))}</p><input value=\"{escape(payload(1))}\">", {1}, "escaped")


def test_server_drawn_charts_escape_their_labels():
    from quizapp.services import charts
    svg = str(charts.bars([(payload(5), 0.5)], payload(6), chart_id='x" onload="alert(7)'))
    svg += str(charts.histogram([(payload(8), 3)], payload(9), chart_id="<h>"))
    check(f"<div>{svg}</div>", {5, 6, 8, 9}, "charts")
    assert 'onload="alert(7)' not in svg


def test_a_passage_whose_highlight_splits_a_payload_stays_escaped():
    """The highlight cuts the text at the sentence and answer offsets: offsets that fall inside a
    payload's markup must still give escaped text, never half a tag."""
    from quizapp.services.documents import highlight
    text = "Before " + payload(1) + " after."
    for a in range(0, len(text)):
        for b in (a + 1, a + 5, len(text)):
            html = str(highlight(text, 100, (100 + a, 100 + b), (100 + a, 100 + min(b, a + 3))))
            page = Page(f"<p>{html}</p>")
            assert page.bad == [] and "".join(page.text) == text, (a, b, html)


def test_error_messages_that_quote_user_text_escape_it(app):
    """Refusals that repeat what was sent (a file name, a GIFT question's name) show it as text."""
    with app.app_context():
        accounts.create_user(TEACHER, "Tess Teacher", PASSWORD, role="teacher")
        db.session.commit()
    teacher = login(app, TEACHER)
    name = '<img src=x onerror=alert(50)>X50.exe'  # no "/" (the label is the base name), no '"' (multipart)
    response = teacher.post("/teacher/documents", data={"file": (BytesIO(b"Some text."), name),
                                                        "title": "T", "kind": "reference"},
                            content_type="multipart/form-data")
    assert response.status_code == 422
    page = Page(response.get_data(as_text=True))
    assert page.bad == [] and any(name in t for t in page.visible)
    gift = rb"::n:: How far? {#<img src\=x onerror\=alert(51)>X51..2}"  # the error quotes the range
    response = teacher.post("/teacher/import", data={"file": (BytesIO(gift), "bad.gift")},
                            content_type="multipart/form-data")
    assert response.status_code == 422
    page = Page(response.get_data(as_text=True))
    assert page.bad == [] and any("<img src=x onerror=alert(51)>X51" in t for t in page.visible)
    response = teacher.post("/teacher/questions/new", data={"type": "multiple_choice", "prompt": payload(52),
                                                            "document": "harbour-lighthouse", "quote": payload(53),
                                                            "go": "preview"})
    assert response.status_code == 422
    check(response.get_data(as_text=True), {52, 53}, "question form refusal")


@pytest.mark.parametrize("name, body", [
    ("page.html", "<html><head><title>Ignored</title><script>alert(60)</script></head><body><h1>Harbour</h1>"
                  "<p>The keeper wrote &lt;script&gt;alert(61)&lt;/script&gt; in 1850 and left.</p>"
                  "<p>Also <img src=x onerror=alert(62)> and <a href=\"javascript:alert(63)\">a link</a> here.</p>"
                  "<p>The light was built in 1820 by the council of the town.</p></body></html>"),
    ("page.md", "# Harbour\n\nThe keeper wrote <script>alert(61)</script> in 1850 and left.\n\n"
                "[a link](javascript:alert(63)) and <img src=x onerror=alert(62)> here.\n\n"
                "The light was built in 1820 by the council of the town.\n"),
])
def test_html_and_markdown_uploads_are_shown_as_text(app, name, body):
    """An HTML upload keeps its text (scripts dropped, entities decoded), a Markdown one its
    source: either way the reader shows text, never the markup inside it."""
    with app.app_context():
        accounts.create_user(TEACHER, "Tess Teacher", PASSWORD, role="teacher")
        db.session.commit()
    teacher = login(app, TEACHER)
    response = teacher.post("/teacher/documents", data={"file": (BytesIO(body.encode()), name), "title": "Harbour",
                                                        "kind": "reference"}, content_type="multipart/form-data")
    assert response.status_code == 200 and "progress-done" in response.get_data(as_text=True)
    with app.app_context():
        text = db.session.get(Document, "harbour").text
    assert "<script>alert(61)</script>" in text  # decoded (HTML) or kept (Markdown): it is text now
    for url in ("/documents/harbour", "/teacher/documents/harbour"):
        html = app.test_client().get(url).get_data(as_text=True) if url.startswith("/documents") \
            else teacher.get(url).get_data(as_text=True)
        page = Page(html)
        assert page.bad == [], (name, url, page.bad)
        assert "alert(60)" not in html
    reader = Page(app.test_client().get("/documents/harbour").get_data(as_text=True))
    assert any("<script>alert(61)</script>" in t for t in reader.text)
