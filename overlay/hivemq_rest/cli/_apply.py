"""``hivemq-rest data-hub apply``, ``diff`` and ``export``: Data Hub as code, from a directory.

The directory is read and checked by ``_dh_tree``, the plan made by
``_dh_plan`` (its field differences by ``_dh_diff``), saved and loaded by
``_dh_plan_file``; this module reads the broker's state (the four listings,
never one request per resource; one GET per policy update, for its entity
tag), prints the plan and sends it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Final, NoReturn

import attrs
import click
from hivemq_rest_generated.models import BehaviorPolicy, DataPolicy, Schema, Script
from hivemq_rest_generated.operations import (
    GET_ALL_BEHAVIOR_POLICIES,
    GET_ALL_DATA_POLICIES,
    GET_ALL_SCHEMAS,
    GET_ALL_SCRIPTS,
)

from .._client import HiveMQClient
from .._errors import (
    AlreadyPresentError,
    APIStatusError,
    AuthenticationError,
    ConflictError,
    HiveMQError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    UnexpectedResponseError,
    UnsendableRequestError,
)
from ._command import confirm, connection_options, fail, stderr, stdout
from ._data_hub import data_hub
from ._dh_bodies import (
    BEHAVIOR_POLICIES,
    DATA_POLICIES,
    FAMILIES,
    SCHEMAS,
    SCRIPTS,
    SINGULAR,
    Resources,
    declared_body,
    desired_body,
    unfit,
)
from ._dh_plan import (
    VERSIONED,
    Action,
    in_sync,
    make_plan,
    not_in_directory,
    summary,
    unknown_references,
)
from ._dh_plan_file import SavedPlan, Stamps, load_plan, save_plan
from ._dh_tree import TreeError, read_tree, shown
from ._dh_tree_write import write_tree
from ._exit import ExitCode, exit_code_for
from ._help import DRIFT, epilog
from ._options import Target
from ._records import YES_OPTION
from ._render import print_json, terminal_text

_SIGNS: Final = {
    "create": "+",
    "new version": "~",
    "update": "~",
    "replace": "-/+",
    "delete": "-",
    "unchanged": "=",
}
_LISTINGS: Final = {
    SCHEMAS: GET_ALL_SCHEMAS,
    SCRIPTS: GET_ALL_SCRIPTS,
    DATA_POLICIES: GET_ALL_DATA_POLICIES,
    BEHAVIOR_POLICIES: GET_ALL_BEHAVIOR_POLICIES,
}
_DONE: Final = {
    "create": "created",
    "new version": "new version of",
    "update": "updated",
    "replace": "replaced",
    "delete": "deleted",
}


class UnusableItemError(UnexpectedResponseError):
    """A listing in the API's shape holds an item that cannot be used.

    Nested too deeply for the plan's comparison and the files, or holding NaN
    or an infinity, which JSON cannot carry: it can be neither compared,
    exported, nor sent back.
    """


@attrs.frozen
class Broker:
    """What the four listings say: the latest resources, their versions, and a stamp of each.

    A stamp is what a saved plan compares to see that the broker did not change
    since: a schema's or script's latest version, a digest of a policy as listed
    (its ``lastUpdatedAt`` included).
    """

    resources: Resources
    latest: dict[tuple[str, str], int]
    listed: dict[tuple[str, str], dict[str, Any]]  # each latest body, as listed

    def stamps(self) -> Stamps:
        """The stamp of every resource (made only when a plan is saved or checked)."""
        stamps: Stamps = {family: {} for family in FAMILIES}
        for family in FAMILIES:
            for resource_id in self.resources[family]:
                key = (family, resource_id)
                stamps[family][resource_id] = (
                    f"version {self.latest[key]}"
                    if family in VERSIONED
                    else _digest(self.listed[key])
                )
        return stamps


def read_broker(hivemq: HiveMQClient) -> Broker:
    """The latest version of every resource, from the four listings (500 a page).

    An item that cannot be used is an :class:`UnusableItemError`.
    """
    hub = hivemq.data_hub
    current: Resources = {family: {} for family in FAMILIES}
    listed: dict[tuple[str, str], dict[str, Any]] = {}
    versions: dict[tuple[str, str], int] = {}
    listings: dict[str, Any] = {
        SCHEMAS: hub.schemas.list(),
        SCRIPTS: hub.scripts.list(),
        DATA_POLICIES: hub.data_policies.list(),
        BEHAVIOR_POLICIES: hub.behavior_policies.list(),
    }
    for family, items in listings.items():
        for item in items:
            body = item.to_dict()
            resource_id = body.get("id")
            if not isinstance(resource_id, str) or not resource_id:
                continue  # nothing a directory could name; no plan may touch it
            said = unfit(body, any_text=True)  # an id that is not UTF-8 may still be pruned
            if said is not None:
                raise UnusableItemError(
                    status=200,
                    title="Unusable response body",
                    detail=f"{SINGULAR[family]} {resource_id!r}: {said}",
                    method=_LISTINGS[family].method,
                    path=_LISTINGS[family].path,
                )
            version = body.get("version")
            number = version if isinstance(version, int) else 0
            if number >= versions.get((family, resource_id), 0):
                versions[family, resource_id] = number
                current[family][resource_id] = declared_body(family, desired_body(body))
                listed[family, resource_id] = body
    return Broker(current, versions, listed)


def _digest(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8", "backslashreplace")).hexdigest()


def with_etags(hivemq: HiveMQClient, actions: list[Action]) -> list[Action]:
    """The plan with each policy update's entity tag, read now: its If-Match when sent."""
    hub = hivemq.data_hub
    tagged = []
    for action in actions:
        if action.kind == "update":
            policies: Any = (
                hub.data_policies if action.family == DATA_POLICIES else hub.behavior_policies
            )
            action = attrs.evolve(action, etag=policies.etag(action.id))
        tagged.append(action)
    return tagged


