"""The permission matrix: every transition fired by every kind of person; only those the workflow names succeed."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from demo.cases import WALKS, sample_data, sample_files, walks_to_every_state
from tests.factories import UserFactory, workflow_setup
from workflows.definitions.registry import workflow_class
from workflows.definitions.roles import Actor
from workflows.models import AuditEntry, FormPage, Submission
from workflows.selectors.access import staff_actor
from workflows.services import TransitionRefused, submission_transition

pytestmark = pytest.mark.django_db

PEOPLE = ["anonymous", "applicant", "reviewer", "approver", "other office", "superuser", "system"]
STAFF = {"reviewer", "superuser"}
LEADS = {"approver", "superuser"}
APPLICANT = {"applicant"}

# Who may take each step, written out from the issue rather than read from the workflow modules.
GRANT_RULES = {
    "take": STAFF,
    "request_information": STAFF,
    "answer_query": APPLICANT,
    "recommend_approval": STAFF,
    "recommend_rejection": STAFF,
    "send_back": LEADS,
    "approve": LEADS,
    "reject": LEADS,
    "issue_decision": STAFF,
    "pay": STAFF,
    "close_rejected": STAFF,
    "submit_proof_of_use": APPLICANT,
    "accept_proof_of_use": STAFF,
    "request_repayment": STAFF,
    "confirm_repayment": STAFF,
    "withdraw": APPLICANT,
}
RULES = {
    "grant": GRANT_RULES,
    "internship": {**GRANT_RULES, "record_placement": STAFF},
    "advice": {"take": STAFF, "answer": STAFF, "close": STAFF},
    "registration": {"cancel": STAFF | APPLICANT, "promote": {"system"}},
}


def _actor(setup, person, case) -> Actor:
    users = {
        "anonymous": AnonymousUser(),
        "reviewer": setup.reviewer,
        "approver": setup.approver,
        "other office": setup.outsider,
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }
    if person == "applicant":
        return Actor.applicant("Anna Beispiel")
    if person == "system":
        return Actor.system()
    return staff_actor(users[person], case)


def _cases_in_every_state(setup, workflow):
    if workflow == "registration":
        # One place: the first is confirmed, the second waits; then a second place opens, so it may move up.
        cases = [setup.new_case(), setup.new_case()]
        FormPage.objects.filter(pk=setup.page.pk).update(places=2)
        return [Submission.objects.get(pk=case.pk) for case in cases]
    walks = walks_to_every_state(workflow_class(workflow), WALKS[workflow])
    if workflow in ("grant", "internship"):  # a decision that was a rejection offers other steps
        walks.append(["take", "recommend_rejection", "reject", "issue_decision"])
    return [setup.case_after(*walk) for walk in walks]


@pytest.mark.parametrize("workflow", ["grant", "internship", "advice", "registration"])
def test_only_the_people_a_step_names_can_take_it(workflow):
    setup = workflow_setup(workflow, places=1)
    rules = RULES[workflow]
    tried = set()
    for case in _cases_in_every_state(setup, workflow):
        for transition in case.get_available_state_transitions():
            tried.add(transition.name)
            for person in PEOPLE:
                fresh = Submission.objects.get(pk=case.pk)
                entries_before = AuditEntry.objects.count()
                with transaction.atomic():
                    try:
                        submission_transition(
                            submission=fresh,
                            name=transition.name,
                            actor=_actor(setup, person, fresh),
                            data=sample_data(transition.name, fresh),
                            files=sample_files(transition.name),
                        )
                        succeeded = True
                    except TransitionRefused:
                        succeeded = False
                        assert AuditEntry.objects.count() == entries_before
                    transaction.set_rollback(True)
                assert succeeded == (person in rules[transition.name]), (transition.name, case.state, person)
    assert tried == set(rules)
