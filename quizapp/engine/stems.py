"""Turning a source sentence into a question stem: context, attribution, blanks.

A stem must stand on its own: a sentence that opens with "He", "Those" or
"This" gets the sentence before it, or is not used. Claims from documents of
kind ``argument`` or ``discussion`` are attributed in the stem.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from quizapp.engine import lexicon
from quizapp.engine.anaphora import (DEMONSTRATIVE, FIRST_PERSON, FRONTED_IT, KIND_AT_HEAD, MONTH_WITHOUT_YEAR, TO_THE_READER,
                                     dangling_pronoun, fronted_it,
                                     needs_previous,
                                     quote_whole, strip_quotes_inner)
from quizapp.engine.casing import with_attribution
from quizapp.engine.cleaning import ELLIPSIS_THEN_SENTENCE, clean_sentence
from quizapp.engine.transcript import is_reply
from quizapp.engine.model import Document, Sentence
from quizapp.engine.structure import POINTER, furniture_line
from quizapp.engine.patterns import rx


_DISCOURSE_START = re.compile(
    r"^(?:But|And|Yet|So|Thus,?|Hence,?|However,|Nevertheless,?|Nonetheless,?|Similarly,|Subsequently,|"
    r"Therefore,?|Indeed,|In fact,|Of course,|Moreover,|Furthermore,|Still,|Meanwhile,?|In addition,|Likewise,|Also,|"
    r"First(?:ly)?,|Second(?:ly)?,|Third(?:ly)?,|Finally,|Lastly,|Then,?(?!\s+(?:there|comes?|came)\b))\s+(?=[A-Za-z“\d])"
)
# A context sentence set against the one before it ('Even so, smallpox persisted …') is shown without
# its opening: what the stem needs of it is what it states.
_SET_AGAINST_START = re.compile(r"^(?:By contrast|In contrast|Even so|Instead|Conversely|On the other hand|"
                                r"As a result|Consequently|In response|In turn),\s+(?=[A-Za-z“\d])")
# '… persisted for another century': more time after a point the text gave before; in a context sentence
# it leaves nothing the question needs unresolved
_MORE_TIME = re.compile(r"\banother\s+(?=(?:[a-z]+\s+|\d+\s+)?(?:century|centuries|decades?|years?|months?|weeks?|"
                        r"days?|generations?)\b)")


@dataclass
class Context:
    """The text a question is built from."""

    sentence: Sentence
    quoted: bool  # the sentence is inside a quotation in the document
    attribution: str  # "" or "According to John G. Wright (1941), "
    problem: str = ""  # why the sentence cannot be used on its own
    chain: list[Sentence] = field(default_factory=list)  # the sentences before it that the stem includes
    first_is_name: bool = False  # the sentence opens with a name: keep its capital after "According to"
    chain_first_is_name: bool = False  # so does the first sentence of the chain, when there is one
    keep_quotes: bool = False  # a quotation shown with the sentence that introduces it
    quote_gap: bool = False  # the quoted sentences shown do not start the quotation: mark the gap with “…
    from_report: bool = False  # a sentence from inside a quoted report, attributed to its source
    lead_cut: int = 0  # characters of the sentence's opening left out of the stem ('It means that …')
    case_of: bool = False  # 'A more intense case is that of X, an engineer …' shown as 'X was an engineer …'
    lead_name: str = ""  # the name shown for the 'He'/'She' that opens the stem (its sentence is left out)
    it_name: str = ""  # the name shown for the 'It' that opens the sentence asked (the sentences before are left out)
    cite_from: int | None = None  # the citation starts here when a sentence before the stem names its subject
    gap_before_last: bool = False  # a sentence between the context and the sentence asked is left out ('…')
    there_place: str = ""  # the country a bare 'there' of the sentence means, named in a sentence before
    subject: tuple[str, str] | None = None  # (name, 'she'|'he'): the person a biography's pronoun means
    report_year: str = ""  # the year of a dated quoted report, shown after its 'the current year'
    full_name: tuple[str, str] | None = None  # ('Grace', 'Grace Darling'): a given name the stem shows in full
    follow: list[Sentence] = field(default_factory=list)  # sentences after it that go on about its person

    @property
    def previous(self) -> Sentence | None:
        """The first sentence the stem includes before this one, if any."""
        return self.chain[0] if self.chain else None

    @property
    def start(self) -> int:
        if self.cite_from is not None:
            return self.cite_from
        return self.chain[0].start if self.chain else self.sentence.start

    @property
    def end(self) -> int:
        return self.follow[-1].end if self.follow else self.sentence.end


def attribution_for(doc: Document, quoted: bool, sentence: Sentence | None = None) -> str:
    kind = doc.kind
    who = doc.meta.get("attribution") or doc.meta.get("author") or ""
    if kind == "argument" and who:
        return f"According to a source quoted by {who}, " if quoted else f"According to {who}, "
    speaker = doc.paragraphs[sentence.paragraph].speaker if sentence is not None else ""
    # a transcript's title names what the talk is about ('Forty Years On at Mount St. Helens'), which the
    # speaker's words take for granted ('the summit', 'the eruption')
    where = f" in “{doc.title}”" if doc.meta.get("transcript") and doc.title else ""
    if speaker:  # a speaker's answer in a transcript: 'According to Adaeze Okafor (2024) in “…”, …'
        return f"According to a source quoted by {speaker}{where}, " if quoted else f"According to {speaker}{where}, "
    if kind == "discussion" and sentence is not None and sentence.start < doc.meta.get("turns_start", -1):
        # a transcript's header ('Marta Kowalczyk has kept bees …' over the first question): the publication's words
        return f"According to “{doc.title}”, " if doc.title else ""
    if kind == "discussion" and doc.meta.get("transcript") and who and sentence is None and \
            len({p.speaker for p in doc.paragraphs if p.speaker}) > 1 and doc.title:
        # a question on several sentences of a debate or a panel: its speakers are several, and naming the main
        # one credited another's words to her (first-sight review of new-documents-25, C1)
        return f"According to “{doc.title}”, "
    if kind == "discussion" and doc.meta.get("transcript") and who:
        return f"According to {who}{where}, "  # a transcript's questions of several sentences: its main speaker
    if kind == "discussion":
        # the thread's question tells the student what the answer speaks of ('two main types' of what)
        on = f" on “{doc.title}”" if doc.title and len(doc.title.split()) <= 16 else ""
        answers = doc.meta.get("answers_start")
        if sentence is not None and answers is not None and sentence.start < answers and who.startswith("one answer in "):
            who = "the question in " + who[len("one answer in "):]  # the asker's words, before any answer
        elif sentence is not None and answers is not None and sentence.start < answers and who.startswith("one post in "):
            who = "the opening post in " + who[len("one post in "):]  # a board's first post, before any reply
        return f"According to {who or 'one contributor to the discussion'}{on}, "
    # A reference text states facts plainly; its title tells the student what the stem is about.
    return f"According to “{doc.title}”, " if doc.title else ""


def with_section(doc: Document, sentence: Sentence, attribution: str) -> str:
    """'According to X, ' -> 'According to X, in the section “The December 1938 laws”, ': the
    section a sentence stands in often names the law, period or place it speaks of."""
    title = doc.section_title(sentence.section)
    if not attribution.endswith(", ") or not title or title == doc.title or len(title.split()) > 12 \
            or doc.title.startswith(title + ":"):  # the document's own heading under a longer title
        return attribution
    if doc.kind == "discussion" and doc.meta.get("answers_start") is not None:
        return attribution  # a thread's answers run on under one answer's heads: no section to name
    if re.fullmatch(r"(?i)see also|references|notes|external links|further reading|introduction|overview|summary", title):
        return attribution
    return f"{attribution[:-2]}, in the section “{title}”, "


def in_quotation(doc: Document, sentence: Sentence) -> bool:
    para = doc.paragraphs[sentence.paragraph]
    before = doc.text[para.start:sentence.start]
    opened = before.count("“") - before.count("”")
    stripped = sentence.text.lstrip()
    return opened > 0 or stripped.startswith("“") or stripped.startswith('"')


# A sentence opened by a participle phrase, up to the comma before its subject: the subject of the
# main clause is the participle's subject too, so a name inside the phrase is not its antecedent.
_FRONTED_PARTICIPLE = re.compile(r"^(?:[A-Z][a-z]+ing|Having)\b[^.;:]*?,\s+(?=(?:she|he)\b)")


_NAME_RUN = re.compile(r"[A-Z][\w’'-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]+)*")
# The last word of a capitalised name that is no person: 'the First World War', 'the Nobel Prize'.
_NOT_PERSON_HEADS = frozenset({"War", "Revolution", "Prize", "Prizes", "Medal", "Award", "Treaty", "Treaties", "Act",
                               "Plan", "Church", "Cathedral", "Hospital", "School", "College", "Museum", "Street",
                               "Palace", "Day", "Games", "Olympics", "Exhibition", "Expedition", "Conference"})


def _another_person_before(before: str, name: str) -> bool:
    """A capitalised name before the pronoun that may be someone else: not the subject's own words,
    not a sentence's first word, a month, a place, a people or a named war, prize or body."""
    for m in _NAME_RUN.finditer(before):
        words = m.group(0).split()
        if m.start() == 0 or re.search(r"[.!?]\s+$", before[: m.start()]):
            words = words[1:]  # the sentence's first word is capitalised anyway
        if not words or all(w in name.split() or w in lexicon.NOT_NAMES or w in lexicon.MONTH_NAMES for w in words):
            continue
        run = " ".join(words)
        if words[-1] in _NOT_PERSON_HEADS or any(w in lexicon.ORG_WORDS for w in words) or words[-1] in lexicon.PLACE_HEADS \
                or run in lexicon.COUNTRIES or run in lexicon.PLACES or run in lexicon.NATIONALITIES:
            continue
        return True
    return False


