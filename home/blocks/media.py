"""Images inside page bodies."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

DESCRIPTION_LABEL = "Description for people who cannot see the image"
DESCRIPTION_HELP = (
    "What the image shows, in a sentence, for people who use a screen reader. "
    "For example “A bench under an oak tree in Pittville Park”."
)
DECORATIVE_LABEL = "This image is only decoration"
DECORATIVE_HELP = "Tick only if it adds nothing to the words, such as a pattern: screen readers then skip it."
DESCRIPTION_MISSING = "Describe the image for people who cannot see it, or tick “This image is only decoration”."


class DescribedImageBlock(ImageBlock):
    """Wagtail's ImageBlock, which refuses an image with neither a description nor the "decorative" tick
    (exactly our rule), with its "Alt text" and "Image is decorative" said in plain words.

    Saved and migrated exactly as Wagtail's ImageBlock: only labels and messages differ.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        description, decorative = self.child_blocks["alt_text"], self.child_blocks["decorative"]
        description.label, description.meta.help_text = DESCRIPTION_LABEL, DESCRIPTION_HELP
        decorative.label, decorative.meta.help_text = DECORATIVE_LABEL, DECORATIVE_HELP
        self.child_blocks["image"].meta.help_text = "Choose a photo or diagram from the image library, or upload one."

    def clean(self, value):
        try:
            return super().clean(value)
        except blocks.StructBlockValidationError as error:
            if "alt_text" in error.block_errors:
                error.block_errors["alt_text"] = ValidationError(DESCRIPTION_MISSING)
            raise


class FigureBlock(blocks.StructBlock):
    image = DescribedImageBlock(label="Image")
    caption = blocks.CharBlock(
        label="Caption", required=False, max_length=250, help_text="Optional. Shown under the image for everyone to read.",
    )
    width = blocks.ChoiceBlock(
        label="Size", choices=[("wide", "Full width of the text"), ("narrow", "Smaller, centred")], default="wide",
        help_text="Smaller suits portraits and diagrams; full width suits landscapes.",
    )

    class Meta:
        icon = "image"
        template = "home/blocks/figure.html"
        label = "Image"
        group = "Media"
        description = "A photo or diagram with a description for people who cannot see it, and an optional caption."
        preview_value = staticmethod(lambda: figure_preview())


def figure_preview():
    """The newest image in the library, so the block picker shows a real figure."""
    from wagtail.images import get_image_model

    image = get_image_model().objects.order_by("-id").first()
    if image:
        image.contextual_alt_text = image.title
        image.decorative = False
    return {"image": image, "caption": "Paths through the park on a still morning.", "width": "wide"}
