"""A publish is never undone by a draft save already on its way.

Wagtail's editor saves a draft every half second while the therapist types.
If one of those saves has read the page, not yet live, when "Publish" lands,
it must not then write the page back as a draft: the admin would say
"published" while visitors get a 404.
"""

from wagtail import hooks

from home.models import StandardPage
from home.publishing import STALE_DRAFT
from tests.helpers import add_child_page, form_data


def _draft(demo):
    return add_child_page(demo, StandardPage(title="Sleeping better", introduction="A first draft."), publish=False)


def _edit_form(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    data = form_data(response, form_id="page-edit-form")
    data["introduction"] = ["A second draft, typed just before Publish."]
    data["body-count"] = ["0"]  # the body is drawn by the editor's script; this draft has none
    return data


def _publish_meanwhile(page):
    """Stands in for the therapist's Publish, landing after the draft save has read the page."""

    def publish(request, loaded_page):
        StandardPage.objects.get(pk=page.pk).save_revision().publish()

    return hooks.register_temporarily("before_edit_page", publish)


def test_an_autosave_that_read_the_page_before_publish_does_not_unpublish_it(editor_client, demo):
    page = _draft(demo)
    data = _edit_form(editor_client, page)
    with _publish_meanwhile(page):
        response = editor_client.post(f"/admin/pages/{page.pk}/edit/", data, HTTP_ACCEPT="application/json")
    page.refresh_from_db()
    assert page.live, "the publish was undone by a draft save that started before it"
    assert editor_client.get(page.url).status_code == 200
    # The editor's save indicator is told this draft was not saved, and why.
    assert response.json()["success"] is False
    assert STALE_DRAFT in response.content.decode()


def test_save_draft_clicked_as_publish_lands_keeps_the_page_live_and_says_so(editor_client, demo):
    page = _draft(demo)
    data = _edit_form(editor_client, page)
    with _publish_meanwhile(page):
        response = editor_client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)
    page.refresh_from_db()
    assert page.live
    assert STALE_DRAFT in response.content.decode()


def test_drafts_still_save_and_pages_still_unpublish(editor_client, demo):
    page = _draft(demo)
    data = _edit_form(editor_client, page)
    response = editor_client.post(f"/admin/pages/{page.pk}/edit/", data, HTTP_ACCEPT="application/json")
    assert response.json()["success"] is True
    page.refresh_from_db()
    assert page.introduction == "A second draft, typed just before Publish." and not page.live

    page.save_revision().publish()
    response = editor_client.post(f"/admin/pages/{page.pk}/unpublish/")
    page.refresh_from_db()
    assert not page.live
