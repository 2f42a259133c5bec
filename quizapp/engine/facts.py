"""Find the answerable facts in a sentence: numbers with their units, percentages,
dates, years and ranges, names of people, organisations, places and groups,
titles of works, and rare key terms.

Everything is rule-based and deterministic. ``extract_facts`` returns facts whose
offsets are document offsets (``sentence.start`` + the local offset).
"""
from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

from quizapp.engine import lexicon
from quizapp.engine.model import Fact, Sentence
from quizapp.engine.normalize import fold, parse_number
from quizapp.engine.patterns import rx

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.?|Nov\.|Dec\.)")
_DASH = r"\s*[–—-]\s*"
_NUMWORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
            r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
            r"sixty|seventy|eighty|ninety|hundred)")
_NUMWORDS = rf"(?:{_NUMWORD}(?:[\s-]+{_NUMWORD})*)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:½)?"
_SCALE = r"(?:\s+(?:million|billion|thousand))"
_NUM = rf"(?:{_DIGITS}{_SCALE}?|(?:a\s+)?{_NUMWORDS}{_SCALE}|{_NUMWORDS}|\b[Aa]\s+(?:million|billion)\b)"
_PCT = r"(?:\s*%|\s+per\s*cent\b|\s+percent\b)"

# A fraction in words ('one-fourth', 'two thirds'): a number (issue 2: number words count as numbers).
_FRACTION_NUM = r"one|two|three|four|five|six|seven|eight|nine"
_FRACTION_DEN = (r"half|halves|thirds?|fourths?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|"
                 r"twentieths?|hundredths?")
FRACTION_DENOMINATORS = {"half": 2, "halve": 2, "third": 3, "fourth": 4, "quarter": 4, "fifth": 5, "sixth": 6,
                         "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "twentieth": 20, "hundredth": 100}

# Order matters: earlier patterns claim their span first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("date", re.compile(rf"\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b")),
    ("date", re.compile(rf"\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\b")),
    ("date", re.compile(rf"\b{_MONTH},?\s+\d{{4}}\b")),
    ("date", re.compile(r"\b(?:mid|early|late)[- ]\d{4}\b", re.I)),
    # Years of an era: the figures alone are the fact, 'BC'/'AD' stay in the stem ('in _____ BC'); a span of
    # them ('144–140 BC') is no fact (its order runs backwards)
    ("era_span", re.compile(r"\b\d{1,4}\s?[–-]\s?\d{1,4}\s?(?:BCE?|B\.C\.|AD|CE|A\.D\.)(?!\w)")),
    ("year", re.compile(r"\b(\d{1,4})(?=\s?(?:BCE?|B\.C\.|AD|A\.D\.)(?!\w))")),
    ("year", re.compile(r"(?<=\bAD )(\d{1,4})\b(?![.,]\d)")),
    ("range", re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+(\d{4})\s+(?:and|to)\s+(\d{4})\b")),
    ("range", re.compile(rf"\b(1[6-9]\d\d|20\d\d){_DASH}(1[6-9]\d\d|20\d\d|\d\d)\b(?!\s*(?:per|%))")),
    ("percent", re.compile(rf"(?<![\w.,])({_DIGITS})(?:{_DASH}|\s+to\s+|\s+or\s+)({_DIGITS}){_PCT}", re.I)),
    ("percent", re.compile(rf"(?<![\w.,]){_NUM}{_PCT}", re.I)),
    ("range", re.compile(rf"(?<![\w.,])({_DIGITS})(?:{_DASH}|\s+to\s+)({_DIGITS}{_SCALE}?)(?=\s+[a-z])", re.I)),
    ("date", re.compile(rf"\b{_MONTH}\s+\d{{1,2}}\b")),
    ("decade", re.compile(r"\b1[0-9]\d0-?s\b")),
    ("year", re.compile(r"(?<![\w,.$£])(1[6-9]\d\d|20[0-4]\d)(?!\w|[.,]\d)")),
    # a year of a projection: 'up to 10 million deaths a year by 2050' (first-sight review of set 22)
    ("year", re.compile(r"\b(?:[Bb]y|[Ii]n|[Uu]ntil|[Bb]efore|[Tt]hrough)\s+(20[5-9]\d|2100)(?!\w|[.,]\d)")),
    # An earlier year needs a word that makes it one: 'in 1348', 'By 1350', 'around 1400'.
    ("year", re.compile(r"\b(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Aa]round|[Aa]bout|[Cc]irca|c\.|[Ff]rom|[Aa]fter|[Bb]efore|"
                        r"[Dd]uring|year|summer|spring|autumn|winter|(?:early|late) as)\s+(1[0-5]\d\d)(?!\w|[.,]\d)")),
    ("ratio", re.compile(rf"\b({_NUMWORDS}|\d+)\s+out\s+of\s+(?:every\s+)?({_NUMWORDS}|\d+)\b", re.I)),
    ("ordinal", re.compile(r"\bthe\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+time\b", re.I)),
    ("fraction", re.compile(rf"\b({_FRACTION_NUM})[- ]({_FRACTION_DEN})\b", re.I)),
    ("quantity", re.compile(rf"(?<![\w.,$£/]){_NUM}(?![\w/]|[.,]\d)", re.I)),
]

_QUICK_NUMERIC = re.compile(
    r"\d|(?i:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"million|thousand|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b)")

# Words that end a unit phrase after a number.
_UNIT_STOP = {
    "a", "an", "the", "and", "or", "but", "in", "on", "at", "by", "for", "from", "to", "with",
    "who", "which", "that", "were", "was", "is", "are", "had", "has", "have", "be", "been",
    "of", "as", "than", "into", "out", "per", "each", "every", "while", "when", "where",
    "did", "do", "not", "also", "only", "more", "less", "still", "could", "would", "will",
    "it", "its", "their", "they", "he", "she", "this", "these", "those", "up", "down",
    "after", "before", "since", "during", "between", "among", "about", "over", "under",
    "i.e.", "e.g.", "etc", "so", "all", "there", "then", "now", "later", "earlier", "ago",
    "made", "went", "came", "chose", "lived", "worked", "moved", "returned", "registered",
    "recorded", "occurred", "received", "remained", "participated", "allowed", "absorbed",
    "numbered", "completely", "mostly", "including", "just", "almost", "even",
}
_MEASURE_OF = {"tons", "tonnes", "pounds", "hours", "days", "months", "years", "kilograms",
               "thousands", "millions", "hundreds", "tens", "members", "man-hours"}


def _unit_after(text: str, end: int) -> tuple[str, int]:
    """The unit noun phrase right after a number: '42,230 foreign workers' -> 'foreign workers'."""
    degrees = re.match(r"[ \t]?(°\s?[CF]\b|°|℃|℉)", text[end:])
    if degrees:  # '1 °C above the usual summer maximum'
        return degrees.group(1).replace(" ", ""), end + degrees.end()
    words: list[tuple[str, int]] = []  # (word, end offset)
    pos = end
    while len(words) < 4:
        m = re.match(r"[ \t]+([A-Za-z][A-Za-z’'-]*)", text[pos:])
        if not m:
            break
        w = m.group(1)
        lw = w.lower()
        if lw == "of" and words and words[-1][0].lower() in _MEASURE_OF:
            pass
        elif lw in _UNIT_STOP or w[0].isupper() and lw != "western" and not (
                not words and w in lexicon.NATIONALITY_PLURALS):
            break  # '21 Americans' keeps its people as the unit; other capitals end it
        words.append((w, pos + m.end()))
        pos += m.end()
    while words and words[-1][0].lower() in ("of", "and"):
        words.pop()
    if not words:
        return "", end
    return " ".join(w for w, _ in words), words[-1][1]


def _value(number_text: str) -> float | None:
    t = number_text.replace("½", ".5") if re.search(r"\d½", number_text) else number_text.replace("½", "")
    return parse_number(t)


# Words a writer puts in capitals for stress ('there IS a law'); an abbreviation of these letters is rare.
_EMPHASIS_WORDS = frozenset("""is was are were be not no all any never ever must only very do did does has had have can
will still even each every both one two three four five six seven eight nine ten twice half most more less
yes so too and or but now""".split())
_FORUM_JARGON = frozenset({"OP", "IMO", "IMHO", "FWIW", "IIRC", "AFAIK", "TIA", "ETA", "TBH", "YMMV"})


@lru_cache(maxsize=50_000)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def is_rare_word(word: str) -> bool:
    """A word rare enough in English to be a key term of the text (udarniki)."""
    w = word.strip("’'")
    return len(w) >= 5 and w.isalpha() and _zipf(w.lower()) < 1.6


# Latin letters with accents too ('Skłodowska', 'Panthéon'): Latin-1 and Latin Extended-A, by case
_UP = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.isupper())
_LO = "a-zß-öø-ÿ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.islower())
_NAME_TOKEN = (r"(?:(?:St|Mt|Ft)\.(?=\s[A-Z])|Ma?c[A-Z][a-z]+|O’[A-Z][a-z]+|"
               rf"[{_UP}][{_LO}]+(?:[-’'][{_UP}]?[{_LO}]+)*|"
               r"[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z]{2,}(?:’s)?)")
