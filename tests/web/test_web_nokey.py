"""Before an attempt is finished, no page carries any trace of the key.

Tried as an attacker would: parse every question page (every type) and look at every attribute,
script and text; change which option is the key and check that the page does not change; and
look for correlations between the key and the order or the ids of the options.
"""
import json
import re
from html.parser import HTMLParser

from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified

from quizapp.extensions import db
from quizapp.models import AttemptItem, Question, Quiz, User
from quizapp.services import attempts

SUSPECT = re.compile(r"correct|right-answer|is-right|answer-key|data-key|score|feedback|solution", re.I)


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.attrs: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.attrs += [(tag, k, v or "") for k, v in attrs]
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def _parse(html):
    parser = PageParser()
    parser.feed(html)
    return parser


def _without_tokens(html):
    return re.sub(r'name="csrf_token" value="[^"]*"', "", html)


def _all_pages(client, driver, slug="practice-harbour-lighthouse"):
    client.get("/quizzes")  # shows (and so clears) the welcome message
    aid = driver.start(slug)
    items = driver.items(aid)
    return aid, items, {i["slot"]: client.get(f"/attempts/{aid}/q/{i['slot']}").get_data(as_text=True) for i in items}


def test_no_key_marker_anywhere_in_any_question_page(app, client, student, driver):
    aid, items, pages = _all_pages(client, driver)
    assert {i["type"] for i in items} == {"multiple_choice", "true_false", "short_answer", "numeric", "matching",
                                          "ordering", "multiple_response"}
    with app.app_context():
        questions = {q.id: q for q in db.session.scalars(select(Question))}
    for item in items:
        html = pages[item["slot"]]
        page = _parse(html)
        for tag, name, value in page.attrs:
            assert not SUSPECT.search(name), (item["type"], tag, name)
            assert not SUSPECT.search(value), (item["type"], tag, name, value)
            assert not name.startswith("data-") or name in ("data-autosave", "data-type", "data-slot"), name
        # No inline script and no embedded JSON: the only script is the static enhancement.
        assert "".join(page.scripts).strip() == ""
        assert [v for t, k, v in page.attrs if t == "script" and k == "src"] == ["/static/quiz.js"]
        q = questions[item["question_id"]]
        text = " ".join(page.text)
        # What only the server may know stays there: ids, explanation, feedback, citation.
        for secret in (q.id, q.sentence_id, q.explanation, q.citation["quote"]):
            assert secret not in html, (item["type"], secret)
        for choice in q.spec.get("choices", []):
            if choice.get("feedback"):
                assert choice["feedback"] not in html
        if item["type"] == "short_answer":
            assert q.spec["answer"] not in text
    script = client.get("/static/quiz.js").get_data(as_text=True)
    assert not re.search(r"correct|answer_key|solution", script, re.I)


def test_a_different_key_gives_the_same_page(app, client, student, driver):
    """Move the key to another option (or change the typed answer): every question page stays
    byte for byte the same, so nothing in it can tell the key apart."""
    aid, items, pages = _all_pages(client, driver)
    with app.app_context():
        for row in db.session.scalars(select(AttemptItem).where(AttemptItem.attempt_id == aid)):
            spec = json.loads(json.dumps(row.snapshot["spec"]))
            if "choices" in spec:
                flags = [c["correct"] for c in spec["choices"]]
                for c, flag in zip(spec["choices"], flags[1:] + flags[:1]):  # rotate the key
                    c["correct"] = flag
                for c in spec["choices"]:
                    c.pop("feedback", None)
            elif "answer" in spec:
                spec["answer"], spec["accept"] = "1999", []
            else:
                continue  # matching/ordering: the key is the pairing itself; see the test below
            row.snapshot = {**row.snapshot, "spec": spec}
            flag_modified(row, "snapshot")
        db.session.commit()
    for item in items:
        again = client.get(f"/attempts/{aid}/q/{item['slot']}").get_data(as_text=True)
        assert _without_tokens(again) == _without_tokens(pages[item["slot"]]), item["type"]


