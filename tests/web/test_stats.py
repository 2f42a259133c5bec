"""Score review and item analysis: planted data checked against a hand computation, flags,
distractors, "too few answers", the attempts table and the pages' charts and tables."""
import re
from datetime import datetime, timedelta

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, AttemptItem, Question, Quiz, Response
from quizapp.services import accounts, stats

TEACHER = "teacher@example.org"
QIDS = ["hl-mc-built", "hl-mc-breakwater", "hl-mc-visitors", "hl-tf-keeper"]
# Item scores of five finished attempts (rows) on the three questions (columns).
SCORES = [(1, 1, 1), (1, 1, 0), (1, 0, 0), (0, 1, 0), (0, 0, 0)]
# The choice index each attempt picked on hl-mc-built (0 is the key; nobody picks 2 or 3).
BUILT_CHOICES = [0, 0, 0, 1, 1]



def plant(app, scores=SCORES, names=None) -> int:
    """A quiz of the first len(row) questions of QIDS with the given finished attempts; returns its id."""
    with app.app_context():
        quiz = Quiz(slug="planted", title="Planted", pass_mark=50,
                    rules={"count": len(scores[0]), "documents": [], "sections": [], "types": []})
        db.session.add(quiz)
        db.session.flush()
        questions = {q.id: q for q in db.session.scalars(db.select(Question).where(Question.id.in_(QIDS)))}
        start = datetime(2026, 1, 5, 9, 0)
        for n, row in enumerate(scores):
            name = names[n] if names else f"Student {n + 1}"
            user = accounts.create_user(f"s{n}@example.org", name, "correct horse battery")
            total = float(sum(row))
            attempt = Attempt(user_id=user.id, quiz_id=quiz.id, state="finished", seed=n,
                              started_at=start + timedelta(hours=n),
                              finished_at=start + timedelta(hours=n, minutes=10 + n), pass_mark=50,
                              score=total, max_score=float(len(row)), passed=100 * total / len(row) >= 50)
            db.session.add(attempt)
            db.session.flush()
            for slot, (qid, x) in enumerate(zip(QIDS, row), start=1):
                q = questions[qid]
                db.session.add(AttemptItem(attempt_id=attempt.id, slot=slot, question_id=qid,
                                           snapshot={"type": q.type, "prompt": q.prompt, "spec": q.spec},
                                           layout={"options": [[f"o{i}", i] for i in range(len(q.spec["choices"]))]}))
                db.session.flush()
                if qid == "hl-mc-built":
                    choice = BUILT_CHOICES[n % len(BUILT_CHOICES)] if x == 0 else 0
                else:
                    choice = 0 if x else 1
                db.session.add(Response(attempt_id=attempt.id, slot=slot, question_id=qid,
                                        answer={"choice": choice}, score=float(x)))
        db.session.commit()
        return quiz.id


def test_numbers_match_a_hand_computation(app):
    quiz_id = plant(app)
    with app.app_context():
        items = {i.question_id: i for i in stats.item_stats(quiz_id=quiz_id, min_n=5)}
        s = stats.summary(quiz_id, list(items.values()))
    # Percentages 100, 66.7, 33.3, 33.3, 0.
    assert s.n == 5
    assert s.mean == pytest.approx(46.6667, abs=1e-3)
    assert s.median == pytest.approx(33.3333, abs=1e-3)
    assert s.sd == pytest.approx(38.0058, abs=1e-3)  # sqrt(5777.78 / 4)
    assert s.pass_rate == pytest.approx(0.4)
    # KR-20: 3/2 · (1 − (.24 + .24 + .16) / 1.04)
    assert s.alpha == pytest.approx(0.576923, abs=1e-5)
    assert len(items) == 3
    assert [items[q].facility for q in QIDS[:3]] == pytest.approx([0.6, 0.6, 0.2])
    # x = 1,1,1,0,0 against the rest 2,1,0,1,0: cov .12 / sqrt(.24 · .56)
    assert items["hl-mc-built"].discrimination == pytest.approx(0.327327, abs=1e-5)
    # x = 1,0,0,0,0 against the rest 2,2,1,1,0: cov .16 / sqrt(.16 · .56)
    assert items["hl-mc-visitors"].discrimination == pytest.approx(0.534522, abs=1e-5)
    # 27% of 5 attempts rounds to 1: the best attempt against the worst.
    assert [items[q].upper_lower for q in QIDS[:3]] == pytest.approx([1.0, 1.0, 1.0])
    assert s.histogram[0] == ("0–9%", 1) and s.histogram[3] == ("30–39%", 2)
    assert s.histogram[6] == ("60–69%", 1) and s.histogram[9] == ("90–100%", 1)


