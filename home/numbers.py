"""Numbers as a page says them: "four", "Four", "about six months"."""

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen", "twenty")
DAYS_PER_MONTH = 365.25 / 12


def number_in_words(count, like="four"):
    """``count`` written the way ``like`` was: digits, a word, or a capitalised word."""
    if like.isdigit():
        return str(count)
    word = NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else str(count)
    return word.capitalize() if like[:1].isupper() else word


def days_in_words(days):
    """"180 days (about six months)": the exact number, and the months only when they are close to it."""
    months = round(days / DAYS_PER_MONTH)
    if months < 1 or abs(days - months * DAYS_PER_MONTH) > 3:
        return f"{days} days"
    if months % 12 == 0:
        years = months // 12
        about = "a year" if years == 1 else f"{number_in_words(years)} years"
    else:
        about = "a month" if months == 1 else f"{number_in_words(months)} months"
    return f"{days} days (about {about})"