_NAME_SEQ = re.compile(rf"{_NAME_TOKEN}(?:(?:\s+|\s+(?:of|of the|de|von|van|der|and the)\s+){_NAME_TOKEN})*")


# The last word of a capitalised name of a plan ('the Third Five Year Plan'). Not wars, pacts or prizes:
# named events are known without the text ("at the end of the ___ 21 Americans chose to defect to China"
# is the Korean War to anyone; blind review of round 17).
_EVENT_HEADS = {"Plan", "Programme", "Program"}


_COUNT_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}


_TITLE_BEFORE = re.compile(r"\b(?:(?:Dr|Mr|Mrs|Ms|Prof|Rev|Gen|Col|Capt|Lt|Sgt)\.|"
                           r"(?:President|General|Admiral|Senator|Governor|Judge|Professor|"
                           r"Captain|Colonel|Marshal|Premier|Chancellor|King|Queen|Emperor|Empress|Sir|Lady|Lord|"
                           r"Pope|Bishop|Saint))\s+$")
# 'John Frank Stevens, who …', 'Ferdinand de Lesseps, who had built …': 'who' is said of people.
_WHO_AFTER = re.compile(r",?\s+who(?:se|m)?\b")
_PERSON_TOKEN = re.compile(r"[A-Z][a-z’'-]+|[A-Z]\.|de|da|di|van|von|der|du|le|la")
_ROLES = (r"scientist|engineer|physician|doctor|surgeon|nurse|writer|author|historian|officer|professor|teacher|"
          r"journalist|economist|physicist|chemist|biologist|mathematician|politician|statesman|diplomat|explorer|"
          r"inventor|artist|painter|poet|novelist|composer|philosopher|lawyer|judge|researcher|architect|astronomer|"
          r"geologist|biographer|reporter|editor|activist|volcanologist|bacteriologist|pharmacologist|pathologist|"
          r"biochemist|businessman|financier|surveyor")
_ROLE_AFTER = re.compile(r",\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}(?:" + _ROLES + r")s?\b")


_ROLE_BEFORE = re.compile(r"\b(?:[Tt]he|[A-Z][a-z]+’s|[A-Z][a-z]+'s)\s+(?:[a-z-]+\s+){0,2}(?:" + _ROLES + r")\s+$")


# The last word of a name of a made thing or a law: never a person, whatever follows it.
_THING_HEADS = lexicon.THING_HEADS


