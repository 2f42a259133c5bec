"""Transcripts of spoken questions and answers: a talk's question time, an interview, a panel.

Each turn opens with its speaker's label ('Q (woman in the second row):', 'A (Dr. Okafor):',
'MODERATOR:', 'SMITH:'). The label is not part of what is said, and it is no section's title.
What the audience, a moderator or an interviewer says is a question or a link between questions,
not a claim of the talk; what a speaker answers is a claim of that speaker, and a question
attributes it to them ('According to Adaeze Okafor (2024), …').
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .genre import HONORIFIC
from .patterns import rx

# 'Q (woman in the second row): ', 'A (Dr. Okafor): ', 'MODERATOR: ', 'Dr. Okafor: ', 'JOHN SMITH: '
# (in Markdown the label is often bold: '**Q:**', '**Marta Kowalczyk:**', '**Interviewer**:')
_LABEL = re.compile(r"[ \t]*(?:\*\*|__|\*|_)?(?P<role>[A-Z][A-Za-z'’.-]*(?:[ \t]+[A-Z][A-Za-z'’.-]*){0,3})"
                    r"(?:[ \t]*\((?P<who>[^()\n]{1,80})\))?(?:\*\*|__|\*|_)?[ \t]*:(?:\*\*|__|\*|_)?[ \t]+(?=\S)")
# Roles that ask, introduce or thank: their turns are not claims of the talk.
ASKING_ROLES = frozenset({
    "q", "question", "questioner", "audience", "audience member", "moderator", "chair", "chairman", "chairwoman",
    "chairperson", "host", "interviewer", "presenter", "anchor", "reporter", "student", "caller"})
ANSWERING_ROLES = frozenset({"a", "answer"})
# 'Speaker: Dr. Adaeze Okafor (historian …)', 'Guest: …', 'Interviewee: …'
_HEADER_ROLE = re.compile(r"(?im)^[ \t]*(speaker|guest|interviewee|lecturer|panellist|panelist|moderator|chair|host|"
                          r"interviewer|presenter)[ \t]*:[ \t]*(.+?)[ \t]*$")
_TITLE_LINE = re.compile(r"(?im)^[ \t]*(?:transcript(?:[ \t]*:|[ \t]+of\b)|episode[ \t]+\d+[ \t]*:)[ \t]*(.+?)[ \t]*$")
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
# A speaker's first words that answer the question asked, which the stem does not show.
_REPLY_OPENING = re.compile(r"(?i)^\s*(?:\[[^\]]*\]\s*)?(?:yes|no|yeah|nope|both|neither|absolutely|exactly|indeed|right|correct|"
                            r"not quite|not really|partly|sort of|fair point|good question|well|it depends|that's|that is)\b")
_REPLY_INSIDE = re.compile(r"(?i)(?:,|;|--|[—–])[ \t]*(?:yes|no)\b(?![ \t]+(?:one|longer|more|less|fewer)\b)")
# How many labelled turns, and which share of the paragraphs they must be, make a transcript.
MIN_TURNS = 4
TURN_SHARE = 0.6
# The share of a label's turns that must end with a question mark for the label to be an interviewer's.
QUESTION_SHARE = 0.6


@dataclass(frozen=True)
class Turn:
    body: int  # where the spoken text begins, after the label
    speaker: str  # who says it, as a stem attributes it ('Adaeze Okafor (2024)'); "" where it asks
    asks: bool


def _role(m: re.Match) -> str:
    return re.sub(r"\s+", " ", m.group("role")).strip().lower()


def _readable(name: str) -> str:
    """'OKAFOR' -> 'Okafor'; 'Dr. Okafor' stays."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in name.split())


def _full_name(short: str, header: str) -> str:
    """'Dr. Okafor' -> 'Adaeze Okafor' where the header names her in full; the honorific goes."""
    bare = HONORIFIC.sub("", short).strip()
    surname = bare.split()[-1] if bare.split() else ""
    best = bare
    if surname:
        for m in rx(rf"((?:[A-Z][\w’'.-]*[ \t]+){{1,3}}){re.escape(surname)}\b").finditer(header):
            name = HONORIFIC.sub("", (m.group(1) + surname).strip())
            if len(name) > len(best):
                best = name
    return best


_PERSON = re.compile(r"\b(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z’'-]{2,}\b")


def _named_in_header(header: str) -> str:
    """The person the lines over the first turn name most often (the byline's writer aside): in an interview,
    the one who answers ('Marta Kowalczyk has kept bees on Warsaw's roofs for twenty years')."""
    lines = [line for line in header.splitlines()
             if not re.match(r"[\s*_]*(?:by|words by|interview by)\b|\s*#", line, re.I)]  # (nor the title)
    found = [m.group(0) for m in _PERSON.finditer("\n".join(lines))]
    names = [HONORIFIC.sub("", n) for n in found]
    titled = {HONORIFIC.sub("", n) for n in found if HONORIFIC.match(n)}  # 'Sports historian Dr Eleanor Marsh tells …'
    names = [n for n in names if n.split()[0] not in ("The", "A", "An", "In", "On", "At", "By", "For", "Is", "Was")]
    return max(names, key=lambda n: (n in titled, names.count(n))) if names else ""


def header_lines(block: str) -> bool:
    """'Pacific Northwest Public Radio, 91.7 FM / Broadcast: Monday 18 May 2020, 7:00 p.m. / Episode 212: …':
    short lines over a transcript's first turn, none of them a sentence, name the programme, not its claims."""
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    return bool(lines) and all(len(line.split()) <= 14 and not re.search(r"[a-z]{3}[.!?][\"”’')\]]*$", line)
                               for line in lines)


