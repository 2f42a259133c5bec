"""Generation rules that came from the blind reviews of unseen documents (new-documents-10 to -12,
docs/QUALITY.md rounds 63 on): each test fails without its rule."""
import re

from quizapp.engine.reader import document_from_text

from asked import asked_values as asked_keys
from generating import by_type, generate_reference


def test_new_documents_10_review_patterns():
    # first-sight blind review of new-documents-10 (docs/reviews/verdicts-newdocs10-101.md)
    text = ("# Penicillin\n\n## Overview\n\nPenicillin was the first antibiotic to be used widely.\n\n"
            "## A contaminated dish, 1928\n\n"
            "In September 1928 the Scottish bacteriologist **Alexander Fleming** (1881–1955) returned to his "
            "laboratory at St. Mary's Hospital. Fleming saw a mould. Fleming grew it. Fleming named it. Fleming "
            "wrote it up. Fleming moved on. Fleming was praised. Fleming kept a sample.\n\n"
            "## Dorothy Hodgkin and the structure\n\n"
            "Chain and Edward Abraham proposed a beta-lactam ring in 1943. In 1945 **Dorothy Crowfoot Hodgkin**, "
            "working in Oxford with Barbara Low, confirmed this arrangement by X-ray crystallography.\n\n"
            "## Bees\n\n"
            "Most foraging takes place within about 3 km (approx. 2 miles) of the hive. Langstroth saw that bees "
            "leave a gap of about 6-9 mm (1/4 to 3/8 inch) open rather than filling it with wax.\n")
    doc, result = generate_reference(text, "n10", "markdown")
    keys = asked_keys(result)
    assert "Alexander Fleming" not in keys  # named all through the document, by his surname
    assert "Dorothy Crowfoot Hodgkin" not in keys  # the section's title names her
    assert not {"3", "2", "2 miles", "6-9", "6-9 mm"} & keys  # each given again in other units beside it
    assert not [q for q in result.questions if "approx. 1 miles" in q["prompt"] or "approx. _____" in q["prompt"]]
    assert "Barbara Low" in keys or "Edward Abraham" in keys or "1945" in keys  # the rest is still asked


def test_new_documents_10_read_through_patterns():
    # found by reading all of new-documents-10's output after its first-sight review
    from quizapp.engine.anaphora import needs_previous
    text = ("# Penicillin\n\n## Resistance\n\n"
            "At Hammersmith Hospital, Mary Barber reported that the share of resistant strains rose from 14 per cent "
            "in 1946 to 59 per cent in 1948.\n\n"
            "## America\n\nIn 1941 Howard Florey met Andrew J. Moyer, Robert Coghill and Mary Hunt in Peoria.\n\n"
            "In the summer of 1941 Dr. Florey and Heatley travelled to Peoria, Illinois.\n\n"
            "## The fire\n\nThe fire broke out in the bakery of Thomas Farriner (also spelt Farynor) on Pudding Lane. "
            "The Lord Mayor, Sir Thomas Bloodworth, hesitated. John Evelyn and Samuel Pepys kept diaries.\n\n"
            "## Bees\n\nWhen brood is present the nest is kept at about 34-35 degrees C (93-95 degrees F).\n")
    doc, result = generate_reference(text, "n10b", "markdown")
    keys = asked_keys(result)
    assert not [k for k in keys if "1946 to 59" in k or "1946-59" in k]  # a year, then a share: no range
    assert "Thomas Farriner" not in keys  # '(also spelt Farynor)' beside it
    assert not {"34-35", "93-95"} & keys  # each given again in other units beside it
    florey = [q for q in by_type(result, "multiple_choice") if "Dr. _____" in q["prompt"]]
    assert florey and all(len(c["text"].split()) == 1 for q in florey for c in q["choices"]), florey
    assert needs_previous("Visitors can climb its 311 steps to a viewing platform.", set())
    assert not needs_previous("The Monument lost its top in 1700.", set())
    assert not needs_previous("By its peak in mid-1932, 42,230 foreign workers were employed.", set())


