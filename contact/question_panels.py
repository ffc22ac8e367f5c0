"""The contact form's questions in the page editor, each box with a label and help in plain words."""

from wagtail.admin.panels import FieldPanel

QUESTION_PANELS = [
    FieldPanel("label", heading="Question", help_text="What the visitor reads above the answer box."),
    FieldPanel(
        "help_text", heading="Hint under the question",
        help_text="Optional. A short note that helps people answer, for example “Only if you would like a call”.",
    ),
    FieldPanel("required", heading="Must be answered", help_text="Untick to let visitors leave this question empty."),
    # Wagtail's form builder scripts find these boxes by their class names.
    FieldPanel("field_type", classname="formbuilder-type", required_on_save=True),
    FieldPanel(
        "choices", classname="formbuilder-choices", heading="Choices",
        help_text="For the choice types only: one choice per line.",
    ),
    FieldPanel(
        "default_value", classname="formbuilder-default", heading="Filled in already",
        help_text="Optional. An answer chosen or written in advance, which the visitor can change.",
    ),
]
