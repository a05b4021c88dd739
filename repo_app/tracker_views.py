"""The Department's tracker pages: where the province stands against plan 4239, the records
behind every figure, the transactions and their import, activities, technology needs and the
yearly report. Staff only, except technology needs, which enterprises enter too.

Views only read the request and call services; figures come from
``repo_app.services.plan_indicators`` and nowhere else. Every page works without JavaScript.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext

from repo_app import i18n, tracker_charts
from repo_app.auth import current_principal, login_required, staff_required
from repo_app.services import activities as activity_service
from repo_app.services import exports
from repo_app.services import plan_indicators as plan
from repo_app.services import transactions as transaction_service
from repo_app.services import yearly_report as report
from repo_app.services.errors import Invalid, ServiceError
from schemas import vocabularies, workflows
from schemas.transactions import FORMS, ORIGINS

blueprint = Blueprint("tracker", __name__, url_prefix="/tracker")


def _services():
    return current_app.extensions["repo"]


def _lang() -> str:
    return i18n.current_language()


def _options(name: str) -> list[tuple[str, str]]:
    vocabulary = vocabularies.load(name)
    return [(key, vocabulary.term_label(key, _lang())) for key in vocabulary]


def _place_options() -> list[tuple[str, str]]:
    """District keys and their 2025 successor communes: either selects the district."""
    places = vocabularies.load("places")
    options = []
    for key, term in places.items():
        label = places.term_label(key, _lang())
        options.append((key, label))
        options += [(name, f"{name} → {label}") for name in term.get("successors", [])]
    return options


def _label_values(items: list[dict]) -> list[dict]:
    """Keys of vocabularies and workflow states shown with their labels in the reader's
    language (the downloads keep the keys)."""
    lang = _lang()
    vocabulary_of = {"commercialisation_status": "commercialisation_statuses",
                     "form": "transfer_forms", "origin": "transaction_origins",
                     "kind": "kinds", "organisation": "organisations", "place": "places",
                     "ip_type": "ip_types"}
    states = workflows.load("ip_registration")
    labelled = []
    for item in items:
        row = dict(item)
        for column, name in vocabulary_of.items():
            if row.get(column):
                row[column] = vocabularies.load(name).term_label(row[column], lang)
        if row.get("state"):
            row["state"] = states.state_label(row["state"], lang)
        if row.get("type") in activity_service.ACTIVITY_TYPES:
            row["type"] = activity_service.ACTIVITY_TYPES[row["type"]].get(lang) or row["type"]
        labelled.append(row)
    return labelled


@blueprint.app_template_filter("tracker_value")
def _value_filter(value, unit):
    return report.value_text(value, unit, _lang())


@blueprint.app_template_filter("tracker_target")
def _target_filter(target, unit):
    return report.target_text(target, unit, _lang())


@blueprint.app_template_filter("vnd_millions")
def _millions_filter(value):
    return report.vnd_millions(value, _lang())


def _error_page(error: ServiceError):
    messages = [error.message] + [f"{name}: {'; '.join(map(str, reasons))}"
                                  for name, reasons in error.fields.items()]
    return render_template("tracker_error.html", messages=messages), error.status


@blueprint.errorhandler(ServiceError)
def _service_error(error: ServiceError):
    return _error_page(error)


def _scope() -> plan.Scope:
    period = plan.period_of(request.args.get("period") or plan.current_period().key)
    return plan.Scope(period, plan.parse_filters(request.args, period))


# -- The tracker -------------------------------------------------------------------------------


def _charts(scope: plan.Scope) -> dict:
    lang = _lang()
    series = plan.yearly(_services(), scope)
    no_data = report.STATUS_WORDS[lang]["no_data"]
    dash = "–"
    charts = {"value": tracker_charts.columns(
        [{"x": row["year"], "value": row["value_vnd"] / 1e6, "growth": row["growth"]}
         for row in series],
        title=gettext("Technology transaction value by year (million VND)"),
        desc=gettext("Columns: total transaction value per year, written above each column; "
                     "under the year: growth over the year before."),
        label_of=lambda value: no_data if value is None else report.number(value, lang),
        note_of=lambda point: (("+" if point["growth"] >= 0 else "")
                               + report.percent(point["growth"], lang))
        if point["growth"] is not None else "", chart_id="chart-value")}
    shares = []
    for key, field in (("ip_transaction_share", "ip_share"),
                       ("developed_import_share", "developed_share"),
                       ("institute_share", "institute_share")):
        definition = plan.INDICATORS[key]
        target = definition.target(scope.period)
        band = tuple(target) if isinstance(target, tuple) else (target, target)
        shares.append(tracker_charts.columns(
            [{"x": row["year"], "value": row[field]} for row in series],
            title=definition.label[lang] if lang in definition.label else definition.label["vi"],
            desc=gettext("Columns: the share per year, written above each column; ruled band: "
                         "the target range, dashed line: the level to reach. “–”: no "
                         "transaction to compute from that year."),
            label_of=lambda value: dash if value is None else report.percent(value, lang),
            band=band, band_label=gettext("Target") + ": "
            + report.target_text(target, "fraction", lang), top=max(
                [row[field] or 0 for row in series] + [band[1] * 1.3]),
            chart_id=f"chart-{key}"))
    statuses = workflows.load("commercialisation")
    ip_workflow = workflows.load("ip_registration")
    charts["shares"] = shares
    charts["stages"] = tracker_charts.bars(
        [(statuses.state_label(key, lang), number)
         for key, number in plan.commercialisation_stages(_services(), scope)],
        title=gettext("Research results by commercialisation stage"),
        desc=gettext("Accepted research results of the period by stage, the count at the end "
                     "of each bar."),
        empty=no_data, chart_id="chart-stages")
    charts["ip_stages"] = tracker_charts.bars(
        [(ip_workflow.state_label(key, lang), number)
         for key, number in plan.ip_request_stages(_services(), scope)],
        title=gettext("IP-registration requests by stage"),
        desc=gettext("Requests made in the period by stage, the count at the end of each bar."),
        empty=no_data,
        chart_id="chart-ip")
    return {"charts": charts, "series": series}


@blueprint.get("/")
@staff_required
def index():
    try:
        scope = _scope()
    except Invalid as error:
        return _error_page(error)
    lang = _lang()
    body = plan.indicators(_services(), scope, lang)
    if request.args.get("format") in exports.FORMATS:
        return exports.response(body["indicators"], f"plan-4239-{scope.period.key}",
                                request.args["format"])
    rows = [{**row, "definition": plan.INDICATORS[row["key"]].definition(lang),
             "task": plan.INDICATORS[row["key"]].task.replace(
                 "appendix", gettext("appendix")),
             "filtered_by": plan.INDICATORS[row["key"]].filtered_by,
             "ratio": report.ratio_text(row, lang),
             "status_text": report.status_text(row["status"], lang)}
            for row in body["indicators"]]
    return render_template(
        "tracker.html", scope=scope, rows=rows, periods=list(plan.PERIODS),
        filters=scope.filters.as_args(), sectors=_options("sectors"),
        fields=_options("fields_of_science"), organisations=_options("organisations"),
        places=_place_options(), years=scope.period.years, **_charts(scope))


@blueprint.get("/indicators/<key>")
@staff_required
def indicator(key: str):
    definition = plan.definition_of(key)
    scope = _scope()
    lang = _lang()
    figure = plan.evaluate_one(_services(), key, scope, lang)
    counted = request.args.get("counted")
    counted = transaction_service.parse_bool(counted, "counted") if counted else None
    page = request.args.get("page", "1")
    page = int(page) if page.isdigit() and int(page) > 0 else 1
    rows = plan.drilldown_for(_services(), current_principal(), key, request.args, page=page,
                              size=100)
    rows["items"] = _label_values(rows["items"])
    args = {"period": scope.period.key, **scope.filters.as_args()}
    return render_template(
        "tracker_indicator.html", definition=definition, figure=figure, scope=scope,
        rows=rows, counted=counted, args=args, page=page,
        ratio=report.ratio_text(figure, lang),
        status_text=report.status_text(figure["status"], lang),
        text=definition.definition(lang), columns=list(rows["items"][0]) if rows["items"]
        else [])


@blueprint.get("/report/<int:year>.<fmt>")
@staff_required
def yearly(year: int, fmt: str):
    if fmt not in ("pdf", "xlsx"):
        return _error_page(Invalid({"format": ["pdf or xlsx"]}))
    try:
        content = report.render(_services(), year, fmt, _lang())
    except ValueError as error:
        return _error_page(Invalid({"year": [str(error)]}))
    mimetype = "application/pdf" if fmt == "pdf" else exports.MIMETYPES["xlsx"]
    return Response(content, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="bao-cao-4239-{year}.{fmt}"'})


# -- Transactions ------------------------------------------------------------------------------


@blueprint.get("/transactions")
@staff_required
def transactions():
    filters = transaction_service.list_filters(request.args)
    page = request.args.get("page", "1")
    page = int(page) if page.isdigit() and int(page) > 0 else 1
    fmt = request.args.get("format")
    with _services().sessions() as session:
        body = transaction_service.list_transactions(
            session, filters, page=1 if fmt else page,
            size=exports.MAX_ROWS if fmt else 50)
    if fmt:
        return exports.response(body["items"], "transactions", fmt)
    body["items"] = _label_values(body["items"])
    return render_template("tracker_transactions.html", body=body, args=dict(request.args),
                           forms=FORMS, origins=ORIGINS, page=page)


@blueprint.route("/transactions/import", methods=["GET", "POST"])
@staff_required
def import_transactions():
    from repo_app.services.transaction_import import BadFile, import_transactions

    result, file_errors = None, None
    if request.method == "POST":
        upload = request.files.get("file")
        if upload is None or not upload.filename:
            file_errors = [gettext("Choose a CSV or XLSX file.")]
        else:
            try:
                result = import_transactions(
                    _services(), upload.filename, upload.read(),
                    valid_rows_only=bool(request.form.get("valid_rows_only")),
                    created_by=current_principal().user_id).as_dict()
            except BadFile as error:
                file_errors = [reason for reasons in error.fields.values() for reason in reasons]
    status = 422 if file_errors or (result and result["rejected"] and not result["committed"]) \
        else 200
    return render_template("tracker_import.html", result=result, file_errors=file_errors), status


# -- Activities --------------------------------------------------------------------------------


@blueprint.route("/activities", methods=["GET", "POST"])
@staff_required
def activities():
    errors, form = {}, request.form
    if request.method == "POST":
        body = {name: form.get(name) or None for name in
                ("type", "title", "start_date", "end_date", "place", "participants",
                 "connected_on")}
        body.update(organiser=form.get("organiser", ""), description=form.get("description", ""),
                    **{name: [part.strip() for part in form.get(name, "").split(",")
                              if part.strip()]
                       for name in ("records", "inquiries", "transactions")})
        body = {name: value for name, value in body.items() if value is not None}
        try:
            activity_service.create_activity(_services(), current_principal(), body)
            flash(gettext("Activity recorded."))
            return redirect(url_for("tracker.activities"))
        except ServiceError as error:
            errors = error.fields
    listing = activity_service.activities_for(_services(), current_principal(), lang=_lang())
    if request.args.get("format") in exports.FORMATS:
        return exports.response(listing["items"], "activities", request.args["format"])
    types = [(key, value.get(_lang()) or value["vi"])
             for key, value in activity_service.ACTIVITY_TYPES.items()]
    return render_template("tracker_activities.html", listing=listing, types=types,
                           places=_options("places"), errors=errors, form=form), \
        422 if errors else 200


# -- Technology needs --------------------------------------------------------------------------


@blueprint.route("/needs", methods=["GET", "POST"])
@login_required
def needs():
    principal = current_principal()
    errors, form = {}, request.form
    if request.method == "POST":
        body = {name: form.get(name) or None for name in
                ("enterprise_name", "sector", "problem", "budget_min_vnd", "budget_max_vnd")}
        body.update(contact=form.get("contact", ""), timeline=form.get("timeline", ""))
        body = {name: value for name, value in body.items() if value is not None}
        try:
            need = activity_service.create_need(_services(), principal, body)
            return redirect(url_for("tracker.need", need_id=need["id"]))
        except ServiceError as error:
            if error.status != 422:
                raise
            errors = error.fields
    listing = activity_service.list_needs(_services(), principal, lang=_lang())
    if request.args.get("format") in exports.FORMATS:
        rows = [{key: value for key, value in item.items() if key != "matches"}
                for item in listing["items"]]
        return exports.response(rows, "technology-needs", request.args["format"])
    return render_template("tracker_needs.html", listing=listing, errors=errors, form=form,
                           sectors=_options("sectors"), principal=principal), \
        422 if errors else 200


@blueprint.route("/needs/<int:need_id>", methods=["GET", "POST"])
@login_required
def need(need_id: int):
    principal = current_principal()
    if request.method == "POST":
        action = request.form.get("action")
        if action == "forward":
            result = activity_service.forward_match(_services(), principal,
                                                    request.form.get("match_id"),
                                                    request.form.get("message", ""))
            flash(gettext("Licensing inquiry %(inquiry)s opened.", inquiry=result["inquiry_id"]))
        elif action == "rematch":
            activity_service.rematch(_services(), principal, need_id)
        return redirect(url_for("tracker.need", need_id=need_id))
    item = activity_service.get_need(_services(), principal, need_id, _lang())
    return render_template("tracker_need.html", need=item, principal=principal)
