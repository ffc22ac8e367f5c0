"""Sentences that count the services ("Four ways to meet") kept to the number that are live.

The therapist writes the number as she would say it; the page shows the live
count in its place, so publishing or unpublishing a service never leaves the
services page saying the wrong number.
"""

import re

from home.numbers import NUMBER_WORDS, number_in_words

# A number (in words or digits) right before what it counts: "four ways to meet",
# "3 ways of meeting", "five services". "One careful way of working" counts nothing.
_COUNTED = re.compile(
    rf"\b(?P<number>\d+|{'|'.join(NUMBER_WORDS[1:])})(?P<space>\s+)"
    r"(?P<noun>ways?(?=\s+(?:to\s+meet|of\s+meeting)\b)|services?\b)",
    re.IGNORECASE,
)


def with_live_count(text, count):
    """``text`` with each number of services in it replaced by ``count``."""

    def replace(match):
        noun = match["noun"]
        singular = noun.lower().rstrip("s") if noun.lower().endswith("s") else noun.lower()
        noun = singular if count == 1 else singular + "s"
        if match["noun"][:1].isupper():
            noun = noun.capitalize()
        return number_in_words(count, match["number"]) + match["space"] + noun

    return _COUNTED.sub(replace, text) if text else text
