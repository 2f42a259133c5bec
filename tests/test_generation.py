"""Question generation on small documents: each type, stems, attribution, context, filters."""
import pytest
import re

from quizapp.engine import pipeline
from quizapp.engine.composite import when_phrase
from quizapp.engine.reader import document_from_text
from quizapp.engine.stems import subject_resolved

from asked import asked_values as asked_keys
from generating import by_type, generate_reference

ARGUMENT = """= Labour in 1930s Europe =

In 1935, the Ministry of Labour recorded 42,230 foreign workers in Finland. Of those, 50% were German, 25% were Italian, and the rest were Finnish, Czech and Swedish workers.

Wages were cut by 14 per cent on June 26, 1940. The council met again on December 28, 1938, and on March 3, 1937.

Zara Witkin, a civil engineer from California, arrived in 1932. He left in 1934. Fritz Houtermans, the Austrian physicist, arrived in 1935. Heinrich Kurella, a close friend of Houtermans, stayed until 1937.

I personally think this was the best of times, with 88 percent of workers in unions.
"""


def generate(text, kind="argument", attribution="Jane Roe (1941)"):
    doc = document_from_text(text, doc_id="labour", source_format="text",
                              meta={"kind": kind, "attribution": attribution, "author": "Jane Roe", "date": "1941"})
    summary = pipeline.generate_documents([doc])
    return doc, summary.results[0]



def test_claims_of_an_argument_are_attributed():
    doc, result = generate(ARGUMENT)
    singles = [q for q in result.questions if q["type"] in ("multiple_choice", "true_false", "numeric", "short_answer")]
    assert singles
    assert all(q["prompt"].startswith("According to Jane Roe (1941), ") for q in singles)


def test_reference_documents_are_introduced_by_their_title_not_an_author():
    doc, result = generate(ARGUMENT, kind="reference", attribution="")
    singles = [q for q in result.questions if q["type"] in ("multiple_choice", "true_false", "numeric")]
    assert singles
    assert all(q["prompt"].startswith("According to “Labour in 1930s Europe”, ") for q in singles)


def test_multiple_choice_has_one_key_and_three_parallel_distractors():
    doc, result = generate(ARGUMENT)
    mcs = by_type(result, "multiple_choice")
    assert mcs
    for q in mcs:
        assert len(q["choices"]) == 4
        assert sum(c["correct"] for c in q["choices"]) == 1
        assert "_____" in q["prompt"]
        key = next(c["text"] for c in q["choices"] if c["correct"])
        assert key in q["citation"]["quote"]


def test_true_false_statements_are_either_the_text_or_the_text_with_one_swap():
    doc, result = generate(ARGUMENT)
    tfs = by_type(result, "true_false")
    assert tfs
    for q in tfs:
        assert [c["text"] for c in q["choices"]] == ["True", "False"]
        truth = q["choices"][0]["correct"]
        body = q["prompt"].removeprefix("According to Jane Roe (1941), ")
        source = q["citation"]["quote"]
        answer = q["citation"]["answer"]
        fact = doc.text[answer["start"]:answer["end"]]
        assert (body[1:] in source) == truth, q
        if not truth:
            # the false version differs from the text only where the fact was
            before = doc.text[q["citation"]["sentence"]["start"]:answer["start"]]
            assert before[1:] in body and fact not in body.replace(before, "", 1)[:len(fact)]


def test_typed_questions_accept_normalised_forms():
    doc, result = generate(ARGUMENT)
    numeric = {q["answer"]: q for q in by_type(result, "numeric")}
    assert "42,230" in numeric and "42230" in numeric["42,230"]["accept"]
    assert numeric["42,230"]["tolerance"] == 0.0
    # a percentage (which one is typed depends on the one-form-per-blank choice): every spelling
    pct = next(q for q in numeric.values() if re.search(r"%|per cent|percent", q["answer"]))
    v = re.match(r"\d+", pct["answer"]).group(0)
    assert {v, f"{v}%", f"{v} percent", f"{v} per cent"} <= set(pct["accept"])


def test_a_blank_is_asked_as_multiple_choice_or_as_a_typed_number_not_both():
    doc, result = generate(ARGUMENT)
    spans = {}
    for q in result.questions:
        if q["type"] in ("multiple_choice", "numeric"):
            a = q["citation"]["answer"]
            spans.setdefault((a["start"], a["end"]), set()).add(q["type"])
    assert spans and all(len(types) == 1 for types in spans.values())
    assert {"multiple_choice", "numeric"} <= {t for types in spans.values() for t in types}
    assert any(r["reason"].startswith("near-duplicate: the same blank") for r in result.rejected)


def test_a_sentence_that_opens_with_he_carries_the_sentence_before_it():
    doc, result = generate(ARGUMENT)
    about_1934 = [q for q in result.questions if q.get("answer") == "1934"
                  or any(c["text"] == "1934" and c["correct"] for c in q.get("choices", []))]
    assert about_1934
    for q in about_1934:
        assert "Zara Witkin" in q["prompt"] and "He left in _____" in q["prompt"]
        assert q["citation"]["quote"].startswith("Zara Witkin")


def test_first_person_remarks_are_not_asked():
    doc, result = generate(ARGUMENT)
    assert not any("88 percent" in q["citation"]["quote"] for q in result.questions)
    assert any(r["reason"].startswith("first-person") for r in result.rejected)


def test_multiple_response_from_a_listed_sentence():
    doc, result = generate(ARGUMENT)
    mr = [q for q in by_type(result, "multiple_response") if "name in the blank" in q["prompt"]]
    assert mr
    q = mr[0]
    correct = {c["text"] for c in q["choices"] if c["correct"]}
    assert correct <= {"Finnish", "Czech", "Swedish"} and len(correct) >= 2
    assert any(not c["correct"] for c in q["choices"])
    assert all(c["text"] not in ("German", "Italian") for c in q["choices"] if not c["correct"])


def test_matching_people_with_what_the_text_says_of_them():
    doc, result = generate(ARGUMENT)
    matching = [q for q in by_type(result, "matching") if q["prompt"].startswith("Match each person")]
    assert matching
    pairs = dict(matching[0]["pairs"])
    assert pairs["Zara Witkin"].startswith("a civil engineer")
    assert pairs["Fritz Houtermans"] == "the Austrian physicist"


def test_select_the_true_statements():
    doc, result = generate(ARGUMENT + """
In 1931, 566 engineers arrived at the Kirov works. In 1932, the Kirov works employed 2,400 workers. In 1933, wages at the Kirov works were cut by 15 per cent. In 1934, 300 engineers left the Kirov works.
""")
    sets = [q for q in by_type(result, "multiple_response") if q["prompt"].startswith("Which of these statements are true")]
    assert sets
    for q in sets:
        truths = [c["correct"] for c in q["choices"]]
        assert 3 <= len(truths) <= 4 and any(truths) and not all(truths)
        for c in q["choices"]:
            assert (c["text"][1:] in doc.text) == c["correct"], c


def test_ordering_dated_events():
    doc, result = generate(ARGUMENT)
    ordering = by_type(result, "ordering")
    assert ordering
    seq = ordering[0]["sequence"]
    assert 3 <= len(seq) <= 5
    assert not any(re.search(r"\b\d{4}\b", item) for item in seq), seq  # the dates are what is asked


def test_every_citation_is_exact_and_ids_are_unique():
    doc, result = generate(ARGUMENT)
    ids = [q["id"] for q in result.questions]
    assert len(ids) == len(set(ids))
    for q in result.questions:
        c = q["citation"]
        assert doc.text[c["start"]:c["end"]] == c["quote"]
        assert 0 <= q["quality"] <= 1 and 0 <= q["difficulty"] <= 1
        assert q["status"] in ("published", "needs_review")


def test_generation_is_deterministic():
    _, a = generate(ARGUMENT)
    _, b = generate(ARGUMENT)
    assert a.questions == b.questions and a.rejected == b.rejected


def test_matching_people_with_what_they_did():
    doc, result = generate(ARGUMENT + """
Maria Lang founded the first workers' library in the city. Peter Holm organised the strike at the steel plant. Anna Berg edited the union newspaper for six years.
""")
    deeds = [q for q in by_type(result, "matching") if q["prompt"].startswith("Match each person with what")]
    assert deeds
    pairs = dict(deeds[0]["pairs"])
    assert pairs["Maria Lang"] == "founded the first workers' library in the city"
    assert pairs["Peter Holm"] == "organised the strike at the steel plant"
    assert len(deeds[0]["citation"]["sentences"]) == len(deeds[0]["pairs"])


# ------------------------------------------------- typed questions on names, terms and quotations

NAMES = """= Foreign workers =

In industry, the largest group of foreigners was in the Kuzbass Autonomous Industrial Colony with 566 foreigners.

In 1930, the Sixteenth Party Congress resolved to admit foreign engineers to staff Soviet plants.

The socialist newspaper Die Rote Fahne reported that many Western workers had requested to go to Russia.

Foreign workers had their own newspapers, and several foreigners were awarded the Order of Lenin for their work.

A permanent commission was formed under the STO (Sovet Truda I Oboroni), which received many requests.

Many immigrants came from Europe to the new cities of the Urals in those years.

In the period of the first plans, the workers posted signs in factories: “Hands off Our Wages!” and hung portraits above them.

The authorities are engaged in a campaign to foster and extend “auxiliary economies” to every enterprise by next Spring.
"""


def typed(result):
    return {q["answer"]: q for q in by_type(result, "short_answer")}


def test_organisations_works_and_quotations_get_typed_questions():
    doc, result = generate(NAMES, kind="reference", attribution="")
    answers = typed(result)
    for name in ("Kuzbass Autonomous Industrial Colony", "Sixteenth Party Congress", "Die Rote Fahne",
                 "Order of Lenin", "Hands off Our Wages!", "auxiliary economies"):
        assert name in answers, sorted(answers)
        q = answers[name]
        assert q["status"] == "published"
        assert "_____" in q["prompt"] and name not in q["prompt"]
        assert name in q["citation"]["quote"]
    assert "(Type the title.)" in answers["Die Rote Fahne"]["prompt"]
    assert "‘_____’" in answers["Hands off Our Wages!"]["prompt"] or "“_____”" in answers["Hands off Our Wages!"]["prompt"]
    assert "Hands off Our Wages" in answers["Hands off Our Wages!"]["accept"]


def test_typed_names_that_give_themselves_away_are_rejected():
    doc, result = generate(NAMES, kind="reference", attribution="")
    answers = typed(result)
    reasons = {r["answer"]: r["reason"] for r in result.rejected if r["type"] == "short_answer"}
    assert "STO" not in answers and "initials" in reasons["STO"]  # S-T-O beside Sovet Truda I Oboroni
    assert "Europe" not in answers and "too general" in reasons["Europe"]


def test_no_multiple_choice_for_organisations_or_quotations():
    doc, result = generate(NAMES, kind="reference", attribution="")
    keys = {c["text"] for q in by_type(result, "multiple_choice") for c in q["choices"] if c["correct"]}
    assert not keys & {"Kuzbass Autonomous Industrial Colony", "Die Rote Fahne", "Hands off Our Wages!"}


DISCUSSION = """= Westerners who went east =

Stalin's daughter, Svetlana Alliluyeva, defected to the United States in 1967.

The famous mathematician John Nash once made an attempt to move to the GDR, and there were few others.

When the situation deteriorated in 1936 some of Houtermans's friends like Weisskopf and Placzek were smart enough to leave, but Houtermans stayed.

Heinrich Kurella, a close friend of Houtermans, was arrested and quickly executed.
"""


def test_people_of_a_discussion_are_asked_typed_never_as_options():
    # "Stalin's daughter, _____": the relation to a famous person names her (blind review, packet-full-7001)
    doc, result = generate(DISCUSSION, kind="discussion", attribution="one answer in the thread")
    assert "Svetlana Alliluyeva" not in typed(result)
    unknown = DISCUSSION.replace("Stalin's daughter, Svetlana Alliluyeva,", "The chemist Svetlana Alliluyeva")
    doc, result = generate(unknown, kind="discussion", attribution="one answer in the thread")
    answers = typed(result)
    assert "Svetlana Alliluyeva" in answers and "Alliluyeva" in answers["Svetlana Alliluyeva"]["accept"]
    assert answers["Svetlana Alliluyeva"]["prompt"].startswith("According to one answer in the thread on “Westerners who went east”, ")
    people = {"Svetlana Alliluyeva", "John Nash", "Heinrich Kurella"}
    for q in by_type(result, "multiple_choice") + by_type(result, "true_false"):
        assert not any(p in c["text"] for p in people for c in q["choices"]), q


def test_listed_surnames_get_surnames_as_options():
    doc, result = generate(DISCUSSION, kind="discussion", attribution="one answer in the thread")
    mr = [q for q in by_type(result, "multiple_response") if any(c["text"] == "Placzek" for c in q["choices"])]
    assert mr
    assert all(len(c["text"].split()) == 1 for c in mr[0]["choices"])


def test_a_term_used_all_through_a_document_is_asked_once():
    text = "= Decrees =\n\n" + "\n\n".join(
        f"In {1930 + i} the Kremlin issued a ukase against the workers of the {town} textile mills."
        for i, town in enumerate(["Moscow", "Leningrad", "Kiev", "Odessa"]))
    doc, result = generate(text)
    asked = [q for q in by_type(result, "short_answer") if q["answer"] == "ukase"]
    assert len(asked) == 1
    assert any(r["answer"] == "ukase" and r["reason"].startswith("asked once already") for r in result.rejected)


def test_two_names_joined_by_or_are_blanked_together_and_either_is_accepted():
    text = ("= Projects =\n\nMost foreigners worked in heavy industry or major projects like Magnitogorsk or Kuznetsk "
            "where in 1931 they made up a share of the workforce.\n")
    doc, result = generate(text, kind="reference", attribution="")
    pair = [q for q in by_type(result, "short_answer") if "one of the two places" in q["prompt"]]
    assert len(pair) == 1
    q = pair[0]
    assert "like _____ where" in q["prompt"]
    assert {"Magnitogorsk", "Kuznetsk"} <= set(q["accept"])
    span = q["citation"]["answer"]
    assert doc.text[span["start"]:span["end"]] == "Magnitogorsk or Kuznetsk"


def test_the_full_name_of_an_abbreviation_is_asked_with_the_abbreviation_in_the_hint():
    text = ("= Commission =\n\nA permanent commission on foreign immigration was formed under the CLD "
            "(Council of Labour and Defence), which received many requests for admission.\n")
    doc, result = generate(text, kind="reference", attribution="")
    q = typed(result)["Council of Labour and Defence"]
    assert "the CLD (_____)" in q["prompt"] and "full name the text gives for CLD" in q["prompt"]