class _HalfReplacedError(Exception):
    """A replacement whose delete went through and whose create failed: the resource is gone."""

    def __init__(self, cause: HiveMQError) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _broker_state(hivemq: HiveMQClient) -> Broker:
    """``read_broker``, exiting with the code of an unexpected answer if an item is unusable."""
    try:
        return read_broker(hivemq)
    except UnusableItemError as unusable:
        # Said here: the answer has the API's shape, so no hint that the URL is wrong.
        fail(str(unusable), exit_code_for(unusable))


def _send(hivemq: HiveMQClient, action: Action) -> bool:
    """Send one action; False when the broker already had the schema or script version."""
    hub = hivemq.data_hub
    body = action.body or {}
    if action.family in (SCHEMAS, SCRIPTS):
        store: Any = hub.schemas if action.family == SCHEMAS else hub.scripts
        if action.kind == "delete":
            store.delete(action.id)
            return True
        try:
            store.create((Schema if action.family == SCHEMAS else Script).from_dict(body))
        except AlreadyPresentError:
            # Its latest version is this one: nothing was stored, nothing is missing.
            return False
        return True
    policies: Any = hub.data_policies if action.family == DATA_POLICIES else hub.behavior_policies
    model = DataPolicy if action.family == DATA_POLICIES else BehaviorPolicy
    if action.kind == "delete":
        policies.delete(action.id)
    elif action.kind == "create":
        policies.create(model.from_dict(body))
    elif action.kind == "replace":
        policies.delete(action.id)
        try:
            policies.create(model.from_dict(body))
        except HiveMQError as error:
            raise _HalfReplacedError(error) from error
    else:
        policies.update(model.from_dict(body), if_match=action.etag)
    return True


def _name(action: Action) -> str:
    return f"{action.family}/{action.id}"


def _print_plan(actions: list[Action], outside: int, prune: bool) -> None:
    for action in actions:
        if action.kind == "unchanged":
            continue
        line = f"  {_SIGNS[action.kind]:>3} {action.kind:<11} {_name(action)}"
        if action.version is not None:
            line += f" (version {action.version})"
        if action.reason is not None:
            line += f" ({action.reason})"
        stdout.print(terminal_text(line))
        for change in action.changes:
            stdout.print(terminal_text(f"        {change.line()}"))
    stdout.print(terminal_text(f"Plan: {summary(actions)}"))
    if outside and not prune:
        stdout.print(f"{outside} on the broker and not in the directory: kept (--prune deletes)")