def test_option_order_and_ids_say_nothing_about_the_key(app):
    """Over many attempts, the key's position among the options and the rank of its id are
    spread out, and option ids are new in every attempt."""
    key_positions, key_id_ranks, order_is_key, all_ids = {}, {}, 0, []
    with app.app_context():
        quiz = db.session.scalar(select(Quiz).where(Quiz.slug == "practice-harbour-lighthouse"))
        for seed in range(40):
            user = User(email=f"u{seed}@x.org", name="u", password_hash="x")
            db.session.add(user)
            for item in attempts.start(user, quiz, seed=seed).items:
                layout, spec = item.layout, item.snapshot["spec"]
                if "options" in layout and item.type != "true_false":
                    key = [n for n, (_, i) in enumerate(layout["options"]) if spec["choices"][i]["correct"]][0]
                    key_positions.setdefault(item.question_id, set()).add(key)
                    ids = [oid for oid, _ in layout["options"]]
                    key_id = ids[key]
                    key_id_ranks.setdefault(item.question_id, set()).add(sorted(ids).index(key_id))
                    all_ids += ids
                if item.type == "ordering":
                    order_is_key += [i for _, i in layout["items"]] == list(range(len(spec["sequence"])))
                    ids = [oid for oid, _ in layout["items"]]
                    key_id_ranks.setdefault("ordering-ids", set()).add(tuple(sorted(ids).index(o) for o in ids))
                if item.type == "matching":
                    ids = [oid for oid, _ in layout["rights"]]
                    key_id_ranks.setdefault("matching-ids", set()).add(tuple(sorted(ids).index(o) for o in ids))
    for qid, positions in key_positions.items():
        assert len(positions) >= 2, qid
    for qid, ranks in key_id_ranks.items():
        assert len(ranks) >= 2, qid
    assert order_is_key < 10  # a random shuffle of 4 items is in key order 1 time in 24
    assert len(set(all_ids)) == len(all_ids)  # ids are never reused across attempts


def test_true_false_options_come_in_a_fixed_order(app, client, student, driver):
    """True before False whatever the key: the order cannot give it away."""
    aid, items, pages = _all_pages(client, driver, slug="lighthouse-choices")
    for item in items:
        if item["type"] == "true_false":
            html = pages[item["slot"]]
            assert html.index(">True<") < html.index(">False<")


def test_the_answer_form_holds_nothing_but_opaque_ids(app, client, student, driver):
    """Every name and value in a question page is an opaque per-attempt id, a place number, a
    navigation button, the CSRF token or the digest of the student's own answer."""
    aid, items, pages = _all_pages(client, driver)
    for item in items:
        page = _parse(pages[item["slot"]])
        layout_ids = {oid for key in ("options", "lefts", "rights", "items") for oid, _ in item["layout"].get(key, [])}
        names = {v for t, k, v in page.attrs if k == "name" and t != "meta"}
        for name in names - {"csrf_token", "was", "go", "answer"}:
            assert re.fullmatch(r"[mo]-[0-9a-f]{10}", name) and name[2:] in layout_ids, name
        places = {str(n) for n in range(1, len(item["layout"].get("items", [])) + 1)}
        slots = {str(n) for n in range(1, len(items) + 1)}
        for tag, k, v in page.attrs:
            if k != "value" or tag not in ("input", "option", "button"):
                continue
            assert (v in layout_ids or v in places or v in slots or v == ""
                    or v in ("next", "prev", "clear", "finish") or re.fullmatch(r"[0-9a-f]{16}", v)
                    or re.fullmatch(r"[\w.-]{40,}", v)), (item["type"], tag, v)


# --- every fragment and page an attempt in progress can reach ------------------------------------

FRAGMENT_KEYS = {"saved", "action", "answered", "was"}


def _secrets(q) -> list[str]:
    out = [q.id, q.explanation, q.citation["quote"]]
    out += [q.sentence_id] if q.sentence_id else []
    out += [c["feedback"] for c in q.spec.get("choices", []) if c.get("feedback")]
    return [s for s in out if s]


def _assert_no_key(html: str, q, where: str) -> None:
    for secret in _secrets(q):
        assert secret not in html, (where, q.type, secret)
    page = _parse(html)
    for tag, name, value in page.attrs:
        assert not SUSPECT.search(name) and not SUSPECT.search(value), (where, q.type, tag, name, value)


