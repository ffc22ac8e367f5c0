"""Scheduled posts go live by themselves; an end time must come after the go-live time (issue 12, point 1)."""

import datetime
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from blog.models import BlogIndexPage, BlogPage
from home.scheduling import publish_due_pages
from tests.helpers import soup

ROOT = Path(__file__).resolve().parents[1]
WRAPPER = ROOT / "scripts" / "with-publisher.sh"


def schedule_post(slug, go_live_at):
    post = BlogPage(title=slug.capitalize(), slug=slug, introduction="Soon.", live=False, go_live_at=go_live_at)
    BlogIndexPage.objects.get().add_child(instance=post)
    post.save_revision().publish()  # with a go-live time in the future, Wagtail only schedules it
    return BlogPage.objects.get(pk=post.pk)


def test_a_post_whose_time_has_come_goes_live_on_the_next_round(client, demo):
    post = schedule_post("soon", timezone.now() + datetime.timedelta(seconds=1))
    assert not post.live and client.get(post.url or "/blog/soon/").status_code == 404
    time.sleep(1.2)
    publish_due_pages()
    post.refresh_from_db()
    assert post.live
    assert client.get(post.url).status_code == 200


def test_a_post_scheduled_for_later_waits(demo):
    post = schedule_post("later", timezone.now() + datetime.timedelta(hours=1))
    publish_due_pages()
    post.refresh_from_db()
    assert not post.live


@pytest.mark.django_db
class TestEndTimeMustFollowGoLive(WagtailPageTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.create_test_user())

    def post_with_schedule(self, go_live, expire):
        blog = BlogIndexPage.objects.get()
        data = nested_form_data({
            "title": "Short lived", "slug": "short-lived", "introduction": "A post.", "featured_image_alt": "",
            "tags": "", "date_published": "",
            "body": streamfield([("text", rich_text("<p>Words.</p>"))]),
            "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"), "expire_at": expire.strftime("%Y-%m-%d %H:%M"),
            "action-publish": "action-publish",
        })
        return self.client.post(f"/admin/pages/add/blog/blogpage/{blog.pk}/", data)

    def test_an_end_time_equal_to_the_go_live_time_is_refused_next_to_the_field(self):
        when = timezone.localtime() + datetime.timedelta(days=2)
        response = self.post_with_schedule(when, when)
        assert response.status_code == 200, "the form comes back instead of saving"
        assert not BlogPage.objects.filter(slug="short-lived").exists()
        errors = soup(response).find(id=re.compile(r"-expire_at-errors$"))  # the end-time field's own message
        assert "would come down before anyone could see it" in str(errors)  # it sits in a <template> (the schedule dialog)
        assert soup(response).find("input", attrs={"name": "title"})["value"] == "Short lived", "what was typed is kept"

    def test_an_end_time_before_the_go_live_time_is_refused(self):
        when = timezone.localtime() + datetime.timedelta(days=2)
        response = self.post_with_schedule(when, when - datetime.timedelta(hours=1))
        assert response.status_code == 200
        assert not BlogPage.objects.filter(slug="short-lived").exists()

    def test_an_end_time_after_the_go_live_time_is_accepted(self):
        when = timezone.localtime() + datetime.timedelta(days=2)
        response = self.post_with_schedule(when, when + datetime.timedelta(days=7))
        assert response.status_code == 302
        assert BlogPage.objects.get(slug="short-lived").go_live_at is not None


# --- The loop beside the web server (make run, make serve, the container) --------------


@pytest.fixture
def fake_python(tmp_path):
    """Stands in for `python manage.py publish_on_schedule`: notes that it started, then waits."""
    started = tmp_path / "publishers"
    stub = tmp_path / "python"
    stub.write_text(f'#!/bin/sh\necho "$$ $*" >> {started}\nexec sleep 60\n')
    stub.chmod(0o755)
    return stub, started


def running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie has finished; only a process still in ps's list with state other than Z is running.
    state = subprocess.run(["ps", "-o", "stat=", "-p", str(pid)], capture_output=True, text=True).stdout.strip()
    return bool(state) and not state.startswith("Z")


