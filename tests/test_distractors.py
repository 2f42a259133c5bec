"""Distractors: same type and format as the key, never equal to it, never also true."""
import re
from pathlib import Path

import pytest

from quizapp.engine.distractors import choose_distractors
from quizapp.engine.factindex import FactIndex, NumberStyle, number_to_words, unit_stems
from quizapp.engine.facts import extract_facts
from quizapp.engine.normalize import parse_number
from quizapp.engine.reader import load_sources

SOURCES = Path(__file__).resolve().parents[1] / "questions" / "sources"


@pytest.fixture(scope="module")
def corpus():
    docs = load_sources(SOURCES)
    facts = {d.id: [f for s in d.sentences for f in extract_facts(s)] for d in docs}
    return docs, facts, FactIndex(docs, facts)


def find(corpus, doc_prefix, text, kind=None):
    docs, facts, _ = corpus
    doc = next(d for d in docs if d.id.startswith(doc_prefix))
    for f in facts[doc.id]:
        if f.text == text and (kind is None or f.kind == kind):
            return doc, f
    raise AssertionError(f"no fact {text!r}")


def distractors_for(corpus, doc_prefix, text, kind=None):
    docs, facts, index = corpus
    doc, f = find(corpus, doc_prefix, text, kind)
    stem = doc.sentences[f.sentence].text
    return f, choose_distractors(f, doc.id, stem, index)


def test_percentages_get_percentages_written_the_same_way(corpus):
    key, ds = distractors_for(corpus, "foreign", "88 percent")
    assert len(ds) == 3
    assert all(re.fullmatch(r"\d+ percent", d) for d in ds), ds
    assert "88 percent" not in ds


def test_years_get_nearby_years(corpus):
    key, ds = distractors_for(corpus, "foreign", "1930", "year")
    assert len(ds) == 3
    assert all(re.fullmatch(r"\d{4}", d) and 1 <= abs(int(d) - 1930) <= 6 for d in ds), ds


def test_people_get_people(corpus):
    key, ds = distractors_for(corpus, "the-crisis", "P. Moskatov")
    _, facts, _ = corpus
    people = {f.text for fs in facts.values() for f in fs if f.kind == "person"}
    assert len(ds) >= 2 and set(ds) <= people and "P. Moskatov" not in ds
    assert all(re.match(r"[A-Z]\. ", d) for d in ds)  # initials among initials
    _, ds = distractors_for(corpus, "the-crisis", "Leon Sedov")
    assert not any(re.match(r"[A-Z]\. ", d) for d in ds)  # no lone full first name among initials


def test_numbers_keep_magnitude_and_format(corpus):
    key, ds = distractors_for(corpus, "foreign", "42,230")
    assert len(ds) == 3
    for d in ds:
        assert re.fullmatch(r"\d{1,3}(,\d{3})+", d), d
        assert 0.3 <= parse_number(d) / 42230 <= 3.5


def test_values_stated_for_the_same_subject_are_never_offered(corpus):
    """The article gives several counts of foreign workers (40,000 ceiling, 20,000, 5,000, 10,000 ...):
    none of them may be offered as a wrong answer for another count of foreign workers."""
    docs, facts, _ = corpus
    doc = next(d for d in docs if d.id.startswith("foreign"))
    stated = {f.value for f in facts[doc.id] if f.kind == "quantity" and unit_stems(f.subject) & {"foreign", "work"}}
    assert {40000, 20000, 5000} <= stated
    key, ds = distractors_for(corpus, "foreign", "42,230")
    assert not {parse_number(d) for d in ds} & stated, ds


def test_distractors_never_repeat_the_stem(corpus):
    key, ds = distractors_for(corpus, "foreign", "50%")
    assert "25%" not in ds  # stated in the same sentence for another group


def test_dates_keep_their_format_and_are_not_days_apart(corpus):
    key, ds = distractors_for(corpus, "the-crisis", "December 28, 1938")
    assert len(ds) == 3
    for d in ds:
        assert re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", d), d
        assert d != "December 28, 1938"


def test_deterministic(corpus):
    assert distractors_for(corpus, "foreign", "42,230")[1] == distractors_for(corpus, "foreign", "42,230")[1]


def test_number_style_round_trips():
    assert NumberStyle.of("Ninety per cent").format(70) == "Seventy per cent"
    assert NumberStyle.of("26.3 million").format(31.4e6) == "31.4 million"
    assert NumberStyle.of("42,230").format(50680) == "50,680"
    assert number_to_words(55) == "fifty-five"


