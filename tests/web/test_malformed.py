"""Malformed requests get a clear 4xx and change nothing, never a 500: unknown ids on every route
with an id (enumerated from the URL map), missing fields, huge fields, wrong types, truncated
bodies, and repeated (double-submitted) answers and finishes.

``TESTING`` makes Flask re-raise exceptions, so an error that would be a 500 fails these tests
with its traceback rather than passing as a status code."""
from __future__ import annotations

import json
import re
from io import BytesIO

import pytest

from harden_helpers import World, snapshot, world  # noqa: F401  (``world`` is a fixture)
from quizapp.extensions import db
from quizapp.models import Attempt, Response

ID_VALUES = ["999999999", "0", "9" * 19, "-1", "abc", "1.5"]
STR_VALUES = ["no-such-thing", "x" * 300, "%00", "..%2F..%2Fetc", "%C3%28", "<script>"]
MEGABYTE = "x" * (1024 * 1024)


def _urls(app, known: dict[str, str]):
    """Every rule with arguments, once per bad value of each argument (the others known-good)."""
    for rule in app.url_map.iter_rules():
        if not rule.arguments or rule.endpoint == "static":
            continue
        for arg in sorted(rule.arguments):
            is_id = type(rule._converters[arg]).__name__ == "IdConverter"
            for value in ID_VALUES if is_id else STR_VALUES:
                url = rule.rule
                for a in rule.arguments:
                    url = re.sub(r"<(?:[^:<>]+:)?%s>" % a, value if a == arg else known[a], url)
                for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                    yield rule, method, url


def _known(w: World) -> dict[str, str]:
    return {"attempt_id": str(w.attempt_id), "slot": "1", "quiz_id": str(w.quiz_id), "question_id": "hl-mc-built",
            "doc_id": "harbour-lighthouse", "user_id": str(w.ids("student@example.org")), "token": "x"}


def test_unknown_ids_on_every_route_are_404(world):
    rules = set()
    for rule, method, url in _urls(world.app, _known(world)):
        rules.add(rule.rule)
        if rule.endpoint.startswith(("teacher.", "public.", "auth.")):
            client, expected = world.teacher, {404}
        else:
            client, expected = world.student, {404}
        if "%00" in url:  # a NUL anywhere in a request is refused before routing matters
            expected = {400}
        response = client.open(url, method=method, data={})
        assert response.status_code in expected, (method, url, response.status_code)
        if rule.endpoint.startswith("teacher."):  # a student is refused before any lookup
            assert world.student.open(url, method=method, data={}).status_code in (400, 403, 404), (method, url)
    # The walk really covered the routes with ids (it can fail when routes are added without it).
    assert len(rules) >= 15 and "/attempts/<id:attempt_id>/q/<id:slot>" in rules
    assert "/teacher/questions/<question_id>/edit" in rules and "/teacher/quizzes/<id:quiz_id>" in rules


def test_someone_elses_attempt_is_404_on_every_attempt_route(world):
    other = world.other_attempt_id
    before = snapshot(world.app)
    for rule in world.app.url_map.iter_rules():
        if "attempt_id" not in rule.arguments:
            continue
        if rule.endpoint.startswith("teacher."):  # teachers only: a student gets 403 (teacher access tests)
            assert world.student.get(rule.rule.replace("<id:attempt_id>", str(other))).status_code == 403
            continue
        url = rule.rule.replace("<id:attempt_id>", str(other)).replace("<id:slot>", "1")
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = world.student.open(url, method=method, data={"answer": "x", "confirm": "yes", "kind": "typo"})
            assert response.status_code == 404, (method, url, response.status_code)
    assert snapshot(world.app) == before


def _posts(w: World) -> list[tuple[str, str]]:
    """The form endpoints that must change nothing when their form is wrong."""
    a = w.attempt_id
    return [("anon", "/auth/signup"), ("anon", "/auth/login"),
            ("student", f"/attempts/{a}/q/1"), ("student", f"/attempts/{a}/q/2"), ("student", f"/attempts/{a}/finish"),
            ("student", f"/attempts/{a}/q/1/report"),
            ("teacher", "/teacher/bank/bulk"), ("teacher", "/teacher/questions/new"),
            ("teacher", "/teacher/questions/hl-mc-built/edit"), ("teacher", "/teacher/review"),
            ("teacher", "/teacher/import"), ("teacher", "/teacher/documents"), ("teacher", "/teacher/quizzes/new")]