def test_distractor_nobody_picks_is_non_functional(app):
    quiz_id = plant(app)
    with app.app_context():
        built = next(i for i in stats.item_stats(quiz_id=quiz_id, min_n=5) if i.question_id == "hl-mc-built")
    shares = [(c.text, c.count, c.correct, c.non_functional) for c in built.choices]
    assert shares == [("1852", 3, True, False), ("1831", 2, False, False),
                      ("1868", 0, False, True), ("1907", 0, False, True)]


def test_wrong_key_and_difficulty_flags(app):
    # hl-mc-visitors is answered "right" only by the weakest students: a key that is likely wrong.
    rows = [(1, 1, 0, 1)] * 10 + [(1, 0, 0, 1)] * 4 + [(0, 0, 1, 0)] * 6
    quiz_id = plant(app, rows)
    with app.app_context():
        items = {i.question_id: i for i in stats.item_stats(quiz_id=quiz_id)}
    assert items["hl-mc-visitors"].discrimination < 0
    assert items["hl-mc-visitors"].flags == ["wrong_key"]
    # x = 1 (14 times, rest 2 or 1) against x = 0 (rest 1): .15 / sqrt(.21 · .25)
    assert items["hl-mc-built"].discrimination == pytest.approx(0.654654, abs=1e-5)
    assert items["hl-mc-built"].flags == [] and items["hl-tf-keeper"].flags == []


def test_flag_thresholds():
    def item(facility, discrimination, n=20):
        return stats.ItemStats("q", "p", "multiple_choice", "d", "", n, n, facility, 0.1, discrimination, None)
    assert item(0.95, 0.3).flags == ["too_easy"]
    assert item(0.15, 0.3).flags == ["too_hard"]
    assert item(0.5, 0.1).flags == ["poor_discrimination"]
    assert item(0.5, -0.1).flags == ["wrong_key"]
    assert item(0.5, 0.3).flags == [] and item(0.9, 0.2).flags == [] and item(0.2, 0.2).flags == []
    assert item(0.95, -0.5, n=19).flags == []  # too few answers: no flag


def test_too_few_answers_show_no_numbers(app, client, teacher):
    quiz_id = plant(app)  # 5 attempts, fewer than the 20 needed
    page = client.get(f"/teacher/quizzes/{quiz_id}/stats").get_data(as_text=True)
    assert "Too few answers (5 of the 20 needed)" in page
    assert 'class="facility"' not in page
    page = client.get("/teacher/questions/hl-mc-built/stats").get_data(as_text=True)
    assert "Too few answers for statistics: 5 of the 20 needed" in page
    assert 'id="facility"' not in page


def test_stats_pages_show_flags_linking_to_the_edit_page(make_app, auth):
    app = make_app(QUIZAPP_STATS_MIN_RESPONSES=5)
    client = app.test_client()
    quiz_id = plant(app, [(1, 1, 0)] * 3 + [(0, 0, 1)] * 3)
    with app.app_context():
        accounts.create_user(TEACHER, "Tess Teacher", "correct horse battery", role="teacher")
        db.session.commit()
    client.post("/auth/login", data={"email": TEACHER, "password": "correct horse battery"})
    page = client.get(f"/teacher/quizzes/{quiz_id}/stats").get_data(as_text=True)
    assert '<svg' in page and 'id="histogram-table"' in page and 'role="img"' in page
    assert 'href="/teacher/questions/hl-mc-visitors/edit">Likely wrong key' in page
    page = client.get("/teacher/questions/hl-mc-built/stats").get_data(as_text=True)
    assert 'id="choices"' in page and "non-functional (under 5%)" in page and "<svg" in page
    page = client.get("/teacher/documents/harbour-lighthouse/stats").get_data(as_text=True)
    assert 'id="sections"' in page and "<svg" in page


def test_below_the_threshold_a_question_shows_its_raw_counts_and_no_statistics(app, client, teacher):
    plant(app, [(1, 1, 0)] * 3 + [(0, 0, 1)] * 2)  # 5 answers: fewer than the 20 the statistics need
    page = client.get("/teacher/questions/hl-mc-built/stats").get_data(as_text=True)
    assert "Too few answers for statistics: 5 of the 20 needed" in page and "answered in 5" in page
    table = page.split('id="raw-choices"', 1)[1].split("</table>", 1)[0]
    built = _built_choices(app)
    counts = {text: int(n) for text, n in re.findall(r'<th scope="row">([^<]+)</th><td>[^<]+</td><td>(\d+)</td>', table)}
    assert counts[built[0]] == 3 and sum(counts.values()) == 5  # the key three times, distractors twice
    assert "non-functional" not in page and 'id="facility"' not in page and "<svg" not in page