def test_a_figure_too_short_for_commas_gets_them_in_a_longer_distractor():
    # '516 million' shows no comma only because it has three digits: '1032 million' beside it
    # would look made up (and unlike every other figure of the text)
    assert NumberStyle.of("516 million").format(1032e6) == "1,032 million"
    assert NumberStyle.of("640").format(1280) == "1,280"
    assert NumberStyle.of("26.3 million").format(1052.6e6) == "1,052.6 million"
    assert NumberStyle.of("640").format(720) == "720"
    # a key written without commas keeps its style
    assert NumberStyle.of("2000").format(3000) == "3000"
    assert NumberStyle.of("42,230").format(50680) == "50,680"


# ------------------------------------------------------------ the key as the odd one out

def test_a_key_far_from_a_tight_cluster_stands_out():
    from quizapp.engine.distractors import key_stands_out
    assert key_stands_out("1.3 million", ["0.5 million", "0.6 million", "0.7 million"])
    assert not key_stands_out("1.3 million", ["0.9 million", "1.7 million", "2.6 million"])


def test_one_exact_figure_among_round_ones_stands_out():
    from quizapp.engine.distractors import key_stands_out
    assert key_stands_out("42,230", ["30,000", "50,000", "60,000"])
    assert key_stands_out("40,000", ["31,870", "52,440", "61,310"])
    assert not key_stands_out("42,230", ["31,870", "52,440", "61,310"])


def test_one_month_among_dates_of_another_month_stands_out():
    from quizapp.engine.distractors import key_stands_out
    assert key_stands_out("June 26, 1940", ["October 2, 1940", "October 24, 1940", "October 30, 1940"])
    assert not key_stands_out("June 26, 1940", ["June 26, 1938", "June 26, 1939", "June 26, 1941"])


def test_no_date_after_the_death_of_a_famous_person_named_in_the_stem():
    from quizapp.engine.distractors import choose_distractors
    from quizapp.engine.factindex import FactIndex
    from quizapp.engine.facts import extract_facts
    from quizapp.engine.reader import document_from_text
    doc = document_from_text("= Labour =\n\nOn December 28, 1938, Stalin invalidated the labor code introduced under "
                             "Lenin in December 1922.\n", doc_id="code", meta={"kind": "argument", "date": "1941"})
    facts = [f for s in doc.sentences for f in extract_facts(s)]
    index = FactIndex([doc], {doc.id: facts})
    key = next(f for f in facts if f.text == "December 1922")
    stem = doc.sentences[key.sentence].text
    options = choose_distractors(key, doc.id, stem, index)
    assert options
    assert all(int(o[-4:]) <= 1924 for o in options), options
    assert all(o.startswith("December") for o in options), options  # the key's month in other years


def test_one_uneven_figure_among_round_ones_stands_out():
    from quizapp.engine.distractors import key_stands_out
    assert key_stands_out("eighty-five per cent", ["forty per cent", "fifty per cent", "sixty per cent"])
    assert not key_stands_out("eighty-five per cent", ["forty-five per cent", "sixty-five per cent", "seventy per cent"])


def test_after_a_word_of_great_size_only_larger_wrong_values():
    from quizapp.engine.distractors import choose_distractors
    from quizapp.engine.factindex import FactIndex
    from quizapp.engine.facts import extract_facts
    from quizapp.engine.reader import document_from_text
    doc = document_from_text("= Turnover =\n\nThe labor turnover assumed monstrous proportions: from official estimates it "
                             "can be set at 30-50 per cent.\n", doc_id="turnover", meta={"kind": "argument"})
    facts = [f for s in doc.sentences for f in extract_facts(s)]
    index = FactIndex([doc], {doc.id: facts})
    key = next(f for f in facts if f.kind == "percent")
    options = choose_distractors(key, doc.id, doc.sentences[key.sentence].text, index)
    assert options
    assert all(int(re.match(r"\d+", o).group(0)) > 30 for o in options), options


def _options_for(text, key_text, kind="reference"):
    from quizapp.engine.reader import document_from_text
    doc = document_from_text(text, doc_id="d", meta={"kind": kind})
    facts = [f for s in doc.sentences for f in extract_facts(s)]
    index = FactIndex([doc], {doc.id: facts})
    key = next(f for f in facts if f.text == key_text)
    return choose_distractors(key, doc.id, doc.sentences[key.sentence].text, index)


