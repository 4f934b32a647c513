"""Bar charts drawn on the server as SVG: no script and nothing loaded from elsewhere, readable without colour
(every bar carries its figure) and backed by a table with the same numbers."""

from dataclasses import dataclass
from decimal import Decimal

from workflows.money import euros

LABEL_WIDTH = 190
BAR_AREA = 520
FIGURE_WIDTH = 110
BAR_HEIGHT = 14
GROUP_GAP = 14


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    colour: str  # contrast ≥ 3:1 against white, as WCAG asks of graphics


@dataclass(frozen=True)
class Bar:
    y: int
    width: int
    colour: str
    figure: str
    label: str


@dataclass(frozen=True)
class Group:
    label: str
    y: int
    bars: tuple[Bar, ...]


def grouped_bars(rows: list[dict], series: list[Series], label_of) -> dict:
    """Geometry of a horizontal bar chart: one group of bars per row, one bar per series, scaled to the largest
    amount. `label_of(row)` names a group."""
    largest = max((row[s.key] for row in rows for s in series), default=Decimal(0)) or Decimal(1)
    groups, y = [], 0
    for row in rows:
        bars = tuple(
            Bar(
                y=y + index * BAR_HEIGHT,
                width=max(int(row[s.key] / largest * BAR_AREA), 1 if row[s.key] else 0),
                colour=s.colour,
                figure=euros(row[s.key]),
                label=s.label,
            )
            for index, s in enumerate(series)
        )
        groups.append(Group(label=label_of(row), y=y, bars=bars))
        y += len(series) * BAR_HEIGHT + GROUP_GAP
    return {
        "groups": groups,
        "series": series,
        "width": LABEL_WIDTH + BAR_AREA + FIGURE_WIDTH,
        "height": max(y, 1),
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
    }
