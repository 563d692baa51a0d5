"""Backup & Restore: backups that finish, fail and restore by the emulator clock."""

from .handlers import BackupsService

__all__ = ["BackupsService"]
