"""Distractors: wrong answers of the same type and format as the key.

Rules:
- same kind and format as the answer (a percentage for a percentage, a year
  near the year, a person for a person, a number of similar magnitude with the
  same unit, written the same way: digits with commas, "million", words);
- drawn from the corpus where possible, nearby passages first, otherwise made
  by a deterministic perturbation of the key;
- never equal to the key or a variant of it, never in the stem, and never a
  value the documents state for the same subject (checked by ``FactIndex``).
"""
from __future__ import annotations

import itertools
import math
import re

from quizapp.engine import lexicon
from quizapp.engine.factindex import (INDEXED_NAME_KINDS, ORDINAL_WORDS, SCALES, FactIndex, NumberStyle, next_to,
                                      round_like, stable_int, unit_stems, value_key)
from quizapp.engine.model import Fact
from quizapp.engine.normalize import contains_word, fold, parse_number
from quizapp.engine.optioncues import _order_value, _sig_digits, key_stands_out
from quizapp.engine.patterns import rx


# ---------------------------------------------------------------- generation

def comparison_direction(before: str) -> int:
    """+1 after 'more than'/'over'/'at least' (only larger values are false), -1 after
    'fewer than'/'less than'/'up to', else 0."""
    b = before.lower().rstrip().rstrip("−–-").rstrip()  # 'can fall below −40 °C': the bound is the same word
    if re.search(r"\b(?:more than|over|at least|in excess of|exceeding|exceeds?|exceeded|surpass(?:es|ed)?|above|upwards of)$", b):
        return 1
    if re.search(r"\b(?:fewer than|less than|under|up to|below|at most|no more than)$", b):
        return -1
    if re.search(r"\b(?:younger|smaller|shorter|lower|lighter|fewer|cheaper|slower|earlier) than(?:\s+(?:about|around|some|"
                 r"nearly|roughly|almost))?$", b):
        return -1
    if re.search(r"\b(?!rather\b|other\b)[a-z]+er than(?:\s+(?:about|around|some|nearly|roughly|almost))?$", b):
        return 1  # 'none is older than about 200 million years', 'longer than 300 metres': a bound, not a value
    return 0