def wait_for(condition, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_the_server_runs_with_exactly_one_publisher_that_stops_with_it(fake_python):
    stub, started = fake_python
    result = subprocess.run([str(WRAPPER), "sh", "-c", "sleep 1; exit 3"], cwd=ROOT, timeout=30,
                            env={**os.environ, "PYTHON": str(stub), "PUBLISH_EVERY": "5"})
    assert result.returncode == 3, "the server's own exit status comes back"
    lines = started.read_text().splitlines()
    assert len(lines) == 1 and lines[0].endswith("manage.py publish_on_schedule --every 5")
    assert wait_for(lambda: not running(int(lines[0].split()[0]))), "the publisher stopped with the server"


def test_stopping_the_server_stops_the_publisher_too(fake_python, tmp_path):
    stub, started = fake_python
    server_pid = tmp_path / "server"
    wrapper = subprocess.Popen([str(WRAPPER), "sh", "-c", f"echo $$ > {server_pid}; exec sleep 60"], cwd=ROOT,
                               env={**os.environ, "PYTHON": str(stub)})
    assert wait_for(lambda: started.exists() and server_pid.exists() and server_pid.read_text().strip())
    wrapper.send_signal(signal.SIGTERM)  # what systemd, podman stop or Ctrl-C's make does
    wrapper.wait(timeout=15)
    assert wait_for(lambda: not running(int(server_pid.read_text())))
    assert wait_for(lambda: not running(int(started.read_text().split()[0])))



def test_a_stop_request_while_the_server_is_still_starting_leaves_nothing_running(fake_python, tmp_path):
    """systemd may stop the unit the moment it starts: neither the loop nor the server may be orphaned."""
    stub, started = fake_python
    for attempt in range(5):
        server_pid = tmp_path / f"server{attempt}"
        started.unlink(missing_ok=True)
        wrapper = subprocess.Popen([str(WRAPPER), "sh", "-c", f"echo $$ > {server_pid}; exec sleep 60"], cwd=ROOT,
                                   env={**os.environ, "PYTHON": str(stub)})
        assert wait_for(lambda: started.exists() and started.read_text().strip())
        wrapper.send_signal(signal.SIGTERM)  # as early as the loop has started
        wrapper.wait(timeout=15)
        publisher = int(started.read_text().split()[0])
        assert wait_for(lambda pid=publisher: not running(pid)), "the loop was left running"
        if server_pid.exists() and server_pid.read_text().strip():
            assert wait_for(lambda f=server_pid: not running(int(f.read_text()))), "the server was left running"


def test_a_killed_loop_is_started_again_while_the_server_runs(fake_python, tmp_path):
    stub, started = fake_python
    wrapper = subprocess.Popen([str(WRAPPER), "sh", "-c", "exec sleep 60"], cwd=ROOT, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHON": str(stub)}, text=True)
    try:
        assert wait_for(lambda: started.exists() and started.read_text().strip())
        first = int(started.read_text().split()[0])
        os.kill(first, signal.SIGKILL)  # out of memory, or a careless kill -9
        assert wait_for(lambda: len(started.read_text().splitlines()) == 2, seconds=15), "the loop was not started again"
        second = int(started.read_text().splitlines()[1].split()[0])
        assert running(second)
    finally:
        wrapper.send_signal(signal.SIGTERM)
        wrapper.wait(timeout=20)
    assert "starting it again" in wrapper.stderr.read(), "the log says the loop stopped"
    assert wait_for(lambda: not running(second)), "the loop stopped with the server"


def test_a_killed_wrapper_leaves_no_loop_behind(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.dev", SQLITE_PATH=str(tmp_path / "site.sqlite3"),
               PYTHON=sys.executable, PUBLISH_EVERY="1")
    wrapper = subprocess.Popen([str(WRAPPER), "sleep", "60"], cwd=ROOT, env=env, start_new_session=True)

    def loops():
        found = subprocess.run(["pgrep", "-s", str(wrapper.pid), "-f", "publish_on_schedule"], capture_output=True, text=True)
        return [int(pid) for pid in found.stdout.split()]

    assert wait_for(lambda: loops(), seconds=30), "the loop did not start"
    [loop] = loops()
    wrapper.kill()  # kill -9: no trap runs
    wrapper.wait(timeout=10)
    try:
        assert wait_for(lambda: not running(loop), seconds=15), "the loop outlived its server's wrapper"
    finally:
        subprocess.run(["pkill", "-KILL", "-s", str(wrapper.pid)])
