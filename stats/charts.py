"""Server-rendered SVG charts: geometry computed here, markup in templates/stats/includes/.

Every chart is an <svg role="img"> named by its <title> and described by a <desc> that lists
every value, and is followed by the same figures as a table: readable without JavaScript,
without CSS and by screen readers. No inline style or script (the CSP allows neither).
"""

import math
from dataclasses import dataclass, field

from django.utils import formats

WIDTH = 640
HEIGHT = 280
LEFT = 72
RIGHT = 16
TOP = 28
BOTTOM = 44
LABEL_CHARS = 26


def number(value):
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def nice_ceiling(value):
    """The smallest 1, 2 or 5 × 10^k at or above `value` (an axis maximum people can read)."""
    if value <= 0:
        return 1
    exponent = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * exponent:
            return step * exponent
    return 10 * exponent  # pragma: no cover - the loop always returns


def axis(max_value, most_steps=4):
    """(top, steps) of a value axis whose ticks fall on round numbers: the step is 1, 2 or
    5 × 10^k (never below 1: the figures are counts), and at most `most_steps` steps reach
    `max_value`. 38 → 0, 10, 20, 30, 40; 288.008 → 0, 100.000, 200.000, 300.000."""
    step = max(1, nice_ceiling(max_value / most_steps))
    steps = max(1, math.ceil(max_value / step))
    return step * steps, steps


def shorten(label, limit=LABEL_CHARS):
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


@dataclass
class Tick:
    y: float
    display: str


@dataclass
class Mark:
    label: str
    value: int
    display: str
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0
    label_x: float = 0
    label_y: float = 0
    value_x: float = 0
    value_y: float = 0
    short_label: str = ""
    show_label: bool = True


@dataclass
class Chart:
    kind: str
    id: str
    title: str
    description: str
    value_heading: str
    label_heading: str
    marks: list = field(default_factory=list)
    ticks: list = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: int = LEFT
    plot_right: int = WIDTH - RIGHT
    plot_bottom: int = HEIGHT - BOTTOM
    tick_x: int = LEFT - 8
    points: str = ""

    @property
    def is_empty(self):
        return not self.marks


def _chart(kind, chart_id, title, items, value_heading, label_heading, height=HEIGHT):
    marks = [
        Mark(label=str(label), value=int(value), display=number(int(value)))
        for label, value in items
    ]
    summary = "; ".join(f"{mark.label}: {mark.display}" for mark in marks)
    return Chart(
        kind=kind,
        id=chart_id,
        title=str(title),
        description=summary,
        value_heading=str(value_heading),
        label_heading=str(label_heading),
        marks=marks,
        height=height,
        plot_bottom=height - BOTTOM,
    )


def _value_ticks(chart, top_value, steps):
    plot_height = chart.plot_bottom - TOP
    chart.ticks = [
        Tick(
            y=round(chart.plot_bottom - plot_height * i / steps, 1),
            display=number(top_value * i // steps),
        )
        for i in range(steps + 1)
    ]
    return plot_height


def bar_chart(chart_id, title, items, *, value_heading, label_heading):
    """Vertical bars for a few categories with short labels (levels, years)."""
    chart = _chart("bar", chart_id, title, items, value_heading, label_heading)
    if chart.is_empty:
        return chart
    top_value, steps = axis(max(mark.value for mark in chart.marks))
    plot_height = _value_ticks(chart, top_value, steps)
    slot = (chart.plot_right - LEFT) / len(chart.marks)
    for index, mark in enumerate(chart.marks):
        mark.width = round(slot * 0.6, 1)
        mark.height = round(plot_height * mark.value / top_value, 1)
        mark.x = round(LEFT + slot * index + slot * 0.2, 1)
        mark.y = round(chart.plot_bottom - mark.height, 1)
        mark.label_x = mark.value_x = round(mark.x + mark.width / 2, 1)
        mark.label_y = chart.plot_bottom + 18
        mark.value_y = round(mark.y - 6, 1)
        mark.short_label = shorten(mark.label, max(6, int(slot // 7)))
    return chart


def horizontal_bar_chart(chart_id, title, items, *, value_heading, label_heading):
    """One row per category, for many categories or long labels (fields of procedures)."""
    row = 26
    height = TOP + row * max(1, len(items)) + 12
    chart = _chart("hbar", chart_id, title, items, value_heading, label_heading, height=height)
    if chart.is_empty:
        return chart
    left = 200
    top_value = max(mark.value for mark in chart.marks) or 1
    usable = chart.plot_right - left - 64
    chart.plot_left = left
    for index, mark in enumerate(chart.marks):
        mark.x = left
        mark.y = TOP + row * index
        mark.height = row - 8
        mark.width = round(usable * mark.value / top_value, 1)
        mark.label_x = left - 8
        mark.label_y = mark.value_y = round(mark.y + mark.height / 2 + 5, 1)
        mark.value_x = round(left + mark.width + 6, 1)
        mark.short_label = shorten(mark.label)
    return chart


def line_chart(chart_id, title, items, *, value_heading, label_heading, max_labels=8):
    """A line through ordered points (months, days); every point keeps its own <title>."""
    chart = _chart("line", chart_id, title, items, value_heading, label_heading)
    if chart.is_empty:
        return chart
    top_value, steps = axis(max(mark.value for mark in chart.marks))
    plot_height = _value_ticks(chart, top_value, steps)
    count = len(chart.marks)
    step = (chart.plot_right - LEFT - 20) / max(1, count - 1)
    every = max(1, math.ceil(count / max_labels))
    for index, mark in enumerate(chart.marks):
        mark.x = round(LEFT + 10 + step * index, 1)
        mark.y = round(chart.plot_bottom - plot_height * mark.value / top_value, 1)
        mark.label_x = mark.value_x = mark.x
        mark.label_y = chart.plot_bottom + 18
        mark.value_y = round(mark.y - 8, 1)
        mark.short_label = shorten(mark.label, 10)
        mark.show_label = (count - 1 - index) % every == 0  # the latest point always named
    chart.points = " ".join(f"{mark.x},{mark.y}" for mark in chart.marks)
    return chart
