"""Question candidates from single facts: multiple choice, true/false, short
answer and numeric. Composite types (matching, ordering, multiple response)
are in ``composite.py``; filters and scores in ``quality.py``.
"""
from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass, field

from quizapp.engine import lexicon
from quizapp.engine.accepts import fraction_accepts, name_accepts, range_accepts
from quizapp.engine.cuts import BLANK, blank_out, cut_at, number_clause_cut
from quizapp.engine.distractors import _date_parts, choose_distractors, comparison_direction
from quizapp.engine.factindex import FactIndex, content_words, stable_int
from quizapp.engine.figurechecks import (_MULTIPLIED, _SHOWN_CALCULATION, BEFORE_STEM_YEAR, UNIT_SYMBOLS,
                                         _just_before_a_stem_year, _percent_change_computable, inside_bracket_after_name)
from quizapp.engine.optioncues import key_stands_out
from quizapp.engine.facts import _zipf
from quizapp.engine.model import Document, Fact, Sentence
from quizapp.engine.namechecks import (DISTINCT_DETAIL_WORDS, PEOPLE_CUE, country_people_cue, is_subject_name,
                                       typed_name_problem)
from quizapp.engine.normalize import fold, parse_number
from quizapp.engine.stems import Context, stem_text
from quizapp.engine.stemcues import (OFFICE_BEFORE, OFFICE_HOLDER, FAMOUS_KIN_BEFORE, FAMOUS_KIN, OFFICE_NAMED,
                                     OFFICE_TERM, FAMOUS_DEED_AFTER, FAMOUS_DEED, ARITHMETIC_PERCENT,
                                     percent_of_stated_numbers, STATE_OF_AFFAIRS, in_side_clause, STATISTIC_START,
                                     NAMED_AFTER, family_name_shown, AFTER_CAUSE, follows_its_cause, COMPOUND_ECHO,
                                     compound_echo, SAME_THINGS_ANOTHER_YEAR, named_again_with_another_year,
                                     YEAR_IN_STEM, TITLE_YEAR, AFTER_STEM_YEAR, just_after_a_stem_year, NAME_ECHO,
                                     name_echo)
from quizapp.engine.patterns import rx

_GENDER_CUE = re.compile(r"\b(?:daughter|wife|mother|sister|woman|women|she|her|Mrs|Miss|son|husband|father|brother|he|his|him)\b", re.I)
# 'the Lieutenant-Governor, Sir _____': the title before the blank says a man or a woman
_GENDERED_TITLE_BEFORE = re.compile(r"\b(?:Sir|Lady|Dame|Lord|King|Queen|Prince|Princess|Mr|Ms|Mrs|Miss)\.?\s+$")
# Years any educated reader knows (revolutions, world wars, crashes): as keys they need no reading.
# '_____, 7th Duchess of Bedford': the title after the blank says a man or a woman (first-sight review of
# new-documents-22)
_GENDERED_TITLE_AFTER = re.compile(r"\s*,\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+|[A-Z][a-z]+\s+)?(?:Duchess|Countess|Baroness|"
                                   r"Marchioness|Princess|Empress|Queen|Lady|Dame|Duke|Earl|Baron|Marquess|Prince|Emperor|"
                                   r"King|Lord|Sir)\b")
LANDMARK_YEARS = {
    1776: r"(?i)independence|revolution", 1789: r"(?i)revolution|Bastille", 1848: r"(?i)revolution",
    1905: r"(?i)revolution|uprising|Russo-Japanese|Czar|defeat", 1914: r"(?i)\bwar\b", 1917: r"(?i)revolution|October|Czar|Bolshevik|victory",
    1918: r"(?i)\bwar\b|armistice", 1929: r"(?i)crash|depression|Wall Street", 1939: r"(?i)\bwar\b|pact|Hitler|Nazi|invasion of Poland",
    1941: r"(?i)\bwar\b|Hitler|invasion", 1944: r"D-Day|(?i:landings? in Normandy)", 1945: r"(?i)\bwar\b|Hitler|Hiroshima",
    1969: r"(?i)\bmoon\b|Apollo", 1883: r"Krakatoa", 1980: r"St\.? Helens", 1986: r"Chernobyl", 2021: r"Ever Given", 1967: r"Six-Day War",
    1066: r"Hastings|Norman [Cc]onquest", 1215: r"Magna Carta", 1453: r"Constantinople", 1492: r"Columbus",
    1517: r"Ninety-[Ff]ive Theses|95 Theses", 1588: r"Armada", 1620: r"Mayflower", 1815: r"Waterloo",
    1865: r"Lincoln", 1963: r"Kennedy was (?:shot|assassinated)|assassination of (?:President )?(?:John F\. )?Kennedy",
    1973: r"Yom Kippur War", 1950: r"Korean War", 1990: r"Hubble Space Telescope", 1896: r"(?i)first modern Olympic", 1961: r"Berlin Wall|Gagarin", 1912: r"Titanic", 1906: r"San Francisco earthquake", 1989: r"(?i)wall|Berlin", 1991: r"(?i)collapse|Soviet Union ended",
}
# Famous discoveries: their year is general knowledge wherever the discovery is the sentence's or the
# document's subject ('Its discovery in 1928' in "The Discovery and Development of Penicillin").
LANDMARK_DISCOVERIES = {1928: r"(?i)penicillin", 1953: r"(?i)double helix|structure of DNA", 1895: r"(?i)\bX-rays?\b",
                        1666: r"Great Fire", 1969: r"Apollo 11|(?i:first (?:crewed |manned )?(?:moon|lunar) landing)"}
_ABOUT = r"(?:about|approximately|approx\.|around|roughly|some|nearly|almost|over|c\.|ca\.|~)"
# the unit may take a second word: 'km', 'square miles', 'degrees C'
# '_____ metres (about 94 inches)', '1,698 nautical miles, or about _____ statute miles'
_CONVERSION_AFTER = re.compile(r"\s*[^\W\d][\w°/-]*(?:\s+(?:[a-z]+|[A-Z]\b))?\s*(?:\(|,?\s+or\s+)" + _ABOUT
                               + r"?\s*[\d,.½¼¾/–-]+\s*[^\W\d]")
_CONVERSION_BEFORE = re.compile(r"\d[\d,.½]*\s*[^\W\d][\w°/-]*(?:\s+(?:[a-z]+|[A-Z]\b))?\s*(?:\(|,?\s+or\s+)" + _ABOUT
                                + r"?\s*$")
_ERA_SPAN = re.compile(r"(?:c\.\s*)?(?:AD\s*|CE\s*)?\d{1,4}\s*(?:BCE?|AD|CE)?\s*[–—-]\s*(?:AD\s*|CE\s*)?\d{1,4}\s*(?:BCE?|AD|CE)?")
# '(one international unit equals _____ micrograms …)': an aside that defines a unit
_UNIT_DEFINED = re.compile(r"\(\s*(?:one|1|a|an|each)\s+[\w\s-]{1,40}?\s+(?:equals|is equal to|=|is|corresponds to)\s+"
                          r"(?:about\s+|approximately\s+|roughly\s+)?$")
# 'the bakery of _____ (also spelt Farynor)': the other spelling gives the name away
_OTHER_SPELLING = re.compile(r"\s*\((?:also\s+|or\s+)?(?:spelt|spelled|written|rendered|known\s+as)\s+[A-Z]")
# 'an area larger than Italy', 'about the size of Wales': the place is a measure, and other places fit it too
_COMPARED_TO = re.compile(r"(?i)\b(?:(?:larger|bigger|smaller|greater|longer|shorter|wider|higher|taller|more|less)\s+than|"
                          r"(?:the\s+)?size\s+of|as\s+(?:large|big|small|long|wide|high)\s+as)\s+(?:the\s+)?$")
# 'The next day, 29 November 1893, brought another first.': the date restates a day counted from one before
_OPEN_LIST_BEFORE = re.compile(r"(?i)\b(?:including(?:\s+(?:one|those|ones|that|works?|plans?)\s+(?:by|of|from))?|such\s+as|"
                               r"among\s+them|notably|for\s+example|e\.g\.,?)\s+(?:the\s+)?$")
_RELATIVE_TO_BAR = re.compile(r"(?i)\s*(?:[a-z]+\s+){0,2}(?:to\s+\d[\d,]*\s*)?[,–—-]+\s*(?:just\s+|only\s+)?(?:one|two|three|a few|"
                              r"\d+)\s+(?:more|fewer|less|short)\s+(?:than|of)\b")
