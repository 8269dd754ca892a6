"""Background work of the publishing side, run by the task worker (never in a request)."""

import io

from django.core.management import call_command
from django_tasks import task


@task()
def publish_scheduled_content():
    """Publish revisions whose go-live time has come and unpublish expired pages.

    Wraps Wagtail's own ``publish_scheduled`` so the work is recorded as a task result.
    """
    output = io.StringIO()
    call_command("publish_scheduled", stdout=output)
    return output.getvalue()
