"""The project's URLs plus one API endpoint that writes what it is sent (for the size tests)."""

from django.urls import path
from rest_framework.response import Response
from rest_framework.views import APIView

from config.urls import urlpatterns as project

WRITE_PATH = "/api/v1/test-write/"


class TopicWriteView(APIView):
    """Create a topic from the body (JSON, or a form with a file whose size names it)."""

    def post(self, request):
        from records.models import Topic

        upload = request.FILES.get("file")
        slug = f"upload-{upload.size}" if upload else request.data["slug"]
        Topic.objects.create(slug=slug, name=slug)
        return Response({"slug": slug}, status=201)


urlpatterns = [path(WRITE_PATH.strip("/") + "/", TopicWriteView.as_view()), *project]
