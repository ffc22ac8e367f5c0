from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import sitemap
from home.views import robots_txt, site_map
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("insights/", include("insights.urls")),
    path("sitemap.xml", sitemap.sitemap, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemap.section, name="sitemap_section"),
    path("site-map/", site_map, name="site_map"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    from django.urls import re_path
    from django.views.static import serve as serve_file

    # In production the web server (or the S3 store) serves uploads; the dev
    # server and `make serve` on one machine serve them from MEDIA_ROOT.
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_file, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += [path("", include(wagtail_urls))]
