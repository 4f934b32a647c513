"""A workflow drawn as SVG, laid out here so that servers need no Graphviz: states in rows by their distance from
the start (final states last), transitions as curves coloured by the role that fires them.

A step open from many states (withdrawing, cancelling) would cross the whole drawing; it is shown instead as a note
inside each state it leaves from, naming where it leads.
"""

import textwrap
from collections import Counter
from dataclasses import dataclass

from workflows.definitions.graph import STATE_LABELS, edges, layers
from workflows.definitions.roles import Role

NODE_WIDTH, NODE_HEIGHT = 240, 50
COLUMN_GAP, ROW_GAP = 40, 80
MARGIN = 24
#: Room left and right of the states for the arrows that lead back and their labels.
SIDE = 150
#: Labels beside the states (of arrows that lead back) wrap after about this many characters.
SIDE_LABEL_CHARACTERS = 18
#: A step leaving from this many states or more is drawn as tags, not arrows.
SHORTCUT_SOURCES = 3
# Dark enough for text on white (WCAG AA) and told apart by hue and by line style.
ROLE_STYLES = {
    Role.APPLICANT: ("#1d6b4f", ""),
    Role.REVIEWER: ("#0b57a4", ""),
    Role.APPROVER: ("#7b2f93", ""),
    Role.SYSTEM: ("#595959", "6 4"),
}


@dataclass(frozen=True)
class Note:
    """A step open from many states, noted inside each of them: "→ Withdrawn"."""

    text: str
    colour: str
    title: str


@dataclass
class Node:
    state: str
    label: str
    x: float
    y: float
    final: bool
    notes: list[Note]

    @property
    def text_x(self) -> float:
        return self.x + NODE_WIDTH / 2

    @property
    def text_y(self) -> float:
        return self.y + (NODE_HEIGHT / 2 - 3 if self.notes else NODE_HEIGHT / 2 + 5)

    @property
    def note_y(self) -> float:
        return self.y + NODE_HEIGHT - 9


@dataclass(frozen=True)
class Arrow:
    path: str
    role: str
    colour: str
    dash: str
    label: str
    label_x: float
    label_y: float
    title: str
    anchor: str = "middle"

    @property
    def label_lines(self) -> list[str]:
        """The label, in lines short enough to fit beside the states when it stands there."""
        if self.anchor == "middle":
            return [self.label] if self.label else []
        return textwrap.wrap(self.label, SIDE_LABEL_CHARACTERS, break_long_words=False)


@dataclass(frozen=True)
class Diagram:
    width: float
    height: float
    nodes: list[Node]
    arrows: list[Arrow]
    legend: list[tuple[str, str, str, str]]
    node_width: int = NODE_WIDTH
    node_height: int = NODE_HEIGHT


