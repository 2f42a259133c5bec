"""Accepted typed answers: every way a student may type a name, a range or a fraction that the text
gives (the grader compares normalised forms, quizapp.engine.normalize; these are the forms that no
normalising makes equal: 'Congress' for 'United States Congress', '1/4' for 'one-fourth')."""
from __future__ import annotations

import re

from quizapp.engine import lexicon
from quizapp.engine.facts import _zipf
from quizapp.engine.model import Fact
from quizapp.engine.normalize import fold, normalize_answer

# Words that name a sea or a desert only with its head ('the Red Sea'): alone they are no answer.
_COMMON_PLACE_WORDS = {"Red", "Dead", "Black", "White", "Yellow", "Green", "Blue", "Coral", "Salt", "North", "South",
                       "East", "West", "Great", "Little", "Inland", "Inner", "Outer", "Middle", "Central"}

_FRACTION_WORDS = {2: ("half", "halves"), 3: ("third", "thirds"), 4: ("fourth", "fourths"), 5: ("fifth", "fifths"),
                   6: ("sixth", "sixths"), 7: ("seventh", "sevenths"), 8: ("eighth", "eighths"), 9: ("ninth", "ninths"),
                   10: ("tenth", "tenths"), 20: ("twentieth", "twentieths"), 100: ("hundredth", "hundredths")}
_ONES = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


def range_accepts(fact: Fact) -> list[str]:
    """Every way of typing a range of figures: '2 or 3 percent' as '2-3', '2 to 3%', '2–3 per cent', …;
    '100 to 115 billion' as '100-115' (the hint asks for billions) or '100 to 115 billion'."""
    numbers = re.findall(r"\d[\d,]*(?:\.\d+)?", fact.text)
    if len(numbers) < 2:
        return [fact.text]
    cores = set()
    for lo, hi in {(numbers[0], numbers[1]), (numbers[0].replace(",", ""), numbers[1].replace(",", ""))}:
        cores |= {f"{lo} to {hi}", f"{lo}-{hi}", f"{lo}–{hi}"} | ({f"{lo} or {hi}"} if " or " in fact.text else set())
    scale = re.search(r"\b(thousand|million|billion)\b", fact.text)
    if fact.kind == "percent" or re.search(r"%|per\s*cent", fact.text):
        suffixes = {"", " percent", " per cent", "%"}
    elif scale:
        suffixes = {"", " " + scale.group(1)}
    else:
        suffixes = {""}
    unit = (fact.unit or "").split()
    if unit and re.fullmatch(r"[a-z]+s", unit[0]) and unit[0] != "years":
        suffixes |= {" " + unit[0]}  # '250 to 290 hours' for '250–290' (hours a month)
    return sorted({fact.text} | {c + x for c in cores for x in suffixes})


def fraction_accepts(fact: Fact) -> list[str]:
    """'one-fourth' = 'one fourth' = 'a fourth' = 'one quarter' = '1/4' = '25%'."""
    num, den = (int(x) for x in fact.norm.split("/"))
    one, many = _FRACTION_WORDS[den]
    words = [one if num == 1 else many] + (["quarter" if num == 1 else "quarters"] if den == 4 else [])
    accept = {fact.text, f"{num}/{den}"}
    for w in words:
        accept |= {f"{_ONES[num]}-{w}", f"{_ONES[num]} {w}"}
        if num == 1:
            accept.add(f"a {w}")
    pct = 100 * num / den
    if abs(pct - round(pct)) < 1e-9:
        accept |= {f"{round(pct)}%", f"{round(pct)} percent", f"{round(pct)} per cent"}
    return sorted(accept)


# Bodies a country has one of, so the country's name may be left off ('Congress' for 'United States Congress').
_US_STATES = frozenset("""Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii
    Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi
    Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington
    Wisconsin Wyoming""".split()) | {"New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
                                     "North Dakota", "Rhode Island", "South Carolina", "South Dakota", "West Virginia"}
_NATIONAL_BODIES = {"Congress", "Senate", "House of Representatives", "Parliament", "Supreme Court", "Duma"}


_REGNAL = {"I": "First", "II": "Second", "III": "Third", "IV": "Fourth", "V": "Fifth", "VI": "Sixth", "VII": "Seventh",
           "VIII": "Eighth", "IX": "Ninth", "X": "Tenth", "XI": "Eleventh", "XII": "Twelfth"}
_QUEENS = {"Elizabeth", "Mary", "Anne", "Victoria", "Catherine", "Isabella", "Margaret", "Christina", "Maria", "Juliana",
           "Beatrix", "Wilhelmina", "Margrethe", "Ulrika", "Joanna", "Jane"}

_ARTICLES = {"the", "die", "der", "das", "la", "le", "les", "el", "il", "lo", "los", "las", "de"}


