from django.urls import path

from workflows import views

app_name = "workflows"

urlpatterns = [
    path("files/<uuid:file_id>/", views.submission_file, name="submission_file"),
    path("decisions/<str:token>/", views.decision_download, name="decision_download"),
]
