"""Data Hub: data and behavior policies, schemas, scripts, client state and the trial.

``DataHubService`` is the family's :class:`~hivemq_rest_emulator.core.Service`.
Its modules split the concerns: ``state`` (versions, policies, trial),
``parse`` (query and body checks, with ``definitions`` for schema and script
contents), ``references`` and ``topics`` (what a policy refers to and
matches), ``paging`` and ``render`` (answers), ``service`` (the handlers).
"""

from .service import DataHubService

__all__ = ["DataHubService"]
