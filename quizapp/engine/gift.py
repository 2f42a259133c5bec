"""GIFT (Moodle's text format): import and export, in pure Python.

The rules are Moodle's importer's (``question/format/gift/format.php`` and
``question/format.php``), as written down in
``shared/conformance/gift/SPEC.md``; section numbers below refer to it.

``parse_gift(text_or_bytes)`` returns a :class:`GiftResult`: the questions as
bank-question dicts (``citation`` is None; GIFT's weights are kept as
``fraction`` on each choice or accepted answer, tolerances as ``tolerance``),
the ``$CATEGORY:`` switches, the questions of types QuizApp does not grade
(``skipped``, each naming its line and type), and ``warnings``. Malformed input
raises :class:`GiftError` holding every error found, each with its line: the
import is all-or-nothing.

``to_gift(questions)`` writes them back the way Moodle's exporter does
(``export_*`` cases), so that importing the output gives the same questions.

GIFT type -> bank type: multichoice with an ``=`` -> multiple_choice; without
one -> multiple_response; truefalse -> true_false; shortanswer -> short_answer;
numerical -> numeric; match -> matching. Essay and description are skipped.

Extra keys on imported questions (besides the bank format's): ``name``;
``format`` (the question text's format); per-part formats only where they
differ from ``format`` (``explanation_format``, a choice's ``format`` and
``feedback_format``, an answer's ``feedback_format``, ``pair_formats``);
``idnumber`` and ``tags`` (from ``//`` comments); ``category`` (the current
``$CATEGORY:`` path as written); ``answers`` (short answer and numeric: every
answer with ``text``, ``fraction``, ``feedback``, and for numeric ``value``,
``tolerance`` and for ranges ``min``/``max``; ``value`` None is Moodle's ``*``,
any other answer); ``distractors`` (matching: right-hand items with no left).
The general feedback is the bank's ``explanation``.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, field

from .questionspec import Issue, TEXT_FORMATS, numeric_value, ordered, validate_question

UTF8_ERROR = ("The file you selected does not use UTF-8 character encoding. "
              "GIFT format files must use UTF-8.")

_TRIM = " \t\n\r\x00\x0b"  # what PHP's trim() removes
# Escapes become placeholders before parsing (SPEC 3). Unicode noncharacters
# are meant for internal use like this; input holding one is refused.
_ESCAPES = {":": "\ufdd0", "#": "\ufdd1", "=": "\ufdd2", "{": "\ufdd3", "}": "\ufdd4",
            "~": "\ufdd5", "n": "\ufdd6"}
_BACKSLASH = "\ufdd7"
_POST = str.maketrans({ph: ("\n" if ch == "n" else ch) for ch, ph in _ESCAPES.items()})
_RESERVED = re.compile("[\ufdd0-\ufdd7]")
_WEIGHT = re.compile(r"^%-*[0-9]{1,2}\.?[0-9]*%")
_PHP_NUMERIC = re.compile(r"[ \t\n\r\v\f]*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t\n\r\v\f]*")
_FORMAT_TAG = re.compile(r"^\[(moodle|html|plain|markdown)\]")
_CONTEXT = re.compile(r"^\$([a-z]+)\$$")
_ID_TOKEN = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f\x7f])+)\]")
_TAG_TOKEN = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f\x7f])*)\]")

# question_bank::fraction_options_full() in the stored Moodle version (SPEC 11).
_GRADES = (1.0, 0.9, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
           0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0)
MOODLE_GRADES = tuple(sorted(set(_GRADES + tuple(-g for g in _GRADES if g))))
NO_GIFT_TYPES = ("ordering",)  # bank types GIFT has no syntax for
UNGRADED_TYPES = {"essay": "essay questions are marked by hand",
                  "description": "a description is text with no answers"}


@dataclass(frozen=True)
class GiftIssue:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class GiftError(ValueError):
    """Malformed GIFT: ``errors`` lists every problem, each with its line."""

    def __init__(self, errors: list[GiftIssue]):
        self.errors = sorted(errors, key=lambda e: e.line)
        super().__init__("\n".join(str(e) for e in self.errors))


class GiftExportError(ValueError):
    """Questions that cannot be written as GIFT; ``errors`` says which and why."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class GiftResult:
    questions: list[dict] = field(default_factory=list)
    question_lines: list[int] = field(default_factory=list)  # line of each question
    categories: list[dict] = field(default_factory=list)  # {line, path, names, context}
    skipped: list[dict] = field(default_factory=list)  # {line, type, name, reason, question}
    warnings: list[GiftIssue] = field(default_factory=list)

    def to_bank(self) -> dict:
        """What ``quizapp bank import --dry-run`` prints: ``{"questions": [...]}``."""
        return {"questions": self.questions}


# -- small helpers ------------------------------------------------------------
def _trim(s: str) -> str:
    return s.strip(_TRIM)


