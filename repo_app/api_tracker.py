"""REST API of the Department's tracker: transactions, plan 4239's indicators and the lists
behind them, activities and technology demand. Views only parse the request and call services.

Who may do what: the indicators (aggregates) are public; the lists behind them, transactions,
activities' writes and technology needs are for Department staff (401 without an account,
403 for other accounts).
"""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from repo_app import i18n
from repo_app.services import exports
from repo_app.services import plan_indicators as plan
from repo_app.services import transactions as transaction_service
from repo_app.services.errors import Forbidden, Invalid, NotAuthenticated, ServiceError

blueprint = Blueprint("tracker_api", __name__, url_prefix="/api/v1")


def _services():
    return current_app.extensions["repo"]


def _principal():
    from repo_app.auth import current_principal

    return current_principal()


def require_staff():
    principal = _principal()
    if not principal.authenticated:
        raise NotAuthenticated("Sign in, or send an API token (Authorization: Bearer ...).")
    if not principal.is_staff:
        raise Forbidden("Only Department staff may do this.")
    return principal


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
    body = {"status": error.status, "message": error.message}
    if error.fields:
        body["fields"] = error.fields
    return jsonify(body), error.status


def _maybe_export(rows: list[dict], name: str, columns=None):
    """``?format=csv`` or ``?format=xlsx`` turns any list into a download."""
    fmt = request.args.get("format")
    if not fmt or fmt == "json":
        return None
    return exports.response(rows, name, fmt, columns=columns)


# -- Transactions ------------------------------------------------------------------------------


@blueprint.get("/transactions")
def list_transactions():
    require_staff()
    filters = transaction_service.list_filters(request.args)
    page, size = _page_args()
    if request.args.get("format") in exports.FORMATS:
        page, size = 1, exports.MAX_ROWS
    with _services().sessions() as session:
        body = transaction_service.list_transactions(session, filters, page=page, size=size)
    return _maybe_export(body["items"], "transactions") or jsonify(body)


@blueprint.post("/transactions")
def create_transaction():
    principal = require_staff()
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise Invalid({"body": ["A JSON object with the transaction's fields."]})
    values = transaction_service.load_transaction(body)
    with _services().sessions() as session, session.begin():
        row = transaction_service.create_transaction(
            session, values, source="api", created_by=principal.user_id)
        created = transaction_service.as_dict(row)
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
