"""The registry in the Wagtail admin: viewsets, per-network permissions, the composition page,
attendance sheets and the dashboard panel of gaps."""
