"""Web pages of the workflows (work queue, registration, offers...)."""

from __future__ import annotations

from flask import Blueprint, render_template

from repo_app.auth import login_required

blueprint = Blueprint("workflow_pages", __name__)


@blueprint.get("/work")
@login_required
def home():
    return render_template("message.html", title="", message="")


@blueprint.get("/register")
@login_required
def new_registration():
    return render_template("message.html", title="", message="")


@blueprint.get("/offers")
def offers():
    return render_template("message.html", title="", message="")
