from .authors import Author
from .blog_page import BlogPage
from .index_page import BlogIndexPage
from .tags import BlogPageTag

__all__ = ["Author", "BlogIndexPage", "BlogPage", "BlogPageTag"]
