"""Questions built from several facts: multiple response (a sentence that lists
several names), matching (people with how the text describes them, terms with
their meaning) and ordering (dated events of one document in time order).
"""
from __future__ import annotations

import re

from quizapp.engine import lexicon
from quizapp.engine.accepts import name_accepts
from quizapp.engine.cuts import BLANK
from quizapp.engine.distractors import _variant
from quizapp.engine.factindex import STOPWORDS, FactIndex, stable_int
from quizapp.engine.generate import LANDMARK_YEARS, TRIVIAL_NAMES, Candidate, _date_sort_key, explain
from quizapp.engine.stemcues import STATISTIC_START
from quizapp.engine.model import Document, Fact, Sentence
from quizapp.engine.namechecks import typed_name_problem
from quizapp.engine.normalize import fold
from quizapp.engine.stems import Context, clean_sentence, stem_text, subject_resolved
from quizapp.engine.structure import GLOSS_ENTRY
from quizapp.engine.patterns import rx

_LIST_KINDS = {"nationality", "place", "person", "group"}


# ------------------------------------------------------------ pairs of names

_PAIR_KINDS = {"place", "org", "work", "person"}


def build_name_pairs(doc: Document, ctx: Context, facts: list[Fact], index: FactIndex,
                     has_list_question: bool) -> list[Candidate]:
    """'major projects like Magnitogorsk or Kuznetsk': blanking one of two names is ambiguous,
    so both are blanked and either one is accepted, typed."""
    sent = ctx.sentence
    out = []
    names = [f for f in facts if f.kind in _PAIR_KINDS]
    for a, b in zip(names, names[1:]):
        gap = sent.text[a.end - sent.start:b.start - sent.start]
        if a.kind != b.kind or not re.fullmatch(r"\s+(?:and|or)\s+", gap):
            continue
        if a.kind == "person" and has_list_question:
            continue  # the pair is already asked as 'select all that apply'
        others = [f for f in facts if f.kind == a.kind and f not in (a, b)]
        if any(abs(f.start - b.end) < 4 or abs(a.start - f.end) < 4 for f in others):
            continue  # a longer list
        if any(f.text in lexicon.FAMOUS_PEOPLE or fold(f.text).lower() in TRIVIAL_NAMES for f in (a, b)):
            continue
        s, e = a.start - sent.start, b.end - sent.start
        blanked = sent.text[:s] + BLANK + sent.text[e:]
        prompt = stem_text(doc, ctx, blanked)
        if BLANK not in prompt:
            continue
        what = {"place": "places", "org": "names", "work": "titles", "person": "people"}[a.kind]
        c = Candidate(doc=doc, qtype="short_answer", sentence=sent, cite_start=ctx.start, cite_end=ctx.end,
                      prompt=f"{prompt} (Type one of the two {what} the text gives.)", fact=a,
                      explanation=explain(stem_text(doc, ctx)), answer_span=(a.start, b.end),
                      features={"kind": a.kind, "needs_context": ctx.previous is not None, "quoted": ctx.quoted,
                                "from_report": ctx.from_report, "words": len(prompt.split()), "distractors": 0,
                                "pair": True})
        c.answer = a.text
        c.accept = sorted(set(name_accepts(a)) | set(name_accepts(b)) | {f"{a.text}{gap}{b.text}"})
        c.reject = typed_name_problem(doc, a, prompt, index) or typed_name_problem(doc, b, prompt, index)
        out.append(c)
    return out


# ------------------------------------------------------------ multiple response

def list_runs(facts: list[Fact], text: str, offset: int) -> list[list[Fact]]:
    """Runs of same-kind names joined by commas and and/or: 'Finnish, Czech, ... and Japanese'
    (3 or more), or 'George MacDowell and Frank Honey' (2 or more people or places)."""
    runs: list[list[Fact]] = []
    current: list[Fact] = []
    for f in facts:
        if f.kind not in _LIST_KINDS:
            continue
        if current and current[-1].kind == f.kind:
            gap = text[current[-1].end - offset:f.start - offset]
            if re.fullmatch(r",\s*|,?\s+(?:and|or)\s+|,\s*(?:and|or)\s+", gap):
                current.append(f)
                continue
        if _long_enough(current):
            runs.append(current)
        current = [f]
    if _long_enough(current):
        runs.append(current)
    return runs


def _long_enough(run: list[Fact]) -> bool:
    return len(run) >= 3 or (len(run) == 2 and run[0].kind == "person")