def _escape_pre(s: str) -> str:
    s = s.replace("\\\\", _BACKSLASH)
    for ch, ph in _ESCAPES.items():
        s = s.replace("\\" + ch, ph)
    return s.replace(_BACKSLASH, "\\")


def _post(s: str) -> str:
    return s.translate(_POST)


def _text_with_format(text: str, default: str) -> tuple[str, str]:
    """parse_text_with_format: an optional [format] prefix, escapes, trim."""
    fmt = default
    if text.startswith("["):
        end = text.find("]")
        if end > 0 and text[1:end] in TEXT_FORMATS:
            fmt, text = text[1:end], text[end + 1:]
    return _trim(_post(text)), fmt


def _comment_split(answer: str, default: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """commentparser: ``text#feedback`` split at the first ``#``."""
    bits = answer.split("#", 1)
    text = _text_with_format(_trim(bits[0]), default)
    feedback = _text_with_format(_trim(bits[1]), default) if len(bits) > 1 else ("", default)
    return text, feedback


def strip_tags(text: str) -> str:
    """PHP strip_tags, near enough: drop ``<tag ...>``, keep a lone ``<``."""
    return re.sub(r"<(?=[^\s<])[^>]*(?:>|$)", "", text)


def _multilang_ok(text: str, tag: str, opening: re.Pattern) -> bool:
    is_open = False
    for match in re.findall(r"<.*?>", text, re.S):
        if match == f"</{tag}>":
            if not is_open:
                return False
            is_open = False
        elif opening.match(match):
            is_open = True
        else:
            return False
    return not is_open


def clean_text(text: str) -> str:
    """Moodle's PARAM_TEXT: remove HTML tags, keeping well-formed multilang ones."""
    if "</lang>" in text:
        kept = re.sub(r"<(?!/?lang[\s>])(?=[^\s<])[^>]*(?:>|$)", "", text)
        if _multilang_ok(kept, "lang", re.compile(r'^<lang lang="[a-zA-Z0-9_-]+"\s*>$')):
            return kept
    elif "</span>" in text:
        kept = re.sub(r"<(?!/?span[\s>])(?=[^\s<])[^>]*(?:>|$)", "", text)
        opening = re.compile(r'^<span(\s+lang="[a-zA-Z0-9_-]+"|\s+class="multilang"){2}\s*>$')
        if _multilang_ok(kept, "span", opening):
            return kept
    return strip_tags(text)


def _shorten(text: str, ideal: int) -> str:
    if len(text) <= ideal:
        return text
    cut = text[: ideal - 3]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut) + "..."


def clean_name(name: str) -> str:
    """A question name as Moodle stores it: PARAM_TEXT, trimmed, at most 255 characters."""
    name = _trim(clean_text(name))
    return _trim(_shorten(name, 255))


def default_name(questiontext: str) -> str:
    """The name Moodle gives a question without ``::name::`` (SPEC 5)."""
    return clean_name(_shorten(_trim(strip_tags(questiontext)), 80)) or "Question name"


def extract_idnumber_and_tags(comment: str) -> tuple[str, list[str]]:
    """``[id:...]`` (the first) and every ``[tag:...]`` in a question's comments (SPEC 2)."""
    m = _ID_TOKEN.search(comment)
    idnumber = _trim(m.group(1)).replace("\\]", "]") if m else ""
    tags = [_trim(t).replace("\\]", "]") for t in _TAG_TOKEN.findall(comment)]
    return idnumber, [t for t in tags if t]


def split_category_path(path: str) -> list[str]:
    """``$CATEGORY:`` path -> names: ``/`` separates, ``//`` is a literal ``/`` (SPEC 4)."""
    return [clean_text(_trim(raw.replace("//", "/")))
            for raw in re.split(r"(?<!/)/(?!/)", path)]


def category_context(names: list[str]) -> str | None:
    """``course``, ``module``, ``system`` ... when the path starts with ``$name$``."""
    m = _CONTEXT.match(names[0]) if names else None
    return m.group(1) if m else None


def _fraction(weight: str) -> float | None:
    """answerweightparser: ``%-50%`` -> -0.5 (None if PHP could not read it)."""
    body = weight[1: weight.index("%", 1)]
    if not _PHP_NUMERIC.fullmatch(body):
        return None
    value = float(body) / 100
    return value + 0.0 if value else 0.0  # no -0.0


def _number(s: str) -> float:
    return float(s)


def _finite(s: str) -> bool:
    """A numeric literal whose value is a finite float (1e309 is not: it would be infinity)."""
    return math.isfinite(float(s))


def _format_number(x: float) -> str:
    """PHP's float-to-string (14 significant digits) for weights and tolerances."""
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    return format(x, ".14g")


def _match_grade(fraction: float, mode: str) -> float | None:
    """question_format::match_grade_options: snap to Moodle's grades, or None."""
    if mode == "nearest":
        return min(MOODLE_GRADES, key=lambda g: abs(fraction - g))
    for g in MOODLE_GRADES:
        if abs(fraction - g) < 0.00001:
            return g
    return None