def _client(w: World, who: str):
    return {"student": w.student, "teacher": w.teacher, "anon": w.app.test_client()}[who]


def test_missing_fields_change_nothing(world):
    before = snapshot(world.app)
    for who, url in _posts(world):
        response = _client(world, who).post(url, data={})
        assert response.status_code in (302, 400, 422), (url, response.status_code)
    assert snapshot(world.app) == before


FORM_FIELDS = ["email", "name", "password", "go", "answer", "comment", "prompt", "quote", "explanation",
               "choices-0-text", "title", "instructions", "count", "ids", "one"]


@pytest.mark.parametrize("field", FORM_FIELDS)
def test_a_one_megabyte_field_is_refused_and_changes_nothing(world, field):
    before = snapshot(world.app)
    for who, url in _posts(world):
        response = _client(world, who).post(url, data={field: MEGABYTE})
        # 413 from the form parser (Flask's MAX_FORM_MEMORY_SIZE), or the form's own refusal.
        assert response.status_code in (302, 400, 413, 422), (url, field, response.status_code)
    assert snapshot(world.app) == before


WRONG = {
    "count": ["abc", "1.5", "-1", "9" * 40, "1e309", ["3", "4"]],
    "pass_mark": ["NaN", "", ["60", "70"]],
    "time_limit_minutes": ["inf", "0x10"],
    "opens_at": ["2099-13-45T99:99", "yesterday"],
    "go": ["abc", "0", "999", "-1", "9" * 40, ["next", "prev"]],
    "ids": ["", "x" * 5000, "'; DROP TABLE questions; --"],
    "action": ["publish", "move", "delete"],
    "target": ["#", "harbour-lighthouse#abc", "harbour-lighthouse#-1", "harbour-lighthouse#99999999999999999999"],
    "one": ["publish:", ":", "retire:no-such", "x" * 3000],
    "type": ["essay", "", ["multiple_choice", "numeric"]],
    "answer": [["a", "b", "c"], "\x00", "1e309", "NaN"],
    "remember": ["maybe", ["y", "n"]],
}


@pytest.mark.parametrize("field", sorted(WRONG))
def test_wrong_types_are_refused(world, field):
    before = snapshot(world.app)
    for value in WRONG[field]:
        for who, url in _posts(world):
            data = {field: value}
            if field == "action":
                data["ids"] = ["no-such-question"]
            response = _client(world, who).post(url, data=data)
            assert response.status_code in (302, 400, 422), (url, field, value, response.status_code)
    after = snapshot(world.app)
    if field == "answer":  # "NaN" or "1e309" is a fair typed answer to a short-answer question: kept, wrong
        with world.app.app_context():
            assert all(r.score == 0 for r in db.session.scalars(db.select(Response)))
        before.pop("responses"), after.pop("responses")
    assert after == before


def test_a_truncated_multipart_body_is_a_400(world):
    body = (b'--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nThe Mill\r\n'
            b'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="m.txt"\r\n'
            b"Content-Type: text/plain\r\n\r\nThe mill was bu")  # cut off: no closing boundary
    before = snapshot(world.app)
    for url in ("/teacher/documents", "/teacher/import", "/teacher/quizzes/new"):
        response = world.teacher.post(url, data=body, content_type="multipart/form-data; boundary=XyZ")
        assert response.status_code in (400, 422), (url, response.status_code)
    response = world.teacher.post("/teacher/documents", data=b"garbage", content_type="multipart/form-data")
    assert response.status_code in (400, 422)  # no boundary at all
    response = world.student.post(f"/attempts/{world.attempt_id}/q/1", data=b"answer=%ZZ&go=ne%",
                                  content_type="application/x-www-form-urlencoded")
    assert response.status_code in (302, 400)
    assert snapshot(world.app) == before


def test_a_body_longer_than_it_says_is_not_a_500(world):
    response = world.teacher.post("/teacher/quizzes/new", data=b"title=Q&count=3", headers={"Content-Length": "5"},
                                  content_type="application/x-www-form-urlencoded")
    assert response.status_code in (400, 422)


def _answer_fields(item) -> dict:
    layout = item.layout
    if "options" in layout:
        return {"answer": layout["options"][0][0]}
    if "lefts" in layout:
        return {f"m-{lid}": layout["rights"][0][0] for lid, _ in layout["lefts"]}
    if "items" in layout:
        return {f"o-{oid}": str(n + 1) for n, (oid, _) in enumerate(layout["items"])}
    return {"answer": "42"}


