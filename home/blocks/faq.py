"""Frequently asked questions: real headings with their answers, and FAQPage JSON-LD.

Questions are headings followed by their answers, always shown: a screen
reader can jump from question to question, nothing needs opening with the
keyboard, and the answers search engines read are the ones on the page.
(A heading inside a <details> summary loses its heading role in several
screen readers, so no disclosure widget is used.)
"""

from wagtail import blocks

from .text import BODY_FEATURES


class QuestionBlock(blocks.StructBlock):
    # Labels and help texts are part of every page type's migrations: change them
    # only together with new migrations for each app that uses BodyBlock.
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
        description = "Questions shown as headings, each with its answer; search engines read them as an FAQ too."
        preview_value = {
            "heading": "Common questions",
            "questions": [
                {"question": "How long is a session?", "answer": "<p>Fifty minutes, at the same time each week.</p>"},
                {"question": "Do I need a referral?", "answer": "<p>No. You can get in touch directly.</p>"},
            ],
        }
