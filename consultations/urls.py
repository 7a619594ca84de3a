"""The site's consultation pages: the form and its confirmation."""

from django.urls import path

from . import views

app_name = "consultations"

urlpatterns = [
    path("", views.consultation, name="form"),
    path("thanks/", views.thanks, name="thanks"),
]
