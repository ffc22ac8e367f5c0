"""What a visitor typed, made safe to hand to any search backend.

Only runs of letters and digits (in any script) reach the backend. Quotes,
brackets, operators and emoji never do, so no query syntax of SQLite FTS5,
PostgreSQL or OpenSearch can be triggered by accident, and the same words are
searched whichever backend is in use.
"""

import re
import unicodedata
from dataclasses import dataclass

# Long enough for any real question ("how can counselling help with ADHD and
# anxiety at work"), short enough that a pasted essay cannot become a costly
# query with hundreds of terms.
MAX_LENGTH = 100

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchText:
    text: str  # what goes back into the search box: tidied and capped
    words: tuple  # what is searched for
    shortened: bool  # the visitor typed more than MAX_LENGTH characters

    @property
    def terms(self):
        return " ".join(self.words)


def parse(raw):
    # Control and invisible format characters (NUL, zero-width joiners) become
    # spaces: PostgreSQL refuses NUL outright and the rest only confuse.
    visible = "".join(" " if unicodedata.category(char).startswith("C") else char for char in raw or "")
    text = " ".join(visible.split())
    shortened = len(text) > MAX_LENGTH
    if shortened:
        text = text[:MAX_LENGTH]
        # Cut at the last whole word when there is one.
        text = text.rsplit(" ", 1)[0] if " " in text else text
    seen, words = set(), []
    for word in _WORD.findall(text):
        if word.casefold() not in seen:
            seen.add(word.casefold())
            words.append(word)
    return SearchText(text=text, words=tuple(words), shortened=shortened)
