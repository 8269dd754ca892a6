"""Search backends that apply search.italian to indexed text and to queries."""
