"""A planted bad question is flagged from real attempts taken through the web app."""
import importlib.util
from pathlib import Path

from quizapp.extensions import db
from quizapp.models import Question, Quiz
from quizapp.services import accounts

TEACHER = "teacher@example.org"
PASSWORD = "correct horse battery"


def _option(item: dict, index: int) -> str:
    return next(oid for oid, j in item["layout"]["options"] if j == index)


def _helpers():
    """AuthActions and QuizDriver from tests/conftest.py, loaded by path: a bare `import conftest`
    can pick up tests/e2e/conftest.py instead when the whole suite runs."""
    path = Path(__file__).resolve().parents[1] / "conftest.py"
    spec = importlib.util.spec_from_file_location("quizapp_tests_conftest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.AuthActions, module.QuizDriver


def test_planted_wrong_key_is_flagged_from_real_attempts(make_app):
    AuthActions, QuizDriver = _helpers()
    app = make_app(QUIZAPP_STATS_MIN_RESPONSES=2)
    client = app.test_client()
    auth, driver = AuthActions(client), QuizDriver(app, client)
    with app.app_context():
        db.session.add(Quiz(slug="choices-all", title="All the choices", pass_mark=50,
                            rules={"count": 5, "documents": [], "sections": [],
                                   "types": ["multiple_choice", "true_false"]}))
        visitors = db.session.get(Question, "hl-mc-visitors")
        spec = dict(visitors.spec)  # the teacher keyed "1,200" instead of "12,000"
        spec["choices"] = [{**c, "correct": i == 1} for i, c in enumerate(spec["choices"])]
        visitors.spec = spec
        accounts.create_user(TEACHER, "Tess Teacher", PASSWORD, role="teacher")
        db.session.commit()

    # 8 students who know the text (they pick 12,000, which the wrong key marks wrong),
    # 6 who do not (they pick the first distractor everywhere, and so "1,200").
    weak_built = 0  # weak students whose draw included hl-mc-built (they chose 1831)
    for n, strong in enumerate([True] * 8 + [False] * 6):
        assert auth.signup(email=f"s{n}@example.org", name=f"Student {n}").status_code == 302
        attempt_id = driver.start("choices-all")
        for item in driver.items(attempt_id):
            weak_built += not strong and item["question_id"] == "hl-mc-built"
            if item["question_id"] == "hl-mc-visitors":
                data = {"answer": _option(item, 0 if strong else 1)}
            elif strong:
                data = driver.form_for(item, right=True)
            else:
                wrong = next(i for i, c in enumerate(item["spec"]["choices"]) if not c["correct"])
                data = {"answer": _option(item, wrong)}
            assert client.post(f"/attempts/{attempt_id}/q/{item['slot']}", data={**data, "go": "save"}).status_code in (200, 302)
        assert driver.finish(attempt_id).status_code == 302
        auth.logout()

    auth.login(TEACHER)
    with app.app_context():
        quiz_id = db.session.scalar(db.select(Quiz.id).where(Quiz.slug == "choices-all"))
    page = client.get(f"/teacher/quizzes/{quiz_id}/stats").get_data(as_text=True)
    assert '<dd id="s-n">14</dd>' in page
    assert 'href="/teacher/questions/hl-mc-visitors/edit">Likely wrong key' in page
    for good in ("hl-mc-built", "hl-mc-breakwater", "hl-tf-keeper", "hl-tf-years"):
        assert f'href="/teacher/questions/{good}/edit">Likely wrong key' not in page
    page = client.get("/teacher/questions/hl-mc-built/stats").get_data(as_text=True)
    # The draw takes one question per sentence, so about half the attempts drew this one.
    # Nobody chose 1868 or 1907: both distractors are non-functional; the weak students chose 1831.
    assert page.count("non-functional (under 5%)") == (2 if weak_built else 3)
    assert "<th scope=\"row\">1868</th><td>non-functional" in page.replace("\n", "")
    flat = page.replace("\n", "")
    assert f"<th scope=\"row\">1831</th><td>{'distractor' if weak_built else 'non-functional'}" in flat
    assert "<th scope=\"row\">1852</th><td>key</td>" in flat
    csv_text = client.get(f"/teacher/quizzes/{quiz_id}/attempts.csv").get_data(as_text=True)
    assert csv_text.count("\r\n") == 15
