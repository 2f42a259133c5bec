"""Rules from the first-sight blind review of new-documents-16 (docs/reviews/verdicts-newdocs16-161-*.md):
a forum thread saved as HTML, an op-ed with YAML front matter, a typed school handout. Each test fails
without its rule."""
from quizapp.engine import pipeline
from quizapp.engine.reader import document_from_text

from asked import asked_values as asked_keys
from generating import generate_reference

OPED = """---
title: "Stop Changing the Clocks"
author: "Dr. Helena M. Vance"
date: 2024-03-08
publication: "The Lakeshore Ledger (Opinion)"
---

# Stop Changing the Clocks

*Dr. Helena M. Vance is a professor of sleep medicine at Lakeshore University. The views expressed are her own.*

I have studied human sleep for 22 years, and my answer never changes. I think we should stop. In 2018 the European Commission ran a consultation that drew 4.6 million responses, and 84% favoured ending the changes. I would go further.
"""

HANDOUT = """THE GREAT FAMINE IN IRELAND, 1845-1852
An Gorta Mor

St. Brigid's Community School - History Department
Teacher: Mr. D. Sullivan
Class: 5th Year History (5H2)        Handout 7 of 12

1. IRELAND BEFORE THE FAMINE

In 1841 the census counted 8,175,124 people in Ireland. Most lived in the countryside, and perhaps 3 million people
depended almost entirely on the potato.

2. TIMELINE

1841 - Census: population 8,175,124
1845 - blight first appears in Ireland (Aug.-Sept.)
1848 - failed Young Ireland rising at Ballingarry, Co. Tipperary
1849 - cholera epidemic; Encumbered Estates Act

3. DEATH

The winter of 1846-47 and the year that followed were so bad that 1847 became known as "Black '47". About
1 million people died between 1846 and 1851.
"""

THREAD = """<html><head><title>How bad was the tulip mania really? : AskThePast</title></head><body>
<div class="side"><p>1,914,307 readers</p></div>
<h1>How bad was the Dutch tulip mania really? Did people actually lose everything? <span class="flair">Early Modern</span></h1>
<p class="tagline">submitted 3 years ago by u/canal_house_carla</p>
<p>Every time some stock crashes, somebody posts about tulip mania. How many people were ruined?</p>
<p class="comments">212 comments share save hide report</p>
<div class="comment"><p class="tagline">u/gerrit_vd_bulb 2,836 points &middot; 3 years ago</p>
<p>The Semper Augustus reportedly fetched 5,500 guilders by 1633, and the auction at Alkmaar on 5 February 1637 raised about 90,000 guilders.</p>
<p class="buttons">permalink reply share report</p></div>
<div class="comment"><p class="tagline">u/Options_on_Onions 1,102 points &middot; 3 years ago</p>
<p>Anne Goldgar found only a handful of bankruptcies in the archives of Haarlem between 1636 and 1638.</p>
<p class="buttons">permalink parent reply share report</p></div>
</body></html>"""


def _read(text, doc_id, fmt):
    doc = document_from_text(text, doc_id=doc_id, source_format=fmt)
    return doc, pipeline.generate_documents([doc]).results[0]


def test_yaml_front_matter_gives_the_metadata_and_a_signed_first_person_piece_is_an_argument():
    doc, result = _read(OPED, "oped", "markdown")
    assert doc.meta["author"] == "Dr. Helena M. Vance" and doc.meta["publication"].startswith("The Lakeshore")
    assert doc.kind == "argument" and doc.meta["attribution"] == "Helena M. Vance (2024)"
    prompts = " ".join(q["prompt"] for q in result.questions)
    assert "professor of sleep medicine" not in prompts  # the author's note under the title
    assert "title:" not in prompts and result.questions


def test_a_forum_thread_saved_as_html_is_a_discussion_titled_by_its_question_without_its_flair():
    doc, result = _read(THREAD, "tulips", "html")
    assert doc.kind == "discussion"
    assert doc.title == "How bad was the Dutch tulip mania really? Did people actually lose everything?"
    prompts = " ".join(q["prompt"] for q in result.questions)
    assert "share save hide" not in prompts and "points" not in prompts
    assert "5,500" in asked_keys(result) or "1633" in asked_keys(result)


def test_a_handouts_header_is_no_sentence_and_its_timeline_is_a_list():
    doc, result = _read(HANDOUT, "famine", "text")
    prompts = " ".join(q["prompt"] for q in result.questions)
    assert "Teacher:" not in prompts and "History Department" not in prompts
    timeline = [p for p in doc.paragraphs if "1841 - Census" in doc.text[p.start:p.end]]
    assert timeline and timeline[0].kind == "list"
    assert not [s for s in doc.sentences if s.text.strip() == "Tipperary"]  # 'Co. Tipperary' is one name


def test_a_year_given_in_short_and_most_without_its_noun_are_cues_and_references():
    from quizapp.engine.anaphora import needs_previous
    assert needs_previous("Most lived in the countryside, and the poorest third depended on the potato.", set())
    assert needs_previous("That is why the AASM called for permanent standard time in 2020.", set())
    assert needs_previous("The bill would have made daylight saving time permanent in 2022.", set())
    assert needs_previous('In Sept. 1845 the "Gardeners\' Chronicle" announced it had appeared in Ireland.', set())
    doc, result = _read(HANDOUT, "famine", "text")
    keys = asked_keys(result)
    assert not [k for k in keys if "1846" in k and "47" in k]  # 'the winter of _____ … "Black '47"'


def test_a_glossary_line_with_dot_leaders_is_a_glossary_entry():
    from quizapp.engine.structure import GLOSS_ENTRY
    assert GLOSS_ENTRY.fullmatch("outdoor relief ......... help (food, money) given outside the workhouse")
    assert GLOSS_ENTRY.fullmatch("Caldera - a large, bowl-shaped hollow formed when the ground collapses")


def test_the_documents_own_year_a_task_set_moderation_and_dot_leader_lines_are_not_asked():
    from quizapp.engine.anaphora import TO_THE_READER
    assert TO_THE_READER.match("Homework: answer (c) and (d), approx. 150-200 words each, due Mon.")
    text = ("= Tulips =\n\nThe mania peaked in 1637. Prices collapsed in February 1637. Courts sat in 1637 and again "
            "in 1637. The story was retold in 1637 by pamphleteers, and the bulbs of 1634 were cheap.\n\n"
            "== Glossary ==\n\noutdoor relief ......... help (food, money) given outside the workhouse after 1847.\n")
    doc, result = generate_reference(text, "tul")
    keys = asked_keys(result)
    assert "1637" not in keys  # named all through: the year a student types into any blank year
    assert "1847" not in keys  # a glossary line with dot leaders
    thread = THREAD.replace("</body>", "<div class=\"comment\"><p class=\"tagline\">u/mod 5 points &middot; 3 years "
                            "ago</p><p>Top-level answers here need to be in-depth; this comment was removed by the "
                            "moderators in 2021 under rule 3.</p></div></body>")
    doc, result = _read(thread, "tulips2", "html")
    assert not [q for q in result.questions if "moderators" in q["prompt"] or "Top-level" in q["prompt"]
                or "top-level" in q["prompt"]]


def test_a_hedged_likewise_sets_no_second_answer_beside_the_first():
    text = ("= Migration =\n\nThere was direct migration from Finland to the USSR during the depression era. Presumably "
            "similar proportions of the Polish, Romanian and Baltic state populations did likewise.\n")
    doc, result = generate_reference(text, "fin")
    assert "Finland" in asked_keys(result)
