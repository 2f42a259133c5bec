"""Whether a set of options gives its key away by its shape: the one figure far from a tight cluster,
the one exact figure among round ones, the one month among dates that share another. Pure functions
on the option texts (`distractors.py` builds the options; `generate.py` rejects a question whose key
stands out)."""
from __future__ import annotations

import math
import re

from quizapp.engine import lexicon
from quizapp.engine.normalize import parse_number


def _order_value(text: str) -> tuple:
    year = re.search(r"\d{4}", text)
    if year and not re.search(r"\d,\d{3}", text):
        low = text.lower()
        month = next((i for i, m in enumerate(lexicon.MONTH_NAMES) if m[:3].lower() in low), -1)
        part = 0 if "early" in low else (1 if "mid" in low else (2 if "late" in low else 0))
        day = re.search(r"\b(\d{1,2})\b", text)
        return (int(year.group(0)), month, part, int(day.group(1)) if day else 0)
    v = parse_number(re.sub(r"(?i)\s*(%|per\s*cent|percent)$", "", text))
    return (v if v is not None else 0.0,)


def _trailing_zeros(value: float) -> int:
    if not float(value).is_integer():
        return 0
    digits = str(int(value))
    return len(digits) - len(digits.rstrip("0"))


def _sig_digits(value: float) -> int:
    digits = str(int(round(abs(value) * 1000))).strip("0")
    return len(digits)


def key_stands_out(key_text: str, distractors: list[str]) -> bool:
    """The key is the odd option out: far from a tight cluster of distractors (0.5, 0.6, 0.7
    million against 1.3 million), the one exact figure among round ones (or the reverse), or the
    one month among dates that share another."""
    if len(distractors) < 2:
        return False
    kv, dv = _order_value(key_text), [_order_value(d) for d in distractors]
    if len(kv) == 1 and all(len(v) == 1 for v in dv) and kv[0] > 0 and all(v[0] > 0 for v in dv):
        values = sorted([math.log(kv[0])] + [math.log(v[0]) for v in dv])
        key_log = math.log(kv[0])
        if key_log in (values[0], values[-1]):
            inner = [x for x in values if x != key_log]
            gap = min(abs(key_log - x) for x in inner)
            spread = max(b - a for a, b in zip(inner, inner[1:])) if len(inner) > 1 else 0
            if gap > 2.5 * max(spread, 1e-9) and gap > 0.25:
                return True
        kz, dz = _trailing_zeros(kv[0]), [_trailing_zeros(v[0]) for v in dv]
        if kv[0] >= 1000 and (kz == 0 and all(z >= 2 for z in dz) or kz >= 2 and all(z == 0 for z in dz)):
            return True  # 203,821 among 306,000, 472,000 and 640,000
        ks, ds = _sig_digits(kv[0]), [_sig_digits(v[0]) for v in dv]
        if ks >= 2 and all(s <= 1 for s in ds) or ks <= 1 and all(s >= 2 for s in ds) \
                or ks >= 3 and all(s <= 2 for s in ds) and max(ds) < ks - 1:
            return True  # 'eighty-five' among 'forty, fifty, sixty'; 42,230 among round thousands
        if kv[0] >= 1000 and (0 < kz < min(dz) or kz > max(dz)) and ks != min(ds):
            return True  # 4,170 among 2,300, 2,900 and 4,800: the one figure written more precisely
    if len(kv) == 4 and all(len(v) == 4 for v in dv):
        months = {v[1] for v in dv}
        if len(months) == 1 and kv[1] not in months and kv[1] >= 0:
            return True
    return False