def test_a_part_of_a_broken_down_total_leaves_room_only_for_the_rest():
    options = _options_for("= Youth =\n\nIn 1936 there were seven million workers under twenty-three – 3,140,000 in "
                           "industry; 700,000 in railroads, 700,000 in the building trades.\n", "3,140,000")
    assert all(parse_number(o) <= 7_000_000 - 1_400_000 for o in options), options


def test_a_decade_in_the_stem_that_holds_the_key_holds_the_options_too():
    options = _options_for("= Work =\n\nIn the 1930s, in 1930, the party congress resolved to admit foreign engineers "
                           "to staff the new plants.\n", "1930")
    assert all(1930 <= int(o) < 1940 for o in options), options


def test_a_total_broken_down_into_parts_is_at_least_their_sum():
    options = _options_for("= Youth =\n\nIn 1936 there were seven million workers under twenty-three – 3,140,000 in "
                           "industry; 700,000 in railroads, 700,000 in the building trades.\n", "seven million")
    assert options
    assert all(parse_number(o) > 4_540_000 for o in options), options


def test_a_majority_in_the_stem_keeps_ratio_options_above_half():
    options = _options_for("= Towns =\n\nIn the last decade eleven out of every twenty inhabitants of the towns have been "
                           "employed in industry, that is, the overwhelming majority of able-bodied adults.\n",
                           "eleven out of every twenty")
    for o in options:
        assert parse_number(o.split()[0]) > 10, options


def test_the_one_figure_not_in_round_thousands_stands_out():
    from quizapp.engine.distractors import key_stands_out
    assert key_stands_out("203,821", ["306,000", "472,000", "640,000"])
    assert not key_stands_out("203,821", ["306,000", "472,518", "640,000"])


def test_a_total_is_larger_than_the_part_before_it():
    options = _options_for("= Purge =\n\nThe officially acknowledged figure for the trade union purge was 128,000 trade "
                           "union officials out of a reported total of 203,821.\n", "203,821", kind="argument")
    assert options and all(parse_number(o) > 128_000 for o in options), options


def test_a_full_first_name_is_not_offered_among_initials():
    from quizapp.engine import pipeline
    from quizapp.engine.reader import document_from_text
    text = ("P. Lomako reported 306,000 idle hours at the first plant in 1940. N. Siluyanov reported 211 accidents "
            "at the second plant in 1940. P. Moskatov reported 472,000 idle hours at the third plant in 1940. "
            "In December 1935 Leon Sedov pointed out that the new movement meant a longer working day.\n")
    doc = document_from_text(text, doc_id="t", meta={"kind": "argument", "attribution": "A. Writer (1950)"})
    result = pipeline.generate_documents([doc]).results[0]
    for q in result.questions:
        if q["type"] == "multiple_choice":
            names = [c["text"] for c in q["choices"]]
            if any(n.startswith(("P. ", "N. ")) for n in names) or "Leon Sedov" in names:
                assert len({bool(__import__("re").match(r"[A-Z]\.", n)) for n in names}) == 1, names


def test_a_bare_million_is_never_offered_for_another_figure(corpus):
    docs, facts, index = corpus
    _, million = find(corpus, "foreign", "a million")  # 'more than a million Western workers'
    assert million.value == 1_000_000
    key, ds = distractors_for(corpus, "foreign", "420,000")
    assert len(ds) == 3 and not any(parse_number(d) == 1_000_000 for d in ds), ds


def test_no_two_number_options_are_nearly_the_same(corpus):
    docs, facts, index = corpus
    checked = 0
    for doc in docs:
        for f in facts[doc.id]:
            if f.kind not in ("quantity", "percent") or f.high is not None:
                continue
            options = [f.text, *choose_distractors(f, doc.id, doc.sentences[f.sentence].text, index)]
            values = [parse_number(re.sub(r"(?i)\s*(%|per\s*cent|percent)$", "", o)) for o in options]
            values = [v for v in values if v]
            for a in range(len(values)):
                for b in range(a + 1, len(values)):
                    assert abs(values[a] - values[b]) >= 0.02 * max(values[a], values[b]), options
            checked += 1
    assert checked > 50