def test_new_documents_10_second_review_patterns():
    # blind review of new-documents-10 after its fixes (docs/reviews/verdicts-newdocs10-102.md)
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.anaphora import needs_previous
    from quizapp.engine.model import Fact
    assert needs_previous("The most damaging is the parasitic mite Varroa destructor, which feeds on bees.", set())
    assert needs_previous("The lines come from a song written by Thomas S. Allen in 1905.", set())
    assert not needs_previous('In 1774 Priestley isolated a gas he called "dephlogisticated air"; the French chemist '
                              'Antoine Lavoisier later named it oxygen.', {"Priestley", "Antoine Lavoisier"})
    assert needs_previous("Hubble had derived it from theory.", {"Hubble"})
    assert needs_previous("The four untreated mice died within a day, while the treated mice were still alive.", set())
    assert not needs_previous("The interest was 5 per cent in 1920.", set())
    assert not needs_previous("The three ships of Columbus sailed in 1492.", set())
    assert {"King Charles II", "Charles the Second"} <= set(name_accepts(Fact(kind="person", text="Charles II", sentence=0,
                                                                               start=0, end=10)))
    assert "Queen Elizabeth I" in name_accepts(Fact(kind="person", text="Elizabeth I", sentence=0, start=0, end=11))
    text = ("# Penicillin\n\n## Overview\n\nThe story of the drug runs from a chance observation in 1928, through wartime research "
            "at the University of Oxford, to industrial production in the U.S.\n\n## The team\n\n"
            "In 1939, at the **Sir William Dunn School of Pathology** in Oxford, Howard Florey began a study.\n\n"
            "## America\n\nAmerican output rose from twenty-one billion units in 1943 to more than 6.8 trillion in 1945 "
            "(one international unit equals 0.6 micrograms of pure benzylpenicillin sodium).\n\n"
            "## The fire\n\nIn 1666 Charles II ordered that houses be pulled down, and later in the week he and his "
            "brother James, Duke of York (the future James II), took charge of the firefighting themselves.\n")
    doc, result = generate_reference(text, "n10c", "markdown")
    typed = {q["answer"] for q in by_type(result, "short_answer")}
    assert "University of Oxford" not in typed  # or the Dunn School, in Oxford
    assert "Charles II" not in typed  # the future James II, his brother, names him to anyone
    assert "0.6" not in asked_keys(result)  # a unit's definition in brackets
    assert "twenty-one billion" in asked_keys(result) or "1943" in asked_keys(result)


def test_new_documents_11_review_patterns():
    # first-sight blind review of new-documents-11 (docs/reviews/verdicts-newdocs11-111.md)
    text = ("THE DISCOVERY OF PHOTOSYNTHESIS\n\nTHE OVERALL EQUATION\n\n"
            "By mass, 264 g of carbon dioxide and 108 g of water give 180 g of glucose and 192 g of oxygen.\n\n"
            "LIGHT AND AIR\n\nJan Ingenhousz had served as court physician to Empress Maria Theresa in Vienna. "
            "In 1774 Joseph Priestley isolated a gas; the French chemist Antoine Lavoisier later named it oxygen. "
            "In 1779 Jan Ingenhousz showed that only green parts restore the air. "
            "In 1782 Jean Senebier of Geneva showed the part of fixed air. In 1727 Stephen Hales measured the air "
            "given off by plants. In 1660 Robert Boyle weighed the air in a pump.\n\n"
            "THE SHIP\n\nAt 11:40 p.m. the lookout saw an iceberg directly ahead of the liner.\n\n"
            "THE PORT\n\nIn 1825 the canal made New York City the busiest port in the United States. Governor "
            "Clinton left Buffalo in 1825. Clinton spoke. Clinton sailed. Clinton arrived. Clinton poured water. "
            "Clinton was cheered. Clinton went home. Clinton slept.\n\n"
            "THE MUSEUM\n\nThe British Museum, which displays the stone in its sculpture gallery, has so far kept it "
            "in London.\n\n"
            "THE STONE\n\nEgypt has repeatedly asked for the stone to come home. The Egypt Exploration Society agreed in "
            "1990. The Egypt Exploration Society wrote in 2003. The Egypt Exploration Society wrote in 2010. "
            "The Egypt Exploration Society wrote in 2012. The Egypt Exploration Society wrote in 2015. "
            "The Egypt Exploration Society wrote in 2019. The Egypt Exploration Society wrote in 2022.\n")
    doc, result = generate_reference(text, "n11")
    keys = asked_keys(result)
    assert "108" not in keys  # 264 + 108 = 180 + 192: a balance gives it
    assert "40" not in keys and "11" not in keys  # part of a clock time
    assert "Egypt" not in keys  # named all through the document
    assert "London" not in keys  # the British Museum tells it
    assert "United States" not in keys  # New York City tells it
    assert "Clinton" not in keys  # named all through the document
    options = {c["text"] for q in result.questions for c in q.get("choices", [])}
    statements = " ".join(q["prompt"] for q in by_type(result, "true_false"))
    assert "Maria Theresa" not in options and "chemist Maria Theresa" not in statements  # an empress among chemists


