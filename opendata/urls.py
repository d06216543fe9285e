"""/api/v1/: news, published answers and the OpenAPI document of the whole API (the
procedure and visit endpoints keep their routes in procedures/ and stats/)."""

from django.urls import path

from opendata import news, questions, views

urlpatterns = [
    path("api/v1/openapi.json", views.OpenAPIDocument.as_view(), name="openapi"),
    path("api/v1/news/", news.NewsList.as_view(), name="news-api-list"),
    path("api/v1/news/<int:pk>/", news.NewsDetail.as_view(), name="news-api-detail"),
    path("api/v1/questions/", questions.QuestionList.as_view(), name="questions-api-list"),
    path(
        "api/v1/questions/<int:pk>/",
        questions.QuestionDetail.as_view(),
        name="questions-api-detail",
    ),
]
