"""Backups, trace recordings and diagnostic archives end to end, sync and async, against the
emulator: emulator time is moved forward instead of waiting."""

from __future__ import annotations

import datetime
import hashlib
import io
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hivemq_rest import BackupFailedError, BadRequestError, NotFoundError
from hivemq_rest_emulator.services import DEFAULT_BACKUP_BYTES, DEFAULT_BACKUP_SECONDS
from hivemq_rest_emulator.services.backups.content import chunks
from hivemq_rest_emulator.testing import EmulatorHandle

from tests.overlay.e2e._both import CLIENTS, done, every, run_with


def _file_digest(backup_id: str, size: int) -> str:
    digest = hashlib.sha256()
    for chunk in chunks(backup_id, size):
        digest.update(chunk)
    return digest.hexdigest()


@pytest.mark.parametrize("kind", CLIENTS)
def test_backup_download_and_restore(
    hivemq_emulator: EmulatorHandle, kind: str, tmp_path: Path
) -> None:
    target = tmp_path / "hivemq.backup"

    async def scenario(hivemq: Any) -> None:
        backups = hivemq.backups
        started = await done(backups.create())
        assert started.state == "IN_PROGRESS"
        hivemq_emulator.advance_clock(DEFAULT_BACKUP_SECONDS)
        backup = await done(backups.wait(started.id, timeout=5))
        assert backup.state == "COMPLETED"
        assert backup.bytes_ == DEFAULT_BACKUP_BYTES
        seen: list[tuple[int, int | None]] = []
        size = await done(backups.download(backup.id, target, lambda n, t: seen.append((n, t))))
        assert size == target.stat().st_size == DEFAULT_BACKUP_BYTES
        assert seen[-1] == (DEFAULT_BACKUP_BYTES, DEFAULT_BACKUP_BYTES)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        assert digest == _file_digest(backup.id, DEFAULT_BACKUP_BYTES)
        assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary left

        restoring = await done(backups.restore(backup.id))
        assert restoring.state == "RESTORE_IN_PROGRESS"
        hivemq_emulator.advance_clock(DEFAULT_BACKUP_SECONDS)
        restored = await done(backups.wait(backup.id, timeout=5))
        assert restored.state == "RESTORE_COMPLETED"
        assert [b.id for b in await every(backups.list())] == [backup.id]

    run_with(kind, hivemq_emulator.base_url, scenario)


@pytest.mark.parametrize("kind", CLIENTS)
def test_second_backup_while_one_runs_fails(hivemq_emulator: EmulatorHandle, kind: str) -> None:
    async def scenario(hivemq: Any) -> None:
        backups = hivemq.backups
        running = await done(backups.create())
        second = await done(backups.create())
        with pytest.raises(BackupFailedError) as failed:
            await done(backups.wait(second.id, timeout=5))
        assert failed.value.fail_reason
        assert failed.value.fail_reason == (await done(backups.get(second.id))).fail_reason
        # Nothing to download from a failed backup.
        with pytest.raises(BadRequestError):
            await done(backups.download(second.id, io.BytesIO()))
        hivemq_emulator.advance_clock(DEFAULT_BACKUP_SECONDS)
        assert (await done(backups.wait(running.id, timeout=5))).state == "COMPLETED"
        hivemq_emulator.advance_clock(3600)  # failed backups stay listed for an hour
        assert [b.id for b in await every(backups.list())] == [running.id]
        with pytest.raises(NotFoundError):
            await done(backups.get(second.id))

    run_with(kind, hivemq_emulator.base_url, scenario)


@pytest.mark.parametrize("kind", CLIENTS)
def test_trace_recording_lifecycle(
    hivemq_emulator: EmulatorHandle, kind: str, tmp_path: Path
) -> None:
    target = tmp_path / "trace.zip"

    async def scenario(hivemq: Any) -> None:
        recordings = hivemq.trace_recordings
        start = hivemq_emulator.app.clock.now() + datetime.timedelta(minutes=1)
        created = await done(
            recordings.create(
                "sensors-1",
                start,
                start + datetime.timedelta(hours=1),
                client_id_filters=["sensor-.*"],
                topic_filters=["plant/.*"],
                events=["MQTT_MESSAGE_CONNECT", "MQTT_MESSAGE_PUBLISH"],
            )
        )
        assert created.state == "SCHEDULED"
        with pytest.raises(BadRequestError):  # nothing recorded yet
            await done(recordings.download("sensors-1", io.BytesIO()))
        hivemq_emulator.advance_clock(120)
        (listed,) = await every(recordings.list())
        assert (listed.name, listed.state) == ("sensors-1", "IN_PROGRESS")
        assert (await done(recordings.stop("sensors-1"))).state == "STOPPED"
        size = await done(recordings.download("sensors-1", target))
        assert size == target.stat().st_size > 0
        with zipfile.ZipFile(target) as bundle:
            assert bundle.testzip() is None
            assert bundle.namelist() == ["sensors-1.log"]
        await done(recordings.delete("sensors-1"))
        assert await every(recordings.list()) == []
        with pytest.raises(NotFoundError):
            await done(recordings.stop("sensors-1"))

    run_with(kind, hivemq_emulator.base_url, scenario)


@pytest.mark.parametrize("kind", CLIENTS)
def test_diagnostic_archive(hivemq_emulator: EmulatorHandle, kind: str) -> None:
    async def scenario(hivemq: Any) -> None:
        archive = await done(hivemq.diagnostic_archives.create())
        assert archive.id

    run_with(kind, hivemq_emulator.base_url, scenario)