def test_a_person_named_with_a_royal_title_is_no_option_for_a_commoner():
    from quizapp.engine.distractors import _name_distractors
    from quizapp.engine.factindex import FactIndex
    from quizapp.engine.facts import extract_facts
    doc = document_from_text("In 1779 Jan Ingenhousz served Empress Maria Theresa in Vienna. The French chemist Antoine "
                             "Lavoisier named oxygen. In 1727 the English clergyman Stephen Hales measured air.", doc_id="r")
    facts = [f for s in doc.sentences for f in extract_facts(s)]
    people = [f for f in facts if f.kind == "person"]
    assert {"Maria Theresa", "Antoine Lavoisier", "Stephen Hales"} <= {f.text for f in people}
    offered = []
    key = next(f for f in people if f.text == "Antoine Lavoisier")
    _name_distractors(key, "r", FactIndex([doc], {"r": facts}), lambda text, _key: offered.append(text) and False)
    assert "Stephen Hales" in offered and "Maria Theresa" not in offered


def test_what_happened_takes_events_near_in_time_and_no_clause_s_date(monkeypatch):
    from quizapp.engine import composite
    found = []
    dated = composite.dated_events
    monkeypatch.setattr(composite, "dated_events", lambda *a: found.extend(dated(*a)) or dated(*a))
    text = ("= The Canal =\n\nIn 1817 the New York State Legislature authorized the construction of the Erie Canal.\n\n"
            "In 1825 Governor DeWitt Clinton opened the Erie Canal with a long procession of boats.\n\n"
            "In 1862 engineers completed the first enlargement of the Erie Canal at Lockport.\n\n"
            "In 1882 the New York State Legislature abolished all tolls on the Erie Canal.\n\n"
            "In 1918 New York State opened the New York State Barge Canal along the Mohawk River.\n\n"
            "The lines come from a famous song, written by Thomas Allen in 1905.\n\n"
            "Commercial traffic declined after the St. Lawrence Seaway opened in 1959.\n")
    _, result = generate_reference(text, "canal")
    events = [q for q in by_type(result, "multiple_choice") if "what happened" in q["prompt"].lower()]
    assert events
    options = [c["text"] for q in events for c in q["choices"]]
    assert not [o for o in options if "Thomas Allen" in o or "Seaway" in o]
    assert {e[2] for e in found} == {"1817", "1825", "1862", "1882", "1918"}  # not 1905 nor 1959: a phrase's dates
    first = next(q for q in events if "1817" in q["prompt"])
    assert not [c for c in first["choices"] if "Barge Canal" in c["text"]]  # 1918: the farthest from 1817


def test_a_long_name_accepts_the_shorter_form_the_text_uses_and_a_canal_is_no_mere_place():
    text = ("= The Canal =\n\nIn 1903 New York voters approved a bond issue to build the New York State Barge Canal.\n\n"
            "The new canal used rivers such as the Mohawk. The Barge Canal opened on May 15, 1918.\n")
    _, result = generate_reference(text, "barge")
    typed = [q for q in by_type(result, "short_answer") if q["answer"] == "New York State Barge Canal"]
    assert typed and all("Barge Canal" in q["accept"] for q in typed), typed
    assert all(q["prompt"].endswith("(Type the name the text gives.)") for q in typed)