def transcript_title(text: str) -> str:
    """'Transcript: Questions and answers following “Station X”' -> the words after 'Transcript:'."""
    m = _TITLE_LINE.search(text[:1500])
    return m.group(1).strip() if m and len(m.group(1).split()) >= 2 else ""


def turns(text: str, paragraphs: list[tuple[int, int]]) -> dict[int, Turn] | None:
    """The turns of a transcript, by the start of their paragraph; None when ``text`` is no transcript.

    ``paragraphs`` are the (start, end) of the paragraphs that may be prose. Paragraphs without a
    label after the first turn go on the turn before them (an answer of several paragraphs)."""
    labelled = [(start, m) for start, end in paragraphs if (m := _LABEL.match(text, start, end))]
    roles = [_role(m) for _, m in labelled]
    counts = {r: roles.count(r) for r in roles}
    ends = dict(paragraphs)
    # '**Long Stride: So how did a legend become an Olympic event?**': a magazine's name over its questions,
    # each answered by a paragraph with no label; a label whose turns are mostly questions asks
    questions = {r: sum(1 for (start, m) in labelled if _role(m) == r and
                        text[start:ends[start]].rstrip(" \t*_").endswith("?")) for r in counts}
    asking = set(ASKING_ROLES) | {r for r, n in counts.items() if n >= MIN_TURNS and questions[r] >= QUESTION_SHARE * n}
    first = labelled[0][0] if labelled else 0
    after = [p for p in paragraphs if p[0] >= first]
    # '**Q:** How did you start?' over an answer with no label of its own: the answer is a turn too
    asked = {start for start, m in labelled if _role(m) in asking}
    starts = {start for start, _ in labelled}
    answered = sum(1 for k, p in enumerate(after) if k and after[k - 1][0] in asked and p[0] not in starts)
    single_voice = len(counts) == 1 and next(iter(counts)) in asking and answered >= MIN_TURNS
    # a chair who gives the floor to one speaker after another, each of them heard once (a debate)
    chaired = len(counts) >= 3 and any(n >= 2 for r, n in counts.items() if r in asking)
    if not single_voice and not chaired and (len(counts) < 2 or sum(1 for c in counts.values() if c >= 2) < 2) \
            or len(labelled) < MIN_TURNS or len(labelled) + answered < TURN_SHARE * len(after) \
            or not any(r in asking or r in ANSWERING_ROLES for r in counts):
        return None
    header = text[:first]
    year = next((y.group(1) for line in header.splitlines()
                 if re.search(r"(?i)\b(?:date|broadcast|aired|recorded)\b|\d{4}[\s*_]*$", line)
                 and (y := _YEAR.search(line))), "")
    main = next((m.group(2) for m in _HEADER_ROLE.finditer(header)
                 if m.group(1).lower() in ("speaker", "guest", "interviewee", "lecturer", "panellist", "panelist")), "")
    main = re.split(r"\s*[(,]", main)[0].strip() or _named_in_header(header)
    askers = {HONORIFIC.sub("", re.split(r"\s*[(,]", m.group(2))[0]).strip().lower()
              for m in _HEADER_ROLE.finditer(header)
              if m.group(1).lower() in ASKING_ROLES}

    # the header, and the host's words that introduce the guest ('With me is Dr. Karen Halvorsen, …')
    intro = text[:next((start for start, m in labelled if _role(m) not in ASKING_ROLES), first)]

    def who(name: str) -> str:
        full = _full_name(name, intro)
        return f"{full} ({year})" if year else full

    out: dict[int, Turn] = {}
    for start, m in labelled:
        role = _role(m)
        named = (m.group("who") or "").strip()
        if role in asking or HONORIFIC.sub("", m.group("role")).strip().lower() in askers \
                or any(_full_name(m.group("role"), header).lower().endswith(a.split()[-1]) for a in askers if a):
            out[start] = Turn(m.end(), "", True)
        elif role in ANSWERING_ROLES:
            name = named if named and re.match(r"[A-Z]", named) else main
            out[start] = Turn(m.end(), who(name) if name else "the speaker", False)
        else:
            out[start] = Turn(m.end(), who(_readable(m.group("role"))), False)
    answers = [t.speaker for t in out.values() if not t.asks and t.speaker != "the speaker"]
    answerer = max(answers, key=answers.count) if answers else (who(main) if main else "the speaker")
    current: Turn | None = None
    for start, _ in paragraphs:
        if start in out:
            current = out[start]
        elif current is not None and start > first:
            # an answer goes on over several paragraphs; after a question, the one who answers speaks
            out[start] = Turn(start, answerer, False) if current.asks else Turn(start, current.speaker, False)
            current = out[start]
    return out


# A word that may be a sentence's verb: an auxiliary, a past in -ed, a common irregular past, a present in -s.
_VERB_LIKE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|may|might|"
                        r"must|shall|should|began|became|came|went|took|made|struck|fell|rose|grew|saw|built|found|gave|"
                        r"got|left|lost|ran|said|sent|told|thought|won|wrote|brought|held|kept|knew|led|met|paid|put|"
                        r"set|stood|\w+ed|\w+[^s']s)\b")


def is_reply(sentence: str, opens_turn: bool) -> bool:
    """'Both, in a sense, but the order matters.' (the turn's first words), 'By early 1945, yes -- roughly
    10,000', 'At 8:32 in the morning, on Sunday the 18th of May, 1980.' (no verb: the question asked has it):
    the words answer a question the stem does not show."""
    return bool((opens_turn and (_REPLY_OPENING.match(sentence) or not _VERB_LIKE.search(sentence)))
                or _REPLY_INSIDE.search(sentence))
