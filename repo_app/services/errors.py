"""What a service refuses, and why, in words a person understands. The API maps each to its
HTTP status; the pages show the message."""

from __future__ import annotations


class ServiceError(Exception):
    status = 400

    def __init__(self, message: str, fields: dict | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class NotAuthenticated(ServiceError):
    status = 401


class Forbidden(ServiceError):
    status = 403


class NotFound(ServiceError):
    status = 404


class Conflict(ServiceError):
    """A stale version, or a transition that does not leave from the current state."""

    status = 409


class Invalid(ServiceError):
    """Missing or invalid fields, named in ``fields`` (field -> list of reasons)."""

    status = 422

    def __init__(self, fields: dict, message: str | None = None):
        names = ", ".join(sorted(fields))
        super().__init__(message or f"Invalid or missing fields: {names}.", fields)
