"""The conditions govkg reports, each named for what went wrong.

Each carries the HTTP status the web layer answers with, so one handler renders them all.
"""
from __future__ import annotations


class KgError(Exception):
    """Something govkg cannot do with what it was given."""

    status = 500


class PageError(KgError):
    """A page file cannot be ingested; names the file and the problem."""

    status = 400

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ManifestError(KgError):
    """The manifest of issue dates is unreadable or names a bad date."""

    status = 400


class StoreUnavailable(KgError):
    """The graph store cannot be opened or reached."""

    status = 503


class BadQuery(KgError):
    """The query or the request carrying it is malformed or not allowed."""

    status = 400


class UnknownQuery(KgError):
    """No canned query has that name."""

    status = 404


class NotAcceptable(KgError):
    """The result cannot be given in any format the client accepts."""

    status = 406


class UnsupportedMediaType(KgError):
    """The request body's media type is not one this endpoint reads."""

    status = 415


class NoResource(KgError):
    """Nothing in the graph has that IRI or graph name."""

    status = 404


class QueryTimeout(KgError):
    """The query ran past the time limit and was stopped."""

    status = 503


class QueryFailed(KgError):
    """The process running the query died (out of memory, killed)."""

    status = 500


class ClientGone(KgError):
    """The client closed the connection before the answer; its query was stopped."""

    status = 499  # nginx's "client closed request": nobody reads it, the log does