def _built_choices(app) -> list[str]:
    with app.app_context():
        return [c["text"] for c in db.session.get(Question, "hl-mc-built").spec["choices"]]


def test_attempts_table_filters_and_sorts(app, client, teacher):
    quiz_id = plant(app, names=["Zoe", "Adam", "Mia", "Bob", "Eve"])
    url = f"/teacher/quizzes/{quiz_id}/attempts"
    page = client.get(url + "?sort=student&dir=asc").get_data(as_text=True)
    order = [page.index(n) for n in ["Adam", "Bob", "Eve", "Mia", "Zoe"]]
    assert order == sorted(order)
    page = client.get(url + "?sort=percent&dir=desc").get_data(as_text=True)
    assert page.index("Zoe") < page.index("Adam") < page.index("Eve")
    page = client.get(url + "?passed=yes").get_data(as_text=True)
    assert "Zoe" in page and "Adam" in page and "Mia" not in page and "2 attempt(s)" in page
    page = client.get(url + "?q=mi").get_data(as_text=True)
    assert "Mia" in page and "Zoe" not in page
    page = client.get(url + "?sort=duration&dir=desc").get_data(as_text=True)
    assert page.index("Eve") < page.index("Zoe")  # 14 min against 10 min
    assert "14 min 0 s" in page
    assert client.get(url + "?sort=evil&dir=sideways&page=x").status_code == 200


def test_unknown_ids_are_404_and_students_get_403(app, client, teacher, auth):
    for url in ["/teacher/quizzes/999/stats", "/teacher/quizzes/999/attempts", "/teacher/quizzes/999/attempts.csv",
                "/teacher/quizzes/999/grid.csv", "/teacher/questions/nope/stats", "/teacher/students/999",
                "/teacher/documents/nope/stats"]:
        assert client.get(url).status_code == 404, url
    auth.logout()
    auth.signup(email="pupil@example.org")
    assert client.get("/teacher/quizzes/1/stats").status_code == 403


def test_student_view_shows_attempts_and_sections(app, client, teacher):
    plant(app)
    with app.app_context():
        uid = db.session.scalar(db.select(Attempt.user_id).order_by(Attempt.id).limit(1))
    page = client.get(f"/teacher/students/{uid}").get_data(as_text=True)
    assert "Student 1: scores over time" in page and 'id="attempts-table"' in page
    assert 'id="strongest"' in page and "Visitors" in page


def test_statistics_index_lists_quizzes_and_documents(app, client, teacher):
    quiz_id = plant(app)
    page = client.get("/teacher/stats").get_data(as_text=True)
    assert f'href="/teacher/quizzes/{quiz_id}/stats">Planted</a>' in page
    assert "<td>5</td>" in page and 'href="/teacher/documents/harbour-lighthouse/stats"' in page
    assert 'href="/teacher/stats"' in client.get("/teacher/bank").get_data(as_text=True)  # in the sub-navigation


def test_students_see_their_own_progress_only(app, client, auth):
    plant(app)
    assert auth.login("s0@example.org").status_code == 302
    page = client.get("/progress").get_data(as_text=True)
    assert "My progress" in page and 'id="attempts-table"' in page and 'id="weakest"' in page
    assert "Student 2" not in page
    assert 'href="/progress"' in client.get("/history").get_data(as_text=True)
    assert client.get("/teacher/students/1").status_code == 403
    auth.logout()
    assert client.get("/progress").status_code == 302  # the login page


def test_reliability_is_shown_only_from_enough_finished_attempts(make_app, client):
    for min_n, shown in ((5, True), (6, False)):
        app = make_app(QUIZAPP_STATS_MIN_RESPONSES=min_n)
        quiz_id = plant(app)  # five finished attempts
        with app.app_context():
            accounts.create_user(f"t{min_n}@example.org", "Tess", "correct horse battery", role="teacher")
            db.session.commit()
            assert (stats.summary(quiz_id, min_n=min_n).alpha is not None) is shown
        c = app.test_client()
        c.post("/auth/login", data={"email": f"t{min_n}@example.org", "password": "correct horse battery"})
        page = c.get(f"/teacher/quizzes/{quiz_id}/stats").get_data(as_text=True)
        assert ("0.58" in page.split('id="s-alpha"')[1][:200]) is shown
        assert ("shown from 6 finished attempts" in page) is not shown
        assert "percentage points" in page
