"""Diagnostic Archive: archives that start collecting, one at a time, by the emulator clock."""

from .handlers import DiagnosticArchivesService

__all__ = ["DiagnosticArchivesService"]