def build_multiple_response(doc: Document, ctx: Context, facts: list[Fact], index: FactIndex) -> list[Candidate]:
    sent = ctx.sentence
    out = []
    for run in list_runs(facts, sent.text, sent.start):
        kind = run[0].kind
        if kind == "place":
            continue  # lists of places: famous events make the key guessable, other places absurd
        if kind == "person" and any(f.text in lexicon.FAMOUS_PEOPLE for f in run):
            continue  # famous names beside obscure ones: the key is known without the text
        start, end = run[0].start, run[-1].end
        s, e = start - sent.start, end - sent.start
        blanked_sentence = sent.text[:s] + BLANK + sent.text[e:]
        prompt_stem = stem_text(doc, ctx, blanked_sentence)
        if BLANK not in prompt_stem:
            continue
        listed = [f.text for f in run]
        in_text = fold(stem_text(doc, ctx)).lower()
        paragraph = doc.paragraphs[sent.paragraph]
        para_text = fold(doc.text[paragraph.start:paragraph.end]).lower()
        pool = []
        for d, f in index.same_kind_names(run[0]):
            t = fold(f.text).lower()
            if kind == "person" and (d != doc.id or f.text in lexicon.FAMOUS_PEOPLE
                                     or any(_variant(f.text, x) or f.text in x or x in f.text for x in pool)):
                continue  # people from another document, famous people and two forms of one name give keys away
            if f.kind == kind and t not in in_text and t not in para_text and f.text not in pool \
                    and t not in TRIVIAL_NAMES and not any(_variant(f.text, x) for x in listed):
                pool.append(f.text)
        if kind == "nationality":
            pool += sorted(n for n in lexicon.NATIONALITIES - {"Soviet", "Western", "Jewish"}
                           if n.lower() not in para_text and n not in pool)
        seed = stable_int(doc.id, sent.index, "mr")
        pool = sorted(pool, key=lambda t: stable_int(seed, t))
        if len(pool) < 2:
            continue
        if kind == "person" and all(len(t.split()) >= 2 for t in listed):
            # full names in the text: a bare name among the options ('Victoria') stands out as wrong
            pool = [t for t in pool if len(t.split()) >= 2]
            if len(pool) < 2:
                continue
        if kind == "person" and all(len(t.split()) == 1 for t in listed):
            # surnames in the text: surnames among the options, so that no option stands out
            pool = list(dict.fromkeys(t.split()[-1] for t in pool if not re.fullmatch(r"[A-Z]\.|[IVX]+", t.split()[-1])))
            pool = [t for t in pool if t not in listed and fold(t).lower() not in in_text]
            if len(pool) < 2:
                continue
        shown = sorted(listed, key=lambda t: stable_int(seed, t))[:4]
        wrong = pool[: 6 - len(shown) if len(shown) < 4 else 2]
        prompt = f"{prompt_stem} Which of these does the text name in the blank? Select all that apply."
        options = sorted(shown + wrong, key=lambda t: fold(t).lower())
        c = Candidate(doc=doc, qtype="multiple_response", prompt=prompt, sentence=sent,
                      cite_start=ctx.start, cite_end=ctx.end, answer_span=(start, end),
                      explanation=explain(stem_text(doc, ctx)),
                      features={"kind": kind, "needs_context": ctx.previous is not None,
                                "quoted": ctx.quoted, "words": len(prompt.split()), "distractors": len(wrong)})
        c.choices = [{"text": t, "correct": t in listed,
                      **({} if t in listed else {"feedback": f"The text does not list {t} here."})}
                     for t in options]
        out.append(c)
    return out


# ------------------------------------------------------------------ matching

_PERSON_NOUN = re.compile(
    r"^(?:\w+(?:ist|er|or|ian|ant|ent)|man|woman|friend|daughter|son|wife|husband|leader|"
    r"president|secretary|commissar|head|chairman|citizen|emigrant|exile|poet|novelist)$"
)
_ROLE_STOP = re.compile(r",|;|:|\.(?:\s|$)| (?:wrote|writes|said|says|reports|makes|made|was|is|who was|and wrote|rounds)\b")


# names joined by 'and'/'or': the rest of a list of people, not what the text says of the first
_NAMES_ONLY = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*(?:\s+(?:and|or|&)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)+")


