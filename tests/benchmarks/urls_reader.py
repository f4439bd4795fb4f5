"""The site's URLs plus a trivial constant view: the baseline of the reader benchmarks."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site


def constant(request):
    return HttpResponse("<!DOCTYPE html><title>Concord</title><p>Constant page.</p>")


urlpatterns = [path("bench/constant/", constant), *site]