def test_a_famous_person_is_typed_only_where_they_act_in_the_sentence():
    text = ("= Productivity =\n\nIn January 1936, when the dizziest claims were made, Molotov cautiously acknowledged "
            "that productivity was below that of the West.\n\nOn December 28, 1938, the government invalidated the "
            "labor code introduced under Lenin in December 1922.\n")
    doc, result = generate(text)
    answers = typed(result)
    assert "Molotov" in answers and "Lenin" not in answers
    assert not any(c["text"] in ("Molotov", "Lenin") for q in by_type(result, "multiple_choice") for c in q["choices"])


def test_a_trailing_clause_that_restates_the_figures_is_cut_so_the_blank_is_not_arithmetic():
    text = ("= Growth =\n\nIn the twelve years which elapsed between the last two censuses, the urban population "
            "advanced from 26.3 million (December, 1926) to 55.9 million (January, 1939), an increase of 29.6 million, "
            "i.e., more than doubled.\n")
    doc, result = generate(text)
    asked = [q for q in result.questions if q["type"] in ("multiple_choice", "numeric")
             and (q.get("answer") == "55.9 million" or any(c["correct"] and c["text"] == "55.9 million"
                                                           for c in q.get("choices", [])))]
    assert asked
    for q in asked:
        assert "29.6" not in q["prompt"] and "doubled" not in q["prompt"]
        assert q["prompt"].rstrip().endswith("(January, 1939).") or "(Give the number" in q["prompt"]
        for c in q.get("choices", []):
            assert float(c["text"].split()[0]) > 26.3  # it grew from 26.3 million
    # the restated figure itself is asked only typed, with the figures that compute it left out
    restated = [q for q in result.questions if "29.6 million" in (q.get("answer"), *(c["text"] for c in q.get("choices", [])
                                                                                      if c["correct"]))]
    assert [q["type"] for q in restated] == ["numeric"]
    assert "26.3" not in restated[0]["prompt"] and "55.9" not in restated[0]["prompt"]


def test_a_period_specified_in_brackets_needs_no_sentence_before():
    text = ("= Plans =\n\nStalin chose the month of June to promulgate his laws in order to keep the workers.\n"
            "The new recruits in this period (1933-1939) numbered approximately 7.2 million, whereas in the preceding "
            "period (1929-1933) the new forces comprised 10.1 million out of a total working class of 22.3 million.\n")
    doc, result = generate(text)
    asked = [q for q in result.questions if "7.2 million" in q["citation"]["quote"]]
    assert asked
    assert all("Stalin chose" not in q["prompt"] for q in asked)


def test_a_typed_country_accepts_its_other_names():
    doc, result = generate(DISCUSSION, kind="discussion", attribution="one answer in the thread")
    q = typed(result)["GDR"]
    assert {"GDR", "East Germany"} <= set(q["accept"])


def test_matching_speakers_with_the_words_the_text_quotes_from_them():
    text = ("= Voices =\n\nTrud, the organ of the trade unions, wrote at this period: “The class struggle makes itself "
            "felt at every step.”\n\nP. Lomako, People’s Commissar of Metallurgy, makes the same claim and then exclaims: "
            "“This is an unprecedented situation for our metallurgy.”\n\nPravda objects that in places “which still lack "
            "ventilation” the moisture collects on the skylights.\n\nN. Siluyanov, Deputy People’s Commissar of "
            "Metallurgy, declared: “The number of accidents to machinery has increased.”\n")
    doc, result = generate(text)
    q = next(q for q in by_type(result, "matching") if "quotes from them" in q["prompt"])
    pairs = dict(q["pairs"])
    assert pairs["Trud"] == "“The class struggle makes itself felt at every step.”"
    assert pairs["N. Siluyanov"].startswith("“The number of accidents")
    assert "Pravda" not in pairs  # a fragment after 'objects that', not a quotation of its own


def test_a_family_name_shown_in_the_stem_is_not_accepted_alone():
    text = ("= Lighthouse =\n\n== Keepers ==\n\nThe first keeper was Thomas Reed, who served for 22 years. His daughter, "
            "Mary Reed, kept the light after him and wrote a logbook of every ship that passed.\n")
    doc, result = generate(text, kind="reference", attribution="")
    q = typed(result)["Mary Reed"]
    assert q["accept"] == ["Mary Reed"]
    assert "Reed" in typed(result)["Thomas Reed"]["accept"]


def test_hours_a_month_are_asked_without_the_hours_a_day_that_restate_them():
    text = ("= Hours =\n\nOn the northern railway the machinists began working 250–290 hours a month, a working day "
            "of 10–11½ hours.\n")
    doc, result = generate(text)
    asked = [q for q in result.questions if q.get("answer") == "250–290" or any(
        c["correct"] and c["text"] == "250–290" for c in q.get("choices", []) if q["type"] == "multiple_choice")]
    assert asked
    for q in asked:
        assert "10–11½" not in q["prompt"] and "working day" not in q["prompt"]
    # the hours a day are still never asked: they follow from the hours a month
    assert "10–11½" not in {q.get("answer") for q in result.questions}


def test_a_linking_opening_is_left_out_so_the_statement_stands_alone():
    text = ("= Growth =\n\nFrom 1929 to 1933, the urban population grew by 12.7 million while the working class "
            "expanded by 10.1 million. It means that approximately sixteen out of every twenty new urban inhabitants "
            "were absorbed by industry in the period of the First Five Year Plan.\n\n"
            "This wasnt to the Soviet Union, rather to China, but during the cold war at the end of the Korean "
            "Conflict 21 engineers chose to defect to China rather than return home.\n")
    doc, result = generate(text)
    ratio = [q for q in result.questions if "sixteen out of every twenty" in q["citation"]["quote"]
             and q["type"] == "multiple_choice"]
    assert ratio
    for q in ratio:
        assert "It means" not in q["prompt"] and "12.7" not in q["prompt"]  # no sentence before, no arithmetic
        assert ", approximately _____ new urban" in q["prompt"]
    q = next(q for q in result.questions if q.get("answer") == "21")
    assert "This wasnt" not in q["prompt"] and "rather to China, but" not in q["prompt"]
    assert q["prompt"].startswith("According to Jane Roe (1941), during the cold war")


def test_a_linking_opening_is_kept_when_what_follows_needs_the_sentence_before():
    from quizapp.engine.stems import build_context
    text = ("= Growth =\n\nA new mill hired 400 workers in 1931. It means that they were paid 40 roubles a month "
            "in the first year of the mill. It means that a Finnish firm employed 400 skilled workers from Finland "
            "in its first year of work.\n")
    doc = document_from_text(text, doc_id="g", source_format="text", meta={"kind": "argument", "author": "X"})
    they, plain = doc.sentences[-2], doc.sentences[-1]
    ctx = build_context(doc, they, set())
    assert ctx.lead_cut == 0 and [s.text for s in ctx.chain] == ["A new mill hired 400 workers in 1931."]
    assert build_context(doc, plain, set()).lead_cut == len("It means that ")


def test_this_period_is_resolved_by_a_section_title_that_names_the_period():
    text = ("= Labour =\n\n== Conditions in the period of the Second Plan ==\n\nThe working class grew quickly while "
            "the towns grew even faster. Only nine out of every twenty new urban inhabitants were absorbed in "
            "industry in this period.\n\n== Wages ==\n\nThe wages rose quickly while prices rose faster. Only 30 "
            "percent of the workers were paid in this period.\n")
    doc, result = generate(text)
    nine = [q for q in result.questions if q["type"] == "multiple_choice" and "nine out of" in q["citation"]["quote"]]
    assert nine and all("in the section “Conditions in the period of the Second Plan”" in q["prompt"] for q in nine)
    assert all(not q["prompt"].startswith("According to Jane Roe (1941), in the section “Conditions in the period "
                                           "of the Second Plan”, the working class") for q in nine)
    # a section that names no period does not resolve 'this period': the sentence before is needed
    thirty = [q for q in result.questions if q["type"] in ("multiple_choice", "numeric") and "30" in q.get("answer", "")
              + "".join(c["text"] for c in q.get("choices", []) if c["correct"])]
    assert all("prices rose faster" in q["prompt"] for q in thirty)


def test_a_people_named_beside_its_country_is_not_asked():
    text = ("= Defections =\n\nDuring the cold war at the end of the Korean Conflict 21 Americans chose to defect to "
            "China rather than return to the USA. Several Frenchmen settled in the Urals after the war.\n")
    doc, result = generate(text, kind="discussion", attribution="one answer in the thread")
    keys = {q.get("answer") for q in result.questions} | {
        c["text"] for q in result.questions for c in q.get("choices", []) if c["correct"] and q["type"] != "true_false"}
    assert "Americans" not in keys and "USA" not in keys
    assert not any("Americans" not in q["prompt"] and "USA" in q["prompt"] for q in by_type(result, "true_false"))
    assert "21" in keys


def test_a_figure_computable_from_its_sentence_is_asked_typed_with_the_others_left_out():
    text = ("= Growth =\n\nThe most rapid expansion of the urban population in the United States took place in the "
            "first quarter of our century, when the urban population grew from 30.3 million in 1900 to 54.3 million in "
            "1920, an increase of 24 million in twenty years, considerably below the figure for the Soviet Union, "
            "although the growth in America took two decades, i.e. almost twice as long.\n")
    doc, result = generate(text)
    q = next(q for q in result.questions if q.get("answer") == "24 million")
    assert q["type"] == "numeric"
    assert "from … in 1900 to … in 1920, an increase of _____ in twenty years." in q["prompt"]
    assert "30.3" not in q["prompt"] and "54.3" not in q["prompt"] and "twice" not in q["prompt"]
    assert "24" in q["accept"] and "24 million" in q["accept"]
    # the two end points are asked plainly ('our century' is the author's time, not a personal remark)
    keys = {c["text"] for q in by_type(result, "multiple_choice") for c in q["choices"] if c["correct"]}
    keys |= {q.get("answer") for q in result.questions}
    assert {"30.3 million", "54.3 million"} & keys
    assert not any(q["type"] in ("multiple_choice", "true_false") and "24 million" in q["prompt"] and "30.3" in q["prompt"]
                   and q["type"] == "multiple_choice" for q in result.questions)


def test_the_partners_of_a_computable_figure_are_the_figures_that_compute_it():
    from quizapp.engine.generate import computing_partners
    from quizapp.engine.model import Sentence
    from quizapp.engine.facts import extract_facts
    text = ("The new recruits numbered approximately 7.2 million, as against a total working class of 29.5 million, "
            "whereas earlier the new forces comprised 10.1 million out of a total working class of 22.3 million.")
    found = [f for f in extract_facts(Sentence(0, 0, len(text), 0, 0, text)) if f.kind == "quantity"]
    total = next(f for f in found if f.text == "22.3 million")
    assert sorted(f.text for f in computing_partners(total, found)) == ["29.5 million", "7.2 million"]
    doc, result = generate("= Plans =\n\n" + text + "\n")
    q = next(q for q in result.questions if q.get("answer") == "29.5 million")
    assert "7.2" not in q["prompt"] and "22.3" not in q["prompt"] and "10.1 million out of" in q["prompt"]
    assert q["type"] == "numeric"


def test_a_sentence_that_only_names_the_subject_gives_its_name_to_the_he_after_it():
    text = ("= People =\n\nA typical example was Zara Witkin, an engineer. Witkin was trained as a civil engineer. He "
            "left for the Soviet Union in 1932 partially to make a living and partially out of a desire to support "
            "communism. He left in 1934.\n")
    doc, result = generate(text, kind="discussion", attribution="one answer in the thread")
    asked = [q for q in result.questions if q["type"] in ("numeric", "multiple_choice", "true_false")
             and q["prompt"].rstrip(". ").endswith(("in _____", "in 1934", "(Give the year.)"))
             and "left [" in q["prompt"]]
    assert asked
    for q in asked:
        assert "Zara Witkin left for the Soviet Union in 1932" in q["prompt"]
        assert "He left [the Soviet Union] in" in q["prompt"]
        assert "trained as a civil engineer" not in q["prompt"]  # two sentences, not three
        assert q["citation"]["quote"].startswith("Witkin was trained")  # the citation still names him


def test_a_breakdown_between_a_set_and_a_sentence_about_the_whole_set_is_left_out():
    text = ("= Foreign workers =\n\n== 1930s ==\n\nBy its peak in mid-1932, 42,230 foreign workers were employed in "
            "Soviet industry, mostly men and mostly skilled laborers. Of those, 50% were German or Austrian, 25% were "
            "American, and the rest were Finnish, Czech and Swedish workers. As opposed to the 1920s, where most were "
            "employed in agriculture, now most were employed in industry, particularly in major projects like "
            "Magnitogorsk or Kuznetsk where in 1931 they accounted for 2 or 3 percent of the workforce.\n")
    doc, result = generate(text, kind="reference", attribution="")
    asked = [q for q in result.questions if q.get("answer") == "2 or 3 percent"]
    assert asked
    for q in asked:
        assert "42,230 foreign workers" in q["prompt"] and "Of those" not in q["prompt"]
        assert "skilled laborers. … As opposed to the 1920s" in q["prompt"]


def test_an_excerpt_that_starts_with_an_ellipsis_and_a_capital_is_a_sentence():
    text = ("= Laws =\n\n... Article 5: Workers and employees who arbitrarily leave state enterprises are remitted to "
            "court and incarcerated in prisons for a term of 2 to 4 months.\n\n... and workers who came late were "
            "fined 25 per cent of their wages.\n")
    doc, result = generate(text)
    q = next(q for q in result.questions if q.get("answer") == "2 to 4")
    assert q["prompt"].startswith("According to Jane Roe (1941), workers and employees who arbitrarily leave")
    assert "..." not in q["prompt"] and "Article 5" not in q["prompt"]
    # an ellipsis before a lower-case word is still a fragment
    assert not any("25 per cent" in q["citation"]["quote"] for q in result.questions)


def test_a_self_contained_date_is_asked_without_a_section_title_that_names_its_year():
    text = ("= Crisis =\n\n== The December 1938 laws ==\n\nOn December 28, 1938, Stalin invalidated the labor code "
            "introduced under Lenin in December 1922. In 1939, two additional direct wage cuts followed the new laws "
            "of the government.\n")
    doc, result = generate(text)
    asked = [q for q in result.questions if q["type"] in ("multiple_choice", "numeric") and (
        q.get("answer") == "1938" or any(c["correct"] and c["text"] == "December 28, 1938" for c in q.get("choices", [])))]
    assert asked
    assert all("in the section" not in q["prompt"] for q in asked)
    assert all(q["prompt"].startswith("According to Jane Roe (1941), on ") for q in asked)