def appositive_roles(doc: Document, facts_by_sentence: dict[int, list[Fact]]) -> list[tuple[Fact, str, Sentence]]:
    """(person, role, sentence) from 'P. Lomako, People’s Commissar of ..., makes' and
    'the brilliant Austrian physicist Fritz Houtermans'."""
    found: list[tuple[Fact, str, Sentence]] = []
    seen: set[str] = set()
    for sent in doc.sentences:
        if doc.paragraphs[sent.paragraph].kind != "prose":
            continue
        for f in facts_by_sentence.get(sent.index, []):
            if f.kind != "person" or f.text in seen:
                continue
            rel = f.end - sent.start
            after = sent.text[rel:]
            role = ""
            m = re.match(r",\s+((?:the|a|an)\s+)?([^,;:]{6,90})", after)
            if m:
                candidate = m.group(2)
                stop = _ROLE_STOP.search(candidate)
                candidate = candidate[: stop.start()] if stop else candidate
                candidate = re.split(r"\s+and\s+(?:wrote|was|is)\b", candidate)[0].strip()
                words = candidate.split()
                if 2 <= len(words) <= 12 and not re.search(r"\d", candidate) and (
                    m.group(1) or words[0][0].isupper()
                ) and not re.match(r"(?:[A-Z][a-z]+\s)?(?:and|or)\b", candidate) \
                        and not (not m.group(1) and all(w[:1].isupper() for w in words) and len(words) <= 4) \
                        and not _NAMES_ONLY.fullmatch(candidate):  # 'Wren, John Evelyn and Robert Hooke': a list
                    # ('the Lord Mayor, Sir Thomas Bludworth, was woken': a name after a title is no role)
                    role = ((m.group(1) or "") + candidate).strip()
            if not role:
                before = sent.text[: f.start - sent.start]
                m2 = re.search(r"\b(?:the|a|an)\s+((?:[A-Za-z’'-]+\s){1,4})$", before)
                words = m2.group(1).split() if m2 else []
                if words and all(w[0].islower() or w in lexicon.NATIONALITIES for w in words) \
                        and not re.search(r"\b(?:of|to|in|by|with|for|and|or)\b", m2.group(1)) \
                        and _PERSON_NOUN.search(words[-1]) and words[-1] not in STOPWORDS:
                    role = "the " + m2.group(1).strip()
                m3 = re.search(r"([A-Z][a-z]+’s\s+[a-z]+),\s+$", before)
                if not role and m3:
                    role = m3.group(1)
            if role:
                seen.add(f.text)
                found.append((f, role.rstrip(" ,."), sent))
    return found


_DEED_PRONOUN = re.compile(r"\b(?:he|she|him|his|her|they|them|their|it|its|this|that|these|those|there|such|"
                           r"another|same|former|latter|also|too)\b", re.I)


def person_deeds(doc: Document, facts_by_sentence: dict[int, list[Fact]]) -> list[tuple[Fact, str, Sentence]]:
    """(person, what the text says they did, sentence) from sentences that open with a person's
    name and a verb: 'Lee Harvey Oswald moved to the USSR for political reasons.'"""
    found: list[tuple[Fact, str, Sentence]] = []
    seen: set[str] = set()
    for sent in doc.sentences:
        if doc.paragraphs[sent.paragraph].kind != "prose" or "“" in sent.text or '"' in sent.text:
            continue
        for f in facts_by_sentence.get(sent.index, []):
            if f.kind != "person" or f.start != sent.start or f.text in seen or f.text in lexicon.FAMOUS_PEOPLE:
                continue
            rest = sent.text[f.end - sent.start:].strip()
            m = re.match(r"([a-z]+(?:ed|ied)\b.*?)[.!]?$", rest)
            if not m:
                break
            deed = m.group(1).rstrip(" ,;")
            words = deed.split()
            if not 3 <= len(words) <= 16 or _DEED_PRONOUN.search(deed) or ";" in deed:
                break
            seen.add(f.text)
            found.append((f, deed, sent))
            break
    return found


_SPEECH = re.compile(
    r"^(?:,[^“”]{0,150}?,?)?\s+(?:and\s+then\s+|then\s+|cautiously\s+|also\s+)?"
    r"(?:wrote|writes|said|says|exclaims|exclaimed|acknowledged|blurted out|warns|warned|boasts|boasted|added|"
    r"declared|admitted|replied|objects|rage|rages)\b(?:\s+(?!that\b)[a-z]+){0,3}\s*[:,]?\s*“(?P<quote>[A-Z][^“”]{11,200})”")


