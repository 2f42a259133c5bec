"""In a real browser, under the app's strict Content-Security-Policy (no 'unsafe-inline'): the key
pages report no CSP violation, and the scripts (now files under static/) still work: the question
page's autosave, the question form's type switch, the upload form's progress note; the charts'
layout comes from style.css classes."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from quizapp.extensions import db
from quizapp.services import accounts

pytestmark = pytest.mark.e2e

PASSWORD = "a long enough password"
TEACHER = "csp-teacher@example.org"

# Recorded by the page itself: every securitypolicyviolation event (injected by the browser
# driver, which the page's CSP does not govern).
RECORDER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""


class Watch:
    """Console errors, page errors and CSP violations of every page the browser shows."""

    def __init__(self, page):
        self.page = page
        self.console: list[str] = []
        page.on("console", lambda msg: self.console.append(msg.text) if msg.type in ("error", "warning") else None)
        page.on("pageerror", lambda err: self.console.append(f"pageerror: {err}"))

    def violations(self) -> list[str]:
        found = self.page.evaluate("window.__csp || []")
        return found + [m for m in self.console if "Content Security Policy" in m or "Refused to" in m
                        or m.startswith("pageerror")]

    def clean(self, where: str) -> None:
        assert self.violations() == [], (where, self.violations())


def _context(browser, live_server, width=1000):
    context = browser.new_context(viewport={"width": width, "height": 900}, base_url=live_server.url)
    context.add_init_script(RECORDER)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page, Watch(page)


def test_the_recorder_sees_a_violation(browser, live_server):
    """The control: an inline style or script that reaches the page is reported, so a page with
    one fails the checks below."""
    context, page, watch = _context(browser, live_server)
    page.goto("/")
    watch.clean("home")
    page.evaluate("""() => {
      document.body.insertAdjacentHTML('beforeend', '<p id="x" style="color: red">x</p>');
      var s = document.createElement('script'); s.textContent = 'window.__ran = true;'; document.body.appendChild(s);
    }""")
    page.wait_for_function("window.__csp.length >= 2")
    assert page.evaluate("window.__ran") is None  # the inline script did not run
    assert any("style-src" in v for v in watch.violations()) and any("script-src" in v for v in watch.violations())
    context.close()


def test_student_and_teacher_pages_work_under_the_csp(browser, live_server):
    with live_server.app.app_context():
        accounts.create_user(TEACHER, "Cass Teacher", PASSWORD, role="teacher")
        db.session.commit()
        db.session.remove()

    # A student: sign up, a practice quiz with autosave (quiz.js), finish, results, explanation.
    context, page, watch = _context(browser, live_server, width=390)
    page.goto("/auth/signup")
    page.get_by_label("Your name").fill("Pat Pupil")
    page.get_by_label("E-mail address").fill("pat@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", name="Quizzes", exact=True)).to_be_visible()
    watch.clean("quizzes")
    card = page.locator(".card", has=page.get_by_role("heading", name="Practice: The Harbour Lighthouse"))
    card.get_by_role("button", name=re.compile("Start")).click()
    expect(page.get_by_role("heading", name=re.compile(r"Question \d+ of \d+"))).to_be_visible()
    assert page.locator("script[src$='quiz.js']").count() == 1
    answered = False
    for _ in range(12):
        first_option = page.locator("input[name=answer][type=radio], input[name=answer][type=checkbox]").first
        if first_option.count():
            page.locator(f"label[for='{first_option.get_attribute('id')}']").click()
            expect(page.locator("#save-status")).to_have_text("Answer saved.")  # saved by quiz.js, no reload
            answered = True
            break
        page.get_by_role("button", name=re.compile("Save and next")).click()
    assert answered, "no choice question in the practice quiz"
    watch.clean("question page with autosave")
    page.get_by_role("button", name=re.compile("Finish|Review and finish")).first.click()
    if page.get_by_role("button", name=re.compile("Finish")).count():
        page.get_by_role("button", name=re.compile("Finish")).first.click()
    expect(page.get_by_role("heading", name=re.compile("Results|Your result"))).to_be_visible()
    watch.clean("results")
    explanation = page.locator("a[href$='/explanation']").first
    if explanation.count():
        explanation.click()
        watch.clean("explanation")
    for path in ("/history", "/progress", "/documents", "/documents/harbour-lighthouse"):
        page.goto(path)
        watch.clean(path)
    context.close()

    # A teacher: the question form, the documents page, the statistics with their charts.
    context, page, watch = _context(browser, live_server)
    page.goto("/auth/login")
    page.get_by_label("E-mail address").fill(TEACHER)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto("/teacher/questions/new")
    # question_form.js shows only the part of the chosen type
    page.select_option("#type", "short_answer")
    expect(page.locator("#choices-0-text")).to_be_hidden()
    expect(page.locator("#answer")).to_be_visible()
    page.select_option("#type", "multiple_choice")
    expect(page.locator("#choices-0-text")).to_be_visible()
    expect(page.locator("#answer")).to_be_hidden()
    watch.clean("question form")

    page.goto("/teacher/documents")
    expect(page.locator("#upload-progress")).to_be_hidden()
    # documents.js shows the progress note on submit (the submission itself is held back here)
    page.evaluate("document.getElementById('upload-form').addEventListener('submit', e => e.preventDefault())")
    page.set_input_files("#file", files=[{"name": "n.md", "mimeType": "text/markdown",
                                          "buffer": b"= Notes =\n\nThe pier was built in 1890.\n"}])
    page.fill("#title", "Notes")
    page.get_by_role("button", name="Upload and generate").click()
    expect(page.locator("#upload-progress")).to_be_visible()
    watch.clean("documents")

    page.goto("/teacher/stats")
    watch.clean("stats index")
    page.locator("a[href^='/teacher/quizzes/'][href$='/stats']").first.click()
    chart = page.locator(".chart-pair").first
    expect(chart).to_be_visible()
    assert chart.evaluate("e => getComputedStyle(e).display") == "flex"  # from style.css, not style=""
    assert page.locator("svg.chart").first.evaluate("e => getComputedStyle(e).maxWidth") == "100%"
    watch.clean("stats page")
    page.goto("/progress")
    watch.clean("progress")
    context.close()
