"""Checks on a candidate's stem and key that the generator runs before it keeps a question: general
knowledge a stem gives away (an office holder, a famous relative or deed), cues between the stem and
the key (a year beside it, a name formed from the answer, a percentage the sentence works out), and
asides a fact sits in. Each reason string is what the teachers' report says of a rejected candidate."""
from __future__ import annotations

import re

from quizapp.engine import lexicon
from quizapp.engine.factindex import content_words
from quizapp.engine.model import Document, Fact, Sentence
from quizapp.engine.normalize import NUMBER_WORDS, fold, words_to_number
from quizapp.engine.patterns import rx


# 'President Theodore Roosevelt': the office and the date name the holder to anyone who knows history.
OFFICE_BEFORE = re.compile(r"\b(?:President|King|Queen|Emperor|Empress|Pope|Chancellor|Premier|Tsar|Czar|Kaiser)\s+$")
OFFICE_HOLDER = "general knowledge: a holder of a high office, named with the office"
# "Stalin's daughter, _____, defected …": the relation to a famous person names the relative
FAMOUS_KIN_BEFORE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, lexicon.FAMOUS_PEOPLE), key=len, reverse=True)) + r")(?:'s|’s)\s+"
    r"(?:daughter|son|wife|husband|widow|mother|father|brother|sister|nephew|niece|grandson|granddaughter)\s*,?\s*$")
FAMOUS_KIN = "general knowledge: a famous person's relative, named by the relation"
OFFICE_NAMED = re.compile(r"\b(?:President|King|Queen|Emperor|Empress|Pope|Chancellor|Premier|Tsar|Czar|Kaiser)\s+[A-Z]")
OFFICE_TERM = "a date beside a holder of high office: options outside the term are absurd to anyone who knows it"
# 'Ferdinand de Lesseps, who had built the Suez Canal': a person described by a named achievement
FAMOUS_DEED_AFTER = re.compile(r",?\s+who\s+(?:had\s+|has\s+)?(?:(?:built|founded|discovered|invented|wrote|composed|painted|"
                         r"designed|led|won|created)\s+(?:the\s+)?[A-Z]|(?:discovered|invented|found)\b)")
FAMOUS_DEED = "general knowledge: a person described by a named achievement"