def test_new_documents_11_second_review_patterns():
    # blind review of new-documents-11 after its fixes (docs/reviews/verdicts-newdocs11-112.md)
    text = ("# The Willow\n\nThe willow now weighed 169 pounds and about 3 ounces, a gain of some 164 pounds, yet the "
            "soil had lost only about 2 ounces. In metric units the tree gained approx. 74 kg, while the soil lost "
            "roughly 57 grams, i.e. under 0.06 kg.\n\n"
            "Van Helmont planted a willow of 5 pounds and 4 ounces in 200 pounds of dried soil, which lost 1 ounce "
            "in the first year and 8 ounces in all. He used 54 pounds of rainwater in one year, 108 pounds in "
            "two, 250 pounds in four and 320 pounds in five.\n\n"
            "## The Canal Today\n\nToday the Erie Canal is part of the New York State Canal System, run by the New "
            "York State Canal Corporation. Most traffic now consists of pleasure boats. In 2000 Congress designated "
            "the Erie Canalway National Heritage Corridor. Visitor information is available from the "
            "[New York State Canal Corporation](https://example.org/canals).\n")
    _, result = generate_reference(text, "willow", "markdown")
    keys = asked_keys(result)
    assert "3" not in keys  # 'about _____ ounces' after '169 pounds and': part of one weight
    assert "0.06" not in keys  # '57 grams, i.e. under _____ kg': restated
    assert not [q for q in result.questions if "Visitor information" in q["prompt"]]
    _, shown = generate_reference("= The Stone =\n\nChampollion published his Lettre in 1822. In October 1972 the stone "
                                  "was shown at the Louvre in Paris for a month to mark the 150th anniversary of "
                                  "Champollion's Lettre.\n", "louvre")
    assert "1972" not in asked_keys(shown) and "October 1972" not in asked_keys(shown)
    from quizapp.engine.stems import build_context
    pointer = document_from_text("The canal is run by a state corporation. Visitor information is available from "
                                 "the New York State Canal Corporation.", doc_id="p")
    assert "pointer" in build_context(pointer, pointer.sentences[1], set()).problem
    assert "164" in keys or "169" in keys  # the weights themselves are still asked
    from quizapp.engine.distractors import choose_distractors
    from quizapp.engine.factindex import FactIndex
    from quizapp.engine.facts import extract_facts
    doc = document_from_text("The willow now weighed 169 pounds and about 3 ounces, a gain of some 164 pounds, yet the "
                             "soil had lost only about 2 ounces. He used 54 pounds of water in one year, 108 pounds in "
                             "two, 250 pounds in four, 320 pounds in five and 410 pounds in six.", doc_id="w")
    facts = [f for s in doc.sentences for f in extract_facts(s)]
    key = next(f for f in facts if f.text.startswith("169"))
    offered = choose_distractors(key, "w", doc.sentences[0].text, FactIndex([doc], {"w": facts}))
    assert offered and all(float(o.split()[0]) > 164 for o in offered), offered  # a total exceeds what it gained
    from quizapp.engine.accepts import name_accepts
    from quizapp.engine.model import Fact
    assert "Society of Antiquaries" in name_accepts(Fact(kind="org", text="Society of Antiquaries of London", sentence=0,
                                                         start=0, end=32))
    assert "Bank" not in name_accepts(Fact(kind="org", text="Bank of England", sentence=0, start=0, end=15))
    from quizapp.engine.generate import _COMPOUND_MEASURE_BEFORE
    assert _COMPOUND_MEASURE_BEFORE.search("the willow now weighed 169 pounds and about ")


def test_new_documents_12_review_patterns():
    # first-sight blind review of new-documents-12 (docs/reviews/verdicts-newdocs12-121.md)
    text = ("= The Silk Road =\n\nThe Han dynasty (206 BC – AD 220) extended its control westward along the Hexi "
            "Corridor in the 2nd century BC.\n\nAccording to the Byzantine historian Procopius, monks smuggled "
            "silkworm eggs to Constantinople around AD 552 during the reign of Justinian.\n\n"
            "In 751 the armies of the Abbasid Caliphate defeated those of the Tang dynasty at the Battle of Talas. "
            "In 1206 Genghis Khan founded the Mongol Empire. In 1295 Marco Polo returned to Venice.\n")
    _, result = generate_reference(text, "silk")
    assert "220" not in asked_keys(result)  # the years in brackets after a name: an aside
    false_years = [int(m) for q in by_type(result, "true_false") if "Constantinople around AD" in q["prompt"]
                   for m in re.findall(r"around AD (\d+)", q["prompt"])]
    assert false_years and all(y == 552 or abs(y - 552) >= 10 for y in false_years), false_years


