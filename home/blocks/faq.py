"""Frequently asked questions: headings and answers, and FAQPage JSON-LD."""

from wagtail import blocks

from .text import BODY_FEATURES


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="Question", max_length=250, help_text="As a visitor would ask it.")
    answer = blocks.RichTextBlock(label="Answer", features=BODY_FEATURES, help_text="A short, plain answer.")

    class Meta:
        icon = "help"
        label = "Question and answer"


class FAQBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label="Heading", required=False, max_length=120, help_text="Optional, for example “Common questions”.",
    )
    questions = blocks.ListBlock(QuestionBlock(), label="Questions", min_num=1)

    class Meta:
        icon = "help"
        template = "home/blocks/faq.html"
        label = "Questions and answers (FAQ)"
        group = "Structured"
        description = "Questions with answers a visitor can open one by one; search engines read them too."
        preview_value = {
            "heading": "Common questions",
            "questions": [
                {"question": "How long is a session?", "answer": "<p>Fifty minutes, at the same time each week.</p>"},
                {"question": "Do I need a referral?", "answer": "<p>No. You can get in touch directly.</p>"},
            ],
        }
