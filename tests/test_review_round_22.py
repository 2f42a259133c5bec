"""Rules from the first-sight blind review of new-documents-22 (docs/reviews/verdicts-set22-first-*.md): a
message board copied as plain text (post heads, member lines, 'Reply Quote Report', signatures, a quoted
post), a list of captions, a writer's label before a sentence, a body called by its kind, and a name two
bodies of the text share. Each test fails without its rule."""
import re

from quizapp.engine.anaphora import needs_previous
from quizapp.engine.factindex import NumberStyle
from quizapp.engine.pipeline import SHARED_NAME
from quizapp.engine.sentences import split_sentences
from quizapp.engine.stems import clean_sentence
from quizapp.engine.structure import furniture_line

from generating import generate_as_read, generate_reference

BOARD = """Coast & Light Heritage Forum
Home > Maritime History > Lighthouses > Famous keepers — who's your favourite?

Thread: Famous keepers — who's your favourite? (and what really happened?)
Page 1 of 1  |  Replies: 2  |  Views: 1,284

------------------------------------------------------------
#1  Posted 03 Oct 2026, 19:12
Stormlantern
Member  |  Joined: Mar 2019  |  Posts: 412

Quick summary: Grace was born on 24 November 1815, the daughter of William Darling, keeper of the Longstone Lighthouse on the Farne Islands. In the early hours of 7 September 1838 the paddle steamer SS Forfarshire, on passage from Hull to Dundee, struck Big Harcar rock.

--
Stormlantern  |  "Keep the light burning."  |  Currently reading: The Lighthouse Stevensons (B. Bathurst)

Reply   Quote   Report

------------------------------------------------------------
#2  Posted 03 Oct 2026, 20:47
HebrideanHaar
Senior Member  |  Joined: Nov 2014  |  Posts: 2,937

> Quote from Stormlantern:
> Grace Darling was born on 24 November 1815.

Great replies. @Stormlantern — fair point. The reef is about 14 miles (approx. 22 km) south-west of Plymouth:
1. John Smeaton's granite tower, lit in October 1759, built from interlocking (dovetailed) blocks.
2. James Douglass's tower for Trinity House, completed in 1882 and still in use.

The light on Eilean Mòr, west of Lewis in the Outer Hebrides, was first lit in December 1899. Grace Darling is buried in St Aidan's churchyard, Bamburgh.

Reply   Quote   Report

------------------------------------------------------------
Users browsing this thread: 3 (1 member, 2 guests)
"""


def _board():
    return generate_as_read(BOARD, doc_id="board", source_format="text")


def test_a_message_board_is_a_discussion_titled_by_its_thread_and_its_posts_are_posts():
    doc, result = _board()
    assert doc.kind == "discussion"
    assert doc.title == "Famous keepers — who's your favourite? (and what really happened?)"
    published = [q for q in result.questions if q["status"] == "published"]
    assert published
    assert all(q["prompt"].startswith(("According to one post in the Coast & Light Heritage Forum thread on “Famous keepers",
                                       "According to the opening post in the Coast & Light Heritage Forum thread on “Famous"))
               or q["prompt"].startswith(("Match each", "Which of these", "Put ")) for q in published), \
        [q["prompt"][:90] for q in published]
    assert {q["prompt"].split(" in the Coast")[0] for q in published if q["prompt"].startswith("According")} == \
        {"According to one post", "According to the opening post"}


def test_the_chrome_of_a_board_is_never_asked():
    for line in ("#1  Posted 03 Oct 2026, 19:12", "Reply   Quote   Report", "> Quote from HebrideanHaar:",
                 "Users browsing this thread: 3 (1 member, 2 guests)", "Page 1 of 1  |  Replies: 5  |  Views: 1,284"):
        assert furniture_line(line), line
    assert not furniture_line("The light was first lit in December 1899.")
    _, result = _board()
    shown = " ".join(q["prompt"] + " " + " ".join(c["text"] for c in q.get("choices", [])) for q in result.questions)
    for chrome in ("Posted", "Joined", "Posts:", "Stormlantern", "HebrideanHaar", "Reply", "Stevensons", "Bathurst",
                   "@", "fair point", "Users browsing"):
        assert chrome not in shown, chrome