def test_an_abbreviation_the_text_spells_out_is_not_typed():
    text = ("= Apollo 13 =\n\nThe lunar module (LM), named Aquarius, was built to land two men on the Moon.\n\n"
            "The LM was built to keep two men alive for about two days. Now the LM had to support three men.\n\n"
            "The command module's canisters were square and the LM's were round, so they could not be swapped.\n")
    _, result = generate_reference(text, "lm")
    assert "LM" not in {q["answer"] for q in by_type(result, "short_answer")}


def test_a_title_with_an_article_is_no_biography_and_a_preposition_no_name():
    from quizapp.engine.casing import with_attribution
    text = ("= The Silk Road =\n\nThe Silk Road was not a single road but a network of routes.\n\n"
            "The most famous traveller was Marco Polo, a Venetian merchant. He served Kublai Khan, founder of the "
            "Yuan dynasty, and returned to Venice in 1295. He wrote a book. He died in 1324.\n")
    doc = document_from_text(text, doc_id="silk")
    assert doc.subject is None
    _, result = generate_reference(text, "silk")
    assert not [q for q in result.questions if "the Silk Road served" in q["prompt"]]
    assert with_attribution("X, ", "Near Dunhuang lie the Mogao Caves.") == "X, near Dunhuang lie the Mogao Caves."


def test_new_documents_12_second_review_patterns():
    # blind review of new-documents-12 after its first fixes (docs/reviews/verdicts-newdocs12-122.md)
    from quizapp.engine.anaphora import needs_previous
    assert needs_previous("The film received nine Academy Award nominations and won two.", set())
    assert needs_previous("The tanks were redesigned, and Apollo 14 flew in January 1971.", set())
    from quizapp.engine.casing import with_attribution
    assert with_attribution("According to “The Silk Road”, in the section “Dunhuang”, ",
                            "According to tradition, the first caves were carved in AD 366.") == \
        "In the section “Dunhuang” of “The Silk Road”, according to tradition, the first caves were carved in AD 366."
    text = ("= The Dust Bowl =\n\nDUST AND HEALTH\n\nIn the 1930s livestock died in the fields, and many people, "
            "especially children and the elderly, fell ill with \"dust pneumonia,\" a respiratory illness caused by "
            "breathing in fine dust.\n")
    _, result = generate_reference(text, "dust")
    assert not [q for q in by_type(result, "short_answer") if q["answer"] in ("dust pneumonia", "dust pneumonia,")]


def test_the_most_named_newspaper_is_a_guess_and_not_asked():
    # blind review of the whole shipped bank (packet-full-7001, and shipped29 before it): "Thus, _____ in
    # boasting of …" (Pravda, quoted all through the essay) is typed without reading the passage
    towns = ["Moscow", "Leningrad", "Kiev", "Odessa", "Kharkov", "Minsk", "Tiflis", "Baku", "Perm", "Omsk"]
    text = "= Press =\n\nPravda, the organ of the party, and Izvestia, the organ of the government, were read everywhere.\n\n" + "\n\n".join(
        [f"In {1930 + i} Pravda reported on the {town} textile mills and their new directors." for i, town in enumerate(towns)]
        + [f"In {1930 + i} the newspaper Izvestia praised the {town} steel works for their output." for i, town in enumerate(towns[:8])])
    doc, result = generate_reference(text, "press")
    keys = asked_keys(result)
    assert "Pravda" not in keys
    assert any(r["reason"].startswith("the most-named of its kind") for r in result.rejected)
    assert "Izvestia" in keys  # named all through too, but not the default guess: asked once