def classify_name(name: str, context_before: str = "", context_after: str = "") -> str | None:
    """person | org | place | group | work | None for a capitalised name."""
    tokens = name.split()
    first, last = tokens[0], tokens[-1]
    if name in lexicon.COUNTRIES or name in lexicon.PLACES:
        return "place"
    if len(tokens) >= 2 and last in _EVENT_HEADS and not any(t in ("World", "Cold") for t in tokens) \
            and all(t[:1].isupper() for t in tokens):
        if re.search(r"\b(?:" + "|".join(_COUNT_WORDS) + r")\s+$", context_before):
            return None  # 'the first Five Year Plan': the generic name, its number outside it
        return "term"  # 'the Third Five Year Plan': a named plan
    if re.search(r"(?i)\bnewspapers?\s+(?:such as\s+)?(?:the\s+)?$", context_before):
        return "work"
    if re.match(r"\s+\((?:[A-Z][a-z]+\s+)?[A-Z]{2,5}\)", context_after) and len(tokens) == 1:
        return "org"  # 'the Komsomol (Russian YCL)': a body glossed by its abbreviation
    if re.match(r",\s+(?:the\s+)?(?:organ|newspaper|journal|magazine|daily|weekly)\b", context_after) or (
            context_before.endswith("(") and re.match(r",\s+(?:[A-Z][a-z]{2,8}\.?\s+\d|\d)", context_after)):
        return "work"  # 'Trud, the organ of the trade unions', '(Pravda, Oct. 31, 1939)
    if name in ("AD", "BC", "BCE", "CE", "AM", "PM"):
        return None  # an era or a time of day beside a number ('in AD 79'), not a body
    if re.fullmatch(r"[A-Z]{2,5}", name) and name not in ("I", "II", "III", "OK"):
        if name.lower() in _EMPHASIS_WORDS or name in _FORUM_JARGON:
            return None  # 'there IS a law', 'SIX logo items': a word in capitals for stress, not a body; 'Good luck, OP.'
        return "org"
    if re.match(r"\s+(?:cooperative|plant|factory|colony|combine|railway|newspaper)\b", context_after):
        return "org"
    if first in ("Order",) and len(tokens) >= 3:
        return "org"
    if name in lexicon.NATIONALITIES:
        return "nationality"
    if name in lexicon.NATIONALITY_PLURALS or (
        "-" in name and name.split("-")[-1] in lexicon.NATIONALITY_PLURALS
    ):
        return "group"
    if name in lexicon.NATIONALITIES or (
        "-" in name and all(p in lexicon.NATIONALITIES for p in name.split("-"))
    ):
        return "nationality"
    if first.rstrip(".") in lexicon.PERSON_TITLES or first in ("Deputies", "People’s", "Members"):
        return None
    if _TITLE_BEFORE.search(context_before) and all(re.fullmatch(r"[A-Z][a-z’'-]+|[A-Z]\.", t) for t in tokens) \
            and not any(w in lexicon.ORG_WORDS or w in lexicon.PLACE_HEADS for w in tokens) and len(tokens) <= 3:
        return "person"  # 'Dr. Terry Hughes', 'President Theodore Roosevelt' (the title is left out of the name)
    if last in _THING_HEADS and not (len(tokens) >= 2 and (last in lexicon.PLACE_HEADS or first in lexicon.PLACE_LEADS)) \
            and not any(w in lexicon.ORG_WORDS for w in tokens):
        return None  # 'the Hubble Space Telescope, whose mirror …': a thing named after a person is no person
    if 2 <= len(tokens) <= 4 and _WHO_AFTER.match(context_after) \
            and all(_PERSON_TOKEN.fullmatch(t) for t in tokens) and tokens[-1][:1].isupper() \
            and not any(w in lexicon.ORG_WORDS or w in lexicon.PLACE_HEADS or w in lexicon.NATIONALITIES
                        or w in lexicon.NATIONALITY_PLURALS or w in lexicon.PERSON_TITLES for w in tokens):
        return "person"  # 'Ferdinand de Lesseps, who had built the Suez Canal'
    if len(tokens) >= 2 and all(t[:1].isupper() or t in ("of", "of the") for t in tokens) and (
            last in lexicon.PLACE_HEADS or (first in lexicon.PLACE_LEADS and (tokens[1] == "of" or tokens[1][:1].isupper()))) \
            and not any(w in lexicon.ORG_WORDS for w in tokens):
        return "place"  # 'Gatun Lake', 'the Culebra Cut', 'Isthmus of Panama'
    if len(tokens) <= 2 and re.match(r",\s+(?:" + "|".join(sorted(map(re.escape, lexicon.COUNTRIES), key=len, reverse=True))
                                     + r")\b", context_after) and all(re.fullmatch(r"[A-Z][a-z’'-]+", t) for t in tokens) \
            and not any(w in lexicon.ORG_WORDS or w in lexicon.NATIONALITIES for w in tokens):
        return "place"  # 'Queensland, Australia', 'Kharkov, Ukraine'
    if 2 <= len(tokens) <= 4 and _ROLE_BEFORE.search(context_before) \
            and all(rx(rf"[{_UP}][{_LO}’'-]+|[A-Z]\.").fullmatch(t) for t in tokens) \
            and not any(w in lexicon.ORG_WORDS or w in lexicon.PLACE_HEADS for w in tokens) and name not in lexicon.PLACES:
        return "person"  # 'the physicist Marie Curie', 'the engineer Karl Brandt'
    if 2 <= len(tokens) <= 4 and _ROLE_AFTER.match(context_after) \
            and all(re.fullmatch(r"[A-Z][a-z’'-]+|[A-Z]\.", t) for t in tokens) \
            and not any(w in lexicon.ORG_WORDS for w in tokens) and name not in lexicon.PLACES:
        return "person"  # 'John Frank Stevens, the chief engineer', 'Terry Hughes, a reef scientist'
    if 2 <= len(tokens) <= 6 and any(w in lexicon.ORG_WORDS for w in tokens) or any(
        phrase in name for phrase in ("Workers of the World",)
    ):
        return "org"
    if len(tokens) == 1 and name.endswith(lexicon.POLITICAL_GROUPS_SUFFIXES) and name[0].isupper():
        return "group"
    if first.rstrip(".") in lexicon.PERSON_TITLES and len(tokens) > 1 and (
        tokens[1] in lexicon.GIVEN_NAMES or re.fullmatch(r"[A-Z]\.", tokens[1])
        or _zipf(tokens[1].lower()) < 3.0
    ):
        return "person"
    if re.fullmatch(r"[A-Z]\.", first) and len(tokens) > 1 and re.fullmatch(r"[A-Z][a-z]+", last):
        return "person"
    if first in lexicon.GIVEN_NAMES and len(tokens) >= 2 and all(re.match(r"[A-Z]", t) for t in tokens):
        return "person"
    if name in lexicon.FAMOUS_PEOPLE or (len(tokens) == 2 and last in ("II", "III") ):
        return "person"
    return None


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < b and a < e for a, b in spans)


