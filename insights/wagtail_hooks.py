from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import PERMISSION, insights


class InsightsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def urls():
    return [path("insights/", insights, name="insights_report")]


@hooks.register("register_admin_menu_item")
def menu_item():
    return InsightsMenuItem("Insights", reverse("insights_report"), icon_name="view", order=900)


@hooks.register("register_permissions")
def permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="insights", codename="view_insights")