_SPAN_LATER = re.compile(r"(?i)\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|a few|"
                         r"several|some|barely a|just a|only a|less than a|more than a)\s+(?:days?|weeks?|months?|years?|"
                         r"decades?)\s+(?:later|earlier|afterwards?|on)\b[^.;]*$")
_RELATIVE_DAY = re.compile(r"(?i)\b(?:next|following|previous|preceding|same)\s+(?:day|morning|evening|night|week|month|year)"
                           r"\s*[,(]\s*$")
_MEASURE_UNITS = r"(?:feet|foot|ft|inch(?:es)?|yards?|miles?|pounds?|lbs?|ounces?|oz|stones?|hours?|minutes?|degrees?|shillings?)"
_COMPOUND_MEASURE_AFTER = re.compile(r"\s*" + _MEASURE_UNITS + r"\s+(?:and\s+)?[\d½¼¾]")
_COMPOUND_MEASURE_BEFORE = re.compile(r"\d[\d½¼¾.]*\s*" + _MEASURE_UNITS + r"\s+(?:and\s+)?"
                                      r"(?:(?:about|some|nearly|almost|roughly|over)\s+)?$")  # '169 pounds and about _____ ounces'
# 'roughly 57 grams, i.e. under _____ kg': the figure before, again in other words
_RESTATED = re.compile(r"(?i)\b(?:i\.\s?e\.|that is|in other words)[,:]?\s+(?:[a-z]+\s+){0,3}$")
_PROPORTION = re.compile(r"\b(?:half|twice|double[ds]?|doubled|third|(?<!first )(?<!second )(?<!third )(?<!last )quarter|one-fourth|one-tenth|times|tenfold|ten-fold)\b", re.I)
_SEQUENCE_CUE = re.compile(r"\b(?:preceding|previous|following|subsequent|next|earlier|later|first|second|third)\s+(?:period|years?|plan|decade)\b", re.I)
# Quote-aware: a title or section in quotation marks may hold commas and quotation marks of its own.
STEM_ATTRIBUTION = re.compile(r"^According to (?:[^,“]|“(?:[^“”]|“[^”]*”)*”)+?,(?: in the section “(?:[^“”]|“[^”]*”)*”,)? ")
NUMERIC_KINDS = {"quantity", "percent", "year", "date", "range", "decade", "ordinal", "ratio", "fraction"}
NAME_KINDS = {"person", "org", "place", "group", "nationality", "term", "work"}
# Facts not worth a question on their own.
TRIVIAL_NAMES = {"soviet", "western", "russian", "soviet union", "ussr", "russia", "soviet russia"}


@dataclass
class Candidate:
    doc: Document
    qtype: str
    prompt: str
    sentence: Sentence
    cite_start: int
    cite_end: int
    explanation: str
    fact: Fact | None = None
    choices: list[dict] = field(default_factory=list)
    answer: str = ""
    accept: list[str] = field(default_factory=list)
    tolerance: float | None = None
    pairs: list[list[str]] = field(default_factory=list)
    sequence: list[str] = field(default_factory=list)
    answer_span: tuple[int, int] | None = None
    features: dict = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)  # soft problems: lower the quality score
    reject: str = ""  # a hard problem: never published

    @property
    def key_text(self) -> str:
        """The answer, for ids and duplicate detection."""
        if self.qtype in ("short_answer", "numeric"):
            return self.answer
        if self.qtype == "matching":
            return "|".join(a for a, _ in self.pairs)
        if self.qtype == "ordering":
            return "|".join(self.sequence)
        return "|".join(sorted(c["text"] for c in self.choices if c["correct"]))


_SET_IN = re.compile(r"\b(?:in|of)\s+(?:the\s+)?(" + "|".join(sorted(map(re.escape, lexicon.COUNTRIES), key=len, reverse=True))
                     + r")\b")


def home_country(doc: Document) -> str | None:
    """The country the document's first sentence of prose sets its subject in ('The Suez Canal is an
    artificial waterway in Egypt …'): every later mention of it is known to the reader."""
    first = next((s for s in doc.sentences if doc.paragraphs[s.paragraph].kind == "prose"), None)
    m = _SET_IN.search(first.text) if first is not None else None
    return m.group(1) if m else None