def _consent(actions: list[Action], yes: bool) -> None:
    """A plan that deletes (--prune) or replaces asks first on a terminal, else needs ``--yes``."""
    parts = []
    deletes = sum(action.kind == "delete" for action in actions)
    if deletes:
        noun = "resource" if deletes == 1 else "resources"
        parts.append(f"Delete {deletes} {noun} on the broker, not in the directory")
    replaced = [action for action in actions if action.kind == "replace"]
    if replaced:
        names = ", ".join(_name(action) for action in replaced[:3])
        more = f" and {len(replaced) - 3} more" if len(replaced) > 3 else ""
        verb = "and replace" if parts else "Replace"
        parts.append(f"{verb} (delete, then create) {names}{more}")
    if parts:
        confirm(", ".join(parts), yes)


def _plan(
    hivemq: HiveMQClient, directory: Path, prune: bool, as_json: bool
) -> tuple[list[Action], Broker, int]:
    """Read DIRECTORY and the broker: the plan, what it read, and how many are only there."""
    try:
        desired = read_tree(directory)
    except TreeError as unreadable:
        _problems(unreadable.problems, as_json)
    broker = _broker_state(hivemq)
    problems = unknown_references(desired, broker.resources, prune)
    if problems:
        _problems(problems, as_json)
    actions = make_plan(desired, broker.resources, prune, broker.latest)
    return actions, broker, not_in_directory(desired, broker.resources)


@data_hub.command(
    "diff",
    epilog=epilog(
        "hivemq-rest data-hub diff ./data-hub",
        "hivemq-rest data-hub diff ./data-hub --prune --out plan.json",
        codes=(ExitCode.FAILURE, ExitCode.NOT_FOUND, ExitCode.OUTPUT),
        meanings={ExitCode.FAILURE: DRIFT},
        note=(
            "Sends only GETs. Exit 0: the broker matches DIR; 1: it does not (the plan "
            "says how); 2 and up: an error, as for apply (2 also for problems in DIR; 4 a "
            "policy gone while --out read its entity tag; 9 the plan file not written)."
        ),
    ),
)
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--prune", is_flag=True, help="Count what is on the broker but not in DIR as drift.")
@click.option("--json", "as_json", is_flag=True, help="The plan as JSON (as apply --json has it).")
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also save the plan, for apply --plan (private file, written whole).",
)
@connection_options
def diff(target: Target, directory: Path, prune: bool, as_json: bool, out: Path | None) -> None:
    """Show how the broker's Data Hub differs from DIRECTORY; exit 1 when it does.

    The plan that apply would carry out, field by field, for a pull request
    check; with --out, saved for review and for apply --plan.
    """
    with target.client() as hivemq:
        actions, broker, outside = _plan(hivemq, directory, prune, as_json)
        if out is not None:
            actions = with_etags(hivemq, actions)
    if out is not None:
        try:
            save_plan(out, actions, prune, broker.stamps())
        except OSError as unwritable:
            fail(f"cannot write {shown(out)}: {unwritable.strerror}", ExitCode.OUTPUT)
    if as_json:
        print_json(
            {
                "plan": [action.to_json() for action in actions],
                "summary": summary(actions),
                "inSync": in_sync(actions),
            }
        )
    else:
        _print_plan(actions, outside, prune)
        if out is not None:
            stdout.print(terminal_text(f"plan saved to {shown(out)}: apply --plan applies it"))
    if not in_sync(actions):
        raise SystemExit(ExitCode.FAILURE)


