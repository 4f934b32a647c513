"""A workflow as a graph: the edges its transitions make, how far each state is from the start, and what is wrong.

The problem texts are for developers (`manage.py check`), like Django's own checks, and are not translated.
"""

from collections import deque
from dataclasses import dataclass

from .states import CaseState

STATE_LABELS = dict(CaseState.choices)


@dataclass(frozen=True)
class Edge:
    name: str
    source: str
    target: str
    label: str
    roles: tuple[str, ...]


def edges(case_class) -> list[Edge]:
    return [
        Edge(
            name=transition.name,
            source=transition.source,
            target=transition.target,
            label=str(transition.custom.get("label", "")),
            roles=case_class.transition_roles(transition),
        )
        for transition in case_class.all_transitions()
    ]


def distances(case_class) -> dict[str, int]:
    """The fewest transitions from the first state to each reachable state."""
    graph = edges(case_class)
    distance = {case_class.states[0]: 0}
    queue = deque(distance)
    while queue:
        state = queue.popleft()
        for edge in graph:
            if edge.source == state and edge.target not in distance:
                distance[edge.target] = distance[state] + 1
                queue.append(edge.target)
    return distance


def depths(case_class) -> dict[str, int]:
    """The most transitions from the first state to each reachable state, not counting steps that lead back to a
    state on the way (answering a query, sending back): drawn in rows by depth, every other step goes down."""
    successors: dict[str, list[str]] = {}
    for edge in edges(case_class):
        successors.setdefault(edge.source, []).append(edge.target)
    finished, active, leading_back = [], set(), set()

    def visit(state):
        active.add(state)
        for target in successors.get(state, []):
            if target in active:
                leading_back.add((state, target))
            elif target not in active and target not in finished:
                visit(target)
        active.discard(state)
        finished.append(state)

    start = case_class.states[0]
    visit(start)
    depth = {start: 0}
    for state in reversed(finished):  # every state after all states that lead to it
        for target in successors.get(state, []):
            if (state, target) not in leading_back:
                depth[target] = max(depth.get(target, 0), depth[state] + 1)
    return depth


def layers(case_class) -> list[list[str]]:
    """States in rows by depth, final states last, each row in the workflow's order."""
    depth = depths(case_class)
    open_states = [state for state in case_class.states if state not in case_class.final_states]
    by_distance: dict[int, list[str]] = {}
    for state in open_states:
        by_distance.setdefault(depth.get(state, 0), []).append(state)
    final = [state for state in case_class.states if state in case_class.final_states]
    return [by_distance[key] for key in sorted(by_distance)] + ([final] if final else [])


def problems(case_class) -> list[str]:
    """What makes a workflow invalid: unlabelled states or transitions, states it does not declare, states no path
    reaches, and open states without a way out."""
    graph = edges(case_class)
    declared = set(case_class.states)
    found = [f"transition {edge.name!r} has no label" for edge in graph if not edge.label]
    found += [
        f"transition {edge.name!r} uses the undeclared state {str(state)!r}"
        for edge in graph
        for state in (edge.source, edge.target)
        if state not in declared
    ]
    reachable = distances(case_class)
    for state in case_class.states:
        name = repr(str(state))
        if not STATE_LABELS.get(state):
            found.append(f"state {name} has no label")
        if state not in reachable:
            found.append(f"state {name} cannot be reached")
        if state not in case_class.final_states and not any(edge.source == state for edge in graph):
            found.append(f"state {name} is not final but has no way out")
    return found
