"""Web pages of the workflows: the work queue, registering a result, the record's
commercialisation panel, IP-registration requests, licensing inquiries, technology offers and
the e-mail outbox.

Views only read the request and call the services in ``repo_app.services``; a service's
refusal (``ServiceError``) is shown as a message with the HTTP status it carries. Every page
works without JavaScript: plain forms, each with the CSRF token.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext
from werkzeug.exceptions import NotFound

from repo_app import i18n, labels
from repo_app.auth import current_principal, login_required, staff_required
from repo_app.services import (
    accounts,
    commercialisation,
    inquiries,
    ip_requests,
    notifications,
    public_view,
    registration,
    work_queue,
)
from repo_app.services import offers as offers_service
from repo_app.services import workflow_engine as engine
from repo_app.services.errors import ServiceError
from schemas import vocabularies, workflows

blueprint = Blueprint("workflow_pages", __name__)

# Transition fields a form may carry, by how they are read from the form.
DATE_FIELDS = ("date", "filing_date", "priority_date", "grant_date", "event_date")
TEXT_FIELDS = ("comment", "country", "application_number", "grant_number",
               "registration_number", "form", "origin")
YES_NO_FIELDS = ("includes_ip", "developed_country")


def _services():
    return current_app.extensions["repo"]


def _lang() -> str:
    return i18n.current_language()


def _options(name: str) -> list[tuple[str, str]]:
    vocabulary = vocabularies.load(name)
    if name in ("fields_of_science", "trl"):  # codes people know them by, with the label
        return [(key, f"{key} – {vocabulary.term_label(key, _lang())}") for key in vocabulary]
    return [(key, vocabulary.term_label(key, _lang())) for key in vocabulary]


def _vocabulary_options() -> dict:
    """Pick lists the forms need, by vocabulary name."""
    names = ("support_actions", "transfer_forms", "transaction_origins", "kinds",
             "fields_of_science", "sectors", "places", "organisations", "trl", "languages",
             "ip_types", "department_units")
    return {name: _options(name) for name in names}


def _refused(problem: ServiceError, back: str | None = None):
    """A refusal that has no page of its own to be shown on."""
    return render_template("work_refused.html", problem=_problem(problem),
                           back=back or request.referrer), problem.status


def _problem(error: ServiceError | None) -> dict | None:
    if error is None:
        return None
    return {"status": error.status, "message": error.message,
            "fields": _flat_errors(error.fields)}


def _flat_errors(errors, prefix: str = "") -> dict[str, list[str]]:
    """``{"budget": {"total_vnd": ["..."]}}`` -> ``{"budget.total_vnd": ["..."]}``."""
    flat: dict[str, list[str]] = {}
    for key, value in (errors or {}).items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flat_errors(value, f"{name}."))
        elif isinstance(value, list | tuple):
            texts = [item if isinstance(item, str) else str(item) for item in value]
            flat[name] = texts
        else:
            flat[name] = [str(value)]
    return flat


def _version(form) -> int | None:
    try:
        return int(form.get("version", ""))
    except ValueError:
        return None


def _lines(text: str | None) -> list[str]:
    """One item per line (or separated by ';')."""
    return [item.strip() for item in re.split(r"[\n;]", text or "") if item.strip()]


def _money(text: str | None):
    """Whole VND as written by people: "1.500.000.000", "1 500 000 000", "1500000000"."""
    raw = (text or "").strip()
    if not raw:
        return None
    digits = re.sub(r"[.,\s_]", "", raw)
    return int(digits) if digits.isdigit() else raw


def _yes_no(text: str | None):
    return {"yes": True, "no": False}.get((text or "").strip().lower())


def _transition_body(form) -> dict:
    """A transition request from a plain form: its name, the version seen, its fields."""
    body = {"transition": form.get("transition", ""), "version": _version(form)}
    for name in (*DATE_FIELDS, *TEXT_FIELDS):
        value = (form.get(name) or "").strip()
        if value:
            body[name] = value
    for name in YES_NO_FIELDS:
        value = _yes_no(form.get(name))
        if value is not None:
            body[name] = value
    if form.get("value_vnd", "").strip():
        body["value_vnd"] = _money(form.get("value_vnd"))
    parties = _lines(form.get("parties", "").replace(";", "\n"))
    if parties:
        body["parties"] = parties
    return body


def _machine_states(name: str) -> list[dict]:
    lang = _lang()
    machine = workflows.load(name)
    return [{"key": s["key"], "label": machine.state_label(s["key"], lang),
             "terminal": bool(s.get("terminal"))} for s in machine.states]


def _state_labels(name: str) -> dict:
    return {s["key"]: s["label"] for s in _machine_states(name)}


@blueprint.app_template_global("wf_event_label")
def event_label(event: dict) -> str:
    """What an event of a history did, in the reader's language: the transition's label from
    its machine, else the kind of event (an upload, an edit, a support action...)."""
    lang, name, kind = _lang(), event.get("transition"), event.get("kind")
    if event.get("workflow") and name:
        transition = workflows.load(event["workflow"]).transition(name)
        if transition is not None:
            return transition.title(lang)
    label = labels.label("event", name or kind)
    if kind == "support_action" and (event.get("data") or {}).get("type"):
        label += ": " + vocabularies.load("support_actions").term_label(event["data"]["type"],
                                                                        lang)
    return label


@blueprint.app_template_global("wf_state_label")
def state_label(workflow: str | None, key: str | None) -> str:
    if not key:
        return "—"
    if not workflow or workflow not in workflows.names():
        return key
    return workflows.load(workflow).state_label(key, _lang())


# -- Home: the work queue ----------------------------------------------------------------------


@blueprint.get("/work")
@login_required
def home():
    principal = current_principal()
    services, lang = _services(), _lang()
    context = {"principal": principal, "owner": request.args.get("owner") or ""}
    if principal.is_staff:
        owner = context["owner"] or None
        context["queue"] = work_queue.for_staff(services, principal, lang, owner=owner)
        context["review"] = registration.review_queue(services, principal)
        context["pending_researchers"] = accounts.pending_researchers(services)
        context["units"] = _options("department_units")
        context["organisations"] = dict(_options("organisations"))
    else:
        if principal.role == "researcher":
            context["registrations"] = registration.own_results(services, principal)
            context["ip_requests"] = ip_requests.list_for(services, principal, lang)
        context["inquiries"] = inquiries.inbox(services, principal, lang)
    context["registration_states"] = _state_labels("registration")
    context["ip_types"] = dict(_options("ip_types"))
    return render_template("work_home.html", **context)


@blueprint.post("/work/researchers/<int:user_id>/confirm")
@staff_required
def confirm_researcher(user_id: int):
    try:
        user = accounts.confirm_organisation(_services(), current_principal(), user_id)
    except ServiceError as problem:
        return _refused(problem, url_for(".home"))
    flash(gettext("%(name)s's organisation is confirmed.", name=user.name or user.email))
    return redirect(url_for(".home"))


# -- Registering a result ----------------------------------------------------------------------


def _may_register(principal) -> bool:
    return principal.role == "researcher" or principal.is_staff


@blueprint.get("/register")
@login_required
def new_registration():
    if not _may_register(current_principal()):
        abort(403)
    return render_template("registration_upload.html", problem=None)


@blueprint.post("/register")
@login_required
def upload_registration():
    principal = current_principal()
    uploads = [(f.filename or "", f.read()) for f in request.files.getlist("files")
               if f.filename]
    try:
        record_id = registration.create_draft(_services(), principal, uploads)
    except ServiceError as problem:
        return render_template("registration_upload.html",
                               problem=_problem(problem)), problem.status
    flash(gettext("A draft was created from your files: check and complete it."))
    return redirect(url_for(".edit_registration", record_id=record_id))


def _record_for_editing(record_id: str):
    """The record as this person may see it, and their roles on it; 404 or 403 otherwise."""
    principal = current_principal()
    data = public_view.public_record(_services(), record_id, principal)
    about = offers_service.for_record(_services(), principal, record_id)
    if data is None or about is None:
        abort(404)
    if not set(about["relations"]) & {"staff", "owner"}:
        abort(403)
    return data, set(about["relations"])


def _registration_page(record_id: str, problem: ServiceError | None = None, posted=None):
    principal = current_principal()
    data, held = _record_for_editing(record_id)
    machine = workflows.load("registration")
    state = data.get("registration_state", "accepted")
    decisions = [{"name": t.name, "label": t.title(_lang()), "requires": list(t.requires)}
                 for t in engine.allowed(machine, state, held)]
    editable = principal.is_staff or state in registration.EDITABLE_STATES
    form = _form_values(data) if posted is None else posted
    versions = registration.versions(_services(), principal, record_id)
    history = commercialisation.get_workflow(_services(), record_id, principal,
                                             _lang())["history"]
    decision = next((e for e in reversed(history) if e.get("workflow") == "registration"
                     and e.get("transition") in ("request_changes", "reject")), None)
    context = dict(
        history=history, last_decision=decision if state in ("changes_requested", "rejected")
        else None,
        record=data, form=form, problem=_problem(problem), decisions=decisions,
        editable=editable, state_label=machine.state_label(state, _lang()),
        options=_vocabulary_options(), versions=versions, staff=principal.is_staff,
        organisation_names=[label for _, label in _options("organisations")],
    )
    status = problem.status if problem else 200
    return render_template("registration_edit.html", **context), status


def _form_values(data: dict) -> dict:
    """The edit form's values from a record."""
    return {
        "version": data.get("version"), "title": data.get("title") or "",
        "title_en": data.get("title_en") or "", "abstract": data.get("abstract") or "",
        "abstract_en": data.get("abstract_en") or "",
        "keywords": "\n".join(data.get("keywords") or []),
        "host_organisation": data.get("host_organisation") or "",
        "field_of_science": data.get("field_of_science") or "",
        "sectors": list(data.get("sectors") or []), "kind": data.get("kind") or "",
        "task_code": (data.get("identifiers") or {}).get("task_code") or "",
        "date_start": (data.get("dates") or {}).get("start") or "",
        "date_end": (data.get("dates") or {}).get("end") or "",
        "date_accepted": (data.get("dates") or {}).get("accepted") or "",
        "budget_total": (data.get("budget") or {}).get("total_vnd") or "",
        "budget_state": (data.get("budget") or {}).get("state_vnd") or "",
        "trl": str(data.get("trl") or ""), "language": data.get("language") or "vi",
        "place": (data.get("place") or {}).get("district") or "",
        "comment": "",
    }


