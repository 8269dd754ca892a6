"""Background work of the privacy guard, run by the task worker."""

from django_tasks import task


@task()
def expire_personal_data():
    """Unpublish content whose confirmed personal data reached the end of its publication
    period, and list it for review (report "Dati personali confermati", state "scaduto")."""
    from .guard import expire_due

    handled = expire_due()
    return f"{len(handled)} pubblicazioni di dati personali scadute"
