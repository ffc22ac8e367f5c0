"""The contact form's one-time token: issued and signed by this site.

Each form shown carries a fresh random token, signed with the site's secret
and the time it was issued, so a token the site never issued (or one from a
form left open for more than a week) is recognised and the visitor is asked
to press Send again, instead of being thanked for an enquiry nobody stores.

What is stored with an enquiry is the token combined with the answers: the
same form sent twice (a double click, a reload) is one enquiry, while a form
sent, edited and sent again is a second one.
"""

import json
import uuid
from datetime import timedelta

from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder

SALT = "contact.enquiry-form-token"
MAX_AGE = timedelta(days=7)


def issue():
    return signing.TimestampSigner(salt=SALT).sign(uuid.uuid4().hex)


def read(value):
    """The UUID inside a token this site issued within MAX_AGE; None for anything else."""
    try:
        return uuid.UUID(signing.TimestampSigner(salt=SALT).unsign(str(value or ""), max_age=MAX_AGE))
    except (signing.BadSignature, ValueError):
        return None


def for_answers(issued, answers):
    """One token per issued form and exact content: a changed answer makes a different enquiry."""
    content = json.dumps(answers, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
    return uuid.uuid5(issued, content)
