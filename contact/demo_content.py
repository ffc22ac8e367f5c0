"""The demo contact page (the foundation's starting point; issue 5 completes it)."""

from contact.models import ContactPage
from home.demo import upsert_page


def load(ctx):
    upsert_page(
        ctx, ctx.home, ContactPage, "contact", title="Contact", show_in_menus=True,
        introduction="Ask for a free, no-obligation initial chat.",
        thank_you_text="Thank you. I will reply within two working days.",
    )
