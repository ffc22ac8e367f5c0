"""How money, times and days read on the page: "£62.50", "9:30am", "Monday to Thursday"."""

from decimal import Decimal

from .models import Weekday


def money(amount):
    if amount is None:
        return ""
    amount = Decimal(amount)
    if not amount:
        return "Free"
    return f"£{amount:.0f}" if amount == amount.to_integral_value() else f"£{amount:.2f}"


def clock(time):
    hour = time.hour % 12 or 12
    suffix = "am" if time.hour < 12 else "pm"
    return f"{hour}{suffix}" if not time.minute else f"{hour}:{time.minute:02d}{suffix}"


def day_span(first, last):
    names = [Weekday(day).label for day in (first, last)]
    if first == last:
        return names[0]
    if last == first + 1:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} to {names[1]}"


def runs(days):
    """Consecutive weekday numbers grouped: [0, 1, 2, 5, 6] -> [(0, 2), (5, 6)]."""
    groups = []
    for day in sorted(days):
        if groups and day == groups[-1][1] + 1:
            groups[-1] = (groups[-1][0], day)
        else:
            groups.append((day, day))
    return groups
