"""The workflows there are. Each is a proxy class of Submission; rows load as their workflow's class."""

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


#: States in which no workflow lets a case move on; every other case is open.
FINAL_STATES = frozenset().union(*(case_class.final_states for case_class in WORKFLOWS.values()))
