"""REST API of the Department's tracker: transactions, plan 4239's indicators and the lists
behind them, activities and technology demand. Views only parse the request and call services.

Who may do what: the indicators (aggregates) are public; the lists behind them, transactions,
activities' writes and technology needs are for Department staff (401 without an account,
403 for other accounts).
"""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from repo_app import i18n
from repo_app.services import access, exports
from repo_app.services import plan_indicators as plan
from repo_app.services import transactions as transaction_service
from repo_app.services.errors import Invalid, NotAuthenticated, ServiceError

blueprint = Blueprint("tracker_api", __name__, url_prefix="/api/v1")


def _services():
    return current_app.extensions["repo"]


def _principal():
    from repo_app.auth import current_principal

    return current_principal()


def require_staff():
    return access.require_staff(_principal())


def _lang() -> str:
    asked = request.args.get("lang")
    return asked if asked in i18n.LANGUAGES else i18n.current_language()


def _page_args() -> tuple[int, int]:
    errors = {}
    values = {}
    for name, default in (("page", 1), ("size", 50)):
        raw = request.args.get(name) or str(default)
        if not raw.isdigit() or int(raw) < 1:
            errors[name] = ["A whole number of 1 or more."]
        else:
            values[name] = int(raw)
    if errors:
        raise Invalid(errors)
    return values["page"], min(values["size"], 500)


@blueprint.errorhandler(ServiceError)
def _service_error(error: ServiceError):
    from repo_app.api_errors import service_problem

    return service_problem(error)  # RFC 9457 problem details, as the rest of the API


def _maybe_export(rows: list[dict], name: str, columns=None):
    """``?format=csv`` or ``?format=xlsx`` turns any list into a download."""
    fmt = request.args.get("format")
    if not fmt or fmt == "json":
        return None
    return exports.response(rows, name, fmt, columns=columns)


# -- Transactions ------------------------------------------------------------------------------


@blueprint.get("/transactions")
def list_transactions():
    filters = transaction_service.list_filters(request.args)
    page, size = _page_args()
    if request.args.get("format") in exports.FORMATS:
        page, size = 1, exports.MAX_ROWS
    body = transaction_service.transactions_for(_services(), _principal(), filters, page=page,
                                                size=size)
    return _maybe_export(body["items"], "transactions") or jsonify(body)


@blueprint.post("/transactions")
def create_transaction():
    created = transaction_service.record_transaction(_services(), _principal(),
                                                     request.get_json(silent=True))
    return jsonify(created), 201


# -- Plan 4239 ---------------------------------------------------------------------------------


def _scope() -> plan.Scope:
    period = plan.period_of(request.args.get("period"))
    return plan.Scope(period, plan.parse_filters(request.args, period))


@blueprint.get("/plan/indicators")
def plan_indicators():
    return jsonify(plan.indicators(_services(), _scope(), _lang()))


@blueprint.get("/plan/indicators/<key>/items")
def plan_indicator_items(key: str):
    require_staff()
    plan.definition_of(key)
    scope = _scope()
    counted = request.args.get("counted")
    counted = transaction_service.parse_bool(counted, "counted") if counted else None
    page, size = _page_args()
    if request.args.get("format") in exports.FORMATS:
        page, size = 1, exports.MAX_ROWS
    body = plan.drilldown(_services(), key, scope, counted=counted, page=page, size=size)
    return _maybe_export(body["items"], f"{key}-{scope.period.key}") or jsonify(body)


@blueprint.get("/plan/yearly/<int:year>")
def plan_yearly(year: int):
    """The figures of one year, as the yearly report files them."""
    from repo_app.services import yearly_report

    require_staff()
    return jsonify(yearly_report.figures(_services(), year, _lang()))


# -- Activities --------------------------------------------------------------------------------


@blueprint.get("/activities")
def list_activities():
    from repo_app.services import activities

    require_staff()
    year = request.args.get("year")
    if year and not year.isdigit():
        raise Invalid({"year": ["A year such as 2024."]})
    page, size = _page_args()
    body = activities.list_activities(_services(), year=int(year) if year else None,
                                      type=request.args.get("type") or None, page=page,
                                      size=size, lang=_lang())
    return _maybe_export(body["items"], "activities") or jsonify(body)


@blueprint.post("/activities")
def create_activity():
    from repo_app.services import activities

    return jsonify(activities.create_activity(_services(), _principal(), _json_body())), 201


@blueprint.post("/activities/<int:activity_id>/links")
def link_activity(activity_id: int):
    from repo_app.services import activities

    body = _json_body()
    return jsonify(activities.link(_services(), _principal(), activity_id, body.get("kind"),
                                   body.get("target_id")))


def _json_body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise Invalid({"body": ["A JSON object."]})
    return body


# -- Technology demand -------------------------------------------------------------------------


@blueprint.get("/technology-needs")
def list_needs():
    from repo_app.services import activities

    body = activities.list_needs(_services(), _principal(), sector=request.args.get("sector"),
                                 lang=_lang())
    rows = [{key: value for key, value in item.items() if key != "matches"}
            for item in body["items"]]
    return _maybe_export(rows, "technology-needs") or jsonify(body)


@blueprint.post("/technology-needs")
def create_need():
    from repo_app.services import activities

    return jsonify(activities.create_need(_services(), _principal(), _json_body())), 201


@blueprint.get("/technology-needs/<int:need_id>")
def get_need(need_id: int):
    from repo_app.services import activities

    return jsonify(activities.get_need(_services(), _principal(), need_id, _lang()))


@blueprint.post("/technology-needs/<int:need_id>/matches")
def rematch_need(need_id: int):
    from repo_app.services import activities

    require_staff()
    activities.get_need(_services(), _principal(), need_id)
    return jsonify({"matches": activities.propose_matches(_services(), need_id)})


@blueprint.post("/technology-needs/matches/<int:match_id>/forward")
def forward_match(match_id: int):
    from repo_app.services import activities

    body = request.get_json(silent=True) or {}
    return jsonify(activities.forward_match(_services(), _principal(), match_id,
                                            str(body.get("message") or ""))), 201


# -- Exports of the site's other lists ---------------------------------------------------------


@blueprint.get("/exports/records")
def export_search_results():
    """The search results of ``/api/v1/records`` (same parameters) as CSV or XLSX, up to
    ``MAX_PAGE_SIZE`` per page as the search allows."""
    from repo_app.services import search as search_service

    fmt = request.args.get("format") or "csv"
    try:
        params = search_service.SearchParams.from_args(request.args)
        body = search_service.search(_services().search_engine, params, _lang())
    except search_service.BadSearchParameters as error:
        raise Invalid({"search": [str(error)]}) from None
    rows = [{key: value for key, value in hit.items() if key != "highlight"}
            for hit in body["hits"]]
    return exports.response(rows, "search-results", fmt)


@blueprint.get("/exports/inquiries")
def export_inquiries():
    """The licensing inquiries the signed-in account may see, as CSV or XLSX."""
    from repo_app.services import inquiries

    principal = _principal()
    if not principal.authenticated:
        raise NotAuthenticated("Sign in to export inquiries.")
    rows = inquiries.inbox(_services(), principal, _lang(), request.args.get("state") or None)
    rows = [{key: value for key, value in row.items() if not isinstance(value, list | dict)}
            for row in rows]
    return exports.response(rows, "inquiries", request.args.get("format") or "csv")
