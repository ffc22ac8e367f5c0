from django.urls import path, reverse
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def two_step_urls():
    return [
        path("two-step/verify/", views.verify, name="two_step_verify"),
        path("two-step/", views.setup, name="two_step_setup"),
        path("two-step/turn-off/", views.turn_off, name="two_step_turn_off"),
    ]


@hooks.register("register_account_menu_item")
def two_step_menu_item(request):
    return {
        "url": reverse("two_step_setup"),
        "label": "Two-step verification",
        "help_text": "Ask for a code from your phone as well as your password when you sign in.",
    }
