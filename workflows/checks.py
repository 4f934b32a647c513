"""`manage.py check` refuses workflows that would strand cases."""

from django.core import checks


def workflow_errors(workflows) -> list[checks.Error]:
    from .definitions.graph import problems

    return [
        checks.Error(f"Workflow “{name}”: {problem}", obj=case_class, id="workflows.E001")
        for name, case_class in workflows.items()
        for problem in problems(case_class)
    ]


@checks.register()
def check_workflows(app_configs=None, **kwargs):
    from .definitions.registry import WORKFLOWS

    return workflow_errors(WORKFLOWS)
