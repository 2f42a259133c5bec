"""Rules from the first-sight blind review of new-documents-15 (docs/reviews/verdicts-newdocs15-151-*.md):
a news feature, an open letter and lecture notes. Each test fails without its rule."""
from quizapp.engine import pipeline
from quizapp.engine.reader import document_from_text

from asked import asked_values as asked_keys
from generating import by_type, generate_reference

LETTER = """OPEN LETTER TO THE CITY COUNCIL OF PORT CALDER

14 March 2025

Dear Mayor Bellweather and Councilmembers,

I am writing to urge you to vote NO on Resolution 2025-17, as I have lived here for 31 years. I believe that would be a serious mistake, and I would like to explain why in plain numbers.

Calder Bend's two units have a combined net capacity of 2,240 MW. In plain terms, the station produces about 18 TWh a year -- 2,240 MW x 8,760 hours x 0.924 comes to roughly 18.1 TWh. Our entire Climate Action Plan aims to cut city-wide emissions by 1.1 million tonnes by 2030.

Unit 1 entered service in 1985 and Unit 2 in 1988. The plant employs about 780 permanent staff in 2024.

Sincerely,

Elaine M. Vasquez-Hart

Dr. Elaine M. Vasquez-Hart, P.E.
Senior Reliability Engineer (ret.), Tri-County Transmission Authority, 1994-2022
e.vasquezhart@example.net
"""


def _read(text, doc_id, fmt):
    doc = document_from_text(text, doc_id=doc_id, source_format=fmt)
    return doc, pipeline.generate_documents([doc]).results[0]


def test_a_signed_letter_is_an_argument_and_its_signature_block_is_furniture():
    doc, result = _read(LETTER, "letter", "text")
    assert doc.kind == "argument" and doc.meta["attribution"] == "Elaine M. Vasquez-Hart (2025)"
    prompts = " ".join(q["prompt"] for q in result.questions)
    assert "Tri-County" not in prompts and "example.net" not in prompts and "1994-2022" not in prompts


def test_a_sentence_that_opens_with_our_or_we_is_the_writers_own():
    from quizapp.engine.anaphora import FIRST_PERSON
    assert FIRST_PERSON.search("Our entire Climate Action Plan aims to cut emissions by 2030.")
    assert FIRST_PERSON.search("We retrace the campaign, 110 years after the 1913 Derby.")
    assert not FIRST_PERSON.search("US forces landed in 1944.")
    doc, result = _read(LETTER, "letter", "text")
    assert "1.1 million" not in asked_keys(result) and "Climate Action Plan" not in asked_keys(result)


def test_a_units_symbol_a_labels_number_and_the_figures_of_a_shown_calculation_are_not_asked():
    doc, result = _read(LETTER, "letter", "text")
    keys = asked_keys(result)
    assert not {"MW", "1", "8,760", "0.924", "18.1"} & keys
    prompts = [q["prompt"] for q in result.questions]
    assert [p for p in prompts if "Unit 1 entered service in" in p]  # the label keeps its capital
    assert "1985" in keys or "1988" in keys


def test_do_so_points_back_and_a_span_of_hours_is_no_they():
    from quizapp.engine.anaphora import needs_previous
    assert needs_previous("The first woman to do so was Nancy Astor, elected at Plymouth in November 1919.", set())
    assert needs_previous("For six hours they were assaulted by police and bystanders.", set())
    assert not needs_previous("The women did so much for the cause in 1910.", set())


def test_trebled_between_two_figures_gives_one_from_the_other():
    text = ("= Votes =\n\nAbout 8.4 million women were enfranchised, and the electorate roughly trebled, from c. 7.7 "
            "million to 21.4 million.\n\nThe campaign had 5,000 members in 1908 and held 30 meetings in 1909.\n")
    doc, result = generate_reference(text, "votes")
    keys = asked_keys(result)
    assert not {"7.7 million", "21.4 million"} & keys
    assert "8.4 million" in keys


