"""Attempts: the draw, answering, resuming, finishing, scoring and every rule around them."""
import re
import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.models import Attempt, AttemptItem, Question, Quiz, Response, User
from quizapp.services import attempts

PASSWORD = "correct horse battery"


def _html(response):
    return response.get_data(as_text=True)


# --- the draw ------------------------------------------------------------------------------


def test_practice_draw_follows_the_rules(app, student, driver):
    aid = driver.start()
    items = driver.items(aid)
    with app.app_context():
        questions = {q.id: q for q in db.session.scalars(select(Question))}
    # The test bank has 10 published questions from 8 distinct sentences (and one held for review).
    assert len(items) == 8
    sentence_ids = [questions[i["question_id"]].sentence_id for i in items]
    assert len(set(sentence_ids)) == len(sentence_ids), "two questions from one sentence"
    assert all(questions[i["question_id"]].status == "published" for i in items)
    assert [i["slot"] for i in items] == list(range(1, 9))


def test_quiz_rules_types_and_sections(app, student, driver):
    aid = driver.start("lighthouse-choices")
    items = driver.items(aid)
    assert len(items) == 4
    assert {i["type"] for i in items} <= {"multiple_choice", "true_false", "multiple_response"}
    aid = driver.start("lighthouse-keepers")
    with app.app_context():
        sections = {db.session.get(Question, i["question_id"]).section for i in driver.items(aid)}
    assert sections == {"Keepers"}


def test_never_two_questions_from_one_sentence_over_many_draws(app):
    with app.app_context():
        user = User(email="d@x.org", name="D", password_hash="x")
        db.session.add(user)
        quiz = db.session.scalar(select(Quiz).where(Quiz.slug == "practice-harbour-lighthouse"))
        seen_pairs = set()
        for seed in range(40):
            attempt = attempts.start(user, quiz, seed=seed)
            ids = [i.question_id for i in attempt.items]
            sentences = [db.session.get(Question, q).sentence_id for q in ids]
            assert len(set(sentences)) == len(sentences)
            seen_pairs.add(frozenset(ids) & {"hl-mc-built", "hl-mc-breakwater"})
            attempt.state = "finished"
            db.session.flush()
        # Both questions of the shared sentence get drawn (in different attempts), never together.
        assert {frozenset({"hl-mc-built"}), frozenset({"hl-mc-breakwater"})} <= seen_pairs


def test_never_two_questions_that_give_each_other_away_over_many_draws(app):
    # the bank's "excludes" (the generator lists them: one question's stem states what another asks)
    with app.app_context():
        user = User(email="x@x.org", name="X", password_hash="x")
        db.session.add(user)
        quiz = db.session.scalar(select(Quiz).where(Quiz.slug == "practice-harbour-lighthouse"))
        first = attempts.start(user, quiz, seed=1)
        drawn = [i.question_id for i in first.items]
        first.state = "finished"
        # the hub: a drawn question alone on its sentence (a twin of its sentence could take its place)
        sentence_of = {q.id: q.sentence_id for q in db.session.scalars(select(Question))}
        alone = [q for q in drawn if list(sentence_of.values()).count(sentence_of[q]) == 1]
        hub = alone[0]
        others = set(drawn) - {hub}
        db.session.get(Question, hub).excludes = sorted(others)
        for qid in others:
            db.session.get(Question, qid).excludes = [hub]
        db.session.commit()  # committed, as a bank load is: the kept pools see the change from then on
        for seed in range(2, 42):
            attempt = attempts.start(user, quiz, seed=seed)
            ids = {i.question_id for i in attempt.items}
            assert not (hub in ids and ids & others), seed
            # the hub would leave the attempt with one question, a draw without it has all the others:
            # the draw keeps the largest pick it finds
            assert len(ids) == len(others) and hub not in ids, seed
            attempt.state = "finished"
            db.session.flush()


def test_the_draw_is_stored_and_reproducible_from_its_seed(app):
    with app.app_context():
        quiz = db.session.scalar(select(Quiz).where(Quiz.slug == "practice-harbour-lighthouse"))
        a_user, b_user = (User(email=f"{n}@x.org", name=n, password_hash="x") for n in "ab")
        db.session.add_all([a_user, b_user])
        a = attempts.start(a_user, quiz, seed=12345)
        b = attempts.start(b_user, quiz, seed=12345)
        c_user = User(email="c@x.org", name="c", password_hash="x")
        db.session.add(c_user)
        c = attempts.start(c_user, quiz, seed=999)
        db.session.commit()
        key = lambda att: [(i.question_id, i.layout) for i in att.items]  # noqa: E731
        assert a.seed == 12345 and key(a) == key(b)
        assert key(a) != key(c)


