"""Cookie-free insights: what is counted, what never is, and what the therapist sees."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from wagtail.models import Page

from blog.models import BlogPage
from insights.models import HelpfulDay, HelpfulNote, PageViewDay, SearchMissDay

PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36"
TABLET = "Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/604.1"


def visitor(user_agent=DESKTOP, **headers):
    return Client(HTTP_USER_AGENT=user_agent, **headers)


def views_of(path, **filters):
    return sum(PageViewDay.objects.filter(day=timezone.localdate(), path=path, **filters).values_list("views", flat=True))


@pytest.fixture
def post(demo):
    return BlogPage.objects.live().order_by("pk").first()


def test_a_visit_adds_one_to_todays_count_for_that_page_referrer_and_device(demo):
    before = views_of("/about/", device="phone", referrer="duckduckgo.com")
    response = visitor(PHONE, HTTP_REFERER="https://duckduckgo.com/?q=counsellor+cheltenham").get("/about/?utm_source=x&q=private")
    assert response.status_code == 200
    assert views_of("/about/", device="phone", referrer="duckduckgo.com") == before + 1
    # The query string is never kept, and nothing is sent back to the visitor.
    assert not PageViewDay.objects.filter(path__contains="?").exists()
    assert not response.cookies


def test_tablets_and_computers_are_told_apart(demo):
    before_tablet, before_desktop = views_of("/services/", device="tablet"), views_of("/services/", device="desktop")
    visitor(TABLET).get("/services/")
    visitor(DESKTOP).get("/services/")
    assert views_of("/services/", device="tablet") == before_tablet + 1
    assert views_of("/services/", device="desktop") == before_desktop + 1


def test_links_from_this_site_count_as_no_referrer(demo):
    before = views_of("/services/", referrer="")
    visitor(HTTP_REFERER="http://testserver/blog/").get("/services/")
    assert views_of("/services/", referrer="") == before + 1


def test_the_service_a_call_to_action_carried_is_kept(demo):
    visitor().get("/contact/?service=walk-and-talk-therapy&name=Jo+Bloggs")
    assert views_of("/contact/", service="walk-and-talk-therapy") >= 1
    assert not PageViewDay.objects.filter(service__icontains="jo").exists()


def test_a_page_served_from_the_cache_is_still_counted_and_stays_cacheable(demo):
    before = views_of("/about/")
    first, second = visitor().get("/about/"), visitor().get("/about/")
    assert second["X-Page-Cache"] == "hit"
    assert views_of("/about/") == before + 2
    assert "public" in second["Cache-Control"] and not second.cookies and not first.cookies


@pytest.mark.parametrize("headers", [
    {"HTTP_DNT": "1"},
    {"HTTP_SEC_GPC": "1"},
    {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
    {"HTTP_USER_AGENT": "curl/8.5.0"},
    {"HTTP_USER_AGENT": ""},
    {"HTTP_USER_AGENT": "Mozilla/5.0 " + "A" * 5000},
    {"HTTP_USER_AGENT": DESKTOP.replace("Chrome/", "HeadlessChrome/")},
], ids=["dnt", "gpc", "googlebot", "curl", "no-agent", "huge-agent", "headless"])
def test_visitors_who_object_and_robots_are_not_counted(demo, headers):
    before = views_of("/about/")
    client = Client(**{"HTTP_USER_AGENT": DESKTOP, **headers})
    assert client.get("/about/").status_code == 200
    assert views_of("/about/") == before


def test_signed_in_editors_previews_and_missing_pages_are_not_counted(demo, editor_client, post):
    editor_client.defaults["HTTP_USER_AGENT"] = DESKTOP
    before = views_of(post.url)
    editor_client.get(post.url)
    editor_client.get(f"/admin/pages/{post.pk}/edit/preview/")
    visitor().get("/no-such-page/")
    assert views_of(post.url) == before
    assert not PageViewDay.objects.filter(path__startswith="/admin/").exists()
    assert not PageViewDay.objects.filter(path="/no-such-page/").exists()


def test_nothing_that_identifies_a_visitor_is_stored(demo):
    agent = DESKTOP + " Unique/7f3a9c"
    visitor(agent, REMOTE_ADDR="203.0.113.77", HTTP_REFERER="https://evil.example/path?email=jo@example.org").get("/about/")
    stored = " ".join(
        " ".join(map(str, row)) for row in PageViewDay.objects.values_list("path", "referrer", "device", "service")
    )
    assert "203.0.113.77" not in stored and "Unique/7f3a9c" not in stored and "jo@example.org" not in stored
    assert views_of("/about/", referrer="evil.example") >= 1


def test_a_failure_to_count_never_breaks_a_page(demo, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database is locked")

    monkeypatch.setattr("insights.tally.add", broken)
    assert visitor().get("/about/").status_code == 200


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(agent=st.text(max_size=600), referer=st.text(max_size=300), service=st.text(max_size=80))
def test_odd_agents_referrers_and_services_never_give_an_error(demo, agent, referer, service):
    headers = {}
    for name, value in (("HTTP_USER_AGENT", agent), ("HTTP_REFERER", referer)):
        # Only what an HTTP header can carry.
        headers[name] = value.encode("latin-1", "ignore").decode("latin-1").replace("\n", "").replace("\r", "")
    response = Client(**headers).get("/about/", {"service": service})
    assert response.status_code == 200


# --- Was this helpful? ----------------------------------------------------------


def test_each_post_ends_with_a_helpful_question_without_a_cookie(demo, post):
    response = visitor().get(post.url)
    assert b"Was this article helpful?" in response.content
    assert b'action="/insights/helpful/"' in response.content
    assert not response.cookies


def answers(post, helpful):
    return sum(HelpfulDay.objects.filter(page=post, helpful=helpful).values_list("answers", flat=True))


def test_an_answer_is_counted_once_per_visitor_and_post_and_its_note_kept_without_contact_details(demo, post):
    yes_before, no_before = answers(post, True), answers(post, False)
    client = visitor(REMOTE_ADDR="198.51.100.7")
    response = client.post("/insights/helpful/", {
        "page": post.pk, "answer": "no", "missing": "More about costs; write to me at jo@example.org or 07700 900123",
    })
    assert response.status_code == 200 and b"Thank you" in response.content
    assert not response.cookies
    assert answers(post, False) == no_before + 1
    note = HelpfulNote.objects.filter(page=post).first()
    assert "More about costs" in note.text and "jo@example.org" not in note.text and "07700" not in note.text
    # The same visitor cannot tilt the count by answering again.
    for _ in range(5):
        client.post("/insights/helpful/", {"page": post.pk, "answer": "yes"})
    assert answers(post, True) == yes_before
    # Someone else can.
    visitor(REMOTE_ADDR="198.51.100.8").post("/insights/helpful/", {"page": post.pk, "answer": "yes"})
    assert answers(post, True) == yes_before + 1


def test_notes_are_cut_to_200_characters(demo, post):
    visitor(REMOTE_ADDR="198.51.100.9").post("/insights/helpful/", {"page": post.pk, "answer": "no", "missing": "x" * 5000})
    assert len(HelpfulNote.objects.filter(page=post).first().text) == 200


@pytest.mark.parametrize("data", [
    {"page": "999999", "answer": "yes"},
    {"page": "abc", "answer": "yes"},
    {"page": "-1", "answer": "yes"},
    {"answer": "yes"},
    {"page": "PAGE", "answer": "maybe"},
    {"page": "99999999999999999999", "answer": "no"},
])
def test_forged_answers_are_refused_without_an_error(demo, post, data):
    data = {key: str(post.pk) if value == "PAGE" else value for key, value in data.items()}
    before = HelpfulDay.objects.count()
    response = visitor().post("/insights/helpful/", data)
    assert response.status_code == 404
    assert HelpfulDay.objects.count() == before


def test_answers_from_another_site_and_for_private_or_draft_pages_are_refused(demo, post):
    response = visitor(HTTP_ORIGIN="https://evil.example").post("/insights/helpful/", {"page": post.pk, "answer": "yes"})
    assert response.status_code == 403
    draft = post.copy(update_attrs={"slug": "insights-draft", "title": "Draft"}, keep_live=False)
    response = visitor().post("/insights/helpful/", {"page": draft.pk, "answer": "yes"})
    assert response.status_code == 404
    assert visitor().get("/insights/helpful/").status_code == 405


# --- The therapist's view ---------------------------------------------------------


def test_the_therapist_sees_charts_and_tables_of_the_same_figures(demo, editor_client, post):
    visitor().get(post.url)
    response = editor_client.get("/admin/insights/?days=7")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<svg") >= 3 and 'role="img"' in html
    assert "Visits per day" in html and "Most-read pages" in html and "Where visitors came from" in html
    assert "Searches that found nothing" in html and "led to an enquiry" in html
    assert post.title in html  # most-read pages are named by title
    assert "<table" in html and 'scope="row"' in html
    # The demo's 90 days of counts are there, and a silly period falls back to 30 days.
    assert "in 90 days" in editor_client.get("/admin/insights/?days=90").content.decode()
    assert "in 30 days" in editor_client.get("/admin/insights/?days=abc").content.decode()


def test_only_people_given_insights_see_them(demo, django_user_model):
    moderator = django_user_model.objects.create_user("mod", "mod@example.org", "a-long-test-password")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client = Client()
    client.force_login(moderator)
    refused = client.get("/admin/insights/", follow=True)
    assert b"Visits per day" not in refused.content and b"permission" in refused.content
    assert b"Insights" not in client.get("/admin/").content.split(b"<main")[0]
    moderator.user_permissions.add(Permission.objects.get(codename="view_insights"))
    assert client.get("/admin/insights/").status_code == 200


def test_searches_that_found_nothing_are_listed_but_never_contact_details(demo, editor_client):
    visitor().get("/search/", {"q": "zebra crossing"})
    visitor().get("/search/", {"q": "jo@example.org"})
    visitor().get("/search/", {"q": "call 07700 900123"})
    terms = set(SearchMissDay.objects.values_list("terms", flat=True))
    assert "zebra crossing" in terms
    assert not any("@" in t or "07700" in t for t in terms)
    assert "zebra crossing" in editor_client.get("/admin/insights/?days=7").content.decode()


def test_counts_older_than_the_setting_are_purged_by_the_housekeeping_command(demo):
    from django.core.management import call_command

    old_day = timezone.localdate() - timedelta(days=31 * 13 + 2)
    PageViewDay.objects.create(day=old_day, path="/old/", device="desktop", views=3)
    HelpfulNote.objects.create(day=old_day, page=Page.objects.get(depth=2), text="old note")
    recent = PageViewDay.objects.create(day=timezone.localdate() - timedelta(days=300), path="/recent/", device="desktop", views=1)
    call_command("purge_insights", stdout=_Sink())
    assert not PageViewDay.objects.filter(path="/old/").exists()
    assert not HelpfulNote.objects.filter(text="old note").exists()
    assert PageViewDay.objects.filter(pk=recent.pk).exists()


class _Sink:
    def write(self, *args):
        pass

    def flush(self):
        pass


def test_the_privacy_notice_says_what_is_counted_and_how_to_object(demo):
    html = visitor().get("/privacy/").content.decode()
    assert "What I count about visits" in html
    assert "Global Privacy Control" in html and "IP address" in html


def test_the_page_read_before_an_enquiry_is_counted_but_never_stored_with_it(demo, post):
    from contact.models import ContactSubmission
    from insights.models import LeadDay
    from tests.contact_helpers import valid_answers
    from tests.helpers import soup

    before = sum(LeadDay.objects.filter(path=post.url, kind="enquiry").values_list("leads", flat=True))
    client = visitor(REMOTE_ADDR="192.0.2.44")
    form = soup(client.get("/contact/", HTTP_REFERER=f"http://testserver{post.url}"))
    came_from = form.find("input", attrs={"name": "came_from"})
    assert came_from["value"] == post.url
    data = {**valid_answers(), "came_from": came_from["value"]}
    for hidden in form.select("form input[type=hidden]"):
        data.setdefault(hidden["name"], hidden.get("value", ""))
    response = client.post("/contact/", data)
    assert response.status_code == 200
    submission = ContactSubmission.objects.order_by("-pk").first()
    assert post.url not in submission.form_data
    assert sum(LeadDay.objects.filter(path=post.url, kind="enquiry").values_list("leads", flat=True)) == before + 1