def subject_resolved(text: str, subject: tuple[str, str] | None) -> str:
    """``text`` with its first pronoun for the subject of a biography replaced by the name: 'She
    died on 4 July 1934' -> 'Marie Curie died …', 'Her father, …' -> 'Marie Curie’s father, …'. The
    text is left as it is when another name comes before that pronoun (it might mean that person)."""
    if not subject:
        return text
    name, pronoun = subject
    possessive = "her" if pronoun == "she" else "his"
    m = rx(rf"\b(?:{pronoun}|{pronoun.capitalize()}|{possessive}|{possessive.capitalize()})\b").search(text)
    if m is None:
        return text
    before = text[: m.start()]
    fronted = _FRONTED_PARTICIPLE.match(text)
    if fronted and fronted.end() == m.start() and m.group(0) == pronoun:
        pass  # 'Building on the work of Henri Becquerel, …, she measured': the names are the participle's objects
    elif _another_person_before(before, name):
        return text
    word = m.group(0).lower()
    if word == possessive and re.match(r"\s+(?:[a-z]+\s+)?(?:husband|wife|father|mother|brother|sister|son|daughter|"
                                       r"children|family|parents|remains|death|work|research|life)\b", text[m.end():]):
        return text[: m.start()] + name + "’s" + text[m.end():]
    if word == possessive:
        return text
    return text[: m.start()] + name + text[m.end():]


# 'The next AIMS report is due in August 2025.': when the source's next report, issue or episode comes
# out is the page's housekeeping, not what it reports (second blind review of new-documents-21)
_NEXT_ISSUE = re.compile(r"(?i)\b(?:the|our|its|their)\s+next\s+(?:[\w’'-]+\s+){0,3}?(?:report|issue|edition|update|"
                         r"bulletin|newsletter|episode|instalment|installment|survey results|figures)\s+"
                         r"(?:is|are|will be|should be)\s+(?:due|expected|scheduled|planned|published|released|out)\b")
NEXT_ISSUE_PROBLEM = "when the next report or issue comes out: the page's housekeeping, not a fact it reports"


def _full_name_of_given(text: str, person_names: set[str]) -> tuple[str, str] | None:
    """('Grace', 'Grace Darling') when the sentence opens with a given name alone ('Quick summary: Grace was
    born …') and the text names exactly one person with it in full (first-sight review of new-documents-22)."""
    m = re.match(r"(?:[*_]*[A-Z][a-z]+(?:\s+[a-z]+){0,2}:\s+)?([A-Z][a-z]{2,})\s+(?:[a-z]+ed|was|is|had|has|did|became)\b",
                 text)
    if not m:
        return None
    given = m.group(1)
    full = {n for n in person_names if len(n.split()) >= 2 and n.split()[0] == given}
    surnames = {n.split()[-1] for n in person_names if len(n.split()) >= 2}
    if len(full) != 1 or given in surnames:
        return None
    return (given, full.pop())


def _names_anyone(text: str) -> bool:
    """A capitalised word after the first ('… Edward Jenner …'), or a he/she of its own: someone 'he' could be."""
    words = re.sub(r"[*_]", "", text).split()
    return any(w[:1].isupper() and w[1:2].islower() for w in words[1:]) or \
        re.search(r"\b(?:he|she|his|her|him)\b", text, re.I) is not None


# A sentence whose subject is 'he' or 'she', after at most a date ('On 14 May 1796 he tested the idea.')
_PRONOUN_SUBJECT = re.compile(r"^(?:(?:On|In|By|At|During|After|Before|Around|About)\s+[^,;]{1,40}?,?\s+)?(?:he|she|He|She)\s+[a-z]")