def fact_is_askable(doc: Document, fact: Fact, sentence_facts: list[Fact],
                    name_counts: dict[str, int] | None = None) -> str:
    """'' when a fact is worth a question; otherwise why not."""
    norm = fold(fact.text).lower()
    if fact.kind == "person" and fold(fact.text).lower() == fold(doc.title).strip().lower():
        return "trivial: the person the document is about, named in its title"
    if fact.kind in ("year", "range", "date") and any(
            re.search(LANDMARK_YEARS[int(y)], doc.sentences[fact.sentence].text) for y in re.findall(r"\d{4}", fact.text)
            if int(y) in LANDMARK_YEARS):
        return "a landmark year of world history, named with its event: answerable from general knowledge"
    if fact.kind in ("year", "date") and any(
            re.search(LANDMARK_DISCOVERIES[int(y)], doc.sentences[fact.sentence].text + " " + doc.title)
            for y in re.findall(r"\d{4}", fact.text) if int(y) in LANDMARK_DISCOVERIES):
        return "the year of a famous discovery, the subject of the sentence or the document: answerable from general knowledge"
    if fact.kind in NAME_KINDS:
        if norm in TRIVIAL_NAMES:
            return "trivial: the corpus's own subject"
        occurrences = (name_counts or {}).get(fact.text, 1)
        if occurrences >= 8 and fact.kind != "term":
            return "trivial: named all through the document"
        main = fact.text.split(":")[0] if fact.kind == "work" else fact.text  # a title's subtitle need not be typed
        if len(main.split()) > 5:
            return "name too long to be a fair option"
    sent = doc.sentences[fact.sentence]
    if _in_coordination(fact, sentence_facts, sent.text, sent.start):
        return "part of a list: blanking one item is ambiguous"
    restated_from = None  # '“25 per cent,” i.e., a speed-up of 25 per cent': the stem ends before the restatement
    if fact.kind in ("quantity", "percent", "range"):
        cut = number_clause_cut(sent.text, fact.end - sent.start)
        restated_from = None if cut is None else sent.start + cut
    for f in sentence_facts:
        if f is not fact and f.text == fact.text and not (restated_from is not None and f.start >= restated_from):
            return "the answer occurs twice in the sentence"
    before = sent.text[: fact.start - sent.start]
    after = sent.text[fact.end - sent.start:]
    if re.search(r"[–—-]$", before) or re.match(r"[–—-]\w", after):
        return "part of a hyphenated compound"
    if fact.kind in ("date", "year", "decade", "range") and re.search(
            r"(?i)\b(?:by|until|till|since|before|after|past|beyond|prior to|up to|through|as early as|as late as|not later than)\s+"
            r"(?:the\s+(?:end|beginning|start)\s+of\s+)?(?:(?:about|around|roughly|circa|c\.|approximately)\s+)?$", before):
        return "open-ended time (by/since/until/prior to): other dates would also be true"
    if fact.kind == "decade":
        return "a decade: too coarse to ask, and its neighbours are anachronistic"
    if fact.kind == "quantity" and re.match(r"years?\b", fact.unit) and _duration_computable(fact, sent.text):
        return "the duration can be worked out from the years in the sentence"
    short_years = re.findall(r"\d{4}", fact.text) + [m.group(1)[:2] + m.group(2) for m in
                                                     re.finditer(r"(\d{4})[-–](\d{2})(?!\d)", fact.text)]
    if fact.kind in ("year", "date", "range") and any(f"'{y[2:]}" in sent.text or f"’{y[2:]}" in sent.text
                                                    for y in short_years):
        return "the year is in the sentence in short ('Black '47'): it gives the answer"
    if fact.kind in ("year", "date") and _year_computable(fact, sent.text):
        return "the year can be worked out from a duration in the sentence"
    if fact.kind in ("year", "date") and re.match(r"\s*[–—,(-]\s*the\s+\w+\s+year\s+of\b", after):
        return "the year follows from the apposition beside it ('the second year of the plan')"
    if fact.kind == "year" and re.fullmatch(r"\s*In\s+", before) and STATISTIC_START.match(after.lstrip(", ")) \
            and any(f.kind in ("quantity", "percent") for f in sentence_facts):
        return "the reference year of a figure ('In _____, about 516 million tons …'): the figure is the point"
    if fact.kind == "year" and re.match(r"\s+(?:conditions|model|measure|measures|laws?|legislation|figures?|data|"
                                         r"picture|level|situation|statistics|census|estimates?)\b", after):
        return "a year used as an adjective ('1940 conditions'): incidental"
    if fact.kind == "range" and re.match(r"(?:years?|months?|days?)\b", fact.unit) and "years" != fact.unit or \
            fact.kind == "range" and fact.unit == "years" and (fact.value or 0) < 1000:
        return "an age or a span of time: its wrong values are given away by the words around it"
    if fact.kind in ("year", "date") and re.search(r"(?i)\bby\s+(?:about\s+|around\s+|c\.\s*|(?:early|mid|late)[- ]|"
                                                   r"the\s+(?:end|middle|spring|summer|autumn|fall|winter)\s+of\s+)?"
                                                   r"(?:[A-Z][a-z]+\s+)?$", before):
        return "a year after 'by' ('by about 1450 he was back'): every later year is true too"
    if fact.kind in ("quantity", "year") and re.search(r"[“\"]$", before) and re.match(r"[”\"]", after):
        return "a number in quotation marks is a label ('the \"1202\" alarm'), not a quantity"
    if fact.kind in ("place", "nationality") and re.match(r"\s+flags?\b", after):
        return "a country's flag ('planted a United States flag'): who planted it tells whose flag it was"
    if fact.kind in ("quantity", "percent") and (re.search(r"(?i)\bbetween\s+[\d,.]+\s+and\s+$", before)
                                             or re.search(r"(?i)\bbetween\s+$", before) and re.match(r"\s+and\s+\d", after)):
        return "an end of a span written 'between … and …': the other end bounds the options"
    if fact.kind == "quantity" and fact.value and float(fact.value).is_integer() and \
            rx(rf"(?<![\d,.]){int(fact.value)}-[a-z]").search(before + " " + after):
        return "cue: the figure stands in a name in the sentence ('the 42-line Bible … 42 lines')"
    gloss = re.match(r"\s*\(([A-Z]{2,6})\)", after)
    if fact.kind in NAME_KINDS and gloss and _spelled_out(gloss.group(1), fact.text):
        return f"cue: the abbreviation beside the blank spells it ('({gloss.group(1)})')"
    spelled = _spelled_out(fact.text, sent.text + " " + doc.section_title(sent.section))
    if spelled:
        return f"cue: the stem spells out the abbreviation ('{spelled}')"
    if fact.kind in ("place", "nationality") and _COMPARED_TO.search(before):
        return "a yardstick ('an area larger than _____'): any place of that size fits the comparison"
    if fact.kind == "person" and re.fullmatch(r"[A-Z]\.", fact.text.split()[-1]):
        # 'John L. "Jack" Swigert Jr.' read up to its nickname: 'John L.' is no name (first-sight review of set 25)
        return "a name cut short at an initial: not the person's name"
    if fact.kind in ("person", "org") and _OPEN_LIST_BEFORE.search(before):
        # 'several plans were drawn up, including one by _____' (Wren): others the text does not name fit
        # too, and history knows them (second blind review of new-documents-24, C2)
        return "one of an open list ('including one by _____'): others fit the blank too"
    if fact.kind in ("date", "year") and _RELATIVE_DAY.search(before):
        return "a date in apposition to 'the next day': the day it follows is in a sentence the stem does not show"
    if fact.kind in NUMERIC_KINDS and _RELATIVE_TO_BAR.match(sent.text[fact.end - sent.start:]):
        # 'by _____ votes to 32 – one more than the two-thirds needed': the key is the bar plus one
        return "a figure the sentence sets against a bar ('one more than the two-thirds needed'): worked out, not read"
    if fact.kind in ("date", "year") and _SPAN_LATER.search(before[-60:]):
        # 'first lit in December 1899. Barely a year later, in _____': the span gives it, and a changed date
        # contradicts it (second blind review of new-documents-22)
        return "a date the sentence counts from another ('a year later, in _____'): the span gives it away"
    if fact.kind in NAME_KINDS and re.fullmatch(r"UTC|GMT|[ECMP][SD]T|CET|CEST|BST|IST|JST|AEST|Zulu", fact.text):
        return "a time zone's label ('20:17 UTC'): incidental"
    if fact.kind == "place" and re.search(r"(?i)\b(?:what\s+(?:is|was)\s+now|today's|modern(?:-day)?|present-day)\s+(?:the\s+)?$",
                                          before):
        return "a modern country named only to place another ('Mainz, … in what is now Germany'): incidental"
    if fact.kind == "place" and fact.text == home_country(doc) and fact.sentence > 0:
        return "trivial: the country the document is set in ('an artificial waterway in Egypt', then 'occupied _____')"
    if fact.kind in ("org", "group", "term", "place", "person") and re.match(r"\s*\([A-Z][a-z]+(?:ists|ites|iks|ans|s)\)", after):
        return "a name glossed in brackets after it ('the Left Opposition (Trotskyists)'): the gloss gives it away"
    if fact.kind == "place" and (fact.text in lexicon.COUNTRIES or re.fullmatch(r"U\.?S\.?A?\.?|UK|U\.K\.", fact.text)) \
            and re.match(r"\s+[a-z]{3,}", after) and not re.match(r"\s+(?:and|or|in|of|to|was|were|is|are|had|"
                                                                             r"has|as|at|on|for|from|by|with)\b", after) \
            and re.search(r"(?i)\b(?:several|many|all|most|some|other|its|their|two|three)\s+$|"
                          r"(?<!\bin )(?<!\bof )(?<!\bfrom )(?<!\bto )(?<!\bacross )(?<!\bthroughout )(?<!\bwithin )"
                          r"(?<!\bby )(?<!\bfor )\b(?:the|a|an)\s+$", before):
        return "a country used as an adjective ('the U.S. nuclear fleet'): incidental"
    if inside_bracket_after_name(fact, before, after):
        return "a date in brackets after a name ('van Helmont (c. 1640s, published 1648)'): incidental"
    if fact.kind in ("quantity", "number") and re.match(r"\s*(?:a\.?m\b\.?|p\.?m\b\.?)", after) \
            or fact.kind in ("quantity", "number") and re.search(r"\d[.:]$", before) and re.match(r"\s*[ap]\.?m\b", after):
        return "a clock time ('11.40 p.m.'), not a quantity"
    if fact.kind in NAME_KINDS and fact.text in UNIT_SYMBOLS:
        return "a unit's symbol ('2,240 MW'), not a name"
    if fact.kind == "person" and re.search(r"['’]s\s+[A-Z]", fact.text):
        return "a work named with its maker ('Carl Sagan's Cosmos'), not a person"
    opened = before.rfind("(")
    inside = opened > before.rfind(")") and after.find(")") >= 0
    if inside:
        bracket = before[opened + 1:] + fact.text + after[: after.find(")")]
        if re.search(r"[.!?]\s*$", bracket) and len(bracket.split()) >= 4:
            return "an aside in brackets, a sentence of its own ('(Krueger, sadly, died in 2019.)'): incidental"
        if fact.kind in ("year", "date") and re.fullmatch(r"[*_]*[A-Z][^()]*?[*_]*,\s*(?:[A-Z][a-z]+\.?\s+)?\d{4}", bracket.strip()):
            return "the year of a work cited in brackets ('(Quarterly Journal of Economics, 2019)'): incidental"
    named_then_bracket = re.search(r"[A-Z][\w’'-]*[*_]*\s+\($", before) and re.match(r"\)", after)  # (markup too)
    if fact.kind == "year" and named_then_bracket:
        return "the year of a title in brackets ('The Realm of the Nebulae (1936)'): incidental"
    bracket = re.search(r"[A-Z][\w’'-]*(?:\s+[a-z]+){0,2}[*_]*\s+\(([^()]*)$", before)  # 'the Han dynasty ('
    closing = re.match(r"([^()]*)\)", after)
    if fact.kind in ("year", "range") and bracket and closing and _ERA_SPAN.fullmatch(
            (bracket.group(1) + fact.text + closing.group(1)).strip()):
        return "the years in brackets after a name ('Cyrus West Field (1819–1892)', 'the Civil War (1861–1865)'): an aside"
    named = re.search(r"\b([A-Z][A-Za-z]+)\s+$", before)
    if fact.kind in ("quantity", "number") and named and re.fullmatch(r"\d+", fact.text) and (
            not fact.unit or (doc.title + " " + doc.text).count(f"{named.group(1)} {fact.text}") >= 2
            or lexicon.LABEL_WORDS.fullmatch(named.group(1))):  # 'Apollo 11' again and again; 'Unit 1 entered service'
        return "a model's number ('the Intel _____'): part of a name, not a quantity"
    if fact.kind == "person" and fact.text in lexicon.PERSON_TITLES:
        return "a title, not a person ('the Lord _____')"
    if fact.kind in ("quantity", "number", "percent", "range") and (
            _CONVERSION_AFTER.match(sent.text[fact.end - sent.start:])
            or _CONVERSION_BEFORE.search(sent.text[: fact.start - sent.start])):
        return "a figure given again in other units beside it ('_____ metres (about 94 inches)'): the other gives it"
    if fact.kind in ("quantity", "number", "year") and (re.search(r"\d[:.]$", sent.text[: fact.start - sent.start])
                                                        or re.match(r"[:.]\d", sent.text[fact.end - sent.start:])) \
            and re.search(r"(?i)\b\d{1,2}[:.]\d{2}\s*(?:a\.?m\.?|p\.?m\.?|hours|h\b)|\b\d{1,2}:\d{2}\b", sent.text):
        return "part of a clock time ('at 11:_____ p.m.')"
    if fact.kind in ("year", "date") and re.search(r"(?i)\b\d{1,3}(?:st|nd|rd|th)\s+anniversary\b|\b(?:tenth|twentieth|"
                                                   r"fiftieth|hundredth|centenary|centennial|bicentenary|bicentennial|"
                                                   r"tercentenary|sesquicentennial)\b", sent.text):
        return "a year beside an anniversary ('to mark the 150th anniversary of …'): it can be worked out"
    if fact.kind in ("quantity", "number", "percent") and _RESTATED.search(sent.text[: fact.start - sent.start]) \
            and re.search(r"\d", sent.text[: fact.start - sent.start]):
        return "a figure restated after 'i.e.' ('57 grams, i.e. under _____ kg'): the one before gives it"
    if fact.kind in ("quantity", "number") and _UNIT_DEFINED.search(sent.text[: fact.start - sent.start]):
        return "a unit's definition in brackets ('(one international unit equals _____ micrograms)'): incidental"
    if fact.kind in NAME_KINDS and _OTHER_SPELLING.match(sent.text[fact.end - sent.start:]):
        return "a name with another spelling of it in brackets beside it ('_____ (also spelt Farynor)'): a cue"
    if fact.kind in ("quantity", "number") and fact.value in (10, 100, 1000) \
            and re.match(r"\s+times\b", sent.text[fact.end - sent.start:]):
        return "a power of ten as a multiplier ('about ten times larger'): the guess anyone makes"
    if fact.kind in ("quantity", "number") and (
            _COMPOUND_MEASURE_AFTER.match(sent.text[fact.end - sent.start:])
            or _COMPOUND_MEASURE_BEFORE.search(sent.text[: fact.start - sent.start])):
        return "part of a compound measure ('4 feet 8½ inches'): half a number"
    if fact.kind == "quantity" and (fact.value or 0) < 20 and re.match(r"(?:months?|days?|hours?|weeks?|years?)\b", fact.unit):
        return "a small span of time: incidental, and its wrong values break the calendar"
    if fact.kind == "person" and (lexicon.is_famous(fact.text) or re.search(r"\b[IVX]+$", fact.text)):
        return "a famous name: answerable from general knowledge"
    if fact.kind == "person" and "“" in sent.text and (
            re.match(r"[^“.]{0,140}“", after) or re.search(r"”[^”]{0,40}$", before)
            or re.search(r"(?i)\b(?:said|says|wrote|writes|added|declared|continued|according to)\W*$", before)):
        return "the speaker of a quotation: incidental"
    if fact.kind in ("date", "year") and year_given_by_now(doc, sent.text) and not (
            fact.kind == "date" and _date_parts(fact.norm) and _date_parts(fact.norm)[2]):
        return "'now' beside the author's own date gives the year away"
    if fact.kind in ("date", "year") and re.search(r"(?i)\b(?:wrote|writes|written|published|said|says|reported|printed)\s+(?:in|on)\s+$", before):
        return "the date of a source the author quotes: incidental"
    if fact.kind in ("date", "year") and re.search(r"(?i)\bthe\s+$", before):
        return "date used as a name ('the June 26 laws')"
    if fact.kind == "nationality":
        return "a nationality adjective alone: incidental"
    if re.search(r"(?i)\bentitled:?\s*$", before):
        return "part of a title"
    if fact.kind in ("quantity", "percent", "range"):
        # the stem stops before a trailing clause that restates the figures: judge what it shows
        cut = number_clause_cut(sent.text, fact.end - sent.start)
        if cut is not None:
            sent = Sentence(sent.index, sent.start, sent.start + cut, sent.paragraph, sent.section, sent.text[:cut])
            sentence_facts = [f for f in sentence_facts if f.end <= sent.end]
    if fact.kind in ("quantity", "percent") and _PROPORTION.search(sent.text) and any(
            f is not fact and f.kind == fact.kind for f in sentence_facts):
        return "a proportion word ('almost half') lets the answer be estimated from another number"
    if fact.kind == "range" and fact.unit == "years" and _SEQUENCE_CUE.search(sent.text):
        return "the period follows from 'preceding'/'following' in the sentence"
    if fact.kind in ("quantity", "percent") and _computable(fact, sentence_facts, sent.text):
        return "the answer can be computed from other numbers in the sentence"
    if fact.kind in ("quantity", "number", "percent") and _SHOWN_CALCULATION.search(sent.text):
        return "a figure of a calculation the sentence shows ('2,240 MW x 8,760 hours x 0.924 comes to …')"
    multiplied = _MULTIPLIED.search(sent.text)
    if fact.kind in ("quantity", "number") and multiplied and fact.start >= sent.start + multiplied.end() and sum(
            1 for f in sentence_facts if f.kind in ("quantity", "number") and f.start >= sent.start + multiplied.end()) >= 2:
        return "one figure of two the sentence says 'doubled'/'trebled' between: the other gives it"
    if fact.kind in ("quantity", "number", "percent") and _share_computable(fact, sent.text):
        return "the figure follows from the share beside it ('56 of the 61 firms (c. 92%)')"
    if fact.kind == "percent" and _percent_change_computable(fact, sent.text):
        return "the percentage follows from the two figures beside it ('from $4.25 to $5.05, an increase of _____')"
    if fact.kind == "fraction" and any(f.kind in ("quantity", "percent", "ratio") for f in sentence_facts):
        return "the fraction can be worked out from the figures beside it"
    if fact.kind == "ratio" and any(f.kind in ("quantity", "percent") for f in sentence_facts):
        return "the ratio can be worked out from numbers in the sentence"
    if fact.kind == "date" and not re.search(r"\d{4}", fact.text):
        return "date without a year"
    if fact.kind in ("quantity", "range") and re.match(r"hours?\b", fact.unit) and re.search(
            r"(?i)\bhours?\s+(?:a|per|each)\s+(?:month|week)\b", sent.text) and re.search(
            r"(?i)\b(?:working\s+)?day\b", sent.text) and sum(
            1 for f in sentence_facts if f.kind in ("quantity", "range") and re.match(r"hours?\b", f.unit)) >= 2:
        return "hours a day follow from hours a month in the same sentence"
    return ""


