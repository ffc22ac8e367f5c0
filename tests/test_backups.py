"""A backup brings back every page, image and enquiry into an empty database."""

import json
import os
import subprocess
import sys
import tarfile

from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page

from contact.models import ContactPage


def test_backup_restores_every_page_and_enquiry_into_an_empty_database(demo, tmp_path):
    contact = ContactPage.objects.get()
    contact.get_submission_class().objects.create(
        page=contact, form_data={"name": "Sam Example", "message": "Could we talk about anxiety?"}
    )
    live_urls = sorted(page.url_path for page in Page.objects.filter(depth__gt=1))
    call_command("backup", output_dir=str(tmp_path), stdout=open(os.devnull, "w"))
    [archive] = list(tmp_path.glob("practice-backup-*.tar.gz"))
    assert oct(archive.stat().st_mode & 0o777) == "0o600", "enquiries are health data: owner-only file"
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "data.json" in names and any(name.startswith("media/original_images/") for name in names)

    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.dev", SQLITE_PATH=str(tmp_path / "restored.sqlite3"),
               MEDIA_ROOT=str(tmp_path / "media"))
    run = subprocess.run([sys.executable, "manage.py", "restore", str(archive)], cwd=settings.BASE_DIR,
                         env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Restored" in run.stdout

    probe = (
        "import json; from wagtail.models import Page; from contact.models import ContactPage;"
        "Submission = ContactPage.objects.get().get_submission_class();"
        "print(json.dumps({'urls': sorted(p.url_path for p in Page.objects.filter(depth__gt=1)),"
        "'enquiries': [s.form_data for s in Submission.objects.all()],"
        "'found': [p.title for p in Page.objects.live().search('walk')]}))"
    )
    out = subprocess.run([sys.executable, "manage.py", "shell", "-c", probe], cwd=settings.BASE_DIR, env=env,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    restored = json.loads(out.stdout.strip().splitlines()[-1])
    assert restored["urls"] == live_urls
    assert {"name": "Sam Example", "message": "Could we talk about anxiety?"} in restored["enquiries"]
    assert restored["found"], "the search index is rebuilt after a restore"
    assert any((tmp_path / "media" / "original_images").iterdir()), "uploaded images come back too"


def test_restore_refuses_to_overwrite_a_site_with_content(demo, tmp_path):
    call_command("backup", output_dir=str(tmp_path), stdout=open(os.devnull, "w"))
    [archive] = list(tmp_path.glob("*.tar.gz"))
    from django.core.management.base import CommandError

    try:
        call_command("restore", str(archive), stdout=open(os.devnull, "w"))
    except CommandError as error:
        assert "already has pages" in str(error)
    else:
        raise AssertionError("restore replaced a live site without --force")
