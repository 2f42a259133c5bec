"""Rules from the first-sight blind review of new-documents-26 (docs/reviews/verdicts-set26-first-*.md): an
encyclopedia biography copied as plain text (title block, flattened infobox), a volcano FAQ page, lecture
slides. Each test fails without its rule."""
from quizapp.engine.accepts import name_accepts
from quizapp.engine.model import Fact
from quizapp.engine.sentences import split_sentences

from generating import generate_as_read, generate_reference

BIO = """Rosalind Franklin
From the free encyclopedia
British chemist and X-ray crystallographer (1920–1958)

Rosalind Franklin
Born: 25 July 1920, Notting Hill, London, England
Died: 16 April 1958 (aged 37), Chelsea, London, England
Cause of death: Ovarian cancer
Resting place: Willesden United Synagogue Cemetery
Education: St Paul's Girls' School
Alma mater: Newnham College, Cambridge (B.A. 1941; Ph.D. 1945)
Known for: Photo 51; X-ray studies of DNA, coal, graphite and viruses
Awards: none in her lifetime
Spouse: none

Rosalind Elsie Franklin (25 July 1920 – 16 April 1958) was a British chemist and X-ray crystallographer whose
work was central to the understanding of the molecular structures of DNA, RNA, viruses, coal and graphite.

Early life
Franklin was born in Notting Hill, London, into a prominent British Jewish family. She studied natural
sciences at Newnham College, Cambridge, from 1938 and passed her finals in 1941.
"""


def test_an_encyclopedias_title_block_and_flattened_infobox():
    doc, result = generate_as_read(BIO, doc_id="rosalind-franklin-biography", source_format="text")
    assert doc.title == "Rosalind Franklin"
    shown = " ".join(q["prompt"] for q in result.questions)
    assert "Born:" not in shown and "born:" not in shown and "aged 37" not in shown
    assert "1938" in shown or any(q.get("answer") == "1938" for q in result.questions)


def test_a_time_zone_after_a_m_is_no_sentence_break():
    text = "At 8:32 a.m. Pacific Daylight Time on 18 May 1980, a magnitude 5.1 earthquake struck. The face slid away."
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))][0].startswith("At 8:32 a.m. Pacific")


def test_a_mountain_is_also_named_without_mount():
    assert "Tambora" in name_accepts(Fact(kind="place", text="Mount Tambora", start=0, end=13, sentence=0))


def test_a_description_is_no_event_of_its_year():
    text = ("= Photo 51 =\n\nIn January 1951 Franklin moved to King's College London. In May 1952 Photo 51 is an "
            "X-ray diffraction photograph of DNA taken by Raymond Gosling. In March 1953 she moved to Birkbeck. "
            "In 1962 Watson, Crick and Wilkins shared the Nobel Prize.\n")
    _, result = generate_reference(text, "photo")
    options = [c["text"] for q in result.questions for c in q.get("choices", [])] + \
        [t for q in result.questions for t in q.get("sequence", [])] + \
        [p[1] for q in result.questions for p in q.get("pairs", [])]
    assert not [o for o in options if o.startswith("Photo 51 is")]
