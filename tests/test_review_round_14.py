"""Rules from the first-sight blind review of new-documents-14 (docs/reviews/verdicts-newdocs14-141-*.md):
an opinion essay and a forum thread that came without metadata, and an encyclopedia page. Each test
fails without its rule."""
from quizapp.engine import pipeline
from quizapp.engine.reader import document_from_text

from asked import asked_values as asked_keys
from generating import by_type, generate_reference

THREAD = """History Stack Exchange

Why did the Library of Alexandria decline?

Asked 5 years ago   Modified 3 years ago   Viewed 21k times

Popular accounts (Carl Sagan's Cosmos, countless YouTube videos) talk about the burning of the Library as if it were one catastrophic event in 48 BC.

Share  Improve this question  Follow
asked Mar 3 '19 at 11:47
M. Castellanos

  1   For anyone looking: the Cosmos segment is in episode 13, "Who Speaks for Earth?" (1980). – M. Castellanos Mar 3 '19 at 12:20

3 Answers                                   Sorted by: Highest score (default)

58   Accepted answer

Founding. The Library was part of the Mouseion, a research institution founded in the early 3rd century BC under Ptolemy I Soter.

Size. Ancient figures are unreliable. Seneca (De Tranquillitate Animi 9.5), apparently following Livy, says 40,000 books burned in 48 BC; Aulus Gellius and Ammianus Marcellinus give 700,000 volumes.

Share  Improve this answer  Follow
answered Mar 3 '19 at 14:02
J. R. Abernathy

  3   @J.R.Abernathy It cuts both ways. Note that Gellius was writing c. 180 AD, over two centuries after the fire. – kerkyra_91 Mar 3 '19 at 19:30
"""

ESSAY = """# The Job-Loss Forecast That Keeps Not Arriving

**By Dr. Helen R. Marchetti**
*Professor of Labor Economics, Lakeshore State University*
*18 April 2023*

For most of my career I have listened to the same prediction. I taught it that way myself for years, and I no longer believe it.

## What happened in New Jersey

On 1 April 1992, New Jersey raised its minimum wage from $4.25 to $5.05 an hour, an increase of almost 19 percent. Card and Krueger surveyed 410 fast-food restaurants in February 1992. The paper, published in the American Economic Review in September 1994, set off one of the longest arguments in modern economics. In 2021 Card shared the Nobel Memorial Prize in Economic Sciences. (Krueger, sadly, died in 2019.)

## The evidence since

Economists looked at many cases. The most thorough of these, by Doruk Cengiz and Ben Zipperer (Quarterly Journal of Economics, 2019), examined 138 state-level minimum wage increases between 1979 and 2016.

But read the whole report. The CBO also estimated that 17 million workers would get a raise directly in 2025.
"""


def _read(text, doc_id, fmt):
    doc = document_from_text(text, doc_id=doc_id, source_format=fmt)
    return doc, pipeline.generate_documents([doc]).results[0]


def test_a_forum_thread_without_metadata_is_a_discussion_and_its_question_is_the_askers():
    doc, result = _read(THREAD, "thread", "text")
    assert doc.kind == "discussion"
    assert doc.meta["attribution"] == "one answer in the History Stack Exchange thread"
    prompts = [q["prompt"] for q in result.questions]
    assert prompts and all("History Stack Exchange thread" in p for p in prompts if p.startswith("According"))
    assert all(p.startswith("According to the question in") for p in prompts if "Popular accounts" in p
               or "popular accounts" in p)
    assert not [p for p in prompts if "in the section" in p]  # an answer's run-in heads are no sections of the thread


def test_comments_under_forum_posts_are_furniture_and_run_in_heads_end_with_a_full_stop():
    doc, result = _read(THREAD, "thread", "text")
    prompts = " ".join(q["prompt"] for q in result.questions)
    assert "Mar 3 '19" not in prompts and "kerkyra_91" not in prompts  # comment signatures (and the comments)
    assert "founding." not in prompts.lower()  # 'Founding.' heads its paragraph; it is no sentence of it
    assert any(s.title in ("Founding", "Size") for s in doc.sections)
    assert "Seneca (De Tranquillitate" in prompts  # a name at the sentence's start keeps its capital


def test_a_signed_essay_in_the_first_person_is_an_argument_and_its_byline_block_is_no_sentence():
    doc, result = _read(ESSAY, "essay", "markdown")
    assert doc.kind == "argument"
    assert doc.meta["author"] == "Dr. Helen R. Marchetti" and doc.meta["date"] == "18 April 2023"
    assert doc.meta["attribution"] == "Helen R. Marchetti (2023)"
    prompts = [q["prompt"] for q in result.questions]
    assert prompts and all(p.startswith("According to Helen R. Marchetti (2023)") or "Helen R. Marchetti (2023)" in p
                           for p in prompts)
    assert not [p for p in prompts if "Lakeshore State University" in p]


