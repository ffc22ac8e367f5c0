from .base_page import SitePage
from .pages import HomePage, StandardPage
from .practice import PracticeSettings

__all__ = ["HomePage", "PracticeSettings", "SitePage", "StandardPage"]
