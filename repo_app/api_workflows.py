"""REST API for the workflows: accounts' actions on results, IP-registration requests,
inquiries and registrations. Views parse the request and call a service; a service's refusal
becomes its HTTP status with ``{"status", "message", "fields"}``."""

from __future__ import annotations

from flask import current_app, jsonify, request

from repo_app import i18n
from repo_app.api_docs import ApiBlueprint
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
from schemas import api as contract
from schemas import workflows

blueprint = ApiBlueprint("api_workflows", __name__, url_prefix="/api/v1",
                         description="Commercialisation, IP requests, inquiries and "
                                     "registration of results.")


def _services():
    return current_app.extensions["repo"]


def _lang() -> str:
    asked = request.args.get("lang")
    return asked if asked in i18n.LANGUAGES else "vi"


@blueprint.errorhandler(ServiceError)
def _refused(error: ServiceError):
    return service_problem(error)


def _created(body: dict):
    return jsonify(body), 201


@blueprint.get("/workflows")
@blueprint.arguments(contract.LangArgs, location="query")
@blueprint.response(200, contract.WorkflowsAnswer)
def list_workflows(_arguments):
    """The workflow machines as data: states, transitions, roles and required fields."""
    return jsonify({"workflows": [workflows.load(name).as_dict() for name in workflows.names()]})


@blueprint.get("/records/<record_id>/workflow")
@blueprint.arguments(contract.LangArgs, location="query")
@blueprint.response(200, contract.WorkflowAnswer)
def get_workflow(_arguments, record_id):
    """A result's commercialisation state, what the caller may do next, and its history."""
    return jsonify(commercialisation.get_workflow(_services(), record_id, current_principal(),
                                                  _lang()))


@blueprint.post("/records/<record_id>/workflow")
@blueprint.arguments(contract.TransitionBody)
@blueprint.response(200, contract.WorkflowAnswer)
def run_workflow(body, record_id):
    """Run a commercialisation transition (``version`` as read: a stale one is a 409)."""
    return jsonify(commercialisation.run_transition(_services(), record_id, current_principal(),
                                                    body, _lang()))


@blueprint.post("/records/<record_id>/support-actions")
@blueprint.arguments(contract.SupportActionBody)
@blueprint.response(201, contract.ObjectAnswer)
def add_support_action(body, record_id):
    """Record a support action the Department gave the result (staff)."""
    return _created(commercialisation.add_support_action(_services(), record_id,
                                                         current_principal(), body))


@blueprint.post("/ip-requests")
@blueprint.arguments(contract.IpRequestBody)
@blueprint.response(201, contract.CaseAnswer)
def create_ip_request(body):
    """Ask the Department for support to protect a result."""
    return _created(ip_requests.create(_services(), current_principal(), body))


@blueprint.get("/ip-requests")
@blueprint.arguments(contract.LangArgs, location="query")
@blueprint.response(200, contract.IpRequestList)
def list_ip_requests(_arguments):
    """The IP requests the caller may see."""
    return jsonify({"ip_requests": ip_requests.list_for(_services(), current_principal(),
                                                        _lang())})


@blueprint.get("/ip-requests/<int:request_id>")
@blueprint.arguments(contract.LangArgs, location="query")
@blueprint.response(200, contract.CaseAnswer)
def get_ip_request(_arguments, request_id):
    """One IP request, its deadlines and history."""
    return jsonify(ip_requests.get(_services(), request_id, current_principal(), _lang()))


@blueprint.post("/ip-requests/<int:request_id>/transitions")
@blueprint.arguments(contract.TransitionBody)
@blueprint.response(200, contract.CaseAnswer)
def run_ip_transition(body, request_id):
    """Decide, file, grant or refuse an IP request."""
    return jsonify(ip_requests.run_transition(_services(), request_id, current_principal(),
                                              body, _lang()))


