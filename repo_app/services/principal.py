"""Who is asking: the signed-in user as the services see it, with no Flask in sight."""

from __future__ import annotations

from dataclasses import dataclass

STAFF_ROLES = ("staff", "admin")


@dataclass(frozen=True)
class Principal:
    user_id: int | None = None
    role: str | None = None  # None: the anonymous public
    name: str = ""
    email: str = ""
    organisation_key: str | None = None
    organisation_confirmed: bool = False

    @property
    def authenticated(self) -> bool:
        return self.user_id is not None

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def member_of(self, organisation_key: str | None) -> bool:
        """A researcher whose membership of ``organisation_key`` staff have confirmed."""
        return bool(
            organisation_key and self.role == "researcher" and self.organisation_confirmed
            and self.organisation_key == organisation_key
        )

    @classmethod
    def of(cls, user) -> Principal:
        return cls(user.id, user.role, user.name, user.email, user.organisation_key,
                   bool(user.organisation_confirmed))


ANONYMOUS = Principal()
SYSTEM = Principal(user_id=None, role="admin", name="system")
