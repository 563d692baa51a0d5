"""``hivemq-rest data-hub apply`` and ``export``: Data Hub as code, from a directory.

The directory is read and checked by ``_dh_tree``, the plan made by
``_dh_plan``; this module reads the broker's state (the four listings, never
one request per resource), prints the plan and sends it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

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
from ._dh_plan import Action, make_plan, not_in_directory, summary, unknown_references
from ._dh_tree import (
    BEHAVIOR_POLICIES,
    DATA_POLICIES,
    FAMILIES,
    SCHEMAS,
    SCRIPTS,
    SINGULAR,
    Document,
    Resources,
    TreeError,
    declared_body,
    desired_body,
    read_tree,
    shown,
    unfit,
    write_tree,
)
from ._exit import ExitCode, exit_code_for
from ._help import epilog
from ._options import Target
from ._records import YES_OPTION
from ._render import print_json, terminal_text

_SIGNS = {"create": "+", "new version": "~", "update": "~", "delete": "-", "unchanged": "="}
_LISTINGS = {
    SCHEMAS: GET_ALL_SCHEMAS,
    SCRIPTS: GET_ALL_SCRIPTS,
    DATA_POLICIES: GET_ALL_DATA_POLICIES,
    BEHAVIOR_POLICIES: GET_ALL_BEHAVIOR_POLICIES,
}
_DONE = {
    "create": "created",
    "new version": "new version of",
    "update": "updated",
    "delete": "deleted",
}


class UnusableItemError(UnexpectedResponseError):
    """A listing in the API's shape holds an item that cannot be used.

    Nested too deeply for the plan's comparison and the files, or holding NaN
    or an infinity, which JSON cannot carry: it can be neither compared,
    exported, nor sent back.
    """


def read_broker(hivemq: HiveMQClient) -> Resources:
    """The latest version of every resource, from the four listings (500 a page).

    An item that cannot be used is an :class:`UnusableItemError`.
    """
    hub = hivemq.data_hub
    current: Resources = {family: {} for family in FAMILIES}
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
    return current


def _broker_state(hivemq: HiveMQClient) -> Resources:
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
    else:
        policies.update(model.from_dict(body))
    return True


def _name(action: Action) -> str:
    return f"{action.family}/{action.id}"


def _print_plan(actions: list[Action], outside: int, prune: bool) -> None:
    for action in actions:
        if action.kind != "unchanged":
            stdout.print(
                terminal_text(f"  {_SIGNS[action.kind]} {action.kind:<11} {_name(action)}")
            )
    stdout.print(terminal_text(f"Plan: {summary(actions)}"))
    if outside and not prune:
        stdout.print(f"{outside} on the broker and not in the directory: kept (--prune deletes)")


@data_hub.command(
    "apply",
    epilog=epilog(
        "hivemq-rest data-hub apply examples/data-hub --dry-run",
        "hivemq-rest data-hub apply ./data-hub --prune --yes --json",
        codes=(ExitCode.NOT_FOUND, ExitCode.INVALID_ID),
        note=(
            "A plan that deletes (--prune) asks first on a terminal, and needs --yes "
            "otherwise. "
            "Exit 2 also when the directory has problems (all are listed; nothing is sent). "
            "A failure midway stops: what was applied and what was not is listed. Running "
            "apply again finishes the job after a passing failure (no answer, 429, 5xx) or "
            "a change made meanwhile (404, 409, 412); a change the broker refuses (400) "
            "must be edited first."
        ),
    ),
)
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Print the plan; send nothing.")
@click.option("--prune", is_flag=True, help="Delete what is on the broker but not in DIR.")
@click.option("--json", "as_json", is_flag=True, help="The plan and result as JSON.")
@YES_OPTION
@connection_options
def apply(
    target: Target, directory: Path, dry_run: bool, prune: bool, as_json: bool, yes: bool
) -> None:
    """Make the broker's Data Hub match DIRECTORY: plan, then create, update (and prune).

    DIRECTORY holds schemas/, scripts/, data-policies/, behavior-policies/
    (see the README, "Data Hub as code"). Unchanged resources send nothing.
    """
    try:
        desired = read_tree(directory)
    except TreeError as unreadable:
        _problems(unreadable.problems, as_json)
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        current = _broker_state(hivemq)
        problems = unknown_references(desired, current, prune)
        if problems:
            _problems(problems, as_json)
        actions = make_plan(desired, current, prune)
        changes = [action for action in actions if action.kind != "unchanged"]
        if not as_json:
            _print_plan(actions, not_in_directory(desired, current), prune)
        deletes = sum(action.kind == "delete" for action in actions)
        if deletes and not dry_run:
            noun = "resource" if deletes == 1 else "resources"
            confirm(f"Delete {deletes} {noun} on the broker, not in the directory", yes)
        applied: list[Action] = []
        present: list[Action] = []
        failure: tuple[Action, HiveMQError] | None = None
        if not dry_run:
            for action in changes:
                try:
                    stored = _send(hivemq, action)
                except HiveMQError as error:
                    failure = (action, error)
                    break
                (applied if stored else present).append(action)
                if as_json:
                    continue
                done = _DONE[action.kind] if stored else "already present, nothing stored:"
                stdout.print(terminal_text(f"{done} {_name(action)}"))
    not_applied = changes[len(applied) + len(present) :]
    if as_json:
        print_json(
            {
                "plan": [action.to_json() for action in actions],
                "summary": summary(actions),
                "dryRun": dry_run,
                "applied": [action.to_json() for action in applied],
                "alreadyPresent": [action.to_json() for action in present],
                "notApplied": [] if dry_run else [action.to_json() for action in not_applied],
                "error": None if failure is None else str(failure[1]),
            }
        )
    if failure is not None:
        action, cause = failure
        stderr.print(terminal_text(f"error: {action.kind} {_name(action)} failed: {cause}"))
        handled = len(applied) + len(present)
        stderr.print(f"applied {handled} of {len(changes)} changes; not applied:")
        for left in not_applied:
            stderr.print(terminal_text(f"  {left.kind} {_name(left)}"))
        stderr.print(terminal_text(_advice(action, cause, current)))
        raise SystemExit(exit_code_for(cause))


def _advice(action: Action, cause: HiveMQError, current: Resources) -> str:
    """What to do after a failure midway: apply again only where that can help."""
    if isinstance(cause, AuthenticationError | PermissionDeniedError):
        return "check the credentials and what they may do, then run apply again"
    if isinstance(cause, NotFoundError | ConflictError | PreconditionFailedError):
        return "the broker changed meanwhile: run apply again, which plans from its new state"
    status = cause.status if isinstance(cause, APIStatusError) else None
    refused = status is not None and 400 <= status < 500 and status != 429
    if refused or isinstance(cause, UnsendableRequestError):
        if action.kind == "delete":
            return (
                f"the broker keeps {_name(action)}: put it back in the directory, "
                "or first remove what uses it"
            )
        advice = f"the broker refuses this change: edit {_name(action)}, then run apply again"
        stored = current[action.family].get(action.id)
        moved = stored is not None and _topic_filter(stored) != _topic_filter(action.body or {})
        if action.family == DATA_POLICIES and moved:
            advice += " (a data policy's topic filter cannot change: delete or rename it)"
        return advice
    return "run apply again to finish"  # no answer, 429 or 5xx: passing, most likely


def _topic_filter(policy: Document) -> object:
    matching = policy.get("matching")
    return matching.get("topicFilter") if isinstance(matching, dict) else None


def _problems(problems: list[str], as_json: bool) -> NoReturn:
    if as_json:
        print_json({"problems": problems})
    for problem in problems:
        stderr.print(terminal_text(f"problem: {problem}"))
    fail(f"{len(problems)} problem(s) in the directory; nothing was sent", ExitCode.USAGE)


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
    with HiveMQClient(target.url, **target.settings()) as hivemq:
        current = _broker_state(hivemq)
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
