"""The figures the admin page shows for a period: a few grouped queries, however many days are stored."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Sum
from django.utils import timezone
from wagtail.models import Page, Site

from .models import DEVICES, HelpfulDay, HelpfulNote, LeadDay, PageViewDay, SearchMissDay

PERIODS = (7, 30, 90)


@dataclass
class Report:
    days: int
    start: object
    end: object
    per_day: list = field(default_factory=list)
    total: int = 0
    pages: list = field(default_factory=list)
    referrers: list = field(default_factory=list)
    devices: list = field(default_factory=list)
    searches: list = field(default_factory=list)
    leads: list = field(default_factory=list)
    helpful: list = field(default_factory=list)


def build(days, site=None):
    end = timezone.localdate()
    start = end - timedelta(days=days - 1)
    report = Report(days=days, start=start, end=end)
    views = PageViewDay.objects.filter(day__gte=start, day__lte=end)

    by_day = dict(views.values_list("day").annotate(n=Sum("views")).order_by())
    report.per_day = [(start + timedelta(days=i), by_day.get(start + timedelta(days=i), 0)) for i in range(days)]
    report.total = sum(by_day.values())

    top = list(views.values_list("path").annotate(n=Sum("views")).order_by("-n", "path")[:15])
    titles = _titles([path for path, _ in top], site)
    report.pages = [(titles.get(path, path), path, n) for path, n in top]

    referred = views.values_list("referrer").annotate(n=Sum("views")).order_by("-n", "referrer")
    report.referrers = [(host or "Typed in, bookmarks and apps", n) for host, n in referred[:10]]

    device_names = dict(DEVICES)
    report.devices = [(device_names.get(d, d), n) for d, n in views.values_list("device").annotate(n=Sum("views")).order_by("-n")]

    misses = SearchMissDay.objects.filter(day__gte=start, day__lte=end)
    report.searches = list(misses.values_list("terms").annotate(n=Sum("searches")).order_by("-n", "terms")[:20])

    lead_rows = LeadDay.objects.filter(day__gte=start, day__lte=end).values_list("path", "kind").annotate(n=Sum("leads"))
    leads = {}
    for path, kind, n in lead_rows:
        leads.setdefault(path, {"enquiry": 0, "booking": 0})[kind] = n
    titles = _titles(list(leads), site)
    report.leads = sorted(
        ((titles.get(path, path or "Not known"), path, c["enquiry"], c["booking"]) for path, c in leads.items()),
        key=lambda row: (-(row[2] + row[3]), row[0]),
    )

    answers = HelpfulDay.objects.filter(day__gte=start, day__lte=end).values_list("page_id", "page__title", "helpful").annotate(n=Sum("answers"))
    posts = {}
    for page_id, title, helpful, n in answers:
        posts.setdefault(page_id, {"title": title, "yes": 0, "no": 0, "notes": []})["yes" if helpful else "no"] += n
    for note in HelpfulNote.objects.filter(day__gte=start, day__lte=end, page_id__in=list(posts))[:200]:
        if len(posts[note.page_id]["notes"]) < 5:
            posts[note.page_id]["notes"].append(note)
    report.helpful = sorted(
        ({"page_id": pid, **row} for pid, row in posts.items()), key=lambda row: (-(row["yes"] + row["no"]), row["title"]),
    )
    return report


def _titles(paths, site):
    """Page titles for public paths, in one query."""
    site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or not paths:
        return {}
    root = site.root_page.url_path.rstrip("/")
    found = Page.objects.filter(url_path__in=[root + p for p in paths if p]).values_list("url_path", "title")
    return {url_path[len(root):]: title for url_path, title in found}
