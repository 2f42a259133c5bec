"""Item analysis beyond one quiz's page: the bank browser's statistical filters, the distractors
of multiple-response questions, and counts that stay with their option when a teacher reorders
the choices after answers were given."""
import re
from datetime import datetime, timedelta

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, AttemptItem, Question, Quiz, Response
from quizapp.services import accounts, bankadmin, stats

TEACHER = "teacher@example.org"
PASSWORD = "correct horse battery"
QIDS = ["hl-mc-built", "hl-mc-breakwater", "hl-mc-visitors", "hl-tf-keeper"]
# 20 attempts: hl-mc-visitors is answered "right" only by the weakest (a likely wrong key); the
# other three discriminate well and none is too easy or too hard.
MISKEYED = [(1, 1, 0, 1)] * 10 + [(1, 0, 0, 1)] * 4 + [(0, 0, 1, 0)] * 6



def plant(app, rows, qids=QIDS, answer=None, slug="planted") -> int:
    """A quiz over ``qids`` with one finished attempt per row of item scores. ``answer(n, qid, x)``
    gives the stored response (default: the key when x is 1, the first wrong option otherwise)."""
    with app.app_context():
        quiz = Quiz(slug=slug, title=slug.title(), pass_mark=50,
                    rules={"count": len(qids), "documents": [], "sections": [], "types": []})
        db.session.add(quiz)
        db.session.flush()
        questions = {q.id: q for q in db.session.scalars(db.select(Question).where(Question.id.in_(qids)))}
        start = datetime(2026, 1, 5, 9, 0)
        for n, row in enumerate(rows):
            user = accounts.create_user(f"{slug}{n}@example.org", f"Student {n}", PASSWORD)
            attempt = Attempt(user_id=user.id, quiz_id=quiz.id, state="finished", seed=n,
                              started_at=start + timedelta(hours=n), finished_at=start + timedelta(hours=n, minutes=9),
                              pass_mark=50, score=float(sum(row)), max_score=float(len(row)),
                              passed=2 * sum(row) >= len(row))
            db.session.add(attempt)
            db.session.flush()
            for slot, (qid, x) in enumerate(zip(qids, row), start=1):
                q = questions[qid]
                choices = q.spec["choices"]
                db.session.add(AttemptItem(attempt_id=attempt.id, slot=slot, question_id=qid,
                                           snapshot={"type": q.type, "prompt": q.prompt, "spec": q.spec},
                                           layout={"options": [[f"o{i}", i] for i in range(len(choices))]}))
                db.session.flush()
                if answer is not None:
                    value = answer(n, qid, x)
                else:
                    value = {"choice": next(i for i, c in enumerate(choices) if bool(c["correct"]) == bool(x))}
                db.session.add(Response(attempt_id=attempt.id, slot=slot, question_id=qid, answer=value, score=float(x)))
        db.session.commit()
        return quiz.id


def shown_ids(page: str) -> list[str]:
    return re.findall(r'<li class="bank-item" id="q-([^"]+)"', page)


def count_of(page: str) -> int:
    return int(re.search(r'id="result-count">(\d+) question', page).group(1))


# --- the bank browser ------------------------------------------------------------------------


def test_a_miskeyed_question_shows_under_likely_wrong_key_only(app, client, teacher):
    plant(app, MISKEYED)
    page = client.get("/teacher/bank?stat=wrong_key").get_data(as_text=True)
    assert shown_ids(page) == ["hl-mc-visitors"] and count_of(page) == 1
    # Its flag links to its edit page, as on the statistics pages.
    assert 'href="/teacher/questions/hl-mc-visitors/edit">Likely wrong key' in page
    for other in ("too_easy", "too_hard", "poor_discrimination"):
        page = client.get(f"/teacher/bank?stat={other}").get_data(as_text=True)
        assert "hl-mc-visitors" not in shown_ids(page), other
    # The same computation as the quiz's statistics page.
    with app.app_context():
        flagged = {i.question_id for i in stats.item_stats() if "wrong_key" in i.flags}
    assert flagged == {"hl-mc-visitors"}


def test_too_few_answers_counts_every_question_without_enough(app, client, teacher):
    plant(app, MISKEYED[:19] + [(0, 0, 0, 0)])  # 20 attempts of the four planted questions
    with app.app_context():
        total = db.session.scalar(db.select(db.func.count()).select_from(Question))
    page = client.get("/teacher/bank?stat=too_few").get_data(as_text=True)
    assert count_of(page) == total - len(QIDS)
    assert not set(shown_ids(page)) & set(QIDS)
    assert "Not answered in a finished attempt yet." in page


