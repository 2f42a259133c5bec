"""Markdown's inline markup, found by offset so that it can be left out of what a reader sees.

A document's text is kept exactly as read (every citation is ``text[start:end]``), so a Markdown
file's ``**bold**``, ``*italics*``, ``_italics_``, ``code`` in backticks and ``[links](url)`` stay in
it, and so do images (``![caption](fig.jpg)``) and footnote references (``[^1]``), which are
hidden whole. ``markup_offsets`` gives the offsets of the markup characters; ``plain`` removes them. A stem,
a quoted passage and the document reader all show the plain text. Underscores count as markup only
around words, never the blank's ``_____``.
"""
from __future__ import annotations

import re

_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\s]+(?:\s+\"[^\"]*\")?\)")
_CODE = re.compile(r"`([^`\n]+)`")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*(?!\*)|(?<![\w_])__(?=[^\s_])([^_\n]*[A-Za-z][^_\n]*?)(?<=[^\s_])__(?![\w_])")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\w)")
_STRONG_EM = re.compile(r"\*\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*\*(?!\*)")  # '***both***'

_EM_UNDER = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]*[A-Za-z][^_\n]*?)(?<=[^\s_])_(?![\w_])")
_MARKERS = frozenset("*_`[")
# Hidden whole: an image ('![a caption](fig.jpg)', its words are no part of the prose) and a
# footnote reference ('[^1]', '[^note]'; never the note's own '[^1]:').
IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\s]+(?:\s+\"[^\"]*\")?\)")  # group 1: the caption
_WHOLE = re.compile(IMAGE.pattern + r"|\[\^[\w-]{1,20}\](?!:)")


def markup_offsets(text: str) -> list[int]:
    """Sorted offsets (into ``text``) of its inline markup characters."""
    if _MARKERS.isdisjoint(text):
        return []
    hidden: set[int] = set()
    literal: set[int] = set()  # code keeps its stars and underscores
    for m in _WHOLE.finditer(text):
        hidden.update(range(m.start(), m.end()))
    for pattern in (_CODE, _LINK, _STRONG_EM, _STRONG, _EM_STAR, _EM_UNDER):
        for m in pattern.finditer(text):
            group = next(g for g in range(1, (m.lastindex or 1) + 1) if m.group(g) is not None)
            markers = [*range(m.start(), m.start(group)), *range(m.end(group), m.end())]
            if any(i in hidden or i in literal for i in markers):
                continue  # a marker already taken, or a character inside code
            hidden.update(markers)
            if pattern is _CODE:
                literal.update(range(m.start(group), m.end(group)))
    return sorted(hidden)


def plain(text: str) -> str:
    """``text`` without its inline markup: '**polyps**' -> 'polyps', '[a survey](url)' -> 'a survey'."""
    hidden = markup_offsets(text)
    if not hidden:
        return text
    drop = set(hidden)
    return "".join(c for i, c in enumerate(text) if i not in drop)
