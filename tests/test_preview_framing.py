"""Previews may be framed by the admin itself; public pages by nobody (issue 12, point 2)."""

from django.test import RequestFactory

from blog.models import BlogPage


def test_a_preview_may_be_shown_in_the_admins_own_frame(demo, editor):
    post = BlogPage.objects.live().first()
    original = RequestFactory().get("/admin/")
    original.user = editor
    response = post.make_preview_request(original, post.default_preview_mode)
    assert response.status_code == 200
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "'none'" not in response["Content-Security-Policy"].split("frame-ancestors")[1].split(";")[0]
    assert post.title in response.content.decode()


def test_the_public_page_still_refuses_every_frame(editor_client, demo):
    post = BlogPage.objects.live().first()
    response = editor_client.get(post.url)
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_a_visitor_cannot_ask_for_the_preview_framing(client, demo):
    post = BlogPage.objects.live().first()
    response = client.get(post.url + "?is_preview=1&in_preview_panel=true", HTTP_IS_PREVIEW="1")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
