"""Services: the rules of the repository, shared by the CLI, the web pages and the API.

Views and commands only parse input and call these; nothing above this layer writes SQL or
talks to a search engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from repo_app.db import make_engine, make_session_factory
from repo_app.settings import Settings


@dataclass
class Services:
    """What a running instance holds: settings, the database and the search engine."""

    settings: Settings

    @cached_property
    def db(self) -> Engine:
        return make_engine(self.settings.database_url)

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        from repo_app.services import notifications, oai

        oai.follow_records()  # tombstones for records that stop being public, whoever edits

        sessions = make_session_factory(self.db)
        notifications.follow_commits(self, sessions)
        return sessions

    @cached_property
    def secret_key(self) -> str:
        """Signs sessions and e-mailed links: ``SECRET_KEY``, else a random key kept in the
        instance folder, so sessions survive restarts and no secret is ever committed."""
        if self.settings.secret_key:
            return self.settings.secret_key
        import secrets

        path = self.settings.instance / "secret_key"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_hex(32))
            path.chmod(0o600)
        return path.read_text().strip()

    @cached_property
    def search_engine(self):
        from repo_app.services.search import build_search_engine

        return build_search_engine(self.settings)

    def close(self) -> None:
        if "db" in self.__dict__:
            self.db.dispose()
