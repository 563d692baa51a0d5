"""Trace Recordings: recordings scheduled, running and stopped by the emulator clock."""

from .handlers import TraceRecordingsService

__all__ = ["TraceRecordingsService"]