def test_a_double_submitted_answer_is_stored_once(world):
    [item, *_] = world.items(world.attempt_id)
    url = f"/attempts/{world.attempt_id}/q/{item.slot}"
    data = {**_answer_fields(item), "go": "save"}
    first = world.student.post(url, data=data)
    second = world.student.post(url, data=data)
    assert first.status_code == second.status_code == 302
    with world.app.app_context():
        rows = db.session.scalars(db.select(Response).where(Response.attempt_id == world.attempt_id,
                                                            Response.slot == item.slot)).all()
        assert len(rows) == 1


def test_a_double_submitted_finish_scores_once(world):
    url = f"/attempts/{world.attempt_id}/finish"
    first = world.student.post(url, data={"confirm": "yes"})
    with world.app.app_context():
        a = db.session.get(Attempt, world.attempt_id)
        state, score, finished_at = a.state, a.score, a.finished_at
    again = [world.student.post(url, data={"confirm": "yes"}) for _ in range(3)]
    assert first.status_code == 302 and all(r.status_code == 302 for r in again)
    assert all("/results" in r.headers["Location"] for r in [first, *again])
    with world.app.app_context():
        a = db.session.get(Attempt, world.attempt_id)
        assert (a.state, a.score, a.finished_at) == (state, score, finished_at) and state == "finished"
    # And an answer after the finish changes nothing.
    before = snapshot(world.app)
    [item, *_] = world.items(world.attempt_id)
    response = world.student.post(f"/attempts/{world.attempt_id}/q/{item.slot}", data={**_answer_fields(item)})
    assert response.status_code == 302 and snapshot(world.app) == before


# --- imports: the two 500s these probes found, kept as regressions -----------------------------------

@pytest.mark.parametrize("name, data", [
    ("big.gift", b"::a:: How far? {#1e309}"),  # was OverflowError: a float too large
    ("big.gift", b"::a:: How far? {#1:1e309}"),
    ("big.gift", b"::a:: How far? {#-1e309..1}"),
    ("big.gift", b"::a:: How far? {#" + b"9" * 400 + b"}"),
    ("null.json", json.dumps({"questions": [{"id": "n-1", "type": "true_false", "prompt": "Sky?", "answer": True,
                                             "difficulty": None, "quality": None}]}).encode()),
    ("top.json", b"[]"), ("top.json", b"5"), ("top.json", b'{"questions": 5}'), ("top.json", b'{"questions": [null]}'),
    ("bad.json", b"{not json"), ("bin.gift", bytes(range(256))),
])
def test_odd_bank_files_never_give_a_500(world, name, data):
    response = world.teacher.post("/teacher/import", data={"file": (BytesIO(data), name)},
                                  content_type="multipart/form-data")
    assert response.status_code in (200, 422), response.status_code


# --- NUL characters: PostgreSQL text cannot hold them, so they are refused at the door ------------

@pytest.mark.parametrize("how", ["path", "query", "form-value", "form-key"])
def test_a_nul_character_anywhere_is_a_400_and_changes_nothing(world, how):
    before = snapshot(world.app)
    a = world.attempt_id
    targets = [(world.app.test_client(), "/auth/signup"), (world.student, f"/attempts/{a}/q/1"),
               (world.student, f"/attempts/{a}/q/1/report"), (world.teacher, "/teacher/questions/new"),
               (world.teacher, "/teacher/quizzes/new"), (world.teacher, "/teacher/questions/hl-mc-built"),
               (world.teacher, "/teacher/bank")]
    for client, url in targets:
        form = {"name": "Ann", "email": "ann@example.org", "password": "correct horse battery",
                "confirm": "correct horse battery", "kind": "typo", "comment": "c", "title": "T", "count": "3",
                "pass_mark": "60", "grading_method": "highest", "show_answers": "after_attempt", "status": "draft",
                "prompt": "P", "answer": "x"}
        if how == "path":
            response = client.get(url + "%00")
        elif how == "query":
            response = client.get(url, query_string={"q": "a\x00b"})
        elif how == "form-value":
            response = client.post(url, data={**form, "name": "A\x00nn", "title": "T\x00", "prompt": "P\x00",
                                              "comment": "c\x00", "answer": "\x00"})
        else:
            response = client.post(url, data={**form, "x\x00y": "1"})
        assert response.status_code in (400, 405), (how, url, response.status_code)
    assert snapshot(world.app) == before