def test_an_event_keeps_no_apposition_of_its_date_and_none_with_a_date_of_its_own():
    text = ("= Suffrage =\n\n== Events ==\n\nIn 1903 Emmeline Pankhurst founded the Women's Social and Political Union "
            "in Manchester.\n\nIn 1905 Christabel Pankhurst and Annie Kenney interrupted a Liberal meeting at the Free "
            "Trade Hall.\n\nOn 18 November 1910, a day remembered as Black Friday, some 300 women marched on "
            "Parliament Square.\n\nIn 1913 Emily Wilding Davison ran onto the course at the Epsom Derby.\n\n"
            "In 1918 Parliament passed an act that gave the vote to women over 30 on 6 February.\n")
    doc, result = generate_reference(text, "suff", "text")
    options = [c["text"] for q in by_type(result, "multiple_choice") if "what happened" in q["prompt"].lower()
               for c in q["choices"]]
    assert options
    assert not [o for o in options if "a day remembered" in o.lower()]
    assert not [o for o in options if "6 February" in o]


def test_a_list_item_that_is_a_whole_sentence_of_its_own_is_asked_and_others_are_not():
    text = ("# Lecture 9\n\n## Pigments\n\nBy the end of this lecture students should be able to:\n\n"
            "1. Write the overall balanced equation for photosynthesis and say where each atom ends up.\n"
            "2. Compare C3, C4 and CAM plants.\n\n"
            "- Carotenoids (e.g. beta-carotene) absorb 400–500 nm and protect against excess light.\n"
            "- Green light is absorbed less well; it is reflected by 70 percent of leaves.\n\n"
            "## Findings\n\n"
            "1. The tank had first been fitted to the Apollo 10 service module in 1968.\n"
            "2. The heater switches were rated for 28 volts. A 1965 change allowed 65-volt ground power at the site.\n")
    doc, result = generate_reference(text, "notes", "markdown")
    keys = asked_keys(result)
    assert "400–500" in keys  # a sentence in a list, standing alone
    assert "70 percent" not in keys  # 'it is reflected': what 'it' is, the item before says
    assert "1968" not in keys  # 'The tank …': the thing the list is about
    assert "1965" not in keys  # the second sentence of an item goes on from its first
    from quizapp.engine.stems import list_item_stands_alone
    assert not list_item_stands_alone("Raise the federal floor from $7.25, which has lost value since 2009.", set())


def test_a_value_the_next_sentences_give_for_the_same_thing_is_no_false_value():
    # post-fix review of new-documents-15 (C3): 'Natural gas … plants come in at about 400 g' offered as false,
    # where two sentences on the writer takes 'a conservative 400 g per kWh' for gas
    text = ("= Carbon =\n\n== Arithmetic ==\n\nNatural gas combined-cycle plants come in at about 490 g, coal at about "
            "820 g. If the station closes, the realistic replacement is gas. Even at a conservative 400 g per kWh, "
            "replacing the station with gas would add roughly 7.2 million tonnes of CO2 a year.\n\n"
            "== Other ==\n\nA wind farm emits about 11 g. A solar farm emits about 48 g. Hydro emits about 24 g.\n")
    doc, result = generate_reference(text, "gas")
    gas = [q for q in result.questions if "Natural gas" in q["prompt"] or "natural gas" in q["prompt"]]
    assert gas
    for q in gas:
        assert "400 g" not in q["prompt"], q["prompt"]
        assert not [c for c in q.get("choices", []) if c["text"].startswith("400")]


def test_a_country_before_a_noun_and_a_date_in_brackets_after_a_name_are_incidental():
    text = ("= Power =\n\nFor comparison, the U.S. nuclear fleet has averaged a capacity factor of around 90% since 2004. "
            "In late 2006, beekeepers in the United States began reporting sudden losses of hives.\n\n"
            "== History ==\n\nJan Baptist van Helmont (c. 1640s, published 1648) grew a 5 lb willow in 200 lb of soil "
            "for five years. The system was replaced by Stakhanovism (August 1935) in the mines.\n")
    doc, result = generate_reference(text, "pw")
    typed = {q["answer"] for q in by_type(result, "short_answer")}
    keys = asked_keys(result)
    assert "U.S." not in typed
    assert "United States" in typed  # the subject of 'began', not an adjective
    assert "1648" not in keys
    assert "August 1935" in keys  # a date in brackets that is the sentence's point