def quotation_speakers(doc: Document, facts_by_sentence: dict[int, list[Fact]]) -> list[tuple[Fact, str, Sentence]]:
    """(speaker, the words the text quotes from them, sentence) from 'Trud, the organ of the trade
    unions, wrote at this period: “The class struggle makes itself felt at every step.”'. One
    quotation per speaker, the first; the quotation whole and short."""
    found: list[tuple[Fact, str, Sentence]] = []
    seen: set[str] = set()
    for sent in doc.sentences:
        if doc.paragraphs[sent.paragraph].kind != "prose":
            continue
        for f in facts_by_sentence.get(sent.index, []):
            if f.kind not in ("person", "work", "org") or f.text in seen:
                continue
            m = _SPEECH.match(sent.text[f.end - sent.start:])
            if not m:
                continue
            quote = m.group("quote").strip().rstrip(",")
            if not 3 <= len(quote.split()) <= 25 or "…" in quote or "..." in quote:
                continue
            seen.add(f.text)
            found.append((f, f"“{quote}”", sent))
            break
    return found


_GLOSSARY_HEAD = re.compile(r"(?i)\b(?:key terms|glossary|terms|definitions|vocabulary|key ?words|word bank)\b")


def glossary_entries(doc: Document) -> list[tuple[Fact, str, Sentence]]:
    """A glossary's entries, each an item of a list ('Caldera - a large, bowl-shaped hollow …', an HTML
    definition list's 'Gutta-percha – A natural latex …'): the term, its meaning up to its first
    semicolon, and the sentence."""
    out = []
    for sent in doc.sentences:
        if doc.paragraphs[sent.paragraph].kind != "list":
            continue
        m = GLOSS_ENTRY.fullmatch(sent.text)
        if not m:
            continue
        if not (_GLOSSARY_HEAD.search(doc.section_title(sent.section)) or re.match(r"(?:[a-z]|(?:A|An|The)\s)", m.group(2))):
            continue  # a facts box ('Built by – Soldiers of three legions', 'Length – 73 Roman miles'), not meanings
        meaning = m.group(2).split(";")[0].strip().rstrip(".")
        term = Fact(kind="term", text=m.group(1), start=sent.start + m.start(1), end=sent.start + m.end(1),
                    sentence=sent.index, norm=m.group(1).lower(), unit=meaning)
        out.append((term, meaning, sent))
    return out


def glossed_terms(doc: Document, facts_by_sentence: dict[int, list[Fact]]) -> list[tuple[Fact, str, Sentence]]:
    out = glossary_entries(doc)
    seen: set[str] = {f.text.lower() for f, _, _ in out}
    for sent in doc.sentences:
        for f in facts_by_sentence.get(sent.index, []):
            if f.kind == "term" and f.unit and f.text.lower() not in seen:
                seen.add(f.text.lower())
                out.append((f, f.unit, sent))
    return out


MATCHING_WINDOW_PARAGRAPHS = 4


def _nearby_groups(doc: Document, items: list) -> list[list]:
    """Items whose sentences lie within a few paragraphs of each other, at most five a group,
    so that a matching question cites one passage, not half the document."""
    groups: list[list] = []
    for item in items:
        para = item[2].paragraph
        if groups and len(groups[-1]) < 5 and para - groups[-1][0][2].paragraph <= MATCHING_WINDOW_PARAGRAPHS:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def build_matching(doc: Document, facts_by_sentence: dict[int, list[Fact]], attribution: str) -> list[Candidate]:
    out = []
    who = attribution.removeprefix("According to ").rstrip(", ") if attribution else "the text"
    groups = [
        ("person", appositive_roles(doc, facts_by_sentence), f"Match each person with how {who} describes them."),
        ("term", glossed_terms(doc, facts_by_sentence), f"Match each term with its meaning as {who} explains it."),
        ("deed", person_deeds(doc, facts_by_sentence), f"Match each person with what {who} says they did."),
        ("speaker", quotation_speakers(doc, facts_by_sentence),
         f"Match each speaker or newspaper with the words {who} quotes from them."),
    ]
    for kind, items, prompt in groups:
        items = [it for it in items if fold(it[1]).lower() not in fold(it[0].text).lower()]
        if len(items) < 3:
            continue
        # terms the text explains are few and worth knowing together; people are matched only nearby
        if kind in ("term", "deed", "speaker"):
            chunks = [items[i:i + 5] for i in range(0, len(items), 5)]
        else:
            chunks = _nearby_groups(doc, items)
            # people too far apart for a nearby group are matched together, across the document
            apart = [it for ch in chunks if len(ch) < 3 for it in ch]
            chunks = [ch for ch in chunks if len(ch) >= 3] + [apart[i:i + 5] for i in range(0, len(apart), 5)]
        for chunk in chunks:
            if len(chunk) < 3:
                continue
            first = chunk[0][2]
            roles = [r for _, r, _ in chunk]
            if len({fold(r).lower() for r in roles}) < len(roles):
                continue
            c = Candidate(doc=doc, qtype="matching", prompt=prompt, sentence=first,
                          cite_start=min(s.start for _, _, s in chunk), cite_end=max(s.end for _, _, s in chunk),
                          explanation="; ".join(f"{f.text}: {r}" for f, r, _ in chunk) + ".",
                          features={"kind": kind, "needs_context": False, "quoted": False,
                                    "words": len(prompt.split()), "distractors": len(chunk) - 1,
                                    "sentences": sorted({s.index for _, _, s in chunk})})
            c.pairs = [[f.text, r] for f, r, _ in chunk]
            c.answer_span = (chunk[0][0].start, chunk[0][0].end)
            out.append(c)
    return out


