"""The chrome a thread leaves in copied text: a Q&A site's answer and comment lines, a message board's post
heads, member lines, action buttons, signatures and quoted posts. Lines and blocks of it are page furniture,
never statements (``structure.furniture_line`` asks ``chrome_line``)."""
from __future__ import annotations

import re

_THREAD_CHROME_LINE = re.compile(r"(?i)answered by .+|.*\b\d[\d.,]*k? upvotes?\b.*|view \d+ comments?.*|"
                                 r"posted (?:on )?\d{1,2}/\d{1,2}/\d{2,4}.*|started by .*\breplies\b.*|"
                                 # 'Page 1 of 1 | Back to Uniform, PE kit & equipment', 'You must be logged in to reply.'
                                 r"page \d+ of \d+\b.*|you must be (?:logged|signed) in\b.*|.*\blog in \| register\b.*|"
                                 r".*\|\s*\d[\d,]*\s+(?:replies|views|posts|reactions)\b.*|"
                                 # a message board: 'Replies: 5 | Views: 1,284', 'Reply   Quote   Report',
                                 # 'Users browsing this thread: 3 (1 member, 2 guests)', 'Quote from HebrideanHaar:'
                                 r".*\b(?:replies|views|posts):\s*\d[\d,]*\b.*|"
                                 r"(?:(?:reply|quote|multi-?quote|report|like|share|thanks)\s*[|·]?\s*){2,}|"
                                 r"(?:users|members|people) (?:browsing|viewing|reading) this (?:thread|topic|forum)\b.*|"
                                 r"who is online\b.*|please read (?:our|the) .*\b(?:guidelines|rules|terms)\b.*|>?\s*quote(?: from)?\s*@?[\w.-]+\s*:|[\w.-]+ (?:wrote|said):")
# The head of a post on a message board: '#1  Posted 03 Oct 2026, 19:12', 'Posted on 12 March 2024 at 9:14'
POST_HEAD = re.compile(r"(?i)(?:#\d+\s+)?posted\s+(?:on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|"
                       r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d\d-\d\d)"
                       r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?(?:\s+by\s+.*)?")
_COMMENT_BYLINE = re.compile(r"[*_]*[A-Z][\w.’' -]{1,40}[*_]*\s+[—–-]\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"
                             r"(?:,?\s+at\s+\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?)?")
# The signature a Q&A site puts after a comment: '– J. R. Abernathy Mar 3 '19 at 16:11', '– user123 5 hours ago'
_COMMENT_SIGNATURE = re.compile(r"\s[–—-]\s+@?[\w.’' -]{2,40}?\s+(?:[A-Z][a-z]{2}\s+\d{1,2}(?:,?\s+'?\d{2,4})?\s+at\s+"
                                r"\d{1,2}:\d{2}|\d+\s+(?:mins?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago)\s*$")


def post_head_block(lines: list[str]) -> bool:
    """A post's head on a message board: its number and time, the member's name and rank on lines of
    their own ('#1  Posted 03 Oct 2026, 19:12' / 'Stormlantern' / 'Member  |  Joined: Mar 2019  |  Posts: 412')."""
    lines = [line.strip() for line in lines if line.strip()]
    return bool(lines) and len(lines) <= 5 and POST_HEAD.fullmatch(lines[0]) is not None and all(
        len(line.split()) <= 12 and not re.search(r"[a-z]{2}[.!?]$", line) for line in lines[1:])


def signature_block(lines: list[str]) -> bool:
    """A signature under its '--' delimiter: the member's motto, what they are reading, a link."""
    lines = [line.strip() for line in lines if line.strip()]
    return len(lines) >= 2 and lines[0] in ("--", "-- ", "—", "__") and len(lines) <= 4

def chrome_line(s: str) -> bool:
    """A line a thread's page puts around its posts, not a post's words (``s`` stripped)."""
    if len(s) <= 700 and _COMMENT_SIGNATURE.search(s):
        return True  # a comment under a forum post: '… – kerkyra_91 Mar 3 '19 at 19:30'
    if len(s) <= 160 and (_THREAD_CHROME_LINE.fullmatch(s) or POST_HEAD.fullmatch(s)):
        return True  # 'Answered by Eleanor M. Whitcombe, Historian of early modern Europe · Updated 2y'
    return len(s) <= 80 and _COMMENT_BYLINE.fullmatch(s) is not None  # '**Dennis O'Rourke** — 15 June 2023 at 9:42 am'
