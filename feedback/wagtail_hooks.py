from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import (
    InefficiencyReportViewSet,
    PageFeedbackViewSet,
    inefficiency_report_policy,
    page_feedback_policy,
)
from .models import InefficiencyReport, PageFeedback

# Before the viewsets are registered, or Wagtail falls back to plain model permissions.
register_permission_policy(PageFeedback, page_feedback_policy)
register_permission_policy(InefficiencyReport, inefficiency_report_policy)


@hooks.register("register_admin_viewset")
def register_feedback_viewsets():
    return [PageFeedbackViewSet(), InefficiencyReportViewSet()]