def test_a_bare_there_is_resolved_by_the_country_named_just_before():
    text = ("= People =\n\nWitkin was trained as a civil engineer. He left for the Soviet Union in 1932 to support "
            "communism. He left in 1934. The best-known case is that of John Scott, an engineer who was there in "
            "1932-1938 and wrote \"Behind the Urals: An American Worker in Russia's City of Steel\" describing his "
            "experiences.\n")
    doc, result = generate(text, kind="discussion", attribution="one answer in the thread")
    q = typed(result)["John Scott"]
    assert "who was there [in the Soviet Union] in 1932-1938" in q["prompt"]
    assert q["citation"]["quote"].startswith("He left for the Soviet Union in 1932")
    # a name inside a quoted title is never the blank
    assert "Urals" not in typed(result)

def test_stems_do_not_copy_transcription_slips():
    from quizapp.engine.stems import clean_sentence
    assert clean_sentence("Leon Sedov point ed out that the day was longer.") == "Leon Sedov pointed out that the day was longer."
    assert clean_sentence("The system achieved Just the opposite of its aim.") == "The system achieved just the opposite of its aim."
    assert clean_sentence("Just the opposite was true, said Ed Smith.") == "Just the opposite was true, said Ed Smith."
    assert clean_sentence("The workers sang in Red Square.") == "The workers sang in Red Square."
    assert clean_sentence("They won incontestable and. staggering successes in October.. All this was new.") == \
        "They won incontestable and staggering successes in October. All this was new."


def test_a_leading_for_is_kept_in_the_stem():
    # 'For' opens prepositional phrases far more often than it means 'because' (code review):
    # it is never dropped.
    from quizapp.engine.stems import strip_discourse
    for text in ("For these reasons the plan was abandoned in 1932.", "For the next five years wages were frozen.",
                 "For the list of the achievements is not exhausted by these facts."):
        assert strip_discourse(text) == text


def test_the_stem_body_is_found_after_a_title_with_commas_and_quotes():
    from quizapp.engine.generate import STEM_ATTRIBUTION
    stem = ("According to “Labour, wages and migration”, in the section “The “First” Plan (1929-1933)”, "
            "wages fell by a third.")
    assert stem[STEM_ATTRIBUTION.match(stem).end():] == "wages fell by a third."


def test_a_digit_inside_a_word_is_a_typo_and_not_asked():
    doc = document_from_text("All this was achieved in the most reacti9onary epoch of 1937 in modern history.\n",
                             doc_id="t", meta={"kind": "reference"})
    result = pipeline.generate_documents([doc]).results[0]
    assert not result.questions
    assert any("digit inside a word" in r["reason"] for r in result.rejected)


def test_a_sentence_between_the_one_asked_and_the_noun_it_refers_to_is_left_out():
    text = ("History knows of no comparable migration from rural areas into the industrial centers of the country. "
            "The statistics relating to this movement are one of the secrets of the regime. "
            "Nevertheless it is possible to arrive at an estimate: not less than twenty million peasants "
            "participated in this mass migration by 1939.\n")
    doc = document_from_text(text, doc_id="t", meta={"kind": "argument", "attribution": "A. Writer (1950)"})
    result = pipeline.generate_documents([doc]).results[0]
    asked = [q for q in result.questions if q.get("answer") == "twenty million"
             or any(c["correct"] and c["text"] == "twenty million" for c in q.get("choices", []))]
    assert asked
    for q in asked:
        assert "comparable migration" in q["prompt"] and "… It is possible" in q["prompt"]
        assert "statistics" not in q["prompt"] and "Nevertheless" not in q["prompt"]



def test_a_bare_million_is_asked_typed_without_a_millions_hint():
    text = ("= Migration =\n\nThe newspaper Die Zeitung reported more than a million Western workers had asked "
            "to go abroad in 1931.\n")
    doc, result = generate(text, kind="reference", attribution="")
    typed = [q for q in result.questions if q["type"] == "numeric" and q["answer"] == "a million"]
    assert typed, [q["prompt"] for q in result.questions]
    assert typed[0]["prompt"].endswith("(Give the number.)")
    assert {"1,000,000", "1000000", "one million", "1 million"} <= set(typed[0]["accept"])


def test_a_there_after_the_place_its_own_sentence_names_needs_no_sentence_before():
    from quizapp.engine.stems import there_in_own_sentence
    text = ("= Emigrants =\n\nMany engineers wrote home about their wages in 1932. "
            "There were several Danish engineers who moved to Mongolia and some still live there.\n")
    doc, result = generate(text, kind="reference", attribution="")
    asked = [q for q in result.questions if q["type"] == "short_answer" and q["answer"] == "Mongolia"]
    assert asked, [q["prompt"] for q in result.questions]
    assert "wages" not in asked[0]["prompt"] and asked[0]["citation"]["quote"].startswith("There were")
    assert there_in_own_sentence("Some moved to Mongolia and still live there.")
    assert not there_in_own_sentence("Some still live there.")
    assert not there_in_own_sentence("Some moved from Mongolia to Japan and still live there.")


def test_a_named_plan_or_war_is_asked_typed_with_its_other_name_accepted():
    from quizapp.engine.grading import grade
    text = ("= Defectors =\n\nAt the end of the Korean Conflict 21 soldiers chose to stay in Pyongyang rather than go home.\n\n"
            "The capital outlay for the Third Five Year Plan is greater than for any earlier budget of the state.\n")
    doc, result = generate(text, kind="reference", attribution="")
    typed = {q["answer"]: q for q in result.questions if q["type"] == "short_answer"}
    assert "Third Five Year Plan" in typed and "Korean Conflict" not in typed, list(typed)
    assert grade("short_answer", typed["Third Five Year Plan"], {"text": "third five-year plan"}) == 1.0
    assert not [q for q in result.questions if q["type"] == "multiple_choice" and "Plan" in str(q["choices"])]


def test_a_plan_in_an_aside_that_dates_a_year_is_not_asked():
    text = ("= Crisis =\n\nThe catastrophic conditions in industry in 1940 – the second year of the Third Five Year Plan – "
            "deepen all the contradictions of the preceding stages of the economy.\n")
    doc, result = generate(text, kind="argument")
    assert "Third Five Year Plan" not in {q.get("answer") for q in result.questions}
    assert any(r["reason"].startswith("a name in an aside that only dates a year") for r in result.rejected)


def test_a_people_in_a_one_line_claim_of_a_discussion_is_not_asked():
    text = "= Defectors =\n\nThere were several Americans who defected to North Korea and some still live there.\n"
    doc, result = generate(text, kind="discussion")
    assert "Americans" not in {q.get("answer") for q in result.questions}
    assert not [q for q in result.questions if q["type"] == "true_false" and "Korea" in q["prompt"]
                and "Americans" not in q["prompt"]]
    assert any(r["reason"].startswith("a people in a one-line claim") for r in result.rejected)


def test_a_people_in_a_discussion_is_typed_not_chosen_from_other_peoples():
    text = ("= Defectors =\n\nThere were several Americans who defected to North Korea in the 1960s and some "
            "still live in Pyongyang with their families.\n")
    doc, result = generate(text, kind="discussion")
    asked = [q for q in result.questions if q.get("answer") == "Americans"
             or any(c["correct"] and c["text"] == "Americans" for c in q.get("choices", []))]
    assert asked and all(q["type"] == "short_answer" for q in asked)


def test_a_plan_beside_the_previous_plans_is_not_asked():
    text = ("= Outlay =\n\nThe capital outlay for the Third Five Year Plan is greater than the combined totals for both "
            "of the previous plans, and the shortage of workers is worse.\n")
    doc, result = generate(text, kind="argument")
    assert "Third Five Year Plan" not in {q.get("answer") for q in result.questions}
    assert any(r["reason"].startswith("the plan's number follows") for r in result.rejected)


def test_an_unclosed_opening_quotation_mark_is_not_copied_into_the_stem():
    from quizapp.engine.stems import clean_sentence
    assert clean_sentence("And now Stalin ‘has drafted children from 14–17 years into industry.") == \
        "And now Stalin has drafted children from 14–17 years into industry."
    assert clean_sentence("He answered with the cry: ‘Stop your chatter!’ and left.") == \
        "He answered with the cry: ‘Stop your chatter!’ and left."


def test_an_it_that_stands_for_the_clause_after_it_needs_no_sentence_before():
    from quizapp.engine.anaphora import needs_previous
    text = ("= Crisis =\n\nSimilar quotations can be cited at will from one branch of industry to another. "
            "It is no longer “a secret” that the Third Five Year Plan has been gravely disrupted.\n")
    doc, result = generate(text, kind="argument")
    asked = [q for q in result.questions if q.get("answer") == "Third Five Year Plan"]
    assert asked and asked[0]["citation"]["quote"].startswith("It is no longer"), \
        [(r["reason"], r["passage"]) for r in result.rejected]
    assert "Similar quotations" not in asked[0]["prompt"]
    assert not needs_previous("It is not hard to understand why the workers resisted the decrees.", set())
    assert not needs_previous("It has been calculated that the mines lost 2,000 tons of copper.", set())
    # an 'it' that refers to something before still needs the sentence before
    assert needs_previous("It is the youngest proletariat in history.", set())
    assert needs_previous("It is without precedent in the history of modern industry.", set())
    assert needs_previous("It was a plan that failed.", set())


def test_a_fraction_is_asked_typed_with_its_other_forms_accepted():
    from quizapp.engine.grading import grade
    text = ("= Balance =\n\nOfficial figures clearly establish that Soviet labor productivity remains below one-fourth, "
            "and in many cases one-tenth of the corresponding productivity in advanced capitalist countries.\n\n"
            "In 1936, 33 per cent of the workers, one-third of the shop, did not fulfill their norm.\n")
    doc, result = generate(text, kind="argument")
    asked = {q["answer"]: q for q in result.questions if q["type"] == "short_answer"}
    assert {"one-fourth", "one-tenth"} <= set(asked), [q["prompt"] for q in result.questions]
    assert not [q for q in result.questions if q["type"] != "short_answer" and "below _____" in q["prompt"]]
    for typed in ("one tenth", "1/10", "a tenth", "10%"):
        assert grade("short_answer", asked["one-tenth"], {"text": typed}) == 1.0, typed
    assert grade("short_answer", asked["one-fourth"], {"text": "one quarter"}) == 1.0
    assert grade("short_answer", asked["one-fourth"], {"text": "one-fifth"}) == 0.0
    assert "“two-thirds”" in asked["one-tenth"]["prompt"]
    # a fraction that restates a percentage beside it is arithmetic, not reading
    assert "one-third" not in asked
    assert any(r["answer"] == "one-third" and r["reason"].startswith("the fraction can be worked out")
               for r in result.rejected)


REPORT = """= Plants =

The deputy commissar of metallurgy, N. Petrov, reports:

“In the factory the number of stoppages has increased. In the Volga copper plant there are likewise a great many stoppages and many accidents. In the eight months of the current year 211 accidents were recorded there. The losses are large.”{cite}
"""


def test_the_current_year_and_there_of_a_dated_report_are_said_in_the_stem():
    doc, result = generate(REPORT.format(cite=" (Pravda, Oct. 9, 1940)"), kind="argument")
    asked = [q for q in result.questions if q["type"] in ("numeric", "multiple_choice") and "211" in str(q)]
    assert asked, [(r["reason"], r["passage"][:60]) for r in result.rejected]
    prompt = asked[0]["prompt"]
    assert "the current year [1940] _____ accidents were recorded there [in the Volga copper plant]" in prompt
    assert "likewise" not in prompt and prompt.count(".") <= 3
    # an undated report leaves 'the current year' unknown: not asked
    doc, result = generate(REPORT.format(cite=""), kind="argument")
    assert not [q for q in result.questions if "211" in str(q.get("answer")) + str(q.get("choices"))]


def test_a_person_of_a_thread_is_asked_with_the_sentence_after_that_goes_on_about_them():
    text = ("= Defectors =\n\nJohn Kowalczyk tried to defect to Albania multiple times. He was forcibly returned.\n\n"
            "Peter Novak moved to Albania for political reasons.\n\n"
            "Anna Berg moved to Albania in search of work. I think this was very brave.\n")
    doc, result = generate(text, kind="discussion")
    typed = {q["answer"]: q for q in result.questions if q["type"] == "short_answer"}
    assert "John Kowalczyk" in typed, [(r["answer"], r["reason"]) for r in result.rejected]
    q = typed["John Kowalczyk"]
    assert q["prompt"].endswith("_____ tried to defect to Albania multiple times. He was forcibly returned. (Type the name.)")
    assert q["citation"]["quote"].endswith("He was forcibly returned.")
    # one thin line, with nothing after it about the person (or only a remark): still not asked
    assert "Peter Novak" not in typed and "Anna Berg" not in typed


def test_a_place_named_in_the_sentence_that_introduces_a_quotation_is_asked_with_its_first_sentence():
    text = ("= Plants =\n\nThe conditions in the Magnitogorsk steel plant, one of the largest plants in the country, "
            "are sketched as follows:\n\n“The factory operates sporadically. In the nine months, the stoppages amounted "
            "to 640,000 man-hours.” (Pravda, Oct. 27, 1940)\n")
    doc, result = generate(text, kind="argument")
    typed = [q for q in result.questions if q.get("answer") == "Magnitogorsk"]
    assert typed, [(r["answer"], r["reason"]) for r in result.rejected]
    assert typed[0]["type"] == "short_answer"
    assert typed[0]["prompt"].endswith("the conditions in the _____ steel plant, one of the largest plants in the "
                                       "country, are sketched as follows: “The factory operates sporadically.” (Type the place.)")
    assert typed[0]["citation"]["quote"].endswith("operates sporadically.")
    # the intro alone is still no statement
    assert any(r["reason"].startswith("introduces a quotation") for r in result.rejected)


# --- a teacher's own Markdown article: inline markup, titles, bylines, day-first dates ------------

CORAL = """# Coral Reefs Under Pressure

*Posted by Daniel Okafor on 4 June 2022*

## What a reef is

A coral reef is built by colonies of tiny animals called **polyps**, which secrete skeletons of calcium carbonate. Most reef-building corals live with algae called *zooxanthellae*, which supply up to 90 percent of the coral's energy. Reefs shelter about 25% of all marine species, according to [a 2018 survey](https://example.org/survey).

## Bleaching

The first global bleaching event was recorded in 1998. Dr. Terry Hughes, a reef scientist at James Cook University, argued in 2017 that bleaching events now come too often for reefs to recover.
"""