def extract_facts(sentence: Sentence) -> list[Fact]:
    """All facts in one sentence, in text order, without overlaps."""
    text = sentence.text
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, s: int, e: int, **kw) -> None:
        taken.append((s, e))
        facts.append(Fact(kind=kind, text=text[s:e], start=sentence.start + s,
                          end=sentence.start + e, sentence=sentence.index, **kw))

    # Footnote markers and bracketed references are never facts.
    for m in re.finditer(r"\[\d+\]|\[\^[\w-]+\]", text):
        taken.append((m.start(), m.end()))

    numeric = bool(_QUICK_NUMERIC.search(text))
    lower = text.lower()
    has_pct = "%" in text or "per cent" in lower or "percent" in lower
    has_ratio = " out of " in lower
    has_fraction = rx(rf"(?i)\b(?:{_FRACTION_NUM})[- ](?:{_FRACTION_DEN})\b").search(text) is not None
    for kind, pattern in _PATTERNS:
        if not numeric:
            break  # no digit, month or number word: no number, date or range to find
        if (kind == "percent" and not has_pct) or (kind == "ratio" and not has_ratio) or \
                (kind == "fraction" and not has_fraction):
            continue
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if _overlaps(taken, s, e):
                continue
            raw = m.group(0)
            if kind == "date":
                year = re.search(r"\d{4}", raw)
                add("date", s, e, value=float(year.group(0)) if year else None, norm=_date_norm(raw))
            elif kind == "range":
                lo, hi = m.group(1), m.group(2)
                lo_v, hi_v = _value(lo), _value(hi)
                if lo_v is None or hi_v is None:
                    continue
                if re.fullmatch(r"\d{4}", lo) and re.fullmatch(r"\d\d", hi):
                    hi_v = float(lo[:2] + hi)
                if re.search(r"(?i)million|billion|thousand", hi) and lo_v >= 1000:
                    continue  # 'from 30.3 million in 1900 to 54.3 million': a year, then another figure
                scale = re.search(r"(?i)\b(thousand|million|billion)\b", hi)
                if scale and not re.search(r"(?i)thousand|million|billion", lo):
                    # '100 to 115 billion': the scale written once belongs to both ends
                    lo_v *= {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale.group(1).lower()]
                if hi_v <= lo_v:
                    continue
                unit, ue = ("", e)
                if not re.fullmatch(r"\d{4}", lo):
                    unit, ue = _unit_after(text, e)
                    if not unit:
                        continue
                if re.match(r"(?i)between|from", raw):
                    s = m.start(1)  # the span is the numbers: 'Between 1917 and 1939' -> '1917 and 1939'
                add("range", s, e, value=lo_v, high=hi_v, unit=unit or "years",
                    norm=f"{lo_v:g}-{hi_v:g} {unit}".strip())
            elif kind == "percent":
                if m.groups() and m.group(1) and m.lastindex and m.lastindex >= 2:
                    lo_v, hi_v = _value(m.group(1)), _value(m.group(2))
                    if lo_v is None or hi_v is None or hi_v <= lo_v:
                        continue  # 'from 14 per cent in 1946 to 59 per cent': a year, then a share
                    add("percent", s, e, value=lo_v, high=hi_v, unit="%", norm=f"{lo_v:g}-{hi_v:g}%")
                else:
                    num = re.sub(_PCT + "$", "", raw, flags=re.I).strip()
                    v = _value(num)
                    if v is None:
                        continue
                    add("percent", s, e, value=v, unit="%", norm=f"{v:g}%")
            elif kind == "decade":
                add("decade", s, e, value=float(raw[:4]), norm=raw[:4] + "s")
            elif kind == "era_span":
                taken.append((s, e))
            elif kind == "year":
                s, e = m.span(1)
                if _overlaps(taken, s, e) or (int(m.group(1)) < 1600 and
                                             re.fullmatch(r"[a-z]+[^s]s", _unit_after(text, e)[0].split(" ")[0])):
                    continue  # 'in 1500 copies': a count, not a year ('in 1348 condemning …' is a year)
                add("year", s, e, value=float(m.group(1)), norm=m.group(1))
            elif kind == "ratio":
                num, den = _value(m.group(1)), _value(m.group(2))
                if num is None or den is None or num >= den:
                    continue
                add("ratio", s, e, value=num, high=den, unit=raw[m.end(1) - s:].strip(),
                    norm=f"{num:g}/{den:g}")
            elif kind == "fraction":
                num = _value(m.group(1))
                den = FRACTION_DENOMINATORS.get(re.sub(r"s$", "", m.group(2).lower()))
                if num is None or not den or num >= den:
                    continue
                add("fraction", s, e, value=num / den, unit="", norm=f"{num:g}/{den}")
            elif kind == "ordinal":
                add("ordinal", s, e, value=float(_ORDINALS[m.group(1).lower()]), norm=m.group(1).lower())
            elif kind == "quantity":
                v = _value(raw)
                if v is None or re.fullmatch(r"(?i)one|a|an", raw.strip()):
                    continue
                unit, ue = _unit_after(text, e)
                scaled = re.search(r"(?i)million|billion|thousand", raw)
                if not unit and v < 1000 and not scaled:
                    continue  # a bare small number is not a fact worth asking
                multiplier = re.match(r"\s*times\s+(?:larger|greater|bigger|smaller|more|less|higher|faster|as)\b", text[e:])
                if not scaled and re.search(r"[a-z]", raw) and not multiplier and (
                        v < 11 or not unit or re.search(r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten)"
                                                        r"\s*(?:,\s*even|or|to)\s+$", text[max(0, s - 20):s])):
                    continue  # 'two periods', 'ten, even twenty years': figures of speech, not facts
                if v < 20 and not scaled and not unit:
                    continue
                subject = unit or " ".join(re.findall(r"[A-Za-z]+", text[max(0, s - 60):s])[-6:])
                add("quantity", s, e, value=v, unit=unit, subject=subject,
                    norm=f"{v:g} {unit}".strip())

    facts.extend(_quotes(sentence, taken))
    facts.extend(_names(sentence, taken))
    facts.extend(_terms(sentence, taken))
    facts.sort(key=lambda f: (f.start, f.end))
    return facts


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}


