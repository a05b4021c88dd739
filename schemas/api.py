"""The REST API's contract (``/api/v1``): the arguments each operation takes and the shape of
what it answers, as marshmallow schemas. The application parses query strings with them and
publishes them as its OpenAPI document; other systems are written against these shapes.

Answers are open objects (``unknown = INCLUDE``: a new field is not a breaking change); the
fields listed are the ones a client may rely on. Query schemas ignore arguments they do not
know (a page URL may carry the reader's own tracking parameters).
"""

from __future__ import annotations

from marshmallow import EXCLUDE, INCLUDE, Schema, fields, post_load, pre_load, validate

from schemas.search_fields import FACETS, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, SORTS_BY_NAME

LANGUAGES = ("vi", "en")
MAX_SUGGEST_SIZE = 10
MAX_LIST_PAGE_SIZE = 500  # pages of the tracker's lists


def _nullable_string(**kwargs):
    return fields.String(allow_none=True, **kwargs)


# -- Arguments ---------------------------------------------------------------------------------


class QueryArgs(Schema):
    """Base of the query-string schemas: unknown arguments are ignored, and an empty value
    (``?page=``, which HTML forms send) counts as not given."""

    class Meta:
        unknown = EXCLUDE

    @pre_load
    def _drop_empty(self, data, **kwargs):
        scalars = {name for name, field in self.fields.items()
                   if not isinstance(field, fields.List)}
        return {key: data[key] for key in data
                if key in self.fields and not (key in scalars and data[key] == "")}


class LangArgs(QueryArgs):
    # Lenient as it always was: another value reads as the default language.
    lang = fields.String(metadata={
        "enum": list(LANGUAGES),
        "description": "Language of labels (default: Vietnamese, or the reader's choice)."})


def _facet_filters() -> dict:
    return {
        facet.name: fields.List(fields.String(validate=validate.Length(max=200)), metadata={
            "description": f"Filter on {facet.label['en']}; repeat for several values (OR)."
                           + (" A range A..B, A.. or ..B is allowed." if facet.numeric else "")})
        for facet in FACETS
    }


class _SearchText(LangArgs):
    q = fields.String(load_default="", validate=validate.Length(max=MAX_QUERY_LENGTH),
                      metadata={"description": "The query, with or without diacritics."})
    page = fields.Integer(load_default=1, validate=validate.Range(min=1))
    size = fields.Integer(load_default=10, validate=validate.Range(min=1, max=MAX_PAGE_SIZE))
    sort = fields.String(load_default="relevance", validate=validate.OneOf(tuple(SORTS_BY_NAME)))

    @post_load
    def _clean(self, data, **kwargs):
        """``q`` stripped; ``filters``: each facet's distinct non-blank values."""
        data["q"] = data["q"].strip()
        filters = {}
        for facet in FACETS:
            values = [value.strip() for value in data.pop(facet.name, []) if value.strip()]
            if values:
                filters[facet.name] = list(dict.fromkeys(values))
        data["filters"] = filters
        return data


# A search: text, facet filters (facets AND-ed, values of one facet OR-ed), page and sort. One
# list argument per facet of ``schemas.search_fields``, so a new facet is a new argument.
SearchArgs = type("SearchArgs", (_SearchText,), _facet_filters())


class ExportRecordsArgs(SearchArgs):
    format = fields.String(load_default="csv", validate=validate.OneOf(("csv", "xlsx")))


class SuggestArgs(QueryArgs):
    q = fields.String(load_default="", validate=validate.Length(max=200))
    size = fields.Integer(load_default=8, validate=validate.Range(min=1, max=MAX_SUGGEST_SIZE))


class PageArgs(LangArgs):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1))
    size = fields.Integer(load_default=50, validate=validate.Range(min=1), metadata={
        "description": f"Rows per page; more than {MAX_LIST_PAGE_SIZE} is read as "
                       f"{MAX_LIST_PAGE_SIZE}."})
    format = fields.String(validate=validate.OneOf(("json", "csv", "xlsx")), metadata={
        "description": "csv or xlsx: the whole list as a download instead of a page."})


