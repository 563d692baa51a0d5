from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from hivemq_rest_emulator.core import Clock

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
