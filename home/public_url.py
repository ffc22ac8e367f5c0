"""The site's one public address (settings.PUBLIC_URL): the origin of every absolute link.

Everything absolute is built from the setting alone: JSON-LD, robots.txt and
e-mails through ``absolute()``, share images through WAGTAILADMIN_BASE_URL,
and page links (canonical, sitemap, feed, breadcrumbs) through Wagtail's
list of site root paths, whose default site's address ``use_for_page_links()``
replaces with the setting. Wagtail would otherwise take page links from the
Site record's host name and port, which is only as fresh as the last
`migrate`: a database built under one address and served under another
(`make demo`, then `make serve PORT=…`) named two origins on one page.

The Site record is still kept in step on `migrate`, for routing and for what
Settings › Sites shows, and `check --deploy` refuses an address visitors
cannot reach.
"""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


def origin():
    return settings.PUBLIC_URL.rstrip("/")


def absolute(url):
    """``url`` on the public address when it is a path of this site; other URLs as they are."""
    return origin() + url if url and url.startswith("/") else url


def on_public_address(root_paths):
    """Wagtail's site root paths with the default site's address replaced by PUBLIC_URL."""
    from wagtail.models import Site

    site_ids = {root.site_id for root in root_paths}
    if len(site_ids) > 1:
        default = Site.objects.filter(is_default_site=True).values_list("id", flat=True).first()
    else:
        # A site of its own is the one every request falls back to: no query needed.
        default = next(iter(site_ids), None)
    return [root._replace(root_url=origin()) if root.site_id == default else root for root in root_paths]


def use_for_page_links():
    """Make every page link Wagtail builds (``get_full_url``, ``full_url``, ``{% fullpageurl %}``)
    start with PUBLIC_URL, by wrapping the one place it reads site addresses from."""
    from wagtail.models import Site

    wagtail_root_paths = Site.get_site_root_paths
    if getattr(wagtail_root_paths, "on_public_address", False):
        return

    def get_site_root_paths():
        return on_public_address(wagtail_root_paths())

    get_site_root_paths.on_public_address = True
    Site.get_site_root_paths = staticmethod(get_site_root_paths)


def _host_and_port():
    parts = urlsplit(origin())
    return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)


def sync_default_site(**kwargs):
    """post_migrate: give the default Site the public host name and port (nothing else changes)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    hostname, port = _host_and_port()
    if site is not None and hostname and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])


@register(Tags.security, deploy=True)
def public_url_is_reachable(app_configs, **kwargs):
    parts = urlsplit(origin())
    hostname = parts.hostname or ""
    problems = []
    try:
        is_ip = bool(ipaddress.ip_address(hostname))
    except ValueError:
        is_ip = False
    if parts.scheme not in ("http", "https") or not hostname or hostname == "localhost" or hostname.endswith(".localhost") or is_ip:
        problems.append(Error(
            f"PUBLIC_URL is {origin()!r}: links in search engines, feeds and e-mails would point where visitors cannot go.",
            hint="Set PUBLIC_URL to the address visitors use, e.g. https://therapywithben.co.uk",
            id="home.E001",
        ))
    elif parts.scheme != "https":
        problems.append(Warning("PUBLIC_URL does not start with https://.", id="home.W001"))
    return problems


@register(Tags.database)  # reads the Site table: run by `check --database default` and `migrate`
def site_record_matches_public_url(app_configs, databases=None, **kwargs):
    from django.db import DatabaseError
    from wagtail.models import Site

    if not databases:
        return []
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # before the first migrate
        return []
    if site is not None and site.root_url != origin():
        return [Warning(
            f"The default site's address in Settings › Sites is {site.root_url}, but PUBLIC_URL is {origin()}.",
            hint="Run `python manage.py migrate`: it brings the site's address in step with PUBLIC_URL.",
            id="home.W002",
        )]
    return []
