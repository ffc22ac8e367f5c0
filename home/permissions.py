"""Who may decide what happens to visitors' personal data.

Enquiries and call requests hold health information. Reading them needs
"Can view enquiry" (Settings › Groups); so does every field that decides where
they are sent, what the e-mail about them carries, or how long they are kept:
otherwise someone trusted only with a page's wording could send the next
visitor's details to an address of their own, or keep them for years.
"""

from wagtail.admin.panels import FieldPanel

# The contact app's "Can view enquiry", named here (not imported) so that home, contact and booking
# share one rule while home still imports none of them.
VIEW_ENQUIRIES = "contact.view_contactsubmission"


def private_field(field_name, **kwargs):
    """A FieldPanel only shown to those who may read enquiries.

    Wagtail leaves such a field out of the form it builds for anyone else, so
    a hand-made POST cannot change it either: the saved page and its revision
    keep the value they had.
    """
    return FieldPanel(field_name, permission=VIEW_ENQUIRIES, **kwargs)
