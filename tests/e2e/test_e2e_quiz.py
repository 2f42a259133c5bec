"""In a real browser: sign up, take a practice quiz, get the score the answers deserve, and
read explanation pages that quote the passage."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from quizapp.config import PROJECT_ROOT
from quizapp.extensions import db
from quizapp.models import AttemptItem

pytestmark = pytest.mark.e2e

PASSWORD = "a long enough password"


def _items(server, attempt_id):
    with server.app.app_context():
        rows = db.session.scalars(select(AttemptItem).where(AttemptItem.attempt_id == attempt_id)
                                  .order_by(AttemptItem.slot)).all()
        out = [{"slot": r.slot, "type": r.type, "spec": r.snapshot["spec"], "layout": r.layout,
                "question_id": r.question_id} for r in rows]
        db.session.remove()
        return out


def _answer(page, item, right):
    """Answer the question on the page the way a student would (clicks, typing, selects)."""
    spec, layout, qtype = item["spec"], item["layout"], item["type"]
    if qtype in ("multiple_choice", "true_false", "multiple_response"):
        ticks = [oid for oid, i in layout["options"] if spec["choices"][i]["correct"] == right]
        if qtype != "multiple_response":
            ticks = ticks[:1]
        for oid in ticks:
            page.locator(f"label[for='opt-{oid}']").click()
    elif qtype in ("short_answer", "numeric"):
        page.fill("#answer", spec["answer"] if right else ("-1" if qtype == "numeric" else "no idea"))
    elif qtype == "matching":
        n = len(spec["pairs"])
        for lid, i in layout["lefts"]:
            target = spec["pairs"][i if right else (i + 1) % n][1]
            rid = next(oid for oid, j in layout["rights"] if spec["pairs"][j][1] == target)
            page.select_option(f"#m-{lid}", rid)
    elif qtype == "ordering":
        n = len(layout["items"])
        for oid, i in layout["items"]:
            page.select_option(f"#o-{oid}", str(i + 1 if right else n - i))


def _sign_up(page, email="e2e@example.org"):
    page.goto("/")
    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label("Your name").fill("Erin Endtoend")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", name="Quizzes", exact=True)).to_be_visible()


def _start(page, title, javascript=True):
    """Press "Start" on the quiz's card: the answer is the first question's page. With JavaScript
    the address bar then shows that page's own address (quiz.js), without it the start's."""
    card = page.locator(".card", has=page.get_by_role("heading", name=title))
    card.get_by_role("button", name=re.compile("Start")).click()
    expect(page.get_by_role("heading", name=re.compile(r"Question \d+ of \d+"))).to_be_visible()
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    if javascript:
        # quiz.js runs after the page is shown; wait for it rather than race it.
        expect(page).to_have_url(re.compile(re.escape(canonical) + "$"))
    else:
        assert re.search(r"/quizzes/\d+/start$", page.url), page.url
    return int(re.search(r"/attempts/(\d+)/q/\d+$", canonical).group(1))


def _shot(page, shots, name):
    if shots:
        page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


def test_student_takes_a_practice_quiz_and_reads_the_explanations(page, live_server, shots):
    _sign_up(page)
    attempt = _start(page, "Practice: The Harbour Lighthouse")
    items = _items(live_server, attempt)
    right = {it["slot"]: it["slot"] % 3 != 0 for it in items}  # slots 3 and 6 wrong
    for it in items:
        expect(page.get_by_role("heading", name=f"Question {it['slot']} of {len(items)}")).to_be_visible()
        # Nothing on the page tells the key apart: no "correct" anywhere in the markup.
        assert "correct" not in page.content().lower()
        _answer(page, it, right[it["slot"]])
        if it["slot"] == 1:
            _shot(page, shots, "question-phone")
        page.get_by_role("button", name=re.compile("Save and (next|review)")).click()
    expect(page.get_by_role("heading", name="Finish the attempt?")).to_be_visible()
    page.get_by_role("button", name="Finish and see my score").click()

    expect(page.get_by_role("heading", name="Your results")).to_be_visible()
    expected = sum(right.values())
    score = page.locator(".score")
    expect(score).to_contain_text(f"{expected} out of {len(items)}")
    expect(score).to_contain_text(f"({round(100 * expected / len(items))}%)")
    expect(page.locator(".verdict")).to_contain_text("Passed")
    expect(page.locator(".badge-wrong")).to_have_count(len(items) - expected)
    _shot(page, shots, "results")

    sa = next(it for it in items if it["question_id"] == "hl-sa-daughter")
    page.get_by_role("link", name=f"Explanation of question {sa['slot']}", exact=True).click()
    expect(page.get_by_role("heading", name="Explanation")).to_be_visible()
    source = page.locator("mark.source")
    expect(source).to_have_text("His daughter, Mary Reed, kept the light after him and wrote a logbook "
                                "of every ship that passed.")
    expect(source.locator("strong.answer")).to_have_text("Mary Reed")
    expect(page.locator(".citation")).to_contain_text("The Harbour Lighthouse")
    expect(page.locator(".citation")).to_contain_text("paragraph 2")
    _shot(page, shots, "explanation")

    page.get_by_role("link", name="Read it in the document").click()
    expect(page).to_have_url(re.compile(r"/documents/harbour-lighthouse#p-2$"))
    expect(page.locator("#p-2")).to_be_in_viewport()
    expect(page.locator("#p-2")).to_contain_text("His daughter, Mary Reed")
    _shot(page, shots, "reader")


def test_answers_are_saved_as_they_are_given_and_the_attempt_resumes(page, live_server):
    _sign_up(page, "resume@example.org")
    attempt = _start(page, "Lighthouse: choose the answer")
    first = _items(live_server, attempt)[0]
    _answer(page, first, right=True)
    expect(page.locator("#save-status")).to_have_text("Answer saved.")  # saved without leaving the page
    expect(page.locator("button.slot.answered")).to_have_count(1)
    # The tab is closed and opened again later.
    page.goto("/quizzes")
    page.get_by_role("link", name=re.compile("Resume")).click()
    expect(page).to_have_url(re.compile(rf"/attempts/{attempt}/q/2$"))
    page.get_by_role("button", name="Question 1, answered").click()
    checked = page.locator("input[name=answer]:checked")
    expect(checked).to_have_count(len([1 for _, i in first["layout"]["options"]
                                       if first["spec"]["choices"][i]["correct"]]) if first["type"] == "multiple_response" else 1)


def test_reloading_the_first_question_asks_for_the_page_and_does_not_start_again(page, live_server):
    _sign_up(page, "reload@example.org")
    attempt = _start(page, "Lighthouse: choose the answer")
    sent = []
    page.on("request", lambda r: sent.append((r.method, r.url)) if r.resource_type == "document" else None)
    page.reload()
    expect(page.get_by_role("heading", name="Question 1 of", exact=False)).to_be_visible()
    assert sent == [("GET", f"{live_server.url}/attempts/{attempt}/q/1")]
    page.go_back()  # back to the list the quiz was started from, not to a form to send again
    expect(page.get_by_role("heading", name="Quizzes", exact=True)).to_be_visible()
    assert [m for m, _ in sent] == ["GET", "GET"]


def test_the_whole_flow_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    try:
        _sign_up(page, "nojs@example.org")
        attempt = _start(page, "Lighthouse: choose the answer", javascript=False)
        items = _items(live_server, attempt)
        for it in items[:-1]:
            _answer(page, it, right=True)
            page.get_by_role("button", name="Save and next").click()
        page.get_by_role("button", name="Finish the attempt…").click()
        expect(page.get_by_text(f"You have not answered 1 of {len(items)} questions.")).to_be_visible()
        page.get_by_role("button", name="Finish anyway").click()
        expect(page.locator(".score")).to_contain_text(f"{len(items) - 1} out of {len(items)}")
    finally:
        context.close()


def test_the_shipped_sample_bank_in_the_browser(browser, serve, new_database, shots):
    """The app as `make run` serves it: the sample sources and the generated bank."""
    if not list((PROJECT_ROOT / "questions" / "bank").glob("*.json")):
        pytest.skip("no shipped bank yet")
    server = serve(new_database(load=False))  # the default sources, bank and seed file of the checkout
    result = server.app.test_cli_runner().invoke(args=["init"])
    assert result.exit_code == 0, result.output
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=server.url)
    page = context.new_page()
    try:
        _sign_up(page, "sample@example.org")
        _shot(page, shots, "quizzes")
        # On a phone the signed-in links sit on one row under the brand (not three rows of header).
        tops = page.eval_on_selector_all(".nav-list > li", "els => els.map(e => Math.round(e.getBoundingClientRect().top))")
        assert len(tops) == 4 and len(set(tops)) == 1, tops
        attempt = _start(page, "Practice: Foreign workers in the Soviet Union")
        items = _items(server, attempt)
        assert len(items) == 10
        for it in items:
            _answer(page, it, right=True)
            if it["slot"] == 1:
                _shot(page, shots, "sample-question-phone")
            page.get_by_role("button", name=re.compile("Save and (next|review)")).click()
        page.get_by_role("button", name="Finish and see my score").click()
        expect(page.locator(".score")).to_contain_text("10 out of 10")
        expect(page.locator(".score")).to_contain_text("(100%)")
        _shot(page, shots, "sample-results")
        page.get_by_role("link", name="Explanation of question 1", exact=True).click()
        expect(page.locator("mark.source")).not_to_have_count(0)
        expect(page.locator(".citation")).to_contain_text("Foreign workers in the Soviet Union")
        # The report form under the explanation is laid out as a form, not as preformatted text
        # (a stylesheet rule of another page once made its template's line breaks into tall gaps).
        report = page.locator("section.report")
        assert report.evaluate("e => getComputedStyle(e).whiteSpace") == "normal"
        assert report.bounding_box()["height"] < 700
        _shot(page, shots, "sample-explanation")
        page.get_by_role("link", name="Read it in the document").click()
        expect(page).to_have_url(re.compile(r"/documents/[^/#]+#p-\d+$"))
        anchor = page.url.rsplit("#", 1)[1]
        expect(page.locator(f"#{anchor}")).to_be_in_viewport()
        _shot(page, shots, "sample-reader")
    finally:
        context.close()


def test_a_question_can_be_answered_with_the_keyboard_alone(page, live_server):
    _sign_up(page, "keys@example.org")
    attempt = _start(page, "Practice: The Harbour Lighthouse")
    items = _items(live_server, attempt)
    first = items[0]
    # Tab from the top of the page until focus reaches the answer area, then answer and press Enter.
    page.keyboard.press("Tab")  # skip link
    for _ in range(12):
        name = page.evaluate("document.activeElement && document.activeElement.name")
        if name == "answer" or (name or "").startswith(("m-", "o-")):
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError("the answer field is not reachable with Tab")
    if first["type"] in ("multiple_choice", "true_false", "multiple_response"):
        page.keyboard.press("Space")
    elif first["type"] in ("short_answer", "numeric"):
        page.keyboard.type(first["spec"]["answer"])
    else:  # selects: give the k-th one its (k+1)-th option with the arrow keys, Tab to the next
        for k in range(len(first["layout"].get("items") or first["layout"].get("lefts"))):
            for _ in range(k + 1):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Tab")
    # Tab on to the "Save and next" button and press it.
    for _ in range(8):
        if page.evaluate("document.activeElement.value") == "next":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=f"Question 2 of {len(items)}"),
           f"after a {first['type']} question").to_be_visible()
    expect(page.get_by_role("button", name="Question 1, answered")).to_be_visible()


def test_a_background_save_that_fails_says_so(page, live_server):
    _sign_up(page, "expired@example.org")
    _start(page, "Lighthouse: choose the answer")
    page.context.clear_cookies()  # signed out behind the page's back
    page.locator("input[name=answer]").first.check()
    expect(page.locator("#save-status")).to_contain_text("Not saved: this page has expired")