def _date_norm(raw: str) -> str:
    t = fold(raw).replace(",", "")
    m = re.match(r"(?i)(mid|early|late)[- ](\d{4})", t)
    if m:
        return f"{m.group(2)}-{m.group(1).lower()}"
    month = None
    for tok in re.findall(r"[A-Za-z]+", t):
        if tok.lower() in lexicon.MONTHS:
            month = lexicon.MONTHS[tok.lower()]
    year = re.search(r"\d{4}", t)
    day = re.search(r"\b(\d{1,2})\b", t)
    parts = [year.group(0) if year else "????", f"{month:02d}" if month else "??"]
    if day:
        parts.append(f"{int(day.group(1)):02d}")
    return "-".join(parts)


_EXPANSION = re.compile(r"\b([A-Z]{2,6})\s+\(((?:[A-Z][\w’'-]*|[a-z]{1,3})(?:\s+(?:[A-Z][\w’'-]*|[a-z]{1,3})){1,6})\)")


_TITLE_WORDS = {"President", "General", "Admiral", "Senator", "Governor", "Judge", "Professor", "Captain",
                "Colonel", "Marshal", "Premier", "Chancellor", "King", "Queen", "Emperor", "Empress", "Sir", "Lady",
                "Lord", "Pope", "Bishop", "Saint"}


_SHIP_PREFIXES = frozenset({"SS", "HMS", "USS", "RMS", "MS", "MV", "HMY", "HMAS", "HMCS", "USNS"})
# the first half of a body's name joined by 'and' to a half that ends in 'Company', 'Society' …
_AND_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s+and\s+$")


def _names(sentence: Sentence, taken: list[tuple[int, int]]) -> list[Fact]:
    text = sentence.text
    out: list[Fact] = []
    # 'the STO (Sovet Truda I Oboroni)': the full name an abbreviation stands for
    for m in _EXPANSION.finditer(text):
        words = m.group(2).split()
        if words[-1][0].isupper() and sum(w[0].isupper() for w in words) >= len(m.group(1)) - 1 \
                and not _overlaps(taken, m.start(2), m.end(2)):
            taken.append((m.start(2), m.end(2)))
            out.append(Fact(kind="org", text=m.group(2), start=sentence.start + m.start(2),
                            end=sentence.start + m.end(2), sentence=sentence.index, unit=m.group(1),
                            norm=fold(m.group(2)).lower()))
    for m in _NAME_SEQ.finditer(text):
        s, e = m.start(), m.end()
        name = m.group(0)
        # Drop leading words that are capitalised only because they start the sentence.
        toks = name.split()
        while toks and (toks[0] in lexicon.NOT_NAMES or toks[0] in ("of", "the", "and")) and not (
                toks[-1] in _EVENT_HEADS and toks[0].lower() in _COUNT_WORDS):  # 'Third Five Year Plan' keeps its number
            s = text.index(toks[1], s + len(toks[0])) if len(toks) > 1 else e
            toks = toks[1:]
        while len(toks) >= 3 and (toks[0] in lexicon.NATIONALITY_PLURALS or toks[0] in lexicon.NATIONALITIES) \
                and toks[1] in lexicon.GIVEN_NAMES:
            s = text.index(toks[1], s + len(toks[0]))  # 'Americans George MacDowell': the person only
            toks = toks[1:]
        while toks and toks[-1] in ("of", "the", "and", "of the"):
            toks = toks[:-1]
        if 2 <= len(toks) <= 4 and toks[0] in _TITLE_WORDS and all(re.fullmatch(r"[A-Z][a-z’'-]+|[A-Z]\.", t)
                                                                  for t in toks[1:]) \
                and not any(t in lexicon.ORG_WORDS or t in lexicon.PLACE_HEADS or t in lexicon.PERSON_TITLES
                            or t in _TITLE_WORDS for t in toks[1:]):
            s = text.index(toks[1], s + len(toks[0]))  # 'President Theodore Roosevelt': the person is the name
            toks = toks[1:]
        if not toks:
            continue
        owner = next((i for i, t in enumerate(toks[:-1]) if re.search(r"[’']s$", t)), None)
        if owner is not None and classify_name(re.sub(r"[’']s$", "", " ".join(toks[:owner + 1])),
                                               text[max(0, s - 24):s]) == "person" \
                and not any(re.sub(r"[’']s$", "", t) in lexicon.ORG_WORDS for t in toks[owner + 1:]):
            # (not 'the National Union of Women's Suffrage Societies', the name of a body)
            toks = toks[:owner + 1]  # "Sir Robert Peel's Conservative government": the name is the owner's
        name = " ".join(toks)
        e = s + len(text[s:].split(toks[-1], 1)[0]) + len(toks[-1]) if len(toks) > 1 else s + len(toks[0])
        name = text[s:e]
        name = re.sub(r"[’']s$", "", name)
        e = s + len(name)
        if _overlaps(taken, s, e) or len(name) < 2:
            continue
        if name in _SHIP_PREFIXES:
            continue  # 'the SS Great Eastern': the prefix says it is a ship, it names nothing
        if s == 0 and len(toks) == 1 and _zipf(name.lower()) > 3.0 and name not in lexicon.NATIONALITIES \
                and name not in lexicon.COUNTRIES and name not in lexicon.PLACES:
            continue  # a common word capitalised at the start of the sentence
        kind = classify_name(name, text[max(0, s - 24):s], text[e:e + 48])
        joined = _AND_BEFORE.search(text, 0, s) if kind == "org" and toks[-1] in lexicon.ORG_WORDS else None
        if joined and not _overlaps(taken, joined.start(1), s) and not any(
                w in lexicon.COUNTRIES or w in lexicon.PLACES or w in lexicon.NATIONALITIES or w in lexicon.GIVEN_NAMES
                or w in lexicon.NOT_NAMES for w in joined.group(1).split()):
            s, name = joined.start(1), text[joined.start(1):e]  # 'the Telegraph Construction and Maintenance Company'
        if kind is None and len(toks) == 1 and _zipf(name.lower()) < 2.0 and (
                re.search(r"\b(?:friends?|colleagues?|physicists?|scientists?|comrades?)\s+(?:like|such as|including)\s+$",
                          text[max(0, s - 40):s])
                or (out and out[-1].kind == "person" and re.fullmatch(r"\s+(?:and|or)\s+",
                                                                   text[out[-1].end - sentence.start:s]))):
            kind = "person"  # 'friends like Weisskopf and Placzek': unknown surnames named as people
        if kind is None:
            continue
        taken.append((s, e))
        out.append(Fact(kind=kind, text=name, start=sentence.start + s, end=sentence.start + e,
                        sentence=sentence.index, norm=fold(name).lower()))
    return out


