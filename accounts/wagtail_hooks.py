from django.template.defaultfilters import pluralize
from django.urls import path, reverse
from wagtail import hooks

from . import views
from .dashboard import SignInPanel
from .devices import backup_codes_left, confirmed_device


@hooks.register("register_admin_urls")
def two_step_urls():
    return [
        path("two-step/verify/", views.verify, name="two_step_verify"),
        path("two-step/", views.setup, name="two_step_setup"),
        path("two-step/turn-off/", views.turn_off, name="two_step_turn_off"),
        path("two-step/backup-codes/", views.backup_codes, name="two_step_backup_codes"),
        path("two-step/backup-codes/new/", views.renew_backup_codes, name="two_step_renew_backup_codes"),
    ]


@hooks.register("register_account_menu_item")
def two_step_menu_item(request):
    if confirmed_device(request.user):
        left = backup_codes_left(request.user)
        help_text = f"On. {left} backup code{pluralize(left)} left for when your phone is not to hand."
    else:
        help_text = "Off. Ask for a code from your phone as well as your password when you sign in."
    return {"url": reverse("two_step_setup"), "label": "Two-step verification", "help_text": help_text}


@hooks.register("construct_homepage_panels")
def sign_in_panel(request, panels):
    panels.append(SignInPanel(request))