# -- reading ------------------------------------------------------------------
def _decode(source) -> str:
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise GiftError([GiftIssue(line, UTF8_ERROR)]) from None
    elif isinstance(source, str):
        text = source
    else:
        raise TypeError("parse_gift takes str or bytes")
    return text[1:] if text.startswith("\ufeff") else text


def _split_lines(text: str) -> list[str]:
    if "\n" not in text and "\r" in text:  # old Mac line endings (SPEC 1)
        return text.split("\r")
    return text.split("\n")


def _blocks(lines: list[str], keep_indentation: bool) -> list[list[tuple[int, str]]]:
    """Questions are separated by blank lines; every line is trimmed (SPEC 1)."""
    blocks, current = [], []
    for number, line in enumerate(lines, 1):
        trimmed = _trim(line)
        if not trimmed:
            if current:
                blocks.append(current)
            current = []
        else:
            current.append((number, line.rstrip("\r\n") if keep_indentation else trimmed))
    if current:
        blocks.append(current)
    return blocks


@dataclass
class _Part:
    """One answer of the answer block, with where it starts."""
    text: str
    line: int


class _Block:
    """One question block: readquestion() of format.php."""

    def __init__(self, lines: list[tuple[int, str]], matchgrades: str):
        self.matchgrades = matchgrades
        self.errors: list[GiftIssue] = []
        self.warnings: list[GiftIssue] = []
        comments, kept = [], []
        for number, line in lines:
            if _trim(line).startswith("//"):
                comments.append(_trim(line) + "\n")
                kept.append(" ")
            else:
                kept.append(_escape_pre(line))
        self.comments = "".join(comments)
        joined = "\n".join(kept)
        self.first = lines[0][0]
        self.lead = len(joined) - len(joined.lstrip(_TRIM))
        self.joined = joined
        self.text = _trim(joined)

    def line_at(self, pos: int) -> int:
        return self.first + self.joined.count("\n", 0, self.lead + pos)

    def error(self, pos: int, message: str) -> None:
        self.errors.append(GiftIssue(self.line_at(pos), message))

    def parts(self, answertext: str, start: int, seps: str, keep: str = "") -> list[_Part]:
        """Split on ``seps`` (a separator in ``keep`` starts the next part)."""
        parts, begin = [], 0
        for i, ch in enumerate(answertext):
            if ch in seps:
                parts.append((begin, answertext[begin:i]))
                begin = i if ch in keep else i + 1
        parts.append((begin, answertext[begin:]))
        out = []
        for k, (pos, piece) in enumerate(parts):
            lead = len(piece) - len(piece.lstrip(_TRIM))
            trimmed = _trim(piece)
            if k == 0 and not trimmed:
                continue  # the empty text before the first separator
            out.append(_Part(trimmed, self.line_at(start + pos + lead)))
        return out

    def parse(self):
        """-> None | ("category", path) | ("question", Moodle-level question dict)."""
        text = self.text
        if not text:
            return None  # only comments
        if text.startswith("$CATEGORY:"):
            if "\n" in text:  # Moodle reads the whole block as the path: surely a mistake
                self.warnings.append(GiftIssue(self.line_at(text.index("\n") + 1), (
                    "this line is read as part of the $CATEGORY: path above it, as Moodle does; "
                    "leave a blank line after $CATEGORY: if it is a question")))
            return ("category", _trim(_post(text[10:])))
        off, name = 0, None
        if text.startswith("::"):
            rest = text[2:]
            finish = rest.find("::")
            if finish == -1:
                text, off = rest, 2
            else:
                name = clean_name(_post(rest[:finish]))
                after = rest[finish + 2:]
                off = 2 + finish + 2 + len(after) - len(after.lstrip(_TRIM))
                text = _trim(after)
        start, finish = text.find("{"), text.find("}")
        description = start == -1 and finish == -1
        if description:
            answertext, qtext, a_off = "", text, 0
        elif start == -1 or finish == -1:
            self.error(off + max(start, finish), "Could not find {...} around answers")
            return None
        else:
            if finish < start:
                self.error(off + finish, "Could not find {...} around answers "
                           "(a } comes before the {; escape a literal brace as \\})")
                return None
            inner = text[start + 1:finish]
            a_off = off + start + 1 + len(inner) - len(inner.lstrip(_TRIM))
            answertext = _trim(inner)
            blank = "" if text.endswith("}") else "_____"
            qtext = text[:start] + blank + text[finish + 1:]
        gf_at = answertext.rfind("####")
        generalfeedback = ""
        if gf_at != -1:
            generalfeedback = answertext[gf_at + 4:]
            answertext = _trim(answertext[:gf_at])
        questiontext, qformat = _text_with_format(qtext, "moodle")
        gf, gf_format = _text_with_format(generalfeedback, qformat)
        idnumber, tags = extract_idnumber_and_tags(self.comments)
        q = {"name": name if name is not None else default_name(questiontext),
             "questiontext": questiontext, "format": qformat,
             "generalfeedback": gf, "generalfeedback_format": gf_format,
             "idnumber": idnumber, "tags": tags}
        if description:
            q["qtype"] = "description"
        elif answertext == "":
            q["qtype"] = "essay"
        elif answertext[0] == "#":
            q["qtype"] = "numerical"
            self.numerical(q, answertext, a_off)
        elif "~" in answertext:
            q["qtype"] = "multichoice"
            self.multichoice(q, answertext, a_off)
        elif "=" in answertext and "->" in answertext:
            q["qtype"] = "match"
            self.match(q, answertext, a_off)
        else:
            check = answertext
            if answertext.find("#") > 0:
                check = _trim(answertext[: answertext.find("#")])
            if check in ("T", "TRUE", "F", "FALSE"):
                q["qtype"] = "truefalse"
                self.truefalse(q, answertext)
            else:
                q["qtype"] = "shortanswer"
                self.shortanswer(q, answertext, a_off)
        return None if self.errors else ("question", q)

    def weight(self, part: _Part, default: float) -> tuple[float, str]:
        if _WEIGHT.match(part.text):
            end = part.text.index("%", 1)
            value = _fraction(part.text[: end + 1])
            if value is None:
                self.errors.append(GiftIssue(part.line, f"invalid weight {part.text[:end + 1]}"))
                value = 0.0
            return value, part.text[end + 1:]
        return default, part.text

    def grades(self, q: dict) -> None:
        """Fractions must be Moodle grades (SPEC 11): error, or snap to the nearest."""
        for a in q["answers"]:
            snapped = _match_grade(a["fraction"], self.matchgrades)
            if snapped is None:
                self.errors.append(GiftIssue(
                    a["line"], f"invalid grade {_format_number(a['fraction'] * 100)}%: "
                    "Moodle allows only 100, 90, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, "
                    "20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 and their negatives"))
            else:
                a["fraction"] = snapped

    def not_enough(self, q: dict, parts: list, minimum: int, pos: int) -> bool:
        if len(parts) < minimum:
            self.error(pos, "There are not enough answers for this question type "
                       f"({q['qtype']} needs at least {minimum}, found {len(parts)})")
            return True
        return False

    def multichoice(self, q: dict, answertext: str, a_off: int) -> None:
        q["single"] = "=" in answertext
        parts = self.parts(answertext, a_off, "~=", keep="=")
        if self.not_enough(q, parts, 2, a_off):
            return
        q["answers"] = []
        for part in parts:
            if part.text.startswith("="):
                fraction, rest = 1.0, part.text[1:]
            else:
                fraction, rest = self.weight(part, 0.0)
            (text, fmt), (fb, fb_fmt) = _comment_split(rest, q["format"])
            q["answers"].append({"text": text, "format": fmt, "fraction": fraction,
                                 "feedback": fb, "feedback_format": fb_fmt, "line": part.line})
        self.grades(q)

    def shortanswer(self, q: dict, answertext: str, a_off: int) -> None:
        parts = self.parts(answertext, a_off, "=")
        if self.not_enough(q, parts, 1, a_off):
            return
        q["answers"] = []
        for part in parts:
            fraction, rest = self.weight(part, 1.0)
            (text, _), (fb, fb_fmt) = _comment_split(rest, q["format"])
            q["answers"].append({"text": text, "fraction": fraction, "feedback": fb,
                                 "feedback_format": fb_fmt, "line": part.line})
        self.grades(q)

    def numerical(self, q: dict, answertext: str, a_off: int) -> None:
        body, wrong = answertext[1:], None
        if "~" in body:
            body, wrong = body[: body.index("~")], body[body.index("~"):]
        parts = self.parts(body, a_off + 1, "=")
        if not parts:
            self.error(a_off, "No answers found for numerical question")
            return
        q["answers"] = []
        for part in parts:
            fraction, rest = self.weight(part, 1.0)
            (ans, _), (fb, fb_fmt) = _comment_split(rest, q["format"])
            a = {"text": ans, "value": None, "tolerance": 0.0, "fraction": fraction,
                 "feedback": fb, "feedback_format": fb_fmt, "line": part.line}
            dots, colon = ans.find(".."), ans.find(":")
            if dots > 0:
                lo, hi = _trim(ans[:dots]), _trim(ans[dots + 2:])
                if not (_PHP_NUMERIC.fullmatch(lo) and _PHP_NUMERIC.fullmatch(hi)):
                    self.errors.append(GiftIssue(part.line, f"Error - answers must be numeric: "
                                                 f"range {ans!r} needs numbers MIN..MAX"))
                    continue
                if not (_finite(lo) and _finite(hi)):
                    self.errors.append(GiftIssue(part.line, f"Error - range {ans!r} holds a number too large"))
                    continue
                a["min"], a["max"] = _number(lo), _number(hi)
                a["value"] = (a["min"] + a["max"]) / 2
                a["tolerance"] = a["max"] - a["value"]
            else:
                value, tol = ans, "0"
                if colon > 0:
                    value, tol = _trim(ans[:colon]), _trim(ans[colon + 1:])
                if not _PHP_NUMERIC.fullmatch(tol):
                    self.errors.append(GiftIssue(part.line, f"Error - answers must be numeric: "
                                                 f"tolerance {tol!r} is not a number"))
                    continue
                if not _finite(tol) or (_PHP_NUMERIC.fullmatch(value) and not _finite(value)):
                    self.errors.append(GiftIssue(part.line, f"Error - answer {ans!r} holds a number too large"))
                    continue
                a["tolerance"] = _number(tol)
                if _PHP_NUMERIC.fullmatch(value):
                    a["text"], a["value"] = value, _number(value)
                else:  # Moodle's quirk: a value that is not a number becomes '*'
                    self.warnings.append(GiftIssue(
                        part.line, f"numerical answer {value!r} is not a number; like Moodle, "
                        "it is read as '*' (any other answer)"))
                    a["text"] = "*"
            q["answers"].append(a)
        if wrong is not None:
            _, (fb, fb_fmt) = _comment_split(wrong, q["format"])
            q["answers"].append({"text": "*", "value": None, "tolerance": None, "fraction": 0.0,
                                 "feedback": fb, "feedback_format": fb_fmt,
                                 "line": self.line_at(a_off + 1 + len(body))})
        self.grades(q)

    def match(self, q: dict, answertext: str, a_off: int) -> None:
        parts = self.parts(answertext, a_off, "=")
        if self.not_enough(q, parts, 2, a_off):
            return
        q["subquestions"] = []
        for part in parts:
            marker = part.text.find("->")
            if marker == -1:
                self.errors.append(GiftIssue(part.line, "Matching question answers are improperly "
                                             f"formatted: {_post(part.text)!r} has no '->'"))
                continue
            text, fmt = _text_with_format(part.text[:marker], q["format"])
            q["subquestions"].append({"text": text, "format": fmt,
                                      "answer": _trim(_post(part.text[marker + 2:])),
                                      "line": part.line})

    def truefalse(self, q: dict, answertext: str) -> None:
        bits = answertext.split("#", 2)
        answer, _ = _text_with_format(_trim(bits[0]), q["format"])
        wrong = _text_with_format(_trim(bits[1]), q["format"]) if len(bits) > 1 else ("", q["format"])
        right = _text_with_format(_trim(bits[2]), q["format"]) if len(bits) > 2 else ("", q["format"])
        q["correctanswer"] = answer in ("T", "TRUE")
        q["feedbacktrue"], q["feedbackfalse"] = (right, wrong) if q["correctanswer"] else (wrong, right)


