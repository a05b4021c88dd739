"""Settings, read once from the environment (12-factor): nothing is configured in code."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    instance: Path
    database_url: str
    search_engine: str = "tantivy"
    elasticsearch_url: str | None = None
    secret_key: str | None = None  # None: a random key kept in the instance folder
    extra: dict = field(default_factory=dict)

    @property
    def files_dir(self) -> Path:
        """Accepted documents, stored by content hash."""
        return self.instance / "files"

    @property
    def quarantine_dir(self) -> Path:
        """Documents set aside because they could not be read."""
        return self.instance / "quarantine"

    @property
    def index_dir(self) -> Path:
        return self.instance / "index"

    @classmethod
    def from_env(cls, environ=None, **overrides) -> Settings:
        env = os.environ if environ is None else environ
        instance = Path(env.get("REPO_INSTANCE", "instance")).resolve()
        values = dict(
            instance=instance,
            database_url=env.get("DATABASE_URL") or f"sqlite:///{instance / 'repository.sqlite3'}",
            search_engine=env.get("SEARCH_ENGINE", "tantivy"),
            elasticsearch_url=env.get("ELASTICSEARCH_URL") or None,
            secret_key=env.get("SECRET_KEY") or None,
            extra={
                "elasticsearch_api_key": env.get("ELASTICSEARCH_API_KEY") or None,
                "elasticsearch_ca_certs": env.get("ELASTICSEARCH_CA_CERTS") or None,
                "smtp_url": env.get("SMTP_URL") or None,
                "behind_proxy": env.get("BEHIND_PROXY", "").lower() in ("1", "true", "yes"),
                "mail_from": env.get("MAIL_FROM") or None,
                "public_url": env.get("PUBLIC_URL") or None,
                "api_write_limits": env.get("API_WRITE_RATE_LIMIT") or "120 per minute",
                "login_limits": env.get("LOGIN_RATE_LIMIT") or "10 per minute; 50 per hour",
                "ratelimit_storage": env.get("RATELIMIT_STORAGE_URI") or "memory://",
                # Search answers kept per worker until the next index commit; 0 turns it off.
                "search_cache_entries": int(env.get("SEARCH_CACHE_ENTRIES") or 512),
                # A signed-in session ends when idle this long, and in any case after this.
                "session_idle_minutes": float(env.get("SESSION_IDLE_MINUTES") or 120),
                "session_max_hours": float(env.get("SESSION_MAX_HOURS") or 12),
            },
        )
        values.update(overrides)
        return cls(**values)
