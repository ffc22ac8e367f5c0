"""Images inside page bodies."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class FigureBlock(blocks.StructBlock):
    # Wagtail's ImageBlock asks for alt text and refuses to save without it
    # unless the editor ticks "decorative", which is exactly our rule.
    image = ImageBlock(label="Image")
    caption = blocks.CharBlock(
        label="Caption", required=False, max_length=250, help_text="Optional. Shown under the image for everyone to read.",
    )
    width = blocks.ChoiceBlock(
        label="Size", choices=[("wide", "Full width of the text"), ("narrow", "Smaller, centred")], default="wide",
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