def _posted_values(form) -> dict:
    values = {name: form.get(name, "") for name in (
        "title", "title_en", "abstract", "abstract_en", "keywords", "host_organisation",
        "field_of_science", "kind", "task_code", "date_start", "date_end", "date_accepted",
        "budget_total", "budget_state", "trl", "language", "place", "comment")}
    values["sectors"] = form.getlist("sectors")
    values["version"] = form.get("version")
    return values


def _changes(form, data: dict) -> dict:
    """The metadata a submitted edit form carries, nested values merged into the record's."""

    def text(name):
        value = (form.get(name) or "").strip()
        return value or None

    trl = text("trl")
    return {
        "title": (form.get("title") or "").strip(), "title_en": text("title_en"),
        "abstract": text("abstract"), "abstract_en": text("abstract_en"),
        "keywords": _lines(form.get("keywords")),
        "host_organisation": text("host_organisation"),
        "field_of_science": text("field_of_science"),
        "sectors": [s for s in form.getlist("sectors") if s],
        "kind": text("kind") or data.get("kind"),
        "language": text("language") or "vi",
        "identifiers": {**(data.get("identifiers") or {}), "task_code": text("task_code")},
        "dates": {**(data.get("dates") or {}), "start": text("date_start"),
                  "end": text("date_end"), "accepted": text("date_accepted")},
        "budget": {**(data.get("budget") or {}), "total_vnd": _money(form.get("budget_total")),
                   "state_vnd": _money(form.get("budget_state"))},
        "trl": int(trl) if trl and trl.isdigit() else trl,
        "place": {**(data.get("place") or {}), "district": text("place")},
    }


