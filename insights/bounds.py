"""Keep the counts of what visitors type to a bounded set of labels, with an "other" bucket.

A referring site, a search, the ``?service=`` of a link and the page a form
says it came from are all chosen by whoever sends the request. Stored as
sent, someone could add a row per request for 13 months. So each is folded
into labels that exist whatever is sent, checked when the counts are
written (``tally.flush``), where the database says what today already holds:

- pages: only addresses the site answered with a page are counted as viewed
  (the middleware counts 200 responses only); the page an enquiry says it
  came from is named only if it is a live page or one already counted as
  read, else it is counted as ``OTHER``.
- services: the slug of a live service page, else ``OTHER``.
- referring sites: a well-known site (search engines, social networks,
  directories of therapists) is always named. Other sites are named for the
  first ``MAX_SITES_A_DAY`` of them each day; a practice like this one is
  linked from a handful of sites a day, so that leaves ample room, and any
  site beyond it that day is counted as ``OTHER``. A site already named
  today stays named all day, so a flood later in the day cannot push a real
  referrer out. Names that cannot be a public site (an IP address, a name
  without a dot) are ``OTHER`` from the start (classify.referrer_host).
- searches that found nothing: the first ``MAX_SEARCHES_A_DAY`` different
  searches of a day are named, the rest counted together as
  ``OTHER_SEARCH``. The words are already scrubbed of contact details.
- rows of page views: the combinations of page, site, device and service
  are each bounded, but their product is not small; once a day holds
  ``MAX_VIEW_ROWS_A_DAY`` rows, a new combination keeps its page and device
  and counts its site and service as ``OTHER``.

Two workers writing at the same moment may each admit names the other has
not yet committed, so a day can end a little over a limit, by at most one
batch per worker: still bounded, and a matter of a few rows.
"""

from collections import Counter, defaultdict
from datetime import timedelta

from django.apps import apps
from wagtail.models import Page, Site

from .classify import OTHER
from .models import LeadDay, PageViewDay, SearchMissDay

# Search words are stored trimmed and never empty, so the empty string is free for "other searches".
OTHER_SEARCH = ""

MAX_SITES_A_DAY = 25
MAX_SEARCHES_A_DAY = 25
MAX_VIEW_ROWS_A_DAY = 2000

# Sites that link to a counselling practice on most days. Each stands for
# itself and its sub-domains (l.facebook.com, uk.search.yahoo.com), so the
# list is also the whole set of names it can produce.
WELL_KNOWN_SITES = (
    "google.com", "google.co.uk", "google.ie", "bing.com", "duckduckgo.com", "yahoo.com", "ecosia.org",
    "brave.com", "startpage.com", "qwant.com", "chatgpt.com", "perplexity.ai",
    "facebook.com", "instagram.com", "linkedin.com", "lnkd.in", "x.com", "t.co", "twitter.com", "reddit.com",
    "youtube.com", "pinterest.com", "tiktok.com", "threads.net", "bsky.app",
    "counselling-directory.org.uk", "psychologytoday.com", "bacp.co.uk", "itsgoodtotalk.org.uk",
    "welldoing.org", "nhs.uk", "mind.org.uk",
)


def well_known(host):
    """The well-known site ``host`` belongs to, or None."""
    for site in WELL_KNOWN_SITES:
        if host == site or host.endswith("." + site):
            return site
    return None


def fold(model, counts):
    """``counts`` (the tally's Counter of (field, key) -> n) with made-up values folded into "other"."""
    folder = _FOLDERS.get(model)
    return folder(counts) if folder else counts


def _by_day(counts):
    days = defaultdict(list)
    for (field, key), n in counts.items():
        values = dict(key)
        days[values["day"]].append((field, values, n))
    return days


def _fold_views(counts):
    folded = Counter()
    services = None
    for day, entries in _by_day(counts).items():
        today = PageViewDay.objects.filter(day=day)
        named = set(today.exclude(referrer__in=("", OTHER)).values_list("referrer", flat=True).distinct())
        others = {host for host in named if not well_known(host)}
        rows = today.count()
        # Checking each new combination costs a query; only needed when this batch could reach the limit.
        near_limit = rows + len(entries) > MAX_VIEW_ROWS_A_DAY
        for field, key, n in entries:
            host = key["referrer"]
            if host not in ("", OTHER) and host not in named:
                known = well_known(host)
                if known:
                    host = known
                elif len(others) < MAX_SITES_A_DAY:
                    others.add(host)
                else:
                    host = OTHER
                named.add(host)
            key["referrer"] = host
            if key["service"]:
                if services is None:
                    services = _live_service_slugs()
                if key["service"] not in services:
                    key["service"] = OTHER
            if near_limit and not PageViewDay.objects.filter(**key).exists():
                if rows >= MAX_VIEW_ROWS_A_DAY:
                    key["referrer"] = OTHER
                    key["service"] = OTHER if key["service"] else ""
                else:
                    rows += 1
            folded[(field, tuple(sorted(key.items())))] += n
    return folded


def _fold_searches(counts):
    folded = Counter()
    for day, entries in _by_day(counts).items():
        named = set(SearchMissDay.objects.filter(day=day).exclude(terms=OTHER_SEARCH).values_list("terms", flat=True))
        for field, key, n in entries:
            if key["terms"] not in named:
                if len(named) < MAX_SEARCHES_A_DAY:
                    named.add(key["terms"])
                else:
                    key["terms"] = OTHER_SEARCH
            folded[(field, tuple(sorted(key.items())))] += n
    return folded


def _fold_leads(counts):
    folded = Counter()
    for (field, key), n in counts.items():
        values = dict(key)
        if values["path"] and not _is_page(values["path"], values["day"]):
            values["path"] = OTHER
        folded[(field, tuple(sorted(values.items())))] += n
    return folded


def _is_page(path, day):
    """A path visitors were counted reading lately (that covers topic pages and the search page), or a live page."""
    if PageViewDay.objects.filter(day__gte=day - timedelta(days=31), day__lte=day, path=path).exists():
        return True
    roots = Site.objects.values_list("root_page__url_path", flat=True)
    return Page.objects.live().filter(url_path__in=[root.rstrip("/") + path for root in roots]).exists()


def _live_service_slugs():
    # By model name, as contact/service_choices.py does: insights needs no import from the services app.
    try:
        model = apps.get_model("services", "ServicePage")
    except LookupError:
        return set()
    return set(Page.objects.type(model).live().values_list("slug", flat=True))


_FOLDERS = {PageViewDay: _fold_views, SearchMissDay: _fold_searches, LeadDay: _fold_leads}