@pytest.mark.parametrize("bank", [
    {"questions": [{"id": "x" * 65, "type": "short_answer", "prompt": "Which?", "answer": "b"}]},
    {"questions": [{"id": "n-1", "type": "short_answer", "prompt": "Wh\u0000ich?", "answer": "b"}]},
    {"questions": [{"id": "n-1", "type": "short_answer", "prompt": "Which?", "answer": "b", "sentence_id": "s" * 121}]},
])
def test_bank_values_the_database_cannot_hold_are_refused_by_name(world, bank):
    before = snapshot(world.app)
    response = world.teacher.post("/teacher/import", data={"file": (BytesIO(json.dumps(bank).encode()), "b.json")},
                                  content_type="multipart/form-data")
    assert response.status_code == 422 and "question 1" in response.get_data(as_text=True)
    assert snapshot(world.app) == before


# --- digits that str.isdigit accepts and int() refuses ("²") were 500s on four pages ---------------

@pytest.mark.parametrize("value", ["²", "1²", "𝟗", "١", "Ⅻ"])
def test_unicode_digits_in_numbers_are_not_a_500(world, value):
    for url in ("/teacher/bank", "/teacher/audit", f"/teacher/quizzes/{world.quiz_id}/attempts"):
        assert world.teacher.get(url, query_string={"page": value}).status_code == 200, (url, value)
    response = world.teacher.post("/teacher/bank/bulk", data={"action": "move", "target": f"harbour-lighthouse#{value}",
                                                              "ids": ["hl-tf-keeper"]})
    assert response.status_code == 302
    [item] = [i for i in world.items(world.attempt_id) if i.type == "ordering"]
    response = world.student.post(f"/attempts/{world.attempt_id}/q/{item.slot}",
                                  data={f"o-{oid}": value for oid, _ in item.layout["items"]})
    assert response.status_code == 400


@pytest.mark.parametrize("target", ["http://[", "//[", "http://[::1", "/[ok", "https://evil.example/"])
def test_a_login_with_an_unparsable_next_is_not_a_500(app, target):
    """urlsplit raises on an unclosed IPv6 host: that was a 500 after a successful login."""
    from harden_helpers import make_world
    w = make_world(app)
    client = app.test_client()
    response = client.post("/auth/login", query_string={"next": target},
                           data={"email": "student@example.org", "password": "correct horse battery"})
    assert response.status_code == 302
    assert response.headers["Location"] == ("/%5Bok" if target == "/[ok" else "/quizzes")
    assert w.student.get("/quizzes").status_code == 200


def _twin_clients(w: World, n: int):
    """``n`` clients with the student's session cookie, as if the same browser sent n requests."""
    cookie = w.student.get_cookie("session")
    clients = []
    for _ in range(n):
        c = w.app.test_client()
        c.set_cookie("session", cookie.value, domain=cookie.domain)
        clients.append(c)
    return clients


def _at_once(calls):
    import threading
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(i, call):
        barrier.wait(10)
        try:
            results[i] = call().status_code
        except Exception as exc:  # noqa: BLE001 - reported below as a failure
            results[i] = repr(exc)
    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_simultaneous_double_submits_store_one_answer_and_finish_once(world):
    [item, *_] = world.items(world.attempt_id)
    url = f"/attempts/{world.attempt_id}/q/{item.slot}"
    data = {**_answer_fields(item), "go": "save"}
    clients = _twin_clients(world, 4)
    results = _at_once([lambda c=c: c.post(url, data=data) for c in clients])
    assert all(r == 302 for r in results), results
    with world.app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Response).where(
            Response.attempt_id == world.attempt_id, Response.slot == item.slot)) == 1
    finish = f"/attempts/{world.attempt_id}/finish"
    results = _at_once([lambda c=c: c.post(finish, data={"confirm": "yes"}) for c in clients])
    assert all(r == 302 for r in results), results
    with world.app.app_context():
        a = db.session.get(Attempt, world.attempt_id)
        total = db.session.scalar(db.select(db.func.sum(Response.score)).where(Response.attempt_id == a.id))
        assert a.state == "finished" and a.score == pytest.approx(total or 0)