_NOW = re.compile(r"(?i)\b(?:now|today|at present|at the moment|recently|this year|last year)\b")


def year_given_by_now(doc: Document, text: str) -> bool:
    """'And now, by ukase of …' in a dated document: the year is the author's, so a full date is
    asked only with options of that same year, never typed (see distractors.choose_distractors)."""
    return bool(doc.meta.get("date")) and _NOW.search(text) is not None


_DURATION = re.compile(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                       r"fifteen|twenty)\s+years\b", re.I)


_OPEN_BOUND_AFTER = re.compile(r"\s*(?:[^\s\d,.;:]+\s+){0,2}?(?:or|and)\s+(?:more|above|higher|over|greater|upwards|less|"
                               r"fewer|below|lower|under)\b")


def _spelled_out(abbreviation: str, text: str) -> str:
    """The words of ``text`` whose initials make ``abbreviation`` ('degree heating weeks' for 'DHW'), or ''."""
    if not re.fullmatch(r"[A-Z]{3,6}", abbreviation):  # (two letters match by chance too often)
        return ""
    words = re.findall(r"[A-Za-z][\w’'-]*", text)
    n = len(abbreviation)
    for i in range(len(words) - n + 1):
        run = words[i:i + n]
        if "".join(w[0] for w in run).upper() == abbreviation and not any(w == abbreviation for w in run):
            return " ".join(run)
    return ""


