"""Rules from the first-sight blind review of new-documents-23 (docs/reviews/verdicts-set23-first-*.md): a
textbook copied out of a PDF (running heads, decimal section numbers, a heading run into its paragraph,
words hyphenated across lines), a magazine interview whose questions carry the magazine's name, and a few
single flaws. Each test fails without its rule."""
from quizapp.engine.anaphora import needs_previous
from quizapp.engine.casing import starts_with_proper_noun
from quizapp.engine.cleaning import clean_sentence
from quizapp.engine.facts import extract_facts
from quizapp.engine.reader import document_from_text

from generating import generate_as_read, generate_reference, keyed

TEXTBOOK = """CHAPTER 3  THE RESTLESS EARTH   46

3.1 From continental drift to plate tectonics

On a map, the coasts of South America and Africa fit together like
pieces of a jigsaw. The German meteorologist Alfred Wegener
(1880-1930) built a scientific case from this. In a lecture in
Frankfurt on 6 January 1912 he proposed that the continents had once
been joined and had since moved apart.

Seafloor spreading
Echo-sounding surveys after the Second World War revealed a worldwide
chain of underwater mountains, the mid-ocean ridges. In a 1962 paper,
Harry Hess of Princeton University proposed that new ocean floor forms
at these ridges.

CHAPTER 3  THE RESTLESS EARTH   47

3.2 Types of plate boundaries

Where oceanic lithosphere meets continental lithosphere, the denser
oceanic plate sinks beneath the other in a process called subduc-
tion, forming a deep ocean trench. The Himalayas formed where the
Indian plate collided with the Eura-
sian plate about 50 million years ago.

CHAPTER 3  THE RESTLESS EARTH   48

The Mid-Atlantic Ridge runs for about 16,000 km down the middle of the
Atlantic, and the Mariana Trench reaches about 11,000 m below sea level.
"""


def _textbook():
    return generate_as_read(TEXTBOOK, doc_id="earth", source_format="text")


def test_a_pdfs_running_head_is_furniture_and_names_the_document():
    doc, result = _textbook()
    assert doc.title == "Chapter 3: The Restless Earth"
    shown = " ".join(q["prompt"] for q in result.questions)
    assert "EARTH   4" not in shown and "EARTH 4" not in shown
    assert [s.title for s in doc.sections if s.title] == \
        ["3.1 From continental drift to plate tectonics", "Seafloor spreading", "3.2 Types of plate boundaries"]


def test_a_heading_run_into_its_paragraph_is_no_part_of_a_sentence():
    _, result = _textbook()
    assert not [q for q in result.questions if "spreading Echo-sounding" in q["prompt"]]
    assert [q for q in result.questions if "Harry Hess" in q["prompt"] or "1962" in q["prompt"]]


def test_a_word_broken_across_lines_is_joined_in_the_stem():
    assert clean_sentence("the subduc-\ntion zone and the well-\nknown Eura-\nsian plate") == \
        "the subduction zone and the well-known Eurasian plate"
    _, result = _textbook()
    shown = " ".join(q["prompt"] for q in result.questions)
    assert "Eura- sian" not in shown and "subduc- tion" not in shown


def test_a_this_at_the_end_of_a_sentence_leans_on_the_one_before():
    assert needs_previous("The German meteorologist Alfred Wegener (1880-1930) built a scientific case from this.", set())
    assert not needs_previous("Alfred Wegener built a scientific case from the fossil record.", set())


def test_a_feature_of_the_earth_is_no_person():
    doc, _ = _textbook()
    kinds = {f.text: f.kind for s in doc.sentences for f in extract_facts(s)}
    assert kinds.get("Mariana Trench") == "place" and kinds.get("Mid-Atlantic Ridge") != "person"


def test_a_figure_set_against_a_bar_is_not_asked():
    text = ("= The canal =\n\nThe US Senate approved the treaties in 1978 by 68 votes to 32 – one more than the "
            "two-thirds needed.\n")
    _, result = generate_reference(text, "canal")
    assert not keyed(result, "68")
    assert [q for q in result.questions if "1978" in q["prompt"] or q.get("answer") == "1978"]


def test_an_abbreviated_mount_keeps_its_capital():
    assert starts_with_proper_noun("Mt. Everest (8,849 m) has marine limestone near its summit.")