def build_context(doc: Document, sentence: Sentence, person_names: set[str],
                  first_is_name: bool = False) -> Context:
    quoted = in_quotation(doc, sentence)
    ctx = Context(sentence, quoted, with_section(doc, sentence, attribution_for(doc, quoted, sentence)))
    text = sentence.text
    ctx.full_name = _full_name_of_given(text, person_names)
    words = len(text.split())
    kind = doc.paragraphs[sentence.paragraph].kind
    continues = sentence.index > 0 and doc.sentences[sentence.index - 1].paragraph == sentence.paragraph and \
        "\n" not in doc.text[doc.sentences[sentence.index - 1].end:sentence.start]
    if kind != "prose" and not (kind == "list" and not continues and list_item_stands_alone(text, person_names)):
        # a list item is asked only where it is a whole sentence that stands alone ('Plants use … wavelengths
        # from 400 to 700 nm.' in lecture notes); an item that leans on the line over the list is not
        ctx.problem = "not prose (heading, list, table, footnote or page furniture)"
    elif text.rstrip("”\"’ ").endswith("?"):
        ctx.problem = "the sentence is a question"
    elif words < 3:
        ctx.problem = "sentence too short to stand alone"
    elif words > 90:
        ctx.problem = "sentence too long for a fair stem"
    elif re.match(r"^[\s“\"]*(?:\.\.\.|…)", text) and not ELLIPSIS_THEN_SENTENCE.match(text):
        ctx.problem = "fragment of a quotation (starts with an ellipsis)"
    elif re.match(r"^[\s“\"(]*[a-z]", text):
        ctx.problem = "fragment (starts in lower case)"
    elif text.startswith("@"):
        ctx.problem = "a reply to a member of the board ('@Lime_Rock_Lucy — fair point'): conversation, not a fact"
    elif len(text.split()) <= 25 and POINTER.match(text):
        ctx.problem = "a pointer to elsewhere ('Visitor information is available from …'), not a fact of the text"
    elif re.match(r"^\s*[—―–-]\s*[A-Z]", text):
        ctx.problem = "the signature under a quotation ('— Professor Terry Hughes, …'), not a statement"
    elif len(text) <= 160 and furniture_line(text):
        ctx.problem = "page furniture inside a paragraph ('Started by … | 7 replies | 1,412 views')"
    elif FIRST_PERSON.search(strip_quotes_inner(text)):
        ctx.problem = "first-person remark: not a fact of the text"
    elif TO_THE_READER.match(text):
        ctx.problem = "the writer speaking to the reader ('Remember that …'): not a fact of the text"
    elif re.search(r"[a-z,] (?:From|The|This|In|It|But|And|When|What) [a-z]", text[1:]):
        ctx.problem = "malformed: two sentences run together"
    elif doc.paragraphs[sentence.paragraph].speaker and is_reply(text, not continues):
        ctx.problem = "a reply in a transcript: what it answers is in the question, which the stem does not show"
    elif doc.kind == "discussion" and _MODERATION.search(text):
        ctx.problem = "a forum's moderation or rules, not a fact of the discussion"
    elif re.search(r"\w[ \t]*\.{4,}[ \t]*\w", text):
        ctx.problem = "a line with dot leaders (a glossary or a table of contents), not a sentence"
    elif re.search(r"[a-z]\d[a-z]", text):
        ctx.problem = "a typo in the source (a digit inside a word)"
    elif re.match(r"^\w+ dated\b", text):
        ctx.problem = "a dateline, not a statement"
    elif _NEXT_ISSUE.search(text):
        ctx.problem = NEXT_ISSUE_PROBLEM
    elif text.rstrip().endswith(":"):
        ctx.problem = INTRO_PROBLEM
    elif quoted and not quote_whole(text):
        ctx.problem = "mixes quotation and narration"
    if ctx.problem:
        return ctx
    ctx.first_is_name = first_is_name
    if quoted:
        intro = _quotation_intro(doc, sentence)
        source = _quotation_source(doc, sentence) if intro is None else None
        if source and not needs_previous(sentence.text, person_names):
            who = doc.meta.get("attribution") or doc.meta.get("author") or "the author"
            ctx.attribution = f"According to {source}, as quoted by {who}, "
            ctx.from_report = True
            return ctx
        if intro is None:
            ctx.problem = "inside a quotation: who says it, and of what, is not in the stem"
            return ctx
        inner: list[Sentence] = []
        current = sentence
        if needs_previous(current.text, person_names) and not current.text.startswith("“"):
            _resolve_in_report(doc, ctx, person_names)
        while needs_previous(_report_resolved(ctx, current.text) if current is sentence else current.text,
                              person_names) and not current.text.startswith("“"):
            prev = doc.sentences[current.index - 1]
            if prev.paragraph != sentence.paragraph or len(inner) >= MAX_CONTEXT_SENTENCES + 1:
                ctx.problem = "inside a quotation: the sentences before do not resolve it"
                return ctx
            inner.insert(0, prev)
            current = prev
        if re.search(r"(?i)\b(?:the current year|this year|last year|this month)\b",
                     " ".join([x.text for x in inner] + [_report_resolved(ctx, sentence.text)])):
            ctx.problem = "inside a quotation: 'the current year' is not given"
            return ctx
        ctx.chain = [intro] + inner
        ctx.keep_quotes = True
        ctx.quote_gap = not current.text.startswith("“")
        ctx.attribution = with_section(doc, sentence, attribution_for(doc, quoted=False, sentence=sentence))
        ctx.first_is_name = False
        if sum(len(p.text.split()) for p in ctx.chain) + words > 90:
            ctx.problem = "needs too much context to stand alone"
        return ctx
    if doc.subject and (needs_previous(text, person_names) or _FRONTED_PARTICIPLE.match(text)):
        named = subject_resolved(text, doc.subject)
        if named != text and not needs_previous(named, person_names):
            ctx.subject = doc.subject  # 'She died on 4 July 1934' in the life of Marie Curie
            return ctx
        if needs_previous(text, person_names) and not needs_previous(text, person_names | set(doc.subject[0].split())):
            return ctx  # '… polonium, which Marie named after her native Poland': her = Marie
    case = _CASE_OF.match(text)
    if case and not needs_previous(_THERE.sub("", text[case.end():]), person_names):
        # 'A more intense case is that of John Scott, an engineer who was there …': 'John Scott was an engineer
        # who was there …' (more intense than what, the stem need not say)
        ctx.lead_cut, ctx.case_of = case.end(), True
        _resolve_there(doc, ctx, person_names, text[case.end():])
    elif needs_previous(_section_resolved(doc, ctx, text), person_names):
        ctx.lead_cut = _lead_cut(doc, ctx, text, person_names)
    if needs_previous(text, person_names) and not ctx.lead_cut:
        _resolve_there(doc, ctx, person_names)
    chain: list[Sentence] = []
    current = sentence
    while needs_previous(_section_resolved(doc, ctx, _there_resolved(ctx, current.text[ctx.lead_cut if current is sentence
                                                                                         else 0:])), person_names):
        prev = _previous_sentence(doc, current)
        if prev is None:
            ctx.problem = "unresolved reference at the start of a paragraph" if not chain else \
                "unresolved reference: the sentences before do not resolve it"
            return ctx
        if len(chain) >= MAX_CONTEXT_SENTENCES or prev.text.rstrip().endswith(":"):
            ctx.problem = "unresolved reference: the sentences before do not resolve it"
            return ctx
        if re.fullmatch(r"\s*\([^()]+\)\s*", prev.text):
            # '(Bournville famously had no public houses.) In York, …': an aside in brackets, often the end of
            # another paragraph's thought, is no context (first-sight review of new-documents-24)
            ctx.problem = "unresolved reference: the sentence before is an aside in brackets"
            return ctx
        if re.match(r"^[\s“\"]*(?:\.\.\.|…)|^[\s“\"(]*[a-z]|^@", prev.text):
            ctx.problem = "unresolved reference: the sentence before is a fragment"
            return ctx
        if FIRST_PERSON.search(strip_quotes_inner(prev.text)) or prev.text.rstrip("”\"’ ").endswith("?") \
                or TO_THE_READER.match(prev.text) or (doc.paragraphs[prev.paragraph].speaker and is_reply(
                    prev.text, prev.index == 0 or doc.sentences[prev.index - 1].paragraph != prev.paragraph)):
            ctx.problem = "unresolved reference: the sentence before is a remark or a question"
            return ctx
        if in_quotation(doc, prev) != quoted:
            ctx.problem = "unresolved reference across a quotation"
            return ctx
        chain.insert(0, prev)
        current = prev
        contrast = _SET_AGAINST_START.match(prev.text)
        if contrast and not needs_previous(_MORE_TIME.sub("", prev.text[contrast.end():]), person_names):
            break  # 'Even so, smallpox persisted for another century …' shown as 'Smallpox persisted …': context enough
    if chain and _PRONOUN_SUBJECT.match(text) and dangling_pronoun(text, person_names) and not any(
            _names_anyone(c.text) for c in chain):
        # 'Local people believed that milkmaids … did not get smallpox. On 14 May 1796 he tested the idea.':
        # the sentence shown before names nobody 'he' could be (first-sight review of new-documents-24)
        ctx.problem = "unresolved reference: the sentences before name nobody 'he' or 'she' could be"
        return ctx
    if chain and MONTH_WITHOUT_YEAR.search(text) and not any(re.search(r"\b\d{4}\b", c.text) for c in chain) \
            and not needs_previous(MONTH_WITHOUT_YEAR.sub("", _section_resolved(doc, ctx, text)), person_names):
        # 'Aerial surveys carried out in March and April …': the sentences before do not give the year either
        if not re.search(r"\b\d{4}\b", str(doc.meta.get("date") or "")):
            ctx.problem = "a month without its year, and the sentences before do not give it"
            return ctx
        chain = []  # a dated article's months are of its own year
    if not chain and not ctx.lead_cut:
        found = _introducing_sentence(doc, sentence)
        if found:  # 'Scientists rate eruptions on the VEI, a scale from 0 to 8. Each step on the scale means …'
            noun, prev = found
            if prev is None or needs_previous(prev.text, person_names) or in_quotation(doc, prev) != quoted \
                    or prev.text.rstrip("”\"’ ").endswith("?") or FIRST_PERSON.search(strip_quotes_inner(prev.text)):
                ctx.problem = f"unresolved reference: 'the {noun}' is the one a sentence before introduces"
                return ctx
            chain = [prev]
            ctx.gap_before_last = prev.index < sentence.index - 1
    shown = " ".join([x.text for x in chain] + [text])
    for m in re.finditer(r"\b[Tt]he (?:(?:[a-z]+) (?=(?:" + "|".join(_GENERIC_THINGS) + r")\b))?([a-z]{4,})\b", shown):
        if m.group(1) in _GENERIC_THINGS and not _RESTRICTED.match(shown[m.end():]) \
                and not rx(rf"\b(?:a|an|one|this)\s+(?:[\w-]+\s+){{0,3}}{m.group(1)}s?\b").search(shown[: m.start()]) \
                and not rx(rf"\b{m.group(1)}\b").search((doc.title + " " + doc.section_title(sentence.section)).lower()):
            # 'Hargreaves patented the machine in 1770' (the spinning jenny, named two sentences before)
            ctx.problem = f"unresolved reference: 'the {m.group(1)}' does not say which"
            return ctx
        if m.group(1) not in _MADE_THINGS:
            continue  # ('the plan', 'the population': words that name no one thing of the text)
        names = _named_kinds(doc).get(m.group(1), frozenset())
        if len(names) >= 2 and not any(n in shown for n in names):
            # 'Babbage described the engine at a meeting in Turin' where the text has both the Difference
            # Engine and the Analytical Engine: which one?
            ctx.problem = f"unresolved reference: 'the {m.group(1)}' of a text that names {len(names)} of them"
            return ctx
    if chain and not ctx.problem and _introducing_sentence(doc, chain[0]):
        # 'The marriage broke down within weeks of the birth, …. He never saw his daughter again': the context
        # sentence itself speaks of what a sentence before it brought in
        ctx.problem = "unresolved reference: the sentence before speaks of what an earlier one brought in"
        return ctx
    if len(chain) >= 2 or chain and fronted_it(text):
        chain = _compress_chain(ctx, chain, person_names)
    same_as = _SAME_AS.search(text)
    if same_as and chain and not _mentions(chain, same_as.group(1)):
        found = _sentence_naming(doc, sentence, same_as.group(1))
        if found is None or needs_previous(found.text, person_names):
            ctx.problem = "unresolved reference: 'the same year as …' names what the sentences before do not"
            return ctx
        chain = [found]
        ctx.gap_before_last = found.index < sentence.index - 1
    if sum(len(p.text.split()) for p in chain) + words > 90:
        ctx.problem = "needs too much context to stand alone"
        return ctx
    if words < 6 and not chain:
        ctx.problem = "sentence too short to stand alone"
        return ctx
    ctx.chain = chain
    return ctx