@blueprint.get("/register/<record_id>")
@login_required
def edit_registration(record_id: str):
    return _registration_page(record_id)


@blueprint.post("/register/<record_id>")
@login_required
def save_registration(record_id: str):
    """Save the draft, submit it (saved first), or record a staff decision."""
    principal, services, form = current_principal(), _services(), request.form
    action = form.get("action", "save")
    data, _held = _record_for_editing(record_id)
    try:
        if action in ("save", "submit"):
            version = registration.update_metadata(
                services, principal, record_id, _version(form), _changes(form, data),
                (form.get("comment") or "").strip())
            if action == "submit":
                registration.run_transition(services, record_id, principal,
                                            {"transition": "submit", "version": version})
                flash(gettext("Submitted for review."))
            else:
                flash(gettext("Saved."))
        else:
            registration.run_transition(services, record_id, principal, {
                "transition": action, "version": _version(form),
                "comment": (form.get("comment") or "").strip()})
            flash(gettext("The decision is recorded."))
    except ServiceError as problem:
        posted = _posted_values(form) if action in ("save", "submit") else None
        return _registration_page(record_id, problem, posted)
    return redirect(url_for(".edit_registration", record_id=record_id))


@blueprint.get("/register/<record_id>/versions")
@login_required
def registration_versions(record_id: str):
    principal = current_principal()
    data, _held = _record_for_editing(record_id)
    changes, problem = None, None
    try:
        listed = registration.versions(_services(), principal, record_id)
        if request.args.get("a") and request.args.get("b"):
            try:
                a, b = int(request.args["a"]), int(request.args["b"])
            except ValueError:
                abort(400)
            changes = registration.compare(_services(), principal, record_id, a, b)
    except ServiceError as error:
        problem, listed = error, []
    return render_template(
        "registration_versions.html", record=data, versions=listed, changes=changes,
        a=request.args.get("a", ""), b=request.args.get("b", ""), problem=_problem(problem),
    ), problem.status if problem else 200


