from django.urls import path

from . import feeds, views

app_name = "records"

urlpatterns = [
    path("", views.release_list, name="release_list"),
    path("search/", views.search, name="search"),
    path("feed/", feeds.reader_feed(feeds.LatestReleasesFeed()), name="feed"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path(
        "topics/<slug:slug>/feed/",
        feeds.reader_feed(feeds.TopicReleasesFeed()),
        name="topic_feed",
    ),
    path("releases/<slug:slug>/", views.release_detail, name="release_detail"),
    path("releases/<slug:slug>/compare/", views.release_compare, name="release_compare"),
]
