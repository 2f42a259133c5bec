"""Checks on the figures and years of a sentence that make a blank arithmetic or a label rather than a
fact to read: a percentage change between two figures shown, a calculation the sentence writes out,
'doubled'/'trebled' between two figures, a unit's symbol, a date in brackets after a name, a year just
before a later year of the sentence. Used by `generate.fact_is_askable` and `build_fact_questions`."""
from __future__ import annotations

import itertools
import re

from quizapp.engine.model import Fact
from quizapp.engine.normalize import parse_number


def inside_bracket_after_name(fact: Fact, before: str, after: str) -> bool:
    """A year or date in the brackets that follow a name: a life's or a work's dates, an aside."""
    opened = before.rfind("(")
    if not (fact.kind in ("year", "date", "range", "decade") and opened > before.rfind(")") and ")" in after):
        return False
    inside = before[opened + 1:] + fact.text + after[: after.find(")")]
    return re.search(r"[A-Z][\w’'.-]*[*_]*\s*$", before[:opened]) is not None and \
        re.search(r"\b(?:c\.|ca\.|published|born|died|b\.|d\.|fl\.|reigned|r\.)", inside) is not None


_SHOWN_CALCULATION = re.compile(r"\d[\d,.]*\s*(?:[A-Za-z%]{1,8}\s+)?[x×*]\s*\d|\d\s*[x×*]\s*\d")
_MULTIPLIED = re.compile(r"(?i)\b(?:doubled|trebled|tripled|quadrupled|halved|doubling|trebling|tripling|quadrupling|"
                         r"halving)\b")
_FIGURE = re.compile(r"(?<![\w.,])[$£€]?\d{1,3}(?:,\d{3})*(?:\.\d+)?(?!\w|[.,]\d|\s*(?:%|per\s?cent))")


def _percent_change_computable(fact: Fact, text: str) -> bool:
    """'from $4.25 to $5.05 an hour, an increase of almost 19 percent': the rise from one figure of the
    sentence to another, or the share of one in another, is the key to a point."""
    v = fact.value or 0
    nums = []
    for m in _FIGURE.finditer(text):
        n = parse_number(m.group(0).lstrip("$£€"))
        if n and not (1000 <= n <= 2100 and float(n).is_integer()) and abs(n - v) > 1e-9:
            nums.append(n)
    for a, b in itertools.permutations(set(nums), 2):
        for derived in ((b - a) / a * 100, a / b * 100):
            if v and 0 < derived and abs(derived - v) <= max(1.0, 0.05 * v):
                return True
    return False


# Symbols of units and abbreviations of measures, which the name finder takes for bodies or terms
UNIT_SYMBOLS = frozenset("""MW GW kW TW MWh GWh kWh TWh Wh W V kV A mA Hz kHz MHz GHz dB km cm mm nm µm kg mg
    g Pa kPa hPa MPa psi mph kph rpm PV AC DC GDP GNP CO2 ppm ppb pH IQ BTU TNT""".split())


BEFORE_STEM_YEAR = ("a year just before a later year its sentence gives after it ('…, and on 8 May 1980 …'): "
                    "the nearest earlier option is the key")


def _just_before_a_stem_year(fact: Fact, after: str) -> bool:
    years = [int(y) for y in re.findall(r"\b(1\d{3}|20\d{2})\b", after)]
    key = re.search(r"\d{4}", fact.text)
    return bool(years and key) and 0 < years[0] - int(key.group(0)) <= 1
