"""Rules from the first-sight blind review of new-documents-18 (docs/reviews/verdicts-newdocs18-181-*.md):
a local-history blog post, a student opinion column in HTML, a Quora-style page. Each test fails without
its rule."""
from quizapp.engine.reader import document_from_text

from asked import asked_values as asked_keys
from generating import generate_reference

QUORA = """Quora

How important was Gutenberg really? Did he "invent" printing, or is that a Eurocentric myth?

3 answers · 48 followers

Answer 1

Eleanor M. Whitcombe
Answered by Eleanor M. Whitcombe, Historian of early modern Europe · Updated 2y

The great product of the workshop was the 42-line Bible, finished c. 1454–1455, in about 180 copies.

1.2K upvotes · View 14 comments
"""

COLUMN = """<html><body><h1>Should homework be banned?</h1>
<p class="standfirst">The evidence for piling on homework is weaker than we are told, argues Priya Raman.</p>
<p class="byline">By Priya Raman, Year 12</p>
<p class="dateline"><time datetime="2024-03-08">Friday 8 March 2024</time></p>
<p>It is 11.40 p.m. on a Tuesday. I have just finished a chemistry worksheet, and I am tired.</p>
<p>I think the research is weaker than my teachers say. In 2012 the OECD found that 15-year-olds did about 4.9 hours a week.</p>
</body></html>"""


def test_a_quora_page_is_a_discussion_and_a_column_with_a_standfirst_over_its_byline_an_argument():
    doc = document_from_text(QUORA, doc_id="quora", source_format="text")
    assert doc.kind == "discussion" and doc.meta["attribution"] == "one answer in the Quora thread"
    assert doc.title.startswith("How important was Gutenberg really?")
    doc = document_from_text(COLUMN, doc_id="column", source_format="html")
    assert doc.kind == "argument" and doc.meta["attribution"] == "Priya Raman (2024)"


def test_a_dateline_with_its_weekday_a_comments_byline_and_a_clock_time_are_not_asked():
    from quizapp.engine.structure import furniture_line
    assert furniture_line("Friday 8 March 2024")
    assert furniture_line("**Dennis O'Rourke** — 15 June 2023 at 9:42 am")
    doc = document_from_text(COLUMN, doc_id="column", source_format="html")
    from quizapp.engine import pipeline
    result = pipeline.generate_documents([doc]).results[0]
    prompts = " ".join(q["prompt"] for q in result.questions)
    assert "riday 8 March" not in prompts
    text = "= Tours =\n\nGuided tours run every day at 11 a.m. and 2 p.m. from the gallery, which opened in 1994.\n"
    doc, result = generate_reference(text, "tours")
    assert not {"11", "2"} & asked_keys(result)


def test_a_number_standing_for_things_named_before_needs_the_sentence_before():
    from quizapp.engine.anaphora import needs_previous
    assert needs_previous("Forty-nine survive in whole or in substantial part.", set())
    assert not needs_previous("Twelve men were hanged in 1830 at Tyburn.", set())


def test_a_thread_read_without_metadata_cites_no_section_and_a_standfirst_may_name_no_one():
    from quizapp.engine import pipeline
    doc = document_from_text(QUORA + "\nAnswer 2\n\nDr. Hyun-woo Park\nAnswered by Dr. Hyun-woo Park\n\n"
                             "Movable type was first recorded in China, where Bi Sheng made clay type in about 1040.\n",
                             doc_id="quora", source_format="text")
    result = pipeline.generate_documents([doc]).results[0]
    assert result.questions and all(q["citation"]["section"] == "" for q in result.questions)
    column = COLUMN.replace("argues Priya Raman.", "argues our columnist.")
    doc = document_from_text(column, doc_id="column", source_format="html")
    assert doc.kind == "argument" and doc.meta["attribution"] == "Priya Raman (2024)"
    from quizapp.engine.structure import byline_of, furniture_line
    assert byline_of("*By Margaret A. Hollis, Hon. Secretary, Bermondsey Local History Society — 14 June 2023*") == \
        ("Margaret A. Hollis", "14 June 2023")
    assert furniture_line("Answered by Eleanor M. Whitcombe, Historian of early modern Europe · Updated 2y")


def test_an_ordinal_volume_the_group_and_a_list_connective_opening():
    # post-fix review of new-documents-18 and -17: 'Only the second volume survives …' (of what?), 'the group'
    # (which?), and 'second, Gutenberg was not …' carried into the stem
    from quizapp.engine.anaphora import needs_previous
    from quizapp.engine.stems import strip_discourse
    assert needs_previous("Only the second volume survives, in the Bibliothèque nationale de France.", set())
    assert not needs_previous("The second volume of the Jikji survives in Paris.", set())
    assert needs_previous("Kept indoors by storms, the group read ghost stories aloud in June 1816.", set())
    assert strip_discourse("Second, Gutenberg was not a lone genius.") == "Gutenberg was not a lone genius."


def test_the_low_end_and_another_answer_of_the_thread_point_back():
    from quizapp.engine.anaphora import needs_previous
    assert needs_previous("The low end is probably closer to the truth, at 8 million.", set())
    assert needs_previous("A caveat on the numbers in Answer 1: 270 cities is a floor, not a ceiling.", set())
    assert needs_previous("As the accepted answer says, the press reached Venice in 1469.", set())
    assert not needs_previous("The low end of the range is 8 million copies.", set())
