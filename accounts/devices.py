"""The one authenticator-app device (TOTP, from django-otp) an editor may have,
and the one-time backup codes (django-otp's static tokens) that stand in for it."""

from base64 import b32encode

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"
BACKUP_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user):
    """The device being set up: made once, so reloading the page keeps the same key."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def readable_key(device):
    """The secret in groups of four, as authenticator apps ask for it when typed in."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))


def clean_code(raw):
    return "".join(ch for ch in str(raw) if ch.isdigit())[:8]


# --- Backup codes ---------------------------------------------------------------


def backup_device(user):
    return StaticDevice.objects.filter(user=user, name=BACKUP_NAME).first()


def new_backup_codes(user):
    """Replace any earlier codes with a fresh set and return them (the only time they are readable here)."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=BACKUP_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    device.throttle_reset()
    return codes


def backup_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__name=BACKUP_NAME).count()


def readable_backup_code(code):
    """"abcd efgh": two halves are easier to copy by hand."""
    return f"{code[:4]} {code[4:]}"


def clean_backup_code(raw):
    """What was typed, without spaces or dashes and in lower case, as the codes are stored."""
    return "".join(ch for ch in str(raw) if ch.isalnum()).lower()[:16]


def remove_devices(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
