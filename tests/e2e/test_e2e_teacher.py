"""In a real browser: a teacher adds a question with a cited quote (previewed first), puts it in
a quiz with the quiz editor, and a student then meets it in that quiz."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from quizapp.extensions import db
from quizapp.services import accounts

pytestmark = pytest.mark.e2e

PASSWORD = "a long enough password"
# Its sentence has no other typed question: a quiz draws one question per sentence, and the
# daughter's sentence already has one ("Who kept the light after Thomas Reed?").
PROMPT = "Who was the first keeper of the Harbour Lighthouse?"


def _shot(page, shots, name):
    if shots:
        page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


def test_teacher_adds_a_cited_question_that_appears_in_a_students_quiz(browser, live_server, shots):
    with live_server.app.app_context():
        accounts.create_user("teach@example.org", "Tess Teacher", PASSWORD, role="teacher")
        db.session.commit()
        db.session.remove()
    context = browser.new_context(viewport={"width": 1000, "height": 900}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/auth/login")
    page.get_by_label("E-mail address").fill("teach@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Teach").click()
    expect(page.get_by_role("heading", name="Question bank")).to_be_visible()

    page.get_by_role("link", name="Add a question").click()
    page.select_option("#type", "short_answer")
    expect(page.locator("#choices-0-text")).to_be_hidden()
    page.fill("#prompt", PROMPT)
    page.fill("#answer", "Thomas Reed")
    page.select_option("#document", "harbour-lighthouse")
    # A bad quote first: refused, with the message next to the field.
    page.fill("#quote", "Thomas Reed painted the tower red.")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#quote-error")).to_contain_text("This quote is not in")
    # The quote typed with other line breaks and spaces is found.
    page.fill("#quote", "The first keeper was  Thomas Reed, who served\nfor 22 years")
    page.get_by_role("button", name="Preview").click()
    preview = page.locator(".preview")
    expect(preview).to_contain_text(PROMPT)
    expect(preview.locator("mark.source")).to_have_text("The first keeper was Thomas Reed, who served for 22 years")
    _shot(page, shots, "teacher-preview")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".flash-success")).to_contain_text("Question saved")
    expect(page.locator(".citation")).to_contain_text("paragraph 2")

    page.get_by_role("link", name="Quizzes").last.click()
    page.get_by_role("link", name="New quiz").click()
    page.fill("#title", "Typed answers")
    page.check("#types input[value=short_answer]")
    page.fill("#count", "2")
    page.select_option("#status", "published")
    page.get_by_role("button", name="Save the quiz").click()
    expect(page.locator(".flash-success")).to_contain_text("Quiz saved")
    context.close()

    student = browser.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url)
    page = student.new_page()
    page.set_default_timeout(10_000)
    page.goto("/auth/signup")
    page.get_by_label("Your name").fill("Sam Student")
    page.get_by_label("E-mail address").fill("sam@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    card = page.locator(".card", has=page.get_by_role("heading", name="Typed answers"))
    card.get_by_role("button", name=re.compile("Start")).click()
    seen = []
    for n in (1, 2):
        expect(page.get_by_role("heading", name=f"Question {n} of 2")).to_be_visible()
        seen.append(page.locator(".prompt").first.inner_text())
        if PROMPT in seen[-1]:
            page.fill("#answer", "thomas reed")
        else:
            page.fill("#answer", "something")
        page.get_by_role("button", name=re.compile("Save and (next|review)")).click()
    assert any(PROMPT in s for s in seen), seen
    student.close()
