"""The demo contact page: the default questions of the enquiry form, all editable in the admin."""

from contact.models import ContactFormField, ContactPage
from home.demo import upsert_page

# (label, field type, required, choices, default, help text)
QUESTIONS = [
    ("Your name", "name", True, "", "", "The name you would like me to use."),
    ("E-mail address", "email", True, "", "", "I will reply here unless you would rather I phoned."),
    ("Phone number", "phone", False, "", "", "Only if you would like a call or a text."),
    ("How would you like me to get in touch?", "radio", True, "E-mail\nPhone call\nText message", "E-mail", ""),
    ("What are you interested in?", "service", True, "", "", "Choose the closest; we can change it later."),
    ("Anything you would like me to know", "multiline", False, "", "",
     "No need to share details yet: a line or two is plenty, and you can leave this empty."),
    ("I agree that Ben may keep what I send here, including anything it says about my health, in order to reply to me.",
     "consent", True, "", "", "You can ask me to delete it sooner at any time."),
]


def questions():
    return [
        ContactFormField(label=label, field_type=kind, required=required, choices=choices, default_value=default, help_text=help_text)
        for label, kind, required, choices, default, help_text in QUESTIONS
    ]


def load(ctx):
    upsert_page(
        ctx, ctx.home, ContactPage, "contact", title="Contact", show_in_menus=True,
        seo_title="Contact Ben – book a free initial chat",
        introduction=(
            "The first step is a free, no-obligation chat of about twenty minutes, by phone or video. "
            "Tell me a little about what you are looking for and how to reach you, and I will suggest a time.\n\n"
            "You do not need to explain anything you are not ready to share."
        ),
        urgent_help=(
            "I read enquiries on weekdays, so this form is not for emergencies.\n\n"
            "If you are in crisis, call 999 or go to A&E. You can also call NHS 111 and choose the mental health option, "
            "or talk to Samaritans, free, day or night, on 116 123."
        ),
        thank_you_text=(
            "Your enquiry is safely with me. I read enquiries every weekday morning and will reply within two working "
            "days, in the way you asked me to.\n\n"
            "If you have not heard from me by then, please check your spam folder, or phone me: messages sometimes go astray.\n\n"
            "If you need help before then, call NHS 111 (mental health option) or Samaritans on 116 123."
        ),
        to_address="ben@example.org",
        subject="New enquiry from your website",
        form_fields=questions(),
    )