_TERM_CANDIDATE = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)*(?=\s*\()|(?<=\()[A-Za-z][a-z]+(?:-[a-z]+)*(?=\))|[A-Z][a-z]+ism\b")


def _terms(sentence: Sentence, taken: list[tuple[int, int]]) -> list[Fact]:
    """Key terms: rare words the text explains in brackets (udarniki), and -isms."""
    text = sentence.text
    out: list[Fact] = []
    for m in _TERM_CANDIDATE.finditer(text):
        s, e = m.start(), m.end()
        w = m.group(0)
        if _overlaps(taken, s, e) or (w[0].isupper() and s == 0):
            continue
        ism = w[0].isupper() and w.endswith("ism") and _zipf(w.lower()) < 2.5
        gloss = None if ism else gloss_of(text, s, e)
        glossed = not ism and is_rare_word(w) and gloss is not None
        if glossed and w[0].isupper() and all(g[0].isupper() for g in gloss.split()):
            continue  # 'Telok Betong (Teluk Betung)': a name's other spelling, not a term's meaning
        if not (ism or glossed):
            continue
        taken.append((s, e))
        out.append(Fact(kind="term", text=w, start=sentence.start + s, end=sentence.start + e,
                        sentence=sentence.index, norm=w.lower(), unit=gloss_of(text, s, e) or ""))
    # 'tiny animals called polyps', 'a process known as bleaching': the text names a term it defines
    for m in _NAMED_TERM.finditer(text):
        s = m.start(1)
        words = list(re.finditer(r"[a-z][a-z-]{2,}", m.group(1)))
        for n in range(1, len(words) + 1):  # the shortest phrase that ends where the clause does
            e = s + words[n - 1].end()
            if not _NAMED_TERM_END.match(text, e):
                continue
            term = text[s:e]
            parts = term.split()
            if _overlaps(taken, s, e) or any(w in _UNIT_STOP or w in _TERM_STOP for w in parts) \
                    or min(_zipf(w) for w in parts) >= 4.5:  # 'known as good practice': everyday words
                break
            if len(parts) == 1 and _zipf(term) >= SCHOOL_WORD_ZIPF:
                break  # '… it is called lava': a word every pupil knows names the thing without the text
            taken.append((s, e))
            out.append(Fact(kind="term", text=term, start=sentence.start + s, end=sentence.start + e,
                            sentence=sentence.index, norm=term.lower()))
            break
    # 'a belt known as the Ring of Fire': a proper name the text gives a thing ('the' keeps people out)
    for m in _NAMED_PROPER.finditer(text):
        s, e = m.start(1), m.end(1)
        term = m.group(1)
        while term.split()[-1] in ("of", "the", "and"):
            term = term.rsplit(" ", 1)[0]
        e = s + len(term)
        if _overlaps(taken, s, e) or term in lexicon.NOT_NAMES:
            continue
        taken.append((s, e))
        out.append(Fact(kind="term", text=term, start=sentence.start + s, end=sentence.start + e,
                        sentence=sentence.index, norm=term.lower()))
    # 'a system of labor (fink) books': a compound term with the other name of its first word in brackets
    for m in _BRACKETED_NAME_TERM.finditer(text):
        s, e = m.start(), m.end()
        alt = m.group(2)
        if _overlaps(taken, s, e) or alt in _UNIT_STOP or alt in _QUOTE_FUNCTION or alt.endswith("ly") \
                or _zipf(alt) >= 4.0:
            continue  # the other name is a word of its own ('fink'), not an everyday aside ('often')
        taken.append((s, e))
        out.append(Fact(kind="term", text=m.group(0), start=sentence.start + s, end=sentence.start + e,
                        sentence=sentence.index, norm=f"{m.group(1)} {m.group(3)}".lower()))
    return out


# A single word this common ('lava', zipf 3.7) is known before reading; 'magma' (3.2), 'polyps' (2.7) are not.
SCHOOL_WORD_ZIPF = 3.5
# The word or phrase a text defines: one to three lower-case words after 'called' or 'known as', the
# shortest that ends where the clause does (a comma, a stop, a relative pronoun).
_NAMED_TERM = re.compile(r"\b(?:called|known as|termed|referred to as)\s+(?:[“\"]|\*{1,2}|_{1,2}(?!_))?([a-z][a-z-]{2,}(?:\s+[a-z][a-z-]{2,}){0,2})")
_NAMED_PROPER = re.compile(r"\b(?:called|known as|termed|referred to as)\s+the\s+(" + _NAME_SEQ.pattern + ")")
_NAMED_TERM_END = re.compile(r"(?:[”\"]|\*{1,2}|_{1,2})?(?:[,.;:)]|\s+(?:which|that|who|whose|where|is|are|was|were|in|of|and|or|by|for|to|because)\b)")
_TERM_STOP = {"upon", "off", "back", "out", "away", "himself", "herself", "itself", "themselves", "forth", "again"}
_BRACKETED_NAME_TERM = re.compile(r"\b([a-z]{3,})\s+\(([a-z]{3,})\)\s+([a-z]{3,}s)\b")


# 'villagers from Xiyang (among them Yang Zhifa)': an aside on who or what, not what the word means
_NOT_A_GLOSS = re.compile(r"(?i)\s*(?:among|includ|e\.g\.|eg\b|see\b|cf\.|such as|like\b|with\b|without\b|"
                          r"especially|notably|mainly|mostly|chiefly|both\b|all\b|some\b|most\b|many\b|several\b|"
                          r"now\b|then\b|later\b|today\b|still\b|at\b|in\b|on\b|from\b|by\b|near\b)")


# lower-cased words that may stand capitalised before a term without being part of its name
_CAPITALISED_NOT_NAME = {"the", "a", "an", "in", "on", "at", "of", "by", "for", "from", "to", "with", "and", "or", "but", "as", "its",
              "his", "her", "their", "this", "that", "these", "those", "called", "named", "term", "word"}


def gloss_of(sentence_text: str, term_start: int, term_end: int) -> str | None:
    """The explanation a text gives a term in brackets, either way round."""
    after = re.match(r"\s*\(([^()]{3,80})\)", sentence_text[term_end:])
    name_before = re.search(r"(?<![\w’'-])([A-Z][\w’'-]*)\s+$", sentence_text[:term_start])
    if name_before and not name_before.group(1).endswith(("'s", "’s")) and name_before.group(1).lower() not in _CAPITALISED_NOT_NAME:
        return None  # 'Shi Huangdi ("First Emperor")': the brackets gloss the whole name, not its last word
    if after and not re.search(r"\d", after.group(1)) and not re.fullmatch(r"(?:\s*[A-Za-z]{1,5}\.)+\s*", after.group(1)) \
            and not _NOT_A_GLOSS.match(after.group(1)):
        return after.group(1).strip()  # not an abbreviation: 'Donald J. Harreld (ed.)'
    if term_start > 0 and sentence_text[term_start - 1] == "(" and sentence_text[term_end:term_end + 1] == ")":
        before = sentence_text[:term_start - 1].rstrip()
        m = re.search(r"(?<![A-Za-z])((?:[a-z][a-z-]*\s){0,2}[a-z][a-z-]*)$", before)  # whole words: not 'njer' of 'Anjer'
        if m:
            words = m.group(1).split()
            while len(words) > 1 and words[0] in _UNIT_STOP:
                words.pop(0)
            return " ".join(words)
    return None


_QUOTED = re.compile(r"“([^“”]{3,70})”|‘([^‘’]{3,70})’|(?<![\w])\"([^\"]{3,70})\"")
MAX_QUOTE_WORDS = 6
QUOTE_TERM_ZIPF = 3.8  # a quoted phrase is a term when one of its words is at least this rare (or it is a cry!)
_QUOTE_FUNCTION = {"near", "their", "our", "my", "your", "his", "her", "its", "this", "that", "these", "those",
                   "which", "who", "what", "where", "how", "when", "if", "not", "no", "yes", "all", "some",
                   "own", "very", "much", "many", "will", "shall", "can", "must", "should"}


_TITLE_CUE = re.compile(r"(?i)\b(?:wrote|written|published|book|novel|memoir|memoirs|article|pamphlet|essay|poem|"
                        r"play|film|titled|entitled|called)\s*(?:,\s*)?$")
_TITLE_SMALL = {"a", "an", "the", "of", "in", "on", "and", "or", "to", "for", "at", "by", "with", "from"}


def _is_quoted_title(inner: str, before: str) -> bool:
    """A quoted title of a work: title case throughout, named as what someone wrote or published."""
    words = re.findall(r"[A-Za-z’'-]+", inner)
    if not 2 <= len(words) <= 14 or not _TITLE_CUE.search(before):
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)