INTERVIEW = """# "The Legend Is Better Than the History": 26.2 Miles of Myth

*Sports historian Dr Eleanor Marsh tells Long Stride why the event's most famous moments are misunderstood.*

**By Tomás Reilly** | *Long Stride* magazine, Issue 58 | 6 October 2025

**Long Stride: Did Pheidippides really run from Marathon to Athens?**

Almost certainly not in the way the legend says. The Battle of Marathon was fought in 490 BC.

**Long Stride: So how did a legend become an Olympic event?**

Through a Frenchman. The race was run on 10 April 1896 over about 40 km, and Spyridon Louis won it.

**Long Stride: Where does the distance of 26.2 miles come from?**

From London in 1908. The Olympic marathon started at Windsor Castle and finished at the White City Stadium.

**Long Stride: And 1908 gave us Dorando Pietri.**

Yes. Pietri entered the stadium first but collapsed several times, and the gold went to Johnny Hayes.

**Long Stride: Women were shut out for decades. What changed?**

In 1967 Kathrine Switzer entered the Boston Marathon as "K. V. Switzer" and was given bib number 261.
"""


def test_a_magazines_name_over_its_questions_is_the_interviewer_and_the_historian_answers():
    doc, result = generate_as_read(INTERVIEW, doc_id="marathon", source_format="markdown")
    assert doc.kind == "discussion" and doc.meta.get("attribution") == "Eleanor Marsh (2025)"
    answers = [q for q in result.questions if "490" in q["prompt"] or "Switzer" in q["prompt"]]
    assert answers and all(q["prompt"].startswith("According to Eleanor Marsh (2025) in ") for q in answers
                           if q["prompt"].startswith("According"))
    assert not [q for q in result.questions if "Long Stride:" in q["prompt"] or "What changed" in q["prompt"]]


def test_an_italics_mark_left_at_a_sentences_edge_is_not_shown():
    assert clean_sentence("*From a dying messenger in ancient Greece to a man running under two hours, the "
                          "marathon has been as much story as sport.") == \
        "From a dying messenger in ancient Greece to a man running under two hours, the marathon has been as " \
        "much story as sport."


def test_a_date_of_a_when_clause_opening_the_sentence_dates_no_event():
    text = ("= The canal =\n\nThe first chief engineer resigned in 1905.\n\nWhen Stevens resigned in 1907, Roosevelt "
            "handed the job to an Army engineer, George Washington Goethals.\n\nThe ship SS Ancon made the first "
            "official transit on 15 August 1914.\n\nPresident Jimmy Carter signed the treaties on 7 September 1977.\n")
    _, result = generate_reference(text, "canal")
    shown = [t for q in result.questions for t in
             [c["text"] for c in q.get("choices", [])] + [p[1] for p in q.get("pairs", [])] + q.get("sequence", [])]
    assert not [t for t in shown if t.startswith("When Stevens resigned")]


# The second blind review of new-documents-23 (after the rules above).

def test_a_thing_called_by_its_kind_at_the_head_of_a_sentence_leans_on_the_one_before():
    assert needs_previous("In 1887 the company belatedly switched to a lock design.", set())
    assert needs_previous("Between the lake and Pedro Miguel lies the Culebra Cut.", set())
    assert not needs_previous("In 1858 the company of engineers began work.", set())
    # ... unless the document's title names it: 'the river' in "Congo River" is the Congo
    river = ("Congo River\n\nThe Congo River is the second-longest river in Africa.\n\nThe river takes its name from the "
             "Kingdom of Kongo, founded c. 1390 on the lands south of its lower course.\n")
    doc, result = generate_as_read(river, doc_id="congo-river", source_format="text")
    assert [q for q in result.questions if "takes its name from" in q["prompt"]]
    canal = ("= Panama =\n\nThe French company began digging in 1881.\n\nIn 1887 the company belatedly switched to a "
             "lock design and hired Gustave Eiffel.\n")
    _, result = generate_reference(canal, "panama")
    belated = [q for q in result.questions if "the company belatedly" in q["prompt"]]
    assert belated and all("The French company began" in q["prompt"] or "the French company began" in q["prompt"]
                           for q in belated)  # shown with the sentence that names it


def test_a_landmark_named_in_the_sentence_before_gives_the_year_away():
    text = ("= Marathon =\n\nMichel Bréal proposed a race from Marathon to Athens for the first modern Olympics. The "
            "race was run on 10 April 1896 over about 40 km.\n")
    _, result = generate_reference(text, "marathon")
    assert not [q for q in result.questions if "first modern Olympics" in q["prompt"]
                and ("1896" in q.get("answer", "") or any(c["correct"] and "1896" in c["text"] for c in q.get("choices", [])))]


def test_a_decimal_head_may_ask_a_question_and_a_fault_is_named_without_its_kind():
    text = TEXTBOOK.replace("CHAPTER 3  THE RESTLESS EARTH   48\n",
                            "CHAPTER 3  THE RESTLESS EARTH   48\n\n3.3 How fast do plates move?\n")
    doc = document_from_text(text, doc_id="earth", source_format="text")
    assert "3.3 How fast do plates move?" in [s.title for s in doc.sections]
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    assert "San Andreas" in name_accepts(Fact(kind="place", text="San Andreas Fault", start=0, end=17, sentence=0))