def test_a_markdown_article_shows_no_markup_no_byline_and_keeps_titles():
    doc, result = generate_reference(CORAL, "coral", "markdown")
    shown = [q["prompt"] for q in result.questions] + [c["text"] for q in result.questions for c in q.get("choices", [])]
    assert result.questions and not [t for t in shown if re.search(r"\*|\]\(|https?:", t)]
    assert not [t for t in shown if "Okafor" in t or "Posted" in t]  # the byline is not a fact of the text
    assert [q for q in result.questions if q.get("answer") == "polyps"]  # 'tiny animals called polyps'
    hughes = [t for t in shown if "Terry Hughes" in t or "Dr. _____" in t]
    assert hughes and not [t for t in hughes if "dr. " in t]  # a title keeps its capital after 'According to …, '


def test_what_happened_on_a_day_whichever_way_the_date_is_written():
    assert [when_phrase(d) for d in ("June 26, 1940", "4 June 2022", "1st May 1920", "August 1939", "1929", "mid-1932")] \
        == ["on June 26, 1940", "on 4 June 2022", "on 1st May 1920", "in August 1939", "in 1929", "in mid-1932"]


def test_an_explanation_quotes_the_text_without_the_stems_attribution():
    text = ("= Mills =\n\nThe mill at Ashford ground 420 tonnes of corn in 1794. Its wheel was 6 metres wide. "
            "The river beside it was 3 metres deep at the weir. A flood in 1821 closed it for 9 weeks.\n")
    doc = document_from_text(text, doc_id="w", meta={"kind": "argument", "attribution": "A. Writer (1950)"})
    result = pipeline.generate_documents([doc]).results[0]
    single = [q for q in result.questions if q["type"] in ("multiple_choice", "true_false", "numeric", "short_answer")
              and "Ashford" in q["explanation"]]
    assert single
    for q in single:
        assert "A. Writer (1950)" in q["prompt"]
        assert q["explanation"].startswith("The text says: “The mill at Ashford ground 420 tonnes of corn in 1794."), \
            q["explanation"]
        assert "According to" not in q["explanation"] and "Writer" not in q["explanation"]


# --- a biography: the pronoun of its subject ------------------------------------------------------

CURIE = """# Marie Curie

Marie Curie was a physicist and chemist who carried out pioneering research on radioactivity.

## Early life

Maria Skłodowska was born in Warsaw on 7 November 1867, the youngest of five children. Her father, Władysław Skłodowski, taught mathematics and physics.

## Research

In 1895 she married the French physicist Pierre Curie. In 1903 she shared the Nobel Prize in Physics.

## Later years

After Pierre was killed in a street accident in 1906, she took over his teaching post. She died on 4 July 1934 of aplastic anaemia.
"""


def _curie():
    doc = document_from_text(CURIE, doc_id="curie", source_format="markdown", meta={"kind": "reference"})
    return doc, pipeline.generate_documents([doc]).results[0]


def test_a_biography_names_its_subject_where_the_text_says_she():
    doc, result = _curie()
    assert doc.subject == ("Marie Curie", "she")
    prompts = [q["prompt"] for q in result.questions]
    assert any("Marie Curie died on" in p or "Marie Curie died on _____" in p for p in prompts), prompts
    assert any("in _____ Marie Curie married the French physicist Pierre Curie" in p for p in prompts), prompts
    assert subject_resolved("Her father, Władysław Skłodowski, taught physics.", doc.subject) == \
        "Marie Curie’s father, Władysław Skłodowski, taught physics."
    assert subject_resolved("In 1891 she moved to Paris.", doc.subject) == "In 1891 Marie Curie moved to Paris."
    assert subject_resolved("After Pierre was killed, she took over.", doc.subject) == "After Pierre was killed, she took over."
    # another name before the pronoun ('After Pierre was killed …, she took over'): left alone, not asked alone
    assert not [p for p in prompts if "Marie Curie took over" in p]
    assert not [p for p in prompts if re.search(r"(?<![\w“])(?:she|She)\b", p.split("”, ", 1)[-1])
                and "Pierre was killed" not in p]


def test_names_with_letters_beyond_ascii_are_whole_and_the_subject_under_another_name_is_not_typed():
    doc, result = _curie()
    texts = {c["text"] for q in result.questions for c in q.get("choices", [])} | \
        {q.get("answer") for q in result.questions}
    assert "Maria Sk" not in texts and not [q for q in result.questions if "_____łodowska" in q["prompt"]]
    assert any(r["reason"].startswith("the subject of the biography under another name") and
               r["answer"] == "Maria Skłodowska" for r in result.rejected)
    events = {c["text"] for q in result.questions if q["type"] == "multiple_choice" and "what happened" in q["prompt"]
              for c in q["choices"]} | {p[1] for q in result.questions if q["type"] == "matching" for p in q["pairs"]}
    assert not [e for e in events if "Warsaw the youngest" in e]  # ', the youngest of five' keeps its comma


def test_a_document_about_a_topic_has_no_subject():
    doc = document_from_text(CORAL, doc_id="coral", source_format="markdown", meta={"kind": "reference"})
    assert doc.subject is None


# blind review of round 21 (docs/reviews/verdicts-newdocs21b.md, items 7, 12, 16, 24): a life's
# birth, marriage, death and reburial, and a 'second' prize beside the first, order themselves.
LIFE = """# Ada Brandt

Ada Brandt was a chemist who studied the metals of the Alps.

## Life

Ada Brandt was born in Vienna on 3 May 1860, the daughter of a miller. In 1882 she married the engineer Karl Brandt. In 1886 the Brandts opened a laboratory in Graz to test ores from the mines. In 1890 Ada Brandt published a survey of the copper deposits of Tyrol. In 1897 Ada Brandt won the Liebig Medal for her survey. In 1904 she won a second Liebig Medal, for her work on zinc. In 1909 the Brandts moved their laboratory to Innsbruck and took on twelve students. She died on 9 June 1921 of pneumonia. In 1990 her remains were moved to a new grave in Graz.
"""


def test_life_events_and_ordinal_echoes_are_not_put_in_time_order():
    doc, result = generate_reference(LIFE, "life", "markdown")
    events = set()
    for q in result.questions:
        if q["type"] == "ordering":
            events |= set(q["sequence"])
        elif q["type"] == "matching" and "what happened" in q["prompt"]:
            events |= {p[1] for p in q["pairs"]}
        elif q["type"] == "multiple_choice" and "what happened" in q["prompt"]:
            events |= {c["text"] for c in q["choices"]}
    assert events, [q["prompt"] for q in result.questions]
    assert not [e for e in events if re.search(r"born|married|died|remains|second", e)], events
    assert any("opened a laboratory in Graz" in e for e in events)
    assert any("Liebig Medal" in e for e in events)  # the first medal, without its 'second'


def test_a_figure_for_a_year_is_no_event():
    text = ("= The Panama Canal =\n\nThe French began work on the canal on January 1, 1881. In 1904 the United States took over the "
            "excavations for $40 million. In 1914 the canal opened to ships of every nation after ten years of work. "
            "In 2021, about 516 million tons of cargo passed through the canal.\n")
    doc, result = generate_reference(text, "c")
    seqs = [q["sequence"] for q in result.questions if q["type"] == "ordering"]
    assert seqs and not [s for s in seqs if any("516 million" in e for e in s)], seqs


def test_a_participle_phrase_does_not_take_the_subject_pronoun_from_its_names():
    subject = ("Marie Curie", "she")
    assert subject_resolved("Building on the work of Henri Becquerel, who had found in 1896 that uranium gives off "
                            "rays, she measured the rays.", subject) == \
        "Building on the work of Henri Becquerel, who had found in 1896 that uranium gives off rays, Marie Curie measured the rays."
    assert subject_resolved("After Pierre was killed, she took over.", subject) == "After Pierre was killed, she took over."
    # a named war, prize or place before the pronoun is nobody it could mean
    assert subject_resolved("During the First World War she equipped 20 X-ray units.", subject) == \
        "During the First World War Marie Curie equipped 20 X-ray units."
    assert subject_resolved("In Paris, after the Nobel Prize, she taught.", subject) == \
        "In Paris, after the Nobel Prize, Marie Curie taught."
    assert subject_resolved("Because women could not enrol at the University of Warsaw, she studied abroad.", subject) \
        == "Because women could not enrol at the University of Warsaw, Marie Curie studied abroad."


def test_the_subject_of_a_biography_is_never_a_wrong_option_nor_asked_by_the_title_name():
    _, result = _curie()
    for q in result.questions:
        wrong = {c["text"] for c in q.get("choices", []) if not c["correct"]}
        assert not wrong & {"Marie Curie", "Maria Skłodowska"}, q["prompt"]
        if q["type"] == "true_false" and any(c["correct"] and c["text"] == "False" for c in q["choices"]):
            assert "Skłodowska" not in q["prompt"].replace("Maria Skłodowska was born", ""), q["prompt"]
        assert q.get("answer") != "Marie Curie"
    # Pierre Curie beside Marie Curie: the family name is shown, so the name is not asked
    assert not [q for q in result.questions if "physicist _____" in q["prompt"]]
    assert "cue: a word of the answer is in the stem" in \
        {r["reason"] for r in result.rejected if r["answer"] == "Pierre Curie" and "physicist _____" in r["passage"]}


def test_a_role_before_a_name_makes_it_a_person():
    from quizapp.engine.facts import extract_facts
    doc = document_from_text("In 1898 the physicist Ada Brandt announced polonium, an element she named after "
                             "her native Poland.\n", doc_id="t", meta={"kind": "reference"})
    assert ("person", "Ada Brandt") in [(f.kind, f.text) for f in extract_facts(doc.sentences[0])]


def test_an_it_two_sentences_after_the_name_is_given_the_name():
    text = ("The Great Barrier Reef, off the coast of Queensland, Australia, is the largest reef system on Earth. It "
            "stretches for about 2,300 kilometres and is made of roughly 2,900 individual reefs. It was declared a "
            "World Heritage Site in 1981.\n")
    doc, result = generate_reference(text, "reef")
    asked = [q for q in result.questions if q["type"] in ("multiple_choice", "numeric") and "World Heritage" in q["prompt"]]
    assert asked and all("the Great Barrier Reef was declared a World Heritage Site in _____" in q["prompt"]
                         and "stretches" not in q["prompt"] for q in asked), [q["prompt"] for q in asked]
    assert all(q["citation"]["start"] == 0 for q in asked)  # the citation still shows where the name is


def test_a_fact_read_across_a_hard_line_break_is_shown_on_one_line():
    text = ("# Canal\n\nThe French began work on a canal across the Isthmus of Panama in January\n1881, with some "
            "20,000 workers. The Panama Canal Company went bankrupt in\n1889, and the scandal reached the "
            "French parliament. In 1904 the United\nStates bought the French equipment for $40 million.\n")
    doc, result = generate_reference(text, "wrap", "markdown")
    wrapped = [q for q in result.questions if "\n" in q["citation"]["quote"]]
    assert wrapped
    for q in result.questions:
        shown = [q["prompt"], q["explanation"], q.get("answer") or "", *q.get("accept", []), *q.get("sequence", []),
                 *(x for pair in q.get("pairs", []) for x in pair),
                 *(v for c in q.get("choices", []) for v in c.values() if isinstance(v, str))]
        assert not [s for s in shown if "\n" in s], q
        if q.get("answer"):
            assert q["answer"] in " ".join(q["citation"]["quote"].split())
    assert any(c["text"] == "January 1881" for q in result.questions for c in q.get("choices", []) if c["correct"]) \
        or any(q.get("answer") == "January 1881" for q in result.questions)


def test_a_family_name_opening_a_sentence_keeps_its_capital_and_two_clauses_are_no_event():
    text = ("# Penicillin\n\nIn 1928 Alexander Fleming found a mould at St Mary's Hospital. In 1939 Howard Florey and "
            "Ernst Chain took up the problem in Oxford. Florey was an Australian-born pathologist; Chain was a "
            "biochemist who had left Germany in 1933. Fleming and Florey had both been knighted in 1944. In 1945 the "
            "three men shared the Nobel Prize in Physiology or Medicine.\n")
    doc, result = generate_reference(text, "pen", "markdown")
    knighted = [q["prompt"] for q in result.questions if "knighted" in q["prompt"]]
    assert knighted and all(", Fleming and Florey had both" in p for p in knighted), knighted
    events = [e for q in result.questions for e in q.get("sequence", [])] + \
        [p[1] for q in result.questions for p in q.get("pairs", [])]
    assert not [e for e in events if ";" in e]


def test_an_it_after_an_opening_phrase_takes_the_name_it_stands_for():
    # round 23 blind review: 'According to …, completed in 1869, it cut the journey …' left 'it' unresolved
    text = ("# The Railroad\n\nThe First Transcontinental Railroad was the first rail line to connect the eastern "
            "United States with the Pacific coast. Completed in 1869, it cut the journey from New York to San "
            "Francisco from several months to about a week.\n")
    doc, result = generate_reference(text, "rr", "markdown")
    stems = [q["prompt"] for q in result.questions if "journey" in q["prompt"]]
    assert stems and all(", the First Transcontinental Railroad cut the journey" in p for p in stems), stems
    assert not [p for p in stems if ", it cut" in p]
    # the citation still starts at the sentence that names it
    cited = [q["citation"] for q in result.questions if "journey" in q["prompt"]]
    assert all(c["quote"].startswith("The First Transcontinental Railroad was") for c in cited)


def test_an_extraposed_it_after_an_opening_phrase_needs_nothing_before():
    from quizapp.engine.anaphora import needs_previous
    assert needs_previous("Completed in 1869, it cut the journey to about a week.", set())
    assert not needs_previous("In the light of recent legislation, it is by no means far-fetched to conclude that "
                               "wages fell in 1939.", set())
    assert not needs_previous("By 1900, it was clear that the canal would be built.", set())


def test_the_context_sentence_keeps_a_family_name_capital_and_the_same_year_as_finds_its_thing():
    # round 23: 'in the section …, fleming and Florey had …' (the capital lost in the context sentence), and
    # 'In the same year as the Nobel Prize' shown after a sentence that does not say the Nobel Prize's year
    text = ("# Penicillin\n\n## Legacy\n\nIn 1928 Alexander Fleming found a mould. In 1939 Howard Florey and Ernst "
            "Chain took up the problem in Oxford. Fleming, Florey and Chain shared the 1945 Nobel Prize in "
            "Physiology or Medicine. Heatley was not included. Fleming and Florey had both been knighted in 1944. "
            "In the same year as the Nobel Prize, Dorothy Hodgkin used X-ray crystallography to determine the "
            "structure of penicillin.\n")
    doc, result = generate_reference(text, "pen", "markdown")
    prompts = [q["prompt"] for q in result.questions] + [r["passage"] for r in result.rejected if r.get("passage")]
    assert not [p for p in prompts if ", fleming" in p]
    hodgkin = [p for p in prompts if "X-ray" in p]
    assert hodgkin and all("shared the 1945 Nobel Prize" in p and "… In the same year as the Nobel Prize" in p
                           and "knighted" not in p for p in hodgkin), hodgkin


