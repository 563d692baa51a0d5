"""The Data Hub family: policies, schemas, scripts, client state and the trial."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

from hivemq_rest_generated import operations as ops
from starlette.responses import Response

from ...core import ApiError, ApiRequest, Clock, Handler
from ...core.problems import json_response, no_content
from . import parse
from .paging import cut
from .references import ClientMatcher, schema_references, script_references
from .render import entity_tag, page, partial, timestamp
from .state import DataHubState, Document, Policies, Versions
from .topics import matches

PolicyReader = Callable[[ApiRequest], Document]


def _nobody_connected(client_id: str) -> bool:
    return False


def _not_found(detail: str) -> ApiError:
    return ApiError(404, "Resource not found", detail)


def _if_match(request: ApiRequest, current: Document) -> None:
    # Assumption: the spec lists 412 for policy updates but names no header;
    # we take the standard If-Match (strong comparison, "*" for any).
    header = request.headers.get("if-match")
    if header is None:
        return
    tags = {tag.strip() for tag in header.split(",")}
    if "*" not in tags and entity_tag(current) not in tags:
        raise ApiError(
            412, "Precondition Failed", "If-Match names no current entity tag of the policy."
        )


def _tagged(document: Document, status: int = 200) -> Response:
    # Assumption (as for If-Match): policy answers carry the policy's ETag.
    return json_response(document, status, {"ETag": entity_tag(document)})


class DataHubService:
    """All Data Hub operations over in-memory state, timed by the emulator clock.

    ``connected`` tells whether an MQTT client is connected (client state is
    only known for those); by default nobody is.
    """

    def __init__(self, clock: Clock, connected: Callable[[str], bool] = _nobody_connected) -> None:
        self._clock = clock
        self._connected = connected
        self._lock = threading.Lock()
        self._state = DataHubState()

    def handlers(self) -> Mapping[str, Handler]:
        """The 20 Data Hub operations by operationId."""
        locked: dict[ops.Operation, Handler] = {
            ops.GET_ALL_DATA_POLICIES: self._list_data_policies,
            ops.CREATE_DATA_POLICY: self._create_data_policy,
            ops.GET_DATA_POLICY: self._get_data_policy,
            ops.UPDATE_DATA_POLICY: self._update_data_policy,
            ops.DELETE_DATA_POLICY: self._delete_data_policy,
            ops.GET_ALL_BEHAVIOR_POLICIES: self._list_behavior_policies,
            ops.CREATE_BEHAVIOR_POLICY: self._create_behavior_policy,
            ops.GET_BEHAVIOR_POLICY: self._get_behavior_policy,
            ops.UPDATE_BEHAVIOR_POLICY: self._update_behavior_policy,
            ops.DELETE_BEHAVIOR_POLICY: self._delete_behavior_policy,
            ops.GET_ALL_SCHEMAS: self._list_schemas,
            ops.CREATE_SCHEMA: self._create_schema,
            ops.GET_SCHEMA: self._get_schema,
            ops.DELETE_SCHEMA: self._delete_schema,
            ops.GET_ALL_SCRIPTS: self._list_scripts,
            ops.CREATE_SCRIPT: self._create_script,
            ops.GET_SCRIPT: self._get_script,
            ops.DELETE_SCRIPT: self._delete_script,
            ops.START_TRIAL_MODE: self._start_trial,
        }
        table: dict[str, Handler] = {
            operation.operation_id: self._locking(handler) for operation, handler in locked.items()
        }
        # Not under the lock: ``connected`` may ask a broker.
        table[ops.GET_CLIENT_STATE.operation_id] = self._client_state
        return table

    def reset(self) -> None:
        """Forget every policy, schema and script, and the trial."""
        with self._lock:
            self._state = DataHubState()

    def _locking(self, handler: Handler) -> Handler:
        def locked(request: ApiRequest) -> Response:
            with self._lock:
                return handler(request)

        return locked

    def _now(self) -> str:
        return timestamp(self._clock.now())

    # Listings

    def _listing(
        self,
        request: ApiRequest,
        items: list[Document],
        generation: int,
        fields: frozenset[str] | None,
    ) -> Response:
        size = parse.limit(request)
        found, next_cursor = cut(items, generation, size, request.query.get("cursor"))
        return json_response(page(request, found, fields, next_cursor, size))

    def _list_data_policies(self, request: ApiRequest) -> Response:
        fields = parse.fields(request, parse.DATA_POLICY_FIELDS)
        policy_ids = parse.query_list(request, "policyIds")
        schema_ids = parse.query_list(request, "schemaIds")
        topic = parse.topic(request)
        policies = [
            policy
            for policy in self._state.data_policies.all()
            if (policy_ids is None or policy["id"] in policy_ids)
            and (
                schema_ids is None
                or any(schema_id in schema_ids for schema_id, _ in schema_references(policy))
            )
        ]
        if topic is not None:
            # With a topic the broker answers every matching policy, unpaged;
            # a `limit` outside the spec's bounds is still a bad request.
            parse.limit(request)
            matching = [p for p in policies if matches(p["matching"]["topicFilter"], topic)]
            return json_response(page(request, matching, fields, None, 0))
        return self._listing(request, policies, self._state.data_policies.generation, fields)

    def _list_behavior_policies(self, request: ApiRequest) -> Response:
        fields = parse.fields(request, parse.BEHAVIOR_POLICY_FIELDS)
        policy_ids = parse.query_list(request, "policyIds")
        client_ids = parse.query_list(request, "clientIds")
        matcher = ClientMatcher()
        policies = [
            policy
            for policy in self._state.behavior_policies.all()
            if (policy_ids is None or policy["id"] in policy_ids)
            and (client_ids is None or any(matcher.applies(policy, c) for c in client_ids))
        ]
        return self._listing(request, policies, self._state.behavior_policies.generation, fields)

    def _list_schemas(self, request: ApiRequest) -> Response:
        fields = parse.fields(request, parse.SCHEMA_FIELDS)
        schema_ids = parse.query_list(request, "schemaIds")
        types = parse.query_list(request, "types")
        schemas = [
            schema
            for schema in self._state.schemas.all()
            if (schema_ids is None or schema["id"] in schema_ids)
            and (types is None or schema["type"] in types)
        ]
        return self._listing(request, schemas, self._state.schemas.generation, fields)

    def _list_scripts(self, request: ApiRequest) -> Response:
        fields = parse.fields(request, parse.SCRIPT_FIELDS)
        script_ids = parse.query_list(request, "scriptIds")
        function_types = parse.query_list(request, "functionTypes")
        scripts = [
            script
            for script in self._state.scripts.all()
            if (script_ids is None or script["id"] in script_ids)
            and (function_types is None or script["functionType"] in function_types)
        ]
        return self._listing(request, scripts, self._state.scripts.generation, fields)

    # Policies

    def _check_references(self, policy: Document) -> None:
        for schema_id, version in schema_references(policy):
            if not self._state.schemas.has(schema_id, version):
                raise ApiError(
                    400,
                    "Referenced schema does not exist",
                    f"Schema '{schema_id}' has no version '{version}'.",
                )
        for script_id, version in script_references(policy):
            if not self._state.scripts.has(script_id, version):
                raise ApiError(
                    400,
                    "Referenced script does not exist",
                    f"Script '{script_id}' has no version '{version}'.",
                )

    def _create_policy(self, request: ApiRequest, store: Policies, read: PolicyReader) -> Response:
        policy = read(request)
        if store.get(policy["id"]) is not None:
            raise ApiError(
                400, "Policy id already used", f"A policy with id '{policy['id']}' exists."
            )
        self._check_references(policy)
        now = self._now()
        stored = store.put({"id": policy["id"], "createdAt": now, "lastUpdatedAt": now, **policy})
        return _tagged(stored, 201)

    def _get_policy(
        self, request: ApiRequest, store: Policies, allowed: frozenset[str]
    ) -> Response:
        fields = parse.fields(request, allowed)
        policy_id = parse.path_id(request, "policyId")
        policy = store.get(policy_id)
        if policy is None:
            raise _not_found(f"There is no policy '{policy_id}'.")
        # The tag is the whole policy's, whatever `fields` kept.
        return json_response(partial(policy, fields), headers={"ETag": entity_tag(policy)})

    def _update_policy(
        self, request: ApiRequest, store: Policies, read: PolicyReader, *, keep_topic: bool
    ) -> Response:
        policy = read(request)
        path_id = parse.path_id(request, "policyId")
        if policy["id"] != path_id:
            raise ApiError(
                400, "Policy id mismatch", "The policy id in the path and in the body differ."
            )
        current = store.get(path_id)
        if current is None:
            raise ApiError(404, "Referenced policy not found", f"There is no policy '{path_id}'.")
        _if_match(request, current)
        if keep_topic and policy["matching"]["topicFilter"] != current["matching"]["topicFilter"]:
            raise ApiError(
                400, "Topic filter does not match", "A data policy's topic filter cannot change."
            )
        self._check_references(policy)
        stored = store.put(
            {
                "id": policy["id"],
                "createdAt": current["createdAt"],
                "lastUpdatedAt": self._now(),
                **policy,
            }
        )
        return _tagged(stored)

    def _delete_policy(self, request: ApiRequest, store: Policies) -> Response:
        policy_id = parse.path_id(request, "policyId")
        if not store.delete(policy_id):
            raise _not_found(f"There is no policy '{policy_id}'.")
        return no_content()

    def _create_data_policy(self, request: ApiRequest) -> Response:
        return self._create_policy(request, self._state.data_policies, parse.data_policy_body)

    def _get_data_policy(self, request: ApiRequest) -> Response:
        return self._get_policy(request, self._state.data_policies, parse.DATA_POLICY_FIELDS)

    def _update_data_policy(self, request: ApiRequest) -> Response:
        return self._update_policy(
            request, self._state.data_policies, parse.data_policy_body, keep_topic=True
        )

    def _delete_data_policy(self, request: ApiRequest) -> Response:
        return self._delete_policy(request, self._state.data_policies)

    def _create_behavior_policy(self, request: ApiRequest) -> Response:
        return self._create_policy(
            request, self._state.behavior_policies, parse.behavior_policy_body
        )

    def _get_behavior_policy(self, request: ApiRequest) -> Response:
        return self._get_policy(
            request, self._state.behavior_policies, parse.BEHAVIOR_POLICY_FIELDS
        )

    def _update_behavior_policy(self, request: ApiRequest) -> Response:
        return self._update_policy(
            request, self._state.behavior_policies, parse.behavior_policy_body, keep_topic=False
        )

    def _delete_behavior_policy(self, request: ApiRequest) -> Response:
        return self._delete_policy(request, self._state.behavior_policies)

    # Schemas and scripts

    def _used(self, kind: str, item_id: str) -> bool:
        find = schema_references if kind == "schema" else script_references
        return any(
            reference_id == item_id
            for store in (self._state.data_policies, self._state.behavior_policies)
            for policy in store.all()
            for reference_id, _ in find(policy)
        )

    def _get_version(
        self, request: ApiRequest, store: Versions, name: str, allowed: frozenset[str]
    ) -> Response:
        fields = parse.fields(request, allowed)
        item_id = parse.path_id(request, name)
        latest = store.latest(item_id)
        if latest is None:
            raise _not_found(f"There is no {store.noun.lower()} '{item_id}'.")
        return json_response(partial(latest, fields))

    def _delete_versions(self, request: ApiRequest, store: Versions, name: str) -> Response:
        item_id = parse.path_id(request, name)
        noun = store.noun
        if store.latest(item_id) is None:
            raise _not_found(f"There is no {noun.lower()} '{item_id}'.")
        # Scripts: the spec names this case. Schemas: our assumption, by analogy.
        if self._used(noun.lower(), item_id):
            raise ApiError(400, f"{noun} referenced", f"A policy uses {noun.lower()} '{item_id}'.")
        store.delete(item_id)
        return no_content()

    def _create_schema(self, request: ApiRequest) -> Response:
        schema_id, definition = parse.schema_body(request)
        return json_response(self._state.schemas.add(schema_id, definition, self._now()), 201)

    def _get_schema(self, request: ApiRequest) -> Response:
        return self._get_version(request, self._state.schemas, "schemaId", parse.SCHEMA_FIELDS)

    def _delete_schema(self, request: ApiRequest) -> Response:
        return self._delete_versions(request, self._state.schemas, "schemaId")

    def _create_script(self, request: ApiRequest) -> Response:
        script_id, definition = parse.script_body(request)
        return json_response(self._state.scripts.add(script_id, definition, self._now()), 201)

    def _get_script(self, request: ApiRequest) -> Response:
        return self._get_version(request, self._state.scripts, "scriptId", parse.SCRIPT_FIELDS)

    def _delete_script(self, request: ApiRequest) -> Response:
        return self._delete_versions(request, self._state.scripts, "scriptId")

    # Client state and trial

    def _client_state(self, request: ApiRequest) -> Response:
        client_id = parse.path_id(request, "clientId")
        if not self._connected(client_id):
            raise _not_found(f"Client '{client_id}' is not connected.")
        matcher = ClientMatcher()
        with self._lock:
            policies = [
                policy
                for policy in self._state.behavior_policies.all()
                if matcher.applies(policy, client_id)
            ]
        return json_response({"items": [_connected_state(policy) for policy in policies]})

    def _start_trial(self, request: ApiRequest) -> Response:
        self._state.trial.start(self._clock.now())
        return no_content()


def _connected_state(policy: Document) -> dict[str, Any]:
    # Every behavior model goes from Initial to Connected when a client
    # connects; the emulator sees no publishes, so a connected client stays
    # there. It cannot see connect times either: the state counts from when
    # the policy was last stored.
    behavior = policy["behavior"]
    return {
        "policyId": policy["id"],
        "behaviorId": behavior["id"],
        "stateType": "INTERMEDIATE",
        "stateName": "Connected",
        "arguments": behavior.get("arguments", {}),
        "variables": {},
        "firstSetAt": policy["lastUpdatedAt"],
    }
