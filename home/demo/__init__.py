"""Tools every app's demo content uses (see load_demo_content)."""

from .images import demo_image
from .pages import DemoContext, rich, stream, upsert_page

__all__ = ["DemoContext", "demo_image", "rich", "stream", "upsert_page"]
