from .index_page import ServiceIndexPage
from .service_page import ServicePage

__all__ = ["ServiceIndexPage", "ServicePage"]
