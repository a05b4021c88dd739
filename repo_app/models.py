"""Tables of the database of record. The search index is derived from these and can be rebuilt.

A record keeps its whole validated dict in ``data`` (the contract of ``schemas.records``) and
copies into columns only what is queried or constrained in SQL. The full text has its own column
so the index can be rebuilt from the database alone.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, BigInteger, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Record(Base):
    __tablename__ = "records"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    document_type: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    # Task code or IP application number: the same result re-sent in a new file is an update.
    natural_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    access_level: Mapped[str] = mapped_column(String(32), default="public")
    commercialisation_status: Mapped[str] = mapped_column(String(40), index=True)
    ip_status: Mapped[str] = mapped_column(String(40), index=True)
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
        return {**self.data, "id": self.id, "full_text": self.full_text}


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


class StaffUser(Base):
    """A member of the Department's staff: sees quality details and, later, runs workflows."""

    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
