"""OAI-PMH 2.0 at ``/oai`` (GET, and POST form-encoded as some harvesters send): the view only
describes the site and calls ``services.oai``; ``services.oai_xml`` writes the answer."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parseaddr
from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, request, url_for

from repo_app.auth import csrf
from repo_app.services import oai, oai_xml

blueprint = Blueprint("oai", __name__)
# A harvest changes nothing and carries no session: a POSTed request needs no CSRF token.
csrf.exempt(blueprint)


def site() -> oai.Site:
    settings = current_app.extensions["repo"].settings
    host = urlsplit(settings.extra.get("public_url") or "").hostname or ""
    repository_id = host if oai.REPOSITORY_ID_PATTERN.match(host) else oai.DEFAULT_REPOSITORY_ID
    mail = parseaddr(settings.extra.get("mail_from") or "")[1]
    record_url = url_for("pages.record", record_id="RECORD-ID", _external=True)
    return oai.Site(
        base_url=url_for("oai.endpoint", _external=True),
        record_url=record_url.replace("RECORD-ID", "{id}"),
        kqkhcn_schema=url_for("static", filename="oai/kqkhcn.xsd", _external=True),
        repository_id=repository_id,
        admin_email=mail if "@" in mail else f"admin@{repository_id}",
    )


@blueprint.route("/oai", methods=["GET", "POST"])
def endpoint():
    args = request.form if request.method == "POST" else request.args
    here = site()
    now = datetime.now(UTC)
    answer = oai.answer(current_app.extensions["repo"], here, args, now)
    body = oai_xml.response(answer, here, oai.datestamp(now))
    return Response(body, mimetype="text/xml", headers={"Cache-Control": "no-store"})
