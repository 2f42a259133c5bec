"""GIFT round trips: exporting then importing gives the same questions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizapp.engine.bankjson import parse_bank_json
from quizapp.engine.gift import GiftError, GiftExportError, parse_gift, to_gift
from quizapp.engine.questionspec import numeric_value

from test_gift import CASE_NAMES, EXPECTED, conformance_dir

BANK = Path(__file__).resolve().parents[1] / "questions" / "bank"
NASTY = "a ~ b = c # d { e } f : g x::y \\ h \\\\ i \\n j \n k // l -> m %50% [html] ####x $CATEGORY: é 😀"


def everything(result):
    """All the questions a parse gives, the skipped essays/descriptions included."""
    return result.questions + [s["question"] for s in result.skipped]


def roundtrip(questions, **kw):
    return parse_gift(to_gift(questions, **kw))


@pytest.mark.parametrize("name", [n for n in CASE_NAMES if "windows-1252" not in n])
def test_every_case_survives_export_and_import(name):
    folder = conformance_dir()
    first = parse_gift((folder / "cases" / name).read_bytes())
    text = to_gift(everything(first))
    second = parse_gift(text)
    assert second.questions == first.questions  # ids too: they derive from the content
    assert [s["question"] for s in second.skipped] == [s["question"] for s in first.skipped]
    assert [c["path"] for c in second.categories] == [c["path"] for c in first.categories]
    assert to_gift(everything(second)) == text  # writing is a fixed point


def test_case_list_is_not_empty():
    conformance_dir()
    assert len(EXPECTED) >= 27


# -- synthetic questions of each type --------------------------------------------
def mc(**kw):
    q = {"id": "q-mc", "type": "multiple_choice", "prompt": "Which {one}?",
         "choices": [{"text": "Paris", "correct": True, "feedback": "Yes: it is."},
                     {"text": "London", "correct": False, "feedback": ""},
                     {"text": "Rome", "correct": False, "feedback": "No ~ not Rome"}],
         "explanation": "Paris = capital # of France"}
    q.update(kw)
    return q


SYNTHETIC = [
    mc(),
    {"id": "q-mr", "type": "multiple_response", "prompt": "Pick the primes.",
     "choices": [{"text": "2", "correct": True, "feedback": ""}, {"text": "3", "correct": True},
                 {"text": "4", "correct": False}, {"text": "9", "correct": False}],
     "explanation": ""},
    {"id": "q-tf", "type": "true_false", "prompt": "The sky is green.",
     "choices": [{"text": "True", "correct": False, "feedback": "It is blue."},
                 {"text": "False", "correct": True, "feedback": "Right."}], "explanation": "Physics."},
    {"id": "q-sa", "type": "short_answer", "prompt": "Capital of France?", "answer": "Paris",
     "accept": ["Paris", "paris city"], "explanation": ""},
    {"id": "q-num", "type": "numeric", "prompt": "How many?", "answer": "42230", "tolerance": 5,
     "accept": [], "explanation": "Counted."},
    {"id": "q-range", "type": "numeric", "prompt": "Between?", "answer": "3", "tolerance": 2.0,
     "min": 1.0, "max": 5.0, "explanation": ""},
    {"id": "q-match", "type": "matching", "prompt": "Match the capitals.",
     "pairs": [["France", "Paris"], ["Italy", "Rome"], ["Japan", "Tokyo"]], "explanation": ""},
]
GIFT_CARRIES = {"type", "prompt", "explanation", "choices", "pairs", "distractors", "tags",
                "idnumber", "category", "name", "format", "explanation_format", "pair_formats"}


def assert_same_question(original: dict, back: dict) -> None:
    """``back`` keeps everything of ``original`` that GIFT can hold."""
    for key in GIFT_CARRIES & set(original):
        if key == "choices":
            assert len(back["choices"]) == len(original["choices"])
            for c0, c1 in zip(original["choices"], back["choices"]):
                assert (c1["text"], c1["correct"], c1["feedback"]) == \
                    (c0["text"], c0["correct"], c0.get("feedback", ""))
                if "fraction" in c0:
                    assert c1["fraction"] == pytest.approx(c0["fraction"], abs=1e-6)
        else:
            assert back[key] == original[key], key
    if original["type"] == "short_answer":
        assert back["answer"] == original["answer"]
        assert set(back["accept"]) == {original["answer"], *original.get("accept", [])}
    if original["type"] == "numeric":
        assert numeric_value(back["answer"]) == pytest.approx(numeric_value(original["answer"]))
        assert back["tolerance"] == pytest.approx(original.get("tolerance") or 0.0)
        for key in ("min", "max"):
            assert back.get(key) == original.get(key)
    assert back["citation"] is None


@pytest.mark.parametrize("q", SYNTHETIC, ids=lambda q: q["id"])
def test_synthetic_question_round_trip(q):
    (back,) = roundtrip([q]).questions
    assert_same_question(q, back)
    (again,) = roundtrip([back]).questions
    assert again == back


def test_nasty_characters_survive_everywhere():
    tf = SYNTHETIC[2]
    questions = [
        mc(prompt=NASTY, explanation=NASTY, name=NASTY.replace("\n", " "),
           choices=[{"text": NASTY, "correct": True, "feedback": NASTY},
                    {"text": "%50%half", "correct": False, "feedback": "[plain]x"},
                    {"text": "[html]<b>", "correct": False, "feedback": "=x"}],
           tags=["a]b", "c d"], idnumber="id]1", category="$course$/A//B/C"),
        {**tf, "prompt": NASTY, "choices": [{**c, "feedback": NASTY + c["text"]} for c in tf["choices"]]},
        {"id": "sa", "type": "short_answer", "prompt": NASTY, "answer": "~=#{}:\\ x",
         "accept": ["[html]y", "%5%z"], "explanation": NASTY},
        {"id": "m", "type": "matching", "prompt": NASTY, "explanation": NASTY,
         "pairs": [["[plain]a = b", "x -> y ~ z"], ["c # d {e}", "w \\ v"]], "distractors": ["u : t"]},
    ]
    back = roundtrip(questions).questions
    assert len(back) == len(questions)
    for original, b in zip(questions, back):
        assert_same_question(original, b)
    assert back[0]["tags"] == ["a]b", "c d"] and back[0]["idnumber"] == "id]1"


def test_formats_and_weights_round_trip():
    q = mc(format="html", explanation="<i>why</i>", explanation_format="markdown",
           choices=[{"text": "a", "correct": True, "feedback": "", "fraction": 1.0, "format": "plain"},
                    {"text": "b", "correct": False, "feedback": "f", "fraction": 0.5,
                     "feedback_format": "moodle"},
                    {"text": "c", "correct": False, "feedback": "", "fraction": -0.3333333}])
    (back,) = roundtrip([q]).questions
    assert back["format"] == "html" and back["explanation_format"] == "markdown"
    assert back["choices"][0]["format"] == "plain" and back["choices"][1]["feedback_format"] == "moodle"
    assert [c["fraction"] for c in back["choices"]] == [1.0, 0.5, -0.3333333]


def test_multiple_response_without_weights_gets_moodle_weights():
    (back,) = roundtrip([SYNTHETIC[1]]).questions
    assert [c["fraction"] for c in back["choices"]] == [0.5, 0.5, -1.0, -1.0]


def test_numeric_with_several_answers_and_catch_all():
    q = {"id": "n", "type": "numeric", "prompt": "Year?", "answer": "1822", "tolerance": 0.0,
         "answers": [{"text": "1822", "value": 1822.0, "tolerance": 0.0, "fraction": 1.0, "feedback": ""},
                     {"text": "1820..1824", "value": 1822.0, "tolerance": 2.0, "min": 1820.0,
                      "max": 1824.0, "fraction": 0.5, "feedback": "close"},
                     {"text": "*", "value": None, "tolerance": None, "fraction": 0.0, "feedback": "no"}]}
    text = to_gift([q])
    assert "\t=%100%1822:0#\n\t=%50%1820..1824#close\n\t~#no\n" in text
    (back,) = parse_gift(text).questions
    assert back["answers"] == q["answers"]


def test_category_parameter_and_switches():
    qs = [mc(id="1"), mc(id="2", category="$course$/X"), mc(id="3", category="$course$/X")]
    result = roundtrip(qs, category="$course$/Top")
    assert [c["path"] for c in result.categories] == ["$course$/Top", "$course$/X"]
    assert [q.get("category") for q in result.questions] == ["$course$/Top", "$course$/X", "$course$/X"]


def test_export_refuses_what_gift_cannot_hold_and_says_why():
    bad = [
        {"id": "sa", "type": "short_answer", "prompt": "P", "answer": "a->b"},
        {"id": "m", "type": "matching", "prompt": "P", "pairs": [["a->b", "x"], ["c", "y"]]},
        mc(id="two", choices=[{"text": "a", "correct": True}, {"text": "b", "correct": True}]),
        {"id": "o", "type": "ordering", "prompt": "Order", "sequence": ["a", "b"]},
        mc(id="tag", tags=["<script>"]),
    ]
    with pytest.raises(GiftExportError) as info:
        to_gift(bad)
    message = str(info.value)
    assert "question 1 (sa)" in message and "'->'" in message
    assert "question 2 (m)" in message
    assert "question 3 (two)" in message and "exactly one correct" in message
    assert "question 4 (o)" in message and "ordering" in message
    assert "question 5 (tag)" in message and "'<script>'" in message


def test_ordering_can_be_left_out_with_a_comment():
    text = to_gift([mc(), {"id": "o", "type": "ordering", "prompt": "Order", "sequence": ["a", "b"]}],
                   unsupported="comment")
    assert "// not exported: o is an ordering question" in text
    assert len(parse_gift(text).questions) == 1


def test_header_comment_cannot_inject_metadata():
    (back,) = roundtrip([mc(name="Quiz [id:evil] [tag:bad]")]).questions
    assert "idnumber" not in back and "tags" not in back
    assert back["name"] == "Quiz [id:evil] [tag:bad]"


def test_generated_banks_round_trip():
    files = sorted(BANK.glob("*.json"))
    if not files:
        pytest.skip("no generated bank in questions/bank/")
    for path in files:
        questions = parse_bank_json(path.read_text(encoding="utf-8"))
        exportable = [q for q in questions if q["type"] != "ordering"]
        try:
            back = roundtrip(questions, unsupported="comment").questions
        except (GiftError, GiftExportError) as exc:
            pytest.fail(f"{path.name}: {exc}")
        assert len(back) == len(exportable), path.name
        for original, b in zip(exportable, back):
            assert_same_question(original, b)
        json.dumps(back)
