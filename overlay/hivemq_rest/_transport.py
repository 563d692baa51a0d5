"""Everything about reaching the server: base URL, auth, TLS, headers."""

from __future__ import annotations

import functools
import logging
import os
import ssl
import urllib.request
from collections.abc import Generator, Mapping
from http.cookiejar import Cookie, CookieJar, DefaultCookiePolicy
from typing import Any, Final

import attrs
import httpx

from ._body import ACCEPT_ENCODING
from ._errors import ConfigurationError
from ._version import __version__

__all__ = [
    "AsyncHTTPClient",
    "BearerAuth",
    "HTTPClient",
    "TransportOptions",
    "parse_base_url",
    "ssl_context",
]

log = logging.getLogger("hivemq_rest")

USER_AGENT = f"hivemq-rest-client/{__version__}"

StrPath = str | os.PathLike[str]
ClientCert = StrPath | tuple[StrPath, StrPath]


class BearerAuth(httpx.Auth):
    """Sends ``Authorization: Bearer <token>``; the token never shows in repr."""

    def __init__(self, token: str) -> None:
        if not token:
            raise ConfigurationError("token cannot be empty")
        self._header = f"Bearer {token}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the header to the request."""
        request.headers["Authorization"] = self._header
        yield request

    def __repr__(self) -> str:
        return "BearerAuth(token=***)"


class SameOriginAuth(httpx.Auth):
    """Applies ``inner`` only to requests for the base URL's origin.

    A request to another listener (the Health API's, plain HTTP) goes
    without the credentials.
    """

    def __init__(self, inner: httpx.Auth, base_url: httpx.URL) -> None:
        self._inner = inner
        self._origin = _origin(base_url)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """The inner auth's flow for the base URL's origin; the request as it is otherwise."""
        if _origin(request.url) != self._origin:
            yield request
            return
        yield from self._inner.auth_flow(request)

    def __repr__(self) -> str:
        return f"SameOriginAuth({self._inner!r})"


def auth_for(username: str | None, password: str | None, token: str | None) -> httpx.Auth | None:
    """The httpx auth for these credentials; ConfigurationError for a mix that makes no sense."""
    if token is not None and (username is not None or password is not None):
        raise ConfigurationError("give either a token or a username and password, not both")
    if token is not None:
        return BearerAuth(token)
    if password is not None and username is None:
        raise ConfigurationError("a password needs a username")
    if username is not None:
        return httpx.BasicAuth(username, password or "")
    return None


