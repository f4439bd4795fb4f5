"""Review pages inside the admin's look: the workbench, its actions, history, "My work"."""

from translations.review.views.context import ConcordanceView, UnitCheckView
from translations.review.views.endpoints import ActionView
from translations.review.views.moving import CheckStatusView, NextView, RowsView
from translations.review.views.pages import HistoryView, MyWorkView, UnitHistoryView
from translations.review.views.workbench import WorkbenchView

__all__ = [
    "ActionView",
    "CheckStatusView",
    "ConcordanceView",
    "HistoryView",
    "MyWorkView",
    "NextView",
    "RowsView",
    "UnitCheckView",
    "UnitHistoryView",
    "WorkbenchView",
]
