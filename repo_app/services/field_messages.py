"""marshmallow's own reasons ("Missing data for required field.", "Length must be between 1 and
200.") in the reader's language.

The schemas keep marshmallow's English messages; they reach people as the ``fields`` of a
service refusal (pages and API) and as flask-smorest's argument errors. ``reword`` matches a
message whole against marshmallow's templates, keeps its values (lengths, bounds, choices) and
reads it through the catalogue like the services' own messages: in the reader's language on a
page, in English in the API unless ``?lang=vi``. A message no template fits is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from repo_app.services.errors import lazy_gettext

# Word for word. marshmallow's messages for what a person typed; the ones it raises when
# writing a value out ("... cannot be formatted as a date.") never reach a person.
EXACT = {
    "Missing data for required field.": lazy_gettext("Missing data for required field."),
    "Field may not be null.": lazy_gettext("Field may not be null."),
    "Invalid value.": lazy_gettext("Invalid value."),
    "Invalid input.": lazy_gettext("Invalid input."),
    "Invalid type.": lazy_gettext("Invalid type."),
    "Invalid input type.": lazy_gettext("Invalid input type."),
    "Unknown field.": lazy_gettext("Unknown field."),
    "Not a valid string.": lazy_gettext("Not a valid string."),
    "Not a valid utf-8 string.": lazy_gettext("Not a valid utf-8 string."),
    "Not a valid integer.": lazy_gettext("Not a valid integer."),
    "Not a valid number.": lazy_gettext("Not a valid number."),
    "Number too large.": lazy_gettext("Number too large."),
    "Special numeric values (nan or infinity) are not permitted.": lazy_gettext(
        "Special numeric values (nan or infinity) are not permitted."),
    "Not a valid boolean.": lazy_gettext("Not a valid boolean."),
    "Not a valid date.": lazy_gettext("Not a valid date."),
    "Not a valid datetime.": lazy_gettext("Not a valid datetime."),
    "Not a valid time.": lazy_gettext("Not a valid time."),
    "Not a valid naive datetime.": lazy_gettext("Not a valid naive datetime."),
    "Not a valid aware datetime.": lazy_gettext("Not a valid aware datetime."),
    "Not a valid period of time.": lazy_gettext("Not a valid period of time."),
    "Not a valid email address.": lazy_gettext("Not a valid email address."),
    "Not a valid URL.": lazy_gettext("Not a valid URL."),
    "Not a valid UUID.": lazy_gettext("Not a valid UUID."),
    "Not a valid IP address.": lazy_gettext("Not a valid IP address."),
    "Not a valid IPv4 address.": lazy_gettext("Not a valid IPv4 address."),
    "Not a valid IPv6 address.": lazy_gettext("Not a valid IPv6 address."),
    "Not a valid IP interface.": lazy_gettext("Not a valid IP interface."),
    "Not a valid IPv4 interface.": lazy_gettext("Not a valid IPv4 interface."),
    "Not a valid IPv6 interface.": lazy_gettext("Not a valid IPv6 interface."),
    "Not a valid list.": lazy_gettext("Not a valid list."),
    "Not a valid tuple.": lazy_gettext("Not a valid tuple."),
    "Not a valid mapping type.": lazy_gettext("Not a valid mapping type."),
    "String does not match expected pattern.": lazy_gettext(
        "String does not match expected pattern."),
}

# A range's comparison words (``validate.Range``), read in the language of the sentence.
COMPARISONS = {
    "greater than": lazy_gettext("greater than"),
    "greater than or equal to": lazy_gettext("greater than or equal to"),
    "less than": lazy_gettext("less than"),
    "less than or equal to": lazy_gettext("less than or equal to"),
}
_ABOVE = r"greater than(?: or equal to)?"
_BELOW = r"less than(?: or equal to)?"


def _compared(**values) -> dict:
    return {name: str(COMPARISONS[value]) if name.endswith("_op") else value
            for name, value in values.items()}


# marshmallow's template, as a pattern over the message it formatted -> ours, from its values.
_TEMPLATES: list[tuple[str, Callable[..., object]]] = [
    (r"Must be one of: (?P<choices>.*)\.",
     lambda **v: lazy_gettext("Must be one of: %(choices)s.", **v)),
    (r"One or more of the choices you made was not in: (?P<choices>.*)\.",
     lambda **v: lazy_gettext("One or more of the choices you made was not in: %(choices)s.",
                              **v)),
    (r"One or more of the choices you made was in: (?P<values>.*)\.",
     lambda **v: lazy_gettext("One or more of the choices you made was in: %(values)s.", **v)),
    (r"Length must be between (?P<min>\S+) and (?P<max>\S+)\.",
     lambda **v: lazy_gettext("Length must be between %(min)s and %(max)s.", **v)),
    (r"Length must be (?P<equal>\S+)\.",
     lambda **v: lazy_gettext("Length must be %(equal)s.", **v)),
    (r"Shorter than minimum length (?P<min>\S+)\.",
     lambda **v: lazy_gettext("Shorter than minimum length %(min)s.", **v)),
    (r"Longer than maximum length (?P<max>\S+)\.",
     lambda **v: lazy_gettext("Longer than maximum length %(max)s.", **v)),
    (r"Must be equal to (?P<other>.*)\.",
     lambda **v: lazy_gettext("Must be equal to %(other)s.", **v)),
    (rf"Must be (?P<min_op>{_ABOVE}) (?P<min>\S+) and (?P<max_op>{_BELOW}) (?P<max>\S+)\.",
     lambda **v: lazy_gettext("Must be %(min_op)s %(min)s and %(max_op)s %(max)s.",
                              **_compared(**v))),
    (rf"Must be (?P<bound_op>{_ABOVE}|{_BELOW}) (?P<bound>\S+)\.",
     lambda **v: lazy_gettext("Must be %(bound_op)s %(bound)s.", **_compared(**v))),
]
PATTERNS = [(re.compile(pattern), ours) for pattern, ours in _TEMPLATES]


def reword(message):
    """``message`` in the language of the moment when it is one of marshmallow's; anything
    else (our own messages, lazy or read) as it is."""
    if not isinstance(message, str):
        return message
    known = EXACT.get(message)
    if known is not None:
        return str(known)
    for pattern, ours in PATTERNS:
        match = pattern.fullmatch(message)
        if match:
            return str(ours(**match.groupdict()))
    return message