# -- The record page's workflow panel ----------------------------------------------------------


def panel_context(record_id: str) -> dict:
    """What ``workflow_panel.html`` needs, for the record page (``views.record``). After a
    refused form the panel also shows the refusal and keeps what was typed."""
    principal = current_principal()
    try:
        workflow = commercialisation.get_workflow(_services(), record_id, principal, _lang())
        about = offers_service.for_record(_services(), principal, record_id)
    except ServiceError:
        return {"workflow": None}
    held = set((about or {}).get("relations") or [])
    states = _machine_states("commercialisation")
    return {
        "workflow": workflow, "workflow_states": states,
        "workflow_state_labels": {s["key"]: s["label"] for s in states},
        "workflow_offer": about, "workflow_held": held,
        "workflow_options": _vocabulary_options(),
        "workflow_details": bool(held), "workflow_principal": principal,
        "workflow_problem": g.get("workflow_problem"),
        "workflow_posted": g.get("workflow_posted") or {},
        "workflow_form": g.get("workflow_form"),
    }


def _back_to_record(record_id: str) -> str:
    return url_for("pages.record", record_id=record_id) + "#workflow"


def _record_page_refusing(record_id: str, problem: ServiceError, form_name: str):
    """The record page again, its panel showing why the form was refused, with the status."""
    from repo_app import views  # views imports this module for the panel

    g.workflow_problem, g.workflow_posted = _problem(problem), request.form
    g.workflow_form = form_name
    try:
        page = views.record(record_id)
    except NotFound:
        return _refused(problem, url_for("pages.search"))
    return page, problem.status