def test_choices_are_shuffled(app):
    """The bank lists the right answer first; the page order varies from attempt to attempt."""
    positions = set()
    with app.app_context():
        quiz = db.session.scalar(select(Quiz).where(Quiz.slug == "lighthouse-choices"))
        for seed in range(30):
            user = User(email=f"u{seed}@x.org", name="u", password_hash="x")
            db.session.add(user)
            for item in attempts.start(user, quiz, seed=seed).items:
                if item.question_id == "hl-mc-built":
                    positions.add([i for _, i in item.layout["options"]].index(0))
    assert len(positions) >= 3


def test_starting_twice_resumes_the_open_attempt(app, client, student, driver):
    first = driver.start()
    assert driver.start() == first
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Attempt)) == 1


def test_the_database_allows_one_open_attempt_per_student_and_quiz(app, student, driver):
    aid = driver.start()
    with app.app_context():
        a = db.session.get(Attempt, aid)
        db.session.add(Attempt(user_id=a.user_id, quiz_id=a.quiz_id, seed=1, state="in_progress"))
        with pytest.raises(IntegrityError):
            db.session.flush()


def test_the_start_answers_with_the_first_question_page_itself(app, client, student, driver):
    """One request, not a redirect and a second request: the page that "Start" sends back is the
    one its address (Content-Location, and the canonical link that quiz.js puts in the address
    bar) shows, byte for byte but the form's token; a second press resumes at the first question
    still unanswered."""
    quiz_id = driver.quiz_id("lighthouse-choices")
    client.get("/quizzes")  # where "Start" is pressed (and the welcome message shown)
    started = client.post(f"/quizzes/{quiz_id}/start")
    assert started.status_code == 200 and "Location" not in started.headers
    address = started.headers["Content-Location"]
    aid = int(re.fullmatch(r"/attempts/(\d+)/q/1", address).group(1))
    html = _html(started)
    assert f'<link rel="canonical" href="{address}">' in html
    assert f'<form method="post" action="{address}"' in html  # answers go to the question, not to the start

    def without_token(text):
        return re.sub(r'name="csrf_token" value="[^"]*"', "", text)

    assert without_token(html) == without_token(_html(client.get(address)))
    item = driver.items(aid)[0]
    driver.answer(aid, item, right=True)
    again = client.post(f"/quizzes/{quiz_id}/start")
    assert again.status_code == 200 and again.headers["Content-Location"] == f"/attempts/{aid}/q/2"
    assert without_token(_html(again)) == without_token(_html(client.get(f"/attempts/{aid}/q/2")))
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Attempt)) == 1


def test_a_quiz_without_questions_cannot_be_started(app, client, student, driver):
    with app.app_context():
        for q in db.session.scalars(select(Question)):
            q.status = "retired"
        db.session.commit()
    quiz_id = driver.quiz_id("practice-harbour-lighthouse")
    response = client.post(f"/quizzes/{quiz_id}/start", follow_redirects=True)
    assert "no questions" in _html(response)
    assert "Practice: The Harbour Lighthouse" not in _html(client.get("/quizzes"))
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Attempt)) == 0


def test_unknown_or_closed_quizzes(app, client, student, driver):
    assert client.post("/quizzes/9999/start").status_code == 404
    missed_id = driver.quiz_id("missed")
    assert client.post(f"/quizzes/{missed_id}/start").status_code == 404  # has its own route
    with app.app_context():
        quiz = db.session.scalar(select(Quiz).where(Quiz.slug == "lighthouse-choices"))
        quiz.status = "draft"
        db.session.commit()
    response = client.post(f"/quizzes/{driver.quiz_id('lighthouse-choices')}/start", follow_redirects=True)
    assert "not open" in _html(response)


# --- answering -----------------------------------------------------------------------------