def _year_computable(fact: Fact, text: str) -> bool:
    """'In the twelve years … from December 1926 to (January, 1939)': the year follows from the other."""
    year = int(fact.value or 0)
    durations = [parse_number(m.group(1)) or 0 for m in _DURATION.finditer(text)]
    others = [int(y) for y in re.findall(r"(?<!\d)(1[0-9]\d\d|20\d\d)(?!\d)", text) if int(y) != year]
    return any(abs(abs(year - y) - d) <= 1 for d in durations for y in others)


def _duration_computable(fact: Fact, text: str) -> bool:
    years = sorted({int(y) for y in re.findall(r"(?<!\d)(1[0-9]\d\d|20\d\d)(?!\d)", text)})
    return any(abs(abs(b - a) - (fact.value or 0)) <= 1 for i, a in enumerate(years) for b in years[i + 1:])


_BARE_NUMBER = re.compile(r"(?<![\w.,$£])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?!\w|[.,]\d|\s*(?:%|per\s?cent))")


_FELL_TO = re.compile(r"(?i)\b(?:fell|fallen|dropped|declined|decreased|shrank|shrunk|slipped|sank|sunk|slumped|plunged|"
                      r"dipped)\s+(?:back\s+)?to\s+(?:about\s+|around\s+|roughly\s+|some\s+|c\.\s*|just\s+)?$")
_ROSE_TO = re.compile(r"(?i)\b(?:rose|risen|grew|grown|increased|climbed|jumped|soared|swelled)\s+to\s+"
                      r"(?:about\s+|around\s+|roughly\s+|some\s+|c\.\s*|nearly\s+|almost\s+|over\s+)?$")
_FIGURE = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s*(%|per\s*cent|percent)?")


def _keeps_trend(fact: Fact, shown: str, before: str, option: str) -> bool:
    """'79% approval in December 1973. By February, support had fallen to around _____': a false value
    must fall too (not 84%), or the words 'fallen to' give it away; 'rose to' the other way round."""
    fell, rose = _FELL_TO.search(before), _ROSE_TO.search(before)
    if not (fell or rose):
        return True
    percent = fact.kind == "percent"
    earlier = [m for m in _FIGURE.finditer(shown[: max(0, shown.rfind(fact.text))]) if bool(m.group(2)) == percent
               and not (not percent and re.fullmatch(r"1[5-9]\d\d|20\d\d", m.group(1)))]
    value = parse_number(re.sub(r"(?i)\s*(%|per\s*cent|percent)$", "", option))
    if not earlier or value is None:
        return True
    previous = parse_number(earlier[-1].group(1))
    if previous is None:
        return True
    return value < previous if fell else value > previous


def _share_computable(fact: Fact, text: str) -> bool:
    """'56 of the 61 firms (c. 92%)': a part, its whole and the share, of which any two give the third."""
    percents = [v for m in _FIGURE.finditer(text) if m.group(2) and (v := parse_number(m.group(1))) is not None]
    if not percents or fact.value is None:
        return False
    numbers = [n for m in _BARE_NUMBER.finditer(text) if (n := parse_number(m.group(0)))]  # (no years: 4 digits)
    for part, whole in itertools.permutations(numbers, 2):
        if 0 < part < whole:
            share = 100 * part / whole
            for p in percents:
                if abs(share - p) <= 1.0 and fact.value in (part, whole, p):
                    return True
    return False


def _computable(fact: Fact, facts: list[Fact], text: str = "") -> bool:
    """'from 26.3 million to 55.9 million, an increase of 29.6 million': any one follows from the others.
    With the sentence's ``text``, bare numbers count too: 'about 180 copies: roughly 135 on paper and
    about 45 on vellum' (135 and 45 are no facts of their own, but they add up to the key)."""
    nums = [f.value for f in facts if f is not fact and f.kind == fact.kind and f.value and f.high is None]
    v = fact.value or 0
    if text and fact.kind == "quantity":
        bare = [parse_number(m.group(0)) or 0.0 for m in _BARE_NUMBER.finditer(text)]
        if v in bare:
            bare.remove(v)
        nums += [b for b in bare if b and b not in nums]
    for i, a in enumerate(nums):
        for b in nums[i + 1:]:
            for combo in (a + b, abs(a - b)):
                if v and abs(combo - v) <= 0.011 * v:
                    return True
    if v and 3 <= len(nums) <= 6:  # a balance: '264 g of carbon dioxide and _____ g of water give 180 g … and 192 g'
        for x, y, z in itertools.permutations(nums, 3):
            if x <= y and abs(x + y - z - v) <= 0.011 * v:
                return True
    return False


def _in_coordination(fact: Fact, facts: list[Fact], text: str = "", offset: int = 0) -> bool:
    """True when the fact is one item of a list ('German or Austrian', '10 hours, 14 hours and 16 hours')."""
    group = {"person", "org", "place", "group", "nationality"} if fact.kind in NAME_KINDS else {fact.kind}
    for other in facts:
        if other is fact or other.kind not in group:
            continue
        if other.end <= fact.start:
            gap = text[other.end - offset:fact.start - offset]
        elif fact.end <= other.start:
            gap = text[fact.end - offset:other.start - offset]
        else:
            continue
        if other.kind != fact.kind and re.fullmatch(r",\s*the\s+", gap):
            continue  # an apposition ('the Amtorg Trading Corporation, the Soviet Union’s …'), not a list
        if re.fullmatch(r"(?:\s+[a-z]+)?\s*(?:,|and|or|&|,\s*and|,\s*or)\s*(?:even\s+|also\s+|then\s+|the\s+)?", gap):
            return True
    return False


def _order_choices(kind: str, texts: list[str]) -> list[str]:
    """Numbers and dates in ascending order, names alphabetically: no position cue."""
    if kind in ("quantity", "percent", "year", "decade", "ratio", "range"):
        def num(t: str) -> float:
            m = re.match(r"[^\d]*?([\d,]+(?:\.\d+)?)", t)
            if m:
                v = parse_number(m.group(1))
                scale = 1e6 if "million" in t else 1.0
                return (v or 0) * scale
            return parse_number(re.split(r"\s+(?:per|percent|out)", t)[0]) or 0
        return sorted(texts, key=num)
    if kind == "date":
        return sorted(texts, key=_date_sort_key)
    return sorted(texts, key=lambda t: fold(t).lower())


_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _date_sort_key(text: str) -> tuple:
    year = re.search(r"\d{4}", text)
    t = text.lower()
    month = next((i for i, m in enumerate(_MONTHS) if m in t), -1)
    part = 0 if "early" in t else (1 if "mid" in t else (2 if "late" in t else 0))
    day = re.search(r"\b(\d{1,2})\b", text)
    return (int(year.group(0)) if year else 0, month, part, int(day.group(1)) if day else 0)


def explain(stem_statement: str) -> str:
    """'The text says: “…”' with the stem's own words, without the stem's 'According to …, ' (the
    explanation page names the source and quotes the passage itself)."""
    body = STEM_ATTRIBUTION.sub("", stem_statement, count=1)
    if body != stem_statement and body[:1].islower():
        body = body[0].upper() + body[1:]
    return f"The text says: “{body}”"


def computing_partners(fact: Fact, facts: list[Fact]) -> list[Fact]:
    """The figures of the sentence from which the fact can be computed ('from 26.3 million to 55.9
    million, an increase of 29.6 million': 26.3 and 55.9 for 29.6)."""
    nums = [f for f in facts if f is not fact and f.kind == fact.kind and f.value and f.high is None]
    v = fact.value or 0
    out: list[Fact] = []
    for i, a in enumerate(nums):
        for b in nums[i + 1:]:
            if v and any(abs(combo - v) <= 0.011 * v for combo in (a.value + b.value, abs(a.value - b.value))):
                out += [f for f in (a, b) if f not in out]
    return out


ELIDED = "…"