def test_no_fragment_or_page_tells_a_right_answer_from_a_wrong_one(app, client, student, driver):
    """For every question type: the JSON answer fragment (autosave), the page after saving, the
    explanation, report and finish pages, and the page of a refused answer carry no key, and the
    fragment for a right answer is the same as for a wrong one (but for the digest of the answer)."""
    aid, items, _ = _all_pages(client, driver)
    assert len({i["type"] for i in items}) == 7
    with app.app_context():
        questions = {q.id: q for q in db.session.scalars(select(Question))}
        for q in questions.values():
            db.session.expunge(q)
    fetch = {"X-Requested-With": "fetch"}
    for item in items:
        q, url = questions[item["question_id"]], f"/attempts/{aid}/q/{item['slot']}"
        fragments = {}
        for right in (False, True):
            response = client.post(url, data={**driver.form_for(item, right), "go": "save"}, headers=fetch)
            assert response.status_code == 200 and response.is_json, (item["type"], response.status_code)
            body = response.get_json()
            assert set(body) == FRAGMENT_KEYS, (item["type"], body)
            assert not SUSPECT.search(json.dumps(body)), body
            fragments[right] = {k: v for k, v in body.items() if k != "was"}
            page = client.get(url).get_data(as_text=True)
            _assert_no_key(page, q, f"page after a {'right' if right else 'wrong'} answer")
            if item["type"] == "short_answer" and not right:
                assert q.spec["answer"] not in " ".join(_parse(page).text)
        assert fragments[True] == fragments[False], (item["type"], fragments)
        explanation = client.get(f"{url}/explanation")
        assert explanation.status_code == 403
        _assert_no_key(explanation.get_data(as_text=True), q, "locked explanation")
        _assert_no_key(client.get(f"{url}/report").get_data(as_text=True), q, "report page")
    finish = client.get(f"/attempts/{aid}/finish").get_data(as_text=True)
    for q in questions.values():
        _assert_no_key(finish, q, "finish page")
    results = client.get(f"/attempts/{aid}/results")
    assert results.status_code == 302 and "/results" not in results.headers["Location"]


def test_a_refused_answer_shows_no_key_in_its_page_or_its_fragment(app, client, student, driver):
    aid, items, _ = _all_pages(client, driver)
    with app.app_context():
        questions = {q.id: q for q in db.session.scalars(select(Question))}
        for q in questions.values():
            db.session.expunge(q)
    refused = 0
    for item in items:
        q, url = questions[item["question_id"]], f"/attempts/{aid}/q/{item['slot']}"
        bad = {"numeric": {"answer": "not a number"}, "ordering": {f"o-{oid}": "1" for oid, _ in item["layout"]["items"]}
               if item["type"] == "ordering" else {}}.get(item["type"])
        if not bad:
            continue
        page = client.post(url, data={**bad, "go": "save"})
        assert page.status_code == 400
        _assert_no_key(page.get_data(as_text=True), q, "refused answer page")
        fragment = client.post(url, data={**bad, "go": "save"}, headers={"X-Requested-With": "fetch"})
        assert fragment.status_code == 400 and set(fragment.get_json()) == {"saved", "error"}
        assert not SUSPECT.search(json.dumps(fragment.get_json()).replace('"error"', ""))
        refused += 1
    assert refused == 2  # numeric and ordering were both tried


def test_the_key_is_shown_only_after_the_finish(app, client, student, driver):
    """The same explanation URL: 403 without the key before, 200 with it after."""
    aid, items, _ = _all_pages(client, driver)
    item = next(i for i in items if i["type"] == "multiple_choice")
    driver.answer(aid, item, right=False)
    url = f"/attempts/{aid}/q/{item['slot']}/explanation"
    with app.app_context():
        q = db.session.get(Question, item["question_id"])
        explanation, quote = q.explanation, q.citation["quote"]
    before = client.get(url)
    assert before.status_code == 403 and explanation not in before.get_data(as_text=True)
    driver.finish(aid)
    after = client.get(url).get_data(as_text=True)
    assert explanation in after and quote.split()[0] in after