MAX_CONTEXT_SENTENCES = 2
# '... Article 5: Workers and employees who …': an excerpt that starts at a sentence of its own (a
# capital after the ellipsis, no quotation mark), not a fragment; the stem leaves the ellipsis out.
_PARTITIVE_START = re.compile(r"^Of (?:those|these|them)\b")
_WHOLE_SET = re.compile(r"\bmost were\b|\b(?:they|them|their)\b")


# 'In the same year as the Nobel Prize, Dorothy Hodgkin …': the year is that of a thing a sentence before
# names, which need not be the sentence just before ('… knighted in 1944. In the same year as the Nobel …').
_SAME_AS = re.compile(r"\bthe same (?:year|month|day|week|time|period|decade|season)\s+as\s+(?:the\s+)?"
                      r"((?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*)*|[a-z]+)")


# 'the scale' after 'a scale from 0 to 8' in the sentence before: the thing that sentence introduces.
_DEFINITE_AFTER = re.compile(r"\s+(?:of|that|which|who|whose|in|on|at|for|from|to|with|against|between|over|about|by|"
                             r"under|during|into|among|across|behind|near|when|where|whose)\b")
_DEFINITE = re.compile(r"\b[Tt]he ([a-z][a-z-]*[a-z])(?: ([a-z]{4,}))?\b")
# 'the marriage' after 'Byron married Anne Isabella Milbanke': a noun made from the verb the sentence before used
_NOMINALISED = {"marriage": r"married|marry|wed|wife|husband", "birth": r"born|gave birth", "death": r"died|killed",
                "invention": r"invented", "discovery": r"discovered", "announcement": r"announced",
                "demonstration": r"demonstrated", "appointment": r"appointed", "election": r"elected",
                "founding": r"founded", "opening": r"opened", "closure": r"closed"}


def _named_before(text: str, previous: str, section: str) -> str | None:
    """The noun of a 'the …' in ``text`` that ``previous`` introduces with 'a'/'an' ('a scale from 0 to
    8') or names ('the Volcanic Explosivity Index'), when the titles do not name it too."""
    for m in _DEFINITE.finditer(text):
        # 'the scale', 'the decisive experiment': the noun is the first word or, after an adjective, the second
        options = [(m.group(1), m.end(1))] + ([(m.group(2), m.end(2))] if m.group(2) else [])
        noun = next((w for w, end in options if len(w) >= 4 and w not in _SETTING_NOUNS
                     and not _DEFINITE_AFTER.match(text, end) and _introduces(w, previous)), None)
        if noun is None or noun in section.lower():
            continue
        return noun
    return None