@blueprint.post("/records/<record_id>/workflow")
@login_required
def record_transition(record_id: str):
    try:
        commercialisation.run_transition(_services(), record_id, current_principal(),
                                         {**_transition_body(request.form),
                                          "comment": request.form.get("comment", "")},
                                         _lang())
    except ServiceError as problem:
        return _record_page_refusing(record_id, problem, "transition")
    flash(gettext("Updated."))
    return redirect(_back_to_record(record_id))


@blueprint.post("/records/<record_id>/support-actions")
@login_required
def record_support_action(record_id: str):
    form = request.form
    try:
        commercialisation.add_support_action(_services(), record_id, current_principal(), {
            "type": form.get("type", ""), "date": form.get("date", ""),
            "note": form.get("note", "")})
    except ServiceError as problem:
        return _record_page_refusing(record_id, problem, "support")
    flash(gettext("The support action is recorded."))
    return redirect(_back_to_record(record_id))


@blueprint.post("/records/<record_id>/ip-requests")
@login_required
def request_ip_protection(record_id: str):
    form = request.form
    try:
        created = ip_requests.create(_services(), current_principal(), {
            "record_id": record_id, "ip_type": form.get("ip_type", ""),
            "applicant": (form.get("applicant") or "").strip(),
            "inventors": _lines(form.get("inventors"))})
    except ServiceError as problem:
        return _record_page_refusing(record_id, problem, "ip")
    flash(gettext("Your IP-registration request was sent."))
    return redirect(url_for(".ip_request", request_id=created["id"]))


@blueprint.post("/records/<record_id>/inquiries")
@login_required
def send_inquiry(record_id: str):
    form = request.form
    try:
        sent = inquiries.send(_services(), record_id, current_principal(), {
            "message": form.get("message", ""), "contact": form.get("contact", "")})
    except ServiceError as problem:
        return _record_page_refusing(record_id, problem, "inquiry")
    flash(gettext("Your inquiry was sent. The owner and the Department will contact you."))
    return redirect(url_for(".inquiry", inquiry_id=sent["id"]))


# -- IP-registration requests ------------------------------------------------------------------


@blueprint.get("/ip-requests")
@login_required
def ip_request_list():
    items = ip_requests.list_for(_services(), current_principal(), _lang())
    return render_template("ip_requests.html", items=items,
                           ip_types=dict(_options("ip_types")))


def _ip_request_page(request_id, problem: ServiceError | None = None, posted=None):
    try:
        item = ip_requests.get(_services(), request_id, current_principal(), _lang())
    except ServiceError as error:
        return _refused(error, url_for(".ip_request_list"))
    return render_template(
        "ip_request.html", item=item, problem=_problem(problem), posted=posted or {},
        states=_machine_states("ip_registration"), ip_types=dict(_options("ip_types")),
        state_labels=_state_labels("ip_registration"), today=date.today().isoformat(),
        soon=(date.today() + timedelta(days=work_queue.DEADLINE_WINDOW_DAYS)).isoformat(),
        options=_vocabulary_options(),
    ), problem.status if problem else 200


@blueprint.get("/ip-requests/<request_id>")
@login_required
def ip_request(request_id):
    return _ip_request_page(request_id)


@blueprint.post("/ip-requests/<request_id>/transitions")
@login_required
def ip_request_transition(request_id):
    try:
        ip_requests.run_transition(_services(), request_id, current_principal(),
                                   _transition_body(request.form), _lang())
    except ServiceError as problem:
        return _ip_request_page(request_id, problem, request.form)
    flash(gettext("Updated."))
    return redirect(url_for(".ip_request", request_id=request_id))


