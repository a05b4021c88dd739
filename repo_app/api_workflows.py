"""REST API for the workflows: accounts' actions on results, IP-registration requests,
inquiries and registrations. Views parse the request and call a service; a service's refusal
becomes its HTTP status with ``{"status", "message", "fields"}``."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from repo_app import i18n
from repo_app.api_errors import service_problem
from repo_app.auth import current_principal
from repo_app.services import (
    commercialisation,
    inquiries,
    ip_requests,
    registration,
    work_queue,
)
from repo_app.services.errors import Invalid, ServiceError
from schemas import workflows

blueprint = Blueprint("api_workflows", __name__, url_prefix="/api/v1")


def _services():
    return current_app.extensions["repo"]


def _lang() -> str:
    asked = request.args.get("lang")
    return asked if asked in i18n.LANGUAGES else "vi"


def _body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise Invalid({"body": ["Send a JSON object (Content-Type: application/json)."]})
    return body


@blueprint.errorhandler(ServiceError)
def _refused(error: ServiceError):
    return service_problem(error)


@blueprint.get("/workflows")
def list_workflows():
    return jsonify({"workflows": [workflows.load(name).as_dict() for name in workflows.names()]})


@blueprint.get("/records/<record_id>/workflow")
def get_workflow(record_id):
    return jsonify(commercialisation.get_workflow(_services(), record_id, current_principal(),
                                                  _lang()))


@blueprint.post("/records/<record_id>/workflow")
def run_workflow(record_id):
    return jsonify(commercialisation.run_transition(_services(), record_id, current_principal(),
                                                    _body(), _lang()))


@blueprint.post("/records/<record_id>/support-actions")
def add_support_action(record_id):
    action = commercialisation.add_support_action(_services(), record_id, current_principal(),
                                                  _body())
    return jsonify(action), 201


@blueprint.post("/ip-requests")
def create_ip_request():
    return jsonify(ip_requests.create(_services(), current_principal(), _body())), 201


@blueprint.get("/ip-requests")
def list_ip_requests():
    return jsonify({"ip_requests": ip_requests.list_for(_services(), current_principal(),
                                                        _lang())})


@blueprint.get("/ip-requests/<request_id>")
def get_ip_request(request_id):
    return jsonify(ip_requests.get(_services(), request_id, current_principal(), _lang()))


@blueprint.post("/ip-requests/<request_id>/transitions")
def run_ip_transition(request_id):
    return jsonify(ip_requests.run_transition(_services(), request_id, current_principal(),
                                              _body(), _lang()))


@blueprint.post("/records/<record_id>/inquiries")
def send_inquiry(record_id):
    return jsonify(inquiries.send(_services(), record_id, current_principal(), _body())), 201


@blueprint.get("/inquiries")
def list_inquiries():
    return jsonify({"inquiries": inquiries.inbox(_services(), current_principal(), _lang(),
                                                 request.args.get("state") or None)})


@blueprint.get("/inquiries/<inquiry_id>")
def get_inquiry(inquiry_id):
    return jsonify(inquiries.get(_services(), inquiry_id, current_principal(), _lang()))


@blueprint.post("/inquiries/<inquiry_id>/transitions")
def run_inquiry_transition(inquiry_id):
    return jsonify(inquiries.run_transition(_services(), inquiry_id, current_principal(),
                                            _body(), _lang()))


@blueprint.post("/registrations")
def create_registration():
    uploads = [(f.filename or "", f.read()) for f in request.files.getlist("files")]
    record_id = registration.create_draft(_services(), current_principal(), uploads)
    return jsonify({"id": record_id, "registration_state": "draft", "version": 1}), 201


@blueprint.patch("/records/<record_id>")
def edit_record(record_id):
    body = _body()
    version, comment = body.pop("version", None), str(body.pop("comment", "") or "")
    changes = body.pop("metadata", body)  # {"metadata": {...}} or the fields themselves
    version = registration.update_metadata(_services(), current_principal(), record_id,
                                           version, changes, comment)
    return jsonify({"id": record_id, "version": version})


@blueprint.post("/records/<record_id>/registration")
def run_registration(record_id):
    state = registration.run_transition(_services(), record_id, current_principal(), _body())
    return jsonify({"id": record_id, "registration_state": state})


@blueprint.get("/records/<record_id>/versions")
def record_versions(record_id):
    principal = current_principal()
    if "a" in request.args or "b" in request.args:
        try:
            a, b = int(request.args.get("a", "")), int(request.args.get("b", ""))
        except ValueError:
            raise Invalid({"a": ["Two version numbers: ?a=1&b=2."]}) from None
        return jsonify({"changes": registration.compare(_services(), principal, record_id, a,
                                                        b)})
    return jsonify({"versions": registration.versions(_services(), principal, record_id)})


@blueprint.get("/work-queue")
def staff_work_queue():
    return jsonify(work_queue.for_staff(_services(), current_principal(), _lang()))
