"""Staff moving commercialisation cases while readers load the site (``http_load.py``).

Each writer is a staff account with its own API token, acting about once a second, as a busy
person does (under the API's per-token write limit): it reads a case's workflow and runs the
next transition of a cycle the machine allows, sending the version it read. Writers share the
same few cases, so some of them act on a case at the same moment and one gets 409.

``check_invariants`` then reads the database: every case has one state, the state is where its
last event went, and there is one event for every transition a writer was told succeeded.
"""

from __future__ import annotations

import json
import random
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select

# A cycle through the commercialisation machine (schemas/workflows/commercialisation.json).
NEXT = {
    "accepted": "start_screening",
    "screening": "offer",
    "ready_to_offer": "start_valuation",
    "valuation": "decide_rights",
    "rights_decision": "offer",
}
PAUSE_SECONDS = 1.0
PASSWORD = "load-test-password-1234"


@dataclass
class Tally:
    succeeded: Counter = field(default_factory=Counter)  # record id -> transitions that ran
    conflicts: int = 0
    unanswered: Counter = field(default_factory=Counter)  # record id -> answers lost on the way
    failures: list[str] = field(default_factory=list)
    threads: list[threading.Thread] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def make_staff_tokens(services, count: int) -> list[str]:
    from repo_app.services import accounts

    tokens = []
    for number in range(count):
        email = f"load-staff-{number}@example.org"
        accounts.add_user(services, email, role="staff", password=PASSWORD)
        tokens.append(accounts.new_token(services, email))
    return tokens


def pick_cases(services, count: int) -> list[str]:
    from repo_app.models import Record

    with services.sessions() as db:
        return list(db.scalars(
            select(Record.id).where(Record.kind == "research_result",
                                    Record.access_level == "public",
                                    Record.commercialisation_status == "accepted")
            .order_by(Record.id).limit(count)))


def _call(base: str, token: str, path: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        base + path, data=data, method="POST" if body is not None else "GET",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, {"detail": error.read()[:200].decode(errors="replace")}
    except (OSError, ValueError) as error:  # no answer, or not JSON: the outcome is unknown
        return 0, {"detail": f"{type(error).__name__}: {error}"}


def act_once(base: str, token: str, record_id: str, tally: Tally) -> None:
    status, view = _call(base, token, f"/api/v1/records/{record_id}/workflow")
    if status != 200:
        with tally.lock:
            tally.failures.append(f"GET workflow {record_id}: {status} {view}")
        return
    transition = NEXT.get(view["state"])
    body = {"transition": transition, "version": view["version"]}
    if transition == "decide_rights":
        body["comment"] = "Quyết định giao quyền (phép thử tải)"
    status, answer = _call(base, token, f"/api/v1/records/{record_id}/workflow", body)
    with tally.lock:
        if status == 200:
            tally.succeeded[record_id] += 1
        elif status == 409:
            tally.conflicts += 1
        elif status == 0:  # sent, but no answer came back: it may or may not have run
            tally.unanswered[record_id] += 1
            tally.failures.append(f"{transition} on {record_id}: no answer, {answer['detail']}")
        else:
            tally.failures.append(f"{transition} on {record_id}: {status} {answer}")


def run_writers(base: str, tokens: list[str], cases: list[str], stop: threading.Event) -> Tally:
    """Start one thread per token; they act until ``stop`` is set. Returns the shared tally
    (filled in as they go; complete once ``stop`` is set and the threads are joined)."""
    tally = Tally()

    def work(token: str, seed: int) -> None:
        rng = random.Random(seed)
        while not stop.is_set():
            act_once(base, token, rng.choice(cases), tally)
            stop.wait(PAUSE_SECONDS * rng.uniform(0.5, 1.5))

    threads = [threading.Thread(target=work, args=(token, number), daemon=True)
               for number, token in enumerate(tokens)]
    for thread in threads:
        thread.start()
    tally.threads.extend(threads)
    return tally


def join_writers(tally: Tally) -> None:
    deadline = time.monotonic() + 60
    for thread in tally.threads:
        thread.join(max(0.0, deadline - time.monotonic()))


def check_invariants(services, cases: list[str], tally: Tally) -> list[str]:
    """What is wrong in the database after the run (nothing, when every invariant holds)."""
    from repo_app.models import CommercialisationCase, Event, Record

    problems = []
    with services.sessions() as db:
        for record_id in cases:
            record = db.get(Record, record_id)
            events = list(db.scalars(
                select(Event).where(Event.record_id == record_id, Event.kind == "transition",
                                    Event.workflow == "commercialisation")
                .order_by(Event.id)))
            told, unknown = tally.succeeded[record_id], tally.unanswered[record_id]
            if not told <= len(events) <= told + unknown:
                problems.append(f"{record_id}: {told} transitions answered 200 and {unknown} "
                                f"unanswered, {len(events)} events")
            if events and events[-1].to_state != record.commercialisation_status:
                problems.append(f"{record_id}: state {record.commercialisation_status}, last "
                                f"event went to {events[-1].to_state}")
            for before, after in zip(events, events[1:], strict=False):
                if after.from_state != before.to_state:
                    problems.append(f"{record_id}: event {after.id} leaves {after.from_state}, "
                                    f"the one before went to {before.to_state}")
            cases_held = db.scalar(select(func.count()).select_from(CommercialisationCase)
                                   .where(CommercialisationCase.record_id == record_id))
            if cases_held > 1:
                problems.append(f"{record_id}: {cases_held} cases")
    return problems
