"""WTForms (Flask-WTF) forms: validation lives here, views stay thin."""

from collections.abc import Iterable

from wtforms.fields.choices import SelectChoice


def options(pairs: Iterable[tuple[str, str]]) -> list[SelectChoice]:
    """``(value, label)`` pairs as the choices WTForms 3.3 expects (tuples are deprecated)."""
    return [SelectChoice(value, label) for value, label in pairs]
