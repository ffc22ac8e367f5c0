"""Tidying what visitors type before any validation sees it.

Control characters are invisible: a visitor who pasted one in could never find
it to remove it, so they are dropped rather than rejected (tabs and line breaks
stay). Bidirectional overrides are dropped because they can make an enquiry
read differently in the admin from what was sent, and lone surrogates because
no database can store them. Text is normalised to NFC so the same words are
always stored the same way.
"""

import unicodedata

_KEEP = {0x09, 0x0A, 0x0D}
_DROPPED = [
    *range(0x00, 0x20),  # C0 controls
    0x7F,  # delete
    *range(0x80, 0xA0),  # C1 controls
    *range(0x202A, 0x202F),  # bidirectional embeddings and overrides
    *range(0x2066, 0x206A),  # bidirectional isolates
    *range(0xD800, 0xE000),  # surrogates, never valid on their own
    0xFFFE,
    0xFFFF,  # non-characters
]
_TABLE = {code: None for code in _DROPPED if code not in _KEEP}


def clean_text(value):
    return unicodedata.normalize("NFC", value.translate(_TABLE))


def clean_submitted(data):
    """A copy of a QueryDict with every value tidied (the original is immutable)."""
    cleaned = data.copy()
    for key, values in data.lists():
        cleaned.setlist(key, [clean_text(value) for value in values])
    return cleaned
