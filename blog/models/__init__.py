from .authors import Author
from .index import BlogIndexPage
from .post import BlogPage
from .tags import BlogPageTag

__all__ = ["Author", "BlogIndexPage", "BlogPage", "BlogPageTag"]