# ------------------------------------------------------------------ ordering

# Events whose place in time follows from the words alone (blind review of round 21: a life's
# birth, marriage, death and reburial, and a 'second Nobel Prize', were put in order by logic).
_LIFE_FRAME = re.compile(r"(?i)\b(?:was born|were born|born in|died|death of|married|(?:was|were|is) (?:re)?buried|"
                         r"reburied|(?:her|his|their|’s|'s)\s+remains|remains\s+(?:were|was)|retired|funeral)\b")
_ORDINAL_EVENT = re.compile(r"(?i)\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|"
                            r"another|next)\s+(?:[a-z]+\s+)?([A-Za-z]{4,})")


def dated_events(doc: Document, contexts: dict[int, Context], facts_by_sentence: dict[int, list[Fact]]):
    """(sort key, event text, date text, sentence) for sentences that state when one thing happened."""
    events = []
    for idx, ctx in contexts.items():
        if ctx.problem or ctx.previous is not None or ctx.quoted:
            continue
        sent = ctx.sentence
        dates = [f for f in facts_by_sentence.get(idx, [])
                 if f.kind in ("date", "year", "range", "decade")]
        full_dates = [f for f in dates if f.kind in ("date", "year") and re.search(r"\d{4}", f.text)]
        if not full_dates:
            continue
        text = subject_resolved(clean_sentence(sent.text), ctx.subject)
        if ctx.it_name:
            continue  # 'It was declared …': its subject is named sentences before, and an event cites its own
        f = full_dates[0]
        rel = text.find(f.text)
        if rel < 0:
            continue
        # remove the date phrase: "In 1930, …", "By the end of 1921, …", "… in 1927[, the year when …]"
        before, after = text[:rel], text[rel + len(f.text):]
        lead = re.fullmatch(r"(?:In|On|At the end of|By the end of|In the year|During)\s+(?:the\s+)?", before)
        if lead:
            before = ""
            after = re.sub(r"^,?\s*", "", after)
        else:
            if len(dates) != 1:
                continue
            m = re.search(r"\s(?:in|on|during)\s+$", before)
            if not m or re.search(r"\b(?:of|the)\s+$", before):
                continue
            if re.search(r",\s+(?:which|who|whose|where)\b[^,]*$", before) and after.startswith(","):
                continue  # 'Mount Fuji, which last erupted in 1707, is a stratovolcano': the date is a clause's
            before = before[: m.start()]
            if re.fullmatch(r"[A-Z][\w-]*", before.strip()) or re.search(r",\s+[a-z]+ing\b[^,]*$", before) \
                    or re.search(r"[,;][\"”’]?\s+(?:[a-z]+ed|written|built|made|begun|drawn|known|sung|taken|given|won|"
                                 r"held|founded|published|first\s+[a-z]+ed)\s+by\b[^,]*$", before):
                # 'Completed in 1869, it cut …', '… from Sacramento, breaking ground on January 8, 1863',
                # '… "Fifteen Years on the Erie Canal," written by Thomas S. Allen in 1905': the date belongs
                # to a participle's phrase, which is left a fragment without it
                continue
            if after.startswith(",") and re.search(r",\s+(?:[a-z]+ed|found|built|made|begun|drawn|known|taken|given|won|"
                                                   r"held|written|dug|seen|sent|lost|bought|sold|shown|laid)\s*$", before):
                continue  # '… bronze water birds and, found in 1980, two half-size bronze chariots': an inserted phrase's date
            if re.search(r"(?:^|\s)(?:[Aa]fter|[Bb]efore|[Ww]hen|[Uu]ntil|[Ss]ince|[Oo]nce)\s[^,;]*$", before):
                continue  # 'traffic declined after the St. Lawrence Seaway opened in 1959': the date is the clause's
            if re.match(r",\s+(?:the (?:year|month|day)|when)\b", after):
                after = ""  # "… in 1927, the year when …": the rest is about the date
            elif after.startswith(",") and not re.match(r",\s+(?:[a-z]+ing|the|an?)\b", after):
                after = after[1:]  # (', killing 57 people' and ', the youngest of five' keep their comma)
        event = (before.rstrip() + " " + after.lstrip()).strip()
        event = re.sub(r"\s+([,.;])", r"\1", event).rstrip(". ,")
        if re.search(r"(?i)\b(?:afterwards|soon after|shortly after|thereafter|subsequently|later|then|meanwhile)\b"
                     r"|\b(?:the|that|this) (?:same )?(?:day|week|month|year)\b", event):
            continue  # 'Anthony Eden resigned soon afterwards': after what? the event says it only beside another
        if re.search(r"\b(?:understood|knew|believed|feared|thought|wrote|said|pointed out|saw)\b", event):
            continue  # a state of mind is not a datable event
        if any(int(y) in LANDMARK_YEARS and re.search(LANDMARK_YEARS[int(y)], sent.text)
               for y in re.findall(r"\d{4}", f.text)):
            continue  # a landmark of world history: known without the text
        if re.search(r"(?i)\b(?:were employed|was employed|there were|there was|remained|lived|had been)\b", event):
            continue  # a state of affairs may hold in other years too
        if re.match(r"[^,;]*?\b(?:is|are)\b", event):
            continue  # 'Photo 51 is an X-ray diffraction photograph …': a description, not an event (set 26)
        if ";" in event:
            continue  # 'Florey was …; Chain was a biochemist who had left Germany': two statements, not one event
        if _LIFE_FRAME.search(event):
            continue  # birth comes first, death last: ordered without the text
        if STATISTIC_START.match(event):
            continue  # 'About 516 million tons of cargo passed through the canal': a year's figure, not an event
        # 'On 18 November 1910, a day remembered as "Black Friday", some 300 women marched': the date's apposition
        event = re.sub(r"^(?:a|the)\s+(?:day|date|night|morning|evening|week|weekend)\b[^,]{0,60},\s*", "", event)
        if re.search(r"\d{4}|\b(?:this|that|these|those|then|the same|him|them)\b|\b(?:January|February|March|April|"
                     r"May|June|July|August|September|October|November|December)\s+\d|\b\d{1,2}\s+(?:January|"
                     r"February|March|April|May|June|July|August|September|October|November|December)\b", event) \
                or not (5 <= len(event.split()) <= 24):
            continue  # ('Fust sued him': who is he, among the other events?; '… on 27 July': a date of its own)
        event = re.sub(r"\s+(?:also|too)\b(?=[\s,.])", "", event)  # 'Venice also built …': also beside what?
        if event[0].islower():
            event = event[0].upper() + event[1:]
        events.append((_date_sort_key(f.text), event, f.text, sent, f))
    return [e for e in events if not _ordinal_echo(e[1], [o[1] for o in events if o is not e])]


