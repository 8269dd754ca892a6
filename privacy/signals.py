def attach_revision(sender, instance, revision, **kwargs):
    """The form confirms before the revision exists: tie the confirmation to the revision
    that went live with it."""
    from .models import Confirmation

    Confirmation.objects.for_object(instance).filter(revision__isnull=True).update(
        revision=revision
    )