def test_what_the_writer_tells_the_reader_and_what_these_and_the_paper_point_back_to_are_not_left_bare():
    from quizapp.engine.anaphora import needs_previous
    assert needs_previous("The most thorough of these, by Doruk Cengiz, examined 138 increases.", set())
    assert needs_previous("The paper, published in the American Economic Review in 1994, set off an argument.", set())
    assert needs_previous("Historians therefore distinguish the earlier Hanse from the later.", set())
    assert not needs_previous("Most historians distinguish the earlier Hanse from the later.", set())
    doc, result = _read(ESSAY, "essay", "markdown")
    prompts = [q["prompt"] for q in result.questions]
    assert not [p for p in prompts if "read the whole report" in p]


def test_a_percentage_change_between_two_figures_of_the_sentence_is_not_asked():
    text = ("= Wages =\n\nOn 1 April 1992, New Jersey raised its minimum wage from $4.25 to $5.05 an hour, an increase "
            "of almost 19 percent.\n\nIn 1996 the state's unemployment rate stood at 6 percent, against 8 percent "
            "in the rest of the region.\n")
    doc, result = generate_reference(text, "nj")
    keys = asked_keys(result)
    assert not {"19 percent", "19%"} & keys
    assert "6 percent" in keys or "8 percent" in keys  # no such arithmetic there


def test_asides_in_brackets_and_the_years_of_cited_works_are_incidental():
    doc, result = _read(ESSAY, "essay", "markdown")
    keys = asked_keys(result)
    prompts = " ".join(q["prompt"] for q in result.questions)
    assert "died in _____" not in prompts  # '(Krueger, sadly, died in 2019.)'
    assert "Economics, _____)" not in prompts  # '(Quarterly Journal of Economics, 2019)'
    assert "2021" in keys or "138" in keys


def test_dutch_and_a_city_name_their_country_and_holland_is_not_the_netherlands():
    from quizapp.engine import lexicon
    assert not any("Holland" in aliases for aliases in lexicon.PLACE_ALIASES)
    text = ("= Trade =\n\n== Bergen ==\n\nAt Bergen, stockfish (wind-dried cod from the Lofoten Islands) was traded for "
            "grain that Norway could not grow in sufficient quantity.\n\n== Decline ==\n\nTerritorial princes grew "
            "stronger, and Dutch shippers from Holland and Zeeland carried Baltic grain more cheaply after 1450.\n")
    doc, result = generate_reference(text, "hansa")
    typed = {q["answer"] for q in by_type(result, "short_answer")}
    assert not {"Norway", "Holland"} & typed


def test_a_work_named_with_its_maker_is_no_person_and_an_abbreviation_in_brackets_is_no_gloss():
    from quizapp.engine.facts import gloss_of
    sentence = "Donald J. Harreld (ed.), A Companion to the Hanseatic League was published in Leiden."
    start = sentence.index("Harreld")
    assert gloss_of(sentence, start, start + len("Harreld")) is None
    assert gloss_of("the diet (Hansetag) met at Lübeck", 4, 8) == "Hansetag"
    doc, result = _read(THREAD, "thread", "text")
    assert "Carl Sagan's Cosmos" not in asked_keys(result)


def test_a_threads_title_is_its_question_and_washington_university_is_another_university():
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.anaphora import needs_previous
    from quizapp.engine.model import Fact
    doc, _ = _read(THREAD, "thread", "text")
    assert doc.title == "Why did the Library of Alexandria decline?"
    fact = Fact(kind="org", text="University of Washington", start=0, end=24, sentence=0)
    assert "Washington University" not in name_accepts(fact)
    warsaw = Fact(kind="org", text="University of Warsaw", start=0, end=20, sentence=0)
    assert "Warsaw University" in name_accepts(warsaw)
    assert needs_previous("The critics had a fair point to make.", set())


def test_a_figure_given_again_in_other_units_after_or_about_is_not_asked():
    # new-documents-13 (critical): '1,698 nautical miles, or about _____ statute miles' is arithmetic from a glossary
    text = ("= Cable =\n\n== Failures ==\n\nField telegraphed that the route measured 1,698 nautical miles, or about "
            "1,950 statute miles. The ship carried 2,500 tons of cable in 1858.\n")
    doc, result = generate_reference(text, "cb")
    keys = asked_keys(result)
    assert not {"1,698", "1,950"} & keys
    assert "2,500" in keys


def test_a_bracketed_sentence_after_a_sentence_is_a_sentence_of_its_own():
    from quizapp.engine.sentences import split_sentences
    text = ('Card shared the prize, awarded "for his contributions". (Krueger, sadly, died in 2019.) The critics '
            'replied. It was cold (Pravda, Oct. 9, 1940.) Then more.')
    pieces = [text[a:b] for a, b in split_sentences(text, 0, len(text))]
    assert '(Krueger, sadly, died in 2019.)' in pieces
    assert 'It was cold (Pravda, Oct. 9, 1940.)' in pieces  # a citation stays with its sentence
