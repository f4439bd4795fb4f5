"""The session's benchmark figures, printed together as one table when the run ends.

Every benchmark registers its figures here (``report()`` in ``conftest.py`` does it for the
timing lines); a figure names its baseline, measured in the same run, and may carry a goal: the
largest ratio to that baseline the project aims at.
"""

from dataclasses import dataclass

COLUMNS = ("figure", "value", "baseline", "baseline value", "ratio", "goal", "met?")


@dataclass(frozen=True)
class Figure:
    name: str
    value: float | None
    unit: str = "ms"
    baseline: str = ""
    baseline_value: float | None = None
    goal: float | None = None
    skipped: str = ""

    @property
    def ratio(self):
        if self.value is None or not self.baseline_value:
            return None
        return self.value / self.baseline_value

    @property
    def met(self):
        if self.goal is None or self.ratio is None:
            return None
        return self.ratio <= self.goal


FIGURES: list[Figure] = []
# The parameters of the running benchmark ("units=200"), added to its figures' names so that
# every line of the table names one thing.
CASE = {"parameters": ""}


def figure_add(name, value, unit="ms", baseline="", baseline_value=None, goal=None):
    """Register one measured figure; return it."""
    if CASE["parameters"]:
        name = f"{name} ({CASE['parameters']})"
    figure = Figure(name, value, unit, baseline, baseline_value, goal)
    FIGURES.append(figure)
    return figure


def figure_skip(name, reason):
    """Register a figure this run could not measure, with the reason shown in its row."""
    figure = Figure(name, None, skipped=reason)
    FIGURES.append(figure)
    return figure


def baseline_name(value):
    """Return the name of the newest figure measured as ``value`` (baselines are reported
    before the figures compared with them), or "" when none was."""
    if value is None:
        return ""
    for figure in reversed(FIGURES):
        if figure.value == value:
            return figure.name
    return ""


def _number(value, unit=""):
    if value is None:
        return ""
    digits = 0 if abs(value) >= 1000 else 1 if abs(value) >= 100 else 2
    return f"{value:,.{digits}f} {unit}".rstrip()


def _row(figure):
    if figure.skipped:
        return (figure.name, f"skipped: {figure.skipped}", "", "", "", "", "")
    ratio, met = figure.ratio, figure.met
    return (
        figure.name,
        _number(figure.value, figure.unit),
        figure.baseline,
        _number(figure.baseline_value, figure.unit),
        "" if ratio is None else f"{ratio:.2f}x",
        "" if figure.goal is None else f"<= {figure.goal:g}x",
        "" if met is None else ("yes" if met else "NO"),
    )


def figures_table(figures=None):
    """Return the figures as one Markdown table, one line per figure."""
    rows = [COLUMNS, *(_row(figure) for figure in (FIGURES if figures is None else figures))]
    widths = [max(len(row[column]) for row in rows) for column in range(len(COLUMNS))]

    def line(cells):
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    separator = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(rows[0]), separator, *(line(row) for row in rows[1:])])