def test_d_day_gives_its_date_away():
    text = ("# Doses\n\nBy D-Day on 6 June 1944 about 2.3 million doses had been prepared for the invasion. "
            "In March 1942 Anne Miller became one of the first patients in the United States to be saved by the drug.\n")
    doc, result = generate_reference(text, "dd", "markdown")
    assert any("2.3 million" in str(q.get("choices", "")) or q.get("answer") == "2.3 million" for q in result.questions)
    assert not [q for q in result.questions if "D-Day on _____" in q["prompt"] or "D-Day on 6 June _____" in q["prompt"]]
    assert not [q for q in result.questions if q["type"] == "true_false" and "D-Day" in q["prompt"]
                and "6 June 1944" not in q["prompt"]]
    assert any("landmark year" in r["reason"] for r in result.rejected)


def test_a_university_of_a_city_accepts_the_other_order():
    # round 23 blind review: 'University of Warsaw' typed as 'Warsaw University' was marked wrong
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    fact = Fact(kind="org", text="University of Warsaw", sentence=0, start=0, end=20)
    assert {"University of Warsaw", "Warsaw University"} <= set(name_accepts(fact))
    assert "Oxford University" in name_accepts(Fact(kind="org", text="the University of Oxford", sentence=0, start=0, end=24))
    assert "England Bank" not in name_accepts(Fact(kind="org", text="Bank of England", sentence=0, start=0, end=15))


def test_a_famous_person_under_a_full_name_is_never_an_option_or_a_swap():
    # round 23: 'President Abraham Lincoln' (named once for the Act) became the false swap of 'the Big
    # Four: Leland Stanford, …' and of 'Leland Stanford … drove the golden spike' in 1869
    from quizapp.engine import lexicon
    assert lexicon.is_famous("Abraham Lincoln") and lexicon.is_famous("Lincoln") and not lexicon.is_famous("Charles Crocker")
    text = ("# Railroad\n\nOn July 1, 1862, President Abraham Lincoln signed the Pacific Railway Act. The engineer "
            "Theodore Judah surveyed a route across the Sierra Nevada. The railroad was controlled by four merchants "
            "known as the Big Four: Leland Stanford, Collis Huntington, Mark Hopkins and Charles Crocker. At the "
            "ceremony in 1869, Leland Stanford drove a golden spike. Thomas Durant dominated the Union Pacific's "
            "finances. Grenville Dodge was its chief engineer.\n")
    doc, result = generate_reference(text, "rr", "markdown")
    shown = " ".join(q["prompt"] + " " + " ".join(c["text"] for c in q.get("choices", [])) for q in result.questions)
    assert result.questions and shown.count("Lincoln") == shown.count("President Abraham Lincoln signed")


def test_a_body_named_by_a_common_word_keeps_its_capital_after_according_to():
    text = ("# Railroad\n\nCongress also fixed the track at standard gauge, meaning a distance of 4 feet 8½ inches "
            "between the rails, in 1863.\n")
    doc, result = generate_reference(text, "rr", "markdown")
    assert result.questions and all(", Congress also fixed" in q["prompt"] for q in result.questions if "gauge" in q["prompt"])
    assert not [q for q in result.questions if "congress" in q["prompt"]]


def test_a_percentage_the_sentence_works_out_is_not_asked():
    # round 23: 'gave penicillin to four of them (_____ of the group)' after 'eight mice'
    text = ("# Mice\n\nOn 25 May 1940 the team infected eight rats with a lethal dose of bacteria and gave penicillin "
            "to four of them (50 per cent of the group). In the hospital 35 per cent of the patients recovered within a week.\n")
    doc, result = generate_reference(text, "m", "markdown")
    assert not [q for q in result.questions if "of the group" in q["prompt"] and "25 May 1940" in q["prompt"]
                and q["type"] in ("multiple_choice", "numeric", "true_false") and "50 per cent" not in q["prompt"]]
    assert any("ratio of two numbers" in r["reason"] for r in result.rejected)
    assert any("35 per cent" in str(q.get("choices", "")) or q.get("answer") == "35 per cent" for q in result.questions)


def test_the_year_of_a_famous_discovery_is_not_asked_in_its_own_document():
    # round 23: 'Its discovery in _____' in "The Discovery and Development of Penicillin": 1928 is known
    text = ("Penicillin was the first antibiotic widely used in medicine. Its discovery in 1928 transformed medicine. "
            "In September 1928 Fleming returned from a holiday. Chain had left Germany in 1933.\n")
    doc = document_from_text(text, doc_id="p", meta={"kind": "reference", "title": "The Discovery of Penicillin"})
    result = pipeline.generate_documents([doc]).results[0]
    assert not [q for q in result.questions if "discovery in" in q["prompt"] or "returned from" in q["prompt"]]
    assert any("famous discovery" in r["reason"] for r in result.rejected)
    assert any(q.get("answer") == "1933" for q in result.questions)


def test_the_thing_the_sentence_before_introduces_is_shown_with_it():
    # round 23: 'Each step on the scale means …' with 'a scale from 0 to 8' in the sentence before
    text = ("= Volcanoes =\n\n== Measuring eruptions ==\n\nScientists rate eruptions on the Volcanic Explosivity Index, "
            "a scale from 0 to 8. Each step on the scale means an eruption about twelve times larger than the step below.\n")
    doc, result = generate_reference(text, "v")
    steps = [q["prompt"] for q in result.questions if "Each step" in q["prompt"] or "each step" in q["prompt"]]
    assert steps and all("Volcanic Explosivity Index, a scale from 0 to 8. Each step on the scale" in p for p in steps)
    from quizapp.engine.stems import _named_before
    assert _named_before("It was introduced in 1927, the year when the struggle reached its climax.",
                         "Underlying both is a thirteen year campaign to cut wages.", "") is None


def test_them_after_an_irregular_plural_is_resolved_in_its_sentence():
    from quizapp.engine.anaphora import dangling_pronoun
    assert not dangling_pronoun("The team infected eight mice and gave penicillin to four of them.", set())
    assert dangling_pronoun("The team gave penicillin to four of them.", set())


def test_round_23_short_answers_a_body_named_in_the_section_title_a_later_with_no_anchor_a_discoverer():
    text = ("= Penicillin =\n\n== The Oxford Team ==\n\nAbout ten years later, Howard Florey and Ernst Chain took up the "
            "problem at the Sir William Dunn School of Pathology at the University of Oxford.\n\n== Research ==\n\n"
            "Building on the work of Henri Becquerel, who had found in 1896 that uranium salts give off rays, she "
            "measured the rays with an electrometer.\n\n== Railroads ==\n\nThe Union Pacific Railroad built westward "
            "from Omaha. Serious track laying on the Union Pacific did not begin until 1865, after the end of the "
            "Civil War.\n")
    doc, result = generate_reference(text, "r23")
    assert not [q for q in result.questions if "ten years later" in q["prompt"]]  # later than what?
    assert "Henri Becquerel" not in asked_keys(result)  # 'who had found in 1896 that uranium …' names him
    assert any(r["reason"].startswith("general knowledge: a person described by a named achievement")
               for r in result.rejected if r.get("answer") == "Henri Becquerel")
    typed = [q for q in result.questions if q["type"] == "short_answer" and q["answer"] == "Union Pacific"]
    assert typed and all("Union Pacific Railroad" in q["accept"] for q in typed)


def test_a_body_whose_distinctive_word_the_section_title_gives_is_not_typed():
    text = ("= Penicillin =\n\n== The Oxford Team ==\n\nIn 1939 Howard Florey and Ernst Chain took up the problem at the "
            "Sir William Dunn School of Pathology at the University of Oxford.\n")
    doc, result = generate_reference(text, "ox")
    assert "University of Oxford" not in asked_keys(result)
    assert any(r["reason"].startswith("cue: the distinctive word of the body's name") for r in result.rejected
               if r.get("answer") == "University of Oxford")


def test_round_24_office_term_dates_compound_measures_landmark_eruptions_and_the_index():
    text = ("= Railroads and volcanoes =\n\n== Origins ==\n\nOn July 1, 1862, President Abraham Lincoln signed the "
            "Pacific Railway Act. Congress also fixed the track at standard gauge, meaning a distance of 4 feet 8½ "
            "inches between the rails, in 1863.\n\n== Measuring eruptions ==\n\nScientists rate eruptions on the "
            "Volcanic Explosivity Index, a scale from 0 to 8. Each step on the scale means an eruption about ten "
            "times larger than the step below. The 1815 eruption of Mount Tambora in Indonesia reached 7 on the "
            "index and killed about 71,000 people. The eruption of Krakatoa on 27 August 1883 could be heard "
            "4,800 kilometres away.\n")
    doc, result = generate_reference(text, "r24")
    lincoln = [q for q in result.questions if "Lincoln signed" in q["prompt"]]
    assert not [q for q in lincoln if q["type"] == "multiple_choice"]  # 'July 1, 1860' is before his term
    assert any(r["reason"].startswith("a date beside a holder of high office") for r in result.rejected)
    assert not [q for q in result.questions if "_____ feet" in q["prompt"] or "feet _____ inches" in q["prompt"]]
    assert any(r["reason"].startswith("part of a compound measure") for r in result.rejected)
    assert not [q for q in result.questions if "Krakatoa on _____" in q["prompt"] or "August _____" in q["prompt"]]
    tambora = [q["prompt"] for q in result.questions if "on the index" in q["prompt"]]
    assert tambora and all("Volcanic Explosivity Index, a scale from 0 to 8. … The 1815 eruption" in p for p in tambora)


def test_a_common_word_before_a_country_is_lowercased_after_according_to_and_new_york_has_its_other_names():
    from quizapp.engine.casing import starts_with_proper_noun
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    assert not starts_with_proper_noun("Wartime Britain lacked the industrial capacity.")
    assert starts_with_proper_noun("Northern Ireland lacked the industrial capacity.")
    assert starts_with_proper_noun("Soviet Russia lacked the industrial capacity.")
    assert {"New York City", "NYC"} <= set(name_accepts(Fact(kind="place", text="New York", sentence=0, start=0, end=8)))


def test_round_25_general_knowledge_a_school_word_a_famous_eruption_the_ring_of_fire_and_ten_times():
    text = ("= Volcanoes =\n\n== How a volcano forms ==\n\nMolten rock below the surface is called magma; once it "
            "reaches the surface it is called lava. About 75 percent of the world's active volcanoes lie around the "
            "Pacific Ocean, in a belt known as the Ring of Fire.\n\n== Measuring eruptions ==\n\nScientists rate "
            "eruptions on the Volcanic Explosivity Index, a scale from 0 to 8. Each step on the scale means an "
            "eruption about ten times larger than the step below.\n\n== Famous eruptions ==\n\nMount St. Helens in "
            "Washington State erupted on May 18, 1980, killing 57 people.\n")
    doc, result = generate_reference(text, "v25")
    keys = asked_keys(result)
    assert "lava" not in keys and "Pacific Ocean" not in keys and "Mount St. Helens" not in keys
    assert not [q for q in result.questions if "times larger" in q["prompt"] and "_____" in q["prompt"]]
    assert not [q for q in result.questions if "erupted on _____" in q["prompt"] or "May 18, _____" in q["prompt"]]
    reasons = {r["reason"] for r in result.rejected}
    assert any(r.startswith("general knowledge: the place of a famous event") for r in reasons)
    assert any(r.startswith("a power of ten as a multiplier") for r in reasons)


def test_round_25_accepted_forms_the_results_and_an_aside_made_false():
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    assert "Stanford" in name_accepts(Fact(kind="org", text="Stanford University", sentence=0, start=0, end=19))
    assert "Pacific" in name_accepts(Fact(kind="place", text="Pacific Ocean", sentence=0, start=0, end=13))
    from quizapp.engine.anaphora import needs_previous
    assert needs_previous("The results were published in The Lancet in August 1940.", set())
    assert not needs_previous("The results of the trial were published in The Lancet in August 1940.", set())
    text = ("= Curie =\n\n== Research ==\n\nBuilding on the work of Henri Becquerel, who had found in 1896 that uranium "
            "salts give off rays, the physicist Marie Curie measured the rays in 1897. The commission received about "
            "420,000 requests, which were answered in 1925.\n")
    doc, result = generate_reference(text, "c25")
    tf = [q["prompt"] for q in result.questions if q["type"] == "true_false"]
    assert not [p for p in tf if "who had found in 18" in p and "in 1896" not in p]  # no false aside
    assert [p for p in tf if "measured the rays in 18" in p and "1897" not in p]  # the main claim is swapped


def test_a_statement_set_never_borrows_a_figure_another_of_its_statements_states():
    from quizapp.engine.composite import _shares_swapped_value
    from quizapp.engine.model import Sentence

    class C:  # a true/false candidate as the statement set sees it
        def __init__(self, text):
            self.sentence = Sentence(index=0, start=0, end=len(text), text=text, paragraph=0, section=0)
    false = (C("The eruption of Krakatoa could be heard 4,800 kilometres away."),
             "In the section “Famous eruptions”, the eruption of Krakatoa could be heard 4,170 kilometres away.", False)
    other = (C("Mauna Loa rises about 4,170 metres above sea level."),
             "In the section “Kinds”, Mauna Loa rises about 4,170 metres above sea level.", True)
    third = (C("The 1815 eruption reached 7 on the index."), "In the section “1815–1816”, the 1815 eruption reached 7.", True)
    assert _shares_swapped_value(false, other)
    assert not _shares_swapped_value(false, third) and not _shares_swapped_value(other, false)


