"""Pure grading of every question type (quizapp/engine/grading.py)."""
import pytest

from quizapp.engine import grading
from quizapp.engine.grading import InvalidResponse, grade

MC = {"choices": [{"text": "1852", "correct": True}, {"text": "1831", "correct": False},
                  {"text": "1868", "correct": False}]}
TF = {"choices": [{"text": "True", "correct": False}, {"text": "False", "correct": True}]}
MR = {"choices": [{"text": "July", "correct": True}, {"text": "August", "correct": True},
                  {"text": "June", "correct": False}, {"text": "May", "correct": False}]}
SA = {"answer": "Mary Reed", "accept": ["Mary"]}
NUM = {"answer": "42,230", "accept": [], "tolerance": 0}
MATCH = {"pairs": [["1907", "gas"], ["1931", "grid"], ["1968", "automatic"], ["1970", "museum"]]}
ORDER = {"sequence": ["built", "gas", "grid", "automatic"]}


def test_single_choice_scores_one_or_zero():
    assert grade("multiple_choice", MC, {"choice": 0}) == 1.0
    assert grade("multiple_choice", MC, {"choice": 2}) == 0.0
    assert grade("true_false", TF, {"choice": 1}) == 1.0
    assert grade("true_false", TF, {"choice": 0}) == 0.0


@pytest.mark.parametrize("chosen, expected", [
    ([0, 1], 1.0),        # both right ones
    ([0], 0.5),           # one of two right
    ([0, 1, 2], 0.5),     # two right, one wrong: (2 - 1) / 2
    ([0, 2], 0.0),        # (1 - 1) / 2
    ([2, 3], 0.0),        # never below zero
    ([], 0.0),
])
def test_multiple_response_partial_credit(chosen, expected):
    assert grade("multiple_response", MR, {"choices": chosen}) == expected


@pytest.mark.parametrize("typed, expected", [
    ("Mary Reed", 1.0), ("mary reed", 1.0), ("  Mary  Reed. ", 1.0), ("Mary", 1.0),
    ("Thomas Reed", 0.0), ("Reed", 0.0),
])
def test_short_answer_normalised_match(typed, expected):
    assert grade("short_answer", SA, {"text": typed}) == expected


@pytest.mark.parametrize("typed, expected", [
    ("42230", 1.0), ("42,230", 1.0), ("42 230", 1.0), ("42\u202f230", 1.0), ("42,231", 0.0), ("42,230 workers", 1.0),
])
def test_numeric_exact(typed, expected):
    assert grade("numeric", NUM, {"text": typed}) == expected


def test_numeric_tolerance_and_words():
    spec = {"answer": "26.3 million", "accept": [], "tolerance": 100000}
    assert grade("numeric", spec, {"text": "26,300,000"}) == 1.0
    assert grade("numeric", spec, {"text": "26.35 million"}) == 1.0
    assert grade("numeric", spec, {"text": "26.5 million"}) == 0.0
    pct = {"answer": "Ninety per cent", "accept": ["90%"], "tolerance": 0}
    assert grade("numeric", pct, {"text": "90"}) == 1.0
    assert grade("numeric", pct, {"text": "ninety percent"}) == 1.0
    assert grade("numeric", pct, {"text": "95%"}) == 0.0


def test_numeric_refuses_text_that_is_not_a_number():
    with pytest.raises(InvalidResponse):
        grade("numeric", NUM, {"text": "lots"})


def test_matching_partial_credit_is_a_share_per_item():
    assert grade("matching", MATCH, {"matches": [0, 1, 2, 3]}) == 1.0
    assert grade("matching", MATCH, {"matches": [0, 1, 3, 2]}) == 0.5
    assert grade("matching", MATCH, {"matches": [0, None, None, None]}) == 0.25
    assert grade("matching", MATCH, {"matches": [1, 0, 3, 2]}) == 0.0


def test_matching_with_a_repeated_right_hand_side():
    spec = {"pairs": [["Mary", "keeper"], ["Thomas", "keeper"], ["Anna", "visitor"]]}
    # Choosing Thomas's (identical) right-hand text for Mary is right.
    assert grade("matching", spec, {"matches": [1, 0, 2]}) == 1.0


def test_ordering_partial_credit_is_a_share_per_place():
    assert grade("ordering", ORDER, {"order": [0, 1, 2, 3]}) == 1.0
    assert grade("ordering", ORDER, {"order": [0, 1, 3, 2]}) == 0.5
    assert grade("ordering", ORDER, {"order": [3, 2, 1, 0]}) == 0.0


