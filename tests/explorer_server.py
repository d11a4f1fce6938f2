"""A local HTTP server on 127.0.0.1 that replays recorded NatureServe Explorer answers, for the client and CLI tests.

No test touches the network. The server answers from natserv's recordings of
2020-05-12 (tests/data/explorer/README.md), cut into pages where paging is tested,
and misbehaves on purpose where failures are tested. Start it with ``serve()``
(the ``replay`` fixture in conftest.py does), then say what it answers with
``Replay.at``.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import attrs

DATA = Path(__file__).resolve().parent / "data" / "explorer"
SEARCH = json.loads((DATA / "ns_search_spp.json").read_text(encoding="utf-8"))
PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")
"""urllib would send requests for 127.0.0.1 to a proxy named in the environment: tests remove these."""


@attrs.frozen
class Answer:
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "application/json;charset=UTF-8"),)
    stall: bool = False  # send the headers and half the body, then wait until the test is over


@attrs.frozen
class Asked:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


Respond = Callable[[Asked], Answer]


def recorded(name: str) -> Answer:
    return Answer(body=(DATA / f"{name}.json").read_bytes())


class Replay:
    """What the server answers at each path: answers taken in turn, the last one repeated."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Answer | Respond]] = {}
        self.asked: list[Asked] = []
        self.release = threading.Event()  # lets a slow answer end when the test is over

    def at(self, path: str, *answers: Answer | Respond) -> None:
        self.routes[path] = list(answers)

    def answer(self, asked: Asked) -> Answer:
        self.asked.append(asked)
        answers = self.routes.get(asked.path)
        if not answers:
            return Answer(404, b'{"message": "no route"}')
        found = answers.pop(0) if len(answers) > 1 else answers[0]
        return found if isinstance(found, Answer) else found(asked)


class Handler(BaseHTTPRequestHandler):
    server: Server

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        asked = Asked(self.command, self.path, dict(self.headers.items()), json.loads(raw) if raw else None)
        answer = self.server.replay.answer(asked)
        if answer.status == 0:  # hang up without answering
            self.close_connection = True
            return
        self.send_response(answer.status)
        for name, value in answer.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        if answer.stall:
            self.wfile.write(answer.body[: len(answer.body) // 2])
            self.wfile.flush()
            self.server.replay.release.wait(10)
        self.wfile.write(answer.body)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, replay: Replay) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.replay = replay

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (the timeout tests) leaves a broken pipe: expected, not printed; others are."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextmanager
def serve() -> Iterator[tuple[Replay, str]]:
    """A running local server and the base URL of its API."""
    state = Replay()
    server = Server(state)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}/api/"
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
        thread.join()


def pages(asked: Asked) -> Answer:
    """The recorded search cut into pages of the size asked for, with a summary like the API's."""
    paging = asked.body["pagingOptions"]
    size, page = paging["recordsPerPage"], paging["page"]
    results = SEARCH["results"][page * size : (page + 1) * size]
    summary = {"page": page, "recordsPerPage": size, "totalPages": -(-20 // size), "totalResults": 20}
    return Answer(body=json.dumps({"results": results, "resultsSummary": summary}).encode())
