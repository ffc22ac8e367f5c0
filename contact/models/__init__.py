from .contact_page import ContactFormField, ContactPage
from .enquiry_settings import EnquirySettings
from .submission import ContactSubmission

__all__ = ["ContactFormField", "ContactPage", "ContactSubmission", "EnquirySettings"]