def test_full_flow_scores_what_the_answers_deserve(app, client, student, driver):
    aid = driver.start()
    items = driver.items(aid)
    right = {i["slot"]: i["slot"] % 2 == 1 for i in items}  # odd slots right, even slots wrong
    for item in items:
        assert driver.answer(aid, item, right=right[item["slot"]], go="next").status_code == 302
    response = driver.finish(aid)
    assert response.headers["Location"].endswith(f"/attempts/{aid}/results")
    a = driver.attempt(aid)
    expected = sum(right.values())
    assert a.state == "finished" and a.score == expected and a.max_score == 8
    html = _html(client.get(f"/attempts/{aid}/results"))
    assert f'<span class="big">{expected}</span> out of 8' in html
    assert "(50%)" in html and "Not passed" in html and "pass mark is 60%" in html
    assert "Time taken:" in html
    assert html.count("/explanation") == 8


def test_passing(app, client, student, driver):
    aid = driver.start()
    for item in driver.items(aid):
        driver.answer(aid, item, right=True)
    driver.finish(aid)
    html = _html(client.get(f"/attempts/{aid}/results"))
    assert "(100%)" in html and "Passed" in html and "Not passed" not in html


@pytest.mark.parametrize("qtype, make, expected", [
    ("matching", lambda item: {f"m-{lid}": _right_of(item, i if i == 0 else (i + 1) % 3 if i else 0)
                               for lid, i in item["layout"]["lefts"]}, 1 / 3),
    ("ordering", lambda item: {f"o-{oid}": str({0: 1, 1: 2, 2: 4, 3: 3}[i]) for oid, i in item["layout"]["items"]}, 0.5),
    ("multiple_response", lambda item: {"answer": [oid for oid, i in item["layout"]["options"] if i in (0, 2)]}, 0.0),
    ("multiple_response", lambda item: {"answer": [oid for oid, i in item["layout"]["options"] if i == 0]}, 0.5),
])
def test_partial_credit(app, client, student, driver, qtype, make, expected):
    aid = driver.start()
    item = next(i for i in driver.items(aid) if i["type"] == qtype)
    client.post(f"/attempts/{aid}/q/{item['slot']}", data={**make(item), "go": "save"})
    assert driver.responses(aid)[item["slot"]]["score"] == pytest.approx(expected, abs=1e-3)
    page = _html(client.get(f"/attempts/{aid}/q/{item['slot']}"))
    assert "How this is marked:" in page  # the rule is documented on the page


def _right_of(item, pair_index):
    spec, layout = item["spec"], item["layout"]
    text = spec["pairs"][pair_index][1]
    return next(oid for oid, j in layout["rights"] if spec["pairs"][j][1] == text)


def test_typed_answers_are_matched_leniently(app, client, student, driver):
    aid = driver.start()
    items = {i["question_id"]: i for i in driver.items(aid)}
    sa = items["hl-sa-daughter"]
    client.post(f"/attempts/{aid}/q/{sa['slot']}", data={"answer": "  mary REED. ", "go": "save"})
    assert driver.responses(aid)[sa["slot"]]["score"] == 1.0
    num = items["hl-num-height"]
    if num:
        client.post(f"/attempts/{aid}/q/{num['slot']}", data={"answer": "31 metres", "go": "save"})
        assert driver.responses(aid)[num["slot"]]["score"] == 1.0


def test_a_numeric_answer_that_is_not_a_number_is_refused_with_a_message(app, client, student, driver):
    aid = driver.start()
    item = next(i for i in driver.items(aid) if i["type"] == "numeric")
    response = client.post(f"/attempts/{aid}/q/{item['slot']}", data={"answer": "a lot", "go": "next"})
    assert response.status_code == 400
    html = _html(response)
    assert 'id="answer-error"' in html and "Type a number" in html
    assert re.search(r'aria-describedby="[^"]*answer-error', html)
    assert driver.responses(aid) == {}


def test_bad_option_ids_and_bad_orderings_are_refused_and_change_nothing(app, client, student, driver):
    aid = driver.start()
    items = {i["type"]: i for i in driver.items(aid)}
    mc = items["multiple_choice"]
    driver.answer(aid, mc, right=True)
    before = driver.responses(aid)
    r = client.post(f"/attempts/{aid}/q/{mc['slot']}", data={"answer": "not-an-option", "go": "next"})
    assert r.status_code == 400 and "Choose one of the options" in _html(r)
    order = items["ordering"]
    r = client.post(f"/attempts/{aid}/q/{order['slot']}",
                    data={f"o-{oid}": "1" for oid, _ in order["layout"]["items"]} | {"go": "next"})
    assert r.status_code == 400 and "different place" in _html(r)
    # What the student chose is shown again with the message, not lost.
    assert _html(r).count('<option value="1" selected>') == len(order["layout"]["items"])
    r = client.post(f"/attempts/{aid}/q/{mc['slot']}", data={"go": "nowhere"})
    assert r.status_code == 400
    assert driver.responses(aid) == before