def test_new_documents_3_review_patterns():
    # blind review of new-documents-3 (docs/reviews/verdicts-newdocs3-31.md)
    text = ("The Suez Canal\n\n"
            "Route and length\n\n"
            "The Suez Canal is an artificial waterway in Egypt that links the Mediterranean Sea at Port Said with the "
            "Red Sea at Suez. Israel invaded the Sinai Peninsula on 29 October 1956, as agreed with Britain. The "
            "British prime minister, Anthony Eden, resigned soon afterwards, in January 1957.\n\n"
            "Expansion in 2015\n\n"
            "In August 2015 Egypt opened what it called the New Suez Canal. On 23 March 2021 the ship Ever Given ran "
            "aground in the canal. By the time it was freed on 29 March, more than 350 vessels were waiting.\n\n"
            "Telescopes\n\n"
            "The 200-inch Hale telescope at Palomar Observatory was completed in 1948; early in 1949 Hubble became the "
            "first astronomer to use it. The Hubble Space Telescope, whose mirror is 2.4 metres (about 94 inches) "
            "across, was launched on 24 April 1990. Light from a receding source shifts towards longer, redder "
            "wavelengths; this shift is called redshift. He married Grace Burke Leib in 1924.\n")
    doc, result = generate_reference(text, "n3")
    keys = asked_keys(result)
    assert "Mediterranean Sea" not in keys  # the Suez Canal tells anyone which seas it links
    assert "New Suez Canal" not in keys  # the title tells it
    assert "redshift" not in keys  # 'redder … this shift'
    assert "2.4" not in keys and "2.4 metres" not in keys  # '(about 94 inches)' beside it
    prompts = [q["prompt"] for q in result.questions]
    assert not [p for p in prompts if p.startswith("According to “The Suez Canal”, in the section “Expansion in 2015”, by the time it")]
    assert not [q for q in result.questions if q["type"] == "multiple_choice" and "early in _____" in q["prompt"]]
    events = [e for q in result.questions for e in q.get("sequence", []) + [c["text"] for c in q.get("choices", [])]]
    assert not [e for e in events if "afterwards" in e or e.endswith(",")]
    sinai = [q for q in result.questions if q.get("answer") == "Sinai Peninsula"]
    assert all("Sinai" in q["accept"] for q in sinai)
    israel = [q for q in result.questions if q.get("answer") == "Israel"]
    assert all(q["prompt"].endswith("(Type the country.)") for q in israel)
    leib = [q for q in result.questions if q.get("answer") == "Grace Burke Leib"]
    assert all("Grace Leib" in q["accept"] for q in leib)


def test_new_documents_3_second_read():
    # read of new-documents-3's questions after the blind review: a thing named after a person taken for a
    # person ('given to the Grace Burke Leib'), a currency's country typed ('8 billion _____ dollars'),
    # 'Red' accepted for 'Red Sea', a book's year in brackets, 'A few weeks later', 'soon afterwards',
    # 'had derived it from theory'
    from quizapp.engine.facts import classify_name
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    from quizapp.engine.anaphora import needs_previous
    assert classify_name("Hubble Space Telescope", "given to the ", ", whose mirror is 2.4 metres") is None
    assert classify_name("Mount Wilson Observatory", "at the ", ", above Pasadena") == "place"
    assert "Red" not in name_accepts(Fact(kind="place", text="Red Sea", sentence=0, start=0, end=7))
    assert needs_previous("A few weeks later, on 26 July 1956, Nasser nationalised the canal company.", set())
    assert needs_previous("The British prime minister, Anthony Eden, resigned soon afterwards, in January 1957.", set())
    assert needs_previous("In 1927 the Belgian physicist Georges Lemaître had derived it from theory.", set())
    text = ("# Suez\n\n## Expansion\n\nThe project, which cost about 8 billion US dollars, added a parallel channel of "
            "about 35 kilometres in 2015. He described the scheme in his book The Realm of the Nebulae (1936).\n")
    doc, result = generate_reference(text, "s3", "markdown")
    assert "US" not in asked_keys(result) and "1936" not in asked_keys(result)


def test_round_32_and_shipped_23_review_patterns():
    # blind reviews newdocs3-32 and shipped23: narrow range accepts ('2 or 3 percent' without '2-3'; '100 to
    # 1.15e+11'), a state of affairs made false by another year, a gloss in brackets after the blank, 'the
    # Opposition', the year asked standing elsewhere in the stem, 'Photosynthetic' after a comma, Egypt
    from quizapp.engine.accepts import range_accepts
    from quizapp.engine.model import Fact
    from quizapp.engine.casing import starts_with_proper_noun
    assert {"2-3", "2 to 3%", "2–3 per cent", "2 or 3"} <= set(range_accepts(
        Fact(kind="percent", text="2 or 3 percent", sentence=0, start=0, end=14, value=2, high=3)))
    billions = range_accepts(Fact(kind="range", text="100 to 115 billion", sentence=0, start=0, end=18, value=1e11, high=1.15e11))
    assert "100-115" in billions and "100 to 115 billion" in billions and not [a for a in billions if "e+" in a]
    assert "70000-80000" in range_accepts(Fact(kind="range", text="70,000 to 80,000", sentence=0, start=0, end=16,
                                               value=70000, high=80000))
    assert not starts_with_proper_noun("Photosynthetic organisms on land fix carbon.")
    text = ("The Suez Canal\n\nHistory\n\nThe Suez Canal is an artificial waterway in Egypt that joins two seas. Britain "
            "occupied Egypt in 1882. At the end of 1929 fewer than 5,000 foreign workers remained in the country. The "
            "seven-hour day was introduced in 1927, the year when the struggle against the Left Opposition "
            "(Trotskyists) reached its climax, and the Opposition was crushed. Egypt had sunk ships to block the "
            "canal, which did not reopen until April 1957. The prime minister resigned soon afterwards, in January 1957.\n")
    doc, result = generate_reference(text, "r32")
    keys = asked_keys(result)
    assert "Egypt" not in keys and "Left Opposition" not in keys
    assert not [q for q in result.questions if q["type"] == "true_false" and "fewer than 5,000" in q["prompt"]]
    assert not [q for q in result.questions if q["type"] in ("numeric", "multiple_choice") and "January _____" in q["prompt"]]
    reasons = {r["reason"] for r in result.rejected}
    assert any(r.startswith("trivial: the country the document is set in") for r in reasons)
    assert any(r.startswith("a name glossed in brackets") for r in reasons)


def test_round_33_and_shipped_24_review_patterns():
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    from quizapp.engine.anaphora import needs_previous
    from quizapp.engine.composite import without_logical_order
    assert needs_previous("Inside it lie the thylakoids, flattened sacs of membrane.", set())
    assert needs_previous("Hubble was not the first to describe the relation.", set())
    assert not needs_previous("Hubble described the relation between distance and speed in 1929.", set())
    assert "IAU" in name_accepts(Fact(kind="org", text="International Astronomical Union", sentence=0, start=0, end=32))
    assert not [a for a in name_accepts(Fact(kind="org", text="Amtorg Trading Corporation", sentence=0, start=0, end=26))
                if a.isupper()]
    events = [((1859,), "Work began at Port Said", "1859", None, None),
              ((2015,), "Egypt opened what it called the New Suez Canal", "2015", None, None)]
    assert len(without_logical_order(events)) == 1
    text = ("# Labour\n\n## Laws\n\nThe system of shock-brigadeism was replaced by Stakhanovism in August 1935. The "
            "Stakhanov movement spread quickly to every factory in the country.\n")
    doc, result = generate_reference(text, "st", "markdown")
    typed = [q for q in result.questions if q["type"] == "short_answer" and q["answer"] == "Stakhanovism"]
    assert all("Stakhanov movement" in q["accept"] for q in typed)


def test_round_34_review_patterns():
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    from quizapp.engine.anaphora import needs_previous
    assert {"Mt Wilson", "Mt. Wilson"} <= set(name_accepts(Fact(kind="place", text="Mount Wilson", sentence=0, start=0, end=12)))
    assert needs_previous("Albert Einstein, who visited Mount Wilson in 1931, accepted the evidence.", set())
    text = ("= Hubble =\n\n== Later life ==\n\nHe helped plan the 200-inch Hale telescope at Palomar Observatory, "
            "completed in 1948; early in 1949 he became the first astronomer to use it. The canal was closed at the "
            "start of the Six-Day War in June 1967, and it stayed shut for eight years.\n")
    doc, result = generate_reference(text, "h34")
    assert not [q for q in result.questions if "early in _____" in q["prompt"]]
    assert not [q for q in result.questions if "War in _____" in q["prompt"] or "June _____" in q["prompt"]]


def test_a_statement_set_never_mixes_statements_with_and_without_their_section():
    text = ("= Suez =\n\nThe canal opened on 17 November 1869 at Port Said.\n\n== Closure from 1967 to 1975 ==\n\n"
            "The canal was closed in June 1967 by the war. Fifteen ships were trapped in the Great Bitter Lake in 1967.\n\n"
            "== Expansion ==\n\nIn August 2015 Egypt opened a second channel of 35 kilometres. The project cost about 8 "
            "billion dollars in 2015.\n")
    doc, result = generate_reference(text, "s34")
    for q in result.questions:
        if q["type"] == "multiple_response" and q["prompt"].startswith("Which of these statements"):
            labelled = {c["text"].startswith("In the section “") for c in q["choices"]}
            assert labelled == {True}, q["choices"]


def test_a_typed_term_accepts_its_singular():
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    assert "udarnik" in name_accepts(Fact(kind="term", text="udarniki", sentence=0, start=0, end=8))
    assert "tortoise tempo" in name_accepts(Fact(kind="term", text="tortoise tempos", sentence=0, start=0, end=15))
    assert name_accepts(Fact(kind="term", text="stomata", sentence=0, start=0, end=7)) == ["stomata"]


def test_new_documents_4_review_patterns():
    # blind review newdocs4-41 (16/40): references a copied sentence keeps without what they point to
    from quizapp.engine.anaphora import needs_previous
    names = {"Robert Hooke", "Hooke", "John Bardeen", "Bardeen", "Luigi Menabrea", "Menabrea", "John Scott", "Scott"}
    assert needs_previous("Working within it, John Bardeen, a theorist, pressed two gold contacts against a slab.", names)
    assert needs_previous("In 1842 the Italian engineer Luigi Menabrea wrote an account of it in French.", names)
    assert needs_previous("Together with Robert Hooke he also designed the Monument.", names)
    assert needs_previous("By contrast, the M1 processor holds about 16 billion.", names)
    assert needs_previous("Silicon, however, works better at high temperatures.", names)
    assert not needs_previous("Silicon works better than germanium at high temperatures.", names)
    assert not needs_previous("The best-known case is that of John Scott, an engineer who described his experiences.", names)
    assert needs_previous("A more practical version was devised by Noyce on silicon in 1959.", names)
    text = ("# Ada Lovelace\n\n## Early life\n\nAda was born Augusta Ada Byron on 10 December 1815 in London. Her father "
            "Lord Byron married Anne Isabella Milbanke in January 1815. The marriage broke down within weeks of the birth, "
            "and in April 1816 Byron left England for good.\n\n"
            "## Bell Labs\n\nIn 1945 Bell Labs set up a solid-state physics group. The group was led by William Shockley in 1946.\n")
    doc, result = generate_reference(text, "ada", "markdown")
    prompts = [q["prompt"] for q in result.questions]
    assert not [p for p in prompts if ", ada was" in p]
    assert not [p for p in prompts if p.startswith("According to “Ada Lovelace”, in the section “Early life”, the marriage")]
    assert not [p for p in prompts if "the group was led by" in p.lower() and "physics group" not in p]


def test_a_title_before_a_name_is_no_person_with_a_role_and_the_great_fire_gives_its_year():
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    assert "John Pierce" in name_accepts(Fact(kind="person", text="John R. Pierce", sentence=0, start=0, end=14))
    text = ("When the Lord Mayor, Sir Thomas Bludworth, was woken, he was unimpressed. The fire began in a bakery on "
            "2 September 1666 and burned for four days.\n")
    doc = document_from_text(text, doc_id="gf", meta={"kind": "reference", "title": "The Great Fire of London"})
    result = pipeline.generate_documents([doc]).results[0]
    assert not [q for q in result.questions if q["type"] == "matching" and any("Bludworth" in p[1] for p in q["pairs"])]
    assert not [q for q in result.questions if "_____" in q["prompt"] and "September" in q["prompt"] and "burned" in q["prompt"]
                and q["type"] in ("multiple_choice", "numeric")]


def test_a_thing_brought_in_by_the_paragraph_before_or_behind_a_context_sentence_is_not_left_unresolved():
    # review newdocs4-42: 'THE POINT-CONTACT TRANSISTOR: The group was led by …' after '… set up a group to study
    # semiconductors.'; 'The marriage broke down within weeks of the birth' after '… his wife, Anne …' as the
    # context of the sentence after it; '… who later became Prime Minister of Italy, wrote an account of it'
    from quizapp.engine.anaphora import object_it
    assert object_it("An Italian engineer, Luigi Menabrea, who later became Prime Minister of Italy, wrote an account "
                      "of it in French.", {"Luigi Menabrea", "Menabrea"})
    text = ("The Transistor\n\nORIGINS: After the war Bell Labs set up a group to study semiconductors. A semiconductor "
            "conducts electricity better than an insulator.\n\nTHE POINT-CONTACT TRANSISTOR: The group was led by William "
            "Shockley in 1946. On 16 December 1947 Bardeen and Brattain made it work.\n\nLIFE: Ada was the only child of "
            "the poet Lord Byron and his wife, Anne Isabella Milbanke. The marriage broke down within weeks of the birth. "
            "He never saw his daughter again, and he died in Greece in 1824.\n")
    doc, result = generate_reference(text, "t4")
    prompts = [q["prompt"] for q in result.questions]
    assert not [p for p in prompts if "the group was led" in p.lower()]
    assert not [p for p in prompts if "the marriage broke down" in p.lower()]


def test_round_43_model_numbers_titles_multipliers_and_two_engines():
    from quizapp.engine.sentences import split_sentences
    t = 'He is reported to have said, "Pish! A woman might piss it out." The fire spread.'
    assert len(split_sentences(t, 0, len(t))) == 2
    text = ("= Ada =\n\n== Notes ==\n\nBabbage designed the Difference Engine in 1822. He later planned the Analytical "
            "Engine, a far more general machine. In 1840 Babbage described the engine at a meeting in Turin. Her Notes "
            "were roughly three times as long as the article. When the Lord Mayor, Sir Thomas Bludworth, was woken, he was "
            "unimpressed.\n\n== Chips ==\n\nThe first microprocessor was the Intel 4004, which Intel released in "
            "1971 with about 2,300 transistors on a single chip of silicon.\n")
    doc, result = generate_reference(text, "r43")
    prompts = [q["prompt"] + " " + " ".join(c["text"] for c in q.get("choices", [])) for q in result.questions]
    assert not [p for p in prompts if "described the engine" in p]
    assert not [p for p in prompts if "one times" in p]
    assert "4004" not in asked_keys(result) and "Mayor" not in asked_keys(result)
    reasons = {r["reason"] for r in result.rejected}
    assert any(r.startswith("a model's number") for r in reasons)


def test_a_more_intense_case_is_shown_as_what_the_text_says_of_the_person():
    # reviews shipped28 (two reviewers): 'a more intense case is that of John Scott' left its comparison hanging
    text = ("= People =\n\nWitkin was trained as a civil engineer. He left for the Soviet Union in 1932 to support "
            "communism. He left in 1934. A more intense case is that of John Scott, an engineer who was there in "
            "1932-1938 and wrote \"Behind the Urals\" describing his experiences.\n")
    doc, result = generate(text, kind="discussion", attribution="one answer in the thread")
    scott = [q["prompt"] for q in result.questions if "1932-1938" in q["prompt"] or q.get("answer") == "John Scott"]
    assert scott and all("a more intense case" not in p.lower() for p in scott)
    assert any(", _____ was an engineer who was there [in the Soviet Union] in 1932-1938" in p for p in scott)


