"""The site's one public address (settings.PUBLIC_URL), and the Wagtail Site record kept in step with it.

Page links (canonical, sitemap, feed, breadcrumbs) come from Wagtail's Site
record; everything else (JSON-LD, robots.txt, e-mails) from the setting. So
that both name the same origin, `migrate` copies the setting into the default
Site's host name and port, and `check --deploy` refuses an address visitors
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
