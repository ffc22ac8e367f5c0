"""Only trusted staff read enquiries: in the admin, where they can filter and export them."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from contact.models import ContactSubmission
from tests.contact_helpers import contact_page


@pytest.fixture
def enquiry(demo):
    return ContactSubmission.objects.create(
        page=contact_page(), form_data={"your_name": "Robin Private", "anything_you_would_like_me_to_know": "My panic attacks"},
    )


def submissions_url():
    return reverse("wagtailforms:list_submissions", args=[contact_page().pk])


@pytest.fixture
def page_editor(django_user_model):
    """Someone in Wagtail's Editors group: may edit pages, including the contact page's wording."""
    user = django_user_model.objects.create_user("helper", "helper@example.org", "a-long-test-password")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_visitors_who_are_not_signed_in_are_sent_to_the_login_page(client, enquiry):
    response = client.get(submissions_url())
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_signed_in_users_without_admin_access_cannot_see_enquiries(client, enquiry, django_user_model):
    client.force_login(django_user_model.objects.create_user("member", "m@example.org", "a-long-test-password"))
    response = client.get(submissions_url())
    assert response.status_code in (302, 403)
    assert b"Robin Private" not in response.content


def test_a_page_editor_without_the_enquiry_permission_cannot_read_enquiries(client, enquiry, page_editor):
    client.force_login(page_editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[contact_page().pk])).status_code == 200
    for url in (submissions_url(), submissions_url() + "?export=csv", reverse("wagtailforms:index")):
        response = client.get(url)
        assert b"Robin Private" not in response.content
        assert response.status_code in (200, 302, 403)
    assert client.get(submissions_url())["Location"] == "/admin/", "Wagtail's 'permission denied' redirect"


def test_the_enquiry_permission_can_be_granted_to_a_group(client, enquiry, page_editor, editor_client):
    permission = Permission.objects.get(codename="view_contactsubmission")
    group_page = editor_client.get(reverse("wagtailusers_groups:edit", args=[Group.objects.get(name="Editors").pk]))
    assert f'name="permissions" value="{permission.pk}"'.encode() in group_page.content
    page_editor.groups.first().permissions.add(permission)
    client.force_login(page_editor)
    assert b"Robin Private" in client.get(submissions_url()).content


def test_the_therapist_reads_filters_and_exports_enquiries(editor_client, enquiry):
    listing = editor_client.get(submissions_url())
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "Robin Private" in text and "E-mail to you" in text and "Not sent yet" in text

    today = enquiry.submit_time.date().isoformat()
    assert "Robin Private" in editor_client.get(submissions_url(), {"date_from": today}).content.decode()
    assert "Robin Private" not in editor_client.get(submissions_url(), {"date_to": "2000-01-01"}).content.decode()

    export = editor_client.get(submissions_url(), {"export": "csv"})
    assert export.status_code == 200
    csv = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "Your name" in csv and "Robin Private" in csv and "My panic attacks" in csv
