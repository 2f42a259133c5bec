"""The corpus's facts indexed for the distractors, and the ways numbers are written.

``FactIndex`` holds every fact of the corpus by kind, unit and subject, so that a distractor is never a
value the documents state for the same subject; ``NumberStyle`` records how a key is written (digits
with commas, "million", words) so that the options are written the same way.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from quizapp.engine import lexicon
from quizapp.engine.model import Document, Fact
from quizapp.engine.normalize import fold

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINAL_WORDS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                  "eighth", "ninth", "tenth"]

STOPWORDS = set("""a an the and or but of in on at by for from to with as was were is are be been
had has have that this these those which who whom whose it its their they them he she his her
there than then so not no into out up over under about after before during between among per
also only more most less very such all any each every some many much other another same one two
three four five six seven eight nine ten not did do does would could will shall may might must
being i we you our your my me us what when where why how if while although though because since
until""".split())


@lru_cache(maxsize=100_000)
def content_words(text: str) -> frozenset[str]:
    words = _WORD.findall(fold(text).lower())
    return frozenset(w.rstrip("s") for w in words if w not in STOPWORDS and len(w) > 2)


_WORD = re.compile(r"[a-z][a-z’'-]+")


def number_to_words(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return _UNITS[n // 100] + " hundred" + (" " + number_to_words(rest) if rest else "")
    return str(n)


def stable_int(*parts: object) -> int:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return int(digest[:12], 16)


SCALES = {"million": 1e6, "billion": 1e9, "thousand": 1e3}


@dataclass(frozen=True)
class NumberStyle:
    words: bool  # "Ninety per cent", "twenty million"
    capital: bool  # first letter capitalised
    commas: bool  # 42,230
    decimals: int  # 26.3 -> 1
    scale: str  # "million", "thousand", ""
    pct: str  # "%", " per cent", " percent", ""
    half: bool  # 11½
    short: bool = False  # fewer than four digits before the point: no room to show its commas
    upper: bool = False  # "SIX logo items": a word in capitals for stress, which the options must share

    @classmethod
    def of(cls, text: str) -> "NumberStyle":
        t = text.strip()
        pct = ""
        m = re.search(r"(\s*%|\s+per\s*cent|\s+percent)$", t, re.I)
        if m:
            pct = m.group(1)
            t = t[: m.start()]
        scale = ""
        m = re.search(r"\s+(million|billion|thousand)$", t, re.I)
        if m:
            scale = m.group(1).lower()
            t = t[: m.start()]
        words = not re.search(r"\d", t)
        dec = re.search(r"\.(\d+)", t)
        whole = re.match(r"\d+", t)
        return cls(words=words, capital=t[:1].isupper(), commas="," in t,
                   decimals=len(dec.group(1)) if dec else 0, scale=scale, pct=pct, half="½" in t,
                   short=bool(whole) and len(whole.group(0)) < 4 and "," not in t,
                   upper=words and len(t) > 1 and t.isupper())

    def format(self, value: float) -> str:
        scale_mult = SCALES.get(self.scale, 1)
        v = value / scale_mult
        if self.words and float(v).is_integer() and 0 <= v < 1000:
            body = number_to_words(int(v))
            if self.upper:
                body = body.upper()
            elif self.capital:
                body = body[0].upper() + body[1:]
        elif self.half and not float(v).is_integer() and abs(v * 2 - round(v * 2)) < 1e-9:
            body = f"{int(v)}½"
        elif self.decimals:
            body = f"{v:,.{self.decimals}f}" if self.commas or (self.short and v >= 1000) else f"{v:.{self.decimals}f}"
        else:
            # '516 million' has no room for a comma; '1,032 million' beside it is written as English does
            body = f"{round(v):,}" if self.commas or (self.short and round(v) >= 1000) else str(round(v))
        if self.scale:
            body += " " + self.scale
        return body + self.pct


def round_like(value: float, key: float, style: NumberStyle) -> float:
    """Round a perturbed value to the precision the key is written with."""
    scale_mult = SCALES.get(style.scale, 1)
    v = value / scale_mult
    if style.decimals:
        return round(v, style.decimals) * scale_mult
    step = _step(key, style)
    return max(step, round(v / step) * step) * scale_mult


def _step(key: float, style: NumberStyle) -> float:
    """The unit of the last place the key is written with, in the key's scale: 0.1 for '0.5', 10,000
    for '100,000', 10 for '42,230'."""
    k = key / SCALES.get(style.scale, 1)
    if style.decimals:
        return 10 ** -style.decimals
    if style.words:
        return 10 if k >= 20 and k % 10 == 0 else (5 if k % 5 == 0 and k >= 10 else 1)
    ik = int(round(k))
    trailing = len(str(ik)) - len(str(ik).rstrip("0")) if ik else 0
    step = 10 ** max(0, trailing - 1) if trailing else 1  # 100,000 -> steps of 10,000
    if step == 1 and ik >= 1000:
        step = 10  # 42,230 -> keep four significant digits
    return step


def next_to(value: float, key: float, style: NumberStyle) -> bool:
    """'0.4' and '0.6' beside '0.5': one step of the key's last place away, they make a tight cluster
    around it that points at the key in the middle."""
    scale_mult = SCALES.get(style.scale, 1)
    return abs(value - key) / scale_mult <= _step(key, style) * 1.0001


INDEXED_NAME_KINDS = {"person", "org", "place", "group", "nationality", "term", "work"}


_BARE_SCALE = re.compile(r"(?i)an?\s+(?:million|billion)")


_ESTIMATES = re.compile(r"(?i)\b(?:other|higher|lower|later|earlier|modern|some|most)\s+(?:estimates?|figures|counts|"
                        r"accounts|historians|scholars|sources)\b|\b(?:anywhere\s+)?between\s+[\d,.]+\s+and\s+[\d,.]+")


_ROYAL_BEFORE = r"\b(?:Emperor|Empress|King|Queen|Tsar|Tsarina|Czar|Pope|Sultan|Prince|Princess|Kaiser|Pharaoh)\s+"


class FactIndex:
    """All facts of the corpus, to draw distractors from and to check that a
    distractor is not also true."""

    def __init__(self, documents: list[Document], facts: dict[str, list[Fact]]):
        self.documents = {d.id: d for d in documents}
        self.facts = facts  # doc id -> facts in text order
        self._naming: dict[str, set[str]] | None = None
        self._royal: dict[str, set[str]] = {}
        # names: the first mention of each distinct name, per kind, in corpus order
        self.names_by_kind: dict[str, list[tuple[str, Fact]]] = {}
        self.names_by_doc: dict[tuple[str, str], list[Fact]] = {}
        self.by_doc_kind: dict[tuple[str, str], list[Fact]] = {}
        self.distinct_values: dict[str, list[tuple[str, Fact]]] = {}
        seen_values: set[tuple[str, float]] = set()
        # numbers: kind -> unit stem -> values stated with that unit
        self.values_by_unit: dict[str, dict[str, set[float]]] = {}
        seen_names: set[tuple[str, str, str]] = set()
        for doc_id, fs in facts.items():
            for f in fs:
                kk = self.kind_key(f)
                self.by_doc_kind.setdefault((doc_id, kk), []).append(f)
                # a bare 'a million' is a manner of speaking, not a figure to offer for another fact
                if f.value is not None and (kk, f.value) not in seen_values and not _BARE_SCALE.fullmatch(f.text):
                    seen_values.add((kk, f.value))
                    self.distinct_values.setdefault(kk, []).append((doc_id, f))
                if f.kind in INDEXED_NAME_KINDS and (doc_id, kk, f.text) not in seen_names:
                    seen_names.add((doc_id, kk, f.text))
                    self.names_by_kind.setdefault(kk, []).append((doc_id, f))
                    self.names_by_doc.setdefault((doc_id, kk), []).append(f)
                if f.value is not None and f.high is None:
                    for stem in unit_stems(f.subject or f.unit):
                        self.values_by_unit.setdefault(kk, {}).setdefault(stem, set()).add(f.value)
        self.latest_year: dict[str, int] = {}
        for d in documents:
            m = re.match(r"(\d{4})", str(d.meta.get("date") or ""))
            if m:
                self.latest_year[d.id] = int(m.group(1))
        # content word -> sentences that use it, to find sentences about the same subject
        self._postings: dict[str, list[tuple[str, int]]] = {}
        for d in documents:
            for s in d.sentences:
                for w in content_words(s.text):
                    self._postings.setdefault(w, []).append((d.id, s.index))
        self._sentence_values: dict[tuple[str, int], set[str]] = {}
        for doc_id, fs in facts.items():
            for f in fs:
                self._sentence_values.setdefault((doc_id, f.sentence), set()).add(value_key(f))

    # A word used in more sentences than this says nothing about the subject.
    COMMON_WORD_POSTINGS = 60

    @staticmethod
    def kind_key(f: Fact) -> str:
        if f.kind == "place":
            if f.text in lexicon.COUNTRIES:
                return "country"
            return "city" if f.text in lexicon.CITIES else ("region" if f.text in lexicon.REGIONS else "place")
        if f.kind == "date":
            if re.fullmatch(r"(?i)(mid|early|late)[- ]\d{4}", f.text):
                return "date-part"
            if re.search(r"\d{4}", f.text) is None:
                return "date-noyear"
            return "date-full" if re.search(r"\d{1,2},?\s+\d{4}|\d\s+[A-Z]", f.text) else "date-month"
        if f.kind == "range" and f.unit == "years":
            return "range-years"
        if f.kind == "term":
            return "term-ism" if f.text.endswith("ism") else "term-gloss"
        return f.kind

    def same_subject_values(self, doc_id: str, sentence_index: int, stem: str) -> set[str]:
        """Normalised fact values the corpus states about the stem's subject.

        A sentence is about the same subject when it shares at least three
        content words with the stem (or two, when the stem is short); words
        used all over the corpus do not count."""
        stem_words = content_words(stem)
        need = 3 if len(stem_words) >= 8 else 2
        shared: dict[tuple[str, int], int] = {}
        for w in stem_words:
            postings = self._postings.get(w, ())
            if len(postings) > self.COMMON_WORD_POSTINGS:
                continue
            for key in postings:
                shared[key] = shared.get(key, 0) + 1
        out: set[str] = set()
        for key, n in shared.items():
            if n >= need:
                out |= self._sentence_values.get(key, set())
        return out

    def estimates_beside(self, doc_id: str, sentence_index: int) -> set[str]:
        """Values the sentence before or after gives as other estimates of the same thing: 'The
        authorities counted 36,417 dead. Other estimates are much higher, and historians give figures
        anywhere between 36,000 and 120,000.' (never '120,000' as a false count)."""
        doc = self.documents.get(doc_id)
        if doc is None:
            return set()
        here = doc.sentences[sentence_index]
        out: set[str] = set()
        for k in (sentence_index - 1, sentence_index + 1):
            if 0 <= k < len(doc.sentences) and doc.sentences[k].paragraph == here.paragraph and \
                    _ESTIMATES.search(doc.sentences[k].text):
                out |= self._sentence_values.get((doc_id, k), set())
        return out

    # How far either way a sentence of the same paragraph may speak of the same thing in other words.
    NEARBY_SENTENCES = 3

    def nearby_values_on(self, doc_id: str, sentence_index: int, stem: str) -> set[str]:
        """Values the sentences close by in the same paragraph give, where they share a rare word with
        the stem: 'Natural gas … plants come in at about 490 g' and, two sentences on, 'Even at a
        conservative 400 g per kWh, replacing 18 TWh of nuclear with gas …' (never '400 g' as false)."""
        doc = self.documents.get(doc_id)
        if doc is None:
            return set()
        here = doc.sentences[sentence_index]
        rare = {w for w in content_words(stem) if len(self._postings.get(w, ())) <= self.COMMON_WORD_POSTINGS}
        out: set[str] = set()
        for k in range(sentence_index - self.NEARBY_SENTENCES, sentence_index + self.NEARBY_SENTENCES + 1):
            if k == sentence_index or not 0 <= k < len(doc.sentences) or doc.sentences[k].paragraph != here.paragraph:
                continue
            if rare & set(content_words(doc.sentences[k].text)):
                out |= self._sentence_values.get((doc_id, k), set())
        return out

    # How many values of other documents to consider: enough for variety, bounded for speed.
    OTHER_DOCUMENT_VALUES = 200

    def royal_names(self, doc_id: str) -> set[str]:
        """The names a document gives after a royal title ('Empress Maria Theresa'), read in one pass."""
        if doc_id not in self._royal:
            text = self.documents[doc_id].text if doc_id in self.documents else ""
            self._royal[doc_id] = {m.group(1) for m in re.finditer(
                _ROYAL_BEFORE + r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})", text)}
        return self._royal[doc_id]

    def documents_naming(self, text: str) -> set[str]:
        """The documents with a fact written exactly so (built once, on first use)."""
        if self._naming is None:
            self._naming = {}
            for d, facts in self.facts.items():
                for f in facts:
                    self._naming.setdefault(f.text, set()).add(d)
        return self._naming.get(text, set())

    def nearby_values(self, f: Fact, doc_id: str) -> list[tuple[str, Fact]]:
        """Facts of the same kind: all of the same document, then a bounded number of distinct
        values from the other documents (in corpus order)."""
        kk = self.kind_key(f)
        same = [(doc_id, x) for x in self.by_doc_kind.get((doc_id, kk), []) if not _BARE_SCALE.fullmatch(x.text)]
        return same + self.distinct_values.get(kk, [])[: self.OTHER_DOCUMENT_VALUES]

    def same_kind_names(self, f: Fact) -> list[tuple[str, Fact]]:
        """One entry per distinct name of the fact's kind (its first mention in each document)."""
        return self.names_by_kind.get(self.kind_key(f), [])

    def values_with_unit(self, f: Fact, stems: frozenset[str]) -> set[float]:
        by_stem = self.values_by_unit.get(self.kind_key(f), {})
        out: set[float] = set()
        for stem in stems:
            out |= by_stem.get(stem, set())
        return out


@lru_cache(maxsize=100_000)
def unit_stems(unit: str) -> frozenset[str]:
    """Crude stems of a unit's words: 'foreign workers' -> {'foreign', 'work'}; 'foreigners' -> {'foreign'}."""
    out = set()
    for w in re.findall(r"[a-z]+", unit.lower()):
        if w in STOPWORDS or len(w) < 3:
            continue
        for suffix in ("ers", "er", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
        out.add(w)
    return frozenset(out)


def value_key(f: Fact) -> str:
    if f.kind in ("person", "org", "place", "group", "nationality", "term", "work"):
        return "name:" + fold(f.text).lower()
    if f.kind == "date":
        return "date:" + f.norm
    if f.kind in ("range", "percent", "ratio") and f.high is not None:
        return f"{f.kind}:{f.value:g}-{f.high:g}"
    return f"num:{f.value:g}" if f.value is not None else "text:" + fold(f.text).lower()
