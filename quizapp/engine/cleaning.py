"""A sentence as a stem shows it: what the source's page leaves in its text (footnote markers, a trailing
citation, Markdown's marks, a PDF's hyphen at a line's end, a writer's label, a stray quotation mark) taken
out, and nothing else changed. The quoted passage of the citation keeps the text as it is."""
from __future__ import annotations

import re

from wordfreq import zipf_frequency

from quizapp.engine import markup
from quizapp.engine.anaphora import TRAILING_CITATION

_FOOTNOTE = re.compile(r"\s*\[\d{1,3}\]")  # a marker, not a year the stem adds in brackets
ELLIPSIS_THEN_SENTENCE = re.compile(r"^\s*(?:\.\.\.|…)\s*(?=[A-Z])")
_ARTICLE_LABEL = re.compile(r"^(?:Article|Section|Clause|Paragraph|Point|§)\s*\d+[a-z]?\s*[:.]\s+(?=[A-Z])")


_STAGE_NOTE = re.compile(r"\s*\[(?:applause|laughter|laughs|pause|long pause|inaudible|crosstalk|chatter[^\]]{0,30}|"
                         r"counting|murmurs?|sighs?|coughs?|silence|music|cheers?|cheering|booing|groans?|interruption)\]",
                         re.I)


def clean_sentence(text: str, keep_colon: bool = False) -> str:
    """The sentence as shown in a stem: no footnote markers, no trailing source citation,
    a closing colon (before a quotation the stem leaves out) made a full stop."""
    text = _FOOTNOTE.sub("", text)
    text = markup.plain(text)  # a Markdown file's **bold**, *italics* and [links](url)
    if ELLIPSIS_THEN_SENTENCE.match(text):  # '... Article 5: Workers and …' -> 'Workers and …'
        text = _ARTICLE_LABEL.sub("", ELLIPSIS_THEN_SENTENCE.sub("", text))
    text = _STAGE_NOTE.sub("", text)  # '[applause]', '[pause]': what the room did, not what was said
    text = _LONE_EMPHASIS.sub("", text)  # '*From a dying messenger …' (an italic standfirst of several sentences)
    text = _LEAD_LABEL.sub("", text)  # 'Quick summary: Grace was born …' -> 'Grace was born …'
    text = _LINE_BREAK_HYPHEN.sub(_join_broken_word, text)  # 'the Eura-\nsian plate' (a PDF's lines) -> 'Eurasian'
    if not keep_colon:
        text = re.sub(r":\s*$", ".", text)
    if text.count("”") > text.count("“") and not text.lstrip().startswith("“") and not text.rstrip().endswith("”"):
        text = re.sub(r"(?<=\w[,.])”|(?<=\w)”(?=[\s,.])", "", text, count=1)  # the source's stray closing quote
    text = TRAILING_CITATION.sub("", text)
    text = re.sub(r"\b(and|or|the|of|to|in)\. (?=[a-z])", r"\1 ", text)  # 'incontestable and. staggering'
    text = re.sub(r"(?<=[a-z])\.\.(?=\s)", ".", text)  # 'October.. All'
    text = re.sub(r"‘(?=[^‘’]*$)", "", text)  # an opening single quotation mark the sentence never closes
    text = _SPLIT_SUFFIX.sub(r"\1\2", text)  # the source's 'point ed out' -> 'pointed out'
    text = _CAPITAL_MID.sub(lambda m: m.group(1) + m.group(2).lower(), text)  # 'achieved Just the' -> 'just'
    return re.sub(r"\s+", " ", text).strip()


# The mark that opens or closes a span of italics or bold over several sentences, left alone at either end
# of one of them ('*From a dying messenger in ancient Greece …', '… the event's most misunderstood.*').
_LONE_EMPHASIS = re.compile(r"^[*_]{1,2}(?=[A-Z“\"])(?!.*[*_]{1,2}\s*$)|(?<=[.!?”\"])[*_]{1,2}$")


# A word a PDF's line broke with a hyphen: joined when the whole word is the commoner spelling ('subduc-/tion',
# 'Eura-/sian'), kept hyphenated when the hyphened one is ('well-/known', 'long-/term').
_LINE_BREAK_HYPHEN = re.compile(r"([A-Za-z]+)-[ \t]*\n[ \t]*([a-z]+)")


def _join_broken_word(m: re.Match) -> str:
    whole, hyphened = m.group(1) + m.group(2), f"{m.group(1)}-{m.group(2)}"
    return whole if zipf_frequency(whole.lower(), "en") > zipf_frequency(hyphened.lower(), "en") else hyphened


# A writer's label before a sentence ('Quick summary: Grace was born …', 'Update: The light …'): a
# word or three and a colon, then the sentence; not a blank, a figure or an article's number.
_LEAD_LABEL = re.compile(r"^[*_]*(?!Article\b|Section\b|Chapter\b|Part\b|Note\b)[A-Z][a-z]+(?:\s+[a-z]+){0,2}[*_]*:"
                         r"[*_]*\s+(?=[*_]*[A-Z])")


# Transcription slips a stem need not copy (the quoted passage keeps them): a suffix split from its
# word, and an adverb capitalised in the middle of a sentence.
_SPLIT_SUFFIX = re.compile(r"\b([a-z]{3,}) (ed|ing)\b(?=[\s,.;:])")
_CAPITAL_MID = re.compile(r"(\b[a-z]+,? )(Just|Only|Even|Also|Very|Quite|Still|Already|Almost|Merely|Simply)\b(?= [a-z])")
