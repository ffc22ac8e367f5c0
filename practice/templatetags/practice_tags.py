"""Template tags that show practice facts; every one reads them through practice.facts."""

from django import template

from practice.facts import facts_for_request
from practice.formatting import money

register = template.Library()


@register.simple_tag(takes_context=True)
def practice_facts(context):
    """``{% practice_facts as facts %}``: availability, hours, fees and credentials for this request."""
    return facts_for_request(context["request"])


@register.inclusion_tag("practice/includes/availability_note.html", takes_context=True)
def availability_note(context, fee_for=None):
    """The status (and holiday notice) shown next to a call to action; with ``fee_for``
    a page, that service's fee too (or the lowest fee when ``fee_for`` is True)."""
    facts = facts_for_request(context["request"])
    fee = ""
    if fee_for is True:
        fee = f"Sessions from {money(facts.lowest_fee)}" if facts.lowest_fee else ""
    elif fee_for:
        lines = facts.fees_for(fee_for)
        amounts = sorted(line.row.fee for line in lines)
        if amounts:
            fee = f"{'From ' if amounts[0] != amounts[-1] else ''}{money(amounts[0])} a session"
    return {"availability": facts.availability, "fee": fee}


@register.inclusion_tag("practice/includes/fees_table.html", takes_context=True)
def fees_table(context, heading_level=2):
    """Every fee in one table, then the practicalities (intro call, paying, cancelling)."""
    facts = facts_for_request(context["request"])
    return {"facts": facts, "request": context["request"], "heading_level": heading_level}


@register.inclusion_tag("practice/includes/service_fees.html", takes_context=True)
def service_fees(context, page):
    facts = facts_for_request(context["request"])
    return {"lines": facts.fees_for(page), "facts": facts, "page": page}


@register.inclusion_tag("practice/includes/credentials.html", takes_context=True)
def credentials_list(context, heading_id="credentials", heading_level=2, in_footer=False):
    facts = facts_for_request(context["request"])
    return {
        "credentials": facts.credentials,
        "settings": facts.credential_settings,
        "heading_id": heading_id,
        "heading_level": heading_level,
        "in_footer": in_footer,
    }


@register.filter
def pounds(amount):
    return money(amount)


@register.filter
def fee_lines(page, facts):
    """``{% with lines=service|fee_lines:facts %}``: the fee lines of one service page."""
    return facts.fees_for(page)