def test_statistical_flags_combine_with_the_other_filters(app, client, teacher):
    plant(app, MISKEYED)
    assert count_of(client.get("/teacher/bank?stat=wrong_key&type=multiple_choice").get_data(as_text=True)) == 1
    assert count_of(client.get("/teacher/bank?stat=wrong_key&type=true_false").get_data(as_text=True)) == 0
    assert count_of(client.get("/teacher/bank?stat=wrong_key&q=visitors").get_data(as_text=True)) == 1
    assert count_of(client.get("/teacher/bank?stat=wrong_key&status=retired").get_data(as_text=True)) == 0
    page = client.get("/teacher/bank?stat=too_few&type=true_false").get_data(as_text=True)
    assert shown_ids(page) == ["hl-tf-years"]  # hl-tf-keeper has its 20 answers
    # An unknown flag is ignored rather than matching nothing.
    with app.app_context():
        total = db.session.scalar(db.select(db.func.count()).select_from(Question))
    assert count_of(client.get("/teacher/bank?stat=nonsense&over=abc").get_data(as_text=True)) == total


def test_flags_can_be_computed_over_one_quiz(app, client, teacher):
    planted = plant(app, MISKEYED)
    other = plant(app, [(1, 1, 1, 1)] * 3, slug="other")
    assert count_of(client.get(f"/teacher/bank?stat=wrong_key&over={planted}").get_data(as_text=True)) == 1
    assert count_of(client.get(f"/teacher/bank?stat=wrong_key&over={other}").get_data(as_text=True)) == 0
    page = client.get(f"/teacher/bank?over={other}&type=multiple_choice").get_data(as_text=True)
    assert "too few answers (3 of the 20 needed)" in page
    page = client.get("/teacher/bank?type=multiple_choice").get_data(as_text=True)
    assert "too few answers" not in page  # over every quiz: 23 answers each