def _quotes(sentence: Sentence, taken: list[tuple[int, int]]) -> list[Fact]:
    """Short quoted phrases: slogans, cries and the terms an author puts in quotation marks
    (‘Stop your chatter!’, “auxiliary economies”). Not quotations of whole sentences, not
    items of a list of quoted words, not numbers, not single common words."""
    text = sentence.text
    out: list[Fact] = []
    for m in _QUOTED.finditer(text):
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        s, e = m.start(g), m.end(g)
        inner = m.group(g)
        # keep ! and ? (part of the cry); drop the comma or stop American style puts inside
        stripped = inner.rstrip(",.;: ")
        e = s + len(stripped)
        words = stripped.split()
        if _is_quoted_title(stripped, text[:m.start()]) and not _overlaps(taken, s, e):
            taken.append((s, e))  # 'wrote "Behind the Urals: An American Worker in …"': a work's title
            out.append(Fact(kind="work", text=stripped, start=sentence.start + s, end=sentence.start + e,
                            sentence=sentence.index, norm=fold(stripped).lower()))
            continue
        single_term = len(words) == 1 and len(stripped) >= 8 and stripped[0].islower() and _zipf(stripped.lower()) < 1.0
        if not (2 <= len(words) <= MAX_QUOTE_WORDS or single_term) or re.search(r"\d", stripped) or "…" in stripped:
            continue  # one word only when it is the text's own coinage ('shock-brigadeism')
        if not re.match(r"[A-Za-z]", stripped) or stripped.endswith("?"):
            continue
        first, last = words[0].lower().strip("’'"), words[-1].lower().strip("!’'")
        if first in _UNIT_STOP or first in _QUOTE_FUNCTION or last in _UNIT_STOP or last in _QUOTE_FUNCTION:
            continue  # a fragment cut out of a sentence ('which still lack ventilation'), not a phrase
        if not stripped.endswith("!") and min(_zipf(w.lower().strip("’'")) for w in re.findall(r"[A-Za-z’'-]+", stripped)
                                              if w.lower() not in _UNIT_STOP) >= QUOTE_TERM_ZIPF:
            continue  # everyday words in quotation marks ('leaders of production'): an aside, not a term
        outside = (text[:m.start()] + text[m.end():]).strip()
        if len(re.findall(r"[A-Za-z]+", outside)) < 6:
            continue  # the quotation is the sentence: no statement left around the blank
        before, after = text[:m.start()], text[m.end():]
        if re.search(r"[”’\"]\s*(?:,|and|or)?\s*$", before) or re.match(r"\s*(?:,|and|or|,\s*and|,\s*or)?\s*[“‘\"]", after):
            continue  # one of a list of quoted words
        if _overlaps(taken, s, e):
            continue
        taken.append((s, e))
        out.append(Fact(kind="quote", text=stripped, start=sentence.start + s, end=sentence.start + e,
                        sentence=sentence.index, norm=fold(stripped).lower()))
    return out


