"""Generation pipeline: documents -> structure -> facts -> candidates -> filters -> bank.

``generate_documents`` works on Documents in memory (the web app's upload uses
it); ``generate_paths`` reads files and writes bank files (the CLI uses it).
Deterministic: the same documents always give byte-identical bank files.
"""
from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.engine import bank, composite, exclusions, lexicon, quality, reader
from quizapp.engine.cuts import number_clause_cut
from quizapp.engine.factindex import FactIndex, stable_int
from quizapp.engine.facts import (definition_facts, extract_facts, heading_nouns, known_name_facts, repeated_terms,
                                  term_facts)
from quizapp.engine.generate import (NAME_KINDS, Candidate, build_elided_question, build_fact_questions, computing_partners,
                                     fact_is_askable, year_given_by_now)
from quizapp.engine.model import Document, Fact, Sentence
from quizapp.engine.namechecks import THIN_DESCRIPTION, compared_by_likewise
from quizapp.engine.stems import attribution_for, build_context, following_about_person, quotation_intro_context
from quizapp.engine.patterns import rx

log = logging.getLogger(__name__)

DEFAULT_SOURCES = Path("questions/sources")
DEFAULT_BANK = Path("questions/bank")

Progress = Callable[[str], None] | None
# One sentence yields one multiple-choice question per fact, and at most this many of the others.
MAX_TF_PER_SENTENCE = 3
MAX_TYPED_PER_SENTENCE = 3
ONCE_TERM_MENTIONS = 3
PLACE_GUESS_MENTIONS = 4  # a place named this often, twice as often as any other, is what the document is about


class GenerationError(Exception):
    """A document could not be read or generated from; the message says why."""


@dataclass
class DocumentResult:
    document: Document
    source_file: str
    questions: list[dict]
    rejected: list[dict]
    facts: int

    @property
    def header(self) -> dict:
        return bank.document_header(self.document, self.source_file)


@dataclass
class Summary:
    results: list[DocumentResult] = field(default_factory=list)
    out_dir: Path | None = None

    def render(self, held_for_review: int | None = None) -> str:
        """The summary a teacher reads. ``held_for_review``: the caller (an upload) puts that many
        new questions in the review queue whatever the generator's verdict, so the counts say
        which passed the generator's checks instead of calling them published."""
        docs = self.results
        by_type = Counter(q["type"] for r in docs for q in r.questions)
        by_status = Counter(q["status"] for r in docs for q in r.questions)
        rejected = Counter(bank.reason_family(x["reason"]) for r in docs for x in r.rejected)
        total = sum(len(r.questions) for r in docs)
        if held_for_review is None:
            counts = f"{by_status.get('published', 0)} published, {by_status.get('needs_review', 0)} needs_review"
        else:
            counts = (f"{by_status.get('published', 0)} passed the generator's checks, "
                      f"{by_status.get('needs_review', 0)} below its quality threshold; "
                      f"{held_for_review} new, waiting in the review queue")
        lines = [
            f"documents: {len(docs)}",
            f"sentences: {sum(len(r.document.sentences) for r in docs)}",
            f"facts: {sum(r.facts for r in docs)}",
            f"questions: {total} ({counts})",
        ]
        lines += [f"  {t}: {by_type[t]}" for t in bank.TYPE_ORDER if by_type.get(t)]
        lines.append(f"rejected candidates: {sum(rejected.values())}")
        lines += [f"  {reason}: {n}" for reason, n in sorted(rejected.items(), key=lambda kv: (-kv[1], kv[0]))]
        if self.out_dir is not None:
            lines.append(f"written to: {self.out_dir}/ (report: {self.out_dir / 'REPORT.md'})")
        return "\n".join(lines)


