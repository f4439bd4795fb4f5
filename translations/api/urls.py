"""``/api/v1/``: the staff's resources."""

urlpatterns = []