# -- Licensing inquiries -----------------------------------------------------------------------


@blueprint.get("/inquiries")
@login_required
def inquiry_list():
    state = request.args.get("state") or None
    items = inquiries.inbox(_services(), current_principal(), _lang(), state)
    return render_template("inquiries.html", items=items, state=state or "",
                           states=_machine_states("inquiry"))


def _inquiry_page(inquiry_id, problem: ServiceError | None = None, posted=None):
    try:
        item = inquiries.get(_services(), inquiry_id, current_principal(), _lang())
    except ServiceError as error:
        return _refused(error, url_for(".inquiry_list"))
    return render_template(
        "inquiry.html", item=item, problem=_problem(problem), posted=posted or {},
        states=_machine_states("inquiry"), options=_vocabulary_options(),
        state_labels=_state_labels("inquiry"),
    ), problem.status if problem else 200


@blueprint.get("/inquiries/<inquiry_id>")
@login_required
def inquiry(inquiry_id):
    return _inquiry_page(inquiry_id)


@blueprint.post("/inquiries/<inquiry_id>/transitions")
@login_required
def inquiry_transition(inquiry_id):
    try:
        inquiries.run_transition(_services(), inquiry_id, current_principal(),
                                 _transition_body(request.form), _lang())
    except ServiceError as problem:
        return _inquiry_page(inquiry_id, problem, request.form)
    flash(gettext("Updated."))
    return redirect(url_for(".inquiry", inquiry_id=inquiry_id))


# -- Technology offers -------------------------------------------------------------------------


@blueprint.get("/offers")
def offers():
    items = offers_service.published(_services(), _lang(), current_principal())
    return render_template("offers.html", items=items,
                           offered_labels=_offered_labels())


def _offered_labels() -> dict:
    return {key: labels.label("offered", key) for key in offers_service.OFFERED}


@blueprint.get("/offers/<record_id>")
def offer(record_id: str):
    try:
        item = offers_service.get(_services(), current_principal(), record_id, _lang())
    except ServiceError:
        abort(404)
    return render_template("offer.html", item=item, offered_labels=_offered_labels())


def _offer_form_page(record_id: str, problem: ServiceError | None = None, posted=None):
    try:
        item = offers_service.draft(_services(), current_principal(), record_id, _lang())
    except ServiceError as error:
        return _refused(error, url_for("pages.record", record_id=record_id))
    values = dict(item["offer"])
    if posted is not None:
        values.update({name: posted.get(name, "") for name in
                       ("summary", "benefits", "applications", "contact")})
        values["offered"] = posted.getlist("offered")
    return render_template("offer_edit.html", item=item, values=values,
                           problem=_problem(problem), offered_labels=_offered_labels(),
                           ), problem.status if problem else 200


@blueprint.get("/offers/<record_id>/edit")
@staff_required
def edit_offer(record_id: str):
    return _offer_form_page(record_id)


@blueprint.post("/offers/<record_id>/edit")
@staff_required
def save_offer(record_id: str):
    form = request.form
    publish = {"publish": True, "unpublish": False}.get(form.get("action", ""))
    try:
        offers_service.save(_services(), current_principal(), record_id, {
            "summary": form.get("summary", ""), "benefits": form.get("benefits", ""),
            "applications": form.get("applications", ""), "contact": form.get("contact", ""),
            "offered": form.getlist("offered"), "seen": form.get("seen") or None}, publish)
    except ServiceError as problem:
        return _offer_form_page(record_id, problem, form)
    flash(gettext("The technology offer is published.") if publish else gettext("Saved."))
    if publish:
        return redirect(url_for(".offer", record_id=record_id))
    return redirect(url_for(".edit_offer", record_id=record_id))


# -- The e-mail outbox -------------------------------------------------------------------------


@blueprint.get("/outbox")
@staff_required
def outbox():
    return render_template("outbox.html", messages=notifications.outbox(_services()))
