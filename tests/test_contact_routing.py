"""Only people who may read enquiries decide where enquiries are sent."""

from django.contrib.auth.models import Permission
from django.core import mail

from tests.contact_helpers import contact_page, send, valid_answers
from tests.helpers import page_edit_url, soup
from tests.helpers import publish_with as publish_page_with

ROUTING_FIELDS = ("to_address", "from_address")


def edit_url():
    return page_edit_url(contact_page())


def publish_with(client, **changes):
    return publish_page_with(client, contact_page(), **changes)


def test_a_moderator_cannot_see_or_change_where_enquiries_go(client, demo, moderator, django_capture_on_commit_callbacks):
    page = contact_page()
    page.to_address = "ben@example.org"
    page.save_revision().publish()
    client.force_login(moderator)
    editor = soup(client.get(edit_url()))
    for name in ROUTING_FIELDS:
        assert editor.find(attrs={"name": name}) is None, f"{name} is offered to a moderator"

    response = publish_with(client, to_address="snoop@example.com", from_address="snoop@example.com",
                            introduction="Wording a moderator may polish.")
    assert response.status_code == 302, "the rest of the page still publishes"
    page = contact_page()
    assert page.introduction == "Wording a moderator may polish."
    assert (page.to_address, page.from_address) == ("ben@example.org", "")
    with django_capture_on_commit_callbacks(execute=True):
        send(client.__class__(), valid_answers())
    assert [message.to for message in mail.outbox] == [["ben@example.org"]]


def test_someone_who_may_read_enquiries_can_change_where_they_go(client, demo, moderator):
    moderator.groups.first().permissions.add(Permission.objects.get(codename="view_contactsubmission"))
    client.force_login(moderator)
    assert soup(client.get(edit_url())).find(attrs={"name": "to_address"}) is not None
    assert publish_with(client, to_address="ben.new@example.org").status_code == 302
    assert contact_page().to_address == "ben.new@example.org"
