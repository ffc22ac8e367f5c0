"""The one authenticator-app device (TOTP, from django-otp) an editor may have."""

from base64 import b32encode

from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"


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
