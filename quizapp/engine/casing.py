"""The capital of a stem's first word: 'According to X, ' + a sentence lower-cases its first word
unless it is a name ('Guy de Chauliac', 'Apollo 11', 'Earth' where the text writes it so), and a rare
word the text also writes in lower case is no name ('woodblock printing')."""
from __future__ import annotations

import re
from functools import lru_cache

from quizapp.engine import lexicon
from quizapp.engine.cuts import BLANK
from quizapp.engine.facts import _zipf
from quizapp.engine.patterns import rx


_HONORIFIC = re.compile(r"[“\"]?(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sr|Jr|St|Mt|Ft|Gen|Col|Capt|Cpt|Lt|Sgt|Rev|Hon|Gov|Sen|Rep|Pres)\.?\s+[A-Z_]"
                       r"|[“\"]?(?:Sir|Dame|Lord|Lady|Professor|Doctor|President|King|Queen|Pope|Saint)\s+[A-Z_]")


_PLACE_FORMING = lexicon.PLACE_MODIFIERS | {"Mount", "Lake", "Cape", "Saint", "San", "Santa"}


def starts_with_proper_noun(text: str) -> bool:
    m = re.match(r"[“\"]?([A-Za-z][\w’'-]*)", text)
    if not m:
        return True
    word = m.group(1)
    if _HONORIFIC.match(text):  # 'Dr. Terry Hughes, a reef scientist, …'
        return True
    second = re.match(r"[“\"]?[A-Z][a-z]+\s+([A-Z][a-z]+)\b", text)
    if second and (second.group(1) in lexicon.COUNTRIES or second.group(1) in lexicon.PLACES) \
            and word not in lexicon.NATIONALITIES and word not in _PLACE_FORMING and _zipf(word.lower()) >= 3.3:
        return False  # 'Wartime Britain lacked …': a common word before a country's name
    if word in lexicon.GIVEN_NAMES or re.match(r"[“\"]?[A-Z][a-z]+\s+(?:[A-Z]\.\s+|(?:de|da|di|del|della|de'|"
                                               r"du|van|von|der|den|le|la|al|bin|ibn)\s+)?[A-Z][a-z]+", text) \
            and word not in lexicon.NOT_NAMES:
        return True
    if word == "I" or word.isupper() and len(word) > 1 or re.match(r"[“\"]?[A-Z]\.\s", text):
        return True
    if word in lexicon.NOT_NAMES:
        return False
    if word in lexicon.NATIONALITIES or word in lexicon.COUNTRIES or word in lexicon.FAMOUS_PEOPLE \
            or word in lexicon.INSTITUTIONS or word in lexicon.WORLD_CITIES:
        return True
    if word in lexicon.MONTH_NAMES:
        return True
    if word[1:].islower() and re.search(r"(?:ic|ical|ous|ive|tion|ment|ness|ity|ing|ed|ly|al|ary|able|ible)$", word) \
            and word not in lexicon.NATIONALITIES:
        return False  # 'Photosynthetic organisms …': a rare word, but an adjective or a common noun's form
    return _zipf(word.lower()) < 3.2 or word[1:].lower() != word[1:]


def with_attribution(attribution: str, text: str, keep_case: bool = False, doc_text: str = "") -> str:
    """'According to X, ' + sentence, lower-casing its first word unless it is a name. With the
    document's text, a rare first word that the document also writes in lower case, before a word in
    lower case, is a common word ('Woodblock printing had been used …' beside 'woodblocks')."""
    if not attribution:
        return text
    if re.match(r"(?i)according to\b", text):
        # 'According to tradition, the first caves were carved …': the document and its section still
        # tell which caves ('In the section “Dunhuang and the Mogao Caves” of “The Silk Road”, according …')
        where = re.fullmatch(r"According to (“[^”]+”)(?:, in the section (“[^”]+”))?, ", attribution)
        if where:
            place = f"In the section {where.group(2)} of {where.group(1)}" if where.group(2) else f"In {where.group(1)}"
            return f"{place}, {text[0].lower()}{text[1:]}"
        return text
    if not keep_case and doc_text and _written_lower(text, doc_text):
        return attribution + text[0].lower() + text[1:]
    first = re.match(r"[A-Z][a-z]+", text)
    label = re.match(r"([A-Z][a-z]+)\s+(?:\d|_)", text)
    if label and lexicon.LABEL_WORDS.fullmatch(label.group(1)):
        return attribution + text  # 'Unit 1 entered service in 1985': a name with its number
    if keep_case or text.startswith(BLANK) or starts_with_proper_noun(text) or \
            first and doc_text and (capitalised_mid_sentence(first.group(0), doc_text)
                                    or _surname_in(first.group(0), doc_text) or _mostly_a_name(first.group(0), doc_text)
                                    or _rare_and_never_lower(first.group(0), text, doc_text)):
        return attribution + text
    return attribution + text[0].lower() + text[1:]