def _introduces(noun: str, previous: str) -> bool:
    """``previous`` brings in the thing 'the ``noun``' means: 'a scale from 0 to 8', 'the Volcanic Explosivity
    Index', or the verb of 'the marriage' ('married')."""
    indefinite, named, verb = _introducer_patterns(noun)
    return bool(indefinite.search(previous) or named.search(previous) or verb is not None and verb.search(previous))


@lru_cache(maxsize=4096)
def _introducer_patterns(noun: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]:
    """The patterns of ``_introduces``, compiled once per noun (beyond the re module's own small cache)."""
    return (re.compile(rf"\b(?:a|an)\s+(?:[a-z-]+\s+){{0,3}}{noun}(?:[,.;:]|\s+(?:from|of|that|which|called|known|"
                       rf"with|for|in|on|at|led|under|to)\b)"),
            re.compile(rf"\b[A-Z][\w-]+\s+{noun.capitalize()}\b"),
            re.compile(rf"\b(?:{_NOMINALISED[noun]})\b") if noun in _NOMINALISED else None)


# The setting a whole document speaks of ('the country' in an article on the Soviet Union): never a thing one
# sentence brings in for the next.
_SETTING_NOUNS = frozenset({"country", "nation", "state", "city", "world", "government", "people", "time", "period"})
# Things a new section's title does not stand for ('The point-contact transistor' is no group): 'the group'
# there is still the one the section before brought in.
_BODY_NOUNS = frozenset({"group", "team", "committee", "commission", "company", "firm", "project", "experiment",
                         "device", "machine", "engine", "marriage", "couple", "expedition", "crew"})


# Made things and bodies a text may name two of ('the Difference Engine', 'the Analytical Engine'), so
# that 'the engine' alone leaves the reader to guess.
_MADE_THINGS = frozenset({"engine", "machine", "telescope", "ship", "canal", "railroad", "railway", "company", "bridge",
                          "observatory", "laboratory", "university", "college", "expedition", "treaty", "computer",
                          "processor", "satellite", "reactor", "dam", "tower", "cathedral", "church", "palace"})


# Words for a made thing that name none in particular: 'the machine' is the one the text spoke of before.
_GENERIC_THINGS = frozenset({"machine", "device", "invention", "instrument", "apparatus", "contraption", "mechanism",
                             "gadget", "test", "call", "signal", "message", "attempt"})
_RESTRICTED = re.compile(r"\s+(?:that|which|of|called|known|used|invented|built|named|designed|made|developed)\b|"
                         r"\s*,\s+(?:a|an|the|which|called|known)\b|\s*\(")


def _named_kinds(doc: Document) -> dict[str, frozenset[str]]:
    """{'engine': {'Difference Engine', 'Analytical Engine'}}: the capitalised names of a document by the
    common noun that ends them, worked out once per document text."""
    return _named_kinds_of(doc.text)


@lru_cache(maxsize=64)
def _named_kinds_of(text: str) -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for m in re.finditer(r"\b((?:[A-Z][a-z]+\s+)+)([A-Z][a-z]{3,})\b", text):
        kinds.setdefault(m.group(2).lower(), set()).add(m.group(1) + m.group(2))
    return {k: frozenset(v) for k, v in kinds.items()}


def _introducing_sentence(doc: Document, sentence: Sentence) -> tuple[str, Sentence] | None:
    """The noun of a 'the …' of ``sentence`` and the sentence of the three before it in the paragraph
    that introduces it, when the one just before does not name it in any way ('… the Volcanic
    Explosivity Index, a scale from 0 to 8. Each step on the scale … Tambora reached 7 on the index')."""
    titles = doc.section_title(sentence.section) + " " + doc.title
    for back in range(1, 4):
        i = sentence.index - back
        if i < 0:
            return None
        prev = doc.sentences[i]
        noun = _named_before(sentence.text, prev.text, titles)
        if prev.paragraph != sentence.paragraph:
            if noun and (prev.section == sentence.section or noun in _BODY_NOUNS):
                return noun, None  # brought in by another paragraph ('… set up a group to study semiconductors.' /
                # 'THE POINT-CONTACT TRANSISTOR: The group was led by …'): the stem cannot show it
            if prev.paragraph < sentence.paragraph - 1:
                return None
            continue  # the paragraph just before may still have brought it in
        if noun:
            between = doc.sentences[i + 1:sentence.index]
            if any(rx(rf"\b{noun}\b", re.I).search(x.text) for x in between):
                return None  # named again in between: that sentence's own wording
            return noun, prev
    subject = re.match(r"The ([a-z]{4,})\b", sentence.text)
    if subject and subject.group(1) not in _SETTING_NOUNS and not _DEFINITE_AFTER.match(sentence.text, subject.end()):
        # 'The bridge reaches about 28 metres' five sentences after 'the Pont du Gard …, a bridge that …':
        # a subject the section brought in earlier, for something else, may be another one now
        noun = subject.group(1)
        earlier = [x for x in doc.sentences[max(0, sentence.index - 8): max(0, sentence.index - 3)]
                   if x.section == sentence.section]
        if noun not in titles.lower() and any(_introduces(noun, x.text) for x in earlier) and not any(
                rx(rf"\b{noun}\b", re.I).search(x.text) for x in doc.sentences[max(0, sentence.index - 3):sentence.index]):
            return noun, None
    return None


def _mentions(sentences: list[Sentence], words: str) -> bool:
    return any(rx(rf"\b{re.escape(words)}\b").search(x.text) for x in sentences)


def _sentence_naming(doc: Document, sentence: Sentence, words: str) -> Sentence | None:
    """The nearest of the three sentences before ``sentence`` in its paragraph that says ``words``."""
    for back in range(1, 4):
        i = sentence.index - back
        if i < 0 or doc.sentences[i].paragraph != sentence.paragraph:
            return None
        if _mentions([doc.sentences[i]], words):
            return doc.sentences[i]
    return None