def build_elided_question(doc: Document, ctx: Context, fact: Fact, partners: list[Fact],
                          sentence_facts: list[Fact]) -> list[Candidate]:
    """A figure computable from others in its sentence, asked typed with those others left out
    ('advanced from … (December, 1926) to … (January, 1939), an increase of _____'): the student
    must have read the figure, and no option can be told by arithmetic."""
    sent = ctx.sentence
    if fact.value is None or fact.high is not None or fact.kind not in ("quantity", "percent"):
        return []
    left = [f for f in sentence_facts if f is not fact and f not in partners]
    shown = sent.text
    for f in sorted(partners, key=lambda f: f.start, reverse=True):
        shown = shown[:f.start - sent.start] + ELIDED + shown[f.end - sent.start:]
    if _computable(fact, left, shown):
        return []  # what is left shown still adds up to the key ('135 on paper and about 45 on vellum')
    focus = fact.end - sent.start
    cut = number_clause_cut(sent.text, focus)
    spans = sorted([(f.start, f.end, ELIDED) for f in partners] + [(fact.start, fact.end, BLANK)], reverse=True)
    text = sent.text
    for s, e, r in spans:
        text = text[:s - sent.start] + r + text[e - sent.start:]
    before = [(s, e, r) for s, e, r in spans if s <= fact.start]
    shift = sum(len(r) - (e - s) for s, e, r in before)
    cut_shift = sum(len(r) - (e - s) for s, e, r in spans if cut is not None and e - sent.start <= cut)
    blanked = stem_text(doc, ctx, cut_at(text, None if cut is None else cut + cut_shift), focus=focus + shift)
    full = stem_text(doc, ctx, cut_at(sent.text, cut), focus=focus)
    if BLANK not in blanked or _PROPORTION.search(STEM_ATTRIBUTION.sub("", blanked)):
        return []
    features = {"kind": fact.kind, "needs_context": ctx.previous is not None, "quoted": ctx.quoted,
                "from_report": ctx.from_report, "words": len(full.split()), "distractors": 0, "elided": True}
    base = dict(doc=doc, sentence=sent, cite_start=ctx.start, cite_end=ctx.end, fact=fact,
                answer_span=(fact.start, fact.end), explanation=explain(full))
    q = _typed_question(fact, blanked, base, features)
    if q is None or q.qtype != "numeric":
        return []
    q.prompt = q.prompt.replace(" (Give", " (The text’s other figures are left out as “…”. Give", 1)
    return [q]


