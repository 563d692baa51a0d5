from __future__ import annotations

from hivemq_rest_emulator.services.data_hub.references import ClientMatcher, policy_regex

from .documents import behavior_policy

# Backtracks exponentially on a run of x's that never ends in y.
PATHOLOGICAL = "(x+x+)+y"
LONG_ID = "x" * 5_000


def test_the_regex_must_match_the_whole_client_id() -> None:
    matcher = ClientMatcher()
    assert matcher.applies(behavior_policy("p", "sensor-[0-9]+"), "sensor-17")
    assert not matcher.applies(behavior_policy("p", "sensor-[0-9]+"), "sensor-17b")
    assert not matcher.applies(behavior_policy("p", "sensor"), "sensor-17")


def test_a_pattern_that_is_no_regex_applies_to_nothing() -> None:
    assert policy_regex("(unclosed") is None
    assert not ClientMatcher().applies(behavior_policy("p", "(unclosed"), "(unclosed")


def test_a_pathological_pattern_gives_up_and_does_not_apply() -> None:
    matcher = ClientMatcher()
    assert not matcher.applies(behavior_policy("slow", PATHOLOGICAL), LONG_ID)
    assert matcher.applies(behavior_policy("xs", "x+"), LONG_ID)


def test_a_spent_budget_means_no_match() -> None:
    assert not ClientMatcher(budget_seconds=0).applies(behavior_policy("all", ".*"), "a")
