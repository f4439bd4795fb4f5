"""Review pages inside the admin's look: the workbench, its actions, history, "My work"."""

from translations.review.views.endpoints import ActionView
from translations.review.views.moving import CheckStatusView, NextView, RowsView
from translations.review.views.pages import HistoryView, MyWorkView, UnitHistoryView
from translations.review.views.workbench import WorkbenchView

__all__ = [
    "ActionView",
    "CheckStatusView",
    "HistoryView",
    "MyWorkView",
    "NextView",
    "RowsView",
    "UnitHistoryView",
    "WorkbenchView",
]