# A first word rarer than this (Zipf scale) that the document never writes in lower case is a name
# ('Seneca, Gellius and Ammianus all connect …' in a text that names Seneca only at sentence starts).
RARE_FIRST_WORD_ZIPF = 3.4


def _rare_and_never_lower(word: str, text: str, doc_text: str) -> bool:
    """Set beside other names as one of them: 'Seneca, Gellius and …', 'Seneca (De Tranquillitate …)'
    ('Transpiration is …' is a common word at a sentence's start)."""
    return rx(rf"{re.escape(word)}(?:,?\s+and\s+|,\s+|\s+\()[A-Z]").match(text) is not None \
        and _zipf(word.lower()) < RARE_FIRST_WORD_ZIPF and rx(rf"\b{re.escape(word.lower())}\b").search(doc_text) is None


@lru_cache(maxsize=4096)
def capitalised_mid_sentence(word: str, doc_text: str) -> bool:
    """True when the document writes ``word`` with its capital inside a sentence ('the Apollo program'):
    a name, unless it is a very common word ('Each' in a heading 'How Long Water Stays in Each Store') or the
    document also writes it in lower case."""
    return _zipf(word.lower()) < 5.3 and rx(rf"\b[a-z]+[,;:]? {re.escape(word)}\b").search(doc_text) is not None and \
        rx(rf"\b{re.escape(word.lower())}\b").search(doc_text) is None


def _written_lower(text: str, doc_text: str) -> bool:
    m = re.match(r"([A-Z][a-z]{3,})\s+[a-z]", text)
    if not m:
        return False
    word = m.group(1).lower()
    # 'Foragers usually work …' beside 'a forager': the plural of a word written in lower case
    # (not a surname: 'Waters said' where the text names Roger Waters)
    plural_of_lower = word.endswith("s") and len(word) > 5 and _lower_in(word[:-1], doc_text) \
        and not _surname_in(m.group(1), doc_text)
    return (_lower_in(word, doc_text) and not _mostly_a_name(m.group(1), doc_text)) or plural_of_lower


@lru_cache(maxsize=4096)
def _mostly_a_name(word: str, doc_text: str) -> bool:
    """'Field telegraphed …' where the text names Cyrus West Field, writes 'Field' alone three times and
    'field' once ('the field of battle'): the end of a full name, written alone with its capital more
    often than in lower case. One pass over the word's own occurrences (not a scan of the text for
    every position a word before it could start at)."""
    alone = full = 0
    for m in rx(rf"\b{re.escape(word)}\b(?! [A-Z])").finditer(doc_text):
        before = doc_text[max(0, m.start() - 30):m.start()]
        if re.search(r"\b[A-Z][a-z]+ $", before):
            full += 1
        elif re.search(r"(?:[a-z]|\d|[.!?][\"”’]?)[,;:]? $", before):
            alone += 1
    return full > 0 and alone >= 2 and alone > len(rx(rf"\b{re.escape(word.lower())}\b").findall(doc_text))


@lru_cache(maxsize=4096)
def _lower_in(word: str, doc_text: str) -> bool:
    return rx(rf"\b{word}(?:s|es)?\b").search(doc_text) is not None


@lru_cache(maxsize=4096)
def _surname_in(word: str, doc_text: str) -> bool:
    """'Ballard returned in 1986' where the text names 'Robert Ballard': a surname, whatever its
    frequency as a word."""
    return rx(rf"\b(?:[A-Z][a-z]+|[A-Z]\.) {re.escape(word)}\b(?! [A-Z])").search(doc_text) is not None \
        and rx(rf"\b{re.escape(word.lower())}\b").search(doc_text) is None

