from django.urls import path

from .views import AttendanceSheetView, CompositionView

urlpatterns = [
    path(
        "registro-reti/<int:pk>/composizione/",
        CompositionView.as_view(),
        name="network_composition",
    ),
    path(
        "registro-reti/<int:pk>/presenze/",
        AttendanceSheetView.as_view(),
        name="network_attendance",
    ),
]
