"""Every spreadsheet the admin exports is safe to open.

A spreadsheet program runs a cell that starts with =, +, -, @, a tab or a
carriage return as a formula, so an enquiry typed as `=HYPERLINK(...)` could
send the therapist's data elsewhere when the export is opened. Following
OWASP's advice, such a cell is written with a single quote in front (shown as
text, nothing run). This applies to every export Wagtail offers (enquiries,
reports, snippet lists) because they all come from its SpreadsheetExportMixin:
to CSV values, and to the column headings of both CSV and XLSX (Wagtail
already keeps XLSX values as text, but not headings, which are the
therapist's question labels).
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def make_exports_safe():
    """Wrap the two methods every export writes through (listed in compat/wagtail.py)."""
    mixin = SpreadsheetExportMixin
    if getattr(mixin, "_formulas_neutralised", False):
        return
    preprocess, heading = mixin.preprocess_field_value, mixin.get_heading

    def preprocess_field_value(self, field, value, export_format):
        result = preprocess(self, field, value, export_format)
        return neutralise(result) if export_format == mixin.FORMAT_CSV else result

    def get_heading(self, queryset, field):
        return neutralise(heading(self, queryset, field))

    mixin.preprocess_field_value = preprocess_field_value
    mixin.get_heading = get_heading
    mixin._formulas_neutralised = True