def _compress_chain(ctx: Context, chain: list[Sentence], person_names: set[str]) -> list[Sentence]:
    """Three sentences bury the detail asked (blind reviews 9101, 9203): shorten the context where
    a sentence of it only names a subject or only breaks a set down.

    - 'Witkin was trained as a civil engineer. He left for the Soviet Union in 1932 … He left in
      1934.': the name replaces the 'He' of the second sentence, and the first is left out (the
      citation still starts at it).
    - 'By mid-1932, 42,230 foreign workers were employed … Of those, 50% were German … now most were
      employed in industry …': the breakdown of the set is left out, marked '…', when the sentence
      asked speaks of the whole set ('most were', 'they')."""
    first = chain[0]
    named = _NAMED_SUBJECT.match(first.text)
    if named and all(re.match(r"It\s+(?:is|was|has|had|stretches|covers|lies|runs|rises|became|remains)\b", x.text)
                     or x is ctx.sentence and fronted_it(x.text) for x in chain[1:] + [ctx.sentence]) \
            and not needs_previous(first.text, person_names):
        # 'The Great Barrier Reef … is the largest reef system on Earth. It stretches … It was declared a
        # World Heritage Site in 1981.': the name replaces the 'It' of the sentence asked
        ctx.it_name, ctx.cite_from = named.group(1), first.start
        return []
    if len(chain) < 2:
        return chain
    second = chain[1]
    name = re.match(r"((?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)\s+(?:was|is|had|has|became)\b", first.text)
    if name and name.group(1) in person_names and re.match(r"(?:He|She)\s", second.text) and \
            not needs_previous(first.text, person_names):
        short = name.group(1)
        full = max((n for n in person_names if n == short or n.endswith(" " + short)), key=len)
        ctx.lead_name, ctx.cite_from = full, first.start
        return chain[1:]
    last = chain[-1]
    if _PARTITIVE_START.match(last.text) and not needs_previous(_WHOLE_SET.sub("", ctx.sentence.text), person_names) \
            and not needs_previous(chain[-2].text, person_names):
        ctx.gap_before_last = True
        return chain[:-1]
    # 'History knows of no comparable migration … The statistics relating to this movement are secret.
    # … Not less than twenty million participated in this mass migration': the noun the sentence asked
    # refers to is named in the first sentence, so the one between is left out, marked '…'.
    ref = _DEMONSTRATIVE_NOUN.search(ctx.sentence.text)
    if ref and not needs_previous(first.text, person_names) and \
            not needs_previous(_DEMONSTRATIVE_NOUN.sub("", ctx.sentence.text), person_names):
        nouns = [w for w in ref.group(1).split() if len(w) >= 5]
        if nouns and rx(rf"\b{re.escape(nouns[-1])}\b", re.I).search(first.text) and \
                not rx(rf"\b{re.escape(nouns[-1])}\b", re.I).search(last.text) and len(chain) == 2:
            ctx.gap_before_last = True
            return chain[:1]
    return chain


# A sentence that opens with a capitalised name as its subject ('The Great Barrier Reef, off the coast
# of Queensland, Australia, is …').
_NAMED_SUBJECT = re.compile(r"((?:The\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)+)(?:,[^.;]{1,80}?,)?\s+"
                            r"(?:is|was|are|were|has|had|lies|stretches|covers)\b")
_DEMONSTRATIVE_NOUN = re.compile(r"\b(?:this|these|that|those)\s+((?:[a-z]+\s+)?[a-z]+)\b(?!\s+(?:of|in)\b)")

# An opening that only links the sentence to the one before ('It means that …', 'This wasn’t to the
# Soviet Union, rather to China, but …'): what follows is a statement of its own.
_LEAD_CLAUSE = re.compile(
    r"^(?:(?:It|This|That)\s+(?:means|meant|shows|showed|implies|implied|indicates|indicated)\s+that\s+"
    r"|(?:It|This|That|These|Those)\b[^,;:“”()]{0,60}(?:,[^,;:“”()]{0,40})?,\s+but\s+)")


# 'A more intense case is that of John Scott, an engineer who …': the person and what the text says of them
_CASE_OF = re.compile(r"(?:A|An|The)\s+(?:[a-z]+\s+){0,3}(?:case|example|instance)\s+(?:is|was)\s+that\s+of\s+"
                      r"(?=[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*,\s+an?\s)")
_CASE_NAME = re.compile(r"^((?:[A-Z][\w’'-]+|_____)(?:\s+[A-Z][\w’'-]+)*),\s+(an?\s)")


def _lead_cut(doc: Document, ctx: Context, text: str, person_names: set[str]) -> int:
    """Where the stem may start when only the sentence's linking opening needs the sentence
    before: the rest must stand alone (no reference of its own, eight words or more)."""
    m = _LEAD_CLAUSE.match(text)
    if not m:
        return 0
    rest = text[m.end():]
    if len(rest.split()) < 8 or needs_previous(_section_resolved(doc, ctx, rest), person_names) \
            or not re.match(r"[A-Za-z\d]", rest) or re.match(r"(?:that|which|who|it|this|so)\b", rest):
        return 0
    return m.end()


_THERE = re.compile(r"\bthere\b(?!\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|seems?|"
                    r"remains?|remained|appears?|cannot)\b)")
_COUNTRY_GONE_TO = re.compile(r"\b(?:to|for)\s+((?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")


def _resolve_there(doc: Document, ctx: Context, person_names: set[str], text: str | None = None) -> None:
    """'an engineer who was there in 1932-1938': when 'there' is the only reference the sentence
    needs, and one of the three sentences before it in the paragraph names the one country someone
    went to ('left for the Soviet Union'), the stem says it: 'there [in the Soviet Union]'."""
    text = ctx.sentence.text if text is None else text
    if len(_THERE.findall(text)) != 1 or needs_previous(_THERE.sub("", text), person_names):
        return
    for back in range(1, 4):
        i = ctx.sentence.index - back
        if i < 0 or doc.sentences[i].paragraph != ctx.sentence.paragraph:
            return
        prev = doc.sentences[i]
        places = {m.group(1) for m in _COUNTRY_GONE_TO.finditer(prev.text)
                  if re.sub(r"^the\s+", "", m.group(1)) in lexicon.COUNTRIES}
        if len(places) == 1:
            ctx.there_place, ctx.cite_from = places.pop(), prev.start
            return
        if places:
            return


_GOES_ON_ABOUT = re.compile(r"^(?:He|She|(?:However|Later|Then|But|And),?\s+(?:[Hh]e|[Ss]he))\s+[a-z]")
FOLLOW_MAX_WORDS = 25


def following_about_person(doc: Document, sentence: Sentence, person_names: set[str]) -> Sentence | None:
    """The sentence right after one that names a person, when it goes on about that person ('John
    Nash tried to defect … He was forcibly returned.'): same paragraph, opening with 'He'/'She', short,
    and with no other reference of its own. A thread often gives a person one line and a second one
    after it; the two together say enough to tell the person from the others of the thread."""
    if sentence.index + 1 >= len(doc.sentences):
        return None
    nxt = doc.sentences[sentence.index + 1]
    text = nxt.text
    if nxt.paragraph != sentence.paragraph or not _GOES_ON_ABOUT.match(text) or len(text.split()) > FOLLOW_MAX_WORDS \
            or text.rstrip("”\"’ ").endswith("?") or FIRST_PERSON.search(strip_quotes_inner(text)):
        return None
    rest = re.sub(r"\b(?:[Hh]e|[Ss]he|his|her|him|himself|herself)\b", "", text)
    rest = re.sub(r"^(?:(?:However|Later|Then|But|And),?\s+)?", "", rest).strip()
    if DEMONSTRATIVE.search(strip_quotes_inner(rest)) or re.search(r"\b(?:they|them|their)\b", rest):
        return None
    return nxt


_CURRENT_YEAR = re.compile(r"\bthe current year\b")
_NAMED_SITE = re.compile(r"\b(?:[Ii]n|[Aa]t)\s+(the\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*(?:\s+[a-z]+)?\s+"
                         r"(?:plant|factory|mine|mines|works|combine|colony|railway|shipyard|region|district))\b")


