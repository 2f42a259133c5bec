"""Questions that give each other away are never drawn into one attempt: the engine lists them."""
from quizapp.engine import pipeline
from quizapp.engine.exclusions import exclusions
from quizapp.engine.reader import document_from_text


def q(qid, qtype, prompt, sentence, *, key=None, sid=None, sids=None, choices=None):
    out = {"id": qid, "type": qtype, "prompt": prompt, "sentence_id": sid or qid,
           "citation": {"start": 0, "end": len(sentence), "quote": sentence,
                        "sentence": {"start": 0, "end": len(sentence)}}}
    if qtype in ("short_answer", "numeric"):
        out["answer"] = key
    if choices is not None:
        out["choices"] = choices
    if sids:
        out["sentence_ids"] = sids
    return out


PEAK = "At its peak in mid-1932, 42,230 foreign workers were employed in Soviet industry."
SHARES = "Of the 42,230 foreign workers employed in mid-1932, 50% were German."


def test_a_stem_that_states_another_questions_key_about_the_same_thing_excludes_it():
    asked = q("a", "numeric", "At its peak in mid-1932, _____ foreign workers were employed in Soviet industry.", PEAK,
              key="42,230")
    shows = q("b", "numeric", "Of the 42,230 foreign workers employed in mid-1932, _____ were German.", SHARES, key="50%")
    assert exclusions([asked, shows]) == {"a": ["b"], "b": ["a"]}


def test_the_same_figure_said_of_something_else_is_no_giveaway():
    asked = q("a", "numeric", "At its peak in mid-1932, _____ foreign workers were employed in Soviet industry.", PEAK,
              key="42,230")
    other = q("b", "numeric", "The library lent 42,230 books to _____ readers.", "The library lent 42,230 books to 900 readers.",
              key="900")
    assert exclusions([asked, other]) == {}


def test_options_are_not_claims():
    asked = q("a", "numeric", "At its peak in mid-1932, _____ foreign workers were employed in Soviet industry.", PEAK,
              key="42,230")
    options = q("b", "multiple_choice", "How many foreign workers were employed in Soviet industry in 1935?",
                "In 1935, 20,000 foreign workers were employed in Soviet industry.",
                choices=[{"text": "20,000", "correct": True}, {"text": "42,230", "correct": False}])
    assert exclusions([asked, options]) == {}


def test_a_question_on_several_sentences_excludes_the_questions_of_each():
    one = q("a", "numeric", "In _____ the commission was dissolved.", "In 1928 the commission was dissolved.", key="1928")
    two = q("b", "numeric", "In 1931 _____ applications arrived.", "In 1931 100,000 applications arrived.", key="100,000")
    same_sentence = q("c", "numeric", "In _____ 100,000 applications arrived.", "In 1931 100,000 applications arrived.",
                      key="1931", sid="b")
    statements = q("m", "multiple_response", "Which of these are true?", "In 1928 the commission was dissolved.",
                   sid="a", sids=["a", "b"], choices=[])
    got = exclusions([one, two, same_sentence, statements])
    assert got["m"] == ["b", "c"]  # not "a": the draw already keeps one question per sentence
    assert "a" not in got and got["b"] == ["m"]


def test_the_generated_bank_lists_exclusions_both_ways_between_questions_it_has():
    text = ("In mid-1932, at the peak, 42,230 foreign workers were employed in Soviet industry, mostly skilled men.\n\n"
            "Of the 42,230 foreign workers employed in Soviet industry in mid-1932, 50% were German or Austrian "
            "and 25% were American.\n")
    doc = document_from_text(text, doc_id="t", meta={"kind": "reference"})
    questions = pipeline.generate_documents([doc]).results[0].questions
    ids = {x["id"]: x for x in questions}
    listed = [x for x in questions if x.get("excludes")]
    assert listed
    for x in listed:
        for other in x["excludes"]:
            assert other in ids and x["id"] in ids[other]["excludes"]
            assert ids[other]["sentence_id"] != x["sentence_id"]
