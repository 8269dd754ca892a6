def delete_attachment(sender, instance, **kwargs):
    """A deleted report takes its attachment with it (a citizen's file is kept no longer
    than the report)."""
    if instance.attachment:
        instance.attachment.delete(save=False)
