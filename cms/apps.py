"""The project package as a Django app: project-wide management commands."""

from django.apps import AppConfig


class CmsConfig(AppConfig):
    """Settings, URLs and the API router's registration; owns no models."""

    name = "cms"
    label = "cms"
    verbose_name = "Treatment CMS"
