from .availability import AvailabilitySettings, Status
from .credentials import Credential, CredentialSettings
from .fees import CancellationCharge, FeesSettings, ReducedFees, ServiceFee, WayOfMeeting
from .hours import OpeningHours, Weekday

__all__ = [
    "AvailabilitySettings", "CancellationCharge", "Credential", "CredentialSettings", "FeesSettings",
    "OpeningHours", "ReducedFees", "ServiceFee", "Status", "WayOfMeeting", "Weekday",
]
from .snapshot import FactsSnapshot  # noqa: E402

__all__ += ["FactsSnapshot"]