class TransactionListArgs(PageArgs):
    """Filters are checked by the transactions service (it names the argument at fault)."""

    year = fields.String()
    date_from = fields.String(metadata={"description": "YYYY-MM-DD"})
    date_to = fields.String(metadata={"description": "YYYY-MM-DD"})
    form = fields.String()
    origin = fields.String()
    includes_ip = fields.String(metadata={"description": "true or false"})
    developed_country = fields.String(metadata={"description": "true or false"})
    record_id = fields.String()
    party = fields.String()
    source = fields.String()


class PlanArgs(LangArgs):
    """The period and the filters of plan 4239's indicators (checked against the period)."""

    period = fields.String(metadata={"description": "2021-2025 or 2026-2030"})
    year = fields.String()
    sector = fields.String()
    field = fields.String()
    organisation = fields.String()


class PlanItemsArgs(PlanArgs, PageArgs):
    counted = fields.String(metadata={"description": "true: the rows counted; false: the rest"})


class ActivityListArgs(PageArgs):
    year = fields.Integer(validate=validate.Range(min=1900, max=2100))
    type = fields.String()


class NeedListArgs(LangArgs):
    sector = fields.String()
    format = fields.String(validate=validate.OneOf(("json", "csv", "xlsx")))


class InquiryListArgs(LangArgs):
    state = fields.String()


class ExportInquiriesArgs(InquiryListArgs):
    format = fields.String(load_default="csv", validate=validate.OneOf(("csv", "xlsx")))


class VersionsArgs(QueryArgs):
    a = fields.Integer(metadata={"description": "Compare version a with version b."})
    b = fields.Integer()


# -- Request bodies ----------------------------------------------------------------------------
# The services check what a body must hold (required fields per transition, vocabularies) and
# name each field at fault; these schemas give the types and let the rest through.


class Body(Schema):
    class Meta:
        unknown = INCLUDE


class TransitionBody(Body):
    transition = fields.String(metadata={"description": "A transition the caller may run."})
    version = fields.Integer(metadata={"description": "The version read (a stale one is a 409)."})
    comment = fields.String()


class SupportActionBody(Body):
    type = fields.String()
    date = fields.String(metadata={"description": "YYYY-MM-DD"})
    note = fields.String()


class IpRequestBody(Body):
    record_id = fields.String()
    ip_type = fields.String()
    applicant = fields.String()
    inventors = fields.List(fields.String())


class InquiryBody(Body):
    message = fields.String()
    contact = fields.String()


class RecordEditBody(Body):
    version = fields.Integer()
    comment = fields.String()
    metadata = fields.Dict(metadata={"description": "The fields to change (or send them at the "
                                                    "top level)."})


class RegistrationUpload(Schema):
    files = fields.List(fields.Raw(metadata={"type": "string", "format": "binary"}))


class ActivityBody(Body):
    type = fields.String()
    title = fields.String()
    date = fields.String(metadata={"description": "YYYY-MM-DD"})


class LinkBody(Body):
    kind = fields.String()
    target_id = fields.Raw(metadata={"type": "string"})


class NeedBody(Body):
    title = fields.String()
    description = fields.String()
    sector = fields.String()


class ForwardBody(Body):
    message = fields.String()


class SavedSearchBody(Body):
    query = fields.String(metadata={"description": "The search's query string, e.g. "
                                                   "q=thanh+long&kind=patent"})
    name = fields.String()


# -- Answers -----------------------------------------------------------------------------------


class Answer(Schema):
    class Meta:
        unknown = INCLUDE


class Problem(Answer):
    """RFC 9457 problem details (``application/problem+json``)."""

    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True)
    message = fields.String(metadata={"description": "The detail again (first API version)."})
    fields_ = fields.Dict(data_key="fields", keys=fields.String(), metadata={
        "description": "Each invalid field and why: a list of reasons (a nested field's "
                       "reasons by key)."})


class Bucket(Answer):
    key = fields.String(required=True)
    label = fields.String(required=True)
    doc_count = fields.Integer(required=True)
    is_selected = fields.Boolean(required=True)


