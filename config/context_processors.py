"""Template context every page gets from the project."""

from config import limits as _limits


def limits(request):
    """Give templates the limits as ``limits.MAX_…``, so a form's maxlength is never typed."""
    return {
        "limits": {name: value for name, value in vars(_limits).items() if name.startswith("MAX_")}
    }
