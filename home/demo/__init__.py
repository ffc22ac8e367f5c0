"""Tools every app's demo content uses (see load_demo_content): pages, images and one builder of blocks."""

from . import blocks
from .blocks import rich, stream
from .images import demo_image
from .pages import DemoContext, upsert_page

__all__ = ["DemoContext", "blocks", "demo_image", "rich", "stream", "upsert_page"]
