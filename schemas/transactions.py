"""The technology transaction (giao dịch công nghệ): the contract of the API, of the import
and of the workflow's ``transfer`` transition. Money is whole VND."""

from __future__ import annotations

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from schemas import vocabularies

FORMS = ("licence", "assignment", "capital_contribution", "technology_services", "equipment")
ORIGINS = ("domestic_institute", "domestic_enterprise", "foreign")
FIELDS = ("date", "value_vnd", "form", "includes_ip", "origin", "country", "developed_country",
          "parties", "record_id")


class TransactionSchema(Schema):
    class Meta:
        unknown = RAISE

    date = fields.Date(required=True)
    value_vnd = fields.Integer(required=True, strict=False, validate=validate.Range(min=0))
    form = fields.String(required=True, validate=validate.OneOf(FORMS))
    includes_ip = fields.Boolean(required=True)
    origin = fields.String(required=True, validate=validate.OneOf(ORIGINS))
    country = fields.String(load_default=None, allow_none=True,
                            validate=validate.Length(min=2, max=80))
    developed_country = fields.Boolean(load_default=None, allow_none=True)
    parties = fields.List(fields.String(validate=validate.Length(min=1, max=300)),
                          required=True, validate=validate.Length(min=1, max=20))
    record_id = fields.String(load_default=None, allow_none=True)

    @validates_schema
    def _foreign_needs_country(self, data, **kwargs):
        if data.get("origin") == "foreign":
            errors = {}
            if not data.get("country"):
                errors["country"] = ["A foreign transaction names its country."]
            if data.get("developed_country") is None:
                errors["developed_country"] = ["Say whether the country is a developed one."]
            if errors:
                raise ValidationError(errors)


def form_label(key: str, lang: str = "vi") -> str:
    return vocabularies.load("transfer_forms").term_label(key, lang)
