from django.urls import path

from . import autocomplete, views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("autocomplete/", autocomplete.autocomplete, name="autocomplete"),
]
