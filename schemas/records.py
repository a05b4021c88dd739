"""The record: the one shape every part of the product agrees on.

The indexer produces a record *draft* (everything it could read from a document); the
application stores it, staff complete it, and the search index is built from it. A record is a
plain dict validated by these schemas, so it crosses package boundaries without importing any
ORM or engine type.

Dates are ISO strings of the precision the document gives: ``2021``, ``2021-03`` or ``2021-03-15``.
Money is whole Vietnamese dong (VND).
"""

from __future__ import annotations

import re

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates

from schemas import vocabularies

PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
APPLICATION_NUMBER = re.compile(r"^[1-4]-\d{4}-\d{4,5}$")  # IP Vietnam's T-YYYY-NNNNN
# Other offices' application numbers, kept as printed on their front pages: the USPTO's series
# code and serial ("16/123,456"), a PCT application ("PCT/NZ2023/050084") and the Indian
# office's year, office code and serial ("202641096863").
FOREIGN_APPLICATION_NUMBERS = {
    "US": re.compile(r"^\d{2}/\d{3},\d{3}$"),
    "WO": re.compile(r"^PCT/[A-Z]{2}(?:19|20)\d{2}/\d{6}$"),
    "IN": re.compile(r"^(?:19|20)\d{2}[1-4]\d\d{6}$"),
}

PERSON_ROLES = ("principal_investigator", "secretary", "member", "inventor", "applicant", "owner")
TEXT_METHODS = ("text_layer", "ocr", "none")
DOCUMENT_TYPES = ("final_report", "patent_document", "research_document")


class PartialDate(fields.String):
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: reports often give only a month."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if not PARTIAL_DATE.match(text):
            raise ValidationError("Expected YYYY, YYYY-MM or YYYY-MM-DD.")
        return text


def _vocabulary_key(name: str):
    """A validator accepting only the keys of a controlled vocabulary."""

    def check(value):
        if value not in vocabularies.load(name):
            raise ValidationError(f"Unknown {name} value: {value!r}.")

    return check


class PersonSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    name = fields.String(required=True, validate=validate.Length(min=2, max=200))
    role = fields.String(required=True, validate=validate.OneOf(PERSON_ROLES))
    # Academic title and degree as printed before the name: "PGS.TS.", "ThS.", "KS."
    title = fields.String(load_default=None, allow_none=True)
    affiliation = fields.String(load_default=None, allow_none=True)


def application_number_office(number: str) -> str | None:
    """The office whose form ``number`` has (``"VN"``, ``"US"``, ``"WO"``, ``"IN"``), or None."""
    if APPLICATION_NUMBER.match(number):
        return "VN"
    return next(
        (office for office, form in FOREIGN_APPLICATION_NUMBERS.items() if form.match(number)),
        None,
    )


def _application_number(number: str) -> None:
    if application_number_office(number) is None:
        raise ValidationError(
            "Expected an application number as an office prints it: T-YYYY-NNNNN (Vietnam), "
            "NN/NNN,NNN (US), PCT/CCYYYY/NNNNNN or a 12-digit Indian number."
        )


class IdentifiersSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    task_code = fields.String(load_default=None, allow_none=True)
    registration_number = fields.String(load_default=None, allow_none=True)
    application_number = fields.String(
        load_default=None, allow_none=True, validate=_application_number
    )
    publication_number = fields.String(load_default=None, allow_none=True)
    patent_number = fields.String(load_default=None, allow_none=True)


class DatesSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    start = PartialDate(load_default=None, allow_none=True)
    end = PartialDate(load_default=None, allow_none=True)
    accepted = PartialDate(load_default=None, allow_none=True)
    filed = PartialDate(load_default=None, allow_none=True)
    published = PartialDate(load_default=None, allow_none=True)
    granted = PartialDate(load_default=None, allow_none=True)


class BudgetSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    total_vnd = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=0))
    state_vnd = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=0))


class PlaceSchema(Schema):
    """Where the result was made or applied, as of the document's date and after 2025."""

    class Meta:
        unknown = EXCLUDE

    district = fields.String(load_default=None, allow_none=True)  # key in `places` (pre-2025)
    province = fields.String(load_default=None, allow_none=True)  # key in `provinces`
    label = fields.String(load_default=None, allow_none=True)  # as the document wrote it


class FileSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    sha256 = fields.String(required=True, validate=validate.Regexp(r"^[0-9a-f]{64}$"))
    original_name = fields.String(required=True)
    size = fields.Integer(required=True)
    pages = fields.Integer(required=True, validate=validate.Range(min=0))
    text_method = fields.String(required=True, validate=validate.OneOf(TEXT_METHODS))


class ProvenanceSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    extracted_at = fields.String(required=True)
    source_file = fields.String(required=True)
    extractor = fields.String(required=True)  # "indexer <version>"
    notes = fields.List(fields.String(), load_default=list)


class EntitiesSchema(Schema):
    """What spaCy found in the text: used for search and suggestions, never trusted as metadata."""

    class Meta:
        unknown = EXCLUDE

    organisations = fields.List(fields.String(), load_default=list)
    people = fields.List(fields.String(), load_default=list)
    places = fields.List(fields.String(), load_default=list)
    sectors = fields.List(fields.String(), load_default=list)
    technologies = fields.List(fields.String(), load_default=list)


