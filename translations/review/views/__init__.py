"""Review pages inside the admin's look: the workbench, its actions, history, "My work"."""

from .endpoints import ActionView
from .pages import HistoryView, MyWorkView, UnitHistoryView
from .workbench import WorkbenchView

__all__ = ["ActionView", "HistoryView", "MyWorkView", "UnitHistoryView", "WorkbenchView"]
