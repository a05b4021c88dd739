"""Tables of the database of record. The search index is derived from these and can be rebuilt.

A record keeps its whole validated dict in ``data`` (the contract of ``schemas.records``) and
copies into columns only what is queried or constrained in SQL. The full text has its own column
so the index can be rebuilt from the database alone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Record(Base):
    __tablename__ = "records"
    # The tracker's counts (migration 0004). Two more indexes there, on the JSON expressions
    # of a record's year and district, differ by database and live in the migration only.
    __table_args__ = (
        Index("ix_records_plan_potential", "registration_state", "commercialisation_status",
              "id"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    document_type: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    # Task code or IP application number: the same result re-sent in a new file is an update.
    natural_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    access_level: Mapped[str] = mapped_column(String(32), default="public")
    # The one place of the two statuses: ``data`` never holds them; ``as_dict`` adds them.
    commercialisation_status: Mapped[str] = mapped_column(String(40), index=True)
    ip_status: Mapped[str] = mapped_column(String(40), index=True)
    # Result registration (schemas/workflows/registration.json): only ``accepted`` is public.
    registration_state: Mapped[str] = mapped_column(String(40), default="accepted", index=True)
    # The owning organisation (a key of the ``organisations`` vocabulary), when known.
    organisation_key: Mapped[str | None] = mapped_column(String(80), index=True)
    # Raised by every workflow transition and metadata edit: a stale write is refused (409).
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    data: Mapped[dict] = mapped_column(JSON)
    full_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Null or older than updated_at: the search index has not caught up with this row yet.
    indexed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)

    files: Mapped[list[StoredFile]] = relationship(
        back_populates="record",
        order_by="StoredFile.ingested_at",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    def as_dict(self) -> dict:
        return {
            **self.data, "id": self.id, "full_text": self.full_text,
            "commercialisation_status": self.commercialisation_status,
            "ip_status": self.ip_status, "registration_state": self.registration_state,
            "access_level": self.access_level,
            "available_for_licensing": self.commercialisation_status == "ready_to_offer",
        }


class StoredFile(Base):
    """A document file, stored once by content hash."""

    __tablename__ = "files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    original_name: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    pages: Mapped[int] = mapped_column(Integer)
    text_method: Mapped[str] = mapped_column(String(20))
    quality: Mapped[str] = mapped_column(String(20))
    storage_path: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    record: Mapped[Record] = relationship(back_populates="files")


class QuarantinedFile(Base):
    """A file that could not be read, set aside with its reason."""

    __tablename__ = "quarantined_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    original_name: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    storage_path: Mapped[str] = mapped_column(Text)
    quarantined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class User(Base):
    """An account: ``enterprise``, ``researcher`` (of an organisation), ``staff`` or ``admin``."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), index=True)
    organisation_key: Mapped[str | None] = mapped_column(String(80))
    # A researcher's organisation counts once staff confirmed it.
    organisation_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    enterprise_name: Mapped[str | None] = mapped_column(String(300))
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    email_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ApiToken(Base):
    """A bearer token for API clients, stored as its SHA-256: shown once, never kept."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Event(Base):
    """The audit trail: every transition, support action, edit and decision, written in the
    same transaction as the change it describes."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subject_type: Mapped[str] = mapped_column(String(30))  # record, ip_request, inquiry, user
    subject_id: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(String(32), index=True)
    workflow: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(30))  # transition, support_action, edit, decision
    transition: Mapped[str | None] = mapped_column(String(60))
    from_state: Mapped[str | None] = mapped_column(String(40))
    to_state: Mapped[str | None] = mapped_column(String(40))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict] = mapped_column(JSON, default=dict)


