"""The status page behind a case's secret link, the steps applicants take on it, their files and decisions, and the
form that sends lost links again.

An unknown, malformed or revoked link gets the same 404 page. Every response behind a link is private: never cached,
never indexed, and never named to another site in a Referer header.
"""

from functools import wraps

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from workflows.definitions.decisions import DecisionKind
from workflows.definitions.forms import step_form
from workflows.downloads import private_file_response
from workflows.forms.display import AnswerReader
from workflows.forms.ratelimit import client_address, request_too_large, within_limit
from workflows.models import Decision, StatusLink, Submission, SubmissionFile
from workflows.models.decisions import MAX_VERSION
from workflows.selectors.access import applicant_steps
from workflows.selectors.forms import form_title
from workflows.selectors.timelines import open_question, public_timeline
from workflows.services.portal import applicant_step
from workflows.services.refusals import CaseChanged, TransitionRefused
from workflows.tasks import send_status_links

from .forms import LostLinkForm
from .states import public_state, public_tone


def private_page(view):
    """Never cached, never indexed, never named in a Referer header."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return never_cache(wrapped)


def _with_case(view):
    """Give the view the case its link opens; any link that opens none gets the one "link does not work" page."""

    @wraps(view)
    def wrapped(request, token, *args, **kwargs):
        link = StatusLink.objects.opening(token)
        if link is None:
            # Its language links lead to the home pages: a link to the same address would repeat the token.
            return render(request, "workflows/portal/link_invalid.html", status=404)
        return view(request, link.submission, token, *args, **kwargs)

    return wrapped


def _status_url(token: str) -> str:
    return reverse("workflows:status", args=[token])


class StatusPage:
    """What the status page shows of a case, read in the visitor's language."""

    def __init__(self, case, token: str, bound_forms=None):
        self.case, self.token = case, token
        self.bound_forms = bound_forms or {}
        self.language = get_language()

    def answers(self) -> list[dict]:
        reader = AnswerReader(self.language)
        rows = []
        for field in self.case.definition.fields:
            value = self.case.answers.get(field["key"])
            files = value if field["type"] == "file" and isinstance(value, list) else []
            rows.append(
                {
                    "label": reader.label(field),
                    "value": "" if files else reader.display(field, value),
                    "files": [(item.get("name", ""), self.file_url(item.get("file", ""))) for item in files],
                    "is_long": field["type"] == "multiline",
                }
            )
        return rows

    def file_url(self, file_id: str) -> str:
        return reverse("workflows:status_file", args=[self.token, file_id])

    def decisions(self) -> list[dict]:
        """The issued decisions, newest first; each earlier version is marked as replaced."""
        issued = Decision.objects.filter(submission_id=self.case.pk, status=Decision.Status.ISSUED).order_by("-version")
        return [
            {
                "decision": decision,
                "kind": DecisionKind(decision.kind).label,
                "url": reverse("workflows:status_decision", args=[self.token, decision.version]),
                "replaced": index > 0,
            }
            for index, decision in enumerate(issued)
        ]

    def steps(self) -> list[dict]:
        steps = []
        for transition in applicant_steps(self.case):
            confirm = transition.custom.get("confirm")
            steps.append(
                {
                    "name": transition.name,
                    "label": transition.custom["label"],
                    "form": self.bound_forms.get(transition.name) or step_form(self.case, transition),
                    "confirm": confirm,
                    "url": reverse("workflows:status_step", args=[self.token, transition.name]),
                }
            )
        return steps

    def context(self, **extra) -> dict:
        case = self.case
        state = public_state(case.state)
        timeline = public_timeline(case)
        return {
            "case": case,
            "form_title": form_title(case.form_key, self.language) or case.form_title,
            "state_title": state.title,
            "state_text": state.text,
            "state_tone": public_tone(case.state),
            "question": open_question(case),
            "answers": self.answers(),
            "timeline": [
                {"event": event, "files": [(name, self.file_url(file_id)) for name, file_id in event.files]}
                for event in timeline
            ],
            "decisions": self.decisions(),
            "steps": self.steps(),
            "status_url": _status_url(self.token),
            "translatable_url": True,
            **extra,
        }


@private_page
@require_http_methods(["GET", "HEAD"])
@_with_case
def status(request, case, token):
    done = request.GET.get("done") == "1"
    context = StatusPage(case, token).context(done=done)
    return render(request, "workflows/portal/status.html", context)