def test_a_list_of_captions_is_not_asked_as_sentences():
    _, result = _board()
    assert not [q for q in result.questions if "Smeaton" in q["prompt"] or "Douglass" in q["prompt"]]
    assert [q for q in result.questions if "Eilean Mòr" in q["prompt"]]  # the post's prose still is


def test_a_writers_label_before_a_sentence_is_left_out_of_the_stem():
    assert clean_sentence("Quick summary: Grace Darling was born on 24 November 1815.") == \
        "Grace Darling was born on 24 November 1815."
    assert clean_sentence("Article 5: Workers are fined.").startswith("Article 5")  # a number is the text's own
    _, result = _board()
    assert not [q for q in result.questions if "summary" in q["prompt"].lower()]


def test_a_body_called_by_its_kind_alone_leans_on_the_sentence_before():
    assert needs_previous("Robert Fortune travelled through China in disguise for the Company.", set())
    assert not needs_previous("Robert Fortune travelled through China for the East India Company.", set())
    assert not needs_previous("The Company of Stationers kept a register of books.", set())


def test_a_name_two_bodies_of_the_text_share_is_not_typed_and_one_longer_form_is_accepted():
    tea = ("= Tea =\n\nThe Dutch East India Company shipped the first tea to Europe c. 1610. The English East India "
           "Company, chartered on 31 December 1600, came to dominate the trade.\n\nThe Tea Act of 1773 allowed the "
           "East India Company to sell tea directly to the colonies.\n")
    _, result = generate_reference(tea, "tea")
    assert not [q for q in result.questions if q["type"] == "short_answer" and q["answer"] == "East India Company"]
    assert any(r["reason"].startswith(SHARED_NAME) for r in result.rejected)
    one = tea.replace("The Dutch East India Company", "The Dutch traders")
    _, result = generate_reference(one, "tea")
    typed = [q for q in result.questions if q["type"] == "short_answer" and q["answer"] == "East India Company"]
    assert typed and all("English East India Company" in q["accept"] for q in typed)


def test_a_number_word_in_capitals_gets_options_in_capitals():
    assert NumberStyle.of("SIX").format(4) == "FOUR"
    assert NumberStyle.of("Six").format(4) == "Four"
    assert NumberStyle.of("six").format(4) == "four"


def test_a_reply_to_a_member_opens_a_sentence_of_its_own():
    text = "Great replies. @Lime_Rock_Lucy — fair point. Worth adding Abbie Burgess too."
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == \
        ["Great replies.", "@Lime_Rock_Lucy — fair point.", "Worth adding Abbie Burgess too."]


UNIFORM = """Ashbrook Parents' Board
THREAD: £286 for Year 7 uniform?! Are branded items even allowed any more?

DadAtTheGates
Posted 12/09/2023 21:37

There IS a law: the Education (Guidance about Costs of School Uniforms) Act 2021. Still, the guidance is hard to square with SIX logo items at some schools, so OP has something concrete to ask about.

Quote | Report

PTA_Sarah
Posted 13/09/2023 19:02

Late to this but wanted to add: our PTA runs a pre-loved uniform shop at the Friday gate and online. Blazers £5, jumpers £2, PE kit £1–£3, and nobody is turned away if they can't pay. We took in over 600 items in July alone.

Quote | Report

------------------------------------------------------------
Page 1 of 1 | Back to Uniform
You must be logged in to reply. Log in | Register
Please read our Community Guidelines before posting.
"""


def test_capitals_for_stress_forum_jargon_and_a_label_on_a_thing_are_not_typed():
    doc, result = generate_as_read(UNIFORM, doc_id="uniform", source_format="text")
    typed = {q["answer"] for q in result.questions if q["type"] == "short_answer"}
    assert not typed & {"IS", "SIX", "OP", "PE"}, typed
    shown = " ".join(q["prompt"] for q in result.questions)
    assert "Guidelines" not in shown and "logged in" not in shown
    assert furniture_line("Please read our Community Guidelines before posting.")
    assert [q for q in result.questions if "2021" in q["prompt"] or "£5" in q["prompt"]]  # the posts' facts still are