class FacetAnswer(Answer):
    label = fields.String(required=True)
    buckets = fields.List(fields.Nested(Bucket), required=True)


class Hit(Answer):
    id = fields.String(required=True)
    kind = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    kind_label = _nullable_string()
    status_label = _nullable_string()
    ip_status_label = _nullable_string()


class Relaxation(Answer):
    facet = _nullable_string(metadata={"description": "The facet whose value to remove "
                                                      "(null: remove every filter)."})
    value = _nullable_string()
    total = fields.Integer(required=True, metadata={"description": "Results without it."})


class SearchAnswer(Answer):
    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    size = fields.Integer(required=True)
    hits = fields.List(fields.Nested(Hit), required=True)
    facets = fields.Dict(keys=fields.String(), values=fields.Nested(FacetAnswer), required=True)
    links = fields.Dict(keys=fields.String(), values=fields.String(), required=True,
                        metadata={"description": "self, next and prev (also in the Link header)"})
    suggestion = _nullable_string(required=True, metadata={
        "description": "Another query, when this one found nothing (did you mean)."})
    relaxations = fields.List(fields.Nested(Relaxation), required=True, metadata={
        "description": "When filters leave nothing: which one to remove, and what remains."})


class Suggestion(Answer):
    text = fields.String(required=True)
    type = fields.String()


class SuggestAnswer(Answer):
    suggestions = fields.List(fields.Nested(Suggestion), required=True)


class RecordAnswer(Answer):
    id = fields.String(required=True)
    title = fields.String(allow_none=True)
    kind = fields.String(allow_none=True)
    files = fields.List(fields.Dict())


class WorkflowsAnswer(Answer):
    workflows = fields.List(fields.Dict(), required=True)


class WorkflowAnswer(Answer):
    state = fields.String(required=True)
    state_label = fields.String()
    version = fields.Integer(required=True)
    allowed = fields.List(fields.Dict())
    case = fields.Dict(allow_none=True)
    support_actions = fields.List(fields.Dict())
    history = fields.List(fields.Dict())


class Created(Answer):
    id = fields.Raw(required=True, metadata={"type": "string"})


class CaseAnswer(Answer):
    """An IP request or an inquiry: its state, version and what the caller may do next."""

    id = fields.Integer(required=True)
    state = fields.String(required=True)
    version = fields.Integer(required=True)
    record_id = fields.String()
    allowed = fields.List(fields.Dict())
    history = fields.List(fields.Dict())


class IpRequestList(Answer):
    ip_requests = fields.List(fields.Nested(CaseAnswer), required=True)


class InquiryList(Answer):
    inquiries = fields.List(fields.Nested(CaseAnswer), required=True)


class RegistrationAnswer(Answer):
    id = fields.String(required=True)
    registration_state = fields.String()
    version = fields.Integer()


class VersionsAnswer(Answer):
    versions = fields.List(fields.Dict())
    changes = fields.List(fields.Dict())


class WorkQueueAnswer(Answer):
    unsupported = fields.Dict()
    overdue = fields.Dict()
    submissions = fields.Dict()
    ip_requests = fields.Dict()
    deadlines = fields.Dict()
    inquiries = fields.Dict()


class PageOf(Answer):
    total = fields.Integer(required=True)
    page = fields.Integer()
    size = fields.Integer()
    items = fields.List(fields.Dict(), required=True)


class TransactionPage(PageOf):
    value_vnd = fields.Integer(required=True)


class IndicatorsAnswer(Answer):
    period = fields.String(required=True)
    indicators = fields.List(fields.Dict(), required=True)


class ObjectAnswer(Answer):
    """An object whose fields the operation's description names."""


class MatchesAnswer(Answer):
    matches = fields.List(fields.Dict(), required=True)


class ForwardAnswer(Answer):
    match_id = fields.Integer(required=True)
    inquiry_id = fields.Integer(required=True)


class SavedSearch(Answer):
    id = fields.Integer(required=True)
    name = fields.String()
    query = fields.String()
    created_at = fields.String()
    covered_until = fields.String()


class SavedSearchList(Answer):
    saved_searches = fields.List(fields.Nested(SavedSearch), required=True)