def test_every_answer_is_saved_immediately_and_the_attempt_resumes(app, client, auth, driver):
    auth.signup()
    aid = driver.start()
    items = driver.items(aid)
    driver.answer(aid, items[0], right=True, go="next")
    driver.answer(aid, items[1], right=False, go="next")
    # The tab is closed; later, on another device, the student signs in again.
    other = app.test_client()
    other.post("/auth/login", data={"email": "student@example.org", "password": PASSWORD})
    response = other.get(f"/attempts/{aid}")
    assert response.headers["Location"].endswith(f"/attempts/{aid}/q/3")  # the first unanswered
    html = _html(other.get(f"/attempts/{aid}/q/1"))
    assert re.search(r'aria-label="Question 1, answered', html)
    assert re.search(r'aria-label="Question 3, not answered', html)
    assert "2 of 8 answered" in html
    # The saved answer is shown again.
    page = _html(other.get(f"/attempts/{aid}/q/{items[0]['slot']}"))
    form = driver.form_for(items[0], right=True)
    if items[0]["type"] in ("multiple_choice", "true_false"):
        assert re.search(rf'value="{form["answer"]}" checked', page)
    assert driver.start() == aid  # the quizzes page offers "Resume", and start resumes


def test_navigation_saves_and_moves(app, client, student, driver):
    aid = driver.start()
    items = driver.items(aid)
    r = driver.answer(aid, items[2], go="prev")
    assert r.headers["Location"].endswith(f"/attempts/{aid}/q/2")
    r = driver.answer(aid, items[3], go="7")
    assert r.headers["Location"].endswith(f"/attempts/{aid}/q/7")
    r = driver.answer(aid, items[-1], go="next")  # the last question goes to the review
    assert r.headers["Location"].endswith(f"/attempts/{aid}/finish")
    r = client.post(f"/attempts/{aid}/q/1", data={"go": "99"})
    assert r.headers["Location"].endswith(f"/attempts/{aid}/q/8")
    assert set(driver.responses(aid)) == {3, 4, 8}
    assert client.get(f"/attempts/{aid}/q/9").status_code == 404


def test_double_submit_counts_once(app, client, student, driver):
    aid = driver.start()
    item = driver.items(aid)[0]
    for _ in range(3):
        driver.answer(aid, item, right=True)
    responses = driver.responses(aid)
    assert len(responses) == 1 and responses[1]["score"] == 1.0
    driver.finish(aid)
    assert driver.attempt(aid).score == 1.0


def test_a_unique_constraint_backs_up_one_response_per_slot(app, student, driver):
    aid = driver.start()
    item = driver.items(aid)[0]
    driver.answer(aid, item, right=True)
    with app.app_context():
        db.session.add(Response(attempt_id=aid, slot=1, question_id=item["question_id"], answer={}, score=1.0))
        with pytest.raises(IntegrityError):
            db.session.flush()


def test_two_tabs_answering_at_once_never_count_twice(app, auth, driver):
    auth.signup()
    aid = driver.start()
    items = driver.items(aid)
    clients = []
    for _ in range(6):
        c = app.test_client()
        c.post("/auth/login", data={"email": "student@example.org", "password": PASSWORD})
        clients.append(c)
    errors, statuses = [], []

    def hammer(c, k):
        try:
            for item in items:
                r = c.post(f"/attempts/{aid}/q/{item['slot']}",
                           data={**driver.form_for(item, right=(k % 2 == 0)), "go": "save"})
                statuses.append(r.status_code)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=hammer, args=(c, k)) for k, c in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and set(statuses) == {302}
    responses = driver.responses(aid)
    assert sorted(responses) == [i["slot"] for i in items]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == len(items)
        assert sum(r["changes"] for r in responses.values()) == len(items) * (len(clients) - 1)


