"""The set-up link drawn as a QR code, on the server (segno), as inline SVG.

Nothing leaves the site: no image service sees the secret, and inline SVG
needs no image or script from anywhere, whatever the page's CSP allows.
"""

import segno
from django.utils.safestring import mark_safe

# Large enough for a phone camera at arm's length, with the quiet border scanners need.
SCALE = 5
BORDER = 4


def qr_svg(url):
    """The code as an <svg> element (its title names it for screen readers)."""
    svg = segno.make(url, error="m").svg_inline(
        scale=SCALE, border=BORDER, dark="#000", light="#fff", svgclass="two-step-qr",
        title="QR code to scan with your authenticator app",
    )
    # segno escapes what it writes; role="img" lets assistive technology read the title as its name.
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))
