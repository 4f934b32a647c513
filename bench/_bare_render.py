"""Render one HTML file COUNT times with bare WeasyPrint (its own fetcher, our PDF options); print the seconds.

    python bench/_bare_render.py HTML_FILE BASE_URL COUNT

Run by bench/pdf.py as independent processes, to measure how far two rendering processes can speed up on this
machine at all (no Django, no database, no worker)."""

import sys
import time
from pathlib import Path

from weasyprint import HTML

PDF_OPTIONS = {"pdf_variant": "pdf/a-3u", "pdf_tags": True}  # as workflows/decisions/pdf.py

html_file, base_url, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
html = Path(html_file).read_text(encoding="utf-8")
HTML(string=html, base_url=base_url).write_pdf(**PDF_OPTIONS)  # fonts loaded before the clock starts
started = time.perf_counter()
for _ in range(count):
    HTML(string=html, base_url=base_url).write_pdf(**PDF_OPTIONS)
print(time.perf_counter() - started)