def test_no_true_false_statement_spliced_from_two_sentences():
    text = ("= Penicillin =\n\nFleming, Florey and Chain shared the 1945 Nobel Prize in Physiology or Medicine. Heatley "
            "was not included. In the same year as the Nobel Prize, Dorothy Hodgkin used X-ray crystallography in Oxford "
            "to determine the structure of penicillin, working with 12 assistants.\n")
    doc, result = generate_reference(text, "gap")
    assert not [q for q in result.questions if q["type"] == "true_false" and " … " in q["prompt"]]


def test_a_total_the_bare_numbers_beside_it_add_up_to_is_not_asked():
    text = ("= Early printing =\n\nThe printers worked in Mainz for many years.\n\n"
            "Scholars estimate that about 180 copies were printed: roughly 135 on paper and about 45 on vellum, "
            "which is prepared calfskin.\n\nThe workshop employed 25 printers and sold 640 sheets of paper.\n")
    _, result = generate(text, kind="reference")
    assert not [q for q in result.questions if "copies were printed" in q["prompt"] and "180" not in q["prompt"]
                and q["type"] in ("multiple_choice", "numeric", "short_answer")]
    assert not [q for q in result.questions if "180" in (q.get("answer") or "")]
    assert "640" in asked_keys(result)  # a total of nothing is still asked


@pytest.mark.parametrize("text, year", [
    ("Guy de Chauliac, a physician of the papal court, caught the disease himself in 1348 but recovered.", "1348"),
])
def test_a_medieval_year_is_swapped_for_a_year_near_it_and_typed_as_a_year(text, year):
    _, result = generate("= The plague =\n\nThe plague came to Avignon in the spring.\n\n" + text + "\n", kind="reference")
    false = [q for q in result.questions if q["type"] == "true_false" and not q["choices"][0]["correct"]]
    assert false
    for q in false:
        shown = int(re.search(r"in (\d+) but", q["prompt"]).group(1))
        assert shown != int(year) and abs(shown - int(year)) <= 10, q["prompt"]
    assert [q for q in result.questions if q["type"] == "numeric" and q["prompt"].endswith("(Give the year.)")]


def test_a_name_with_a_particle_keeps_its_capital_and_a_rare_common_word_loses_it():
    from quizapp.engine.casing import starts_with_proper_noun, with_attribution
    assert starts_with_proper_noun("Guy de Chauliac caught the disease himself in 1348.")
    assert starts_with_proper_noun("Ludwig van Beethoven wrote nine symphonies.")
    doc_text = "Woodblock printing was old. Ink for woodblocks was thin. Mark Twain wrote. A mark was made."
    said = with_attribution("According to X, ", "Woodblock printing was old.", doc_text=doc_text)
    assert said == "According to X, woodblock printing was old."
    assert with_attribution("According to X, ", "Mark Twain wrote.", doc_text=doc_text) == "According to X, Mark Twain wrote."


def shown_alone(prompts, opening):
    """The prompts whose stem opens, just after its attribution, with ``opening`` (a pattern): the
    sentence shown without the one before it."""
    return [p for p in prompts if re.search(r"”, " + opening, p)]


def _prompts(text, title="Early modern Europe"):
    _, result = generate(f"= {title} =\n\nThe period saw many changes across the continent.\n\n" + text + "\n", kind="reference")
    return [q["prompt"] for q in result.questions], result


def test_the_year_of_a_landmark_event_is_not_asked():
    prompts, _ = _prompts("When Martin Luther published his Ninety-five Theses in 1517, printed copies spread "
                          "across Germany within weeks.")
    assert not [p for p in prompts if "1517" not in p and "Theses in" in p]
    prompts, _ = _prompts("The crew of the mission splashed down in the Pacific Ocean on 24 July 1969, about 24 "
                          "kilometres from the recovery ship.", title="Apollo 11: The First Crewed Moon Landing")
    assert not [p for p in prompts if "1969" not in p and "splashed down" in p and "kilometres from" in p]


def test_the_number_of_a_named_craft_is_part_of_its_name():
    text = ("Apollo 11 lifted off from the Kennedy Space Center at 9:32 a.m. local time.\n\n"
            "The crew of Apollo 11 were Neil Armstrong, Buzz Aldrin and Michael Collins.")
    prompts, _ = _prompts(text, title="The first Moon landing")
    assert not [p for p in prompts if re.search(r"(?i)Apollo (?!11)\d+|Apollo _____|apollo 11 lifted", p)]


def test_a_false_year_keeps_the_order_the_sentence_gives_its_events():
    prompts, result = _prompts("In 1348 the faculty of Paris reported to the king that the disease had been "
                               "caused by a conjunction of the planets in March 1347.")
    shown = [int(y) for p in prompts for y in re.findall(r"planets in \w+ (\d{4})", p)]
    shown += [int(c["text"][-4:]) for q in result.questions for c in q.get("choices", [])
              if q["type"] == "multiple_choice" and q["prompt"].endswith("planets in _____.")]
    assert len(shown) >= 4 and all(y < 1348 for y in shown), shown


def test_a_count_in_words_gets_options_in_words_not_rounded_figures():
    _, result = generate("= Strasbourg =\n\nThe printers sold 1,280 sheets of paper in the town.\n\n"
                         "In Strasbourg in February 1349, around two thousand people were driven out of the town.\n",
                         kind="reference")
    statements = [q["prompt"] for q in result.questions if "driven out" in q["prompt"]]
    assert statements
    assert not [p for p in statements if re.search(r"\d thousand", p)], statements


def test_a_time_zone_and_a_modern_country_that_only_places_a_city_are_not_asked():
    prompts, result = _prompts("Johannes Gutenberg was born in Mainz, a prosperous city on the Rhine in what is now "
                               "Germany.\n\nThe lunar module Eagle landed at 20:17 UTC in the Sea of Tranquility.")
    assert "Germany" not in asked_keys(result) and "UTC" not in asked_keys(result)


def test_a_bare_fronted_it_needs_the_sentence_that_names_it():
    from quizapp.engine.anaphora import fronted_it
    assert fronted_it("During 1348 it swept across most of western Europe.")
    assert fronted_it("About 12 minutes later it was in Earth orbit.")
    assert not fronted_it("In his view the plan failed.")
    prompts, _ = _prompts("The plague reached Marseille in November 1347.\n\nDuring 1348 it swept across most of "
                          "western Europe.")
    assert not shown_alone(prompts, r"during (?:_____|\d{4}) it swept"), prompts


def test_a_false_year_is_never_another_year_of_the_same_it_in_the_paragraph():
    text = ("The plague reached Sicily in 1347. During 1348 it swept across most of western Europe. "
            "In 1349 it moved north into Scotland and Scandinavia.")
    _, result = _prompts(text)
    swept = [q for q in result.questions if "swept across" in q["prompt"] and q["type"] in ("true_false", "multiple_choice")]
    assert swept
    shown = {c["text"] for q in swept for c in q["choices"]} | {y for q in swept for y in re.findall(r"During (\d{4}) it", q["prompt"])}
    assert "1349" not in shown and not any("1349" in c for c in shown), shown


def test_a_year_after_by_and_a_number_in_quotation_marks_are_not_asked():
    prompts, result = _prompts("By about 1450 Gutenberg was back in Mainz with his workshop and tools.\n\n"
                               "The computer raised “1202” and “1201” program alarms during the descent to the surface.")
    assert "1450" not in asked_keys(result) and "1202" not in asked_keys(result)


def test_typed_names_accept_the_forms_people_use():
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    congress = name_accepts(Fact(kind="org", text="United States Congress", start=0, end=22, sentence=0))
    assert {"Congress", "US Congress", "U.S. Congress"} <= set(congress)
    assert "Czech" in name_accepts(Fact(kind="group", text="Czechs", start=0, end=6, sentence=0))
    assert "Army" not in name_accepts(Fact(kind="org", text="British Army", start=0, end=12, sentence=0))


def test_a_flag_s_country_a_leftover_meanwhile_and_an_unanchored_next_years_are_handled():
    prompts, result = _prompts("During the moonwalk the two astronauts planted a United States flag on the surface.\n\n"
                               "Meanwhile Collins circled alone overhead in Columbia for about 48 minutes each orbit.\n\n"
                               "Over the next eight years NASA built the Gemini programme, employing some 400,000 people.")
    assert "United States" not in asked_keys(result)
    assert not [p for p in prompts if re.search(r"(?i)”, meanwhile", p)]
    assert not shown_alone(prompts, r"over the next eight years"), prompts


def test_foreign_articles_may_be_left_off_a_title():
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    assert "Rote Fahne" in name_accepts(Fact(kind="work", text="Die Rote Fahne", start=0, end=14, sentence=0))
    assert "Monde" in name_accepts(Fact(kind="work", text="Le Monde", start=0, end=8, sentence=0))


def test_an_approximate_year_takes_options_a_decade_away():
    _, result = _prompts("Johannes Gutenberg was born around 1400 in Mainz, a prosperous city on the Rhine.\n\n"
                         "Movable type made of baked clay was created in China by Bi Sheng around 1040.")
    shown = [int(y) for q in result.questions if q["type"] in ("true_false", "multiple_choice")
             for y in re.findall(r"around (\d{4})", q["prompt"]) + [c["text"] for c in q["choices"] if c["text"].isdigit()]]
    wrong = [y for y in shown if y not in (1400, 1040)]
    assert wrong and all(min(abs(y - 1400), abs(y - 1040)) >= 10 for y in wrong), wrong


def test_at_the_time_needs_the_sentence_before():
    prompts, _ = _prompts("President Kennedy spoke to Congress in May 1961.\n\nAt the time, the United States had "
                          "sent only one astronaut, Alan Shepard, on a brief suborbital flight of 15 minutes.")
    assert not shown_alone(prompts, r"at the time"), prompts


def test_events_to_order_never_say_him_or_also():
    text = ("In 1439 Gutenberg was involved in a lawsuit in Strasbourg over a secret business venture.\n\n"
            "In 1450 the goldsmith borrowed 800 guilders from the merchant Johann Fust.\n\n"
            "In 1455 Fust sued him for repayment of the loans and interest in the court.\n\n"
            "In 1462 the city of Mainz was sacked by the troops of the archbishop Adolph.\n\n"
            "In 1476 William Caxton also established the first press in England at Westminster.")
    _, result = _prompts(text)
    items = [x for q in result.questions if q["type"] in ("ordering", "matching")
             for x in q.get("sequence", []) + [p[0] for p in q.get("pairs", [])] + [p[1] for p in q.get("pairs", [])]]
    assert items
    assert not [x for x in items if re.search(r"\b(?:him|also)\b", x)], items


def test_the_machine_of_a_sentence_before_is_unresolved():
    text = ("Around 1764 James Hargreaves built the spinning jenny, a hand-powered frame with eight spindles. "
            "Later versions carried 80 spindles or more. Hargreaves patented the machine in 1770, but by then many "
            "copies were already in use.")
    prompts, _ = _prompts(text, title="Textile mills")
    assert not shown_alone(prompts, r"(?i:hargreaves) patented the machine"), prompts
    prompts, _ = _prompts("Hargreaves patented the machine called the spinning jenny in 1770, when many copies "
                          "were already in use.", title="Textile mills")
    assert [p for p in prompts if "patented the machine called" in p]


def test_the_following_year_needs_the_year_before():
    text = ("A parliamentary committee led by Michael Sadler heard evidence in 1832 from mill workers.\n\n"
            "The following year, Parliament passed the Factory Act of 1833, which banned the employment of children "
            "under nine in textile mills.")
    prompts, _ = _prompts(text, title="Textile mills")
    assert not shown_alone(prompts, r"the following year"), prompts


def test_a_common_word_capitalised_in_a_heading_is_not_a_name():
    from quizapp.engine.casing import capitalised_mid_sentence
    text = "# Water\n\n## How Long Water Stays in Each Store\n\nEach year, around 40,000 km3 of water runs off.\n"
    assert not capitalised_mid_sentence("Each", text)
    assert capitalised_mid_sentence("Apollo", "The crew of Apollo 11 flew. Apollo 11 landed.")


def test_after_exceed_only_larger_values_are_false():
    from quizapp.engine.distractors import comparison_direction
    assert comparison_direction("winds can exceed ") == 1
    assert comparison_direction("the cost exceeded ") == 1


def test_earth_keeps_its_capital_where_the_text_gives_it_one():
    from quizapp.engine.casing import with_attribution
    doc_text = "Water covers most of the Earth. Earth holds roughly 1.386 billion cubic kilometres of water."
    assert with_attribution("According to X, ", "Earth holds water.", doc_text=doc_text) == "According to X, Earth holds water."


def test_a_problem_the_sentences_before_describe_needs_them():
    prompts, _ = _prompts("Weavers with the flying shuttle used yarn faster than spinners could make it.\n\n"
                          "The spinning problem was tackled by James Hargreaves, a weaver from Stanhill, in 1764.",
                          title="Textile mills")
    assert not shown_alone(prompts, r"the spinning problem"), prompts


def test_a_firm_is_known_by_its_distinctive_first_word():
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    assert "Amtorg" in name_accepts(Fact(kind="org", text="Amtorg Trading Corporation", start=0, end=26, sentence=0))
    assert "General" not in name_accepts(Fact(kind="org", text="General Electric Company", start=0, end=24, sentence=0))
    assert "Karsakpaisky" in name_accepts(Fact(kind="org", text="Karsakpaisky Copper Plant", start=0, end=25, sentence=0))


def test_a_bound_below_a_negative_figure_makes_no_false_statement():
    from quizapp.engine.distractors import comparison_direction
    assert comparison_direction("air temperatures can fall below −") == -1
    prompts, result = _prompts("It breeds on the sea ice in winter, when air temperatures can fall below −40 °C on "
                               "the coast of Antarctica.", title="Emperor penguins")
    assert not [q for q in result.questions if q["type"] in ("true_false", "multiple_choice")
                and re.search(r"below −(?!40)\d", q["prompt"] + " ".join(c["text"] for c in q.get("choices", [])))]


def test_a_year_the_section_title_shows_is_not_asked_nor_swapped():
    text = ("= Labour law =\n\n== Stalin's Labor Legislation: 1927–1940 ==\n\nThe seven-hour day was introduced by "
            "Stalin as a political measure in 1927, the year the struggle against the Opposition reached its climax.\n")
    _, result = generate(text, kind="reference")
    assert not [q for q in result.questions if q["type"] in ("multiple_choice", "numeric") and "_____" in q["prompt"]
                and "political measure in _____" in q["prompt"]]
    assert not [q for q in result.questions if q["type"] == "true_false" and not q["choices"][0]["correct"]
                and re.search(r"measure in (?!1927)\d{4}", q["prompt"])]