@pytest.mark.parametrize("qtype, spec, response", [
    ("multiple_choice", MC, {"choice": 3}),
    ("multiple_choice", MC, {"choice": -1}),
    ("multiple_choice", MC, {"choice": True}),
    ("multiple_choice", MC, {"choice": "0"}),
    ("multiple_response", MR, {"choices": [0, 0]}),
    ("multiple_response", MR, {"choices": "0"}),
    ("short_answer", SA, {"text": "   "}),
    ("short_answer", SA, {"text": "x" * 501}),
    ("matching", MATCH, {"matches": [0, 1]}),
    ("matching", MATCH, {"matches": [0, 1, 2, 9]}),
    ("ordering", ORDER, {"order": [0, 1, 2]}),
    ("ordering", ORDER, {"order": [0, 0, 1, 2]}),
    ("ordering", ORDER, {"order": [0, 1, 2, 4]}),
    ("multiple_choice", MC, "not a dict"),
])
def test_malformed_responses_are_refused(qtype, spec, response):
    with pytest.raises(InvalidResponse):
        grade(qtype, spec, response)


@pytest.mark.parametrize("qtype, spec", [
    ("multiple_choice", MC), ("true_false", TF), ("multiple_response", MR), ("short_answer", SA),
    ("numeric", NUM), ("matching", MATCH), ("ordering", ORDER),
])
def test_the_key_earns_full_marks(qtype, spec):
    assert grading.spec_errors(qtype, spec) == []
    assert grade(qtype, spec, grading.correct_response(qtype, spec)) == 1.0


@pytest.mark.parametrize("qtype, spec, message", [
    ("multiple_choice", {"choices": [{"text": "a", "correct": True}, {"text": "b", "correct": True}]},
     "exactly one correct"),
    ("multiple_choice", {"choices": [{"text": "a", "correct": True}, {"text": "A", "correct": False}]},
     "the same"),
    ("multiple_response", {"choices": [{"text": "a", "correct": False}, {"text": "b", "correct": False}]},
     "at least one correct"),
    ("numeric", {"answer": "many", "accept": []}, "not a number"),
    ("matching", {"pairs": [["a", "b"]]}, "at least two pairs"),
    ("ordering", {"sequence": ["a", "a"]}, "the same"),
    ("essay", {}, "unknown"),
])
def test_spec_errors(qtype, spec, message):
    assert any(message in e for e in grading.spec_errors(qtype, spec))


def test_every_partial_credit_type_documents_its_rule():
    assert set(grading.PARTIAL_CREDIT_RULES) == {"matching", "ordering", "multiple_response"}


def test_a_percent_sign_and_the_words_for_it_are_one_answer():
    # '%' is no word character: the old pattern wanted a word boundary after it and never matched,
    # so '50%' was read as '50' and did not equal '50 percent'
    from quizapp.engine.normalize import answers_match, normalize_answer
    assert answers_match("50%", ["50 percent"]) and answers_match("50 per cent", ["50%"])
    assert answers_match("3 to 6%", ["3 to 6 percent"]) and answers_match("3-6%", ["3 to 6 per cent"])
    assert not answers_match("50", ["50 percent"])
    assert normalize_answer("percentage points") == "percentage points"


def test_british_and_american_spellings_are_one_answer():
    from quizapp.engine.normalize import answers_match
    assert answers_match("forced collectivisation", ["forced collectivization"])
    assert answers_match("labour books", ["labor books"]) and answers_match("organised", ["organized"])
    assert not answers_match("four", ["for"]) and not answers_match("rice", ["rise"])


def test_question_ids_do_not_fold_spellings():
    # ids are derived from answer_key: kinder matching (spellings) must not move a question's id
    from quizapp.engine.normalize import answer_key, normalize_answer
    assert answer_key("Forced Collectivisation") == "forced collectivisation"
    assert normalize_answer("Forced Collectivisation") == "forced collectivization"


def test_ordinals_in_words_equal_ordinals_in_figures():
    from quizapp.engine.normalize import answers_match
    assert answers_match("16th Party Congress", ["Sixteenth Party Congress"])
    assert answers_match("twenty-first century", ["21st century"])
    assert not answers_match("15th Party Congress", ["Sixteenth Party Congress"])
