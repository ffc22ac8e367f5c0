"""The demo's consent note named a period ("six months"); the form now adds the
real one from Settings › Enquiry settings, so that sentence is replaced where it is unchanged."""

from django.db import migrations

OLD = "It is deleted after six months, or sooner if you ask."
NEW = "You can ask me to delete it sooner at any time."


def forwards(apps, schema_editor):
    apps.get_model("contact", "ContactFormField").objects.filter(field_type="consent", help_text=OLD).update(help_text=NEW)


def backwards(apps, schema_editor):
    apps.get_model("contact", "ContactFormField").objects.filter(field_type="consent", help_text=NEW).update(help_text=OLD)


class Migration(migrations.Migration):
    dependencies = [("contact", "0003_enquiry_read_at")]
    operations = [migrations.RunPython(forwards, backwards)]
