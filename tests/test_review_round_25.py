"""Rules from the second review of new-documents-24 and the first-sight review of new-documents-25
(docs/reviews/verdicts-set24-second-*.md, verdicts-set25-first-*.md): a school debate's transcript (stage
notes, an end-of-recording note, several speakers), an abbreviation the text spells out, an open list of
people, a school of a university. Each test fails without its rule."""
from quizapp.engine.accepts import name_accepts
from quizapp.engine.cleaning import clean_sentence
from quizapp.engine.model import Fact
from quizapp.engine.pipeline import expansion_beside
from quizapp.engine.stems import attribution_for
from quizapp.engine.structure import furniture_line

from generating import generate_as_read, generate_reference, keyed

DEBATE = """# Debating Society Transcript: "This House believes the suffragettes' tactics helped women win the vote"

*Year 11 History & Debating Society, lunchtime debate. Transcribed by the society secretary, 14 March 2025.*

---

**CHAIR:** Good afternoon, everyone. [chatter dies down] Today's motion is about the suffragettes. Priya, you open.

**Priya (for the motion):** Thank you. [applause] On 10 October 1903, Emmeline Pankhurst founded the Women's Social and Political Union, the WSPU, at her home in Manchester. [pause] In October 1905, Christabel Pankhurst and Annie Kenney interrupted a Liberal Party meeting at the Free Trade Hall.

**CHAIR:** Thank you. Tom, opening against.

**Tom (against):** Thanks. The National Union of Women's Suffrage Societies, the NUWSS, was formed in 1897, six years before the WSPU. By 1914 it had over 50,000 members.

**CHAIR:** Thank you, Tom. Daniel, second speaker for the motion.

**Daniel (for the motion):** On 4 June 1913, at the Epsom Derby, Emily Wilding Davison walked onto the course and was struck by the King's horse.

**CHAIR:** Grace, closing for the opposition.

**Grace (against):** The Representation of the People Act, passed in February 1918, gave the vote to women over 30 who met a property qualification.

*[End of recording — 41 min 12 s]*
"""


def _debate():
    return generate_as_read(DEBATE, doc_id="debate", source_format="markdown")


def test_a_transcripts_notes_are_nobodys_words():
    assert furniture_line("*[End of recording — 41 min 12 s]*")
    assert clean_sentence("Thank you. [applause] On 10 October 1903, she founded the WSPU. [pause]") == \
        "Thank you. On 10 October 1903, she founded the WSPU."
    _, result = _debate()
    shown = " ".join(q["prompt"] for q in result.questions)
    assert "End of recording" not in shown and "[pause]" not in shown and "[applause]" not in shown


def test_a_question_on_several_speakers_sentences_is_credited_to_the_debate():
    doc, result = _debate()
    assert attribution_for(doc, quoted=False) == f"According to “{doc.title}”, "
    # each sentence of a turn is still its speaker's
    tom = next(s for s in doc.sentences if "NUWSS" in s.text)
    assert attribution_for(doc, quoted=False, sentence=tom).startswith("According to Tom")
    several = [q for q in result.questions if q["type"] in ("matching", "ordering", "multiple_response")
               or q["prompt"].startswith("Which of these")]
    for q in several:
        assert "According to Priya" not in q["prompt"], q["prompt"]


def test_an_abbreviation_the_text_spells_out_accepts_the_full_name():
    assert expansion_beside("WSPU", DEBATE) == "Women's Social and Political Union"
    assert expansion_beside("NUWSS", DEBATE) == "National Union of Women's Suffrage Societies"
    _, result = _debate()
    for q in result.questions:
        if q["type"] == "short_answer" and q["answer"] == "WSPU":
            assert "Women's Social and Political Union" in q["accept"]


def test_one_of_an_open_list_of_people_is_not_asked():
    text = ("= The Great Fire =\n\nSeveral grand new street plans were drawn up, including one by Christopher Wren, "
            "but none was adopted.\n\nJohn Evelyn and Robert Hooke also wrote about the fire in 1666.\n")
    _, result = generate_reference(text, "fire")
    assert not [q for q in result.questions if "including one by" in q["prompt"]]


def test_a_school_of_a_university_also_accepts_the_university():
    fact = Fact(kind="org", text="University of Birmingham Medical School", start=0, end=39, sentence=0)
    assert "University of Birmingham" in name_accepts(fact)


def test_a_debaters_imperative_is_no_claim():
    from quizapp.engine.anaphora import TO_THE_READER
    assert TO_THE_READER.match("Second, look at what militancy became after 1912: window-smashing and arson.")
    assert not TO_THE_READER.match("Second-wave feminism began in the 1960s.")


def test_a_name_cut_short_at_an_initial_is_not_asked():
    text = ('= Apollo 13 =\n\nOn board were commander James A. Lovell Jr., command module pilot John L. "Jack" '
            'Swigert Jr. and lunar module pilot Fred W. Haise Jr.\n')
    _, result = generate_reference(text, "apollo")
    assert not keyed(result, "John L.")


# The second blind review of new-documents-25 (after the rules above): 26/30, two typed-name C2s and a cue.

def test_a_persons_suffix_and_a_surname_of_two_words_are_accepted():
    lovell = name_accepts(Fact(kind="person", text="James A. Lovell Jr.", start=0, end=19, sentence=0))
    assert "Lovell" in lovell and "James Lovell" in lovell and "Jr." not in lovell
    assert "Lloyd George" in name_accepts(Fact(kind="person", text="David Lloyd George", start=0, end=18, sentence=0))


def test_a_figure_the_stems_title_holds_is_not_asked():
    text = ('# "Houston, we\'ve had a problem": Apollo 13, 55 years on\n\nThe crew of three came home alive in '
            "April 1970. Fifty-five years on, it is hard to argue: the Moon was missed, but three people came home.\n")
    doc, result = generate_as_read(text, doc_id="apollo", source_format="markdown")
    assert not keyed(result, "55", "Fifty-five")
