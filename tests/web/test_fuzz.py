"""Hypothesis over the form endpoints: whatever is posted, the answer is never a 500.

Each endpoint gets a valid form with some fields replaced by fuzz (odd text, lists, numbers,
control characters, huge values) and unknown fields added, so the fuzz reaches the code behind
the validation as well as the validation itself. Bounded and reproducible: ``derandomize=True``
(the same examples on every run, so CI is stable), no deadline, 100 examples an endpoint.
``TESTING`` makes Flask re-raise exceptions, so a would-be 500 fails with its traceback."""
from __future__ import annotations

import json
import re
from io import BytesIO

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harden_helpers import World, make_world

FUZZ = settings(max_examples=100, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])

ODD = st.sampled_from(["", " ", "0", "-1", "1e309", "NaN", "inf", "9" * 30, "\x00", "\ufeff", "<script>", "%", "a" * 3000,
                       "../../etc/passwd", "C:\\x", "null", "[]", "{}", "true", "2099-13-45T99:99", "\u202e", "\ud7ff",
                       "²", "١", "1²", "Ⅻ", "𝟗", "http://[", "//evil.example"])  # digits to str.isdigit, not all of them to int()
TEXT = st.text(max_size=200)
VALUE = st.one_of(ODD, TEXT, st.integers(-10**20, 10**20).map(str), st.lists(st.one_of(ODD, TEXT), max_size=4))


def fuzzed(base: dict, names: list[str]):
    """``base`` with some of ``names`` (and maybe an unknown field) replaced by fuzz, or dropped."""
    changes = st.dictionaries(st.sampled_from(names + ["zz-unknown", "csrf_token", "user_id", "score"]),
                              st.one_of(VALUE, st.none()), max_size=len(names))

    def apply(ch):
        out = dict(base)
        for k, v in ch.items():
            if v is None:
                out.pop(k, None)
            else:
                out[k] = v
        return out
    return changes.map(apply)


def ok(response) -> None:
    response.get_data()  # a streamed page runs to its end
    assert response.status_code < 500, response.status_code


_WORLDS: dict[int, World] = {}


def _world(app) -> World:
    """One teacher, student and attempt for all the examples of a test (the app is per test)."""
    if id(app) not in _WORLDS:
        _WORLDS.clear()
        _WORLDS[id(app)] = make_world(app)
    return _WORLDS[id(app)]


SIGNUP = {"email": "new@example.org", "name": "New Person", "password": "correct horse battery",
          "confirm": "correct horse battery"}


@FUZZ
@given(form=fuzzed(SIGNUP, list(SIGNUP)))
def test_fuzz_signup(app, form):
    ok(app.test_client().post("/auth/signup", data=form))


LOGIN = {"email": "student@example.org", "password": "correct horse battery", "remember": "y"}


@FUZZ
@given(form=fuzzed(LOGIN, list(LOGIN)), next_=st.one_of(st.none(), ODD, TEXT))
def test_fuzz_login(app, form, next_):
    _world(app)
    url = "/auth/login" if next_ is None else "/auth/login?" + "&".join(f"next={p}" for p in [next_])
    ok(app.test_client().post(url, data=form))


ANSWER_VALUE = st.one_of(VALUE, st.integers(0, 30).map(lambda i: ("id", i)),
                        st.lists(st.integers(0, 30), max_size=5).map(lambda ids: ("ids", ids)),
                        st.integers(-3, 12).map(str))


@FUZZ
@given(slot=st.integers(0, 30), fields=st.lists(st.tuples(st.integers(0, 30), ANSWER_VALUE), max_size=6),
       fetch=st.booleans(), finish=st.integers(0, 9), confirm=fuzzed({"confirm": "yes"}, ["confirm"]))
def test_fuzz_answer_and_finish(app, slot, fields, fetch, finish, confirm):
    """Fuzz is drawn as numbers and mapped onto this attempt's own field names and option ids
    (they change with every attempt, and Hypothesis needs the drawing itself to stay the same)."""
    w = _world(app)
    items = w.items(w.attempt_id)
    item = items[slot % len(items)]
    layout = item.layout
    ids = [oid for key in ("options", "lefts", "rights", "items") for oid, _ in layout.get(key, [])] or ["x"]
    names = ["answer", "go", "was", "score", "correct", "user_id"] + [f"m-{i}" for i, _ in layout.get("lefts", [])] + \
        [f"o-{i}" for i, _ in layout.get("items", [])]
    form = {}
    for n, value in fields:
        if isinstance(value, tuple):
            value = ids[value[1] % len(ids)] if value[0] == "id" else [ids[i % len(ids)] for i in value[1]]
        form[names[n % len(names)]] = value
    ok(w.student.post(f"/attempts/{w.attempt_id}/q/{item.slot}", data=form,
                      headers={"X-Requested-With": "fetch"} if fetch else {}))
    if finish == 0:  # now and then, the finish (and a new attempt after it)
        ok(w.student.post(f"/attempts/{w.attempt_id}/finish", data=confirm))
        ok(w.student.get(f"/attempts/{w.attempt_id}/results"))
        response = w.student.post(f"/quizzes/{w.quiz_id}/start")
        ok(response)
        if "/attempts/" in response.headers.get("Location", ""):
            w.attempt_id = int(response.headers["Location"].split("/")[2])


QUESTION = {"type": "multiple_choice", "prompt": "Who was the first keeper?", "document": "harbour-lighthouse",
            "quote": "The first keeper was Thomas Reed, who served for 22 years.", "explanation": "The text says so.",
            "status": "published", "go": "save", "choices-0-text": "Thomas Reed", "choices-0-correct": "y",
            "choices-1-text": "Mary Reed", "choices-2-text": "John Smith", "choices-0-feedback": "Yes"}