def test_a_small_figure_gets_no_options_one_step_of_its_last_place_away():
    # round 24 blind review: '0.4 / 0.5 / 0.6 / 1.2' for 'about 0.5 °C': the key in the middle of a tight cluster
    from quizapp.engine.factindex import next_to as _next_to
    from quizapp.engine.reader import document_from_text
    style = NumberStyle.of("0.5")
    assert _next_to(0.4, 0.5, style) and _next_to(0.6, 0.5, style) and not _next_to(0.8, 0.5, style)
    assert not _next_to(8000, 10000, NumberStyle.of("10,000"))
    text = ("= Volcanoes =\n\nThe 1991 eruption of Mount Pinatubo in the Philippines cooled the global climate by "
            "about 0.5 °C for two years.\n")
    doc = document_from_text(text, doc_id="v", meta={"kind": "reference"})
    facts = {doc.id: [f for s in doc.sentences for f in extract_facts(s)]}
    key = next(f for f in facts["v"] if f.text == "0.5")
    options = choose_distractors(key, "v", doc.sentences[key.sentence].text, FactIndex([doc], facts))
    assert len(options) == 3 and "0.4" not in options and "0.6" not in options, options


def test_a_year_after_a_named_war_gets_no_option_inside_the_war():
    # review newdocs3-34: 'during the Second World War … Afterwards … completed in 1945' was false by logic alone
    from quizapp.engine.reader import document_from_text
    text = ("= Hubble =\n\nDuring the Second World War Hubble led ballistics research in Maryland. Afterwards he helped "
            "plan the 200-inch Hale telescope at Palomar Observatory, completed in 1948.\n")
    doc = document_from_text(text, doc_id="h", meta={"kind": "reference"})
    facts = {doc.id: [f for s in doc.sentences for f in extract_facts(s)]}
    key = next(f for f in facts["h"] if f.text == "1948")
    stem = doc.sentences[0].text + " " + doc.sentences[1].text
    options = choose_distractors(key, "h", stem, FactIndex([doc], facts))
    assert options and all(int(o) > 1945 for o in options), options


def options_for(text, key_text, doc_id="s"):
    """The distractors the engine offers for the fact ``key_text`` of a one-document corpus."""
    from quizapp.engine.reader import document_from_text
    doc = document_from_text(text, doc_id=doc_id, source_format="text", meta={"kind": "reference"})
    facts = {doc.id: [f for s in doc.sentences for f in extract_facts(s)]}
    key = next(f for f in facts[doc.id] if f.text == key_text)
    return choose_distractors(key, doc.id, doc.sentences[key.sentence].text, FactIndex([doc], facts))


def test_a_count_in_words_never_takes_a_figure_its_words_cannot_write():
    ds = options_for("= Strasbourg =\n\nThe town paid the bishop 1,300 in silver.\n\n"
                     "Around two thousand Jews were driven out of the town in 1349.\n", "two thousand")
    assert ds and not [d for d in ds if re.search(r"\d", d)], ds  # never '1 thousand'


def test_after_only_the_key_is_never_the_smallest_option():
    text = ("= Spacecraft =\n\nFully fuelled, the lander had a mass of roughly 15,000 kilograms. By contrast, the "
            "command module weighed only about 5,600 kilograms, although it was attached to a heavier module.\n")
    for doc_id in [f"craft-{i}" for i in range(12)]:  # the key's rank follows a seed drawn from the id
        ds = options_for(text, "5,600", doc_id)
        assert len(ds) == 3 and min(parse_number(d) for d in ds) < 5600, (doc_id, ds)


def test_after_as_many_as_the_key_is_never_the_largest_option():
    text = ("= Printing =\n\nThe workshop printed its first book in Mainz. Before 1501, European presses printed "
            "as many as 20,000 editions of books, pamphlets and broadsheets.\n")
    for doc_id in [f"print-{i}" for i in range(12)]:
        ds = options_for(text, "20,000", doc_id)
        assert len(ds) == 3 and max(parse_number(d) for d in ds) > 20000, (doc_id, ds)


def test_a_recent_year_takes_no_option_much_later_than_the_document_s_latest():
    # the document's latest year is 2018, then 2015; three years past it are allowed
    cases = [("The European Union banned three insecticides in 2018.\n\nCases became rarer in about 2010, but "
              "losses stayed high.", "2010", 2021),  # it took 2030 and 2040
             ("The ban came in 2015 after a review.", "2015", 2018)]  # it took 2019
    for body, year, latest in cases:
        ds = options_for(f"= Bees =\n\nThe disorder was first reported in 2006.\n\n{body}\n", year)
        assert ds and all(int(re.search(r"\d{4}", d).group(0)) <= latest for d in ds), ds