def _bank_question(g: dict, category: str | None) -> tuple[dict, dict]:
    """Moodle-level question -> bank dict, plus the line of each choice/answer/pair."""
    fmt = g["format"]
    q: dict = {"id": "", "type": "", "prompt": g["questiontext"]}
    lines: dict[str, list[int]] = {}

    def choice(text, correct, fraction, feedback, text_fmt, fb_fmt):
        c = {"text": text, "correct": correct, "feedback": feedback, "fraction": fraction}
        if text_fmt != fmt:
            c["format"] = text_fmt
        if fb_fmt != fmt:
            c["feedback_format"] = fb_fmt
        return c

    kind = g["qtype"]
    if kind == "multichoice":
        q["type"] = "multiple_choice" if g["single"] else "multiple_response"
        q["choices"] = [choice(a["text"], a["fraction"] >= 1 if g["single"] else a["fraction"] > 0,
                               a["fraction"], a["feedback"], a["format"], a["feedback_format"])
                        for a in g["answers"]]
        lines["choices"] = [a["line"] for a in g["answers"]]
    elif kind == "truefalse":
        q["type"] = "true_false"
        (ft, ft_fmt), (ff, ff_fmt) = g["feedbacktrue"], g["feedbackfalse"]
        right = g["correctanswer"]
        q["choices"] = [choice("True", right, 1.0 if right else 0.0, ft, fmt, ft_fmt),
                        choice("False", not right, 0.0 if right else 1.0, ff, fmt, ff_fmt)]
    elif kind in ("shortanswer", "numerical"):
        numeric = kind == "numerical"
        q["type"] = "numeric" if numeric else "short_answer"
        answers = []
        for a in g["answers"]:
            entry = {k: a[k] for k in ("text", "value", "tolerance", "min", "max") if k in a}
            if not numeric:
                entry.pop("value", None)
            entry.update(fraction=a["fraction"], feedback=a["feedback"])
            if a["feedback_format"] != fmt:
                entry["feedback_format"] = a["feedback_format"]
            answers.append(entry)
        full = [a for a in answers if a["fraction"] >= 1 and (not numeric or a["value"] is not None)]
        best = full[0] if full else max(answers, key=lambda a: a["fraction"])
        if numeric:
            value = best["value"]
            q["answer"] = _format_number(value) if value is not None else best["text"]
            q["accept"] = [_format_number(a["value"]) for a in full]
            q["tolerance"] = best["tolerance"]
            if "min" in best:
                q["min"], q["max"] = best["min"], best["max"]
        else:
            q["answer"] = best["text"]
            q["accept"] = [a["text"] for a in full]
        q["answers"] = answers
        lines["answers"] = [a["line"] for a in g["answers"]]
    elif kind == "match":
        q["type"] = "matching"
        subs = g["subquestions"]
        pairs = [s for s in subs if s["text"]]
        q["pairs"] = [[s["text"], s["answer"]] for s in pairs]
        if any(s["format"] != fmt for s in pairs):
            q["pair_formats"] = [s["format"] if s["format"] != fmt else None for s in pairs]
        distractors = [s["answer"] for s in subs if not s["text"]]
        if distractors:
            q["distractors"] = distractors
        lines["pairs"] = [s["line"] for s in pairs]
        lines["distractors"] = [s["line"] for s in subs if not s["text"]]
    else:
        q["type"] = kind
    q["explanation"] = g["generalfeedback"]
    q["citation"] = None
    q["name"] = g["name"]
    q["format"] = fmt
    if g["generalfeedback_format"] != fmt and g["generalfeedback"]:
        q["explanation_format"] = g["generalfeedback_format"]
    if g["idnumber"]:
        q["idnumber"] = g["idnumber"]
    if g["tags"]:
        q["tags"] = g["tags"]
    if category is not None:
        q["category"] = category
    return q, lines


