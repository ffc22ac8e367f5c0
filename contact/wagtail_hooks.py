"""Who may read enquiries.

Wagtail shows a form's submissions to anyone who may edit the form page. An
enquiry holds health information, so the contact page's enquiries are shown
only to users who also hold "Can view enquiry" (superusers hold every
permission): someone trusted to polish the page's wording does not thereby
read clients' messages. The permission is offered in Settings › Groups.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from wagtail import hooks

from contact.models import ContactPage
from home.permissions import VIEW_ENQUIRIES


@hooks.register("register_permissions")
def enquiry_permissions():
    return Permission.objects.filter(content_type__app_label="contact", codename="view_contactsubmission")


@hooks.register("filter_form_submissions_for_user")
def hide_enquiries_without_permission(user, form_pages):
    if user.has_perm(VIEW_ENQUIRIES):
        return form_pages
    return form_pages.exclude(content_type=ContentType.objects.get_for_model(ContactPage))



from contact.inbox import admin_hooks  # noqa: E402,F401  the enquiry inbox (contact/inbox/)
