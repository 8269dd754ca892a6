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


@task()
def deliver_webhook(delivery_id):
    """One attempt at a publish webhook (cms/webhooks.py); a failure queues the next attempt
    later, where the task backend can defer (the database and RQ backends), else at once."""
    from django.utils import timezone
    from django_tasks import task_backends

    from cms.webhooks import deliver

    delay = deliver(delivery_id)
    if delay is None:
        return "done"
    again = deliver_webhook
    if task_backends[again.backend].supports_defer:
        again = again.using(run_after=timezone.now() + delay)
    again.enqueue(delivery_id)
    return f"retry in {delay}"
