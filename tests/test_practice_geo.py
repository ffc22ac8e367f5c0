"""The practice room's map position in its LocalBusiness (issue 14, optional `geo`): given once in
Practice details, refused next to the field when impossible, never on a walk-and-talk page."""

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse
from wagtail.models import Site

from home.models import PracticeSettings
from tests.helpers import json_ld_of_type
from tests.test_practice_facts import field_error

pytestmark = pytest.mark.django_db


def place_the_room(latitude="51.899400", longitude="-2.074300"):
    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    practice.latitude, practice.longitude = latitude, longitude
    practice.save()


def test_the_practice_gives_its_map_position_when_it_has_one(client, demo):
    place_the_room(None, None)
    [business] = json_ld_of_type(client.get("/"), "LocalBusiness")
    assert "geo" not in business, "no position unless the therapist gives one"
    place_the_room()
    [business] = json_ld_of_type(client.get("/"), "LocalBusiness")
    assert business["geo"] == {"@type": "GeoCoordinates", "latitude": 51.8994, "longitude": -2.0743}


def test_a_walk_and_talk_page_never_gives_the_rooms_position(client, demo):
    place_the_room()
    text = client.get("/services/walk-and-talk-therapy/").content.decode()
    assert "GeoCoordinates" not in text and "51.8994" not in text


def practice_form(**changes):
    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    data = {key: ("" if value is None else value) for key, value in model_to_dict(practice).items() if key not in ("id", "site")}
    data.update(changes)
    return data


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"latitude": "123", "longitude": "-2.07"}, "latitude", "between -90 and 90"),
    ({"latitude": "51.9", "longitude": "-200"}, "longitude", "between -180 and 180"),
    ({"latitude": "51.9", "longitude": ""}, "longitude", "Give both"),
    ({"latitude": "north", "longitude": "-2.07"}, "latitude", "Enter a number"),
])
def test_an_impossible_position_is_refused_next_to_the_field(editor_client, demo, changes, field, message):
    url = reverse("wagtailsettings:edit", args=["home", "practicesettings", Site.objects.get(is_default_site=True).pk])
    before = PracticeSettings.objects.values_list("latitude", "longitude").get()
    response = editor_client.post(url, practice_form(**changes))
    assert response.status_code == 200, "the form comes back"
    assert message in field_error(response, field)
    assert PracticeSettings.objects.values_list("latitude", "longitude").get() == before, "nothing was saved"
