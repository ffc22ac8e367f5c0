"""“Was this helpful?”: a yes or no per article, counted per day, no cookie.

The answer is a plain form post (no script needed). Article pages come from
the page cache, so they cannot carry a CSRF token; instead a post must come
from this site when the browser says where it comes from (Origin), and one
visitor's answers are limited by a keyed hash of their address kept only in
the cache for a day, so no one can tilt the counts.
"""

import hashlib
import hmac
import logging

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from home.ratelimit import visitor as client_address

from . import classify, tally
from .models import HelpfulDay, HelpfulNote, InsightsSettings

logger = logging.getLogger(__name__)

ANSWERS_PER_DAY = 20  # one visitor, all articles together


class HelpfulForm(forms.Form):
    page = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    answer = forms.ChoiceField(choices=[("yes", "Yes"), ("no", "No")])
    missing = forms.CharField(required=False, strip=True)  # cut to 200 characters, never refused


def _answered_key(request, *parts):
    """This visitor's answer today, as a keyed hash (the address itself is never kept)."""
    day = timezone.localdate().isoformat()
    raw = "|".join([client_address(request), day, *map(str, parts)])
    return "insights:helpful:" + hmac.new(settings.SECRET_KEY.encode(), raw.encode(), hashlib.sha256).hexdigest()[:32]


def _first_time(request, *parts):
    """True the first time this visitor does this today (kept only as a keyed hash, in the cache)."""
    return cache.add(_answered_key(request, *parts), 1, timeout=86400)


def _under_daily_cap(request):
    day = timezone.localdate().isoformat()
    raw = f"{client_address(request)}|{day}|all"
    key = "insights:helpful-all:" + hmac.new(settings.SECRET_KEY.encode(), raw.encode(), hashlib.sha256).hexdigest()[:32]
    cache.add(key, 0, timeout=86400)
    try:
        return cache.incr(key) <= ANSWERS_PER_DAY
    except ValueError:
        return True


def _same_site(request):
    origin = request.META.get("HTTP_ORIGIN")
    if not origin:
        return True
    return classify.referrer_host(origin, request.get_host()) == "" and origin.lower().startswith(("http://", "https://"))


@csrf_exempt
@never_cache
@require_POST
def answer(request):
    if not _same_site(request):
        return HttpResponseForbidden("Answers are only accepted from this website.")
    form = HelpfulForm(request.POST)
    if not form.is_valid():
        raise Http404("No such article.")
    page = Page.objects.live().public().filter(pk=form.cleaned_data["page"]).first()
    if page is None:
        raise Http404("No such article.")
    counted = False
    if _first_time(request, page.pk) and _under_daily_cap(request):
        counted = True
        day = timezone.localdate()
        helpful = form.cleaned_data["answer"] == "yes"
        note = classify.scrub(classify.clean_text(form.cleaned_data["missing"], 200))
        try:
            with transaction.atomic():
                tally_answer(day, page, helpful)
                if note:
                    HelpfulNote.objects.create(day=day, page=page, text=note)
        except DatabaseError:
            # A full disk or a locked database: thank no one for what was not kept.
            logger.error("A “Was this helpful?” answer could not be saved; the reader was asked to try again.",
                         exc_info=True)
            cache.delete(_answered_key(request, page.pk))  # so that sending it again counts
            texts = InsightsSettings.for_request(request)
            return render(request, "insights/not_saved.html", {
                "article": page, "texts": texts,
                "answer": form.cleaned_data["answer"], "missing": form.cleaned_data["missing"],
            }, status=503)
    texts = InsightsSettings.for_request(request)
    return render(request, "insights/thanks.html", {"article": page, "texts": texts, "counted": counted})


def tally_answer(day, page, helpful):
    tally.increment(HelpfulDay, "answers", 1, day=day, page=page, helpful=helpful)
