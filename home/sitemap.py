"""The sitemap: one file while the site is small, an index of sections once it grows.

Search engines read at most 50,000 addresses a file, and one long file costs
time on every crawl. Past SECTION_SIZE pages, /sitemap.xml becomes a sitemap
index (Django's own view) pointing at numbered sections of SECTION_SIZE pages
each, so no response grows with the site.

Each address is built from the page's stored path, without loading its
specific page type: the same addresses and dates as Wagtail's sitemap, at a
fraction of the cost per page.
"""

from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import Max
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.fragments import cached_response
from home.visibility import visible

SECTION_SIZE = 500
SECTION = "pages"


class PageSitemap(Sitemap):
    @property
    def limit(self):
        return SECTION_SIZE

    def items(self):
        root = self.get_wagtail_site().root_page
        pages = visible(Page.objects.descendant_of(root, inclusive=True)).order_by("path")
        return pages.only("path", "depth", "url_path", "last_published_at", "latest_revision_created_at", "locale_id")

    def get_latest_lastmod(self):
        # Django's own reads every page to find the latest date; the database answers it at once.
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]

    @cached_property
    def paginator(self):
        # Kept: Django builds a new paginator (and counts the pages again) at every use.
        return Paginator(self._items(), self.limit)

    def _urls(self, page, protocol, domain):
        urls = [
            {"item": item, "location": item.get_full_url(self.request), "lastmod": self.lastmod(item),
             "changefreq": None, "priority": None, "alternates": []}
            for item in self.paginator.page(page).object_list
        ]
        dates = [url["lastmod"] for url in urls]
        if dates and None not in dates:
            self.latest_lastmod = max(dates)
        return urls


def sitemap(request):
    """/sitemap.xml: every page while they fit in one section, else the index of sections."""

    def build():
        sitemaps = {SECTION: PageSitemap(request)}
        if sitemaps[SECTION].paginator.num_pages <= 1:
            return sitemap_views.sitemap(request, sitemaps)
        return sitemap_views.index(request, sitemaps, sitemap_url_name="sitemap_section")

    # Counting and dating every page grows with the site: once per page-cache generation.
    return cached_response(request, "sitemap", build)


def section(request, section):
    """/sitemap-pages.xml?p=N: one section of the sitemap index."""

    def build():
        return sitemap_views.sitemap(request, {SECTION: PageSitemap(request)}, section=section)

    number = request.GET.get("p", "1")
    if not (number.isdigit() and len(number) <= 6):  # any other ?p= is answered, never kept
        return build()
    return cached_response(request, f"sitemap-{section}:{int(number)}", build)
