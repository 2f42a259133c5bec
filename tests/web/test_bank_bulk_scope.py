"""The bank's bulk actions on "every question the filters match", not only on ticked ones."""
import re

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Question


def _statuses(app, section=None):
    with app.app_context():
        stmt = select(Question.status, func.count()).group_by(Question.status)
        if section:
            stmt = stmt.where(Question.section == section)
        return dict(db.session.execute(stmt).all())


def test_every_question_the_filters_match_can_be_sent_to_review(app, client, teacher):
    before_all, before_keepers = _statuses(app), _statuses(app, "Keepers")
    assert before_keepers.get("published", 0) >= 2
    shown = sum(before_keepers.values())
    stale = client.post("/teacher/bank/bulk", data={"section": "Keepers", "scope": "all", "action": "review",
                                                    "expected": str(shown + 1)})
    assert stale.status_code == 302 and _statuses(app, "Keepers") == before_keepers  # refused: not what was shown
    response = client.post("/teacher/bank/bulk", data={"section": "Keepers", "scope": "all", "action": "review",
                                                       "expected": str(shown),
                                                       "ids": ["hl-mc-built"]})  # a tick elsewhere is ignored
    assert response.status_code == 302
    after_keepers = _statuses(app, "Keepers")
    assert set(after_keepers) == {"needs_review"}
    assert sum(after_keepers.values()) == sum(before_keepers.values())
    # nothing outside the filter changed
    changed = sum(before_keepers.values()) - before_keepers.get("needs_review", 0)
    assert _statuses(app).get("needs_review", 0) == before_all.get("needs_review", 0) + changed


def test_no_action_is_chosen_by_default_and_nothing_ticked_changes_nothing(app, client, teacher):
    before = _statuses(app)
    page = client.get("/teacher/bank").get_data(as_text=True)
    select_html = re.search(r'<select[^>]*id="bulk-action".*?</select>', page, re.S).group(0)
    first = re.search(r"<option[^>]*>([^<]*)</option>", select_html)
    assert first.group(1) == "(choose an action)"
    assert "selected" not in select_html.replace(first.group(0), "")  # no action picked for the teacher
    response = client.post("/teacher/bank/bulk", data={"action": "retire", "scope": "ticked"})
    assert response.status_code == 302
    assert _statuses(app) == before


def test_the_less_used_filters_fold_away_unless_one_is_set(app, client, teacher):
    page = client.get("/teacher/bank").get_data(as_text=True)
    details = re.search(r'<details class="more-filters" id="more-filters"( open)?>', page)
    assert details and details.group(1) is None  # folded: the first screen shows questions, not filters
    assert 'id="f-quality"' in page and 'id="f-type"' in page  # every filter is still in the form
    page = client.get("/teacher/bank?difficulty=hard").get_data(as_text=True)
    assert '<details class="more-filters" id="more-filters" open>' in page  # a filter in use stays in sight
    assert re.search(r'<option value="hard" selected>', page)
