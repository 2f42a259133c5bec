"""Normalised matching of typed answers.

``42230`` = ``42,230``; ``50%`` = ``50 percent`` = ``50 per cent``; case,
punctuation, dashes and typographic quotes are ignored.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})

_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
NUMBER_WORDS = frozenset(_NUMBER_WORDS)
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Unicode-fold quotes, dashes and spaces to ASCII; NFKC; collapse space."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = text.replace("½", ".5")
    return re.sub(r"\s+", " ", text).strip()


def words_to_number(text: str) -> float | None:
    """'twenty million' -> 20000000, 'a million' -> 1000000, 'fifty-five' -> 55."""
    tokens = re.split(r"[\s-]+", fold(text).lower().replace(" and ", " "))
    tokens = [t for t in tokens if t]
    if not tokens:
        return None
    total, current, seen = 0.0, 0.0, False
    for tok in tokens:
        if tok in ("a", "an") and not seen:
            current, seen = 1, True
        elif tok in _NUMBER_WORDS:
            current += _NUMBER_WORDS[tok]
            seen = True
        elif tok in _SCALES and seen:
            scale = _SCALES[tok]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
        elif re.fullmatch(r"\d+(\.\d+)?", tok) and not seen:
            current, seen = float(tok), True
        else:
            return None
    return total + current if seen else None


@lru_cache(maxsize=200_000)
def parse_number(text: str) -> float | None:
    """Parse '42,230', '26.3 million', '10–11½', 'twenty million', '-3' into a float."""
    t = fold(text).lower().strip()
    t = re.sub(r"(?<=\d),(?=\d{3}\b)", "", t)
    m = re.fullmatch(r"(-?\d+(?:\.\d+)?)\s*(hundred|thousand|million|billion)?", t)
    if m:
        value = float(m.group(1))
        if m.group(2):
            value *= _SCALES[m.group(2)]
        return value
    return words_to_number(t)


# '50%', '50 per cent', '50 percent', '50 pct' are one answer ('%' is no word character: no \b after it)
_PERCENT = re.compile(r"\s*(?:%|\b(?:per\s*cent|percent|pct)\b\.?)", re.I)


_ORDINAL_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                  "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                  "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
                 "eightieth": 80, "ninetieth": 90}
_TENS = {w: n for w, n in _NUMBER_WORDS.items() if n >= 20}
_ORDINAL_WORD = re.compile(rf"\b(?:({'|'.join(_TENS)})\s+)?({'|'.join(list(_ORDINAL_UNITS) + list(_ORDINAL_TENS))})\b")


def _ordinals_as_numerals(t: str) -> str:
    """'sixteenth' = '16th', 'twenty first' = '21st' (both written '21th' here: one form for both sides)."""
    t = re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", r"\1th", t)

    def numeral(m: re.Match) -> str:
        tens, word = m.group(1), m.group(2)
        if word in _ORDINAL_TENS:
            return m.group(0) if tens else f"{_ORDINAL_TENS[word]}th"
        return f"{(_TENS[tens] if tens else 0) + _ORDINAL_UNITS[word]}th"
    return _ORDINAL_WORD.sub(numeral, t)


@lru_cache(maxsize=200_000)
def normalize_answer(text: str) -> str:
    """Canonical form of a typed answer for comparison (British and American spellings as one, ordinals
    in words as numerals, accents ignored)."""
    t = _ordinals_as_numerals(_british_to_american(_without_accents(answer_key(text))))
    return _TRAILING_ZEROS.sub(lambda m: m.group(1) + ("." + m.group(2) if m.group(2) else ""), t)  # '2.0' = '2'


_TRAILING_ZEROS = re.compile(r"(?<![\d.])(\d+)\.(\d*?)0+(?![\d.])")


@lru_cache(maxsize=200_000)
def answer_key(text: str) -> str:
    """The answer's form for identities (question ids, duplicates): case, punctuation, separators and the
    way of writing a percentage folded, spelling kept, so that ids do not move when matching grows kinder."""
    t = fold(text).lower()
    t = _PERCENT.sub(" percent", t)
    t = re.sub(r"(?<=\d),(?=\d{3}\b)", "", t)  # thousands separators
    t = re.sub(r"(?<=\d)\s*-\s*(?=\d)", " to ", t)  # ranges: 2-4 = 2 to 4
    t = re.sub(r"[^\w\s.]", " ", t)  # punctuation (keep decimal points)
    t = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", t)
    t = re.sub(r"^(the|a|an)\s+", "", t.strip())
    return re.sub(r"\s+", " ", t).strip()


def _without_accents(t: str) -> str:
    """'Nzâdi' = 'nzadi', 'Panthéon' = 'pantheon': a student on a phone keyboard may leave the accents out
    (the key keeps them; only the comparison ignores them)."""
    if t.isascii():
        return t
    return "".join(c for c in unicodedata.normalize("NFD", t) if not unicodedata.combining(c))


def _british_to_american(t: str) -> str:
    """'collectivisation' = 'collectivization', 'labour' = 'labor', 'organised' = 'organized': one spelling
    for both sides of a comparison (applied to the answer and to the key alike)."""
    t = re.sub(r"(?<=[a-z]{2}[^aeiou\W])is(ation|ations|ed|es|ing)\b|(?<=[a-z]{3}[aeiou][lnstm])is(e)\b",
               lambda m: "iz" + (m.group(1) or m.group(2)), t)
    return re.sub(r"\b([a-z]{2,}[^aeiou\s])our\b", r"\1or", t)


def answers_match(response: str, accepted: list[str]) -> bool:
    """True when the response equals any accepted answer after normalisation."""
    got = normalize_answer(response)
    if not got:
        return False
    return any(got == normalize_answer(a) for a in accepted)


def contains_word(haystack: str, needle: str) -> bool:
    """``needle`` occurs in ``haystack`` with no letter or digit glued to either side."""
    if not needle:
        return False
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        before = haystack[start - 1] if start else " "
        after = haystack[end] if end < len(haystack) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return True
        start = haystack.find(needle, start + 1)
    return False