def _point_on_curve(start, control1, control2, end, t):
    """A point on a cubic Bézier curve, for placing labels where fanned-out arrows are apart."""
    return tuple(
        (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t**2 * c + t**3 * d
        for a, b, c, d in zip(start, control1, control2, end, strict=True)
    )


def _arrow_path(source: Node, target: Node, centre: float) -> tuple[str, float, float, str]:
    """An SVG path from source to target, and where its label goes (x, y, text-anchor)."""
    skips_rows = target.y - source.y > NODE_HEIGHT + ROW_GAP
    if target.y > source.y and not skips_rows:  # forward: bottom edge to top edge, label nearer the target
        start = (source.x + NODE_WIDTH / 2, source.y + NODE_HEIGHT)
        end = (target.x + NODE_WIDTH / 2, target.y)
        bend = (end[1] - start[1]) / 2
        control1, control2 = (start[0], start[1] + bend), (end[0], end[1] - bend)
        x, y = _point_on_curve(start, control1, control2, end, 0.62 if start[0] != end[0] else 0.45)
        path = f"M{start[0]},{start[1]} C{control1[0]},{control1[1]} {control2[0]},{control2[1]} {end[0]},{end[1]}"
        return path, x, y + 4, "middle"
    if target.y == source.y:  # within a row: facing sides
        left_to_right = target.x > source.x
        x1 = source.x + (NODE_WIDTH if left_to_right else 0)
        x2 = target.x + (0 if left_to_right else NODE_WIDTH)
        y = source.y + NODE_HEIGHT / 2
        return f"M{x1},{y} L{x2},{y}", (x1 + x2) / 2, y - 6, "middle"
    # backward, or forward past other rows: out of the outer side (away from the centre line) and along it; into
    # the same side of an earlier state, or down the gap above a later one and into its top
    on_right = source.x + NODE_WIDTH / 2 >= centre
    side = NODE_WIDTH if on_right else 0
    x1, y1 = source.x + side, source.y + NODE_HEIGHT / 2
    reach_offset = COLUMN_GAP * 1.2 if on_right else -COLUMN_GAP * 1.2
    anchor, label_offset = ("start", 6) if on_right else ("end", -6)
    if target.y > source.y:
        x2, y2 = target.x + NODE_WIDTH / 2, target.y
        reach = (max if on_right else min)(x1, x2) + reach_offset
        gap = y2 - ROW_GAP / 2
        path = f"M{x1},{y1} Q{reach},{y1} {reach},{y1 + 25} L{reach},{gap - 20} Q{reach},{gap} {x2},{gap} L{x2},{y2}"
        return path, reach + label_offset, (y1 + gap) / 2, anchor
    x2, y2 = target.x + side, target.y + NODE_HEIGHT / 2
    reach = (max if on_right else min)(x1, x2) + reach_offset
    path = f"M{x1},{y1} C{reach},{y1} {reach},{y2} {x2},{y2}"
    return path, reach + label_offset, (y1 + y2) / 2, anchor


def diagram(case_class) -> Diagram:
    rows = layers(case_class)
    widest = max(len(row) for row in rows)
    width = 2 * (MARGIN + SIDE) + widest * NODE_WIDTH + (widest - 1) * COLUMN_GAP
    nodes = {}
    for row_index, row in enumerate(rows):
        row_width = len(row) * NODE_WIDTH + (len(row) - 1) * COLUMN_GAP
        left = (width - row_width) / 2
        for column, state in enumerate(row):
            nodes[state] = Node(
                state=state,
                label=str(STATE_LABELS[state]),
                x=left + column * (NODE_WIDTH + COLUMN_GAP),
                y=MARGIN + row_index * (NODE_HEIGHT + ROW_GAP),
                final=state in case_class.final_states,
                notes=[],
            )
    graph = edges(case_class)
    sources_per_step = Counter(edge.name for edge in graph)
    arrows, labelled = [], set()
    for edge in graph:
        role = edge.roles[0] if edge.roles else Role.SYSTEM
        colour, dash = ROLE_STYLES[role]
        who = ", ".join(str(Role(role).label) for role in edge.roles)
        title = f"{edge.label} ({who}): {STATE_LABELS[edge.source]} → {STATE_LABELS[edge.target]}"
        source = nodes[edge.source]
        if sources_per_step[edge.name] >= SHORTCUT_SOURCES:
            source.notes.append(Note(text=f"→ {STATE_LABELS[edge.target]}", colour=colour, title=title))
            continue
        path, label_x, label_y, anchor = _arrow_path(source, nodes[edge.target], width / 2)
        # One label per step and target: sending back from two states is one step.
        show_label = (edge.name, edge.target) not in labelled
        labelled.add((edge.name, edge.target))
        arrows.append(
            Arrow(
                path=path,
                role=role,
                colour=colour,
                dash=dash,
                label=edge.label if show_label else "",
                label_x=label_x,
                label_y=label_y,
                title=title,
                anchor=anchor,
            )
        )
    height = MARGIN * 2 + len(rows) * NODE_HEIGHT + (len(rows) - 1) * ROW_GAP
    legend = [(role.value, str(role.label), *ROLE_STYLES[role]) for role in case_class.roles]
    return Diagram(width=width, height=height, nodes=list(nodes.values()), arrows=arrows, legend=legend)
