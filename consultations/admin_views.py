"""Inbox views that record who looked at a request, and an export safe to open in a spreadsheet."""

from collections import OrderedDict

from django.contrib.admin.utils import lookup_field
from django.db import models
from django.utils.text import capfirst
from wagtail.log_actions import log
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.views import EditView, IndexView, InspectView

from .export import csv_cell, xlsx_cell

VIEW_ACTION = "consultations.view"
EXPORT_ACTION = "consultations.export"


class ConsultationPermissionHelper(PermissionHelper):
    """Requests come from visitors only: nobody creates them in the admin."""

    def user_can_create(self, user):
        return False


class ConsultationIndexView(IndexView):
    """The inbox list; exports are logged per request and carry the stored values (consultations/export.py)."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        for consultation in queryset:
            log(consultation, EXPORT_ACTION, user=self.request.user, data={"format": spreadsheet_format})
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def to_row_dict(self, item):
        # wagtail-modeladmin writes its "-" placeholder for every falsy value (empty text, no treatment,
        # consent False); an export carries the values: empty cells stay empty, False stays False.
        return OrderedDict((field, lookup_field(field, item, self.model_admin)[2]) for field in self.list_export)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return csv_cell(value) if export_format == self.FORMAT_CSV else xlsx_cell(value)


class ConsultationInspectView(InspectView):
    """A request's details in staff words ("Yes"/"No", capitalised labels); every look is audited."""

    def get_field_label(self, field_name, field=None):
        return capfirst(super().get_field_label(field_name, field))

    def get_field_display_value(self, field_name, field=None):
        if isinstance(field, models.BooleanField):
            return "Yes" if getattr(self.instance, field_name) else "No"
        return super().get_field_display_value(field_name, field)

    def get(self, request, *args, **kwargs):
        log(self.instance, VIEW_ACTION, user=request.user)
        return super().get(request, *args, **kwargs)


class ConsultationEditView(EditView):
    """Status and notes; opening the form shows the details, so it is logged as a view too."""

    def get(self, request, *args, **kwargs):
        log(self.instance, VIEW_ACTION, user=request.user)
        return super().get(request, *args, **kwargs)
