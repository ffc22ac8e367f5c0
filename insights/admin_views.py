"""The Insights page in the admin: visits, reading, referrers, searches, enquiries and answers."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from wagtail.models import Site

from . import charts, report

PERMISSION = "insights.view_insights"


@permission_required(PERMISSION, raise_exception=True)
def insights(request):
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    if days not in report.PERIODS:
        days = 30
    data = report.build(days, Site.find_for_request(request))
    return render(request, "insights/admin/report.html", {
        "report": data,
        "periods": report.PERIODS,
        "other_page": report.OTHER_PAGE,
        "visits_chart": charts.columns([(d.strftime("%a %-d %b"), n) for d, n in data.per_day], f"Visits per day, last {days} days"),
        "pages_chart": charts.bars([(title, n) for title, _path, n in data.pages[:10]], "Most-read pages"),
        "referrers_chart": charts.bars(data.referrers, "Where visitors came from"),
        "devices_chart": charts.bars(data.devices, "Phone, tablet or computer"),
    })
