"""scripts/_unasync.py: the sync client's code is the async one without async."""

from __future__ import annotations

import inspect
import sys

import pytest
from hivemq_rest import AsyncHiveMQClient, HiveMQClient

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

from _unasync import unasync


def test_rewrites_tokens_not_text() -> None:
    source = (
        '"""Doc."""\n'
        "import asyncio\n"
        '__all__ = ["AsyncAPI"]\n'
        "class AsyncAPI:\n"
        "    async def aclose(self) -> None:\n"
        "        # asyncio stays in comments, 'await' in strings\n"
        "        await asyncio.sleep(0)\n"
        '        raise ValueError(f"{x} AsyncAPI")\n'
        "        async for x in self.aflatten('await'):\n"
        "            pass\n"
    )
    produced = unasync(source)
    assert produced.splitlines()[-9:] == [
        "import time",
        '__all__ = ["SyncAPI"]',
        "class SyncAPI:",
        "    def close(self) -> None:",
        "        # asyncio stays in comments, 'await' in strings",
        "        time.sleep(0)",
        '        raise ValueError(f"{x} AsyncAPI")',
        "        for x in self.flatten('await'):",
        "            pass",
    ]
    assert produced.startswith('"""Doc.\n\nMade by scripts/generate.py from _async_api.py')


def test_async_names_and_modules_become_their_blocking_twins() -> None:
    source = (
        '"""AsyncSchemas: the schemas of AsyncHiveMQClient."""\n'
        "from .._async_api import AsyncAPI\n"
        "from ._async_paging import AsyncPages\n"
        '__all__ = ["AsyncSchemas"]\n'
        "class AsyncSchemas(AsyncPages):\n"
        "    Asynchronous = 1\n"
    )
    produced = unasync(source, "_async_resources/schemas.py")
    assert produced.splitlines() == [
        '"""Schemas: the schemas of HiveMQClient.',
        "",
        "Made by scripts/generate.py from _async_resources/schemas.py (see scripts/_unasync.py);",
        "do not edit: change _async_resources/schemas.py and regenerate.",
        '"""',
        "from .._sync_api import SyncAPI",
        "from ._sync_paging import Pages",
        '__all__ = ["Schemas"]',
        "class Schemas(Pages):",
        "    Asynchronous = 1",
    ]


# aclose is the sync close; every other name is on both clients.
ASYNC_ONLY = {"aclose"}
PUBLIC = sorted(
    name for name in dir(AsyncHiveMQClient) if not name.startswith("_") and name not in ASYNC_ONLY
)


def test_both_clients_have_the_same_public_names() -> None:
    assert "clients" in PUBLIC
    assert (
        sorted(name for name in dir(HiveMQClient) if not name.startswith("_") and name != "close")
        == PUBLIC
    )


@pytest.mark.parametrize("name", [n for n in PUBLIC if callable(getattr(HiveMQClient, n))])
def test_both_clients_take_the_same_arguments(name: str) -> None:
    sync = inspect.signature(getattr(HiveMQClient, name)).parameters
    asynchronous = inspect.signature(getattr(AsyncHiveMQClient, name)).parameters
    assert list(sync.values()) == list(asynchronous.values())