@data_hub.command(
    "apply",
    epilog=epilog(
        "hivemq-rest data-hub apply examples/data-hub --dry-run",
        "hivemq-rest data-hub apply ./data-hub --prune --yes --json",
        "hivemq-rest data-hub apply --plan plan.json --yes",
        codes=(ExitCode.NOT_FOUND, ExitCode.INVALID_ID),
        note=(
            "A plan that deletes (--prune) or replaces asks first on a terminal, and needs "
            "--yes otherwise. "
            "Exit 2 also when the directory or plan file has problems (all are listed; "
            "nothing is sent). A saved plan is refused (exit 7, nothing sent) when the "
            "broker changed since it was made. A failure midway stops: what was applied "
            "and what was not is listed. Running apply again finishes the job after a "
            "passing failure (no answer, 429, 5xx) or a change made meanwhile (404, 409, "
            "412: nothing was overwritten); a change the broker refuses (400) must be "
            "edited first."
        ),
    ),
)
@click.argument("directory", type=click.Path(path_type=Path), required=False)
@click.option("--dry-run", is_flag=True, help="Print the plan; send nothing.")
@click.option("--prune", is_flag=True, help="Delete what is on the broker but not in DIR.")
@click.option(
    "--plan",
    "plan_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Apply exactly this plan (from diff --out) instead of a DIR.",
)
@click.option("--json", "as_json", is_flag=True, help="The plan and result as JSON.")
@YES_OPTION
@connection_options
def apply(
    target: Target,
    directory: Path | None,
    dry_run: bool,
    prune: bool,
    plan_file: Path | None,
    yes: bool,
    as_json: bool,
) -> None:
    """Make the broker's Data Hub match DIRECTORY: plan, then create, update (and prune).

    DIRECTORY holds schemas/, scripts/, data-policies/, behavior-policies/
    (see the README, "Data Hub as code"). Unchanged resources send nothing.
    A change the API cannot make in place (a data policy's topic filter) is
    a replacement: delete, then create; it asks first (--yes off a terminal).
    """
    if (directory is None) == (plan_file is None):
        raise click.UsageError("give a DIRECTORY or --plan PLAN.json (one of them)")
    saved = None
    if plan_file is not None:
        if prune:
            raise click.UsageError("--prune is part of the saved plan: give it to diff --out")
        try:
            saved = load_plan(plan_file)
        except TreeError as unreadable:
            _problems(unreadable.problems, as_json, "the plan file")
    with target.client() as hivemq:
        if saved is None:
            assert directory is not None  # one of the two, checked above
            actions, _, outside = _plan(hivemq, directory, prune, as_json)
        else:
            actions, outside, prune = saved.actions, 0, saved.prune
            _check_unchanged(saved, _broker_state(hivemq), as_json)
        if not as_json:
            _print_plan(actions, outside, prune)
        changes = [action for action in actions if action.kind != "unchanged"]
        if not dry_run:
            _consent(changes, yes)
            if saved is None:
                try:
                    changes = with_etags(hivemq, changes)
                except HiveMQError as unread:
                    stderr.print(terminal_text(f"error: reading a policy to update: {unread}"))
                    stderr.print("nothing was sent")
                    stderr.print(_advice(changes[0], unread, from_plan=False))
                    raise SystemExit(exit_code_for(unread)) from None
        applied, present, failure = ([], [], None) if dry_run else _apply(hivemq, changes, as_json)
    not_applied = changes[len(applied) + len(present) :]
    if as_json:
        print_json(
            {
                "plan": [action.to_json() for action in actions],
                "summary": summary(actions),
                "dryRun": dry_run,
                "applied": [action.ref() for action in applied],
                "alreadyPresent": [action.ref() for action in present],
                "notApplied": [] if dry_run else [action.ref() for action in not_applied],
                "error": None if failure is None else str(failure[1]),
            }
        )
    if failure is not None:
        action, cause = failure
        error = cause.cause if isinstance(cause, _HalfReplacedError) else cause
        stderr.print(terminal_text(f"error: {action.kind} {_name(action)} failed: {error}"))
        handled = len(applied) + len(present)
        stderr.print(f"applied {handled} of {len(changes)} changes; not applied:")
        for left in not_applied:
            stderr.print(terminal_text(f"  {left.kind} {_name(left)}"))
        if isinstance(cause, _HalfReplacedError):
            stderr.print(
                terminal_text(
                    f"{_name(action)} was deleted and not created again: it is not on the broker"
                )
            )
        stderr.print(terminal_text(_advice(action, error, saved is not None)))
        raise SystemExit(exit_code_for(error))


