"""Rules from the first-sight blind review of new-documents-24 (docs/reviews/verdicts-set24-first-*.md): a local
history page with readers' comments, and a study guide whose 'he' the sentence shown before does not name.
Each test fails without its rule."""
from quizapp.engine.reader import document_from_text

from generating import generate_as_read, generate_reference

PAGE = """<html><head><title>The Great Fire of London</title></head><body>
<h1>The Great Fire of London</h1>
<p>The fire began in Thomas Farriner's bakery in Pudding Lane in the early hours of 2 September 1666. It destroyed
some 13,200 houses and 87 parish churches before it was put out on 6 September.</p>
<p>The Monument, designed by Christopher Wren and Robert Hooke, was completed in 1677 and stands 202 feet high.</p>
<p>Samuel Pepys buried his Parmesan cheese and wine in his garden on 4 September 1666, and John Evelyn described
the ruins of Old St Paul's, whose roof lead had melted and run into the streets.</p>
<p>The Rebuilding Act of 1667 required new houses to be built of brick or stone, in four classes set by the width of
the street, and a tax on coal paid for the rebuilding of the churches and of St Paul's Cathedral.</p>
<section class="comments" id="comments">
  <h2>Comments (2)</h2>
  <div class="comment"><p class="comment-meta"><strong>Patricia N.</strong> &middot; 14 September 2026</p>
  <p>Lovely page. We climbed the Monument with the grandchildren last month, all 311 steps!</p></div>
  <div class="comment"><p class="comment-meta"><strong>Dr. Alan Fairbrother</strong> &middot; 2 October 2026</p>
  <p>Small correction. The inscription added to the Monument in 1681 was not removed until 1830.</p></div>
</section>
</body></html>
"""


def test_readers_comments_under_a_page_are_never_asked():
    doc, result = generate_as_read(PAGE, doc_id="fire", source_format="html")
    shown = " ".join(q["prompt"] for q in result.questions)
    assert "311" not in shown and "1681" not in shown and "Lovely page" not in shown
    assert "1677" in shown or any(q.get("answer") == "1677" for q in result.questions)


def test_a_thread_saved_as_html_keeps_its_posts():
    thread = ("<html><body><h1>Tulip mania</h1><div class='comments'>"
              + "".join(f"<div class='comment'><p>Post {k}: the Semper Augustus bulb reportedly sold for 10,000 "
                        f"guilders in early 1637, when the market collapsed in February 1637.</p></div>" for k in range(3))
              + "</div></body></html>")
    doc = document_from_text(thread, doc_id="tulips", source_format="html")
    assert any(p.kind == "prose" for p in doc.paragraphs)


def test_a_he_the_sentence_shown_before_does_not_name_is_not_asked():
    text = ("= Smallpox =\n\n## Jenner and James Phipps\n\nEdward Jenner was a country doctor in Berkeley. Local "
            "people believed that milkmaids who caught cowpox, a mild cattle disease, did not get smallpox. On 14 May "
            "1796 he tested the idea.\n")
    _, result = generate_reference(text, "smallpox", source_format="markdown")
    assert not [q for q in result.questions if "he tested the idea" in q["prompt"]
                and "Edward Jenner" not in q["prompt"]]


def test_early_mid_or_late_in_a_year_gets_options_of_the_same_part_in_other_years():
    text = ("= Cadbury =\n\nIn early 2010, the American food giant Kraft Foods bought Cadbury in a hostile takeover "
            "worth approx. £11.5 billion.\n")
    _, result = generate_reference(text, "cadbury")
    options = [[c["text"] for c in q["choices"]] for q in result.questions if q["type"] == "multiple_choice"
               and any(c["correct"] and c["text"] == "early 2010" for c in q["choices"])]
    assert options and all(len({o.split()[1] for o in opts}) == 4 and all(o.startswith("early ") for o in opts)
                           for opts in options), options


def test_an_aside_in_brackets_is_no_context():
    text = ("= Chocolate =\n\nIn 1893 George Cadbury began building a model village at Bournville. (Bournville "
            "famously had no public houses.) In York, Joseph Rowntree followed the same path, founding New Earswick "
            "in 1902.\n")
    _, result = generate_reference(text, "choc")
    assert not [q for q in result.questions if "public houses" in q["prompt"]]