class CommercialisationCase(Base):
    """Opened when a result is accepted, so that no accepted result can be forgotten. The
    state itself is ``records.commercialisation_status``."""

    __tablename__ = "commercialisation_cases"

    record_id: Mapped[str] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), primary_key=True)
    owner: Mapped[str] = mapped_column(String(80))  # a key of ``department_units``
    due: Mapped[date] = mapped_column(Date, index=True)
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SupportAction(Base):
    __tablename__ = "support_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(40), index=True)
    date: Mapped[date] = mapped_column(Date, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Transaction(Base):
    """A technology transaction, counted by the Department's tracker."""

    __tablename__ = "transactions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    date: Mapped[date] = mapped_column(Date, index=True)
    value_vnd: Mapped[int] = mapped_column(BigInteger)
    form: Mapped[str] = mapped_column(String(40), index=True)
    includes_ip: Mapped[bool] = mapped_column(Boolean)
    origin: Mapped[str] = mapped_column(String(40), index=True)
    country: Mapped[str | None] = mapped_column(String(80))
    developed_country: Mapped[bool | None] = mapped_column(Boolean)
    parties: Mapped[list] = mapped_column(JSON, default=list)
    record_id: Mapped[str | None] = mapped_column(
        ForeignKey("records.id", ondelete="SET NULL"), index=True)
    source: Mapped[str] = mapped_column(String(20), default="api")  # api, workflow, import
    # Same content imported twice is one transaction (a hash of the normalised row).
    fingerprint: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class IpRequest(Base):
    """A request for the Department's support to protect a result, followed to IP Vietnam's
    decision (schemas/workflows/ip_registration.json)."""

    __tablename__ = "ip_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("records.id"), index=True)
    ip_type: Mapped[str] = mapped_column(String(30))
    applicant: Mapped[str] = mapped_column(String(300))
    inventors: Mapped[list] = mapped_column(JSON, default=list)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    state: Mapped[str] = mapped_column(String(40), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    application_number: Mapped[str | None] = mapped_column(String(20), unique=True)
    filing_date: Mapped[date | None] = mapped_column(Date)
    priority_date: Mapped[date | None] = mapped_column(Date)
    grant_date: Mapped[date | None] = mapped_column(Date)
    grant_number: Mapped[str | None] = mapped_column(String(40))
    granted_record_id: Mapped[str | None] = mapped_column(ForeignKey("records.id"))
    reason: Mapped[str] = mapped_column(Text, default="")  # why refused or withdrawn
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Inquiry(Base):
    """An enterprise's licensing inquiry about a result; private to the enterprise, the owning
    organisation and staff."""

    __tablename__ = "inquiries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("records.id"), index=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    message: Mapped[str] = mapped_column(Text)
    contact: Mapped[str] = mapped_column(String(300), default="")
    state: Mapped[str] = mapped_column(String(40), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    transaction_id: Mapped[int | None] = mapped_column(ForeignKey("transactions.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RecordVersion(Base):
    """Every version of a record's metadata, so that two can be compared."""

    __tablename__ = "record_versions"
    __table_args__ = (UniqueConstraint("record_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict] = mapped_column(JSON)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(String(60), default="")  # ingest, edit, reread
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TechnologyOffer(Base):
    """A result offered for licensing, written by staff for enterprises (non-confidential)."""

    __tablename__ = "technology_offers"

    record_id: Mapped[str] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), primary_key=True)
    summary: Mapped[str] = mapped_column(Text)
    benefits: Mapped[str] = mapped_column(Text, default="")
    applications: Mapped[str] = mapped_column(Text, default="")
    offered: Mapped[list] = mapped_column(JSON, default=list)  # licence, assignment, cooperation
    contact: Mapped[str] = mapped_column(String(300), default="")
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class OutboxMessage(Base):
    """An e-mail to send. Written with the change that causes it; sent after the commit by
    SMTP when configured, else left here for staff to read in the site."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")


# -- Tracker --
# The Department's tracker (repo_app/services/plan_indicators.py) counts what the workflows
# record; these tables hold only what no workflow records: the plan's activities and the
# enterprises' technology needs with the results proposed for them.


class Activity(Base):
    """An activity of plan 4239's appendix: a training, conference or workshop (tasks 1, 4),
    a promotion programme (2), the supply-demand survey (3), a connection event or technology
    fair (6), an intermediary organisation formed (7). ``start_date`` is the day it counts."""

    __tablename__ = "activities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    type: Mapped[str] = mapped_column(String(40), index=True)
    title: Mapped[str] = mapped_column(Text)
    start_date: Mapped[date] = mapped_column(Date, index=True)
    end_date: Mapped[date | None] = mapped_column(Date)
    organiser: Mapped[str] = mapped_column(String(300), default="")
    place: Mapped[str | None] = mapped_column(String(80), index=True)  # key in ``places``
    participants: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    # Intermediaries: when connected to the national network of S&T intermediaries.
    connected_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ActivityLink(Base):
    """What an activity is tied to: the records presented at an event, the inquiries and the
    transactions (deals) that came from it."""

    __tablename__ = "activity_links"
    __table_args__ = (UniqueConstraint("activity_id", "kind", "target_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # record, inquiry, transaction
    target_id: Mapped[str] = mapped_column(String(40), index=True)


class TechnologyNeed(Base):
    """An enterprise's technology need: the plan's database of technology demand."""

    __tablename__ = "technology_needs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    enterprise_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    enterprise_name: Mapped[str] = mapped_column(String(300))
    contact: Mapped[str] = mapped_column(String(300), default="")
    sector: Mapped[str | None] = mapped_column(String(80), index=True)  # key in ``sectors``
    problem: Mapped[str] = mapped_column(Text)
    budget_min_vnd: Mapped[int | None] = mapped_column(BigInteger)
    budget_max_vnd: Mapped[int | None] = mapped_column(BigInteger)
    timeline: Mapped[str] = mapped_column(String(200), default="")
    state: Mapped[str] = mapped_column(String(20), default="open", index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class NeedMatch(Base):
    """A result the search engine proposed for a need; staff forward it to both sides, which
    opens an inquiry."""

    __tablename__ = "need_matches"
    __table_args__ = (UniqueConstraint("need_id", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    need_id: Mapped[int] = mapped_column(
        ForeignKey("technology_needs.id", ondelete="CASCADE"), index=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    score: Mapped[float] = mapped_column(Float)
    forwarded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    inquiry_id: Mapped[int | None] = mapped_column(ForeignKey("inquiries.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# -- Distributed ingest --


class IngestBatch(Base):
    """One ``repo-app queue ingest``: the files it sent to the workers and the limits they read
    them under (``repo_app.queue``)."""

    __tablename__ = "ingest_batches"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    paths: Mapped[list] = mapped_column(JSON)  # as named on the command line
    timeout: Mapped[float] = mapped_column(Float)  # seconds one document may take
    split_pages: Mapped[int] = mapped_column(Integer)  # OCR pages per task; 0: never split
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class IngestItem(Base):
    """One distinct file of a batch and what became of it: ``queued``, ``running``, ``split``
    (its OCR pages are being read by several workers), then ``done`` or ``set_aside``."""

    __tablename__ = "ingest_items"
    __table_args__ = (UniqueConstraint("batch_id", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[str] = mapped_column(
        ForeignKey("ingest_batches.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(Text)
    original_name: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    # The copy the workers read, relative to the instance folder (shared storage).
    staged_path: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), index=True)
    status: Mapped[str | None] = mapped_column(String(20))  # ingested, updated, unchanged...
    record_id: Mapped[str | None] = mapped_column(String(32))
    kind: Mapped[str | None] = mapped_column(String(32))
    quality: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(40))
    message: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    ocr_parts: Mapped[int] = mapped_column(Integer, default=0)
    # Task starts for this file, counted before reading: a file whose reader keeps dying is set
    # aside after ``repo_app.queue.tasks.MAX_TRIES``.
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    worker: Mapped[str | None] = mapped_column(String(200))
    timings: Mapped[dict | None] = mapped_column(JSON)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


# -- OAI-PMH --
# A record harvesters have seen and that is no longer public (restricted, registration no longer
# accepted, or removed) is announced as deleted for ever (``deletedRecord`` = persistent).


class OaiTombstone(Base):
    """A record that stopped being public: its OAI-PMH identifier, when it stopped, and the sets
    it was in then, so a selective harvest learns of it too (``repo_app.services.oai``)."""

    __tablename__ = "oai_tombstones"

    record_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    deleted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 index=True)
    set_specs: Mapped[list] = mapped_column(JSON, default=list)
    reason: Mapped[str] = mapped_column(String(20))  # restricted, unpublished, removed


# -- Saved searches --


class SavedSearch(Base):
    """A search a signed-in user follows: a weekly e-mail lists what is new or changed in it
    (``repo_app.services.saved_searches``)."""

    __tablename__ = "saved_searches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    query: Mapped[str] = mapped_column(Text)  # the search's parameters, as a query string
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # What the last digest covered up to (created_at until the first one).
    covered_until: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
