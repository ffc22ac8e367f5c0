"""The e-mail backend used in production until SMTP is set up: it sends nothing and writes nothing.

Django's console backend would print every notification, with the visitor's
name, e-mail address and phone number, to the server log. This backend
reports that no message went, so the enquiry is marked "Not sent: e-mail is
not set up" in the admin, and `manage.py check --deploy` warns (contact.W002).
"""

from django.core.mail.backends.base import BaseEmailBackend

NO_EMAIL_BACKEND = "contact.mail.NoEmailBackend"


class NoEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        return 0