def test_a_title_after_the_blank_is_a_gender_cue():
    tea = ("= Tea =\n\nAfternoon tea is traditionally credited to Anna Russell, 7th Duchess of Bedford, c. 1840. "
           "Samuel Pepys, the diarist, first drank tea in 1660. Thomas Twining opened Tom's Coffee House in 1706. "
           "William Pitt cut the tax on tea in 1784.\n")
    _, result = generate_reference(tea, "tea")
    assert not [q for q in result.questions if q["type"] == "multiple_choice"
                and any(c["correct"] and c["text"] == "Anna Russell" for c in q["choices"])]


def test_a_given_name_alone_is_shown_in_full_when_the_text_names_one_such_person():
    _, result = _board()
    born = [q for q in result.questions if "was born on" in q["prompt"]]
    assert born and all("Grace Darling was born on" in q["prompt"] for q in born)
    two = BOARD.replace("Grace Darling is buried", "Grace Darling and Grace Kelly are buried")
    _, result = generate_as_read(two, doc_id="board2", source_format="text")
    prompts = [q["prompt"] for q in result.questions]
    assert not [p for p in prompts if "Grace Darling was born" in p]  # two Graces: the name is left as written


# The second blind review of new-documents-22 (after the rules above): 25/30, two C2.

def test_a_projection_year_is_a_year():
    _, result = generate_reference("= Resistance =\n\nThe review warned of up to 10 million deaths a year by 2050 if "
                                   "no action were taken.\n", "amr")
    years = [q for q in result.questions if q["type"] == "numeric" and q["answer"] == "2050"]
    assert years and all("(Give the year.)" in q["prompt"] for q in years)
    assert not [k for k, w in _pairs(result) if k == "2050" and not w.isdigit()]
    assert all(abs(int(w) - 2050) < 60 for k, w in _pairs(result) if k == "2050")


def _pairs(result):
    for q in result.questions:
        if q["type"] == "true_false" and q["choices"][1]["correct"]:
            m = re.fullmatch(r"Correct: the text gives (.+), not (.+)\.", q["choices"][1]["feedback"])
            if m:
                yield m.group(1), m.group(2)


def test_a_blank_never_splits_a_word_written_in_two_styles():
    text = "# MRSA\n\nResistance is due to the mecA gene, carried on a mobile genetic element called SCC*mec*.\n"
    doc, result = generate_as_read(text, doc_id="mrsa", source_format="markdown")
    assert not [q for q in result.questions if q.get("answer") == "SCC"]


def test_a_date_the_sentence_counts_from_another_is_not_asked():
    text = ("= Flannan Isles =\n\nThe light on Eilean Mòr was first lit in December 1899. Barely a year later, in "
            "December 1900, all three keepers vanished.\n")
    _, result = generate_reference(text, "flannan")
    assert not [q for q in result.questions if "Barely a year later" in q["prompt"] and "1900" not in q["prompt"]]
    assert not [w for k, w in _pairs(result) if k == "December 1900"]


def test_a_place_named_with_its_kind_also_accepts_the_name_alone():
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    assert "Hong Kong" in name_accepts(Fact(kind="place", text="Hong Kong Island", start=0, end=16, sentence=0))
    assert "New York" in name_accepts(Fact(kind="place", text="New York City", start=0, end=13, sentence=0))


def test_an_abbreviation_at_the_head_of_a_longer_name_is_not_typed():
    text = ("# AMR\n\nIn 2015 the World Health Assembly adopted the WHO **Global Action Plan on Antimicrobial "
            "Resistance**.\n")
    doc, result = generate_as_read(text, doc_id="amr", source_format="markdown")
    assert not [q for q in result.questions if q["type"] == "short_answer" and q["answer"] == "WHO"]
