from django.apps import AppConfig


class PracticeAdminConfig(AppConfig):
    """The admin set up for one therapist: her dashboard, quiet menus, the practice's name, plain words."""

    name = "practice_admin"
    verbose_name = "Admin for the practice"
    default_auto_field = "django.db.models.BigAutoField"