def test_concurrent_finishes_finish_once(app, auth, driver):
    auth.signup()
    aid = driver.start()
    for item in driver.items(aid):
        driver.answer(aid, item, right=True)
    outcomes = []

    def finish():
        with app.app_context():
            user = db.session.scalar(select(User))
            outcomes.append(attempts.finish(user, aid, confirmed=True))
            db.session.commit()
            db.session.remove()

    threads = [threading.Thread(target=finish) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["already"] * 4 + ["finished"]


def test_a_stale_tab_never_overwrites_a_newer_answer(app, client, student, driver):
    aid = driver.start()
    item = next(i for i in driver.items(aid) if i["type"] == "multiple_choice")
    url = f"/attempts/{aid}/q/{item['slot']}"
    stale_was = re.search(r'name="was" value="([^"]+)"', _html(client.get(url))).group(1)
    # Tab B answers...
    driver.answer(aid, item, right=True)
    # ...then tab A, still showing no answer, moves on without touching the question.
    client.post(url, data={"was": stale_was, "go": "next"})
    assert driver.responses(aid)[item["slot"]]["score"] == 1.0
    # Tab A shows the right answer; tab B changes to a wrong one; tab A moves on untouched.
    was_right = re.search(r'name="was" value="([^"]+)"', _html(client.get(url))).group(1)
    driver.answer(aid, item, right=False)
    client.post(url, data={**driver.form_for(item, right=True), "was": was_right, "go": "next"})
    assert driver.responses(aid)[item["slot"]]["score"] == 0.0
    # A deliberate change in a stale tab is saved: the latest choice wins.
    client.post(url, data={**driver.form_for(item, right=True), "was": stale_was, "go": "next"})
    assert driver.responses(aid)[item["slot"]]["score"] == 1.0


def test_clearing_an_answer(app, client, student, driver):
    aid = driver.start()
    items = driver.items(aid)
    driver.answer(aid, items[0])
    r = client.post(f"/attempts/{aid}/q/1", data={"go": "clear"})
    assert r.headers["Location"].endswith(f"/attempts/{aid}/q/1")
    assert driver.responses(aid) == {}
    # Emptying a typed answer (from a page that showed it) clears it too.
    typed = next(i for i in items if i["type"] == "short_answer")
    url = f"/attempts/{aid}/q/{typed['slot']}"
    driver.answer(aid, typed)
    was = re.search(r'name="was" value="([^"]+)"', _html(client.get(url))).group(1)
    client.post(url, data={"answer": "", "was": was, "go": "next"})
    assert driver.responses(aid) == {}


def test_background_save_answers_json_without_the_key(app, client, student, driver):
    aid = driver.start()
    item = next(i for i in driver.items(aid) if i["type"] == "multiple_choice")
    r = client.post(f"/attempts/{aid}/q/{item['slot']}", data={**driver.form_for(item), "go": "save"},
                    headers={"X-Requested-With": "fetch"})
    assert r.status_code == 200
    assert set(r.json) == {"saved", "action", "answered", "was"}
    assert r.json["saved"] is True and r.json["answered"] == [item["slot"]]
    bad = client.post(f"/attempts/{aid}/q/{item['slot']}", data={"answer": "nope", "go": "save"},
                      headers={"X-Requested-With": "fetch"})
    assert bad.status_code == 400 and bad.json["saved"] is False and "error" in bad.json


# --- finishing -----------------------------------------------------------------------------


def test_finishing_with_unanswered_questions_asks_for_confirmation(app, client, student, driver):
    aid = driver.start()
    items = driver.items(aid)
    r = driver.answer(aid, items[0], go="finish")
    assert r.headers["Location"].endswith(f"/attempts/{aid}/finish")
    html = _html(client.get(f"/attempts/{aid}/finish"))
    assert "You have not answered 7 of 8 questions" in html and "Finish anyway" in html
    r = driver.finish(aid, confirm=False)
    assert r.headers["Location"].endswith(f"/attempts/{aid}/finish")
    assert driver.attempt(aid).state == "in_progress"
    driver.finish(aid, confirm=True)
    a = driver.attempt(aid)
    assert a.state == "finished" and a.score == 1.0
    html = _html(client.get(f"/attempts/{aid}/results"))
    assert html.count("Not answered") == 7


def test_a_finished_attempt_is_immutable(app, client, student, driver):
    aid = driver.start()
    items = driver.items(aid)
    for item in items[:4]:
        driver.answer(aid, item, right=False)
    driver.finish(aid)
    before_attempt = driver.attempt(aid)
    before = driver.responses(aid)
    # Late, repeated and background submissions change nothing.
    for item in items:
        r = driver.answer(aid, item, right=True, go="next")
        assert r.status_code == 302 and r.headers["Location"].endswith(f"/attempts/{aid}/results")
    r = client.post(f"/attempts/{aid}/q/1", data={"go": "clear"})
    assert r.status_code == 302
    r = client.post(f"/attempts/{aid}/q/1", data={**driver.form_for(items[0]), "go": "save"},
                    headers={"X-Requested-With": "fetch"})
    assert r.status_code == 409 and r.json["finished"] is True
    assert driver.finish(aid).headers["Location"].endswith(f"/attempts/{aid}/results")
    after = driver.attempt(aid)
    assert driver.responses(aid) == before
    assert (after.score, after.finished_at, after.passed) == \
        (before_attempt.score, before_attempt.finished_at, before_attempt.passed)
    # The question pages of a finished attempt lead to the results.
    assert client.get(f"/attempts/{aid}/q/1").headers["Location"].endswith(f"/attempts/{aid}/results")


def test_results_are_only_for_finished_attempts(client, student, driver):
    aid = driver.start()
    assert client.get(f"/attempts/{aid}/results").headers["Location"].endswith(f"/attempts/{aid}")


def test_time_taken(app, client, student, driver):
    aid = driver.start()
    driver.finish(aid)
    with app.app_context():
        a = db.session.get(Attempt, aid)
        a.finished_at = a.started_at + timedelta(minutes=4, seconds=12)
        db.session.commit()
    assert "Time taken: 4 min 12 s" in _html(client.get(f"/attempts/{aid}/results"))


# --- ownership -----------------------------------------------------------------------------


def test_other_users_attempts_do_not_exist_for_them(app, client, auth, driver):
    auth.signup(email="owner@example.org")
    aid = driver.start()
    items = driver.items(aid)
    driver.answer(aid, items[0])
    finished = driver.start("lighthouse-choices")
    for item in driver.items(finished):
        driver.answer(finished, item)
    driver.finish(finished)
    before = (driver.responses(aid), driver.attempt(aid).state, driver.attempt(finished).score)
    auth.logout()
    auth.signup(email="intruder@example.org")
    for target in (aid, finished):
        for method, url, data in [
            ("get", f"/attempts/{target}", None),
            ("get", f"/attempts/{target}/q/1", None),
            ("post", f"/attempts/{target}/q/1", {"answer": "x", "go": "save"}),
            ("post", f"/attempts/{target}/q/1", {"go": "clear"}),
            ("get", f"/attempts/{target}/finish", None),
            ("post", f"/attempts/{target}/finish", {"confirm": "yes"}),
            ("get", f"/attempts/{target}/results", None),
            ("get", f"/attempts/{target}/q/1/explanation", None),
            ("get", f"/attempts/{target}/q/1/report", None),
            ("post", f"/attempts/{target}/q/1/report", {"kind": "typo"}),
        ]:
            response = getattr(client, method)(url, data=data)
            assert response.status_code == 404, (method, url, response.status_code)
    assert (driver.responses(aid), driver.attempt(aid).state, driver.attempt(finished).score) == before
    assert f"/attempts/{aid}" not in _html(client.get("/history"))


def test_the_quiz_card_counts_what_an_attempt_will_hold_when_questions_exclude_each_other(app):
    from quizapp.services import quizzes
    with app.app_context():
        user = User(email="card@x.org", name="Card", password_hash="x")
        db.session.add(user)
        quiz = db.session.scalar(select(Quiz).where(Quiz.slug == "practice-harbour-lighthouse"))
        before = quizzes.card_size(quiz, user)
        assert before == 8  # 10 published questions on 8 sentences
        by_sentence = {}
        for q in db.session.scalars(select(Question).where(Question.status == "published").order_by(Question.id)):
            by_sentence.setdefault(q.sentence_id, []).append(q)
        hub, *others = [qs[0] for qs in by_sentence.values()]
        # one sentence's questions exclude every other sentence's: a draw holds the rest, one fewer
        for q in by_sentence[hub.sentence_id]:
            q.excludes = sorted(o.id for o in others)
        for o in others:
            o.excludes = [q.id for q in by_sentence[hub.sentence_id]]
        db.session.commit()
        card = next(c for c in quizzes.cards_for(user)["practice"] if c.quiz.id == quiz.id)
        attempt = attempts.start(user, quiz, seed=7)
        assert card.questions == len(attempt.items) == 7
