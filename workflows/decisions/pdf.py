"""Rendering a letter's HTML into an archivable PDF (PDF/A-3u, tagged), within a time limit.

WeasyPrint cannot be interrupted, so each rendering runs in a child process forked from this one and is killed when
it takes longer than DECISION_RENDER_SECONDS. The child gets the finished HTML and only the asset fetcher; it never
touches the database.
"""

import multiprocessing
from functools import cache

from django.conf import settings
from weasyprint import HTML

from .fetcher import AssetFetcher

PDF_OPTIONS = {"pdf_variant": "pdf/a-3u", "pdf_tags": True}


class RenderingFailed(Exception):
    """The PDF could not be produced; the message says why (for the person issuing, and the log)."""


def pdf_from_html(html: str) -> bytes:
    """The PDF of `html`, in this process and without time limit (what the child process runs)."""
    return HTML(string=html, url_fetcher=AssetFetcher()).write_pdf(**PDF_OPTIONS)


@cache
def _warm_up() -> None:
    """Load fonts and styles once in this process, so that every forked rendering starts with them ready."""
    pdf_from_html('<html lang="de"><title>.</title><p style="font-family: Noto Sans">.</p></html>')


def _render_into(html: str, connection) -> None:
    try:
        connection.send(("pdf", pdf_from_html(html)))
    except Exception as error:  # reported to the parent, which raises it as RenderingFailed
        connection.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        connection.close()


def render_pdf(html: str, *, seconds: float | None = None) -> bytes:
    """The PDF of `html`; RenderingFailed when WeasyPrint fails or takes longer than the time limit."""
    seconds = seconds if seconds is not None else settings.DECISION_RENDER_SECONDS
    _warm_up()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_render_into, args=(html, sender), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise RenderingFailed(f"Rendering took longer than {seconds:g} seconds and was stopped.")
        outcome, value = receiver.recv()
    except EOFError:
        raise RenderingFailed("The rendering process ended without a result.") from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
    if outcome == "error":
        raise RenderingFailed(value)
    return value