def test_an_indented_list_without_markers_is_a_list_of_lines_and_other_spellings_are_no_terms():
    # new-documents-13 (krakatoa-1883.txt), read before its blind review: the towns, one a line and
    # indented, ran together into one 'sentence'; 'Anjer (Anyer)' became the term 'Anyer' meaning 'njer'
    from quizapp.engine.structure import parse_structure
    text = ("The Waves\n\nThe waves struck many towns on both coasts of the strait that morning.\n\n"
            "    Anjer (Anyer), western Java\n    Merak, north-western Java\n"
            "    Tjaringin (Caringin), western Java\n    Telok Betong (Teluk Betung), southern Sumatra\n\n"
            "At Telok Betong a steamship, the Berouw, was carried far inland by the waves.\n")
    sections, paragraphs, sentences = parse_structure(text)
    assert [p.kind for p in paragraphs if "Merak" in text[p.start:p.end]] == ["list"]
    assert "Merak, north-western Java" in [s.text for s in sentences]
    doc, result = generate_reference(text, "waves")
    assert not [q for q in result.questions if q["type"] == "matching"]
    assert not [q for q in result.questions if "Merak" in q["prompt"] and "Tjaringin" in q["prompt"]]


def test_a_gloss_before_a_bracketed_term_is_whole_words():
    from quizapp.engine.facts import gloss_of
    assert gloss_of("Anjer (Anyer), western Java", 7, 12) is None
    assert gloss_of("the shock workers (udarniki) met", 19, 27) == "shock workers"  # whole words, no article


def test_a_glossary_is_asked_as_a_matching_of_terms_with_their_meanings():
    # new-documents-13: a handout's 'Key terms' lines and an HTML page's <dl> were read as prose
    # ('Caldera - a large … chamber Pyroclastic flow - …' one sentence; each <dt> a paragraph of its own)
    text = ("KRAKATOA\n\nWhere Was Krakatoa?\n\nKrakatoa was a small volcanic island in the Sunda Strait between "
            "Java and Sumatra.\n\nKey terms\n\n"
            "Caldera - a large, bowl-shaped hollow formed when the ground collapses\n"
            "Tsunami - a series of sea waves caused by a sudden displacement of water\n"
            "Pumice - a very light volcanic rock full of gas bubbles; it can float on water\n\n"
            "The First Signs\n\nOn 20 May 1883 Perboewatan began to throw out steam and ash.\n\n"
            "                                   - Page 1 -\n"
            "Krakatoa 1883 handout                                   St. Aidan's School\n\n"
            "In June 1883 the ash reached the ships in the strait and the captains reported it.\n")
    doc = document_from_text(text, doc_id="k")
    titles = [s.title for s in doc.sections]
    assert "Where Was Krakatoa?" in titles and "Key terms" in titles
    assert not [s for s in doc.sentences if "Page 1" in s.text or "Tsunami" in s.text and "Caldera" in s.text]
    doc, result = generate_reference(text, "k")
    pairs = [q["pairs"] for q in by_type(result, "matching")]
    assert ["Pumice", "a very light volcanic rock full of gas bubbles"] in [p for ps in pairs for p in ps]


def test_an_html_definition_list_is_a_glossary_asked_as_a_matching():
    # new-documents-13: each <dt> of the cable page's <dl> was a paragraph of its own
    html = ("<html><body><h1>Cables</h1><p>The cable of 1858 failed after three weeks of use by the company.</p>"
            "<h2>Key terms</h2><dl><dt>Gutta-percha</dt><dd>A natural latex from trees of the Malay Peninsula.</dd>"
            "<dt>Armour</dt><dd>The outer layer of iron wires around a cable.</dd>"
            "<dt>Paying out</dt><dd>Letting cable run off a moving ship.</dd></dl></body></html>")
    doc, result = generate_reference(html, "c", "html")
    assert "- Gutta-percha – A natural latex from trees of the Malay Peninsula." in doc.text
    pairs = [p for q in by_type(result, "matching") for p in q["pairs"]]
    assert ["Armour", "The outer layer of iron wires around a cable"] in pairs


