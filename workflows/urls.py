from django.urls import path

from workflows import views
from workflows.portal import views as portal

app_name = "workflows"

urlpatterns = [
    path("files/<uuid:file_id>/", views.submission_file, name="submission_file"),
    path("decisions/<str:token>/", views.decision_download, name="decision_download"),
    path("status/", portal.lost_link, name="lost_link"),
    path("status/<str:token>/", portal.status, name="status"),
    path("status/<str:token>/steps/<slug:step>/", portal.status_step, name="status_step"),
    path("status/<str:token>/files/<uuid:file_id>/", portal.status_file, name="status_file"),
    path("status/<str:token>/decisions/<int:version>/", portal.status_decision, name="status_decision"),
]