QUESTION_FIELDS = list(QUESTION) + ["answer", "accept", "tolerance", "min", "max", "pairs-0-left", "pairs-0-right",
                                    "pairs-1-left", "pairs-1-right", "sequence-0", "sequence-1", "difficulty",
                                    "choices-3-text", "choices-1-correct"]


@FUZZ
@given(form=fuzzed(QUESTION, QUESTION_FIELDS),
       qtype=st.sampled_from(["multiple_choice", "multiple_response", "true_false", "short_answer", "numeric",
                              "matching", "ordering"]),
       url=st.sampled_from(["/teacher/questions/new", "/teacher/questions/hl-mc-built/edit"]))
def test_fuzz_teacher_question_form(app, form, qtype, url):
    w = _world(app)
    if form.get("type") == "multiple_choice":
        form["type"] = qtype
    ok(w.teacher.post(url, data=form))


QUIZ = {"title": "Fuzz quiz", "count": "3", "pass_mark": "60", "grading_method": "highest",
        "show_answers": "after_attempt", "status": "draft", "documents": "harbour-lighthouse",
        "types": "multiple_choice", "time_limit_minutes": "10", "attempts_allowed": "2",
        "opens_at": "2099-01-01T10:00", "closes_at": "2099-01-02T10:00", "sections": "Keepers", "instructions": "x"}


@FUZZ
@given(form=fuzzed(QUIZ, list(QUIZ)))
def test_fuzz_quiz_builder(app, form):
    w = _world(app)
    ok(w.teacher.post("/teacher/quizzes/new", data=form))


GIFT_PIECES = st.sampled_from(["::", "{", "}", "=", "~", "#", ":", "..", "->", "%", "%50%", "%-100%", "T", "F", "\n",
                               "\n\n", "$CATEGORY: x\n", "// c\n", "[html]", "\\", "1", "2.5", "-3", "1e309", "word", " ",
                               "<b>", "</b>", "{#", "{=a->b", "####"])
GIFT = st.lists(GIFT_PIECES, max_size=40).map("".join)
JSON_VALUE = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                                    ODD, TEXT),
                          lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                  st.dictionaries(st.sampled_from(
                                                      ["id", "type", "prompt", "choices", "text", "correct", "answer",
                                                       "accept", "pairs", "sequence", "citation", "difficulty",
                                                       "quality", "status", "reasons", "explanation", "document",
                                                       "start", "end", "section", "tolerance", "feedback"]),
                                                      inner, max_size=6)), max_leaves=20)
BANK = st.one_of(
    JSON_VALUE.map(lambda q: {"questions": [q]}),
    st.fixed_dictionaries({"id": st.sampled_from(["f-1", "f-2"]), "type": st.sampled_from(
        ["multiple_choice", "true_false", "short_answer", "numeric", "matching", "ordering", "multiple_response"]),
        "prompt": st.one_of(TEXT, ODD)}, optional={
        "choices": JSON_VALUE, "answer": JSON_VALUE, "pairs": JSON_VALUE, "sequence": JSON_VALUE,
        "citation": JSON_VALUE, "difficulty": JSON_VALUE, "accept": JSON_VALUE, "status": JSON_VALUE}).map(
        lambda q: {"questions": [q]}))


@FUZZ
@given(kind=st.sampled_from(["gift", "json", "bytes"]), data=st.data(), dry=st.booleans(),
       name=st.sampled_from(["q.gift", "q.json", "q.txt", "../../q.gift", "q", "C:\\q.json"]))
def test_fuzz_import(app, kind, data, dry, name):
    w = _world(app)
    if kind == "gift":
        body = data.draw(GIFT).encode()
    elif kind == "json":
        body = json.dumps(data.draw(BANK)).encode()
    else:
        body = data.draw(st.binary(max_size=300))
    form = {"file": (BytesIO(body), name)}
    if dry:
        form["dry_run"] = "y"
    ok(w.teacher.post("/teacher/import", data=form, content_type="multipart/form-data"))


@FUZZ
@given(form=fuzzed({"action": "publish", "ids": ["hl-mc-built"], "target": "harbour-lighthouse#", "scope": "ticked"},
                   ["action", "ids", "target", "scope", "next", "document", "q", "page"]))
def test_fuzz_bank_bulk_and_review(app, form):
    w = _world(app)
    ok(w.teacher.post("/teacher/bank/bulk", data=form))
    ok(w.teacher.post("/teacher/review", data=form))


QUERY_NAMES = ["page", "sort", "dir", "state", "passed", "q", "document", "section", "type", "status", "quality",
               "difficulty", "origin", "flag", "quiz", "id", "next", "limit", "scope", "format"]


@FUZZ
@given(route=st.integers(0, 200), teacher=st.booleans(),
       query=st.lists(st.tuples(st.sampled_from(QUERY_NAMES), st.one_of(ODD, TEXT)), max_size=5))
def test_fuzz_query_strings_of_every_get_page(app, route, teacher, query):
    """Every GET route (known-good ids in the path), with odd query strings, repeated names too."""
    w = _world(app)
    rules = sorted((r for r in app.url_map.iter_rules() if "GET" in r.methods and r.endpoint != "static"),
                   key=lambda r: r.rule)
    rule = rules[route % len(rules)]
    known = {"attempt_id": str(w.attempt_id), "slot": "1", "quiz_id": str(w.quiz_id), "question_id": "hl-mc-built",
             "doc_id": "harbour-lighthouse", "user_id": str(w.ids("student@example.org")), "token": "x"}
    url = rule.rule
    for name in rule.arguments:
        url = re.sub(r"<(?:[^:<>]+:)?%s>" % name, known[name], url)
    ok((w.teacher if teacher else w.student).get(url, query_string=query))