def _issue_line(issue: Issue, lines: dict[str, list[int]], default: int) -> int:
    m = re.match(r"(\w+)\[(\d+)\]", issue.path)
    if m and m.group(1) in lines and int(m.group(2)) < len(lines[m.group(1)]):
        return lines[m.group(1)][int(m.group(2))]
    return default


def question_id(q: dict) -> str:
    """A stable id for an imported question, derived from its content."""
    content = {k: v for k, v in q.items() if k != "id"}
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode())
    return "gift-" + digest.hexdigest()[:16]


def parse_gift(source, *, matchgrades: str = "error", keep_indentation: bool = False) -> GiftResult:
    """Read a whole GIFT file (str, or bytes that must be UTF-8).

    ``matchgrades`` is Moodle's import option: ``"error"`` rejects a weight
    that is not one of Moodle's grades, ``"nearest"`` moves it to the nearest.
    ``keep_indentation`` keeps the lines' leading white space, as Moodle's unit
    tests do when they call readquestion() directly; a file import trims it.
    Raises GiftError listing every problem; nothing is returned on error.
    """
    if matchgrades not in ("error", "nearest"):
        raise ValueError("matchgrades must be 'error' or 'nearest'")
    text = _decode(source)
    result, errors = GiftResult(), []
    category: str | None = None
    seen_ids: dict[str, int] = {}
    all_lines = _split_lines(text)
    errors += [GiftIssue(n, "contains a reserved character (U+FDD0-U+FDD7); remove it")
               for n, line in enumerate(all_lines, 1) if _RESERVED.search(line)]
    if errors:
        raise GiftError(errors)
    for lines in _blocks(all_lines, keep_indentation):
        block = _Block(lines, matchgrades)
        parsed = block.parse()
        errors += block.errors
        result.warnings += block.warnings
        if parsed is None:
            continue
        line = block.line_at(0)
        if parsed[0] == "category":
            category = parsed[1]
            names = split_category_path(category)
            result.categories.append({"line": line, "path": category, "names": names,
                                      "context": category_context(names)})
            continue
        g = parsed[1]
        q, part_lines = _bank_question(g, category)
        if q["type"] in UNGRADED_TYPES:
            del q["id"], q["citation"]
            result.skipped.append({"line": line, "type": q["type"], "name": q["name"],
                                   "reason": f"QuizApp does not grade {q['type']} questions "
                                   f"({UNGRADED_TYPES[q['type']]})", "question": ordered(q)})
            continue
        q["id"] = question_id(q)
        issues = validate_question(q)
        for issue in issues:
            errors.append(GiftIssue(_issue_line(issue, part_lines, line),
                                    f"{g['qtype']} question {q['name']!r}: {issue}"))
        if issues:
            continue
        n = seen_ids.get(q["id"], 0) + 1
        seen_ids[q["id"]] = n
        if n > 1:
            q["id"] = f"{q['id']}-{n}"
        result.questions.append(ordered(q))
        result.question_lines.append(line)
    if errors:
        raise GiftError(errors)
    return result