def test_a_subject_the_section_brought_in_for_something_else_is_unresolved():
    text = ("The most famous survivor is the Pont du Gard in southern France, a bridge that carried the aqueduct of "
            "Nimes across the Gardon river. Built in the first century, it stands about 49 metres high. The aqueduct "
            "delivered around 35,000 cubic metres of water a day.\n\nIn Spain, the aqueduct of Segovia is equally "
            "impressive. It was probably built around the end of the first century. The bridge reaches about 28 "
            "metres at its highest point and has more than 160 arches.")
    prompts, _ = _prompts(text, title="Roman aqueducts")
    assert not [p for p in prompts if "the bridge reaches about" in p.lower() and "Segovia" not in p], prompts


def test_a_year_the_document_title_shows_is_not_asked():
    _, result = generate("= The Crisis of 1789 =\n\nThe king called the Estates-General, which met at Versailles "
                         "in May 1789, for the first time since 1614.\n\nThe deputies of the Third Estate swore the "
                         "Tennis Court Oath in 1789 at a nearby hall.\n", kind="reference")
    assert not [q for q in result.questions if q["type"] in ("multiple_choice", "numeric")
                and "Oath in _____" in q["prompt"]]


def test_an_abbreviation_the_stem_spells_out_is_not_asked():
    from quizapp.engine.generate import _spelled_out
    assert _spelled_out("DHW", "What are degree heating weeks? At around 4 DHW, bleaching is likely.")
    assert not _spelled_out("NOAA", "The agency that watches the reefs reported it.")
    from quizapp.engine.anaphora import needs_previous
    assert needs_previous("In response, the Assembly abolished feudal privileges on 4 August.", set())
    assert needs_previous("In Spain, the aqueduct of Segovia is equally impressive.", set())
    assert not needs_previous("The stone piers of the bridge are equally strong as its arches.", set())


def test_a_figure_with_or_more_after_it_makes_no_false_statement():
    _, result = _prompts("At 2 °C or more above the usual summer maximum, coral bleaching is usually severe and "
                         "widespread across the reef.", title="Coral bleaching")
    assert not [q for q in result.questions if q["type"] in ("true_false", "multiple_choice")
                and re.search(r"(?i)\bat (?!2 )\d+ °C", q["prompt"] + " ".join(c["text"] for c in q.get("choices", [])))]


def test_an_objectless_verb_a_signature_and_a_city_s_people_are_handled():
    from quizapp.engine.anaphora import needs_previous
    from quizapp.engine.namechecks import country_people_cue
    assert needs_previous("About 1,200 deputies attended, roughly half of them from the Third Estate.", set())
    assert not needs_previous("About 1,200 deputies attended the Estates-General at Versailles.", set())
    assert country_people_cue("Parisians", "when the news reached Paris the next day, many _____ saw it as an attack")
    assert not country_people_cue("Parisians", "many _____ saw it as the first step in a royal attack")
    prompts, _ = _prompts("“We did not expect to see this level of destruction for another 30 years.”\n\n"
                          "— Professor Terry Hughes, coral reef scientist, speaking about the 2016 bleaching",
                          title="Coral bleaching")
    assert not [p for p in prompts if "— Professor" in p]


def test_date_options_keep_a_year_the_stem_shows_elsewhere():
    _, result = generate("= The Crisis of 1789 =\n\nThe king had called the Estates-General in the spring.\n\n"
                         "The women of Paris marched to Versailles on 5 October 1789, demanding bread for the city.\n",
                         kind="reference")
    mcs = [q for q in result.questions if q["type"] == "multiple_choice" and "Versailles on _____" in q["prompt"]]
    assert mcs and all(c["text"].endswith("1789") for q in mcs for c in q["choices"]), mcs


def test_a_range_may_be_typed_with_its_unit():
    from quizapp.engine.accepts import range_accepts
    from quizapp.engine.facts import extract_facts
    from quizapp.engine.model import Sentence
    text = "On the Donetz Railway the machinists began working 250–290 hours a month."
    fact = next(f for f in extract_facts(Sentence(index=0, start=0, end=len(text), paragraph=0, section=0, text=text))
                if f.kind == "range")
    assert "250 to 290 hours" in range_accepts(fact)



def test_a_surname_typed_may_be_the_full_name_the_text_gives_elsewhere():
    text = ("The Titanic left Southampton on 10 April 1912 under the command of Captain Edward Smith, a veteran of "
            "the White Star Line.\n\nShortly before midnight the lookout warned the bridge, and Captain Smith was "
            "called from his cabin by the officer of the watch, William Murdoch.")
    _, result = _prompts(text, title="RMS Titanic")
    typed = [q for q in result.questions if q["type"] == "short_answer" and q["answer"] == "Smith"]
    assert all("Edward Smith" in q["accept"] for q in typed)


def test_a_comparative_bound_an_initial_and_the_most_dangerous_form():
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.distractors import comparison_direction
    from quizapp.engine.model import Fact
    from quizapp.engine.anaphora import needs_previous
    assert comparison_direction("none of the ocean floor is older than about ") == 1
    assert comparison_direction("the calf was smaller than ") == -1
    assert comparison_direction("they chose China rather than ") == 0
    assert "Bruce Ismay" in name_accepts(Fact(kind="person", text="J. Bruce Ismay", start=0, end=14, sentence=0))
    assert needs_previous("The most dangerous form, variola major, killed about 30 per cent of its victims.", set())
    assert not needs_previous("The most dangerous form of smallpox killed about 30 per cent of its victims.", set())


def test_a_surname_the_text_gives_with_a_first_name_keeps_its_capital():
    from quizapp.engine.casing import with_attribution
    doc_text = "An expedition led by Robert Ballard found the wreck. Ballard returned in 1986 in the submersible Alvin."
    assert with_attribution("According to X, ", "Ballard returned in 1986.", doc_text=doc_text) == \
        "According to X, Ballard returned in 1986."


def test_references_to_an_evening_a_call_a_test_and_a_found_it_need_the_sentence_before():
    from quizapp.engine.anaphora import needs_previous
    assert needs_previous("She called at Cherbourg that evening and reached Queenstown the next day.", set())
    assert needs_previous("In 1985 an expedition led by Robert Ballard found it at a depth of 3,800 metres.", set())
    prompts, _ = _prompts("Harry Hess proposed seafloor spreading in 1960.\n\nThe decisive test came in 1963, when two "
                          "Cambridge geologists studied the magnetic stripes.", title="Plate tectonics")
    assert not shown_alone(prompts, r"the decisive test"), prompts


def test_an_abbreviation_in_brackets_beside_the_blank_gives_the_name_away():
    _, result = _prompts("In 1967 the World Health Organization (WHO) launched an intensified campaign against "
                         "smallpox in 31 countries.", title="Vaccination")
    assert "World Health Organization" not in asked_keys(result)


def test_a_railway_may_be_typed_in_either_spelling():
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    got = name_accepts(Fact(kind="place", text="Donetz Railway", start=0, end=14, sentence=0))
    assert {"Donets Railway", "Donetz Railroad"} <= set(got)


def test_a_figure_a_name_in_its_sentence_repeats_and_a_year_before_a_participle():
    _, result = _prompts("The Gutenberg Bible is called the 42-line Bible because most pages carry 42 lines in each "
                         "of two columns.\n\nPope Clement VI issued papal bulls in 1348 condemning the attacks on "
                         "the Jewish communities of the Rhineland.", title="Printing and plague")
    assert "42" not in asked_keys(result)
    years = [q for q in result.questions if "papal bulls in" in q["prompt"] and q["type"] == "true_false"]
    assert years and all(re.search(r"papal bulls in 1[34]\d\d", q["prompt"]) for q in years)


@pytest.mark.parametrize("text, needs", [
    ('The finance minister, Jacques Necker, had supported this "doubling of the Third".', True),
    ("At 2 °C or more above that maximum, bleaching is usually severe.", True),
    ("The event ended with the royal family agreeing to move to Paris.", True),
    ("The crowd knew that bread prices had doubled in Paris.", False),
    ("The Flemish mapmaker Abraham Ortelius remarked on it as early as 1596.", True),
    ("Along its crest, new oceanic crust forms as magma rises from below.", True),
    ("Along the crest of the ridge, new oceanic crust forms as magma rises.", False),
    ("In 1455 Fust sued him for repayment of the loans and interest.", True),  # him is not Fust ('himself')
    ("Gutenberg borrowed from Fust, who later sued him.", False),
])
def test_sentences_that_need_the_one_before(text, needs):
    from quizapp.engine.anaphora import needs_previous
    assert needs_previous(text, {"Johann Fust", "Fust", "Gutenberg"}) is needs


def test_an_end_of_a_between_span_is_not_asked_alone():
    _, result = _prompts("An adult emperor stands about 100 to 120 cm tall and usually weighs between 22 and 45 kg, "
                         "depending on the season.", title="Emperor penguins")
    assert not {"22", "45"} & asked_keys(result)


def test_a_typed_term_the_text_also_names_with_another_word_is_not_asked():
    from quizapp.engine.namechecks import other_word_after
    text = ("The June 26 laws lengthened the working day. Every factory now hung the June 26 ukase over its gate. "
            "A stratovolcano has steep sides.")
    assert other_word_after(text, "Every factory now hung the June 26 ", "ukase") == "laws"
    assert other_word_after(text, "the ", "ukase") == ""  # no words that name one thing
    assert other_word_after(text, "A ", "stratovolcano") == ""  # an article, not a name
    assert other_word_after("The June 26 ukase came first. The June 26 ukases followed.",
                            "The June 26 ", "ukase") == ""  # the same word again
    prompts, _ = _prompts("The June 26 laws lengthened the working day to eight hours in every state enterprise.\n\n"
                          "The regime has inscribed over every factory, plant, mine and office the June 26 ukase.\n\n"
                          "The ukase makes it a criminal offense for anyone to quit his job.\n\n"
                          "In each new ukase the regime voices its alarm.")
    assert [p for p in prompts if "(Type the term the text uses.)" in p]  # the term is still asked elsewhere
    assert not [p for p in prompts if "June 26 _____" in p]


def test_a_plural_the_text_writes_in_lower_case_loses_its_capital():
    from quizapp.engine.casing import with_attribution
    doc_text = "A forager finds flowers. Foragers usually work near the hive. Roger Waters sang. The water rose."
    assert with_attribution("According to X, ", "Foragers usually work near the hive.", doc_text=doc_text) == \
        "According to X, foragers usually work near the hive."
    assert with_attribution("According to X, ", "Waters sang in 1979.", doc_text=doc_text) == \
        "According to X, Waters sang in 1979."


def test_the_rest_of_a_list_of_people_is_not_what_the_text_says_of_the_first():
    _, result = generate_reference(
        "= The Great Fire =\n\nThe fire began in a bakery in 1666.\n\n"
        "Robert Hubert, a watchmaker from Rouen in France, confessed in 1666. Plans for a new city were drawn up "
        "by Christopher Wren, John Evelyn and Robert Hooke, but they were rejected in 1667. Samuel Pepys, a "
        "senior official of the Navy Board, buried his cheese in 1666.\n", "fire")
    pairs = [p for q in by_type(result, "matching") for p in q["pairs"]]
    assert not [p for p in pairs if "Robert Hooke" in p[1]], pairs


def test_years_in_brackets_after_a_name_are_an_aside():
    prompts, _ = _prompts("The idea was taken up by **Cyrus West Field** (1819–1892), a wealthy American paper merchant.\n\n"
                          "The American Civil War (1861–1865) delayed further work, but in 1864 the project revived.\n\n"
                          "He described it in his book *The Realm of the Nebulae* (1936), which sold well.")
    assert not [p for p in prompts if "(_____)" in p], prompts
    assert [p for p in prompts if "in _____ the project revived" in p]  # the sentence's own year is still asked


def test_the_failure_or_the_disaster_of_a_sentence_before_needs_it():
    from quizapp.engine.anaphora import needs_previous
    assert needs_previous("A joint committee investigated the failure and published its report in 1861.", set())
    assert needs_previous("The disaster came at the end of a grim period for the capital.", set())
    assert not needs_previous("The failure of the 1858 cable was investigated in 1861.", set())


def test_a_list_of_full_names_takes_no_bare_name_as_an_option():
    _, result = generate_reference(
        "= The Cable =\n\nThe cable was first tried in 1857.\n\n"
        "In 1856 Field founded the company together with the British engineers John Watkins Brett and Charles "
        "Tilston Bright.\n\nIn 1858 Queen Victoria sent a message to President James Buchanan.\n\n"
        "In 1865 the ship was commanded by Captain James Anderson.\n\nIn 1866 Victoria knighted William Thomson.\n",
        "cable")
    mrs = [q for q in by_type(result, "multiple_response") if "name in the blank" in q["prompt"]]
    assert mrs and all(len(c["text"].split()) >= 2 for q in mrs for c in q["choices"]), mrs


def test_a_long_name_accepts_its_first_and_last_and_the_success_needs_the_sentence_before():
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.anaphora import needs_previous
    from quizapp.engine.model import Fact
    accepted = name_accepts(Fact(kind="person", text="Edward Orange Wildman Whitehouse", sentence=0, start=0, end=32))
    assert {"Edward Whitehouse", "Whitehouse"} <= set(accepted)
    assert "Ludwig Beethoven" not in name_accepts(Fact(kind="person", text="Ludwig van Beethoven", sentence=0, start=0, end=20))
    assert needs_previous("The success did not last, and the cable went dead in 1858.", set())
    assert not needs_previous("The success of the 1866 cable was never in doubt.", set())


def test_a_date_asked_without_its_section_s_year_is_not_asked_when_the_text_tells_it_again():
    text = ("# The Cable\n\nThe cable linked Europe and America.\n\n## The 1865 attempt\n\n"
            "The Great Eastern left Valentia in July 1865. The cable broke on 2 August 1865.\n\n"
            "## Success in 1866\n\nThe Great Eastern sailed from Valentia on 13 July 1866 with a new cable.\n")
    doc, result = generate_reference(text, "cable", "markdown")
    assert not [q for q in result.questions if "left Valentia in" in q["prompt"]]
    assert [q for q in result.questions if "sailed from Valentia on" in q["prompt"]]


def test_the_country_of_a_named_county_with_a_compass_word_is_not_asked():
    prompts, _ = _prompts("In August 1857 the first expedition set out from Valentia Island, off the coast of County "
                          "Kerry in southwest Ireland, with the cable aboard two warships.")
    assert not [p for p in prompts if "southwest _____" in p], prompts
