from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from hivemq_rest_emulator.core import Clock
from hivemq_rest_emulator.core.clock import (
    LATEST,
    MAX_DURATION_SECONDS,
    ClockLimitError,
    check_duration,
)
from hypothesis import given
from hypothesis import strategies as st

START = datetime(2026, 1, 1, tzinfo=UTC)


def test_now_follows_the_wall_clock_plus_what_was_advanced() -> None:
    wall = [START]
    clock = Clock(lambda: wall[0])
    assert clock.now() == START
    assert clock.advance(90) == START + timedelta(seconds=90)
    wall[0] += timedelta(seconds=5)
    assert clock.now() == START + timedelta(seconds=95)
    assert clock.advanced == 90


@pytest.mark.parametrize("bad", [-1, math.nan, math.inf])
def test_time_only_moves_forward_by_finite_steps(bad: float) -> None:
    clock = Clock(lambda: START)
    with pytest.raises(ValueError, match="finite number >= 0"):
        clock.advance(bad)
    assert clock.now() == START


@pytest.mark.parametrize("bad", [True, "5", None])
def test_advance_takes_numbers_only(bad: object) -> None:
    with pytest.raises(TypeError):
        Clock().advance(bad)  # type: ignore[arg-type]


@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(9100, 1, 1)),
    st.lists(st.floats(0, MAX_DURATION_SECONDS), max_size=20),
)
def test_time_never_passes_the_limit_and_a_refused_step_changes_nothing(
    wall: datetime, steps: list[float]
) -> None:
    clock = Clock(lambda: wall.replace(tzinfo=UTC))
    for step in steps:
        before = clock.now()
        try:
            clock.advance(step)
        except ClockLimitError:
            assert clock.now() == before
            assert before + timedelta(seconds=step) > LATEST
        else:
            assert clock.now() <= max(LATEST, before)
        # Whatever emulator time is, a duration can still be added to it.
        assert clock.now() + timedelta(seconds=MAX_DURATION_SECONDS) <= datetime.max.replace(
            tzinfo=UTC
        )


def test_reset_goes_back_to_the_wall_clock() -> None:
    clock = Clock(lambda: START)
    clock.advance(3600)
    clock.reset()
    assert (clock.now(), clock.advanced) == (START, 0)


@pytest.mark.parametrize("bad", [-1.0, math.nan, math.inf, 1e12, MAX_DURATION_SECONDS + 1])
def test_durations_are_ones_the_clock_can_serve(bad: float) -> None:
    with pytest.raises(ValueError, match="between 0 and"):
        check_duration(bad, "backup_seconds")
    assert check_duration(MAX_DURATION_SECONDS, "x") == MAX_DURATION_SECONDS