def test_a_surname_that_is_also_a_word_keeps_its_capital_after_the_attribution():
    # new-documents-13: 'Field telegraphed …' (Cyrus West Field) became 'field telegraphed' because the
    # page also writes 'the field of battle' once
    from quizapp.engine.casing import with_attribution
    doc_text = ("The leader was Cyrus West Field, a merchant. In 1856 Field helped to found a company. "
                "Field telegraphed the news. A poet wrote of the field of battle. Field was awarded a medal.")
    assert with_attribution("According to X, ", "Field telegraphed the news.", doc_text=doc_text) == \
        "According to X, Field telegraphed the news."
    assert with_attribution("According to X, ", "Soon the poet wrote.", doc_text=doc_text + " It was soon over.") == \
        "According to X, soon the poet wrote."


def test_the_third_of_these_and_a_place_given_by_there_need_the_sentence_before():
    # new-documents-13: 'The third of these, at 10:02 a.m., was the greatest.' and 'There, James Wallis,
    # the chief of police, recorded …' were asked without the explosions and the place they point back to
    from quizapp.engine.anaphora import ANAPHOR_START
    assert ANAPHOR_START.match("The third of these, at 10:02 a.m., was the greatest.")
    assert ANAPHOR_START.match("There, James Wallis, the chief of police, recorded noises.")
    assert not ANAPHOR_START.match("There were four explosions that morning.")
    assert not ANAPHOR_START.match("Therefore the island collapsed.")


def test_other_estimates_in_the_next_sentence_are_no_false_values():
    # new-documents-13: 'the Dutch colonial authorities counted 120,000 dead' was offered as false, though
    # the next sentence gives 120,000 as historians' estimate of the same dead
    text = ("= Krakatoa =\n\n== The Waves ==\n\nThe waves struck the coasts of Java and Sumatra on the morning of 27 August. "
            "The Dutch colonial authorities counted 36,417 dead. Other estimates are much higher, and historians give "
            "figures anywhere between 36,000 and 120,000. Over 160 villages and towns were destroyed.\n\n"
            "== Ash ==\n\nSome 20,000 people fled the coast, and 45,000 more left the towns inland by the end of the month.\n")
    doc, result = generate_reference(text, "kr")
    counted = [q for q in result.questions if "counted" in q["prompt"]]
    assert counted
    for q in counted:
        for c in q.get("choices", []):
            assert "120,000" not in c["text"] and "36,000" not in c["text"], q["prompt"]


def test_a_range_in_millions_keeps_its_scale_in_every_option_and_solved_it_needs_the_problem():
    # new-documents-13: '10 to 15 million' was offered beside '1,000,000 to 6 million'; 'Spain solved it'
    # was asked without the difficulty it solved
    from quizapp.engine.anaphora import object_it
    assert object_it("Spain solved it with the Royal Philanthropic Vaccine Expedition.", set())
    text = ("= Smallpox =\n\n== The campaign ==\n\nThe programme began in 1967. At that time the disease still "
            "caused 10 to 15 million cases a year in more than thirty countries.\n")
    doc, result = generate_reference(text, "sp")
    ranges = [q for q in by_type(result, "multiple_choice") if any("15 million" in c["text"] for c in q["choices"])]
    assert ranges
    for q in ranges:
        for c in q["choices"]:
            assert re.fullmatch(r"\d+ to \d+ million", c["text"]), c["text"]


def test_she_after_a_captain_under_whom_a_ship_sailed_is_the_ship():
    # new-documents-13: 'Under Captain James Anderson, with Samuel Canning in charge of the cable-laying,
    # she left Valentia in July 1865' was asked without the Great Eastern
    from quizapp.engine.anaphora import dangling_pronoun
    names = {"James Anderson", "Samuel Canning"}
    assert dangling_pronoun("Under Captain James Anderson, with Samuel Canning in charge of the cable-laying, "
                            "she left Valentia in July 1865.", names)
    assert not dangling_pronoun("In 1865 Mary Anderson said she would sail.", {"Mary Anderson"})


def test_a_quoted_doctrine_every_history_course_names_is_not_typed():
    # blind review of the whole shipped bank (packet-full-7001, question 237): 'his policy of “_____” – which
    # … took a toll of millions of peasant lives' is 'forced collectivization' to anyone who took the course
    text = ("= Crisis =\n\nIt is by no means far-fetched to conclude that Stalin deliberately intensified his policy of "
            "“forced collectivization” – which took a toll of millions of peasant lives – in order to drive the "
            "peasants into the cities.\n\nIt is by no means far-fetched to conclude that Stalin deliberately "
            "intensified his policy of “bedbug nurseries” – which cost the cities so dearly – in order to house "
            "the workers.\n")
    doc, result = generate_reference(text, "fc")
    keys = asked_keys(result)
    assert "forced collectivization" not in keys
    assert "bedbug nurseries" in keys  # a quoted phrase of the text's own is still asked