def test_statistical_filter_pages_and_bulk_actions(app, client, teacher):
    plant(app, MISKEYED)
    with app.app_context():
        f = bankadmin.Filters.from_args({"stat": "too_few"})
        pages = [bankadmin.page(f, n, per_page=3) for n in (1, 2, 3)]
        expected = set(db.session.scalars(db.select(Question.id).where(Question.id.not_in(QIDS))))
    assert pages[0].total == len(expected) and pages[0].pages == -(-len(expected) // 3)
    seen = [q.id for p in pages for q in p.items]
    assert len(seen) == len(set(seen)) and set(seen) == expected
    # The filter travels with the bulk form: "every question the filters match" is the flagged one.
    page = client.get("/teacher/bank?stat=wrong_key").get_data(as_text=True)
    assert '<input type="hidden" name="stat" value="wrong_key">' in page
    response = client.post("/teacher/bank/bulk", data={"stat": "wrong_key", "scope": "all", "action": "export-json"})
    assert response.status_code == 200
    exported = response.get_data(as_text=True)
    assert '"hl-mc-visitors"' in exported and '"hl-mc-built"' not in exported
    response = client.post("/teacher/bank/bulk", data={"stat": "wrong_key", "action": "review"})  # nothing ticked
    assert response.status_code == 302 and "stat=wrong_key" in response.headers["Location"]


# --- multiple response ---------------------------------------------------------------------


def test_multiple_response_distractors(app, client, teacher):
    # hl-mr-months: July and August are right, June and September wrong. Of 20 students,
    # 16 tick July, 12 August, 5 June, and nobody September.
    def answer(n, qid, x):
        ticked = [i for i, hit in ((0, n < 16), (1, n >= 8), (2, n % 4 == 0)) if hit]
        return {"choices": ticked}
    plant(app, [(1,)] * 20, qids=["hl-mr-months"], answer=answer)
    with app.app_context():
        item = stats.item_stats(question_id="hl-mr-months")[0]
    rows = [(c.text, c.correct, c.count, c.share, c.non_functional) for c in item.choices]
    assert rows == [("July", True, 16, 0.8, False), ("August", True, 12, 0.6, False),
                    ("June", False, 5, 0.25, False), ("September", False, 0, 0.0, True)]
    assert item.bank_flags == ["non_functional"] or "non_functional" in item.bank_flags
    page = client.get("/teacher/questions/hl-mr-months/stats").get_data(as_text=True)
    assert "<th scope=\"row\">September</th><td>non-functional (under 5%)</td><td>0</td>" in page
    assert "<th scope=\"row\">July</th><td>correct</td><td>16</td><td>80%</td>" in page
    assert "Ticked by" in page and "<svg" in page
    page = client.get("/teacher/bank?stat=non_functional&type=multiple_response").get_data(as_text=True)
    assert shown_ids(page) == ["hl-mr-months"]


# --- reordering the choices after answers were given ---------------------------------------


def _edit_form(app, question_id: str, order: list[int], rename: dict[int, str] | None = None) -> dict:
    from quizapp.forms.question import QuestionForm
    with app.app_context():
        q = db.session.get(Question, question_id)
        data = QuestionForm.data_for(q)
    form = {"type": data["type"], "prompt": data["prompt"], "document": q.document_id, "quote": data["quote"],
            "status": "published", "go": "save", "explanation": data["explanation"] or ""}
    for i, j in enumerate(order):
        c = data["choices"][j]
        form[f"choices-{i}-text"] = (rename or {}).get(j, c["text"])
        form[f"choices-{i}-feedback"] = c["feedback"] or ""
        if c["correct"]:
            form[f"choices-{i}-correct"] = "y"
    return form


def test_counts_follow_the_option_text_when_choices_are_reordered(app, client, auth, driver):
    # 20 attempts taken through the web app: 12 students answer hl-mc-built "1852" (the key),
    # 5 "1831", 3 "1868", none "1907".
    with app.app_context():
        db.session.add(Quiz(slug="built", title="Built", pass_mark=50,
                            rules={"count": 1, "documents": [], "sections": [], "types": ["multiple_choice"]}))
        for other in ("hl-mc-breakwater", "hl-mc-visitors"):  # so that every attempt draws hl-mc-built
            db.session.get(Question, other).status = "retired"
        accounts.create_user(TEACHER, "Tess Teacher", PASSWORD, role="teacher")
        db.session.commit()
    auth.signup("s@example.org")
    picks = ["1852"] * 12 + ["1831"] * 5 + ["1868"] * 3
    for text in picks:
        attempt_id = driver.start("built")
        item = next(i for i in driver.items(attempt_id) if i["question_id"] == "hl-mc-built")
        oid = next(o for o, i in item["layout"]["options"] if item["spec"]["choices"][i]["text"] == text)
        assert client.post(f"/attempts/{attempt_id}/q/{item['slot']}", data={"answer": oid, "go": "save"}).status_code == 302
        assert driver.finish(attempt_id).status_code == 302
    auth.logout()
    auth.login(TEACHER)

    def counts():
        with app.app_context():
            item = stats.item_stats(question_id="hl-mc-built")[0]
        return [(c.text, c.correct, c.count, c.removed) for c in item.choices]

    before = [("1852", True, 12, False), ("1831", False, 5, False), ("1868", False, 3, False), ("1907", False, 0, False)]
    assert counts() == before
    # The teacher reverses the choices through the edit form: the counts stay with their text.
    response = client.post("/teacher/questions/hl-mc-built/edit", data=_edit_form(app, "hl-mc-built", [3, 2, 1, 0]))
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        assert [c["text"] for c in db.session.get(Question, "hl-mc-built").spec["choices"]] == ["1907", "1868", "1831", "1852"]
    assert counts() == before[::-1]
    page = client.get("/teacher/questions/hl-mc-built/stats").get_data(as_text=True)
    assert '<th scope="row">1852</th><td>key</td><td>12</td><td>60%</td>' in page
    assert '<th scope="row">1907</th><td>non-functional (under 5%)</td><td>0</td>' in page
    # Renaming an option: its past answers are not given to the new text, but listed apart.
    response = client.post("/teacher/questions/hl-mc-built/edit",
                           data=_edit_form(app, "hl-mc-built", [0, 1, 2, 3], rename={1: "1869"}))
    assert response.status_code == 302
    assert counts() == [("1907", False, 0, False), ("1869", False, 0, False), ("1831", False, 5, False),
                        ("1852", True, 12, False), ("1868", False, 3, True)]
    page = client.get("/teacher/questions/hl-mc-built/stats").get_data(as_text=True)
    assert '<th scope="row">1868</th><td>no longer an option</td><td>3</td>' in page


# --- the document page, and pages a strict CSP can serve ------------------------------------


def test_document_sections_rolled_up_from_items_match_the_areas_query(app):
    plant(app, MISKEYED)
    plant(app, [(1, 0, 1, 1), (0, 0, 1, 1), (1, 1, 1, 0)], slug="other")
    from quizapp.models import Document
    with app.app_context():
        doc = db.session.get(Document, "harbour-lighthouse")
        rolled = stats.sections_of(stats.item_stats(document_id=doc.id, with_choices=False), doc)
        queried = stats.areas(document_id=doc.id)
    assert [(a.section, a.n) for a in rolled] == [(a.section, a.n) for a in queried]
    assert [a.facility for a in rolled] == pytest.approx([a.facility for a in queried])
    assert len(rolled) >= 2


def test_statistics_pages_carry_no_inline_style_or_script(app, client, teacher):
    quiz_id = plant(app, MISKEYED)
    with app.app_context():
        student_id = db.session.scalar(db.select(Attempt.user_id).where(Attempt.quiz_id == quiz_id).limit(1))
    for url in (f"/teacher/quizzes/{quiz_id}/stats", "/teacher/questions/hl-mc-visitors/stats",
                "/teacher/documents/harbour-lighthouse/stats", f"/teacher/students/{student_id}",
                "/teacher/bank?stat=wrong_key", "/teacher/stats"):
        page = client.get(url).get_data(as_text=True)
        assert " style=" not in page and "<script>" not in page, url
    page = client.get("/teacher/questions/hl-mc-visitors/stats").get_data(as_text=True)
    assert "check the key" in page  # what the flag suggests doing


def test_the_quiz_page_links_its_flagged_questions_to_the_bank_filter(app, client, teacher):
    quiz_id = plant(app, MISKEYED)
    page = client.get(f"/teacher/quizzes/{quiz_id}/stats").get_data(as_text=True)
    link = re.search(r'id="flags-in-bank">.*?href="([^"]+)"', page, re.S).group(1).replace("&amp;", "&")
    assert f"over={quiz_id}" in link and "stat=wrong_key" in link
    assert shown_ids(client.get(link).get_data(as_text=True)) == ["hl-mc-visitors"]
