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