# -- writing ------------------------------------------------------------------
def _repchar(text: str) -> str:
    """Escape ``\\ # = ~ { } :``, newlines as ``\\n``, drop CR (SPEC 3)."""
    for ch, esc in (("\\", "\\\\"), ("#", "\\#"), ("=", "\\="), ("~", "\\~"), ("{", "\\{"),
                    ("}", "\\}"), (":", "\\:"), ("\n", "\\n"), ("\r", "")):
        text = text.replace(ch, esc)
    return text


def _write_text(text: str, fmt: str, default: str) -> str:
    """write_questiontext: a [format] prefix only when it differs from the default.

    Also written when the text itself starts like a prefix or a weight, which
    GIFT could not otherwise tell apart.
    """
    prefix = ""
    if text and (fmt != default or _FORMAT_TAG.match(text) or _WEIGHT.match(text)):
        prefix = f"[{fmt}]"
    return prefix + _repchar(text)


def _weight(fraction: float) -> str:
    return _format_number(round(fraction * 100, 5))


def _header_safe(value) -> str:
    """Header comments must not hold [id:]/[tag:] tokens or line breaks."""
    return re.sub(r"\s", " ", str(value)).replace("[", "(").replace("]", ")")


def _metadata_line(q: dict, problems: list[str], where: str) -> str:
    bits = []
    for kind, values in (("id", [q["idnumber"]] if q.get("idnumber") else []),
                         ("tag", q.get("tags") or [])):
        for value in values:
            value = _trim(value)
            bad = r"[\x00-\x1f\x7f]" if kind == "id" else r"[\x00-\x1f\x7f<>`]"
            if re.search(bad, value) or value.endswith("\\"):
                problems.append(f"{where}: {kind} {value!r} cannot be written in a GIFT comment")
            bits.append(f"[{kind}:{value.replace(']', chr(92) + ']')}]")
    return "// " + " ".join(bits) + "\n" if bits else ""