ARITHMETIC_PERCENT = "cue: the percentage is the ratio of two numbers the sentence gives ('four of eight mice (50 per cent)')"
_COUNT = re.compile(r"\b(?:\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.I)


def percent_of_stated_numbers(fact: Fact, sent: Sentence) -> bool:
    """The percentage equals, to the unit, the ratio of two other numbers of its sentence (digits or
    words, years left out): the sentence works it out for the reader."""
    if fact.value is None:
        return False
    at = fact.start - sent.start
    rest = sent.text[:at] + " " + sent.text[at + len(fact.text):]
    values = []
    for m in _COUNT.finditer(rest):
        word = m.group(0).replace(",", "")
        if re.fullmatch(r"1\d{3}|20\d{2}", word):
            continue  # a year
        value = float(word) if word[0].isdigit() else words_to_number(word)
        if value:
            values.append(value)
    return any(abs(100 * a / b - fact.value) < 0.5 for a in values for b in values if b > a)


# A sentence that states how things stood, not what happened: another date may find them so too.
STATE_OF_AFFAIRS = re.compile(r"(?i)\b(?:remained|remains|were employed|was employed|there were|there was|lived|"
                               r"continued to)\b")
_SIDE_CLAUSE = re.compile(r",\s+(?:who|which|whose|whom|where)\b")


def in_side_clause(before: str, after: str) -> bool:
    """The fact is inside a non-restrictive relative clause that the sentence's main clause goes on
    after ('Henri Becquerel, who had found in 1896 that …, she measured'; 'Mount Fuji, which last
    erupted in 1707, is …'): an aside, not what the sentence states. A closing 'which' clause
    ('…, which received approximately 420,000 requests') carries the news and is not one."""
    last = None
    for last in _SIDE_CLAUSE.finditer(before):
        pass
    return last is not None and "," not in before[last.end():] and re.search(r",\s+[a-z]+", after) is not None


# A clause whose subject is a figure: 'about 516 million tons of cargo passed …'
STATISTIC_START = re.compile(r"(?i)(?:(?:About|Around|Roughly|Nearly|Almost|Some|Over|More than|Fewer than|Less than)\s+)?"
                             r"(?:\$\s?)?\d[\d,.]*(?:\s+(?:million|billion|thousand|hundred))?\b(?!\s*(?:BC|AD)\b)")


NAMED_AFTER = re.compile(r"\b(?:named|called|christened)\s+(?:[\w’'-]+\s+){0,3}?(?:after|for)\s+(?:[\w’'-]+\s+){0,3}$|"
                          r"\btakes?\s+(?:its|their|her|his)\s+name\s+from\s+(?:[\w’'-]+\s+){0,3}$")


def family_name_shown(fact: Fact, blanked: str) -> bool:
    tokens = fact.text.split()
    return len(tokens) >= 2 and len(tokens[-1]) >= 3 and \
        rx(rf"\b{re.escape(tokens[-1])}(?:s|’s|'s)?\b").search(blanked) is not None


AFTER_CAUSE = "a year just after its cause's year in the same sentence: the nearest option, or the next year, gives it away"


def follows_its_cause(fact: Fact, before: str) -> bool:
    """A year in a clause of consequence ('caused', 'led to') a few years after a year named before it."""
    years = [int(y) for y in re.findall(r"\b(1\d{3}|20\d{2})\b", before)]
    return bool(years) and 0 < (fact.value or 0) - years[-1] <= 3 and \
        re.search(r"\b(?:caused|causing|led to|leading to|resulted in|resulting in|brought about|triggered)\b",
                  before[before.rfind(str(years[-1])):]) is not None


COMPOUND_ECHO = "cue: the term is made of words the stem uses ('redder … this shift is called _____': redshift)"


def compound_echo(term: str, prompt: str) -> bool:
    """A one-word term whose two halves (three letters or more each) both begin words of the stem."""
    word = fold(term).lower()
    if " " in word or len(word) < 6:
        return False
    starts = {w[:k] for w in map(str.lower, re.findall(r"[A-Za-z]{3,}", fold(prompt))) for k in range(3, len(w) + 1)}
    return any(word[:i] in starts and word[i:] in starts for i in range(3, len(word) - 2))


SAME_THINGS_ANOTHER_YEAR = ("the section's title gives the year away, and without it the text names the same things "
                            "in another year ('the Great Eastern left Valentia': in 1865, and again in 1866)")
_CAPITALISED = re.compile(r"\b[A-Z][a-z’'-]{2,}(?:\s+[A-Z][a-z’'-]{2,})*")


def named_again_with_another_year(doc: Document, sent: Sentence, fact: Fact) -> bool:
    """Another sentence of the document names two of this sentence's names (its title's words aside),
    says most of what it says, and gives a year that is not this fact's."""
    title = set(fold(doc.title).lower().split())
    names = {n for n in _CAPITALISED.findall(sent.text) if not set(fold(n).lower().split()) <= title} - \
        set(lexicon.MONTH_NAMES) - lexicon.NOT_NAMES
    years = set(re.findall(r"\d{4}", fact.text))
    if len(names) < 2:
        return False
    words = {w for w in content_words(sent.text) if not w.isdigit() and w.capitalize() not in lexicon.MONTH_NAMES}
    for other in doc.sentences:
        if other.index != sent.index and sum(n in other.text for n in names) >= 2 and \
                len(words & content_words(other.text)) >= 0.6 * len(words) and \
                set(re.findall(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)", other.text)) - years:
            return True
    return False


YEAR_IN_STEM = "cue: the year asked stands elsewhere in the stem"
TITLE_YEAR = "cue: the year asked is in the section's title the stem shows"
AFTER_STEM_YEAR = "a year just after a year its sentence gives before it: the options come later, and the nearest is the key"


def just_after_a_stem_year(fact: Fact, before: str) -> bool:
    years = [int(y) for y in re.findall(r"\b(1\d{3}|20\d{2})\b", before)]
    key = re.search(r"\d{4}", fact.text)
    return bool(years and key) and 0 < int(key.group(0)) - years[-1] <= 2


NAME_ECHO = "cue: the name the text explains is formed from the answer ('polonium … named after her native _____')"


def name_echo(answer: str, prompt: str) -> bool:
    """A word of the stem (not the answer's own) that begins as the answer does: 'polonium'/'Poland'."""
    first = fold(answer.split()[0]).lower()
    return len(first) >= 3 and any(w[:3] == first[:3] and w != first
                                   for w in map(str.lower, re.findall(r"[A-Za-z][\w-]{3,}", fold(prompt))))
