"""REST API of the Department's tracker: transactions, plan 4239's indicators and the lists
behind them, activities and technology demand. Views only parse the request and call services.

Who may do what: the indicators (aggregates) are public; the lists behind them, transactions,
activities' writes and technology needs are for Department staff (401 without an account,
403 for other accounts).
"""

from __future__ import annotations

from flask import current_app, jsonify, request

from repo_app import i18n
from repo_app.api_docs import ApiBlueprint
from repo_app.services import exports
from repo_app.services import plan_indicators as plan
from repo_app.services import transactions as transaction_service
from repo_app.services.errors import Invalid, NotAuthenticated, ServiceError
from schemas import api as contract

blueprint = ApiBlueprint("tracker_api", __name__, url_prefix="/api/v1",
                         description="The Department's tracker: transactions, plan 4239's "
                                     "indicators, activities and technology demand.")
SPREADSHEETS = {"text/csv": {"schema": {"type": "string"}},
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
                    {"schema": {"type": "string", "format": "binary"}}}


def _services():
    return current_app.extensions["repo"]


def _principal():
    from repo_app.auth import current_principal

    return current_principal()


def _lang() -> str:
    asked = request.args.get("lang")
    return asked if asked in i18n.LANGUAGES else i18n.current_language()


def _page_args(arguments: dict) -> tuple[int, int]:
    """Page and size as parsed; a whole list when a download is asked for."""
    if arguments.get("format") in exports.FORMATS:
        return 1, exports.MAX_ROWS
    return arguments["page"], min(arguments["size"], contract.MAX_LIST_PAGE_SIZE)


def _download_doc(function):
    """Documents that ``?format=csv|xlsx`` answers a spreadsheet instead of JSON."""
    return blueprint.doc(responses={200: {"content": SPREADSHEETS}})(function)


@blueprint.errorhandler(ServiceError)
def _service_error(error: ServiceError):
    from repo_app.api_errors import service_problem

    return service_problem(error)  # RFC 9457 problem details, as the rest of the API


def _maybe_export(rows: list[dict], name: str, columns=None):
    """``?format=csv`` or ``?format=xlsx`` turns any list into a download."""
    fmt = request.args.get("format")  # checked by the arguments' schema
    if not fmt or fmt == "json":
        return None
    return exports.response(rows, name, fmt, columns=columns)


# -- Transactions ------------------------------------------------------------------------------


@blueprint.get("/transactions")
@blueprint.arguments(contract.TransactionListArgs, location="query")
@blueprint.response(200, contract.TransactionPage)
@_download_doc
def list_transactions(arguments):
    """Technology transactions, newest first, with their count and total value (staff)."""
    filters = transaction_service.list_filters(request.args)
    page, size = _page_args(arguments)
    body = transaction_service.transactions_for(_services(), _principal(), filters, page=page,
                                                size=size)
    return _maybe_export(body["items"], "transactions") or jsonify(body)


@blueprint.post("/transactions")
@blueprint.doc(requestBody={"content": {"application/json": {
    "schema": {"$ref": "#/components/schemas/Transaction"}}}})
@blueprint.response(201, contract.ObjectAnswer)
def create_transaction():
    """Enter a transaction (staff); the body is a ``Transaction``."""
    created = transaction_service.record_transaction(_services(), _principal(),
                                                     request.get_json(silent=True))
    return jsonify(created), 201


# -- Plan 4239 ---------------------------------------------------------------------------------


def _scope() -> plan.Scope:
    period = plan.period_of(request.args.get("period"))
    return plan.Scope(period, plan.parse_filters(request.args, period))


@blueprint.get("/plan/indicators")
@blueprint.arguments(contract.PlanArgs, location="query")
@blueprint.response(200, contract.IndicatorsAnswer)
def plan_indicators(_arguments):
    """Plan 4239's indicators for a period, against their targets (public)."""
    return jsonify(plan.indicators(_services(), _scope(), _lang()))


@blueprint.get("/plan/indicators/<key>/items")
@blueprint.arguments(contract.PlanItemsArgs, location="query")
@blueprint.response(200, contract.PageOf)
@_download_doc
def plan_indicator_items(arguments, key: str):
    """The rows behind an indicator's figure, the ones not counted first (staff)."""
    page, size = _page_args(arguments)
    body = plan.drilldown_for(_services(), _principal(), key, request.args, page=page,
                              size=size)
    period = plan.period_of(request.args.get("period"))
    return _maybe_export(body["items"], f"{key}-{period.key}") or jsonify(body)


@blueprint.get("/plan/yearly/<int:year>")
@blueprint.arguments(contract.LangArgs, location="query")
@blueprint.response(200, contract.ObjectAnswer)
def plan_yearly(_arguments, year: int):
    """The figures of one year, as the yearly report files them (staff)."""
    from repo_app.services import yearly_report

    return jsonify(yearly_report.figures_for(_services(), _principal(), year, _lang()))


