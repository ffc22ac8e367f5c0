"""Call requests hold health information like enquiries: only those who may read enquiries see them."""

from wagtail.permission_policies.base import BasePermissionPolicy

from home.permissions import VIEW_ENQUIRIES


def can_read_requests(user):
    return user.is_active and user.has_perm(VIEW_ENQUIRIES)


class CallRequestPermissionPolicy(BasePermissionPolicy):
    """View, answer and delete with "Can view enquiry"; nobody adds or edits a visitor's words."""

    def user_has_permission(self, user, action):
        return action in ("view", "delete") and can_read_requests(user)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model
        from django.db.models import Q

        if not set(actions) & {"view", "delete"}:
            return get_user_model().objects.none()
        app, codename = VIEW_ENQUIRIES.split(".")
        granted = Q(user_permissions__codename=codename, user_permissions__content_type__app_label=app) | Q(
            groups__permissions__codename=codename, groups__permissions__content_type__app_label=app,
        )
        return get_user_model().objects.filter(Q(is_superuser=True) | granted, is_active=True).distinct()
