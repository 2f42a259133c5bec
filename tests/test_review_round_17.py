"""Rules from the first-sight blind review of new-documents-17 (docs/reviews/verdicts-newdocs17-171-*.md):
a heritage-site page, a parents' message board in plain text, a textbook chapter. Each test fails without
its rule."""
from quizapp.engine import pipeline
from quizapp.engine.reader import document_from_text

from asked import asked_values as asked_keys
from generating import by_type, generate_reference

BOARD = """Ashbrook Parents' Community Board
Forums > Secondary School Chat > Uniform

THREAD: £286 for Year 7 uniform?! Are branded items even allowed any more?
Started by BusyMumOfThree | 7 replies | 1,412 views

BusyMumOfThree
Posted 12/09/2023 21:14

My eldest has just started Year 7 and I've added up what the uniform cost us: £286.40.

Quote | Report

DadAtTheGates
Posted 12/09/2023 21:37

There IS a law: the Education (Guidance about Costs of School Uniforms) Act 2021. It got Royal Assent in April 2021, and schools in England were expected to follow the guidance by the autumn term of 2022.

Quote | Report
"""


def test_a_message_board_in_plain_text_is_a_discussion():
    doc = document_from_text(BOARD, doc_id="board", source_format="text")
    assert doc.kind == "discussion"
    assert doc.title == "£286 for Year 7 uniform?! Are branded items even allowed any more?"
    result = pipeline.generate_documents([doc]).results[0]
    prompts = " ".join(q["prompt"] for q in result.questions)
    assert "Quote | Report" not in prompts and "Posted 12/09" not in prompts
    # a message board's posts are posts, and its name is on its first line (round 22)
    assert all(q["prompt"].startswith(("According to one post in the Ashbrook Parents' Community Board thread on “£286",
                                       "According to the opening post in the Ashbrook Parents' Community Board thread"))
               for q in result.questions if q["prompt"].startswith("According"))


def test_britain_is_not_the_united_kingdom_and_a_title_before_the_blank_is_a_gender_cue():
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    assert "UK" not in name_accepts(Fact(kind="place", text="Britain", start=0, end=7, sentence=0))
    assert "UK" in name_accepts(Fact(kind="place", text="United Kingdom", start=0, end=14, sentence=0))
    text = ("= Java =\n\nThe Lieutenant-Governor of Java, Sir Stamford Raffles, described the eruption in 1815. "
            "Mary Godwin wrote a novel in 1816. John Polidori was a physician in 1816. Karl Drais built a running "
            "machine in 1817. Lord Byron rented a villa in 1816.\n")
    doc, result = generate_reference(text, "java")
    assert not [q for q in by_type(result, "multiple_choice") if "Sir _____" in q["prompt"]]


def test_a_caption_totals_without_their_noun_and_a_labelled_list_item_are_not_asked():
    from quizapp.engine.anaphora import needs_previous
    from quizapp.engine.stems import list_item_stands_alone
    assert needs_previous("Totals range from about 45,000 to more than 90,000.", set())
    assert not needs_previous("Totals of deaths range from about 45,000 to more than 90,000.", set())
    assert not list_item_stands_alone("**Epidemic disease:** a typhus epidemic in Ireland killed about 65,000 people.", set())
    text = ("# Chapter 9\n\n## Conditions\n\n*Table 9.1 Approximate conditions in summer (June–August) 1816.*\n\n"
            "Snow fell in New England on 6–7 June 1816, and about 30 cm fell at Quebec City.\n")
    from quizapp.engine.structure import furniture_line
    assert furniture_line("*Table 9.1 Approximate conditions in summer (June–August) 1816.*")
    doc, result = generate_reference(text, "ch9", "markdown")
    assert not [q for q in result.questions if "Table 9.1" in q["prompt"] or "Table 9.1" in " ".join(
        c["text"] for c in q.get("choices", []))]


def test_a_forums_back_to_footer_is_furniture_and_a_facts_box_is_no_glossary():
    from quizapp.engine.structure import furniture_line
    assert furniture_line("Back to Uniform, PE kit & equipment")
    assert not furniture_line("Back to the question of cost, the Act of 2021 capped nothing.")
    html = ("<html><body><h1>Hadrian's Wall</h1><p>The Wall was begun in AD 122 on the orders of the emperor.</p>"
            "<h2>At a glance</h2><dl><dt>Built by</dt><dd>Soldiers of the II, VI and XX legions</dd>"
            "<dt>Length</dt><dd>73 Roman miles (c. 117 km)</dd><dt>World Heritage</dt><dd>UNESCO, 1987</dd></dl>"
            "<h2>Key terms</h2><dl><dt>Milecastle</dt><dd>A small fortlet placed at every Roman mile.</dd>"
            "<dt>Vallum</dt><dd>A great ditch with mounds, south of the Wall.</dd>"
            "<dt>Turret</dt><dd>A watchtower between two milecastles.</dd></dl></body></html>")
    doc, result = generate_reference(html, "hw", "html")
    pairs = [p for q in by_type(result, "matching") for p in q["pairs"]]
    assert ["Turret", "A watchtower between two milecastles"] in pairs
    assert not [p for p in pairs if p[0] in ("Built by", "Length", "World Heritage")]