# -- Activities --------------------------------------------------------------------------------


@blueprint.get("/activities")
@blueprint.arguments(contract.ActivityListArgs, location="query")
@blueprint.response(200, contract.PageOf)
@_download_doc
def list_activities(arguments):
    """Trainings, events and programmes of the plan (staff)."""
    from repo_app.services import activities

    page, size = _page_args(arguments)
    body = activities.activities_for(_services(), _principal(), year=arguments.get("year"),
                                     type=arguments.get("type") or None, page=page,
                                     size=size, lang=_lang())
    return _maybe_export(body["items"], "activities") or jsonify(body)


@blueprint.post("/activities")
@blueprint.arguments(contract.ActivityBody)
@blueprint.response(201, contract.ObjectAnswer)
def create_activity(body):
    """Record an activity (staff)."""
    from repo_app.services import activities

    return jsonify(activities.create_activity(_services(), _principal(), body)), 201


@blueprint.post("/activities/<int:activity_id>/links")
@blueprint.arguments(contract.LinkBody)
@blueprint.response(200, contract.ObjectAnswer)
def link_activity(body, activity_id: int):
    """Link an activity to a record, transaction or need (staff)."""
    from repo_app.services import activities

    return jsonify(activities.link(_services(), _principal(), activity_id, body.get("kind"),
                                   body.get("target_id")))


# -- Technology demand -------------------------------------------------------------------------


@blueprint.get("/technology-needs")
@blueprint.arguments(contract.NeedListArgs, location="query")
@blueprint.response(200, contract.PageOf)
@_download_doc
def list_needs(arguments):
    """Enterprises' technology needs the caller may see."""
    from repo_app.services import activities

    body = activities.list_needs(_services(), _principal(), sector=arguments.get("sector"),
                                 lang=_lang())
    rows = [{key: value for key, value in item.items() if key != "matches"}
            for item in body["items"]]
    return _maybe_export(rows, "technology-needs") or jsonify(body)


@blueprint.post("/technology-needs")
@blueprint.arguments(contract.NeedBody)
@blueprint.response(201, contract.ObjectAnswer)
def create_need(body):
    """An enterprise's technology need."""
    from repo_app.services import activities

    return jsonify(activities.create_need(_services(), _principal(), body)), 201


@blueprint.get("/technology-needs/<int:need_id>")
@blueprint.arguments(contract.LangArgs, location="query")
@blueprint.response(200, contract.ObjectAnswer)
def get_need(_arguments, need_id: int):
    """One technology need and the results proposed for it."""
    from repo_app.services import activities

    return jsonify(activities.get_need(_services(), _principal(), need_id, _lang()))


@blueprint.post("/technology-needs/<int:need_id>/matches")
@blueprint.response(200, contract.MatchesAnswer)
def rematch_need(need_id: int):
    """Propose results for a need again (staff)."""
    from repo_app.services import activities

    return jsonify({"matches": activities.rematch(_services(), _principal(), need_id)})


@blueprint.post("/technology-needs/matches/<int:match_id>/forward")
@blueprint.arguments(contract.ForwardBody)
@blueprint.response(201, contract.ForwardAnswer)
def forward_match(body, match_id: int):
    """Forward a proposed result to the enterprise as an inquiry (staff)."""
    from repo_app.services import activities

    return jsonify(activities.forward_match(_services(), _principal(), match_id,
                                            str(body.get("message") or ""))), 201


# -- Exports of the site's other lists ---------------------------------------------------------


@blueprint.get("/exports/records")
@blueprint.arguments(contract.ExportRecordsArgs, location="query")
@blueprint.response(200, content_type="text/csv")
@_download_doc
def export_search_results(arguments):
    """The search results of ``/api/v1/records`` (same parameters) as CSV or XLSX, up to
    ``MAX_PAGE_SIZE`` per page as the search allows."""
    from repo_app.services import search as search_service

    params = search_service.SearchParams.from_arguments(arguments)
    try:
        body = search_service.search(_services().search_engine, params, _lang())
    except search_service.BadSearchParameters as error:
        raise Invalid({"search": [str(error)]}) from None
    rows = [{key: value for key, value in hit.items() if key != "highlight"}
            for hit in body["hits"]]
    return exports.response(rows, "search-results", arguments["format"])


@blueprint.get("/exports/inquiries")
@blueprint.arguments(contract.ExportInquiriesArgs, location="query")
@blueprint.response(200, content_type="text/csv")
@_download_doc
def export_inquiries(arguments):
    """The licensing inquiries the signed-in account may see, as CSV or XLSX."""
    from repo_app.services import inquiries

    principal = _principal()
    if not principal.authenticated:
        raise NotAuthenticated("Sign in to export inquiries.")
    rows = inquiries.inbox(_services(), principal, _lang(), arguments.get("state") or None)
    rows = [{key: value for key, value in row.items() if not isinstance(value, list | dict)}
            for row in rows]
    return exports.response(rows, "inquiries", arguments["format"])