def build_fact_questions(doc: Document, ctx: Context, fact: Fact, index: FactIndex,
                         want_tf: bool, want_typed: bool) -> list[Candidate]:
    """MC, and optionally TF and a typed question, about one fact."""
    sent = ctx.sentence
    section_needed = False
    if fact.kind in ("date", "year") and not ctx.chain and not ctx.lead_cut and not ctx.quoted:
        title = doc.section_title(sent.section)
        if any(rx(rf"(?<![\d–-]){y}(?![\ds–-])").search(title) for y in re.findall(r"\d{4}", fact.text)):
            # 'The December 1938 laws' gives the year of 'On December 28, 1938, Stalin invalidated …'
            # away; a sentence that needs no context is asked without its section.
            ctx = dataclasses.replace(ctx, attribution=re.sub(r", in the section “.*”, $", ", ", ctx.attribution))
            if named_again_with_another_year(doc, sent, fact):
                section_needed = True
    focus = fact.end - sent.start
    cut = number_clause_cut(sent.text, focus) if fact.kind in ("quantity", "percent", "range") else None
    full = stem_text(doc, ctx, cut_at(sent.text, cut), focus=focus)
    blanked_sentence = blank_out(sent, fact.start, fact.end)
    shift = len(blanked_sentence) - len(sent.text)
    blanked_sentence = cut_at(blanked_sentence, None if cut is None else cut + shift)
    blanked = stem_text(doc, ctx, blanked_sentence, focus=focus + shift)
    base = dict(doc=doc, sentence=sent, cite_start=ctx.start, cite_end=ctx.end, fact=fact,
                answer_span=(fact.start, fact.end), explanation=explain(full))
    out: list[Candidate] = []
    if BLANK not in blanked:
        return out  # the fact sat in a part of the sentence the stem leaves out
    if fact.kind == "quote":
        return _quote_questions(doc, ctx, fact, blanked, base, full) if want_typed else out
    if fact.kind in ("quantity", "percent") and fact.value is not None and fact.unit and any(
            parse_number(m.group(1)) == fact.value for m in rx(
                r"(\d[\d,]*(?:\.\d+)?)\s*" + re.escape(fact.unit.split()[0])).finditer(ctx.attribution)):
        # '… Apollo 13, 55 years on”, _____ years on, it is hard to argue' (Fifty-five): the title the stem names holds the
        # figure (second blind review of new-documents-25); a year there is TITLE_YEAR's, for the options only
        mc = Candidate(qtype="multiple_choice", prompt=blanked, features={}, **base)
        mc.reject = "cue: the title the stem names gives the figure"
        return [mc]
    if fact.kind in ("year", "date") and ctx.chain and any(
            int(y) in LANDMARK_YEARS and re.search(LANDMARK_YEARS[int(y)], " ".join(c.text for c in ctx.chain))
            for y in re.findall(r"\d{4}", fact.text)):
        # 'proposed a race … for the first modern Olympics. The race was run on 10 April _____': the
        # sentence the stem shows before names the landmark (second blind review of new-documents-23)
        mc = Candidate(qtype="multiple_choice", prompt=blanked, features={}, **base)
        mc.reject = "a landmark year of world history, named with its event in the stem: answerable from general knowledge"
        return [mc]
    direction = comparison_direction(sent.text[: fact.start - sent.start]) if fact.kind in NUMERIC_KINDS else 0
    if fact.kind in NUMERIC_KINDS and not direction and _OPEN_BOUND_AFTER.match(sent.text[fact.end - sent.start:]):
        direction = 1  # 'at 2 °C or more above that maximum': 5 °C or more is true as well
    if direction:
        want_tf = False  # 'more than 128,000' is not shown false by the text
    if ctx.gap_before_last:
        want_tf = False  # two sentences spliced with '…' make a double-barrelled statement (reviews newdocs4-43, shipped28)
    if fact.kind in ("date", "year") and STATE_OF_AFFAIRS.search(sent.text):
        want_tf = False  # 'At the end of 1924 fewer than 5,000 … remained': a state may have held then too
    if in_side_clause(sent.text[: fact.start - sent.start], sent.text[fact.end - sent.start:]):
        want_tf = False  # '…, who had found in 1895 that …': a statement false only in an aside is a trick
    body = STEM_ATTRIBUTION.sub("", full)  # the numbers of a section title ('(1929-1933)') are not the stem's
    if fact.kind == "ratio" and len(re.findall(r"\d[\d,.]*", body)) >= 2:
        return out  # 'nine out of every twenty' with 7.2 and 15.6 million in the stem: arithmetic decides
    multiplier = re.match(r"\s+times\b", sent.text[fact.end - sent.start:]) and \
        len(re.findall(r"\d[\d,.]*", sent.text)) < 2  # 'about ten times larger', a scale's '0 to 8' before it
    if fact.kind in ("quantity", "percent") and _PROPORTION.search(body) and not multiplier and \
            len(re.findall(r"\d[\d,.]*\s*(?:million|per cent|percent|%)?", body)) >= 2:
        return out  # 'almost half of the 22.3 million' with 10.1 million in the stem
    if fact.kind == "percent" and percent_of_stated_numbers(fact, sent):
        mc = Candidate(qtype="multiple_choice", prompt=blanked, features={}, **base)
        mc.reject = ARITHMETIC_PERCENT  # 'eight mice … four of them (_____ of the group)'
        return [mc]
    if fact.kind == "fraction":
        # 'below one-fourth, and in many cases one-tenth': typed only. Wrong fractions as options or in a
        # false statement are bounded by the words around them ('below', 'in many cases') and easily
        # told apart; typed, the fraction is read, not guessed.
        features = {"kind": fact.kind, "needs_context": ctx.previous is not None, "quoted": ctx.quoted,
                    "from_report": ctx.from_report, "words": len(full.split()), "distractors": 0}
        typed = _typed_question(fact, blanked, base, features) if want_typed else None
        return [typed] if typed else out
    distractors = choose_distractors(fact, doc.id, full, index, direction=direction)
    if fact.kind in ("percent", "quantity"):
        distractors = [d for d in distractors if _keeps_trend(fact, full, sent.text[: fact.start - sent.start], d)]
    if fact.kind == "person" and doc.subject:
        # 'married the French physicist Maria Skłodowska': the biography's subject, under any of her
        # names, is never a wrong option, and never the swap of a false statement
        distractors = [d for d in distractors if not is_subject_name(doc, d)]
    features = {"kind": fact.kind, "needs_context": ctx.previous is not None, "quoted": ctx.quoted,
                "from_report": ctx.from_report,
                "words": len(full.split()), "distractors": len(distractors)}
    # Multiple choice, fill in the blank.
    mc = Candidate(qtype="multiple_choice", prompt=blanked, features=dict(features), **base)
    if len(distractors) < 3:
        mc.reject = "fewer than three safe distractors of the same type"
    elif direction:
        mc.reject = "'fewer than'/'more than': no wrong value is shown false by the text"
    elif fact.kind in NUMERIC_KINDS and key_stands_out(fact.text, distractors[:3]):
        mc.reject = "the key stands out among the options (odd one out)"
    elif fact.kind in ("org", "place", "group", "nationality", "work", "term") and not (
            fact.kind == "group" and fact.text in lexicon.NATIONALITY_PLURALS):
        mc.reject = "names of this kind make implausible options (wrong kind of thing)"
    elif fact.kind == "place" and (fact.text.isupper() or re.search(r"(?i)\bthe\s+$", sent.text[: fact.start - sent.start])):
        mc.reject = "'the _____' or an abbreviation: the options would not fit the same way"
    elif fact.kind == "group" and doc.kind == "discussion":
        mc.reject = "a people in a discussion thread: general knowledge picks it from other peoples"
    elif fact.kind == "person" and doc.kind == "discussion":
        mc.reject = "people in a discussion thread: several fit the same description"
    elif fact.kind == "person" and (_GENDER_CUE.search(full) or _GENDERED_TITLE_BEFORE.search(sent.text[: fact.start - sent.start])
                                    or _GENDERED_TITLE_AFTER.match(sent.text[fact.end - sent.start:])):
        mc.reject = "a gendered word in the stem narrows the people who fit"
    texts = _order_choices(fact.kind, [fact.text] + distractors[:3])
    mc.choices = [{"text": t, "correct": t == fact.text,
                   **({} if t == fact.text else {"feedback": f"The text gives {fact.text}, not {t}."})}
                  for t in texts]
    out.append(mc)
    # True/false: the true sentence, or the sentence with a distractor in the fact's place.
    unmentioned = fact.kind == "group" and fact.text in lexicon.NATIONALITY_PLURALS
    if fact.kind in NAME_KINDS and fact.kind != "person" and not unmentioned:
        want_tf = False  # a swapped name or term makes an absurd or give-away statement
    if fact.kind == "person" and doc.kind == "discussion":
        want_tf = False  # another person of the thread may fit the swapped statement too
    if want_tf and distractors:
        first_truth = stable_int(doc.id, sent.index, fact.text, "tf") % 2 == 0
        # Numbers and dates get both versions (the text, and the text with one value swapped) as
        # variants of one item: they share the sentence, so an attempt never draws both.
        truths = [first_truth, not first_truth] if fact.kind in ("year", "date", "quantity", "percent", "range") \
            else [first_truth]
        for n, truth in enumerate(truths):
            out.append(_true_false(doc, ctx, fact, truth, distractors[0], full, focus, features, base, variant=n > 0,
                                   cut=cut))
    # Typed answers: numbers as numeric, names and terms as short answer.
    if want_typed:
        typed = _typed_question(fact, blanked, base, features)
        if typed is not None and typed.qtype == "short_answer" and fact.kind in NAME_KINDS:
            typed.reject = typed_name_problem(doc, fact, blanked, index, " ".join(s.text for s in ctx.follow))
            if fact.kind == "person":
                # 'His daughter, _____' beside 'Thomas Reed': the family name alone does not tell them apart
                typed.accept = [a for a in typed.accept if a == fact.text or not rx(rf"\b{re.escape(a)}\b").search(blanked)]
        if typed is None and fact.kind == "date":
            typed = _year_of_date_question(doc, ctx, fact, base, features, focus)
        if typed:
            out.append(typed)
    if fact.kind in ("place", "group", "nationality") and country_people_cue(fact.text, blanked):
        for c in out:  # 'Americans' beside 'the USA': every form of the question gives it away
            c.reject = c.reject or PEOPLE_CUE
    if fact.kind == "person" and FAMOUS_DEED_AFTER.match(sent.text[fact.end - sent.start:]):
        for c in out:  # '_____, who had built the Suez Canal': the named deed names the person to anyone
            c.reject = c.reject or FAMOUS_DEED
    if fact.kind == "term" and compound_echo(fact.text, blanked):
        for c in out:  # '… shift towards longer, redder wavelengths. This shift is called _____' (redshift)
            c.reject = c.reject or COMPOUND_ECHO
    if NAMED_AFTER.search(sent.text[: fact.start - sent.start]) and name_echo(fact.text, sent.text):
        for c in out:  # 'polonium, which Marie named after her native _____': the name gives the answer
            c.reject = c.reject or NAME_ECHO
    if fact.kind == "person" and family_name_shown(fact, blanked):
        for c in out:  # 'Marie Curie married the French physicist _____' (Pierre Curie): typed, the whole
            if c.qtype != "short_answer":  # name is asked (the family name alone is not accepted)
                c.reject = c.reject or "cue: the answer's family name is in the stem"
    if fact.kind == "year" and follows_its_cause(fact, sent.text[: fact.start - sent.start]):
        for c in out:  # '… the 1815 eruption … caused the Year Without a Summer in _____': 1816 of 1816–1821
            if c.qtype in ("multiple_choice", "numeric"):  # typed, 'the year after' is the guess that wins
                c.reject = c.reject or AFTER_CAUSE
    year = re.search(r"\d{4}", fact.text)
    if fact.kind in ("date", "year") and year and year.group(0) in STEM_ATTRIBUTION.sub("", blanked):
        for c in out:  # '… did not reopen until April 1957. Anthony Eden resigned … in January _____'
            if c.qtype in ("multiple_choice", "numeric"):
                c.reject = c.reject or YEAR_IN_STEM
    titles = [t for t in (doc.section_title(sent.section), doc.title) if t and f"“{t}”" in blanked]
    if fact.kind == "year" and year and any(rx(rf"(?<!\d){year.group(0)}(?!\d)").search(t) for t in titles):
        for c in out:  # in the section 'Stalin's Labor Legislation: 1927–1940', '… introduced in 1928': the title
            if c.qtype in ("multiple_choice", "numeric") or c.qtype == "true_false" and not c.features.get("truth"):
                c.reject = c.reject or TITLE_YEAR  # shows the year, and the false one beside it
    if fact.kind == "date" and year and any(rx(rf"(?<!\d){year.group(0)}(?!\d)").search(t) for t in titles):
        for c in out:  # 'According to “… The Crisis of 1789”, … followed on 26 August _____' (Give the year.)
            if c.qtype == "numeric" and c.answer == year.group(0):
                c.reject = c.reject or TITLE_YEAR
    if fact.kind in ("date", "year") and just_after_a_stem_year(fact, sent.text[: fact.start - sent.start]):
        for c in out:  # '… completed in 1948; early in _____ he became the first to use it': options after 1948
            if c.qtype in ("multiple_choice", "numeric"):  # and typed, 'the year after' is the guess that wins
                c.reject = c.reject or AFTER_STEM_YEAR
    if fact.kind in ("date", "year") and _just_before_a_stem_year(fact, sent.text[fact.end - sent.start:]):
        for c in out:  # 'certified eradication on 9 December _____, and on 8 May 1980 … formally declared': 1979
            if c.qtype in ("multiple_choice", "numeric"):
                c.reject = c.reject or BEFORE_STEM_YEAR
    if fact.kind in ("date", "year") and OFFICE_NAMED.search(sent.text):
        for c in out:  # 'on _____, President Abraham Lincoln signed …': 'July 1, 1860' is before his term
            if c.qtype == "multiple_choice":
                c.reject = c.reject or OFFICE_TERM
    if fact.kind == "person" and OFFICE_BEFORE.search(sent.text[: fact.start - sent.start]):
        for c in out:  # 'persuaded President _____' in 1905: every form of the question is answered by history
            c.reject = c.reject or OFFICE_HOLDER
    if fact.kind == "person" and FAMOUS_KIN_BEFORE.search(sent.text[: fact.start - sent.start]):
        for c in out:
            c.reject = c.reject or FAMOUS_KIN
    if fact.kind in ("group", "nationality") and doc.kind == "discussion":
        sent = doc.sentences[fact.sentence]
        rest = sent.text[: fact.start - sent.start] + " " + sent.text[fact.end - sent.start:]
        if not re.search(r"\d", rest) and len(content_words(rest)) < DISTINCT_DETAIL_WORDS:
            for c in out:  # 'several Americans who defected to North Korea': general knowledge answers it
                c.reject = c.reject or "a people in a one-line claim of a discussion thread: general knowledge answers it"
    if section_needed:  # without the section's year, the text tells of the same thing again in another year
        for c in out:
            c.reject = c.reject or SAME_THINGS_ANOTHER_YEAR
    return out