@csrf_exempt
@private_page
@require_http_methods(["GET", "HEAD", "POST"])
@_with_case
def status_step(request, case, token, step):
    """A step of the applicant's: steps that cannot be undone ask on a page of their own first; the others are
    sent from the status page. Errors show the form again with what is wrong; nothing is stored then.

    Exempt from Django's CSRF check, which would refuse every step: under `Referrer-Policy: no-referrer` browsers
    send `Origin: null` with the form. The secret token in the address does the check's work: a request forged by
    another site must name it, and whoever knows it can open the page anyway."""
    transition = next((t for t in applicant_steps(case) if t.name == step), None)
    page = StatusPage(case, token)
    if transition is None:
        context = page.context(refusal=_("This step is not possible for your case now."))
        return render(request, "workflows/portal/status.html", context, status=409)
    if request.method != "POST":
        if not transition.custom.get("confirm"):
            return HttpResponseRedirect(f"{_status_url(token)}#step-{step}")
        return _confirm_page(request, page, transition, step_form(case, transition))
    if request_too_large(request):
        return _too_large_page(request, page)
    try:
        form = step_form(case, transition, request.POST, request.FILES)
        applicant_step(
            case=case,
            name=step,
            seen_state=request.POST.get("state", ""),
            data=request.POST,
            files=request.FILES,
        )
    except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent):
        return _too_large_page(request, page)
    except CaseChanged:
        case = Submission.objects.get(pk=case.pk)  # as it is now
        message = _("Your case has changed in the meantime; please read it again below. Nothing was sent.")
        return render(
            request, "workflows/portal/status.html", StatusPage(case, token).context(refusal=message), status=409
        )
    except TransitionRefused as refusal:
        if not refusal.errors:
            context = page.context(refusal=refusal.message)
            return render(request, "workflows/portal/status.html", context, status=409)
        if transition.custom.get("confirm"):
            return _confirm_page(request, page, transition, form, status=400)
        page.bound_forms[step] = form
        context = page.context(invalid=form)
        return render(request, "workflows/portal/status.html", context, status=400)
    return HttpResponseRedirect(f"{_status_url(token)}?done=1", status=303)


def _confirm_page(request, page, transition, form, status=200):
    context = page.context(step=transition.custom, step_name=transition.name, form=form)
    return render(request, "workflows/portal/confirm_step.html", context, status=status)


def _too_large_page(request, page):
    context = page.context(refusal=_("What you sent is too large. Please send fewer or smaller files."))
    return render(request, "workflows/portal/status.html", context, status=413)


@private_page
@require_http_methods(["GET", "HEAD"])
@_with_case
def status_file(request, case, token, file_id):
    """A file of this case, and only of this case."""
    record = SubmissionFile.objects.filter(submission_id=case.pk, pk=file_id).first()
    if record is None:
        raise Http404
    return private_file_response(record.file.open("rb"), record.original_name)


@private_page
@require_http_methods(["GET", "HEAD"])
@_with_case
def status_decision(request, case, token, version):
    """An issued decision of this case, and only of this case."""
    if not 0 < version <= MAX_VERSION:
        raise Http404
    decision = (
        Decision.objects.select_related("submission")
        .filter(submission_id=case.pk, version=version, status=Decision.Status.ISSUED)
        .first()
    )
    if decision is None:
        raise Http404
    return private_file_response(decision.file.open("rb"), decision.file_name)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def lost_link(request):
    """Ask for one's status links by email address. The answer reads the same whether the address is known or not,
    and takes the same time: the links are looked up and sent by the worker."""
    context = {"translatable_url": True}
    if request.method != "POST":
        return render(request, "workflows/portal/lost_link.html", {**context, "form": LostLinkForm()})
    form = LostLinkForm(request.POST)
    if not form.is_valid():
        return render(request, "workflows/portal/lost_link.html", {**context, "form": form}, status=400)
    if not within_limit(f"lost-links:{client_address(request)}", settings.STATUS_LINK_RATE_LIMIT):
        context.update(form=form, refusal=_("You asked for links many times in a short time. Please try again later."))
        return render(request, "workflows/portal/lost_link.html", context, status=429)
    address = form.cleaned_data["email"].strip().lower()
    if within_limit(f"lost-links-to:{address}", settings.STATUS_LINK_RATE_LIMIT):
        send_status_links.enqueue(address, get_language())
    return render(request, "workflows/portal/lost_link_sent.html", {**context, "email": address})
