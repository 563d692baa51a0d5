"""Tests of the resource namespaces (backups, trace recordings, ...)."""
