from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("valutazione/", views.page_feedback, name="page_feedback"),
    path("segnala-disservizio/", views.report_inefficiency, name="report_inefficiency"),
    path("segnala-disservizio/grazie/", views.report_thanks, name="report_thanks"),
]
