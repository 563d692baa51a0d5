"""The built site renders in a real browser: headless Chromium opens two pages.

The site is built into a temporary directory and served on 127.0.0.1; the
getting-started guide and the clients reference are captured, and each capture
must be a real picture (not blank). Each page's HTML must hold its title, and
every stylesheet, script and image it references must exist in the built site
(nothing from the network: the site works offline). Chromium missing fails:
``scripts/setup.sh`` installs it.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import ROOT
from tests.docs._png import decode, distinct_colours

PAGES = {
    "guides/getting-started.html": "Getting started",
    "reference/clients.html": "Clients",
}
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
WIDTH, HEIGHT = 1280, 900
BUILD_TIMEOUT = 300
CHROMIUM_TIMEOUT = 120
_ASSET = re.compile(r"""<(?:link|script|img)\b[^>]*?\b(?:href|src)="([^"]+)"[^>]*>""")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", target],
        cwd=ROOT,
        check=True,
        timeout=BUILD_TIMEOUT,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(Path(sys.executable).parent)},
    )
    return target


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
            thread.join(timeout=10)


def _chromium() -> str:
    found = shutil.which("chromium")
    assert found, "chromium is not installed: run scripts/setup.sh"
    return found


def _screenshot(url: str, target: Path, profile: Path) -> bytes:
    subprocess.run(
        [
            _chromium(),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={WIDTH},{HEIGHT}",
            f"--screenshot={target}",
            url,
        ],
        check=True,
        capture_output=True,
        timeout=CHROMIUM_TIMEOUT,
    )
    return target.read_bytes()


@pytest.mark.slow
@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_renders_in_chromium(page: str, served: str, tmp_path: Path) -> None:
    png = _screenshot(urljoin(served, page), tmp_path / "page.png", tmp_path / "profile")
    width, height, _ = decode(png)
    assert (width, height) == (WIDTH, HEIGHT)
    assert len(png) > 20_000, "the capture is too small to hold a rendered page"
    # A blank or error page has a handful of colours; text, code and the theme many.
    assert distinct_colours(png) > 50


@pytest.mark.slow
@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_has_its_title_and_every_asset(page: str, site: Path) -> None:
    html = (site / page).read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    assert title is not None
    assert title[1].startswith(PAGES[page])
    assert f">{PAGES[page]}" in html  # the page's heading
    assets = _ASSET.findall(html)
    assert any(a.endswith(".css") for a in assets)
    assert any(a.endswith(".js") for a in assets)
    for asset in assets:
        parts = urlsplit(asset)
        assert not parts.netloc, f"{page} loads {asset} from the network"
        assert not parts.scheme, asset
        assert (site / page).parent.joinpath(parts.path).resolve().is_file(), asset