def _choice_fractions(q: dict) -> list[float]:
    choices = q["choices"]
    if all(c.get("fraction") is not None for c in choices):
        return [float(c["fraction"]) for c in choices]
    if q["type"] == "multiple_response":  # no weights given: share 100% among the correct ones
        k = sum(1 for c in choices if c["correct"])
        return [round(1 / k, 7) if c["correct"] else -1.0 for c in choices]
    return [1.0 if c["correct"] else 0.0 for c in choices]


def _short_answers(q: dict) -> list[dict]:
    if q.get("answers"):
        return q["answers"]
    texts = [q["answer"]] + [a for a in q.get("accept") or [] if a != q["answer"]]
    return [{"text": t, "fraction": 1.0, "feedback": ""} for t in dict.fromkeys(texts)]


def _numeric_answers(q: dict) -> list[dict]:
    if q.get("answers"):
        return q["answers"]
    main = {"text": str(q["answer"]), "value": numeric_value(q["answer"]),
            "tolerance": q.get("tolerance") or 0.0, "fraction": 1.0, "feedback": ""}
    if q.get("min") is not None and q.get("max") is not None:
        main.update(min=q["min"], max=q["max"])
    others = [{"text": str(a), "value": numeric_value(a), "tolerance": q.get("tolerance") or 0.0,
               "fraction": 1.0, "feedback": ""}
              for a in q.get("accept") or [] if numeric_value(a) != main["value"]]
    return [main] + others


def _write_numeric_value(a: dict) -> str:
    if a.get("min") is not None and a.get("max") is not None:
        return f"{_format_number(a['min'])}..{_format_number(a['max'])}"
    text = str(a.get("text", ""))
    value = text if _PHP_NUMERIC.fullmatch(text) and ":" not in text else _format_number(a["value"])
    return f"{value}:{_format_number(a.get('tolerance') or 0.0)}"


