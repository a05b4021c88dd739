"""Workflow state machines, kept as JSON data in ``schemas/workflows/``.

Each file declares one machine: its states (inline, or the terms of a vocabulary), the state a
subject starts in, and its transitions. A transition names the states it leaves from, the state
it goes to, the roles that may run it, the fields it requires (and may take), an optional
payload schema (``"schema": "transaction"``) and its labels in Vietnamese and English. The
engine in ``repo_app.services.workflow_engine`` runs any machine; a new workflow is a new file.

Roles in a transition: ``staff`` (admins included), ``owner`` (a researcher of the organisation
that owns the subject), ``requester`` (who asked for an IP-registration request),
``inquirer`` (the enterprise that sent an inquiry).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from schemas import vocabularies

FOLDER = Path(__file__).parent / "workflows"
ROLES = ("staff", "owner", "requester", "inquirer")


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[str, ...]
    target: str
    roles: tuple[str, ...]
    requires: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    schema: str | None = None
    label: dict = field(default_factory=dict)

    def title(self, lang: str = "vi") -> str:
        return self.label.get(lang) or self.label.get("vi") or self.name

    def as_dict(self) -> dict:
        return {
            "name": self.name, "from": list(self.sources), "to": self.target,
            "roles": list(self.roles), "requires": list(self.requires),
            "optional": list(self.optional), "schema": self.schema, "label": self.label,
        }


@dataclass(frozen=True)
class Machine:
    name: str
    label: dict
    initial: str
    states: tuple[dict, ...]
    transitions: tuple[Transition, ...]
    extra: dict = field(default_factory=dict)

    @property
    def state_keys(self) -> tuple[str, ...]:
        return tuple(state["key"] for state in self.states)

    def state_label(self, key: str, lang: str = "vi") -> str:
        state = next((s for s in self.states if s["key"] == key), None)
        return (state.get(lang) or state.get("vi")) if state else key

    def is_terminal(self, key: str) -> bool:
        return any(s["key"] == key and s.get("terminal") for s in self.states)

    def transition(self, name: str) -> Transition | None:
        return next((t for t in self.transitions if t.name == name), None)

    def leaving(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if state in t.sources]

    def as_dict(self) -> dict:
        return {
            "name": self.name, "label": self.label, "initial": self.initial,
            "states": [dict(state) for state in self.states],
            "transitions": [t.as_dict() for t in self.transitions],
            **self.extra,
        }


def _states(data: dict) -> tuple[dict, ...]:
    if "states_vocabulary" in data:
        vocabulary = vocabularies.load(data["states_vocabulary"])
        return tuple(
            {"key": key, "vi": term.get("vi"), "en": term.get("en"),
             "terminal": bool(term.get("terminal"))}
            for key, term in vocabulary.items()
        )
    return tuple(data["states"])


def _check(machine: Machine) -> Machine:
    """A machine that names a state it does not have, or a role nobody holds, is a data error:
    refuse it when loaded rather than when a user meets it."""
    keys = set(machine.state_keys)
    problems = [f"initial state {machine.initial!r}"] if machine.initial not in keys else []
    for t in machine.transitions:
        problems += [f"{t.name}: state {s!r}" for s in (*t.sources, t.target) if s not in keys]
        problems += [f"{t.name}: role {r!r}" for r in t.roles if r not in ROLES]
    if problems:
        raise ValueError(f"Workflow {machine.name!r} is inconsistent: {'; '.join(problems)}")
    return machine


@cache
def load(name: str) -> Machine:
    data = json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))
    transitions = tuple(
        Transition(
            name=t["name"], sources=tuple(t["from"]), target=t["to"], roles=tuple(t["roles"]),
            requires=tuple(t.get("requires", ())), optional=tuple(t.get("optional", ())),
            schema=t.get("schema"), label=t.get("label", {}),
        )
        for t in data["transitions"]
    )
    known = {"name", "label", "initial", "states", "states_vocabulary", "transitions"}
    extra = {key: value for key, value in data.items() if key not in known}
    return _check(Machine(data["name"], data.get("label", {}), data["initial"], _states(data),
                          transitions, extra))


def names() -> list[str]:
    return sorted(path.stem for path in FOLDER.glob("*.json"))
