"""A quiz whose rules match fewer source sentences than its count says so to the teacher."""
import re

from test_audit import quiz_form


def test_the_editor_and_the_list_say_when_the_rules_draw_fewer_questions(app, client, teacher):
    response = client.post("/teacher/quizzes/new", data=quiz_form(count="5", types="ordering"))
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    m = re.search(r"Students will get (\d+) questions?, not 5", page)
    assert m and int(m.group(1)) < 5
    # The rules are checkboxes, the chosen type ticked and no other
    ticked = re.findall(r'<input checked id="types-\d+" name="types" type="checkbox" value="([a-z_]+)"', page)
    assert ticked == ["ordering"] and 'name="types" type="checkbox" value="numeric"' in page
    listing = client.get("/teacher/quizzes").get_data(as_text=True)
    assert f"its rules can draw only {m.group(1)}" in listing


def test_no_warning_when_the_rules_match_enough(app, client, teacher):
    response = client.post("/teacher/quizzes/new", data=quiz_form(count="2"))
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Students will get" not in page
    listing = client.get("/teacher/quizzes").get_data(as_text=True)
    entry = listing[listing.index("Audit quiz"):]
    assert "its rules can draw only" not in entry[:entry.index("</li>")]
    # the test library's own "Lighthouse: the keepers" asks for 5 from a section of 4 sentences
    keepers = listing[listing.index("Lighthouse: the keepers"):]
    assert "its rules can draw only 4" in keepers[:keepers.index("</li>")]