@blueprint.post("/records/<record_id>/inquiries")
@blueprint.arguments(contract.InquiryBody)
@blueprint.response(201, contract.CaseAnswer)
def send_inquiry(body, record_id):
    """A licensing inquiry about a result (enterprises)."""
    return _created(inquiries.send(_services(), record_id, current_principal(), body))


@blueprint.get("/inquiries")
@blueprint.arguments(contract.InquiryListArgs, location="query")
@blueprint.response(200, contract.InquiryList)
def list_inquiries(arguments):
    """The inquiries the caller may see, optionally in one state."""
    return jsonify({"inquiries": inquiries.inbox(_services(), current_principal(), _lang(),
                                                 arguments.get("state") or None)})


@blueprint.get("/inquiries/<int:inquiry_id>")
@blueprint.arguments(contract.LangArgs, location="query")
@blueprint.response(200, contract.CaseAnswer)
def get_inquiry(_arguments, inquiry_id):
    """One inquiry and its history."""
    return jsonify(inquiries.get(_services(), inquiry_id, current_principal(), _lang()))


@blueprint.post("/inquiries/<int:inquiry_id>/transitions")
@blueprint.arguments(contract.TransitionBody)
@blueprint.response(200, contract.CaseAnswer)
def run_inquiry_transition(body, inquiry_id):
    """Answer, negotiate or close an inquiry."""
    return jsonify(inquiries.run_transition(_services(), inquiry_id, current_principal(),
                                            body, _lang()))


@blueprint.post("/registrations")
@blueprint.arguments(contract.RegistrationUpload, location="files", required=False)
@blueprint.response(201, contract.RegistrationAnswer)
def create_registration(_files):
    """Register a result: upload its documents (multipart ``files``), get a draft."""
    uploads = [(f.filename or "", f.read()) for f in request.files.getlist("files")]
    record_id = registration.create_draft(_services(), current_principal(), uploads)
    return _created({"id": record_id, "registration_state": "draft", "version": 1})


@blueprint.patch("/records/<record_id>")
@blueprint.arguments(contract.RecordEditBody)
@blueprint.response(200, contract.RegistrationAnswer)
def edit_record(body, record_id):
    """Edit a record's metadata: ``{"version", "comment", "metadata": {...}}``."""
    version, comment = body.pop("version", None), str(body.pop("comment", "") or "")
    changes = body.pop("metadata", body)  # {"metadata": {...}} or the fields themselves
    version = registration.update_metadata(_services(), current_principal(), record_id,
                                           version, changes, comment)
    return jsonify({"id": record_id, "version": version})


@blueprint.post("/records/<record_id>/registration")
@blueprint.arguments(contract.TransitionBody)
@blueprint.response(200, contract.RegistrationAnswer)
def run_registration(body, record_id):
    """Submit, accept or return a registration."""
    state = registration.run_transition(_services(), record_id, current_principal(), body)
    return jsonify({"id": record_id, "registration_state": state})


@blueprint.get("/records/<record_id>/versions")
@blueprint.arguments(contract.VersionsArgs, location="query")
@blueprint.response(200, contract.VersionsAnswer)
def record_versions(arguments, record_id):
    """A record's versions, or with ``a`` and ``b`` the changes between two of them."""
    principal = current_principal()
    if "a" in arguments or "b" in arguments:
        if "a" not in arguments or "b" not in arguments:
            raise Invalid({"a": ["Two version numbers: ?a=1&b=2."]})
        return jsonify({"changes": registration.compare(_services(), principal, record_id,
                                                        arguments["a"], arguments["b"])})
    return jsonify({"versions": registration.versions(_services(), principal, record_id)})


@blueprint.get("/work-queue")
@blueprint.arguments(contract.LangArgs, location="query")
@blueprint.response(200, contract.WorkQueueAnswer)
def staff_work_queue(_arguments):
    """What Department staff have to do next (staff)."""
    return jsonify(work_queue.for_staff(_services(), current_principal(), _lang()))
