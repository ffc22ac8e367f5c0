"""The figures the admin page shows for a period: a few grouped queries, however many days are stored."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Sum
from django.utils import timezone
from wagtail.models import Page, Site

from .bounds import MAX_SEARCHES_A_DAY, MAX_SITES_A_DAY, OTHER, OTHER_SEARCH
from .models import DEVICES, HelpfulDay, HelpfulNote, LeadDay, PageViewDay, SearchMissDay

PERIODS = (7, 30, 90)
# What the "other" buckets (bounds.py) are called on the page.
NO_REFERRER = "Typed in, bookmarks and apps"
OTHER_SITES = "Other sites"
OTHER_SEARCHES = "Other searches"
OTHER_PAGE = "An address that is not a page of this site"


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
    max_sites_a_day: int = MAX_SITES_A_DAY
    max_searches_a_day: int = MAX_SEARCHES_A_DAY


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
    report.referrers = [(_referrer_label(host), n) for host, n in referred[:10]]

    device_names = dict(DEVICES)
    report.devices = [(device_names.get(d, d), n) for d, n in views.values_list("device").annotate(n=Sum("views")).order_by("-n")]

    misses = SearchMissDay.objects.filter(day__gte=start, day__lte=end)
    report.searches = [
        (OTHER_SEARCHES if terms == OTHER_SEARCH else terms, n)
        for terms, n in misses.values_list("terms").annotate(n=Sum("searches")).order_by("-n", "terms")[:20]
    ]

    lead_rows = LeadDay.objects.filter(day__gte=start, day__lte=end).values_list("path", "kind").annotate(n=Sum("leads"))
    leads = {}
    for path, kind, n in lead_rows:
        leads.setdefault(path, {"enquiry": 0, "booking": 0})[kind] = n
    titles = _titles(list(leads), site)
    report.leads = sorted(
        ((_lead_label(path, titles), path, c["enquiry"], c["booking"]) for path, c in leads.items()),
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


def _referrer_label(host):
    return {"": NO_REFERRER, OTHER: OTHER_SITES}.get(host, host)


def _lead_label(path, titles):
    if path == OTHER:
        return OTHER_PAGE
    return titles.get(path, path or "Not known")


def _titles(paths, site):
    """Page titles for public paths, in one query."""
    site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or not paths:
        return {}
    root = site.root_page.url_path.rstrip("/")
    found = Page.objects.filter(url_path__in=[root + p for p in paths if p.startswith("/")]).values_list("url_path", "title")
    return {url_path[len(root):]: title for url_path, title in found}