def choose_distractors(key: Fact, doc_id: str, stem: str, index: FactIndex, n: int = 3,
                       direction: int = 0) -> list[str]:
    """Up to ``n`` distractor strings for ``key``; fewer when no safe ones exist.

    With ``direction`` +1 (the text says 'more than X') only larger values are
    offered, with -1 only smaller ones: the others would also be true."""
    banned = index.same_subject_values(doc_id, key.sentence, stem)
    banned.add(value_key(key))
    banned |= {f"num:{y}" for y in _narrative_years(key, doc_id, index)}
    if key.kind in ("quantity", "percent"):
        banned |= index.estimates_beside(doc_id, key.sentence)
        banned |= index.nearby_values_on(doc_id, key.sentence, stem)
    stem_l = fold(stem).lower()
    key_text = fold(key.text).lower()
    seed = stable_int(doc_id, key.sentence, key.text)
    key_year_match = re.search(r"\d{4}", key.text)
    key_year = int(key_year_match.group(0)) if key_year_match else 0
    stem_years = sorted({int(y) for y in re.findall(r"(?<![\d,.])(1[0-9]\d\d|20\d\d)(?!\d|[.,]\d)(?!-?s)(?!\s+[a-z]+s\b)", stem)} - {key_year}) \
        if key_year else []
    for war, (began, ended) in lexicon.WAR_YEARS.items():
        if key_year and rx(rf"\b{war}\b").search(stem):
            # 'during the Second World War … Afterwards … completed in 1948': no option before its end
            stem_years = sorted(set(stem_years) | ({ended} if key_year > ended else {began} if key_year < began else set()))
    stem_decades = [int(d) for d in re.findall(r"\b(1[5-9]\d0)-?s\b", stem)]
    # a famous person named in the stem who was dead by then refutes a later date without the text
    # 'monstrous proportions: 5-25 per cent' is refuted by the stem's own words: after a word of
    # great (or slight) size only larger (or smaller) wrong values
    if not direction and key.kind in ("quantity", "percent", "range"):
        before_key = stem_l[: stem_l.find(key_text)] if key_text in stem_l else stem_l
        if _GREAT.search(before_key):
            direction = 1
        elif _SLIGHT.search(before_key):
            direction = -1
    lifetimes = [y for name, y in lexicon.DEATH_YEARS.items()
                 if key_year and key_year <= y and rx(rf"\b{re.escape(name)}\b").search(stem)]
    same_year = key.kind == "date" and key_year and (re.search(
        r"(?i)\b(?:now|today|at present|at the moment|recently|this year|last year)\b", stem) is not None
        or stem.count(str(key_year)) > key.text.count(str(key_year)))  # the title 'The Crisis of 1789' shows the year
    out: list[str] = []
    # Numbers and dates: gather spare candidates, then place the key at an even-handed rank
    # among the options (sorted in ascending order), so its position gives nothing away.
    balance = key.kind in ("quantity", "percent", "year", "date") and key.high is None
    want = n + 4 if balance else n
    seen = {key_text}

    def offer(text: str, vkey: str) -> bool:
        t = fold(text).lower()
        if t in seen or vkey in banned or not t:
            return False
        if re.search(r"\d\.0(?!\d)", text):
            return False  # '7.0 million' looks made up
        latest = index.latest_year.get(doc_id)
        if latest and any(int(y) > latest for y in re.findall(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", text)):
            return False  # after the document was written
        if same_year and any(int(y) != key_year for y in re.findall(r"(?<!\d)(1[0-9]\d\d|20\d\d)(?!\d)", text)):
            return False  # 'now' beside the author's date gives the year: every option shares it
        if same_year and _month_of(text) in {_month_of(t) for t in out + [key.text]}:
            return False  # options of one year differ by month, not by a day ('June 26' and 'June 27')
        if key.kind in ("year", "date") and stem_decades and key_year:
            years = [int(y) for y in re.findall(r"(?<!\d)(1[0-9]\d\d|20\d\d)(?!\d)", text)]
            if years and any(d <= years[0] < d + 10 and not d <= key_year < d + 10 for d in stem_decades):
                return False  # 'as opposed to the 1920s' rules out 1928 as an answer
            if years and any(d <= key_year < d + 10 and not d <= years[0] < d + 10 for d in stem_decades):
                return False  # in the section '1930s', 1926 is ruled out by the title
        if key.kind in ("year", "date") and lifetimes and any(
                int(y) > min(lifetimes) for y in re.findall(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", text)):
            return False  # 'introduced under Lenin in December 1926': Lenin died in 1924
        if key.kind in ("year", "date") and stem_years:
            years = [int(y) for y in re.findall(r"(?<!\d)(1[0-9]\d\d|20\d\d)(?!\d)", text)]
            if years and any((years[0] - other) * (key_year - other) <= 0 for other in stem_years):
                return False  # keeps the stem's order of events: 1983 cannot follow 'returned in 1984'
        if direction and key.value is not None:
            v = parse_number(re.sub(r"(?i)\s*(%|per\s*cent|percent)$", "", text))
            if v is None and key.high is not None:
                first = re.match(r"\D*?(\d[\d,]*(?:\.\d+)?)", text)
                v = parse_number(first.group(1)) if first else None
            if v is None or (v - key.value) * direction <= 0:
                return False
        if key.kind in ("quantity", "percent") and key.high is None:
            v = parse_number(re.sub(r"(?i)\s*(%|per\s*cent|percent)$", "", text))
            near = [parse_number(re.sub(r"(?i)\s*(%|per\s*cent|percent)$", "", o)) for o in out + [key.text]]
            if v and any(w and abs(v - w) < 0.02 * max(v, w) for w in near):
                return False  # '29.5 million' beside '29.6 million': two options a reader cannot tell apart
        banned.add(vkey)
        if contains_word(stem_l, t):
            return False  # never repeat something the stem already says
        if key.kind in INDEXED_NAME_KINDS and any(len(tok) > 3 and tok in stem_l for tok in re.findall(r"[a-z’'-]+", t)):
            return False  # a name the stem already mentions in another form
        seen.add(t)
        out.append(text)
        return len(out) >= want

    if key.kind == "place" and key.text in lexicon.COUNTRIES or key.kind == "group" and key.text in lexicon.NATIONALITY_PLURALS:
        _unmentioned_distractors(key, doc_id, index, offer, seed)
    elif key.kind in ("person", "org", "place", "group", "nationality", "term", "work"):
        _name_distractors(key, doc_id, index, offer)
    elif key.kind in ("quantity", "percent") and key.high is None:
        _number_distractors(key, doc_id, index, offer, seed, stem)
    elif key.kind in ("range", "percent"):
        _range_distractors(key, offer, seed)
    elif key.kind == "year":
        pos = stem.find(key.text)
        approximate = pos > 0 and bool(_APPROXIMATOR.search(stem[:pos]))
        _year_distractors(key, doc_id, index, offer, seed, approximate)
    elif key.kind == "decade":
        base = int(key.value or 0)
        suffix = key.text[4:]
        for delta in _spread(seed, [-10, 10, -20, 20]):
            if offer(f"{base + delta}{suffix}", f"num:{base + delta:g}"):
                break
    elif key.kind == "date":
        _date_distractors(key, doc_id, index, offer, seed)
    elif key.kind == "ordinal":
        v = int(key.value or 1)
        for alt in _spread(seed, [v - 1, v + 1, v + 2, v - 2, v + 3]):
            if 1 <= alt < len(ORDINAL_WORDS):
                word = ORDINAL_WORDS[alt]
                text = re.sub(ORDINAL_WORDS[v], word, key.text, flags=re.I)
                if offer(text, f"num:{alt:g}"):
                    break
    elif key.kind == "ratio":
        num, den = int(key.value or 1), int(key.high or 2)
        style = NumberStyle.of(key.text.split()[0])
        # 'the overwhelming majority' rules out a minority, and the reverse
        side = 1 if re.search(r"\bmajority\b", stem_l) else (-1 if re.search(r"\bminority\b", stem_l) else 0)
        for alt in _spread(seed, [num - 3, num + 3, num - 5, num + 5, num - 2, num + 2, num + 6]):
            if side and (alt / den - 0.5) * side <= 0:
                continue
            if 1 <= alt < den:
                text = style.format(alt) + key.text[len(key.text.split()[0]):]
                if offer(text, f"ratio:{alt:g}-{den:g}"):
                    break
    if balance and len(out) > n:
        before_key = stem_l[: stem_l.find(key_text)] if key_text in stem_l else ""
        avoid = set()
        if _SMALL_CUE.search(before_key):
            avoid.add(0)  # 'weighed only about 5,600': the smallest option would be the guess
        if _LARGE_CUE.search(before_key):
            avoid.add(n)  # 'as many as 20 million': the largest would be
        return _balanced(key, out, n, seed, avoid)
    return out[:n]


_GREAT = re.compile(r"\b(?:monstrous|enormous|huge|vast|colossal|staggering|astounding|incredible|tremendous|"
                    r"immense|gigantic|record|sky-rocketed|soared)\b")
_SLIGHT = re.compile(r"\b(?:slight|small|tiny|mere|modest|negligible|insignificant)\b")


_SMALL_CUE = re.compile(r"\b(?:only|just|merely|a mere|barely|as few as|as little as)\s+(?:about\s+|around\s+|some\s+|"
                        r"roughly\s+)?$")
_LARGE_CUE = re.compile(r"\b(?:as many as|as much as|no fewer than|no less than|a full|a staggering|fully)\s+(?:about\s+|"
                        r"around\s+|some\s+)?$")


def _balanced(key: Fact, candidates: list[str], n: int, seed: int, avoid: set[int] | None = None) -> list[str]:
    """Pick n of the candidates (best first) so that the key lands at rank seed % (n + 1), never at a
    rank in ``avoid`` (0: the smallest option, n: the largest) when another rank can be had."""
    k = _order_value(key.text)
    below = [c for c in candidates if _order_value(c) < k]
    above = [c for c in candidates if _order_value(c) > k]
    target = seed % (n + 1)
    fallback: list[str] = []
    ranks = sorted(range(n + 1), key=lambda r: (abs(r - target), r))
    for r in [r for r in ranks if r not in (avoid or set())] + [r for r in ranks if r in (avoid or set())]:
        if len(below) >= r and len(above) >= n - r:
            chosen = set(below[:r]) | set(above[: n - r])
            picked = [c for c in candidates if c in chosen]
            if not key_stands_out(key.text, picked):
                return picked
            fallback = fallback or picked
    return fallback or candidates[:n]


def _spread(seed: int, items: list) -> list:
    """A deterministic shuffle of items."""
    return sorted(items, key=lambda x: stable_int(seed, x))


def _initialled(name: str) -> bool:
    """'P. Moskatov' (an initial for the first name) rather than 'Leon Sedov'."""
    return bool(re.match(r"[A-Z]\.", name))


def _name_distractors(key: Fact, doc_id: str, index: FactIndex, offer) -> None:
    """Names of the same kind: from the same document, nearest first, then from the others."""
    key_tokens = len(key.text.split())
    kk = index.kind_key(key)
    same_doc = sorted(index.names_by_doc.get((doc_id, kk), []),
                      key=lambda f: (len(f.text.split()) != key_tokens, abs(f.start - key.start), f.text))
    # people only from the same document: a person from another text is the wrong kind of person
    others = () if key.kind == "person" else \
        itertools.islice((f for d, f in index.names_by_kind.get(kk, []) if d != doc_id), index.OTHER_DOCUMENT_VALUES)
    royal = index.royal_names(doc_id) if key.kind == "person" else set()
    royal_key = any(r.startswith(key.text) for r in royal)
    for f in [*same_doc, *others]:
        if f.kind != key.kind:
            continue
        if royal and not royal_key and any(r.startswith(f.text) for r in royal):
            continue  # 'the French chemist Maria Theresa': an empress among chemists stands out
        if key.kind == "person" and len(f.text.split()) != key_tokens and key_tokens > 1:
            continue
        if key.kind == "person" and _initialled(f.text) != _initialled(key.text):
            continue  # 'Leon Sedov' among 'N. Siluyanov', 'P. Lomako': the one full first name stands out
        if key.kind == "person" and (lexicon.is_famous(f.text) or re.search(r"\b[IVX]+$", f.text)):
            continue  # a famous name among obscure ones stands out
        if _variant(f.text, key.text):
            continue
        if key.kind == "person" and key_tokens == 1 and len(f.text.split()) > 1:
            # 'Dr. _____ and Heatley' (Florey): a surname among surnames, not among full names
            surname = f.text.split()[-1]
            fits = len(surname) >= 3 and surname[0].isupper() and not re.fullmatch(r"[IVX]+|[A-Z]\.", surname) \
                and surname not in lexicon.GIVEN_NAMES and not _variant(surname, key.text)
            if fits and offer(surname, "name:" + fold(surname).lower()):
                return
            continue
        if offer(f.text, value_key(f)):
            return
    if key.kind == "nationality":
        for name in sorted(lexicon.NATIONALITIES - {"Soviet", "Western", "Jewish"}, key=lambda x: stable_int(key.text, x)):
            if offer(name, "name:" + name.lower()):
                return
    if key.kind == "place" and key.text in lexicon.COUNTRIES:
        for name in sorted(lexicon.COUNTRIES, key=lambda x: stable_int(key.text, x)):
            if len(name) > 3 and not _variant(name, key.text) and offer(name, "name:" + name.lower()):
                return


_SOVIET = {"Russia", "Soviet Russia", "Soviet Union", "USSR", "Russians", "Ukraine", "Ukrainians", "Belarus",
           "Georgia", "Armenia", "Azerbaijan", "Kazakhstan", "Estonia", "Latvia", "Lithuania", "Estonians",
           "Latvians", "Lithuanians", "US", "U.S.", "USA", "America", "Britain", "England", "Holland", "GDR",
           "East Germany", "West Germany", "Nazi Germany", "Korea", "Scotland", "Wales", "Scots"}


def _unmentioned_distractors(key: Fact, doc_id: str, index: FactIndex, offer, seed: int) -> None:
    """Countries or peoples the document never mentions: plausible, and never true by the text."""
    text = fold(index.documents[doc_id].text).lower() if doc_id in index.documents else ""
    names = lexicon.COUNTRIES if key.kind == "place" else lexicon.NATIONALITY_PLURALS
    for name in sorted(names - _SOVIET, key=lambda x: stable_int(seed, x)):
        stem = name.lower()[:5]
        if stem in text or _variant(name, key.text) or len(name) <= 3:
            continue  # not 'Poland' where the text speaks of the Polish
        if offer(name, "name:" + name.lower()):
            return


def _variant(a: str, b: str) -> bool:
    """'Houtermans' ~ 'Fritz Houtermans', 'USSR' ~ 'Soviet Union', 'Americans' ~ 'American'."""
    fa, fb = fold(a).lower(), fold(b).lower()
    if fa == fb or fa in fb.split() or fb in fa.split():
        return True
    if fa.rstrip("s") == fb.rstrip("s"):
        return True
    soviet = {"ussr", "soviet union", "soviet russia", "russia"}
    if fa in soviet and fb in soviet:
        return True
    return False


_NUM_IN_TEXT = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|"
    r"thirty|forty|fifty)(?=\s+(?:million|billion|thousand)))(\s+(?:million|billion|thousand))?"
    r"(\s*%|\s+per\s*cent|\s+percent)?", re.I)


def _parts_cap(stem: str, key: Fact, v: float, want_floor: bool = False) -> float | None:
    """The most a part may be when the stem breaks a total down ('T – a in x; b in y, c in z');
    with ``want_floor``, the least the total may be when the key is that total."""
    nums = []
    for m in _NUM_IN_TEXT.finditer(stem):
        if m.group(3):
            continue
        value = parse_number(m.group(1) + (m.group(2) or ""))
        if value is not None and not re.fullmatch(r"1[6-9]\d\d|20\d\d", m.group(1)):
            nums.append((m.start(), m.end(), value, m.group(0).strip() == key.text.strip()))
    key_pos = next((i for i, n in enumerate(nums) if n[3]), None)
    if key_pos is None:
        return None
    if want_floor:
        # the key is the total ('seven million workers – 3,140,000 in industry; 700,000 …'): at least its parts
        end = nums[key_pos][1]
        if re.match(r"[^–—:;.]{0,60}\s[–—:]\s", stem[end:]):
            parts = [n[2] for n in nums[key_pos + 1:] if n[2] < v]
            return sum(parts) if len(parts) >= 2 else None
        return None
    for i in range(key_pos - 1, -1, -1):
        start, end, total, _ = nums[i]
        if total > v and re.match(r"[^–—:;.]{0,60}\s[–—:]\s", stem[end:]):
            parts = [n[2] for n in nums[i + 1:] if not n[3] and n[2] < total]
            return total - sum(parts)
    return None


def _stem_numbers(stem: str, key: Fact) -> dict[str, list[float]]:
    """Other numbers the stem states: percentages, and counts (to bound parts by their total)."""
    out: dict[str, list[float]] = {"percent": [], "quantity": []}
    for m in _NUM_IN_TEXT.finditer(stem):
        if m.group(0).strip() == key.text.strip():
            continue
        v = parse_number(m.group(1) + (m.group(2) or ""))
        if v is None:
            continue
        if m.group(3):
            out["percent"].append(v)
        elif not re.fullmatch(r"1[6-9]\d\d|20\d\d", m.group(1)):
            out["quantity"].append(v)
    return out


# How far an option must be from a hedged key ('about 73 per cent', 'roughly 2,300 km') to be false.
APPROXIMATE_PERCENT_GAP = 10  # percentage points
APPROXIMATE_RELATIVE_GAP = 0.25
_APPROXIMATOR = re.compile(r"(?i)\b(?:about|approximately|around|roughly|some|nearly|almost|over|"
                           r"more than|less than|up to|an estimated|circa|c\.)\s*(?:AD|A\.D\.|CE)?\s*$")  # 'around AD 552'


def _number_distractors(key: Fact, doc_id: str, index: FactIndex, offer, seed: int,
                        stem_for_limits: str = "") -> None:
    if key.value is None:
        return
    style = NumberStyle.of(key.text)
    v = key.value
    key_stems = unit_stems(key.subject or key.unit)
    # Values the corpus states for the same kind of thing (e.g. other counts of foreign
    # workers) may be true of the same subject at another time: never offer them.
    same_unit = index.values_with_unit(key, key_stems)
    same_unit.discard(v)
    offer_plain = offer

    stem_numbers = _stem_numbers(stem_for_limits, key)
    # shares of one whole ('50% were German, 25% were American, and the rest …') must not exceed it
    others_pct = sum(stem_numbers["percent"]) if re.search(
        r"(?i)\b(?:the rest|remaining|remainder|of those|of them|of whom)\b", stem_for_limits) else 0
    larger_totals = [x for x in stem_numbers["quantity"] if x > v]
    # 'seven million workers – 3,140,000 in industry; 700,000 in railroads, 700,000 in …': a part
    # broken out of a total leaves room only for the total less the other parts
    cap = _parts_cap(stem_for_limits, key, v)
    # 'advanced from 26.3 million to ___': a growth from a stated value rules out smaller ones
    floor = 0.0
    grow = re.search(r"(?i)\b(?:advanced|grew|rose|increased|expanded|leaped|jumped|climbed|went up)\s+"
                     r"(?:from|by)\s+(\d[\d,]*(?:\.\d+)?)(\s+(?:million|billion|thousand))?", stem_for_limits)
    if grow and grow.start(1) < stem_for_limits.find(key.text) and not stem_for_limits[grow.start(1):].startswith(key.text):
        floor = parse_number(grow.group(1) + (grow.group(2) or "")) or 0.0
    floor = max(floor, _parts_cap(stem_for_limits, key, v, want_floor=True) or 0.0)
    # 'weighed ___ pounds …, a gain of some 164 pounds': a total is larger than what it gained
    gain = re.search(r"(?i)\b(?:a|an)\s+(?:gain|increase|rise|growth)\s+of\s+(?:some\s+|about\s+|nearly\s+|almost\s+)?"
                     r"(\d[\d,]*(?:\.\d+)?)(\s+(?:million|billion|thousand))?", stem_for_limits)
    if gain and 0 < stem_for_limits.find(key.text) < gain.start():
        floor = max(floor, parse_number(gain.group(1) + (gain.group(2) or "")) or 0.0)
    # '128,000 officials out of a reported total of ___': a total is larger than the part before it
    pos = stem_for_limits.find(key.text)
    if pos > 0 and re.search(r"\btotal\b[^.;]{0,30}$", stem_for_limits[:pos]):
        parts = [parse_number(m.group(1) + (m.group(2) or "")) or 0.0
                 for m in _NUM_IN_TEXT.finditer(stem_for_limits[max(0, pos - 90):pos]) if not m.group(3)]
        parts = [x for x in parts if x < v and not 1600 <= x <= 2050]
        if parts:
            floor = max(floor, max(parts))

    def offer(text: str, vkey: str) -> bool:  # noqa: F811 - narrows the outer offer
        value = parse_number(re.sub(r"(?i)\s*(%|per\s*cent|percent)$", "", text))
        if value is not None and value in same_unit:
            return False
        if value is not None and key.kind == "percent" and others_pct and value + others_pct > 100:
            return False  # the shares in the stem would add up to more than the whole
        if value is not None and larger_totals and value >= min(larger_totals):
            return False  # a part may not exceed the total the stem gives
        if value is not None and cap is not None and value > cap:
            return False  # the parts would add up to more than their total
        if value is not None and floor and value <= floor:
            return False  # below the value the stem says it grew from
        return offer_plain(text, vkey)

    # 'about 10,000': an approximate key takes options no more precise than itself ('about 5,503'
    # would read as a changed figure)
    approximate = pos > 0 and bool(_APPROXIMATOR.search(stem_for_limits[:pos]))
    # ... and options far enough from it that the hedge does not cover them: 'about 75 per cent' is
    # no false version of 'about 73 per cent' (blind review of new-documents-21, second round)
    def hedge_covers(value: float) -> bool:
        return approximate and abs(value - v) < (APPROXIMATE_PERCENT_GAP if key.kind == "percent"
                                                 else APPROXIMATE_RELATIVE_GAP * v)

    # 1) corpus values of the same kind and magnitude, nearby first
    pool = []
    for d, f in index.nearby_values(key, doc_id):
        if f.value is None or f.high is not None or f.value == v:
            continue
        if key.kind == "percent":
            if not (0 < f.value <= 100) or abs(f.value - v) > 45:
                continue
        else:
            if v <= 0 or not (0.3 <= f.value / v <= 3.5):
                continue
        shown = f.value / SCALES.get(style.scale, 1)
        if style.words and not float(shown).is_integer() or style.scale and not style.decimals and \
                abs(shown - round(shown)) > 0.05 * shown:
            # 1,280 pages is no option for 'two thousand' ('1 thousand')
            continue
        if approximate and _sig_digits(f.value) > max(_sig_digits(v), 2) or hedge_covers(f.value):
            continue
        distance = abs(f.start - key.start) if d == doc_id else 10**9
        pool.append((0 if d == doc_id else 1, distance, f.value))
    for _, _, value in sorted(pool):
        text = style.format(value)
        if offer(text, f"num:{value:g}"):
            return
    # 2) perturbations of the key at its own precision
    if key.kind == "percent":
        step = 5 if v % 5 == 0 or approximate else 1
        deltas = [d * step for d in (-6, -4, -3, -2, 2, 3, 4, 6, -8, 8)]
        cands = [v + d for d in _spread(seed, deltas)]
        cands = [c for c in cands if 0 < c < 100 or c == 100 and not approximate]  # ('around 100%' is no estimate)
    else:
        factors = _spread(seed, [0.5, 0.65, 0.75, 1.3, 1.5, 2.0, 0.4, 2.5, 1.2, 0.8])
        cands = [round_like(v * f, v, style) for f in factors]
    times = bool(re.match(r"\s*times\b", key.unit or ""))
    for c in cands:
        if c <= 0 or c == v or key.kind != "percent" and next_to(c, v, style) or times and c <= 1 or hedge_covers(c):
            continue  # ('roughly one times as long' is no English)
        if offer(style.format(c), f"num:{c:g}"):
            return


def _range_distractors(key: Fact, offer, seed: int) -> None:
    """Ranges of the same width, clear of the key: '250–290' -> '170–210', '330–370' …"""
    lo, hi = key.value, key.high
    if lo is None or hi is None:
        return
    m = re.match(r"(.+?)(\s*[–—-]\s*|\s+to\s+|\s+and\s+|\s+or\s+)(.+)$", key.text)
    if not m or (key.unit == "years" and lo >= 1000):
        return  # spans of years overlap or run into other periods: no clean wrong answer
    lo_style, sep, hi_style = NumberStyle.of(m.group(1)), m.group(2), NumberStyle.of(m.group(3))
    width = hi - lo
    decimals = [len(x.split(".")[1]) for x in (m.group(1), m.group(3)) if re.fullmatch(r"[^\d]*\d+\.\d+[^\d]*", x.strip())]
    if decimals and 0 < width < 2:
        _decimal_range_distractors(key, offer, seed, m.group(2), width, max(decimals), min(decimals))
        return
    if lo >= 100 and hi >= 2 * lo:
        _wide_range_distractors(key, offer, seed, m, lo_style, hi_style)
        return
    if width >= 2:
        step = 5 if lo % 5 == 0 and width % 5 == 0 else 1
        offsets = [width * k for k in (-2, -1.5, 1.5, 2, 2.5, 3, -2.5, 4)]
    else:
        step = 1
        offsets = [2, 3, 4, 6, 8, -2, -3]
    seen: set[float] = set()
    taken = [(lo, hi)]
    for off in _spread(seed, offsets):
        new_lo = max(step, round((lo + off) / step) * step)
        if lo >= 1000:
            new_lo = round_like(new_lo, lo, lo_style)
        new_hi = new_lo + width
        if new_lo in seen or (key.kind == "percent" and new_hi > 100):
            continue
        if any(new_lo <= b and a <= new_hi for a, b in taken):
            continue  # overlapping ranges ('1 or 2' beside '2 or 3') are not clearly wrong
        seen.add(new_lo)
        taken.append((new_lo, new_hi))
        low = lo_style.format(new_lo)
        scale = re.search(r"\s+(?:thousand|million|billion)$", m.group(3))
        if scale and not re.search(r"(?:thousand|million|billion)$", m.group(1)):
            # '10 to 15 million': the low end takes the scale of the high one ('1 to 6 million')
            low = hi_style.format(new_lo).removesuffix(scale.group(0).rstrip()).rstrip()
        text = low + sep + hi_style.format(new_hi)
        if offer(text, f"{key.kind}:{new_lo:g}-{new_hi:g}"):
            return


def _two_figures(value: float) -> float:
    """57,500 -> 58,000: a rough figure keeps two significant figures."""
    if value < 100:
        return value
    place = 10 ** (int(math.log10(value)) - 1)
    return round(value / place) * place


def _wide_range_distractors(key: Fact, offer, seed: int, m: re.Match, lo_style: NumberStyle,
                            hi_style: NumberStyle) -> None:
    """'23,000 to 75,000 m3/s': a range whose top is several times its bottom has no false range of the same
    width near it ('231,000 to 283,000' is of another magnitude); both ends scaled alike ('9,200 to 30,000',
    '46,000 to 150,000') keep its magnitude and differ from it at both ends."""
    lo, hi = key.value, key.high
    scale = re.search(r"\s+(?:thousand|million|billion)$", m.group(3))
    scale = scale if scale and not re.search(r"(?:thousand|million|billion)$", m.group(1)) else None
    for factor in _spread(seed, [0.3, 0.4, 0.5, 1.8, 2, 2.5]):
        new_lo, new_hi = (round_like(_two_figures(end * factor), end, hi_style if scale else style)
                          for end, style in ((lo, lo_style), (hi, hi_style)))
        if abs(new_lo - lo) < 0.25 * lo or abs(new_hi - hi) < 0.25 * hi or new_lo >= new_hi \
                or (key.kind == "percent" and new_hi > 100):
            continue
        # '8 to 20 million': the low end takes the scale of the high one ('2 to 6 million')
        low = hi_style.format(new_lo).removesuffix(scale.group(0).rstrip()).rstrip() if scale else lo_style.format(new_lo)
        text = low + m.group(2) + hi_style.format(new_hi)
        if offer(text, f"{key.kind}:{new_lo:g}-{new_hi:g}"):
            return


def _decimal_range_distractors(key: Fact, offer, seed: int, sep: str, width: float, places: int, least: int) -> None:
    """'1.75–2.0' (metres tall) -> '1.25–1.5', '2.25–2.5': ranges of the same width a few widths away, as
    precise as the key; not whole numbers away, which would make a soldier five metres tall."""
    lo = key.value
    taken = [(lo, key.high)]
    for k in _spread(seed, [-2, 2, -4, 4, 6]):
        new_lo = round(lo + k * width, places)
        new_hi = round(new_lo + width, places)
        if new_lo <= 0 or any(new_lo <= b and a <= new_hi for a, b in taken):
            continue
        taken.append((new_lo, new_hi))

        def fmt(v: float) -> str:
            text = f"{v:.{places}f}".rstrip("0")
            return text + "0" * max(0, least - len(text.split(".")[1])) if "." in text and text[-1] != "." \
                else f"{v:.{least}f}" if least else text.rstrip(".")
        if offer(fmt(new_lo) + sep + fmt(new_hi), f"{key.kind}:{new_lo:g}-{new_hi:g}"):
            return


_PRONOUN_SUBJECT = re.compile(r"(?:^|\d{4},?\s+|,\s+|\blater\s+)(it|they|he|she)\s+[a-z]", re.I)


def _narrative_years(key: Fact, doc_id: str, index: FactIndex) -> set[int]:
    """'During 1348 it swept across most of western Europe. … In 1349 it moved north …': one 'it'
    through a paragraph; its other years may be defended for this sentence too, so none is a wrong
    option."""
    doc = index.documents.get(doc_id)
    if doc is None or key.kind != "year" or key.sentence >= len(doc.sentences):
        return set()
    sent = doc.sentences[key.sentence]
    m = _PRONOUN_SUBJECT.search(sent.text)
    if not m:
        return set()
    out: set[int] = set()
    for other in doc.sentences[max(0, sent.index - 3): sent.index + 4]:
        if other.paragraph == sent.paragraph and other.index != sent.index:
            them = _PRONOUN_SUBJECT.search(other.text)
            if them and them.group(1).lower() == m.group(1).lower():
                out |= {int(y) for y in re.findall(r"(?<!\d)(1[0-9]\d\d|20\d\d)(?!\d)", other.text)}
    return out - {int(key.value or 0)}


def _year_distractors(key: Fact, doc_id: str, index: FactIndex, offer, seed: int, approximate: bool = False) -> None:
    """Years near the key, the document's own first. An approximate key ('born around 1400') takes
    years a decade or more away: 'around 1395' would be true too."""
    y = int(key.value or 0)
    same_kind = index.by_doc_kind.get((doc_id, index.kind_key(key)), [])
    if y >= 1990:  # a recent year: nothing much later than the document's latest, which may be the future
        # (a little later is allowed, or the key would always be the latest option)
        latest = max([int(f.value) for f in same_kind if f.value] + [y])
        offer = _no_later_than(offer, latest + RECENT_MARGIN)
    if approximate:
        for delta in _spread(seed, [-10, 10, -20, 20, -25, 25, -30, 30, -50, 50]):
            if offer(str(y + delta), f"num:{y + delta:g}"):
                return
        return
    near = []
    for f in same_kind:
        if f.value and 1 <= abs(f.value - y) <= 6:
            near.append((abs(f.value - y), int(f.value)))
    for _, year in sorted(set(near)):
        if offer(str(year), f"num:{year:g}"):
            return
    for delta in _spread(seed, [-1, 1, -2, 2, -3, 3, 4, -4, 5, -5]):
        if offer(str(y + delta), f"num:{y + delta:g}"):
            return


RECENT_MARGIN = 3


def _no_later_than(offer, latest: int):
    def bounded(text: str, vkey: str) -> bool:
        return int(text) <= latest and offer(text, vkey)
    return bounded


def _date_parts(norm: str) -> tuple[int, int, int] | None:
    m = re.match(r"(\d{4})-(\d\d)(?:-(\d\d))?$", norm)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)


def format_date_like(key_text: str, year: int, month: int, day: int) -> str:
    """Write a date the way the key is written: 'June 26, 1940', 'Oct. 24, 1940', '4 October 2015', 'August 1935'."""
    abbrev = re.match(r"[A-Z][a-z]{2,3}\.", key_text) is not None
    name = lexicon.MONTH_NAMES[month - 1]
    if abbrev:
        name = name if len(name) <= 4 else (name[:4] + "." if name.startswith("Sept") else name[:3] + ".")
    if re.match(r"\d", key_text):
        return f"{day} {name} {year}" if day else f"{name} {year}"
    if day:
        return f"{name} {day}, {year}"
    comma = "," if re.search(r"[A-Za-z],\s*\d{4}", key_text) else ""
    return f"{name}{comma} {year}"


def _month_of(text: str) -> str:
    m = re.search(r"(?i)\b(January|February|March|April|May|June|July|August|September|October|November|December)\b",
                  text)
    return m.group(1).lower() if m else text


def _date_distractors(key: Fact, doc_id: str, index: FactIndex, offer, seed: int) -> None:
    kk = index.kind_key(key)
    m = re.match(r"(?i)(mid|early|late)([- ])(\d{4})$", key.text)
    if m:
        y = int(m.group(3))
        # the key's part of the year in other years ('early 2008', 'early 2009', 'early 2011'): three parts
        # of one year beside the key's other year made the key the odd one out (first-sight review of set 24)
        for delta in _spread(seed, [-2, -1, 1, 2, 3]):
            text = f"{m.group(1)}{m.group(2)}{y + delta}"
            part = m.group(1).lower()
            if offer(text, "date:" + f"{y + delta}-{part}"):
                return
        return
    kp = _date_parts(key.norm)
    if kp is None:
        return
    ky, km, kd = kp

    def far_enough(y: int, mo: int) -> bool:
        return abs((y * 12 + mo) - (ky * 12 + km)) >= 2

    for d, f in sorted(index.nearby_values(key, doc_id), key=lambda it: (it[0] != doc_id, abs(it[1].start - key.start))):
        p = _date_parts(f.norm)
        if index.kind_key(f) != kk or p is None or f.norm == key.norm:
            continue
        if abs(p[0] - ky) > 4 or not far_enough(p[0], p[1]) or (kd and not p[2]):
            continue
        if offer(format_date_like(key.text, p[0], p[1], p[2] if kd else 0), "date:" + f.norm[: 10 if kd else 7]):
            return
    # the same month in other years first: a lone date of another month stands out, and a
    # neighbouring month of the same year may be true by outside knowledge
    for delta in _spread(seed, [-12, 12, -24, 24, -36, 36]) + _spread(seed, [-3, -2, 2, 3, 4, -4, 5, -5, 7]):
        total = ky * 12 + (km - 1) + delta
        y, mo = total // 12, total % 12 + 1
        if not far_enough(y, mo):
            continue
        norm = f"{y}-{mo:02d}" + (f"-{kd:02d}" if kd else "")
        if offer(format_date_like(key.text, y, mo, kd), "date:" + norm):
            return


def magnitude_distance(key: Fact, text: str) -> float:
    """How close a numeric distractor is to the key (0 = equal), for difficulty."""
    v = parse_number(re.sub(r"(?i)\s*(%|per\s*cent|percent)$", "", text))
    if v is None or not key.value:
        return 1.0
    return abs(math.log((v + 1) / (key.value + 1)))