def _ordinal_echo(event: str, others: list[str]) -> bool:
    """'a second Nobel Prize' beside 'shared the Nobel Prize', 'The fourth global event' beside 'The first
    global bleaching event': the ordinal puts the events in order by itself."""
    for m in _ORDINAL_EVENT.finditer(event):
        noun = m.group(1)
        if any(rx(rf"(?i)\b{re.escape(noun)}\b").search(o) for o in others):
            return True
    return False


def events_one_per_year(doc: Document, contexts: dict[int, Context],
                        facts_by_sentence: dict[int, list[Fact]]) -> list[tuple]:
    """The dated events of a document, the first one mentioned for each year, in time order."""
    by_year: dict[int, tuple] = {}
    for ev in sorted(dated_events(doc, contexts, facts_by_sentence), key=lambda e: e[3].start):
        by_year.setdefault(ev[0][0], ev)
    return sorted(by_year.values(), key=lambda e: e[0])


# Words by which an event presents itself as coming after others: 'an expansion', 'a second …'.
_SEQUEL = re.compile(r"(?i)\b(?:expansion|expanded|enlarged|widened|rebuilt|reopened|resumed|restored|renewed|again|"
                     r"second|third|fourth|another|finally|eventually|later|successor|succeeded|replaced|returned|new)\b")