def _apply(
    hivemq: HiveMQClient, changes: list[Action], as_json: bool
) -> tuple[list[Action], list[Action], tuple[Action, HiveMQError | _HalfReplacedError] | None]:
    """Send the changes in order until one fails: applied, already present, the failure."""
    applied: list[Action] = []
    present: list[Action] = []
    for action in changes:
        try:
            stored = _send(hivemq, action)
        except (HiveMQError, _HalfReplacedError) as error:
            return applied, present, (action, error)
        (applied if stored else present).append(action)
        if not as_json:
            done = _DONE[action.kind] if stored else "already present, nothing stored:"
            stdout.print(terminal_text(f"{done} {_name(action)}"))
    return applied, present, None


def _check_unchanged(saved: SavedPlan, broker: Broker, as_json: bool) -> None:
    """Refuse a saved plan, nothing sent, when the broker is not what the plan read."""
    stamps = broker.stamps()
    moved = [
        f"{family}/{resource_id}"
        for family in FAMILIES
        for resource_id in sorted(saved.read[family].keys() | stamps[family].keys())
        if saved.read[family].get(resource_id) != stamps[family].get(resource_id)
    ]
    if not moved:
        return
    if as_json:
        print_json({"changedSincePlan": moved})
    for name in moved:
        stderr.print(terminal_text(f"changed since the plan: {name}"))
    fail(
        f"the broker changed since the plan was made ({len(moved)} resource(s)); "
        "nothing was sent: make the plan again (data-hub diff --out)",
        ExitCode.SERVER,
    )


def _advice(action: Action, cause: HiveMQError, from_plan: bool) -> str:
    """What to do after a failure midway: apply again only where that can help."""
    again = "make the plan again (data-hub diff --out)" if from_plan else "run apply again"
    if isinstance(cause, AuthenticationError | PermissionDeniedError):
        return f"check the credentials and what they may do, then {again}"
    if isinstance(cause, PreconditionFailedError):
        return (
            f"{_name(action)} changed on the broker since the plan read it: nothing was "
            f"overwritten; {again}, which plans from its new state"
        )
    if isinstance(cause, NotFoundError | ConflictError):
        return f"the broker changed meanwhile: {again}, which plans from its new state"
    status = cause.status if isinstance(cause, APIStatusError) else None
    refused = status is not None and 400 <= status < 500 and status != 429
    if refused or isinstance(cause, UnsendableRequestError):
        if action.kind == "delete":
            return (
                f"the broker keeps {_name(action)}: put it back in the directory, "
                "or first remove what uses it"
            )
        return f"the broker refuses this change: edit {_name(action)}, then run apply again"
    return f"{again} to finish"  # no answer, 429 or 5xx: passing, most likely


def _problems(problems: list[str], as_json: bool, where: str = "the directory") -> NoReturn:
    if as_json:
        print_json({"problems": problems})
    for problem in problems:
        stderr.print(terminal_text(f"problem: {problem}"))
    fail(f"{len(problems)} problem(s) in {where}; nothing was sent", ExitCode.USAGE)


@data_hub.command(
    "export",
    epilog=epilog(
        "hivemq-rest data-hub export ./data-hub",
        "hivemq-rest --profile prod data-hub export ./data-hub --force",
        codes=(ExitCode.OUTPUT,),
        note=(
            "File names are ids percent-encoded: no id can name a file outside DIRECTORY. "
            "A family directory that is a symbolic link is refused (exit 9), never followed."
        ),
    ),
)
@click.argument("directory", type=click.Path(path_type=Path))
@click.option(
    "--force", is_flag=True, help="Write into a non-empty DIRECTORY, replacing its Data Hub files."
)
@connection_options
def export(target: Target, directory: Path, force: bool) -> None:
    """Write the broker's Data Hub (latest versions) to DIRECTORY, one JSON file a resource.

    The layout is what apply reads: export, then apply, plans no changes.
    """
    with target.client() as hivemq:
        current = _broker_state(hivemq).resources
    try:
        count = write_tree(directory, current, force=force)
    except TreeError as refused:
        for problem in refused.problems:
            stderr.print(terminal_text(f"problem: {problem}"))
        fail("nothing was written", ExitCode.OUTPUT)
    except OSError as unwritable:
        where = directory if unwritable.filename is None else unwritable.filename
        fail(f"cannot write {shown(where)}: {unwritable.strerror}", ExitCode.OUTPUT)
    stdout.print(terminal_text(f"wrote {count} files to {shown(directory)}"))
