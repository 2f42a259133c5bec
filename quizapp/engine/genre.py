"""What kind of document an unlabelled file is: a thread of questions and answers copied from a
forum is a discussion, a signed piece that argues in the first person is an argument, anything else
is a reference text. The kind decides how a question attributes what it asks ('According to one
answer in the History Stack Exchange thread …', 'According to Helen R. Marchetti (2023), …')."""
from __future__ import annotations

import re

# The chrome a Q&A page leaves in copied text: 'answered Mar 3 '19 at 14:02', 'Accepted answer',
# 'Improve this answer', '3 Answers'.
_THREAD_MARKS = re.compile(
    r"(?im)^[ \t]*(?:(?:asked|answered|edited)[ \t]+(?:[A-Z][a-z]{2}[ \t]+\d{1,2}(?:[ \t]+'\d\d)?[ \t]+at[ \t]+\d"
    r"|\d+[ \t]+\w+[ \t]+ago)|[✓✔]?[ \t]*accepted answer\b|.*\bimprove this (?:answer|question)\b|\d+[ \t]+answers?\b"
    # a Reddit-like forum: 'submitted 3 years ago by u/…', 'u/… 2,836 points · 3 years ago', 'permalink reply share report'
    r"|submitted[ \t]+\d+[ \t]+\w+[ \t]+ago|.*\b\d[\d,]*[ \t]+points?\b.*\bago\b|(?:permalink[ \t]+)?(?:parent[ \t]+)?reply[ \t]+share"
    r"[ \t]+report\b"
    # a message board: 'Posted 12/09/2023 21:14', 'Quote | Report', 'Started by … | 7 replies'
    r"|posted[ \t]+(?:on[ \t]+)?\d{1,2}/\d{1,2}/\d{2,4}|quote[ \t]*\|?[ \t]*report[ \t]*$|started by .*\breplies\b"
    # '#1  Posted 03 Oct 2026, 19:12', 'Reply   Quote   Report', 'Member  |  Joined: Mar 2019  |  Posts: 412'
    r"|(?:#\d+[ \t]+)?posted[ \t]+(?:on[ \t]+)?\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?,?[ \t]+\d{4}"
    r"|reply[ \t]*[|·]?[ \t]*quote[ \t]*[|·]?[ \t]*report[ \t]*$|.*\bjoined:?[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{4}\b.*\bposts:?[ \t]+\d"
    # a Quora-like page: 'Answered by Eleanor M. Whitcombe, … · Updated 2y', '1.2K upvotes', 'View 14 comments'
    r"|answered by\s|.*\b\d[\d.,]*K?[ \t]+upvotes?\b|view[ \t]+\d+[ \t]+comments?\b)")
_SITE = re.compile(r"(?m)\b((?:[A-Z][\w&-]*[ \t]+){1,3}Stack Exchange|Stack Overflow|Super User|Server Fault|Reddit|Quora)\b"
                   # a message board's name on a line of its own at the top: 'Coast & Light Heritage Forum'
                   r"|^[ \t]*((?:[A-Z][\w’'-]*|&)(?:[ \t]+(?:[A-Z][\w’'-]*|&|of|the|and)){0,5}[ \t]+(?:Forums?|Boards?|"
                   r"Message Board|Community))[ \t]*$")
# A message board, not a site of questions and answers: its posts are posts, the first one no question.
_BOARD = re.compile(r"(?im)^[ \t]*(?:#\d+[ \t]+)?posted[ \t]+(?:on[ \t]+)?(?:\d{1,2}[ \t]+[A-Z][a-z]{2,8}|\d{1,2}/\d{1,2}/)"
                    r"|^[ \t]*reply[ \t]*[|·]?[ \t]*quote[ \t]*[|·]?[ \t]*report[ \t]*$|\bjoined:?[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{4}\b")
_FIRST_PERSON = re.compile(r"\b(?:I|my|me|I’m|I'm|I’ve|I've)\b")
HONORIFIC = re.compile(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Rev|Sir|Dame)\.?\s+")  # left out of an attribution
# A letter signed under its sign-off: 'Sincerely,' and, on a line of its own, the writer's name
_SIGNATURE = re.compile(r"(?im)^[ \t]*(?:yours\s+)?(?:sincerely|faithfully|truly|respectfully)(?:\s+yours)?,?[ \t]*\n(?:[ \t]*\n)*"
                        r"[ \t]*((?:Dr\.?\s+|Prof\.?\s+)?[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){1,4}(?:,[ \t]*[A-Z][A-Za-z.]{0,6})*)[ \t]*$")
