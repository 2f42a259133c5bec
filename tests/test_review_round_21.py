"""Rules from the second blind review of new-documents-20 and -21 (docs/reviews/verdicts-set2*-second-*.md)
and from this session's first-sight review. Each test fails without its rule."""
import re

from quizapp.engine.anaphora import needs_previous
from quizapp.engine.namechecks import ALTERNATIVE_FORM
from quizapp.engine.normalize import answer_key, answers_match, parse_number
from quizapp.engine.reader import document_from_text
from quizapp.engine.stems import NEXT_ISSUE_PROBLEM

from generating import by_type, generate_reference

REEF = """= The Great Barrier Reef in 2024 =

In 2024, aerial surveys by the Great Barrier Reef Marine Park Authority found bleaching on about 73 per cent of more than 1,000 reefs inspected.

The Great Barrier Reef stretches for roughly 2,300 kilometres along the Queensland coast.

The Lizard Island station opened in 1973 with a staff of 14 researchers and 3 boats.
"""


def _value(text):
    return parse_number(re.sub(r"(?i)\s*(%|per\s*cent|percent|kilometres)$", "", text.strip()))


def _pairs(result):
    """(key, wrong value) of every multiple-choice option and every false statement."""
    for q in by_type(result, "multiple_choice"):
        key = next(c["text"] for c in q["choices"] if c["correct"])
        yield from ((key, c["text"]) for c in q["choices"] if not c["correct"])
    for q in by_type(result, "true_false"):
        m = re.fullmatch(r"Correct: the text gives (.+), not (.+)\.", q["choices"][1]["feedback"])
        if m and q["choices"][1]["correct"]:
            yield m.group(1), m.group(2)


def test_a_hedged_figure_gets_no_wrong_value_its_hedge_would_cover():
    # 'about 73 per cent' -> 'about 75 per cent' was coded C3: with 'about' on both, it may be true
    _, result = generate_reference(REEF, "reef")
    seen = set()
    for key, wrong in _pairs(result):
        if key in ("73 per cent", "73"):
            seen.add(key)
            assert abs(_value(wrong) - 73) >= 10 and _value(wrong) < 100, wrong
        elif key == "2,300":
            seen.add(key)
            assert abs(_value(wrong) - _value(key)) >= 0.25 * _value(key), (key, wrong)
    assert seen >= {"73 per cent", "2,300"}, seen


def test_an_exact_figure_still_gets_near_wrong_values():
    # the gap is for hedged figures only: '14 members' keeps its near options
    _, result = generate_reference(REEF, "reef")
    near = [w for k, w in _pairs(result) if k in ("14", "1973") and abs(_value(w) - _value(k)) < 0.25 * _value(k)]
    assert near


def test_a_typed_answer_may_leave_the_accents_out():
    # the key 'nzadi' beside the text's 'Nzâdi' was coded C2: either way of writing it is right
    assert answers_match("Nzâdi", ["nzadi"]) and answers_match("Pantheon", ["Panthéon"])
    assert not answers_match("nzere", ["nzadi"])
    # the question's id keeps the spelling: ids do not move when matching grows kinder
    assert answer_key("Panthéon") != answer_key("Pantheon")


RIVER = """= The Congo =

The river takes its name from the Kingdom of Kongo, founded c. 1390 on the lands south of its lower course. The Portuguese, who reached the estuary in the late fifteenth century, heard the Kongo word nzere or nzadi ("the river that swallows all rivers") and rendered it as Zaire.
"""


def test_a_term_beside_another_form_of_itself_is_not_typed():
    _, result = generate_reference(RIVER, "congo")
    assert not [q for q in by_type(result, "short_answer") if q["answer"] in ("nzadi", "nzere")]
    assert any(r["reason"] == ALTERNATIVE_FORM for r in result.rejected)


def test_a_name_the_article_opens_with_is_its_title_not_a_byline():
    # 'Congo River' on the first line was left out as a byline, and the file's name ('Congo river') shown
    article = document_from_text("Congo River\n\nThe Congo River (formerly also known as the Zaire River) is the "
                                 "second-longest river in Africa, after the Nile.\n\nIt drains a basin of about "
                                 "4,014,500 square kilometres.\n", doc_id="congo-river", source_format="text")
    assert article.title == "Congo River"
    post = document_from_text("John Wright\n\nThe Congo River is the second-longest river in Africa, after the "
                              "Nile.\n\nIt drains a basin of about 4,014,500 square kilometres.\n",
                              doc_id="congo-notes", source_format="text")
    assert post.title != "John Wright"


def test_when_the_next_report_is_due_is_not_asked():
    text = ("= Coral survey =\n\nIn 2024, aerial surveys found bleaching on about 73 per cent of more than 1,000 "
            "reefs inspected. The next AIMS report is due in August 2025.\n")
    _, result = generate_reference(text, "survey")
    assert not [q for q in result.questions if "2025" in q["prompt"] or "next AIMS" in q["prompt"]]
    assert any(r["reason"] == NEXT_ISSUE_PROBLEM for r in result.rejected)
    assert [q for q in result.questions if "73" in q["prompt"]]  # the survey's own figure still is


def test_a_sign_with_nothing_to_sign_leans_on_the_sentence_before():
    assert needs_previous("Opponents hoped that the Governor would refuse to sign.", set())
    assert not needs_previous("The Governor refused to sign the Electoral Bill in 1893.", set())
