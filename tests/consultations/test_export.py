"""The inbox export carries the stored values: CSV neutralised only where a spreadsheet would run a cell, XLSX typed."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from consultations.export import csv_cell, runs_as_formula
from consultations.models import ConsultationRequest

INDEX = "/admin/consultations/consultationrequest/"


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://evil")', "@SUM(A1:A9)", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r@x"],
)
def test_formulas_are_neutralised(value):
    assert runs_as_formula(value)
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value", ["+1 503 850 0414", "+1 (503) 850-0414", "-5", "-", "503-850-0414", "Jane", "", "a=b", "jane@example.com"]
)
def test_phone_numbers_numbers_and_text_are_left_alone(value):
    assert not runs_as_formula(value)
    assert csv_cell(value) == value


@pytest.fixture
def inbox(demo):
    full = ConsultationRequest.objects.create(
        name="Jane Doe", email="jane@example.com", phone="+1 503 850 0414", treatment=demo, consent=True
    )
    sparse = ConsultationRequest.objects.create(name='=HYPERLINK("http://evil")', phone="-", consent=False)
    return full, sparse


def _login(client, staff_user):
    assert client.login(username=staff_user.username, password="correct-horse-9")


def _csv(client):
    response = client.get(INDEX, {"export": "csv"})
    assert response.status_code == 200
    header, *rows = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_csv_keeps_values_and_empty_cells(client, inbox, staff_user):
    _login(client, staff_user)
    rows = {row["Reference"]: row for row in _csv(client)}
    full, sparse = (rows[c.reference] for c in inbox)
    assert full["Phone"] == "+1 503 850 0414", "a phone number is a phone number"
    assert full["Treatment"] == "BOTOX" and full["Consent To Be Contacted"] == "True"
    assert full["Message"] == "" and full["Staff Notes"] == "", "empty stays empty (no '-)"
    assert sparse["Email"] == "" and sparse["Treatment"] == ""
    assert sparse["Consent To Be Contacted"] == "False", "False is a value, not an empty cell"
    assert sparse["Phone"] == "-"
    assert sparse["Name"] == '\'=HYPERLINK("http://evil")', "only the formula is neutralised"


def test_xlsx_cells_are_typed(client, inbox, staff_user):
    _login(client, staff_user)
    response = client.get(INDEX, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *rows = [[cell for cell in row] for row in sheet.iter_rows()]
    names = [cell.value for cell in header]
    by_reference = {row[0].value: dict(zip(names, row, strict=True)) for row in rows}
    full, sparse = (by_reference[c.reference] for c in inbox)
    assert full["Phone"].value == "+1 503 850 0414" and full["Phone"].data_type == "s"
    assert isinstance(full["Received"].value, datetime.datetime)
    assert full["Consent To Be Contacted"].value is True and full["Consent To Be Contacted"].data_type == "b"
    assert sparse["Consent To Be Contacted"].value is False
    assert sparse["Email"].value is None and sparse["Treatment"].value is None, "empty cells, not '-'"
    assert sparse["Name"].value == '=HYPERLINK("http://evil")' and sparse["Name"].data_type == "s", (
        "a string, not a formula"
    )


def test_xlsx_survives_control_characters_stored_before_they_were_refused(client, inbox, staff_user):
    # Rows written before the intake refused control characters must not break the export.
    ConsultationRequest.objects.filter(pk=inbox[0].pk).update(message="old\x1brow")
    _login(client, staff_user)
    response = client.get(INDEX, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert "old\ufffdrow" in [cell.value for row in sheet.iter_rows() for cell in row]