def test_names_set_side_by_side_by_likewise_are_not_asked():
    # blind review of the whole shipped bank (packet-full-7001, packet 3, C2): '(the _____) the number of
    # accidents … has increased', where two sentences on 'In the Balkhash plant there are likewise … many
    # accidents' makes Balkhash fit too; and the Balkhash blank itself leaned on the sentence two back (M3)
    text = ("= Crisis =\n\n== Plants ==\n\nIn the factory (the Karsakpaisky Copper Plant) the number of accidents to "
            "machinery has increased. The loss of labor time disrupts the plans. In the Balkhash plant there are "
            "likewise a great many stoppages and many accidents.\n\n"
            "== Mines ==\n\nIn the mine (the Dzhezkazgan Copper Plant) the number of stoppages has doubled since the spring. "
            "The loss of ore was heavy. Similarly, the Ridder plant lost a month of work to floods.\n")
    doc, result = generate_reference(text, "lw")
    keys = asked_keys(result)
    assert not {"Karsakpaisky Copper Plant", "Karsakpaisky", "Balkhash"} & keys
    assert "Dzhezkazgan Copper Plant" in keys  # an opening 'Similarly, …' links sentences; it sets no name beside another


def test_a_verbs_subject_is_not_what_its_it_means():
    # new-documents-13 (packet-newdocs13-131): 'In 1959 the World Health Assembly resolved to eradicate it' was
    # asked without smallpox: the Assembly, the subject, was taken for what 'it' means
    from quizapp.engine.anaphora import object_it
    assert object_it("In 1959 the World Health Assembly resolved to eradicate it, but progress was slow.", set())
    assert not object_it("The expedition found the wreck and photographed it in 1985.", set())
    assert not object_it("Jenner took the cowpox matter and used it on Phipps.", set())


def test_a_context_sentence_set_against_an_earlier_one_is_shown_without_its_opening():
    # the sentence the 'it' above needs opens 'Even so, …' (and says 'another century'): it is context enough
    text = ("# Smallpox\n\n## Jenner\n\nJenner published his Inquiry in 1798.\n\n## The campaign\n\n"
            "Even so, smallpox persisted for another century and a half. In 1959 the World Health Assembly "
            "resolved to eradicate it, but progress was slow.\n")
    doc, result = generate_reference(text, "sx", "markdown")
    asked = [q for q in result.questions if "1959" in (q.get("answer") or "") or "resolved to eradicate" in q["prompt"]]
    assert asked
    for q in asked:
        assert "smallpox persisted for another century" in q["prompt"] and "Even so" not in q["prompt"], q["prompt"]


def test_a_year_the_title_shows_or_just_before_a_later_year_is_not_typed_or_offered():
    # new-documents-13: 'on 20 May _____ Perboewatan began …' under the title 'THE ERUPTION OF KRAKATOA, 1883';
    # 'certified eradication on 9 December _____, and on 8 May 1980 … formally declared' (1979, by arithmetic)
    text = ("THE ERUPTION OF KRAKATOA, 1883\n\nThe First Signs\n\nOn 20 May 1883 Perboewatan began to throw out steam "
            "and ash over the strait.\n\nThe campaign\n\nA global commission certified eradication on 9 December 1979, "
            "and on 8 May 1980 the World Health Assembly formally declared the world free of smallpox. "
            "The Intensified Programme was launched in 1967 by the World Health Organization.\n")
    doc, result = generate_reference(text, "ky", "text")
    typed = {q["answer"] for q in by_type(result, "numeric")}
    assert not {"1883", "1979"} & typed
    assert not [q for q in by_type(result, "multiple_choice") if "9 December 1979" in [c["text"] for c in q["choices"]]]
    assert "1967" in asked_keys(result)  # a year with no such neighbour is still asked
