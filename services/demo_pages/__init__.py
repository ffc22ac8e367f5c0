"""Text of the demo service pages, one module per service (see services.demo_content).

The helpers keep the block data short enough to read as prose.
"""


def h2(text):
    return ("heading", {"text": text, "level": "h2", "anchor": ""})


def callout(html, style="callout", attribution=""):
    return ("callout", {"style": style, "text": html, "attribution": attribution})


def faq(heading, *pairs):
    """An FAQ block from (question, answer html) pairs."""
    return ("faq", {"heading": heading, "questions": [{"question": q, "answer": a} for q, a in pairs]})


def row(heading, *cells):
    """A comparison-table row: its heading and one plain-text cell per column."""
    return {"heading": heading, "cells": [f"<p>{cell}</p>" for cell in cells]}
