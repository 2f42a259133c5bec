"""Statistics tables label questions by what tells them apart, not by the attribution they open with."""
from quizapp.filters import gist


def test_the_attribution_and_section_a_stem_opens_with_are_left_out():
    assert gist("According to “Foreign workers in the Soviet Union”, in the section “1920s”, between _____ about "
                "10,000 Russian-Americans returned.") == "Between _____ about 10,000 Russian-Americans returned."
    assert gist("According to John G. Wright (1941), in the section “The “Passivity” of the Masses”, the list of "
                "the achievements is long.") == "The list of the achievements is long."
    assert gist("According to one answer in the History Stack Exchange thread on “Were there any westerners who "
                "entered the soviet bloc to escape capitalism?”, there were two main types.") == \
        "There were two main types."


def test_other_prompts_are_unchanged():
    for prompt in ("Whose logbook recorded every ship that passed?", "According to the text, what?", "", None):
        assert gist(prompt) == (prompt or "")


def test_the_quiz_statistics_rows_show_the_gist(app, client):
    from test_stats import plant
    from quizapp.extensions import db
    from quizapp.models import Question
    from quizapp.services import accounts
    quiz_id = plant(app)
    with app.app_context():
        q = db.session.get(Question, "hl-mc-built")
        q.prompt = "According to “The Harbour Lighthouse”, in the section “Keepers”, the tower was built in _____."
        accounts.create_user("t@example.org", "Tess", "correct horse battery", role="teacher")
        db.session.commit()
    client.post("/auth/login", data={"email": "t@example.org", "password": "correct horse battery"})
    page = client.get(f"/teacher/quizzes/{quiz_id}/stats").get_data(as_text=True)
    assert "The tower was built in _____." in page