def parse_base_url(url: str | httpx.URL) -> httpx.URL:
    """The validated base URL: http(s), a host, an optional path prefix, no credentials."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as error:
        raise ConfigurationError(f"not a usable base URL: {error}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigurationError("the base URL must be http:// or https:// with a host")
    if parsed.userinfo:
        # Never echo the URL here: it holds a secret.
        raise ConfigurationError(
            "put credentials in username/password or token, not in the base URL"
        )
    if parsed.query or parsed.fragment:
        raise ConfigurationError("the base URL cannot have a query or a fragment")
    return parsed.copy_with(path=parsed.path.rstrip("/") + "/")


def ssl_context(
    verify: bool = True, ca_file: StrPath | None = None, client_cert: ClientCert | None = None
) -> ssl.SSLContext:
    """A TLS context: verification on unless verify=False, a CA bundle and a client certificate.

    A file that is missing or not PEM is a ConfigurationError, as is an encrypted
    key: OpenSSL would otherwise stop to ask for its passphrase on the terminal.
    """
    if verify and ca_file is None and client_cert is None:
        return _system_trust(*(os.environ.get(name) for name in _TRUST_VARIABLES))
    try:
        context = ssl.create_default_context(cafile=os.fspath(ca_file) if ca_file else None)
    except OSError as error:  # ssl.SSLError included
        raise ConfigurationError(f"ca_file is no usable CA bundle: {error}") from None
    if not verify:
        log.warning("TLS certificate verification is switched off")
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    if client_cert is not None:
        certfile, keyfile = client_cert if isinstance(client_cert, tuple) else (client_cert, None)
        try:
            context.load_cert_chain(
                os.fspath(certfile),
                None if keyfile is None else os.fspath(keyfile),
                password=_no_passphrase,
            )
        except OSError as error:
            raise ConfigurationError(
                f"client_cert is no usable certificate and key: {error}"
            ) from None
    return context


# What ssl.create_default_context reads from the environment (OpenSSL's trust
# locations, and where to log TLS keys for debugging).
_TRUST_VARIABLES: Final = ("SSL_CERT_FILE", "SSL_CERT_DIR", "SSLKEYLOGFILE")


@functools.cache
def _system_trust(*environment: str | None) -> ssl.SSLContext:
    """The default context, shared by every client that keeps the defaults.

    Reading the system's CA store is most of what building a client costs, so
    it is read once for each value of ``_TRUST_VARIABLES`` (the cache's key);
    nothing here changes a context once built.
    """
    return ssl.create_default_context()


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


class _OriginCookiePolicy(DefaultCookiePolicy):
    """Cookies are stored from the base URL's origin only.

    A cookie is scoped by host, not port: without this, a cookie that the
    Health API's plain-HTTP listener on the same host set would be sent to
    the REST API. (Sending is gated in ``strip_foreign_headers``: httpx
    copies the jar, without its policy, for each request.)
    """

    def __init__(self, base_url: httpx.URL) -> None:
        super().__init__()
        self._origin = _origin(base_url)

    def set_ok(self, cookie: Cookie, request: urllib.request.Request) -> bool:
        """Store only what the base URL's origin set."""
        same = _origin(httpx.URL(request.get_full_url())) == self._origin
        return same and super().set_ok(cookie, request)


class _SetCookies(httpx.Cookies):
    """httpx's cookie store, reading only the answers that set a cookie.

    httpx builds urllib's view of every answer (a Request, the headers as an
    email message) before the jar looks for a Set-Cookie header; most
    answers set none, and building that view costs more than the rest of
    the request's handling here. (Set-Cookie2 is off in the policy.)
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        if "set-cookie" in response.headers:
            super().extract_cookies(response)


class _CookieStore:
    """For httpx.Client and AsyncClient: their ``cookies`` are a _SetCookies."""

    _set_cookies: _SetCookies

    def __init__(self, *, cookies: CookieJar, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cookies = cookies

    @property
    def cookies(self) -> httpx.Cookies:
        return self._set_cookies

    @cookies.setter
    def cookies(self, cookies: CookieJar) -> None:
        self._set_cookies = _SetCookies(cookies)


class HTTPClient(_CookieStore, httpx.Client):
    """The sync client's httpx client."""


class AsyncHTTPClient(_CookieStore, httpx.AsyncClient):
    """The async client's httpx client."""


def _no_passphrase() -> str:
    raise ConfigurationError("client_cert has an encrypted key: give one without a passphrase")


@attrs.frozen(repr=False)
class TransportOptions:
    """What both clients hand to httpx: URL, auth, timeouts, TLS and headers."""

    base_url: httpx.URL
    auth: httpx.Auth | None
    timeout: httpx.Timeout
    tls: ssl.SSLContext
    headers: Mapping[str, str]
    follow_redirects: bool

    def client_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for httpx.Client or httpx.AsyncClient."""
        return {
            "base_url": self.base_url,
            "auth": None if self.auth is None else SameOriginAuth(self.auth, self.base_url),
            "timeout": self.timeout,
            "verify": self.tls,
            "headers": {
                "User-Agent": USER_AGENT,
                "Accept": "application/json",
                "Accept-Encoding": ACCEPT_ENCODING,
                **self.headers,
            },
            "follow_redirects": self.follow_redirects,
            "cookies": CookieJar(_OriginCookiePolicy(self.base_url)),
        }

    def strip_foreign_headers(self, request: httpx.Request) -> None:
        """Drop the caller's ``headers`` and the cookies from a request to another origin.

        httpx drops only Authorization on a redirect to another origin; an
        API key in ``headers`` would follow it to wherever the server points.
        Cookies are scoped by host, not port: a REST session cookie would go
        in clear to the Health API's listener on the same host.
        """
        if _origin(request.url) != _origin(self.base_url):
            for name in (*self.headers, "Cookie"):
                request.headers.pop(name, None)

    def __repr__(self) -> str:
        auth = "none" if self.auth is None else type(self.auth).__name__
        return f"TransportOptions(base_url={str(self.base_url)!r}, auth={auth})"