def _quote_questions(doc: Document, ctx: Context, fact: Fact, blanked: str, base: dict, full: str) -> list[Candidate]:
    """A typed question on a short quoted phrase: '… answered … with the still ruder cry: ‘_____’'."""
    features = {"kind": "quote", "needs_context": ctx.previous is not None, "quoted": ctx.quoted,
                "from_report": ctx.from_report, "words": len(full.split()), "distractors": 0}
    q = Candidate(qtype="short_answer", prompt=blanked + " (Type the words the text puts in quotation marks.)",
                  features=features, **base)
    q.answer = fact.text
    q.accept = sorted({fact.text, fact.text.rstrip("!"), fold(fact.text).replace("-", " ")})
    q.reject = typed_name_problem(doc, fact, blanked, None)
    if lexicon.FAMOUS_DOCTRINES.search(fact.text):
        q.reject = q.reject or "a doctrine every history course names: answerable from general knowledge"
    return [q]


def _year_of_date_question(doc: Document, ctx: Context, fact: Fact, base: dict, features: dict,
                           focus: int) -> Candidate | None:
    """'On December 28, _____, Stalin invalidated …' (Give the year.): the year of a dated event."""
    m = re.search(r"\d{4}$", fact.text)
    if not m or re.match(r"(?i)(mid|early|late)", fact.text):
        return None
    year_start = fact.start + m.start()
    sent = ctx.sentence
    blanked_sentence = blank_out(sent, year_start, fact.end)
    prompt = stem_text(doc, ctx, blanked_sentence, focus=focus + len(blanked_sentence) - len(sent.text))
    if BLANK not in prompt:
        return None
    q = Candidate(qtype="numeric", prompt=prompt + " (Give the year.)", features=dict(features, kind="year"),
                  **dict(base, answer_span=(year_start, fact.end)))
    q.answer = m.group(0)
    q.accept = [m.group(0)]
    q.tolerance = 0.0
    return q


def _true_false(doc: Document, ctx: Context, fact: Fact, truth: bool, swap: str, full: str, focus: int,
                features: dict, base: dict, variant: bool, cut: int | None = None) -> Candidate:
    sent = ctx.sentence
    if truth:
        statement = full
    else:
        swapped = blank_out(sent, fact.start, fact.end, swap)
        shift = len(swapped) - len(sent.text)
        swapped = cut_at(swapped, None if cut is None else cut + shift)
        statement = stem_text(doc, ctx, swapped, focus=focus + shift)
    tf = Candidate(qtype="true_false", prompt=statement, features=dict(features, truth=truth, variant=variant), **base)
    if (fact.text if truth else swap) not in statement:
        tf.reject = "the statement lost the fact it is about"
    tf.choices = [
        {"text": "True", "correct": truth,
         "feedback": "Correct: the text states this." if truth else f"Not so: the text gives {fact.text}, not {swap}."},
        {"text": "False", "correct": not truth,
         "feedback": "It is true: the text states exactly this." if truth else
         f"Correct: the text gives {fact.text}, not {swap}."},
    ]
    return tf


def _typed_question(fact: Fact, blanked: str, base: dict, features: dict) -> Candidate | None:
    if fact.kind == "fraction":
        example = "two-thirds" if fact.norm != "2/3" else "three-quarters"
        q = Candidate(qtype="short_answer", prompt=blanked + f" (Give the fraction, for example “{example}”.)",
                      features=dict(features), **base)
        q.answer = fact.text
        q.accept = fraction_accepts(fact)
        return q
    if fact.kind in ("quantity", "percent", "year") and fact.value is not None and fact.high is None:
        unit = "%" if fact.kind == "percent" else ""
        hint = " (Give the percentage.)" if unit else (" (Give the year.)" if fact.kind == "year" else " (Give the number.)")
        # 'a million' is given as a number; 'in millions' would hint that the answer is one million
        bare = re.fullmatch(r"(?i)an?\s+(million|billion)", fact.text)
        millions = re.search(r"(?i)\bmillion\b", fact.text) is not None and not bare
        if millions:
            hint = " (Give the number in millions, for example “3.5 million”.)"
        q = Candidate(qtype="numeric", prompt=blanked + hint, features=dict(features), **base)
        q.answer = fact.text
        value = fact.value
        plain = f"{value:g}" if value < 1e15 else str(int(value))
        if float(value).is_integer():
            plain = str(int(value))
        forms = {plain, fact.text}
        if bare:
            forms |= {f"one {bare.group(1).lower()}", f"1 {bare.group(1).lower()}", f"{int(value):,}"}
        if unit:
            forms |= {f"{plain}%", f"{plain} percent", f"{plain} per cent"}
        if value >= 1e6 and value % 1e5 == 0:
            forms.add(f"{value / 1e6:g} million")
            if millions:
                forms.add(f"{value / 1e6:g}")  # the hint asks for millions: '12.7' means 12.7 million
        q.accept = sorted(forms)
        q.tolerance = 0.0
        return q
    if fact.kind == "range" and fact.unit == "years" and (fact.value or 0) >= 1000 and not re.match(r"(?i)between|from", fact.text):
        q = Candidate(qtype="short_answer", prompt=blanked + " (Give the years, for example “1900–1905”.)",
                      features=dict(features), **base)
        q.answer = fact.text
        lo, hi = int(fact.value or 0), int(fact.high or 0)
        q.accept = sorted({fact.text, f"{lo} to {hi}", f"{lo}-{hi}", f"{lo}–{hi}"})
        return q
    if fact.kind == "range" and fact.high is not None and fact.unit == "years" and (fact.value or 0) < 1000:
        # an age or a number of years ('from 14–17 years'): a span, not calendar years
        q = Candidate(qtype="short_answer", prompt=blanked + " (Give the range, for example “5 to 10”.)",
                      features=dict(features), **base)
        q.answer = fact.text
        lo, hi = f"{fact.value:g}", f"{fact.high:g}"
        q.accept = sorted({fact.text, f"{lo} to {hi}", f"{lo}-{hi}", f"{lo}–{hi}"})
        return q
    if fact.kind in ("range", "percent") and fact.high is not None and fact.unit != "years":
        scale = re.search(r"\b(thousand|million|billion)\b", fact.text)
        hint = f" (Give the range in {scale.group(1)}s, for example “5 to 10”.)" if scale else \
            " (Give the range, for example “5 to 10”.)"
        q = Candidate(qtype="short_answer", prompt=blanked + hint, features=dict(features), **base)
        q.answer = fact.text
        q.accept = range_accepts(fact)
        return q
    if fact.kind == "term" and not fact.unit and fact.text[:1].isupper() and " " not in fact.text and (_zipf(fact.text.lower()) >= 1.0 or _zipf(fact.text[:-3].lower()) >= 2.5):
        return None  # 'Czarism', 'Stalinism': general vocabulary, guessable without the text
    if fact.kind in ("person", "term", "org", "work", "place", "group"):
        hint = _typed_hint(fact)
        if fact.kind == "org" and re.fullmatch(r"[A-Z]{2,6}", fact.unit):
            hint = f" (Type the full name the text gives for {fact.unit}.)"
        q = Candidate(qtype="short_answer", prompt=blanked + hint, features=dict(features), **base)
        q.answer = fact.text
        q.accept = name_accepts(fact)
        return q
    return None


def _typed_hint(fact: Fact) -> str:
    if fact.kind == "place" and fact.text in lexicon.COUNTRIES:
        return " (Type the country.)"  # 'Israel invaded the Sinai': a state that acts is no mere place
    if fact.kind == "place" and re.search(r"\b(?:Canal|Bridge|Dam|Tunnel|Railway|Railroad|Lock|Cathedral|Museum|"
                                          r"Monument|Tower|Palace|Fort|Wall|Road|Highway|Trail|Corridor)$", fact.text):
        return " (Type the name the text gives.)"  # 'the New York State Barge Canal': a work of building, named
    return {
        "person": " (Type the name.)",
        "term": " (Type the term the text uses.)",
        "org": " (Type the name the text gives.)",
        "work": " (Type the title.)",
        "place": " (Type the place.)",
        "group": " (Type the group.)",
    }.get(fact.kind, "")