def without_logical_order(events: list[tuple], doc: Document | None = None) -> list[tuple]:
    """The events (in time order) less those that logic alone puts after another: one that says it
    comes after ('An expansion … opened'), or one that takes up a name an earlier event brought in
    ('The United States bought the French equipment' after 'The French began work'). Ordering or
    matching them would test reasoning, not the text (blind reviews 23 and 25)."""
    kept: list[tuple] = []
    # the document's own subject (its title's names, a biography's person) runs through every event
    common = set(re.findall(r"\b[A-Z][a-z]{2,}\b", (doc.title if doc else "") + " " +
                            (doc.subject[0] if doc and doc.subject else "")))
    for ev in events:
        text = ev[1]
        names = {w for w in re.findall(r"(?<!^)\b[A-Z][a-z]{2,}\b", text)} - common
        if _SEQUEL.search(text) or any(names & set(re.findall(r"\b[A-Z][a-z]{2,}\b", k[1])) for k in kept):
            continue
        kept.append(ev)
    return kept


def build_ordering(doc: Document, contexts: dict[int, Context], facts_by_sentence: dict[int, list[Fact]],
                   attribution: str) -> list[Candidate]:
    chosen = without_logical_order(events_one_per_year(doc, contexts, facts_by_sentence), doc)
    out = []
    who = attribution.removeprefix("According to ").rstrip(", ") if attribution else "the text"
    size = 4
    step = 2 if len(chosen) >= 6 else size
    for i in range(0, max(1, len(chosen) - 2), step):
        group = chosen[i:i + size]
        if len(group) < 3:
            break
        group_by_doc = sorted(group, key=lambda e: e[3].start)
        c = Candidate(doc=doc, qtype="ordering",
                      prompt=(f"According to {who}, in what order did these events happen? Put the earliest first."
                              if attribution else "In what order did these events happen? Put the earliest first."),
                      sentence=group_by_doc[0][3],
                      cite_start=min(e[3].start for e in group), cite_end=max(e[3].end for e in group),
                      explanation="In time order: " + "; ".join(f"{e[2]}: {e[1]}" for e in group) + ".",
                      features={"kind": "events", "needs_context": False, "quoted": False,
                                "words": sum(len(e[1].split()) for e in group), "distractors": len(group) - 1,
                                "sentences": sorted({e[3].index for e in group})})
        c.sequence = [e[1] for e in group]
        c.answer_span = (group_by_doc[0][4].start, group_by_doc[0][4].end)
        out.append(c)
    return out


# ------------------------------------------------- select the true statements

STATEMENT_MAX_WORDS = 45
STATEMENT_WINDOW_PARAGRAPHS = 12


def build_statement_selection(doc: Document, candidates: list[Candidate], attribution: str) -> list[Candidate]:
    """'Which of these statements are true?': 3–4 true/false statements from nearby sentences,
    some true and some with one value swapped, as a multiple-response question."""
    if doc.kind == "discussion":
        return []  # statements from several answers cannot share one "according to one answer"
    # one-sentence statements only: with context sentences, a true statement and a shorter false
    # one could overlap, and the longer would give itself away
    pool = [c for c in candidates if c.qtype == "true_false" and not c.reject and not c.reasons
            and not c.features.get("needs_context")
            and c.features.get("kind") in ("quantity", "percent", "year", "date", "range", "person")]
    statements = []
    sectioned = len(doc.sections) > 1
    for c in sorted(pool, key=lambda c: (c.sentence.index, c.prompt)):
        text = c.prompt.removeprefix(attribution) if attribution else c.prompt
        text = text[0].upper() + text[1:]
        if sectioned and not text.startswith("In the section “"):
            continue  # a statement whose section was left out (its title gives the year away) stands out among the others
        if len(text.split()) <= STATEMENT_MAX_WORDS and not any(s[0].sentence.index == c.sentence.index for s in statements):
            statements.append((c, text, c.choices[0]["correct"]))
    out = []
    who = attribution.removeprefix("According to ").rstrip(", ") if attribution else "the text"
    i = 0
    while i < len(statements):
        group = [statements[i]]
        j = i + 1
        while j < len(statements) and len(group) < 4 and \
                statements[j][0].sentence.paragraph - group[0][0].sentence.paragraph <= STATEMENT_WINDOW_PARAGRAPHS:
            if not any(_shares_swapped_value(statements[j], g) or _shares_swapped_value(g, statements[j]) for g in group):
                group.append(statements[j])
            j += 1
        truths = [t for _, _, t in group]
        if len(group) >= 3 and any(truths) and not all(truths):
            first = group[0][0]
            c = Candidate(doc=doc, qtype="multiple_response",
                          prompt=f"Which of these statements are true according to {who}? Select all that apply.",
                          sentence=first.sentence,
                          cite_start=min(g[0].cite_start for g in group), cite_end=max(g[0].cite_end for g in group),
                          explanation=" ".join(g[0].explanation for g in group),
                          features={"kind": "statements", "needs_context": False, "quoted": False,
                                    "words": sum(len(t.split()) for _, t, _ in group), "distractors": len(group),
                                    "sentences": sorted({g[0].sentence.index for g in group})})
            c.choices = [{"text": text, "correct": truth,
                          **({} if truth else {"feedback": g.choices[0]["feedback"]})}
                         for g, text, truth in group]
            out.append(c)
            i = j
        else:
            i += 1
    return out


