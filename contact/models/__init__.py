from .enquiry_settings import EnquirySettings
from .page import ContactFormField, ContactPage
from .submission import ContactSubmission

__all__ = ["ContactFormField", "ContactPage", "ContactSubmission", "EnquirySettings"]
