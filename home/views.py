from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Site

from home import public_url
from home.visibility import visible


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    """Crawlers may read the site but not the admin or search results."""
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "Disallow: /search/",
        f"Sitemap: {public_url.absolute('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def site_map(request):
    """Every public page as a nested list, for people (search engines read /sitemap.xml)."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    pages = (
        visible(site.root_page.get_descendants(inclusive=True))
        .only("id", "title", "url_path", "path", "depth").order_by("path")
    )
    branches, open_branches = [], {}
    for page in pages:
        branch = {"title": page.title, "url": page.get_url(request), "children": []}
        parent = open_branches.get(page.path[: -page.steplen])
        (parent["children"] if parent else branches).append(branch)
        open_branches[page.path] = branch
    return render(request, "home/site_map.html", {"branches": branches})
