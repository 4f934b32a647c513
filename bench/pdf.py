"""Decisions as PDF: our rendering against bare WeasyPrint, and 200 decisions rendered by 1 and by 2 task workers.

    python bench/pdf.py [--decisions 200] [--repeat 15]

1. One decision through our code — the letter's HTML built from the case, rendered by the time-limited child
   process behind the asset-only URL fetcher — against `weasyprint.HTML(string=…).write_pdf()` of the same final
   HTML with the same PDF variant (its assets read from the asset folder). Median of --repeat runs each; ratio ours /
   bare (target ≤ 1.2).
2. --decisions pending decisions are queued, then rendered by real `manage.py db_worker` processes: once by one
   worker, once by two (keeping their database connections, as DATABASE_CONN_MAX_AGE does in production). Speed-up
   = time with one / time with two (target ≥ 1.8 on two cores). For comparison, the same speed-up of two
   independent bare WeasyPrint processes rendering the same letter (bench/_bare_render.py): what this machine
   allows any two rendering processes.

Uses PostgreSQL when DATABASE_URL is set, else SQLite; prints one JSON object and writes bench/results/pdf.json.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, fresh_database_with_demo, setup_django, write_result


def median_seconds(work, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def plain_files(html: str, assets: Path, folder: Path) -> tuple[str, str]:
    """The HTML and a copy of our assets with plain relative URLs instead of `asset:`, for WeasyPrint's own fetcher."""
    for path in assets.iterdir():
        content = path.read_bytes()
        (folder / path.name).write_bytes(content.replace(b"asset:", b"") if path.suffix == ".css" else content)
    return html.replace("asset:", ""), f"{folder}/"


def bare_speedup(html: str, base_url: str, count: int) -> float:
    """How much faster two independent bare WeasyPrint processes render `count` letters than one: the machine's
    ceiling for any two rendering processes, measured like the workers (each process warms up first)."""
    html_file = Path(tempfile.mkdtemp()) / "letter.html"
    html_file.write_text(html, encoding="utf-8")
    script = [sys.executable, str(ROOT / "bench" / "_bare_render.py"), str(html_file), base_url]

    def run(processes: int) -> float:
        started = [
            subprocess.Popen([*script, str(count // processes)], stdout=subprocess.PIPE) for _ in range(processes)
        ]
        return max(float(process.communicate()[0]) for process in started)

    return run(1) / run(2)


def database_url(connection) -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return f"postgresql://{settings['USER']}@{settings['HOST']}:{settings['PORT'] or 5432}/{settings['NAME']}"


def queue_decisions(count: int) -> list[int]:
    """`count` pending decisions (new versions of the demo's issued cases), their renderings queued for the worker."""
    from django.db import transaction

    from workflows.definitions.roles import Actor
    from workflows.models import Decision
    from workflows.services.decisions import decision_prepare

    cases = [decision.submission for decision in Decision.objects.select_related("submission").order_by("pk")]
    ids = []
    with transaction.atomic():
        for index in range(count):
            case = cases[index % len(cases)]
            decision = decision_prepare(
                case=case, kind=case.decisions.first().kind, actor=Actor.system(), entry=None, notify=False
            )
            ids.append(decision.pk)
    return ids


def render_with_workers(count: int, workers: int, url: str) -> float:
    """Seconds until `workers` task worker processes have rendered `count` newly queued decisions."""
    from workflows.models import Decision

    ids = queue_decisions(count)
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.bench",
        "DATABASE_URL": url,
        "DATABASE_CONN_MAX_AGE": "600",
    }
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--interval", "0.05"]
    started = time.perf_counter()
    processes = [
        subprocess.Popen([*command, "--worker-id", f"bench-{workers}-{index}"], cwd=ROOT, env=environment)
        for index in range(workers)
    ]
    for process in processes:
        process.wait()
    seconds = time.perf_counter() - started
    issued = Decision.objects.filter(pk__in=ids, status=Decision.Status.ISSUED).count()
    if issued != count:
        raise SystemExit(f"Only {issued} of {count} decisions were issued by {workers} worker(s).")
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    setup_django()
    connection = fresh_database_with_demo()
    import weasyprint
    from django_tasks_db.models import DBTaskResult

    from workflows.decisions.document import decision_html
    from workflows.decisions.fetcher import ASSETS
    from workflows.decisions.letter import case_facts, responsible_official
    from workflows.decisions.pdf import PDF_OPTIONS, render_pdf
    from workflows.models import Decision

    DBTaskResult.objects.all().delete()  # the demo's own queued work is not part of the measurement
    decision = Decision.objects.exclude(courtesy_language="").select_related("submission").order_by("pk").first()
    case = decision.submission

    def ours():
        facts = case_facts(case, decision.kind, official=responsible_official(case, decision.kind))
        return render_pdf(decision_html(facts, version=1))

    final_html = decision_html(case_facts(case, decision.kind, official="Bench"), version=1)
    bare_html, bare_base = plain_files(final_html, ASSETS, Path(tempfile.mkdtemp()))

    def bare():
        return weasyprint.HTML(string=bare_html, base_url=bare_base).write_pdf(**PDF_OPTIONS)

    ours(), bare()  # fonts loaded and caches warm for both
    ours_seconds = median_seconds(ours, args.repeat)
    bare_seconds = median_seconds(bare, args.repeat)

    machine_speedup = bare_speedup(bare_html, bare_base, 40)
    url = database_url(connection)
    one_worker = render_with_workers(args.decisions, 1, url)
    two_workers = render_with_workers(args.decisions, 2, url)

    write_result(
        "pdf",
        {
            "database": connection.vendor,
            "decision": f"{decision.get_kind_display()} with a courtesy translation ({decision.courtesy_language})",
            "pages": len(weasyprint.HTML(string=bare_html, base_url=bare_base).render().pages),
            "ours_seconds": round(ours_seconds, 4),
            "bare_weasyprint_seconds": round(bare_seconds, 4),
            "ratio": round(ours_seconds / bare_seconds, 3),
            "decisions": args.decisions,
            "one_worker_seconds": round(one_worker, 2),
            "two_workers_seconds": round(two_workers, 2),
            "speedup": round(one_worker / two_workers, 3),
            "bare_weasyprint_two_process_speedup": round(machine_speedup, 3),
            "cpus": os.cpu_count(),
        },
    )


if __name__ == "__main__":
    main()