def _resolve_in_report(doc: Document, ctx: Context, person_names: set[str]) -> None:
    """A sentence of a dated quoted report whose only references are 'the current year' and a bare
    'there' ('In the eight months of the current year 211 accidents were recorded there.'): the year
    is the report's own ('(Pravda, Oct. 9, 1940)'), and 'there' is the one site the sentence before
    names ('In the Balkhash plant there are …'); the stem says both in brackets, and needs no more
    of the report than the sentence asked."""
    text = ctx.sentence.text
    source = _quotation_source(doc, ctx.sentence)
    year = re.search(r"\d{4}", source or "")
    rest = _CURRENT_YEAR.sub("", text) if year else text
    place = ""
    if len(_THERE.findall(rest)) == 1 and ctx.sentence.index > 0:
        prev = doc.sentences[ctx.sentence.index - 1]
        sites = {m.group(1) for m in _NAMED_SITE.finditer(prev.text)}
        if prev.paragraph == ctx.sentence.paragraph and len(sites) == 1:
            place = sites.pop()
            rest = _THERE.sub("", rest, count=1)
    if rest != text and not needs_previous(rest, person_names):
        ctx.report_year = year.group(0) if year and _CURRENT_YEAR.search(text) else ""
        ctx.there_place = place


def _report_resolved(ctx: Context, text: str) -> str:
    if ctx.report_year:
        text = _CURRENT_YEAR.sub("", text)
    return _THERE.sub("", text, count=1) if ctx.there_place else text


_PLACE_BEFORE = re.compile(r"\b(?:to|for|in|into|from)\s+((?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")


def there_in_own_sentence(text: str) -> bool:
    """'… defected to North Korea and some still live there': a 'there' after the one country or
    city its own sentence names is resolved by that sentence and needs no sentence before."""
    found = list(_THERE.finditer(text))
    if len(found) != 1:
        return False
    before = text[:found[0].start()]
    places = {re.sub(r"^the\s+", "", m.group(1)) for m in _PLACE_BEFORE.finditer(before)}
    places = {p for p in places if p in lexicon.COUNTRIES or p in lexicon.CITIES}
    return len(places) == 1


def _there_resolved(ctx: Context, text: str) -> str:
    return _THERE.sub("", text, count=1) if ctx.there_place or there_in_own_sentence(text) else text


def _section_resolved(doc: Document, ctx: Context, text: str) -> str:
    """'in this period' under the heading 'Conditions in the period of the Second Five Year Plan':
    the stem names the section, and the section names the period, so the words need no sentence before."""
    title = doc.section_title(ctx.sentence.section)
    if title and "in the section “" in ctx.attribution and re.search(r"(?i)\bperiod\b", title):
        text = re.sub(r"\b(?:this|that|the)\s+period\b(?!\s+\()", "period", text)
    head = KIND_AT_HEAD.match(text)
    shown = doc.title + (" " + title if title and "in the section “" in ctx.attribution else "")
    if head and rx(rf"(?i)\b{head.group('kind')}\b").search(shown):
        # 'the river takes its name from …' under the title 'Congo River': the stem names the river
        text = text[:head.start("the")] + "Named" + text[head.end("the"):]
    first = ctx.sentence.index == 0 or doc.sentences[ctx.sentence.index - 1].section != ctx.sentence.section
    if first and title and "in the section “" in ctx.attribution and re.fullmatch(r"[A-Za-z’' -]{3,40}", title) \
            and len(title.split()) <= 3:
        # 'STAKHANOVISM: In a brilliant analysis of this administrative measure, …': the first sentence
        # of a section speaks of the section's subject, which the stem names.
        text = re.sub(r"\bthis\s+(?=(?:[a-z]+\s+)?[a-z]+\b)", "", text, count=1)
    return text


_SOURCE_CITATION = re.compile(r"\((?P<source>[A-Z][A-Za-z. ]{2,40}?),\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?,?\s*\d{1,2},?\s*\d{4}))[^()]*\)")


def _quotation_source(doc: Document, sentence: Sentence) -> str | None:
    """'(Pravda, Oct. 27, 1940)' closing the quoted paragraph: 'Pravda (Oct. 27, 1940)'."""
    para = doc.paragraphs[sentence.paragraph]
    tail = doc.text[sentence.start:para.end]
    m = _SOURCE_CITATION.search(tail)
    if not m:
        return None
    date = re.sub(r",\s*(?=\d{1,2},)", " ", m.group("date")).rstrip(".")
    return f"{m.group('source').strip()} ({date})"


INTRO_PROBLEM = "introduces a quotation: not a complete statement"
_MODERATION = re.compile(r"(?i)\b(?:comment (?:has been )?removed|removed by|moderators?|subreddit|top-level (?:answers|comments)|"
                         r"our rules|rule \d|this sub\b|flair)\b")


def list_item_stands_alone(text: str, person_names: set[str]) -> bool:
    """A list item that is a statement of its own: a whole sentence, no 'it'/'they' or other reference to
    what the list is about, no arrow or glossary dash, not an instruction ('Raise the federal floor …',
    'Write the overall equation …')."""
    if not _LIST_SENTENCE.match(text) or needs_previous(text, person_names):
        return False
    if re.search(r"\b(?:it|they|them|its|their)\b|[→⟶⇒]|\s[–—-]\s[A-Z]|^[*_]*[A-Z][\w-]*[*_]*\s*[–—:-]\s", text):
        return False
    if re.match(r"[*_]*The\s+[a-z]", text) or re.match(r"[*_]*[A-Z][\w’' -]{0,30}[*_]*:[*_]*\s", text):
        return False  # 'The tank had first been fitted …': the thing the list is about; 'Epidemic disease: …' a label
    if _CAPTION_ITEM.match(re.sub(r"\([^()]*\)", "", text)) and not _FINITE.search(text):
        return False  # 'John Smeaton's granite tower, lit in October 1759, built from …': an entry, not a sentence
    return not re.match(r"[*_]*[A-Z][a-z]+\s+(?:the|a|an|each|its|their|any|all|one|how|why|what|which|and)\b", text)

# A list's entry in the form of a caption: a thing named, then a participle's phrase after a comma, and no
# finite verb ('James Douglass's tower for Trinity House, completed in 1882 and still in use.').
_CAPTION_ITEM = re.compile(r"[*_]*[A-Z][^,;:]{2,80},\s+(?:(?:first|later|originally|finally|since|once|then)\s+)?"
                           r"(?:[a-z]+ed|lit|built|made|begun|known|founded|burnt|shown|written|drawn|held|sold|set|laid|"
                           r"paid|run|won|sunk|put|taken|given|rebuilt|opened|closed)\b")
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|became|becomes|remains|"
                     r"remained|stands|stood|lies|lay)\b")


# A list item that is a sentence: a capital, eight words or more with a verb among them, a full stop
_LIST_SENTENCE = re.compile(r"[*_]{0,2}[A-Z][^\n]{30,}?\b(?:is|are|was|were|has|have|had|use|uses|used|absorbs?|"
                            r"produces?|produced|takes?|took|made|makes?|became|becomes?|showed|shows?|found|"
                            r"[a-z]{3,}ed)\b[^\n]*[.!?][”\"’)]*$")


def quotation_intro_context(doc: Document, ctx: Context, person_names: set[str]) -> Context | None:
    """For a sentence that introduces a quotation ('The conditions in the Stalingrad tractor plant, …,
    are sketched as follows:'), a context that shows it with the quotation's first sentence, when
    that sentence stands on its own: what the text says of the place or body the intro names."""
    if ctx.problem != INTRO_PROBLEM or ctx.sentence.index + 1 >= len(doc.sentences):
        return None
    first = doc.sentences[ctx.sentence.index + 1]
    quoted = build_context(doc, first, person_names)
    if quoted.problem or not quoted.keep_quotes or quoted.chain != [ctx.sentence] or quoted.quote_gap:
        return None
    return Context(ctx.sentence, False, quoted.attribution, keep_quotes=True, follow=[first])


