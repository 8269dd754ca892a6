"""Template context of every page."""

from cms.response_cache import generation


def content_generation(request):
    """The content generation, that cached fragments (header, footer) are keyed by."""
    return {"content_generation": generation()}