def _write_body(q: dict, fmt: str, problems: list[str], where: str) -> str:
    kind = q["type"]
    gf = q.get("explanation") or q.get("general_feedback") or ""
    gf_fmt = q.get("explanation_format") or fmt
    gf_text = _write_text(gf, gf_fmt, fmt)
    gf_line = f"\t####{gf_text}\n" if gf_text else ""
    if kind == "description":
        return ""
    if kind == "essay":
        return "{" + (f"####{gf_text}" if gf_text else "") + "}\n"
    if kind == "true_false":
        by_text = {c["text"]: c for c in q["choices"]}
        t, f = by_text["True"], by_text["False"]
        right, wrong = (t, f) if t["correct"] else (f, t)
        rfb = _write_text(right.get("feedback") or "", right.get("feedback_format") or fmt, fmt)
        wfb = _write_text(wrong.get("feedback") or "", wrong.get("feedback_format") or fmt, fmt)
        out = "{" + ("TRUE" if t["correct"] else "FALSE")
        if wfb:
            out += "#" + wfb
        elif rfb:
            out += "#"
        if rfb:
            out += "#" + rfb
        return out + (f"####{gf_text}" if gf_text else "") + "}\n"
    out = "{#\n" if kind == "numeric" else "{\n"
    if kind in ("multiple_choice", "multiple_response"):
        single = kind == "multiple_choice"
        for c, fraction in zip(q["choices"], _choice_fractions(q)):
            mark = "=" if single and fraction == 1 else "~" if fraction == 0 else f"~%{_weight(fraction)}%"
            out += "\t" + mark + _write_text(c["text"], c.get("format") or fmt, fmt)
            if c.get("feedback"):
                out += "#" + _write_text(c["feedback"], c.get("feedback_format") or fmt, fmt)
            out += "\n"
    elif kind == "short_answer":
        for a in _short_answers(q):
            text = a["text"]
            if "->" in text or "->" in (a.get("feedback") or ""):
                problems.append(f"{where}: '->' in a short answer or its feedback would make it a "
                                "matching question in GIFT ('-' and '>' cannot be escaped)")
            prefix = "[moodle]" if _FORMAT_TAG.match(text) else ""
            fb = _write_text(a.get("feedback") or "", a.get("feedback_format") or fmt, fmt)
            out += f"\t=%{_weight(a['fraction'])}%{prefix}{_repchar(text)}#{fb}\n"
    elif kind == "numeric":
        answers = _numeric_answers(q)
        others = [a for a in answers if a.get("value") is None]
        if len(others) > 1:
            problems.append(f"{where}: GIFT can hold only one '*' (any other answer) per question")
        for a in [a for a in answers if a.get("value") is not None] + others[:1]:
            fb = _write_text(a.get("feedback") or "", a.get("feedback_format") or fmt, fmt)
            if a.get("value") is None:
                out += f"\t~#{fb}\n"
            else:
                out += f"\t=%{_weight(a['fraction'])}%{_write_numeric_value(a)}#{fb}\n"
    elif kind == "matching":
        formats = q.get("pair_formats") or [None] * len(q["pairs"])
        for (left, right), left_fmt in zip(q["pairs"], formats):
            if "->" in left:
                problems.append(f"{where}: the left item {left!r} holds '->', which GIFT cannot escape")
            out += f"\t={_write_text(left, left_fmt or fmt, fmt)} -> {_repchar(right)}\n"
        for right in q.get("distractors") or []:
            out += f"\t= -> {_repchar(right)}\n"
    else:
        problems.append(f"{where}: GIFT has no {kind} questions (to_gift(..., unsupported="
                        "'comment') leaves them out and says so in the file)")
    return out + gf_line + "}\n"


def _write_question(q: dict, index: int, problems: list[str]) -> str:
    where = f"question {index + 1} ({q.get('id') or q.get('name') or 'no id'})"
    kind = q.get("type")
    if kind in UNGRADED_TYPES:
        if not isinstance(q.get("prompt"), str):
            problems.append(f"{where}: prompt must be a string")
            return ""
    else:
        issues = validate_question(q)
        if issues:
            problems += [f"{where}: {issue}" for issue in issues]
            return ""
    fmt = q.get("format") or "moodle"
    name = q.get("name") or default_name(q["prompt"])
    out = f"// question: {_header_safe(q.get('id', ''))}  name: {_header_safe(name)}\n"
    out += _metadata_line(q, problems, where)
    out += f"::{_repchar(name)}::" + _write_text(q["prompt"], fmt, "moodle")
    out += _write_body(q, fmt, problems, where)
    return out + ("\n\n" if kind == "description" else "\n")


def _write_category(path: str) -> str:
    path = re.sub(r"[\r\n]+", " ", path)
    return f"// question: 0  name: Switch category to {_header_safe(path)}\n$CATEGORY: {path}\n\n"


def to_gift(questions: list[dict], *, category: str | None = None,
            unsupported: str = "error") -> str:
    """Write questions as GIFT, the way Moodle's exporter does.

    ``category`` starts the file with a ``$CATEGORY:`` switch; a question's own
    ``category`` key switches again wherever it changes. Also writes the
    ungraded essay/description questions that ``parse_gift`` lists in
    ``skipped`` (their ``question``). GIFT has no ordering questions: with
    ``unsupported="comment"`` each is left out and named in a ``//`` comment
    block; with ``"error"`` (the default) they are refused. Raises
    GiftExportError listing every question that is invalid or cannot be
    expressed in GIFT.
    """
    if unsupported not in ("error", "comment"):
        raise ValueError("unsupported must be 'error' or 'comment'")
    problems: list[str] = []
    out, current = [], None
    if category is not None:
        out.append(_write_category(category))
        current = category
    for i, q in enumerate(questions):
        if not isinstance(q, dict):
            problems.append(f"question {i + 1}: must be an object")
            continue
        if q.get("type") in NO_GIFT_TYPES and unsupported == "comment":
            out.append(f"// not exported: {_header_safe(q.get('id', ''))} is an "
                       f"{_header_safe(q['type'])} question, which GIFT cannot hold\n\n")
            continue
        if q.get("category") is not None and q["category"] != current:
            current = q["category"]
            out.append(_write_category(current))
        out.append(_write_question(q, i, problems))
    if problems:
        raise GiftExportError(problems)
    return "".join(out)
