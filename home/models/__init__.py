from .pages import HomePage, StandardPage
from .practice import PracticeSettings
from .seo import SitePage

__all__ = ["HomePage", "PracticeSettings", "SitePage", "StandardPage"]