def repeated_terms(sentences: list[Sentence], min_count: int = 3) -> set[str]:
    """Rare words a document uses again and again (ukase): its own vocabulary, worth a question."""
    counts: dict[str, int] = {}
    for sent in sentences:
        for w in re.findall(r"(?<![\w-])[a-z]{5,}(?![\w-])", sent.text):
            if is_rare_word(w):
                base = w[:-1] if w.endswith("s") and not w.endswith("ss") else w
                counts[base] = counts.get(base, 0) + 1
    return {w for w, n in counts.items() if n >= min_count}


def term_facts(sentence: Sentence, terms: set[str], existing: list[Fact]) -> list[Fact]:
    """The repeated terms of one sentence as facts, where no other fact covers them."""
    taken = [(f.start - sentence.start, f.end - sentence.start) for f in existing]
    out = []
    for m in re.finditer(r"(?<![\w-])[a-z]{5,}(?![\w-])", sentence.text):
        if m.group(0) in terms and not _overlaps(taken, m.start(), m.end()):
            out.append(Fact(kind="term", text=m.group(0), start=sentence.start + m.start(),
                            end=sentence.start + m.end(), sentence=sentence.index, norm=m.group(0)))
    return out


# 'A stratovolcano is built from …', 'A shield volcano has gentle slopes …': a sentence that opens by
# saying what a kind of thing is or has.
_DEFINED_KIND = re.compile(r"(?:A|An)\s+([a-z][a-z-]{3,}(?:\s+[a-z][a-z-]{3,})?)\s+(?:is|has|forms|consists|"
                           r"grows|builds|lives|means|describes)\b")


def definition_facts(sentence: Sentence, kinds_of: set[str], existing: list[Fact]) -> list[Fact]:
    """The kind a sentence defines as a term: one rare word ('stratovolcano'), or two words naming
    a kind of what the document's headings speak of ('shield volcano' under 'Kinds of volcano')."""
    m = _DEFINED_KIND.match(sentence.text)
    if m is None:
        return []
    words = m.group(1).split()
    if len(words) == 1:
        if _zipf(words[0]) >= 2.5 or words[0] in kinds_of:
            return []
    elif words[1] not in kinds_of or words[0] in kinds_of or words[0] in _TERM_STOP or _zipf(words[0]) >= 5.0:
        return []  # ('A coral reef is …' under 'Coral Reefs Under Pressure': the topic itself, not a kind of it)
    s, e = m.start(1), m.end(1)
    if _overlaps([(f.start - sentence.start, f.end - sentence.start) for f in existing], s, e):
        return []
    return [Fact(kind="term", text=m.group(1), start=sentence.start + s, end=sentence.start + e,
                 sentence=sentence.index, norm=m.group(1).lower())]


def heading_nouns(titles: list[str]) -> set[str]:
    """The nouns of headings, singular too ('Volcanoes', 'Kinds of volcano' -> volcano, volcanoes)."""
    out: set[str] = set()
    for t in titles:
        for w in re.findall(r"[A-Za-z]{4,}", t):
            w = w.lower()
            out |= {w, re.sub(r"(?:es|s)$", "", w) if w.endswith(("oes", "ses", "xes")) else w.rstrip("s")}
    return out


def known_name_facts(sentence: Sentence, known: dict[str, str], existing: list[Fact]) -> list[Fact]:
    """Further mentions of names the document has already shown to be a person, a work or an
    organisation ('(Pravda, Oct. 31, 1939)' makes 'Pravda greeted …' a newspaper too)."""
    taken = [(f.start - sentence.start, f.end - sentence.start) for f in existing]
    out = []
    for m in _known_pattern(tuple(sorted(known, key=lambda n: (-len(n), n)))).finditer(sentence.text):
        name = m.group(0)
        if not _overlaps(taken, m.start(), m.end()):
            taken.append((m.start(), m.end()))
            out.append(Fact(kind=known[name], text=name, start=sentence.start + m.start(),
                            end=sentence.start + m.end(), sentence=sentence.index, norm=fold(name).lower()))
    return out


@lru_cache(maxsize=64)
def _known_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