def _quotation_intro(doc: Document, sentence: Sentence) -> Sentence | None:
    """For a sentence of a quoted paragraph, the sentence that introduces the quotation
    ('N. Siluyanov, Deputy People’s Commissar …, reports:'), when it names who speaks."""
    para = doc.paragraphs[sentence.paragraph]
    first = next((s for s in doc.sentences[max(0, sentence.index - 40):sentence.index + 1]
                  if s.paragraph == sentence.paragraph), None)
    if first is None or doc.text[para.start:first.start].strip() or not first.text.startswith("“"):
        return None
    if first.index == 0:
        return None
    prev = doc.sentences[first.index - 1]
    if prev.paragraph == sentence.paragraph or not prev.text.rstrip().endswith(":"):
        return None
    if in_quotation(doc, prev) or len(prev.text.split()) > 30 or \
            needs_previous(re.sub(r"\bthe same (?=[A-Z])", "", prev.text), set()):
        return None
    if not re.search(r"[A-Z][a-z]+", prev.text[1:]):
        return None  # no name of a speaker
    return prev


def _previous_sentence(doc: Document, sentence: Sentence) -> Sentence | None:
    if sentence.index == 0:
        return None
    prev = doc.sentences[sentence.index - 1]
    if prev.section != sentence.section:
        return None  # a sentence of the section before (a run-in head may open a new one mid-paragraph)
    if prev.paragraph == sentence.paragraph:
        return prev
    # the last sentence of the paragraph just before, when it is prose
    between = doc.paragraphs[prev.paragraph + 1:sentence.paragraph]
    if doc.paragraphs[prev.paragraph].kind == "prose" and all(p.kind == "heading" for p in between) \
            and len(between) == 0:
        return prev
    return None


@lru_cache(maxsize=100_000)
def strip_discourse(text: str, opening: re.Pattern[str] = _DISCOURSE_START) -> str:
    """'But Stakhanovism could not…' -> 'Stakhanovism could not…'."""
    m = opening.match(text)
    if not m:
        return text
    rest = text[m.end():]
    return rest[0].upper() + rest[1:] if rest and rest[0].islower() else rest


def unquote(text: str) -> str:
    t = text.strip()
    if t.endswith("”") and "“" not in t:
        t = t[:-1]
    if t.startswith("“"):
        t = t[1:]
        if t.count("“") < t.count("”"):
            t = t[::-1].replace("”", "", 1)[::-1]
    return t.strip()


def stem_text(doc: Document, ctx: Context, sentence_text: str | None = None, focus: int | None = None) -> str:
    """The context as one statement, attribution included.

    ``focus`` (an offset in the sentence text as given) marks where the fact ends:
    a long sentence is cut at the first clause boundary after it."""
    body = sentence_text if sentence_text is not None else ctx.sentence.text
    if focus is not None:
        body = trim_after(body, focus)
    parts = [p.text for p in ctx.chain] + [body]
    after = [clean_sentence(p.text) for p in ctx.follow]
    if ctx.lead_cut:
        rest = parts[-1][ctx.lead_cut:]
        if ctx.case_of:
            rest = _CASE_NAME.sub(r"\1 was \2", rest, count=1)
        parts[-1] = rest[:1].upper() + rest[1:]
    if ctx.there_place:
        parts[-1] = _THERE.sub(f"there [in {ctx.there_place}]", parts[-1], count=1)
    if ctx.subject:
        parts[-1] = subject_resolved(parts[-1], ctx.subject)
    if ctx.full_name:  # 'Grace was born on …' in a thread that names Grace Darling: 'Grace Darling was born on …'
        given, full = ctx.full_name
        bare = rx(rf"^((?:[*_]*[A-Z][a-z]+(?:\s+[a-z]+){{0,2}}:\s+)?){re.escape(given)}\b"
                  rf"(?!\s+{re.escape(full.split(' ', 1)[1])})")
        parts[-1] = bare.sub(lambda m: m.group(1) + full, parts[-1], count=1)
    if ctx.report_year:
        parts[-1] = _CURRENT_YEAR.sub(f"the current year [{ctx.report_year}]", parts[-1], count=1)
    if ctx.it_name:
        fronted = FRONTED_IT.match(parts[-1])
        if fronted:  # 'Completed in 1869, it cut …' -> 'Completed in 1869, the First Transcontinental Railroad cut …'
            name = re.sub(r"^The\b", "the", ctx.it_name)
            parts[-1] = parts[-1][:fronted.end()] + name + parts[-1][fronted.end() + 2:]
        else:
            parts[-1] = re.sub(r"^It\b", ctx.it_name, parts[-1])
    if ctx.lead_name and len(parts) > 1:
        parts[0] = re.sub(r"^(?:He|She)\b", ctx.lead_name, parts[0])
    if len(parts) > 1:
        # 'He left for the Soviet Union in 1932 … He left in 1934.': say what he left
        went = re.search(r"\b(?:left|went|moved|emigrated)\s+(?:for|to)\s+((?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)",
                         " ".join(parts[:-1]))
        if went:
            parts[-1] = re.sub(r"\b(left|departed)(?=\s+(?:in|on|after)\b)", rf"\1 [{went.group(1)}]", parts[-1], count=1)
    shown = []
    for i, part in enumerate(parts):
        intro = ctx.keep_quotes and i == 0
        part = clean_sentence(part, keep_colon=intro)
        if ctx.quoted and not ctx.keep_quotes:
            part = unquote(part)
        if ctx.keep_quotes and ctx.quote_gap and i == 1:
            part = "“… " + part
        if intro:
            part = re.sub(r"\bthe same (?=[A-Z])", "", part)  # 'according to the same Moskatov' -> 'according to Moskatov'
        if not ctx.keep_quotes:
            part = strip_discourse(part)
            if i < len(parts) - 1:
                part = strip_discourse(part, _SET_AGAINST_START)
        if ctx.gap_before_last and i == len(parts) - 1 and i > 0:
            part = "… " + part  # a sentence between the context and this one is left out
        shown.append(part)
    keep = ctx.chain_first_is_name if ctx.chain else ctx.first_is_name
    shown[0] = with_attribution(ctx.attribution, shown[0], keep_case=keep, doc_text=doc.text)
    text = " ".join(shown + after)
    if ctx.keep_quotes and text.count("“") > text.count("”"):
        text += "”"
    return text


LONG_SENTENCE_WORDS = 40


def trim_after(text: str, focus: int) -> str:
    """Cut a long sentence at the first ', ' or '; ' after ``focus`` when what follows is a
    trailing clause of eight words or more; the statement stays true, only shorter."""
    if len(text.split()) <= LONG_SENTENCE_WORDS:
        return text
    for m in re.finditer(r"[,;]\s+(?=(?:an? (?:increase|decrease|rise|fall|drop)|which|while|although|where|whereas|"
                         r"i\.e(?=\.)|that is|considerably|especially|including|even though)\b)", text[focus:]):
        cut = focus + m.start()
        rest = text[cut:]
        if len(rest.split()) >= 8 and len(text[:cut].split()) >= 8 and text[:cut].count("(") == text[:cut].count(")") \
                and text[:cut].count("“") == text[:cut].count("”"):
            return text[:cut].rstrip() + "."
    return text
