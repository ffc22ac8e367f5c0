"""Small bar charts drawn on the server as SVG: no script, no outside service.

Each chart is a picture for sighted readers; the admin page shows the same
numbers in a table beside it for screen readers and for anyone who wants
the figures.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


def columns(series, title, width=720, height=180):
    """Vertical bars, one per (label, value) pair, oldest on the left."""
    top = max([value for _, value in series] + [1])
    gap = 2
    bar = max((width - gap * len(series)) / max(len(series), 1), 1)
    bars = format_html_join(
        "", '<rect x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>',
        (
            (_n(i * (bar + gap)), _n(height - value / top * (height - 20)), _n(bar), _n(value / top * (height - 20)), label, value)
            for i, (label, value) in enumerate(series)
        ),
    )
    return format_html(
        '<svg class="insights-chart" viewBox="0 0 {} {}" role="img" aria-label="{}" preserveAspectRatio="none">'
        '<line x1="0" y1="{}" x2="{}" y2="{}" class="axis"/>{}'
        '<text x="0" y="12" class="scale">{}</text></svg>',
        width, height, title, height, width, height, bars, f"most in a day: {top}",
    )


def bars(rows, title, width=480, row_height=22):
    """Horizontal bars for a ranked list of (label, value)."""
    if not rows:
        return mark_safe("")
    top = max(value for _, value in rows) or 1
    height = row_height * len(rows)
    items = format_html_join(
        "", '<rect x="0" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>'
        '<text x="4" y="{}" class="label">{} ({})</text>',
        (
            (i * row_height + 2, _n(max(value / top * width, 1)), row_height - 4, label, value, i * row_height + row_height - 7, label, value)
            for i, (label, value) in enumerate(rows)
        ),
    )
    return format_html(
        '<svg class="insights-bars" viewBox="0 0 {} {}" role="img" aria-label="{}">{}</svg>', width, height, title, items,
    )


def _n(number):
    """A coordinate with one decimal: format_html escapes its arguments, so numbers are formatted first."""
    return f"{number:.1f}"
