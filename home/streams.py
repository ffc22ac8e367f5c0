"""Reading a page's StreamField: headings for contents, words for reading time, FAQ pairs."""

import math
import re

from django.utils.html import strip_tags

from home.blocks.text import heading_anchor

WORDS_PER_MINUTE = 220
_WORD = re.compile(r"\w+", re.UNICODE)


def faq_pairs(stream):
    """(question, answer html) for every FAQ block, in page order."""
    if not stream:
        return []
    return [
        (item["question"], str(item["answer"]))
        for block in stream
        if block.block_type == "faq"
        for item in block.value["questions"]
    ]


def table_of_contents(stream):
    """[{text, anchor, level}] for every heading block (BodyBlock keeps anchors unique)."""
    return [
        {"text": block.value["text"], "anchor": heading_anchor(block.value), "level": block.value["level"]}
        for block in stream or []
        if block.block_type == "heading"
    ]


def word_count(stream):
    if not stream:
        return 0
    text = " ".join(strip_tags(str(piece)) for piece in stream.stream_block.get_searchable_content(stream))
    return len(_WORD.findall(text))


def reading_minutes(stream):
    return max(1, math.ceil(word_count(stream) / WORDS_PER_MINUTE))