def generate_documents(documents: list[Document], progress: Progress = None,
                       source_files: list[str] | None = None) -> Summary:
    """Generate questions for every document; distractors draw on all of them."""
    facts: dict[str, list[Fact]] = {}
    for doc in documents:
        doc_facts: list[Fact] = []
        usable = {p.index for p in doc.paragraphs if p.kind in ("prose", "footnote", "list")}
        terms = repeated_terms([s for s in doc.sentences if s.paragraph in usable])
        kinds_of = heading_nouns([doc.title] + [sec.title for sec in doc.sections])
        per_sentence: list = []
        step = max(1, len(doc.sentences) // 10)
        for i, s in enumerate(doc.sentences):
            if s.paragraph in usable:
                found = extract_facts(s)
                if terms:
                    found = sorted(found + term_facts(s, terms, found), key=lambda f: (f.start, f.end))
                found = sorted(found + definition_facts(s, kinds_of, found), key=lambda f: (f.start, f.end))
                per_sentence.append((s, found))
            if progress and len(doc.sentences) >= 2000 and i and i % step == 0:
                progress(f"  {doc.id}: facts {i}/{len(doc.sentences)} sentences")
        known = _known_names(per_sentence)
        for s, found in per_sentence:
            if known:
                found = sorted(found + known_name_facts(s, known, found), key=lambda f: (f.start, f.end))
            doc_facts.extend(found)
        facts[doc.id] = doc_facts
    index = FactIndex(documents, facts)
    summary = Summary()
    for n, doc in enumerate(documents):
        if progress:
            progress(f"[{n + 1}/{len(documents)}] {doc.title}: {len(doc.sentences)} sentences, "
                     f"{len(facts[doc.id])} facts")
        source = source_files[n] if source_files else doc.id
        summary.results.append(_generate_one(doc, facts[doc.id], index, source, progress))
    return summary


def _one_form_per_blank(cands: list[Candidate]) -> None:
    """A blank asked as multiple choice and again as a typed number in the same stem is one
    question twice: keep one of the two (chosen by a stable hash, so both forms stay in the bank
    across facts). True/false versions are kept: they are variants of one item."""
    by_span: dict[tuple, list[Candidate]] = {}
    for c in cands:
        if not c.reject and c.answer_span and c.qtype in ("multiple_choice", "numeric") and not c.features.get("pair"):
            by_span.setdefault((c.sentence.index, c.answer_span), []).append(c)
    for (idx, span), group in sorted(by_span.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        if len({c.qtype for c in group}) < 2:
            continue
        keep = "numeric" if stable_int(group[0].doc.id, idx, span, "form") % 2 else "multiple_choice"
        for c in group:
            if c.qtype != keep:
                c.reject = f"near-duplicate: the same blank is asked as {keep.replace('_', ' ')}"


def _famous_as_actor(doc: Document, sentence, fact: Fact) -> bool:
    """A famous person who does something in the sentence ('…, Molotov cautiously acknowledged:')
    is a fair typed answer; one named in passing ('victims of Stalin', 'under Lenin', 'as Marx
    said', 'Czar Nicholas II') is guessed, not read."""
    before = doc.text[sentence.start:fact.start]
    after = doc.text[fact.end:sentence.end]
    if re.search(r"(?:" + "|".join(lexicon.PERSON_TITLES) + r")\.?\s+$", before):
        return False
    if re.search(r"(?i)\b(?:of|under|by|as|to|with|from|than|for|against|like|and|or|the)\s+$", before):
        return False
    return re.match(r"\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b", after) is not None


def _intro_site_questions(doc: Document, ctx, sent_facts: list[Fact], index: FactIndex, name_counts: dict[str, int],
                          rejected: list[dict]) -> list[Candidate]:
    """'The conditions in the _____ tractor plant, one of the largest …, are sketched as follows: “The
    factory operates sporadically.”': a place or body named in the sentence that introduces a quotation
    is asked typed, with the quotation's first sentence as what the text says of it."""
    out: list[Candidate] = []
    for fact in sent_facts:
        if fact.kind not in ("place", "org"):
            continue
        why_not = fact_is_askable(doc, fact, sent_facts, name_counts)
        if why_not:
            rejected.append({"type": "fact", "answer": fact.text, "reason": why_not,
                             "passage": ctx.sentence.text, "start": ctx.sentence.start})
            continue
        out.extend(c for c in build_fact_questions(doc, ctx, fact, index, want_tf=False, want_typed=True)
                   if c.qtype == "short_answer")
    return out  # checked with every other candidate


def _known_names(per_sentence: list) -> dict[str, str]:
    """Names whose kind the document settles somewhere: newspapers and organisations of two
    words or more. A name given two kinds is left alone. (Not surnames: a bare surname in a
    later sentence is usually an aside, 'examples like Oswald are mentioned in other answers'.)"""
    kinds: dict[str, set[str]] = {}
    for _, found in per_sentence:
        for f in found:
            if f.kind in ("work", "org") and (len(f.text.split()) >= 2 or f.kind == "work"):
                kinds.setdefault(f.text, set()).add(f.kind)
    return {name: next(iter(k)) for name, k in sorted(kinds.items()) if len(k) == 1}


_NAME = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
_NAME_LINK = r"(?:,\s*|\s*\(\s*)(?:later|afterwards|née|nee|born|formerly|(?:better |also )?known as|married name)\s+"


def _other_names(name: str, text: str, accepted: list[str]) -> set[str]:
    """'Mary Godwin (later Mary Shelley)', 'Mavis Lever, later Mavis Batey', 'Marie Curie (née Skłodowska)': the
    other name the text gives the same person, and its surname where the key's surname alone is accepted."""
    out: set[str] = set()
    married: set[str] = set()
    for m in rx(rf"\b{re.escape(name)}{_NAME_LINK}({_NAME})").finditer(text):
        out.add(m.group(1))
    for m in rx(rf"\b({_NAME}){_NAME_LINK}{re.escape(name)}\b").finditer(text):
        out.add(m.group(1))
    if len(name.split()) == 2:  # 'Mary Godwin (who married Shelley that December)': also 'Mary Shelley'
        for m in rx(rf"\b{re.escape(name)}\s*[,(]\s*(?:who|she)\s+(?:later\s+)?married\s+(?:[A-Z][\w’'.-]*\s+)*?"
                    rf"([A-Z][\w’'-]+)\b(?!\s+[A-Z])").finditer(text):
            married.add(name.split()[0] + " " + m.group(1))  # (not 'Shelley' alone: that may be her husband)
    surname = name.split()[-1]
    if surname in accepted:
        out |= {o.split()[-1] for o in out if len(o.split()) >= 2}
    return {o for o in out | married if o != name}


SHARED_NAME = "the text names several bodies by this name: which one the blank means is not clear"


def expansion_beside(abbreviation: str, text: str) -> str:
    """The full name a text gives an abbreviation beside it ('the Women's Social and Political Union, the WSPU',
    'the National Union of Women's Suffrage Societies (NUWSS)'): its capitalised words' initials spell it."""
    pattern = rx(r"((?:[A-Z][\w’']*\s+(?:(?:of|and|for|the|on|in)\s+)*){1,8}[A-Z][\w’']*)\s*(?:,\s*(?:the\s+)?|\(\s*)"
                 + re.escape(abbreviation) + r"\b")
    for m in pattern.finditer(text):
        words = [w for w in m.group(1).split() if w[0].isupper()]
        for k in range(len(words)):
            if "".join(w[0] for w in words[k:]) == abbreviation:
                start = m.group(1).find(words[k])
                return m.group(1)[start:].strip()
    return ""


def _accept_other_forms(cands: list[Candidate], doc_facts: list[Fact], text: str = "") -> None:
    """A typed name also accepts the document's longer or shorter form of it: 'the Union Pacific'
    where the text also says 'the Union Pacific Railroad', and the other way round; 'the Opposition'
    where the text calls the Left Opposition so."""
    names: dict[str, set[str]] = {}
    for f in doc_facts:
        if f.kind in ("org", "place", "work") and len(f.text.split()) >= 2:
            names.setdefault(f.kind, set()).add(f.text)
    people = {f.text for f in doc_facts if f.kind == "person" and len(f.text.split()) >= 2}
    for c in cands:
        if c.qtype == "short_answer" and c.fact is not None and c.fact.kind == "person" and " " not in c.fact.text:
            full = {n for n in people if n.split()[-1] == c.fact.text}
            if len(full) == 1:  # 'Captain _____' (Smith), where the text also says 'Captain Edward Smith'
                c.accept = sorted(set(c.accept) | full)
        if c.qtype == "short_answer" and c.fact is not None and c.fact.kind == "person":
            c.accept = sorted(set(c.accept) | _other_names(c.fact.text, text, c.accept))
        if c.qtype == "short_answer" and c.fact is not None and c.fact.kind == "term" and c.fact.text.endswith("ism"):
            movement = rx(rf"\b{re.escape(c.fact.text[:-3])}(?:ite)? movement\b").search(text)
            if movement:  # 'Stakhanovism' is also 'the Stakhanov movement' in the text
                c.accept = sorted(set(c.accept) | {movement.group(0)})
        if c.qtype == "short_answer" and c.fact is not None and re.fullmatch(r"[A-Z]{2,6}", c.fact.text):
            full = expansion_beside(c.fact.text, text)
            if full:  # 'the Women's Social and Political Union, the WSPU': either (first-sight review of set 25)
                c.accept = sorted(set(c.accept) | {full})
        if c.qtype != "short_answer" or c.fact is None or c.fact.kind not in names:
            continue
        answer = c.fact.text
        other = {n for n in names[c.fact.kind] if n.startswith(answer + " ") and len(n.split()) == len(answer.split()) + 1
                 or answer.startswith(n + " ") and len(answer.split()) == len(n.split()) + 1}
        # 'the East India Company', which the text also calls 'the English East India Company' (first-sight
        # review of new-documents-22, C2); beside a 'Dutch East India Company' too, the bare name is either
        qualified = {n for n in names[c.fact.kind] if n.endswith(" " + answer) and len(n.split()) == len(answer.split()) + 1
                     and n.split()[0][:1].isupper()}
        if len(qualified) > 1:
            c.reject = c.reject or SHARED_NAME + f" ({', '.join(sorted(qualified))})"
        other |= qualified
        head = answer.split()[-1]
        if c.fact.kind == "org" and len(answer.split()) == 2 and rx(rf"\bthe {re.escape(head)}\b").search(text):
            other.add(head)
        words = answer.split()
        elsewhere = text.replace(answer, "") if len(words) >= 3 else ""
        for k in range(1, len(words) - 1):  # 'the New York State Barge Canal', later 'The Barge Canal opened …'
            tail = " ".join(words[k:])
            if words[k][:1].isupper() and rx(rf"(?i:\bthe) {re.escape(tail)}\b").search(elsewhere):
                other.add(tail)
                break
        if other:
            c.accept = sorted(set(c.accept) | other)


def _generate_one(doc: Document, doc_facts: list[Fact], index: FactIndex, source_file: str,
                  progress: Progress) -> DocumentResult:
    by_sentence: dict[int, list[Fact]] = {}
    for f in doc_facts:
        by_sentence.setdefault(f.sentence, []).append(f)
    name_counts: dict[str, int] = {}
    for f in doc_facts:
        name_counts[f.text] = name_counts.get(f.text, 0) + 1
    capitalised = Counter(re.findall(r"\b[A-Z]\w*", doc.text))  # one pass: linear in the document
    for f in doc_facts:  # a person named in full once, then by surname all through ('Fleming'); a place
        # named all through, some of the times inside a longer name ('Egypt's Supreme Council')
        word = f.text.split()[-1] if f.kind == "person" else f.text if f.kind == "place" else ""
        if len(word) >= 3 and word[0].isupper() and " " not in word and f.text in name_counts:
            name_counts[f.text] = max(name_counts[f.text], capitalised[word])
    person_names = {f.text for f in doc_facts if f.kind == "person"}
    person_names |= {name.split()[-1] for name in person_names}
    name_starts = {f.start for f in doc_facts if f.kind in NAME_KINDS}

    given = {n.split()[0] for n in person_names if len(n.split()) > 1}
    if doc.subject:
        given |= set(doc.subject[0].split())
    if re.fullmatch(r"(?!The\b)[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}", doc.title.strip()) and \
            rx(rf"(?<=[a-z,] ){re.escape(doc.title.split()[0])}\b").search(doc.text):
        given.add(doc.title.split()[0])  # the document is a life: 'Ada Lovelace', and 'Ada' stands alone in it
    def opens_with_name(s: Sentence) -> bool:
        """The sentence opens with a person's name, the family name of one ('Fleming and Florey had …') or the
        given name of one ('Ada was born …' in the life of Ada Lovelace)."""
        first = s.text.split(" ", 1)[0].rstrip("’'s,")
        return s.start in name_starts or first in person_names or first in given

    contexts = {s.index: build_context(doc, s, person_names, first_is_name=opens_with_name(s))
                for s in doc.sentences if s.index in by_sentence}
    for ctx in contexts.values():  # the stem opens with the first sentence of its chain
        ctx.chain_first_is_name = bool(ctx.chain) and opens_with_name(ctx.chain[0])
    cands: list[Candidate] = []
    rejected: list[dict] = []
    asked_once: set[str] = set()
    # The most-named newspaper or body of a document is what a student types into any blank of its
    # kind without reading the passage ('Thus, _____ in boasting …': Pravda): never asked.
    likewise = compared_by_likewise(doc, by_sentence)
    guesses = {kind: max((f.text for f in doc_facts if f.kind == kind), key=lambda n: (name_counts[n], n))
               for kind in ("work", "org") if any(f.kind == kind for f in doc_facts)}
    year_guess = _the_documents_year(doc)
    # the place the document is about ('the _____ stretches for about 2,300 km' in an article on the reef)
    # ('the reef' stands for the Great Barrier Reef all through an article that names it in full twice)
    mentions = {n: name_counts[n] + (len(rx(rf"(?i)\bthe {re.escape(n.split()[-1])}\b").findall(doc.text))
                                     if len(n.split()) > 1 else 0)
                for n in {f.text for f in doc_facts if f.kind == "place"}}
    place_guess = max(mentions, key=lambda n: (mentions[n], n)) if mentions else ""
    if place_guess and (mentions[place_guess] < PLACE_GUESS_MENTIONS or not (
            place_guess in lexicon.COUNTRIES or rx(rf"(?i)\b{re.escape(place_guess.split()[-1])}\b").search(doc.title))
            or sum(
            1 for n in mentions if mentions[n] * 2 > mentions[place_guess]) > 1):
        place_guess = ""  # not a country or the title's place, or not named more often than the others: no subject
    step = max(1, len(contexts) // 10)
    for i, (idx, ctx) in enumerate(sorted(contexts.items())):
        if progress and len(contexts) >= 2000 and i and i % step == 0:
            progress(f"  {doc.id}: questions {i}/{len(contexts)} sentences")
        sent_facts = by_sentence[idx]
        if ctx.problem:
            if doc.paragraphs[ctx.sentence.paragraph].kind in ("prose", "footnote"):
                rejected.append(_rejected_sentence(doc, ctx.sentence.text, ctx.problem))
            site_ctx = quotation_intro_context(doc, ctx, person_names)
            if site_ctx is not None:
                cands.extend(_intro_site_questions(doc, site_ctx, sent_facts, index, name_counts, rejected))
            continue
        tf_count = 0
        typed_count = {"name": 0, "number": 0}  # typed questions on names and on numbers, each capped
        for fact in sent_facts:
            why_not = fact_is_askable(doc, fact, sent_facts, name_counts) or likewise.get((idx, fact.start), "")
            # A newspaper or body named all through the document, or a term it keeps using, is
            # asked once (typed, at its first askable sentence), not at every mention.
            once = (fact.kind in ("work", "org") and why_not.startswith("trivial: named all through")) or (
                fact.kind == "term" and not why_not and name_counts.get(fact.text, 0) >= ONCE_TERM_MENTIONS) or (
                fact.kind == "quote" and not why_not and name_counts.get(fact.text, 0) >= 2)
            if not why_not and fact.kind == "place" and fact.text == place_guess:
                why_not = "the place the document is about, named all through it: a guess, not a reading"
            if not why_not and fact.kind == "year" and fact.text == year_guess:
                why_not = "the document's own year, named all through it ('1637' in a thread on the tulip mania): a guess"
            if once and fact.kind in guesses and fact.text == guesses[fact.kind] and why_not:
                why_not = "the most-named of its kind in the document: a guess, not a reading"
            elif once:
                why_not = "asked once already: named all through the document" if fact.text in asked_once else ""
            # A famous person is a fair typed answer where the stem does not give the name away by a
            # title ('Czar _____'); never an option among obscure names.
            typed_only = why_not.startswith("a famous name") and _famous_as_actor(doc, ctx.sentence, fact)
            # An age or a span of time given as a range ('2 to 4 months', '14–17 years') has no fair
            # wrong values (the words around it give them away), but typed it is read, not guessed.
            typed_only = typed_only or (why_not.startswith("an age or a span of time") and fact.high is not None
                                        and fact.kind == "range")
            # 'By the end of 1921, at least 500 …': a later date would make a true statement too, so
            # never among options or in a false statement; typed, the year the text gives is read.
            # Only where the sentence stands alone (blind review 20: a context sentence's "since published"
            # pointed further back).
            open_ended = why_not.startswith("open-ended time") and fact.kind in ("year", "date") and not ctx.chain
            typed_only = typed_only or open_ended
            if typed_only:
                why_not = ""
            # A figure that the others of its sentence compute is asked typed, with those others left out.
            # (Not a figure the document repeats at several other places: it is asked where stated plainly.)
            if why_not.startswith("the answer can be computed") and typed_count["number"] < MAX_TYPED_PER_SENTENCE \
                    and name_counts.get(fact.text, 0) < ONCE_TERM_MENTIONS:
                cut = number_clause_cut(ctx.sentence.text, fact.end - ctx.sentence.start)
                shown = [f for f in sent_facts if cut is None or f.end <= ctx.sentence.start + cut]
                elided = build_elided_question(doc, ctx, fact, computing_partners(fact, shown), shown)
                for c in elided:
                    quality.check(c)
                    typed_count["number"] += not c.reject
                cands.extend(elided)
            if why_not:
                rejected.append({"type": "fact", "answer": fact.text, "reason": why_not,
                                 "passage": ctx.sentence.text, "start": ctx.sentence.start})
                continue
            family = "name" if fact.kind in NAME_KINDS or fact.kind == "quote" else "number"
            made = build_fact_questions(doc, ctx, fact, index, want_tf=tf_count < MAX_TF_PER_SENTENCE,
                                        want_typed=typed_count[family] < MAX_TYPED_PER_SENTENCE)
            if fact.kind == "person" and doc.kind == "discussion" and any(
                    c.reject.startswith(THIN_DESCRIPTION) for c in made):
                # one line on a person of a thread says too little; with the sentence after it that goes
                # on about them ('… He was forcibly returned.') it may say enough: typed only
                nxt = following_about_person(doc, ctx.sentence, person_names)
                if nxt is not None:
                    made = [c for c in build_fact_questions(doc, dataclasses.replace(ctx, follow=[nxt]), fact, index,
                                                            want_tf=False, want_typed=True)
                            if c.qtype == "short_answer"] + [c for c in made if c.qtype != "short_answer"]
            if once or typed_only:
                made = [c for c in made if c.qtype == "short_answer" or open_ended and c.qtype == "numeric"]
            if fact.kind in ("date", "year") and year_given_by_now(doc, ctx.sentence.text):
                made = [c for c in made if c.qtype in ("multiple_choice", "true_false")]  # options of that year only
            for c in made:
                quality.check(c)
                if once and not c.reject:
                    asked_once.add(fact.text)
                tf_count += c.qtype == "true_false" and not c.reject and not c.features.get("variant")
                typed_count[family] += c.qtype in ("numeric", "short_answer") and not c.reject
            cands.extend(made)
        listed = composite.build_multiple_response(doc, ctx, sent_facts, index)
        cands.extend(listed)
        cands.extend(composite.build_name_pairs(doc, ctx, sent_facts, index, has_list_question=bool(listed)))
    _accept_other_forms(cands, doc_facts, doc.text)
    attribution = attribution_for(doc, quoted=False)
    cands.extend(composite.build_matching(doc, by_sentence, attribution))
    cands.extend(composite.build_ordering(doc, contexts, by_sentence, attribution))
    cands.extend(composite.build_event_year_questions(doc, contexts, by_sentence, attribution))
    cands.extend(composite.build_date_matching(doc, contexts, by_sentence, attribution))
    cands.extend(composite.build_statement_selection(doc, cands, attribution))
    for c in cands:
        quality.check(c)
    _one_form_per_blank(cands)
    bank.remove_near_duplicates(sorted(cands, key=_order))
    questions: list[dict] = []
    seen_ids: set[str] = set()
    for c in sorted(cands, key=_order):
        if c.reject:
            rejected.append(_rejected_candidate(c))
            continue
        qid = bank.question_id(c)
        if qid in seen_ids:
            c.reject = "duplicate of an identical question"
            rejected.append(_rejected_candidate(c))
            continue
        seen_ids.add(qid)
        score = quality.score(c)
        status = "published" if score >= quality.THRESHOLD else "needs_review"
        questions.append(bank.to_question(c, score, quality.difficulty(c), status))
    excluded = exclusions.exclusions(questions)
    for q in questions:
        if q["id"] in excluded:
            q["excludes"] = excluded[q["id"]]  # never in one attempt with these: one gives the other away
    rejected.sort(key=lambda r: (r.get("start", 0), r.get("type", ""), r.get("answer", ""), r["reason"]))
    return DocumentResult(doc, source_file, questions, rejected, len(doc_facts))


def _order(c: Candidate) -> tuple:
    return (c.cite_start, c.sentence.index, bank.TYPE_ORDER.index(c.qtype), c.key_text, c.prompt)


# A year the document names this many times, and twice as often as any other, is the one a student
# types into any blank year of it.
DOCUMENT_YEAR_MENTIONS = 5


def _the_documents_year(doc: Document) -> str | None:
    counts = Counter(re.findall(r"(?<![\d,.$£])(1[0-9]\d\d|20\d\d)(?![\d%])", doc.title + " " + doc.text))
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= DOCUMENT_YEAR_MENTIONS and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return None


def _rejected_sentence(doc: Document, text: str, reason: str) -> dict:
    return {"type": "sentence", "answer": "", "reason": reason, "passage": text,
            "start": doc.text.find(text)}


def _rejected_candidate(c: Candidate) -> dict:
    return {"type": c.qtype, "answer": c.key_text, "reason": c.reject, "passage": c.prompt,
            "start": c.cite_start}


# ------------------------------------------------------------------ files

def load_inputs(paths: list[Path]) -> tuple[list[Document], list[str]]:
    """Documents from files or folders; a folder with manifest.json is read with its metadata."""
    docs: list[Document] = []
    names: list[str] = []
    for path in paths:
        try:
            if path.is_dir():
                if (path / "manifest.json").exists():
                    loaded = reader.load_sources(path)
                    docs += loaded
                    names += [d.meta.get("file", d.id) for d in loaded]
                else:
                    for p in sorted(path.iterdir()):
                        if p.suffix.lower() in reader.SUPPORTED_SUFFIXES:
                            docs.append(reader.read_document(p))
                            names.append(p.name)
            else:
                docs.append(reader.read_document(path))
                names.append(path.name)
        except reader.DocumentError as exc:
            raise GenerationError(f"{path}: {exc}") from exc
    ids = Counter(d.id for d in docs)
    dupes = [i for i, n in ids.items() if n > 1]
    if dupes:
        raise GenerationError(f"two documents would share the id {dupes[0]!r}; rename one of the files")
    return docs, names


def generate_paths(paths: list[Path], out_dir: Path | None, progress: Progress = None) -> Summary:
    """The CLI's ``generate``: read, generate, write one JSON file per document and REPORT.md."""
    default = not paths
    if default:
        paths = [DEFAULT_SOURCES]
        if not DEFAULT_SOURCES.is_dir():
            raise GenerationError(f"{DEFAULT_SOURCES}/ not found: run from the project folder or give paths")
    out = out_dir or (DEFAULT_BANK if default else Path("bank"))
    docs, names = load_inputs(paths)
    if not docs:
        raise GenerationError("no documents to read (.txt, .md or .html)")
    summary = generate_documents(docs, progress=progress, source_files=names)
    summary.out_dir = out
    out.mkdir(parents=True, exist_ok=True)
    written = set()
    for r in summary.results:
        target = out / f"{r.document.id}.json"
        bank.write_bank(target, r.header, r.questions, r.rejected)
        written.add(target.name)
    if default:
        for stale in out.glob("*.json"):
            if stale.name not in written:
                stale.unlink()
    report = bank.render_report([(r.header, r.questions, r.rejected) for r in summary.results])
    (out / "REPORT.md").write_text(report, encoding="utf-8")
    log.info("wrote %d bank files to %s", len(written), out)
    return summary
