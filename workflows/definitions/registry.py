"""The workflows there are. A case is handled as the proxy class of its submission's workflow."""

from .advice import AdviceCase
from .grant import GrantCase
from .internship import InternshipCase
from .registration import RegistrationCase

WORKFLOWS = {
    case_class.workflow_name: case_class for case_class in (GrantCase, InternshipCase, RegistrationCase, AdviceCase)
}
DEFAULT_WORKFLOW = AdviceCase.workflow_name


def workflow_class(name: str):
    """The case class of workflow `name`; LookupError for a name no module declares."""
    try:
        return WORKFLOWS[name]
    except KeyError:
        raise LookupError(f"No workflow is called {name!r}.") from None


def workflow_choices() -> list[tuple[str, str]]:
    return [(name, case_class.workflow_label) for name, case_class in WORKFLOWS.items()]


def as_case(submission):
    """The same row, seen as a case of its workflow (with its transitions)."""
    case_class = workflow_class(submission.workflow)
    if isinstance(submission, case_class):
        return submission
    names = [field.attname for field in submission._meta.concrete_fields]
    return case_class.from_db(submission._state.db, names, [getattr(submission, name) for name in names])


#: States in which no workflow lets a case move on; every other case is open.
FINAL_STATES = frozenset().union(*(case_class.final_states for case_class in WORKFLOWS.values()))