_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def _shares_swapped_value(a: tuple, b: tuple) -> bool:
    """The false statement ``a`` swapped in a figure that statement ``b`` states ('… heard 4,170
    kilometres away' beside 'Mauna Loa … rises about 4,170 metres'): one option points at the other."""
    cand, text, truth = a
    if truth:
        return False
    swapped = set(_FIGURE.findall(_SECTION_LEAD.sub("", text))) - set(_FIGURE.findall(cand.sentence.text))
    return bool(swapped & set(_FIGURE.findall(_SECTION_LEAD.sub("", b[1]))))


_SECTION_LEAD = re.compile(r"^In the section “(?:[^“”]|“[^”]*”)*”, ")


# --------------------------------------------------- what happened in year X

_DAY_DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?,|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?\s+\d{4}")


def when_phrase(date: str) -> str:
    """'on June 26, 1940' and 'on 4 June 2022' (a day), 'in August 1939' and 'in 1929'."""
    return f"on {date}" if _DAY_DATE.search(date) else f"in {date}"


def build_event_year_questions(doc: Document, contexts: dict[int, Context], facts_by_sentence: dict[int, list[Fact]],
                               attribution: str) -> list[Candidate]:
    """'What happened in 1929?': one dated event of the document against three events of other years."""
    chosen = sorted(events_one_per_year(doc, contexts, facts_by_sentence), key=lambda e: e[3].start)
    if len(chosen) < 4:
        return []
    who = attribution.removeprefix("According to ").rstrip(", ") if attribution else "the text"
    out = []
    for ev in chosen:
        # the events nearest in time, of a length like the key's: 'traffic declined after the St. Lawrence
        # Seaway opened' (1959) beside an event of 1825, or a long sentence beside a short one, stands out
        words = len(ev[1].split())
        others = sorted((e for e in chosen if e is not ev),
                        key=lambda e: (not 0.5 <= len(e[1].split()) / words <= 2.0, abs(e[0][0] - ev[0][0]),
                                       stable_int(doc.id, ev[2], e[1])))[:3]
        date = ev[2]
        when = when_phrase(date)
        prompt = f"According to {who}, what happened {when}?" if attribution else f"What happened {when}?"
        options = sorted([ev] + others, key=lambda e: fold(e[1]).lower())
        c = Candidate(doc=doc, qtype="multiple_choice", prompt=prompt, sentence=ev[3],
                      cite_start=ev[3].start, cite_end=ev[3].end, answer_span=(ev[4].start, ev[4].end),
                      explanation=f"The text says: “{clean_sentence(ev[3].text)}”",
                      features={"kind": "event", "needs_context": False, "quoted": False,
                                "words": len(prompt.split()), "distractors": 3})
        c.choices = [{"text": e[1], "correct": e is ev,
                      **({} if e is ev else {"feedback": f"That happened {when_phrase(e[2])}, not {date}."})}
                     for e in options]
        out.append(c)
    return out


def build_date_matching(doc: Document, contexts: dict[int, Context], facts_by_sentence: dict[int, list[Fact]],
                        attribution: str) -> list[Candidate]:
    """'Match each date with what happened then': 3–4 dated events of one document."""
    chosen = without_logical_order(events_one_per_year(doc, contexts, facts_by_sentence), doc)
    if len(chosen) < 3:
        return []
    group = chosen[-4:] if len(chosen) > 4 else chosen
    who = attribution.removeprefix("According to ").rstrip(", ") if attribution else "the text"
    c = Candidate(doc=doc, qtype="matching", prompt=f"Match each date with what happened then, according to {who}.",
                  sentence=min(group, key=lambda e: e[3].start)[3],
                  cite_start=min(e[3].start for e in group), cite_end=max(e[3].end for e in group),
                  explanation="; ".join(f"{e[2]}: {e[1]}" for e in group) + ".",
                  features={"kind": "events", "needs_context": False, "quoted": False,
                            "words": sum(len(e[1].split()) for e in group), "distractors": len(group) - 1,
                            "sentences": sorted({e[3].index for e in group})})
    c.pairs = [[e[2], e[1]] for e in group]
    first = min(group, key=lambda e: e[3].start)
    c.answer_span = (first[4].start, first[4].end)
    return [c]