PAGE_VERDICTS = ("clean", "garbled", "empty")
# How a page's text was obtained or fixed, from best to most worked-on.
PAGE_METHODS = ("text_layer", "repaired", "legacy_tcvn3", "legacy_vni", "ocr", "none")
QUALITY_SUMMARIES = ("clean", "repaired", "legacy_converted", "ocr", "needs_ocr", "needs_review")


class PageQualitySchema(Schema):
    class Meta:
        unknown = EXCLUDE

    page = fields.Integer(required=True, validate=validate.Range(min=1))
    verdict = fields.String(required=True, validate=validate.OneOf(PAGE_VERDICTS))
    method = fields.String(required=True, validate=validate.OneOf(PAGE_METHODS))
    ocr_confidence = fields.Float(load_default=None, allow_none=True)  # 0-100, tesseract's mean
    signals = fields.Dict(load_default=dict)  # the measurements behind the verdict


class QualitySchema(Schema):
    """How well the document was read: per page, per field, and one summary for staff."""

    class Meta:
        unknown = EXCLUDE

    summary = fields.String(load_default="clean", validate=validate.OneOf(QUALITY_SUMMARIES))
    pages = fields.List(fields.Nested(PageQualitySchema), load_default=list)
    # Field name (the keys of indexer.evaluation.comparable_fields) -> confidence 0..1.
    field_confidence = fields.Dict(keys=fields.String(), values=fields.Float(), load_default=dict)
    needs_review = fields.Boolean(load_default=False)
    review_reasons = fields.List(fields.String(), load_default=list)


class RecordSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    id = fields.String(load_default=None, allow_none=True)
    kind = fields.String(required=True, validate=_vocabulary_key("kinds"))
    document_type = fields.String(required=True, validate=validate.OneOf(DOCUMENT_TYPES))
    title = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    title_en = fields.String(load_default=None, allow_none=True)
    abstract = fields.String(load_default=None, allow_none=True)
    abstract_en = fields.String(load_default=None, allow_none=True)
    language = fields.String(load_default="vi", validate=validate.OneOf(("vi", "en")))
    keywords = fields.List(fields.String(), load_default=list)
    host_organisation = fields.String(load_default=None, allow_none=True)
    parent_agency = fields.String(load_default=None, allow_none=True)
    people = fields.List(fields.Nested(PersonSchema), load_default=list)
    field_of_science = fields.String(
        load_default=None, allow_none=True, validate=_vocabulary_key("fields_of_science")
    )
    sectors = fields.List(fields.String(validate=_vocabulary_key("sectors")), load_default=list)
    ipc_classes = fields.List(fields.String(), load_default=list)
    # WIPO technology fields ("1".."35") derived from the IPC classes.
    technology_fields = fields.List(
        fields.String(validate=_vocabulary_key("ipc_technology")), load_default=list
    )
    identifiers = fields.Nested(IdentifiersSchema, load_default=dict)
    dates = fields.Nested(DatesSchema, load_default=dict)
    budget = fields.Nested(BudgetSchema, load_default=dict)
    trl = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1, max=9))
    place = fields.Nested(PlaceSchema, load_default=dict)
    commercialisation_status = fields.String(
        load_default="accepted", validate=_vocabulary_key("commercialisation_statuses")
    )
    ip_status = fields.String(load_default="none", validate=_vocabulary_key("ip_statuses"))
    access_level = fields.String(load_default="public", validate=_vocabulary_key("access_levels"))
    files = fields.List(fields.Nested(FileSchema), load_default=list)
    provenance = fields.Nested(ProvenanceSchema, load_default=None, allow_none=True)
    entities = fields.Nested(EntitiesSchema, load_default=dict)
    quality = fields.Nested(QualitySchema, load_default=dict)
    full_text = fields.String(load_default="")

    @validates("ipc_classes")
    def _ipc_symbols(self, value, **kwargs):
        for symbol in value:
            if not re.match(r"^[A-H]\d{2}[A-Z]( \d{1,4}/\d{2,6})?$", symbol):
                raise ValidationError(f"Not a normalised IPC symbol: {symbol!r}.")


# One schema instance for every load: building a RecordSchema copies its declared fields and
# builds every nested schema again, which cost more than the load itself. A marshmallow schema
# keeps no state between loads, so the instance can be shared.
_RECORD_SCHEMA = RecordSchema()


def validate_record(draft: dict) -> dict:
    """Return the draft loaded through RecordSchema (defaults filled) or raise ValidationError."""
    return _RECORD_SCHEMA.load(draft)


# The nested blocks every record has. A missing block defaults to a bare ``{}``, which is not
# loaded through its schema: its own defaults appear only when the record is loaded again.
_NESTED_BLOCKS = tuple(
    name
    for name, declared in RecordSchema._declared_fields.items()
    if isinstance(declared, fields.Nested) and declared.load_default is dict
)


def complete_record(draft: dict) -> dict:
    """``validate_record(validate_record(draft))`` in one load: the record with every default
    filled, nested ones included, so that loading it again changes nothing (a record is stored
    and reloaded). Missing nested blocks are loaded as empty blocks, defaults and all."""
    return validate_record({**{name: {} for name in _NESTED_BLOCKS}, **draft})