_DATE_NEAR_TOP = re.compile(r"(?m)^[ \t]*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|"
                            r"October|November|December)\s+(?:\d{1,2},?\s+)?\d{4}[ \t]*$")
# How many marks of a thread, and how many first-person words in a signed piece, decide the kind.
THREAD_MARKS = 2
FIRST_PERSON_WORDS = 4


_ANSWERS_BEGIN = re.compile(r"(?im)^[ \t]*(?:\d+[ \t]+answers?\b|(?:\d+[ \t]+)?[✓✔]?[ \t]*accepted answer\b|\d[\d,]*[ \t]+comments?\b"
                            r"|(?:reply[ \t]*[|·]?[ \t]*)?quote[ \t]*\|?[ \t]*report[ \t]*$)")  # (a board: the opening post ends at its first 'Quote | Report')


def answers_start(text: str) -> int | None:
    """Where a thread's answers begin ('3 Answers', 'Accepted answer'): what is before is the question."""
    m = _ANSWERS_BEGIN.search(text)
    return m.start() if m else None


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n((?:.*\n){1,40}?)---[ \t]*(?:\n|\Z)")
_FRONT_FIELD = re.compile(r"(?m)^([A-Za-z_]+):[ \t]*(.*?)[ \t]*$")
FRONT_MATTER_KEYS = ("title", "author", "date", "publication", "kind")


def front_matter(text: str) -> tuple[dict, int] | None:
    """The fields of a Markdown file's YAML front matter ('title: "…"', 'author: …', 'date: 2024-03-08')
    and where the block ends; only simple 'key: value' lines are read."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return None
    fields = {}
    for key, value in _FRONT_FIELD.findall(m.group(1)):
        value = value.strip().strip("\"'")
        if key.lower() in FRONT_MATTER_KEYS and value:
            fields[key.lower()] = value
    return fields, m.end()


def thread_question(text: str) -> str | None:
    """The thread's question, a line of its own near the top that ends with a question mark; or the title
    a board gives the thread ('Thread: Famous keepers — who's your favourite? (and what really happened?)')."""
    for line in text[:4000].splitlines()[:60]:
        m = re.fullmatch(r"[ \t#*_]*(?:thread|topic|subject)[ \t]*:[ \t]*(.+?)[ \t*_]*", line, flags=re.I)
        if m and 2 <= len(m.group(1).split()) <= 25:
            return m.group(1)
    for line in text[:4000].splitlines()[:60]:
        line = line.strip().strip("#*_ ").strip()
        if re.search(r"\s[>»›]\s", line):
            continue  # 'Home > Maritime History > … > Famous keepers — who's your favourite?': a breadcrumb
        # 'How bad was the Dutch "tulip mania" really? Did people … everything? Early Modern': a forum's flair after it
        line = re.sub(r"(?<=\?)\s+(?:[A-Z][\w&-]*\s*){1,3}$", "", line)
        line = re.sub(r"^(?:thread|topic|subject|re|question)\s*:\s*", "", line, flags=re.I)  # 'THREAD: £286 for …?'
        line = re.sub(r"[?!]+[!?]*$", "?", line)  # '… uniform?!'
        if "?" in line[:-1] and not line.endswith("?"):
            continue
        if line.endswith("?") and 4 <= len(line.split()) <= 25:
            return line
    return None


def infer_kind(text: str, byline: tuple[str, str] | None) -> tuple[str, str] | None:
    """(kind, attribution) for a document without metadata, or None for a reference text."""
    if len(_THREAD_MARKS.findall(text)) >= THREAD_MARKS:
        site = _SITE.search(text[:2000])
        where = f"the {(site.group(1) or site.group(2)).strip()} thread" if site else "the discussion thread"
        if len(_BOARD.findall(text)) >= THREAD_MARKS:
            return "discussion", f"one post in {where}"
        return "discussion", f"one answer in {where}"
    if not byline:
        signed = _SIGNATURE.search(text)
        date = _DATE_NEAR_TOP.search(text[:1500])
        if signed:
            byline = (re.sub(r",\s*(?:[A-Z][A-Za-z.]{0,6}\.?,?\s*)+$", "", signed.group(1).strip()), date.group(0) if date else "")
    if byline and not byline[1]:
        date = _DATE_NEAR_TOP.search(text[:1500])  # 'Friday 8 March 2024' on a line of its own under the byline
        byline = (byline[0], date.group(0) if date else "")
    if byline and len(_FIRST_PERSON.findall(text)) >= FIRST_PERSON_WORDS:
        author = HONORIFIC.sub("", byline[0])
        year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", byline[1] or "")
        return "argument", f"{author} ({year.group(1)})" if year else author
    return None
