"""The clinic's people and place, outside the page tree: they come from Clinic details and snippets."""

from django.urls import path

from . import views

urlpatterns = [
    path("practitioners/<slug:slug>/", views.practitioner_detail, name="practitioner"),
    path("location/", views.location, name="location"),
]
