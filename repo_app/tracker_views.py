"""The Department's tracker pages (staff only)."""

from __future__ import annotations

from flask import Blueprint

blueprint = Blueprint("tracker", __name__, url_prefix="/tracker")
