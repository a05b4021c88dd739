"""marshmallow's own reasons reach people in their language (``field_messages.reword``): every
message the installed marshmallow gives for bad input has a Vietnamese wording, its values kept;
pages show them in Vietnamese and the API in English unless ``?lang=vi``."""

from __future__ import annotations

import inspect
import itertools
import string

import pytest
from marshmallow import fields, validate

from repo_app import create_app
from repo_app.services.field_messages import reword
from tests.conftest import instance_on

# What marshmallow says when it writes a value out, never about what a person sent.
WRITING_OUT = {'"{input}" cannot be formatted as a date.',
               '"{input}" cannot be formatted as a {obj_type}.',
               "{input!r} cannot be formatted as a timedelta."}
SAMPLE = {"min": "1", "max": "200", "equal": "10", "choices": "licence, assignment",
          "values": "draft", "other": "3"}
VARIANTS = {"obj_type": ["date", "datetime", "time"], "awareness": ["naive", "aware"],
            "min_op": ["greater than", "greater than or equal to"],
            "max_op": ["less than", "less than or equal to"]}


def _templates() -> set[str]:
    found = set()
    for cls in vars(fields).values():
        if inspect.isclass(cls) and issubclass(cls, fields.Field):
            found.update(getattr(cls, "default_error_messages", {}).values())
    for cls in vars(validate).values():
        if inspect.isclass(cls) and issubclass(cls, validate.Validator):
            found.update(value for name, value in vars(cls).items()
                         if isinstance(value, str) and name.startswith(("message", "default_")))
    from marshmallow import Schema

    found.update(Schema._default_error_messages.values())
    # A message is a sentence; a range's comparison words are parts of one.
    return {template for template in found if template.endswith(".")} - WRITING_OUT


def _formatted(template: str) -> list[str]:
    """The messages marshmallow makes from ``template``: each combination of its words
    (``obj_type``, a range's comparisons), then its values."""
    names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    if template.startswith("Must be {m") and "op}" in template:  # a range's, formatted twice
        names = [name for name in names if name.endswith("_op")]
    words = [name for name in names if name in VARIANTS]
    variants = dict(VARIANTS)
    if "awareness" in words:  # NaiveDateTime and AwareDateTime
        variants["obj_type"] = ["datetime"]
    made = []
    for chosen in itertools.product(*(variants[name] for name in words)):
        message = template.format(**dict(zip(words, chosen, strict=True)), **SAMPLE)
        made.append(message.format(**SAMPLE) if "{" in message else message)
    return made


MESSAGES = sorted(message for template in _templates() for message in _formatted(template))


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """One site on SQLite for the module: the wording does not depend on the database."""
    with instance_on("sqlite", tmp_path_factory.mktemp("field-messages")) as services:
        yield create_app(services=services)


def test_marshmallow_still_gives_the_messages_we_know():
    """An upgrade that changes marshmallow's wording shows here, not as English on a page."""
    assert len(MESSAGES) > 40
    assert "Missing data for required field." in MESSAGES
    assert "Must be greater than or equal to 1 and less than or equal to 200." in MESSAGES


@pytest.mark.parametrize("message", MESSAGES)
def test_every_marshmallow_reason_has_a_vietnamese_wording(app, message):
    with app.test_request_context("/?lang=vi"):
        worded = reword(message)
    assert worded != message and worded.isascii() is False, worded
    for value in SAMPLE.values():  # the lengths, bounds and choices are kept
        if value in message:
            assert value in worded
    with app.test_request_context("/?lang=en"):
        assert reword(message) == message


@pytest.mark.parametrize(("message", "vietnamese"), [
    ("Missing data for required field.", "Trường bắt buộc, chưa có dữ liệu."),
    ("Not a valid integer.", "Không phải số nguyên hợp lệ."),
    ("Length must be between 1 and 200.", "Độ dài phải từ 1 đến 200."),
    ("Must be greater than or equal to 0.", "Phải lớn hơn hoặc bằng 0."),
    ("Must be greater than 0 and less than or equal to 10.",
     "Phải lớn hơn 0 và nhỏ hơn hoặc bằng 10."),
    ("Must be one of: licence, assignment.", "Phải là một trong: licence, assignment."),
])
def test_known_reasons_read_in_vietnamese(app, message, vietnamese):
    with app.test_request_context("/?lang=vi"):
        assert reword(message) == vietnamese


def test_our_own_messages_are_left_as_they_are(app):
    with app.test_request_context("/?lang=vi"):
        assert reword("Ends before it starts.") == "Ends before it starts."
        assert reword(["not a string"]) == ["not a string"]


def test_the_api_gives_marshmallows_reasons_in_english_unless_asked(app):
    client = app.test_client()
    english = client.get("/api/v1/records?page=abc", headers={"Accept-Language": "vi"})
    assert english.status_code == 400
    assert english.json["fields"] == {"page": ["Not a valid integer."]}
    assert english.json["detail"] == "Invalid arguments: 'page': Not a valid integer."
    asked = client.get("/api/v1/records?page=abc&lang=vi")
    assert asked.json["fields"] == {"page": ["Không phải số nguyên hợp lệ."]}
    assert asked.json["detail"] == "Tham số không hợp lệ: 'page': Không phải số nguyên hợp lệ."