def name_accepts(fact: Fact) -> list[str]:
    """Accepted typed forms of a name or term: as written, plus the variants a reader may type."""
    accept = {fact.text}
    tokens = fact.text.split()
    if fact.kind == "term":
        accept |= {fact.text.replace("Cz", "Ts"), fact.text.replace("Cz", "Tz")}  # Czarism / Tsarism
        last = tokens[-1]
        if re.fullmatch(r"[a-z]+iki", last):
            accept.add(" ".join(tokens[:-1] + [last[:-1]]))  # 'udarniki': 'udarnik' (a Russian plural)
        elif re.fullmatch(r"[a-z]{3,}[^s]s", last) and not last.endswith(("ss", "us", "is")):
            accept.add(" ".join(tokens[:-1] + [last[:-1]]))  # 'tortoise tempos': 'tortoise tempo'
        both = re.fullmatch(r"(\w+) \((\w+)\) (\w+)", fact.text)
        if both:  # 'labor (fink) books': either name of it
            first, other, head = both.groups()
            accept |= {f"{first} {head}", f"{other} {head}", f"{first} {other} {head}"}
            if first.endswith("or"):
                accept.add(f"{first[:-2]}our {head}")  # labor / labour
    if fact.kind == "person" and len(tokens) >= 3 and re.fullmatch(r"[A-Z]\.", tokens[0]):
        accept.add(" ".join(tokens[1:]))  # 'J. Bruce Ismay': 'Bruce Ismay', as he was known
    if fact.kind == "person" and len(tokens) == 2 and tokens[-1] in _REGNAL:
        # 'Charles II': 'King Charles II', 'Charles the Second' (a queen's name takes 'Queen')
        title = "Queen" if tokens[0] in _QUEENS else "King"
        accept |= {f"{title} {fact.text}", f"{tokens[0]} the {_REGNAL[tokens[-1]]}",
                   f"{title} {tokens[0]} the {_REGNAL[tokens[-1]]}"}
    if fact.kind == "person" and len(tokens) >= 3 and re.fullmatch(r"Jr\.?|Sr\.?|[IVX]+", tokens[-1]):
        tokens = tokens[:-1]  # 'James A. Lovell Jr.': his surname is Lovell (second blind review of set 25, C2)
        accept.add(" ".join(tokens))
    if fact.kind == "person" and len(tokens) >= 2 and not re.fullmatch(r"[A-Z]\.|[IVX]+", tokens[-1]):
        accept.add(tokens[-1])  # the surname alone
        if len(tokens) >= 3 and all(t[0].isupper() for t in tokens[1:-1]):
            accept.add(f"{tokens[0]} {tokens[-1]}")  # 'Grace Burke Leib': 'Grace Leib'; 'John R. Pierce': 'John Pierce'
        if len(tokens) == 3 and re.fullmatch(r"[A-Z][a-z]{2,}", tokens[1]):
            accept.add(f"{tokens[1]} {tokens[2]}")  # 'David Lloyd George': 'Lloyd George', a surname of two words
    if fact.kind == "place" and len(tokens) == 2 and tokens[1] in ("Peninsula", "Sea", "Ocean", "Desert", "Island",
                                                                    "Islands", "Mountains", "Gulf", "Bay", "Strait") \
            and tokens[0] not in _COMMON_PLACE_WORDS:  # not 'Red' for 'Red Sea' nor 'Dead' for 'Dead Sea'
        accept.add(tokens[0])  # 'Sinai Peninsula': 'Sinai'; 'Mediterranean Sea': 'Mediterranean'
    if fact.kind == "place" and len(tokens) >= 2 and tokens[0] in ("Mount", "Mt.", "Mt"):
        accept.add(" ".join(tokens[1:]))  # 'Mount Tambora': 'Tambora', as the text's own list writes it (set 26, C2)
    if fact.kind == "place" and len(tokens) >= 3 and tokens[-1] in ("Island", "City", "Town", "Province", "State", "Fault"):
        accept.add(" ".join(tokens[:-1]))  # 'Hong Kong Island': 'Hong Kong'; 'New York City': 'New York' (set 22)
    parent = re.fullmatch(r"((?:the )?University of [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?) (?:Medical|Law|Business|Dental|Veterinary)"
                          r" School", fact.text) if fact.kind in ("org", "place") else None
    if parent:  # 'University of Birmingham Medical School': 'University of Birmingham' (set 24, C2)
        accept.add(parent.group(1))
    if fact.kind == "work" and re.search(r"\w:\s+[A-Z]", fact.text):
        accept.add(fact.text.split(":")[0].strip())  # the main title alone, without its subtitle
    if fact.kind in ("org", "place") and re.search(r"[a-z]tz\b", fact.text):
        accept.add(re.sub(r"(?<=[a-z])tz\b", "ts", fact.text))  # 'Donetz' / 'Donets': two spellings of one Russian name
    if fact.kind in ("org", "place") and re.search(r"\bRail(?:way|road)\b", fact.text):
        accept |= {re.sub(r"\bRailway\b", "Railroad", fact.text), re.sub(r"\bRailroad\b", "Railway", fact.text)}
    if fact.kind in ("org", "work") and tokens[0].lower() in _ARTICLES and len(tokens) > 1:
        accept.add(" ".join(tokens[1:]))  # 'Die Rote Fahne': 'Rote Fahne', as English speakers say it
    if fact.kind in ("org", "work", "term") and len(tokens) >= 2:
        accept.add(fold(fact.text).replace("-", " ").replace("–", " "))
    named_for = re.fullmatch(r"(?:the )?(University|College|Academy|Institute) of ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)",
                             fact.text, re.I) if fact.kind in ("org", "place") else None
    if named_for and named_for.group(2) not in _US_STATES:  # 'University of Warsaw' / 'Warsaw University';
        # 'research at Oxford' (not 'University of Washington': Washington University is another one)
        accept |= {f"{named_for.group(2)} {named_for.group(1)}", named_for.group(2)}
    local = re.fullmatch(r"(.+\S) of ([A-Z][a-z]+)", fact.text) if fact.kind == "org" else None
    if local and len(local.group(1).split()) >= 3:  # 'Society of Antiquaries of London': 'Society of Antiquaries'
        accept.add(local.group(1))
    caps = [t for t in tokens if t[:1].isupper() and t.isalpha()]
    if fact.kind == "org" and len(caps) >= 3 and len(caps) == len([t for t in tokens if t.lower() not in ("of", "the", "and", "for")]) \
            and caps[0] in ("International", "National", "World", "European", "American", "British", "United", "Royal",
                            "Federal") \
            and caps[-1] in ("Union", "Organization", "Organisation", "Association", "Society", "Council", "Agency",
                             "Institute", "Federation", "Committee", "Bureau", "Service", "Administration", "Authority"):
        accept.add("".join(t[0] for t in caps))  # 'International Astronomical Union': 'IAU', as such bodies are known
    if fact.kind in ("place", "org") and re.match(r"(?:the )?(?:Mount|Saint) [A-Z]", fact.text):
        short = re.sub(r"^(?:the )?Mount ", "Mt ", re.sub(r"^(?:the )?Saint ", "St ", fact.text))
        accept |= {short, short.replace("Mt ", "Mt. ").replace("St ", "St. ")}  # 'Mount Wilson': 'Mt Wilson', 'Mt. Wilson'
    named_first = re.fullmatch(r"(?:the )?([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?) (University|College)", fact.text) \
        if fact.kind in ("org", "place") else None
    if named_first:  # 'Stanford University': 'Stanford' is what people say
        accept.add(named_first.group(1))
    if fact.kind in ("group", "nationality") and fact.text in lexicon.NATIONALITY_PLURALS:
        singular = re.sub(r"(?<=[a-z])s$", "", fact.text)
        if singular in lexicon.NATIONALITIES:
            accept.add(singular)  # 'mostly Czechs': 'Czech' is no different answer
    national = re.fullmatch(r"(?:the )?(United States|US|U\.S\.|American|British|French|German|Soviet|Russian|Indian|"
                            r"Chinese|Japanese|Canadian|Australian) ((?:[A-Z][a-z]+ ?){1,3})", fact.text) \
        if fact.kind == "org" else None
    if national and national.group(2).strip() in _NATIONAL_BODIES:
        body = national.group(2).strip()  # 'United States Congress': 'Congress', 'US Congress', 'U.S. Congress'
        accept.add(body)
        if national.group(1) in ("United States", "US", "U.S."):
            accept |= {f"US {body}", f"U.S. {body}", f"United States {body}"}
    firm = re.fullmatch(r"(?:the )?([A-Z][\w’'-]+) (?:[A-Z][a-z]+ )?(?:Corporation|Company|Co\.|Inc\.?|Ltd\.?|Limited|plc|"
                        r"Plant|Works|Factory|Mill|Mine|Combine)", fact.text) if fact.kind in ("org", "place") else None
    if firm and _zipf(firm.group(1).lower()) < 3.5:
        accept.add(firm.group(1))  # 'Amtorg Trading Corporation', 'Karsakpaisky Copper Plant': known by the first word
    if fact.kind == "place":
        for names in lexicon.PLACE_ALIASES:
            if fact.text in names:
                accept |= names  # 'East Germany' is as right as 'GDR'
    return sorted(a for a in accept if normalize_answer(a))
