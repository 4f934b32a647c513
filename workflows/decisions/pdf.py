"""Rendering a letter's HTML into an archivable PDF (PDF/A-3u, tagged), within a time limit.

WeasyPrint cannot be interrupted, so renderings run in a child process that is killed when one takes longer than
DECISION_RENDER_SECONDS. The child is forked once and then kept for the next renderings (forking a warmed-up
Django process for every letter would copy much of its memory each time); it is replaced after a failure, after a
timeout, and after RENDERINGS_PER_CHILD renderings, so that it never grows without bound. It gets finished HTML and
only the asset fetcher; it never touches the database.
"""

import multiprocessing
import signal
import threading

from django.conf import settings
from weasyprint import HTML

from .fetcher import AssetFetcher

PDF_OPTIONS = {"pdf_variant": "pdf/a-3u", "pdf_tags": True}
RENDERINGS_PER_CHILD = 200


class RenderingFailed(Exception):
    """The PDF could not be produced; the message says why (for the person issuing, and the log)."""


def pdf_from_html(html: str) -> bytes:
    """The PDF of `html`, in this process and without time limit (what the child process runs)."""
    return HTML(string=html, url_fetcher=AssetFetcher()).write_pdf(**PDF_OPTIONS)


def _serve(connection) -> None:
    """The child's loop: HTML in, ("pdf", bytes) or ("error", reason) out, until the parent hangs up or stops it.

    The child must die of SIGTERM and SIGINT even where its parent handles them (the task worker shuts down
    gracefully on them: a child inheriting that would outlive the worker)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    while True:
        try:
            html = connection.recv()
        except (EOFError, OSError):
            return
        try:
            outcome = ("pdf", pdf_from_html(html))
        except Exception as error:  # reported to the parent, which raises it as RenderingFailed
            outcome = ("error", f"{type(error).__name__}: {error}")
        connection.send(outcome)


class Renderer:
    """This process's rendering child, started when first needed. One rendering at a time per process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.process = None
        self.connection = None
        self.renderings = 0

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")
        self.connection, child_end = context.Pipe()
        self.process = context.Process(target=_serve, args=(child_end,), daemon=True, name="decision-renderer")
        self.process.start()
        child_end.close()
        self.renderings = 0

    def _stop(self) -> None:
        if self.process is None:
            return
        self.connection.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.process = self.connection = None

    def render(self, html: str, seconds: float) -> bytes:
        with self.lock:
            if self.process is None or not self.process.is_alive() or self.renderings >= RENDERINGS_PER_CHILD:
                self._stop()
                self._start()
            self.renderings += 1
            try:
                self.connection.send(html)
                if not self.connection.poll(seconds):
                    self._stop()
                    raise RenderingFailed(f"Rendering took longer than {seconds:g} seconds and was stopped.")
                outcome, value = self.connection.recv()
            except (EOFError, OSError):
                self._stop()
                raise RenderingFailed("The rendering process ended without a result.") from None
        if outcome == "error":
            raise RenderingFailed(value)
        return value


_renderer = Renderer()


def render_pdf(html: str, *, seconds: float | None = None) -> bytes:
    """The PDF of `html`; RenderingFailed when WeasyPrint fails or takes longer than the time limit."""
    return _renderer.render(html, settings.DECISION_RENDER_SECONDS if seconds is None else seconds)
