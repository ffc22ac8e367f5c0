"""The booking page costs the same number of queries with 10,000 past requests as with a handful."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from booking import clock
from booking.models import CallRequest
from tests.test_booking_support import BOOKING_URL, booking_page


def add_past_requests(page, count):
    now = clock.now()
    statuses = ["declined", "expired", "cancelled", "confirmed"]  # past: none waits for an answer
    CallRequest.objects.bulk_create([
        CallRequest(page=page, starts_at=now - timedelta(minutes=30 * (i + 10)), ends_at=now - timedelta(minutes=30 * (i + 10) - 20),
                    status=statuses[i % len(statuses)], way="phone", name=f"Past {i}", email=f"past{i}@example.net")
        for i in range(count)
    ], batch_size=1000)


def queries(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(BOOKING_URL).status_code == 200
    return len(captured)


def test_query_count_is_flat_as_requests_grow(client, demo):
    queries(client)  # warm per-process caches (site root, content types)
    before = queries(client)
    assert queries(client) == before
    add_past_requests(booking_page(), 10_000)
    assert queries(client) == before
