"""Merge topics that differ only in capitals ("Starting therapy" / "starting therapy").

From now on TAGGIT_CASE_INSENSITIVE makes a typed topic join the existing one;
this folds together the duplicates made before. The most used spelling stays
(the oldest on a tie) and every post keeps its topic.
"""

from collections import defaultdict

from django.db import migrations


def merge_duplicates(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    BlogPageTag = apps.get_model("blog", "BlogPageTag")
    groups = defaultdict(list)
    for tag in Tag.objects.order_by("id"):
        groups[tag.name.casefold()].append(tag)
    for tags in groups.values():
        if len(tags) < 2:
            continue
        keeper = max(tags, key=lambda tag: (BlogPageTag.objects.filter(tag=tag).count(), -tag.id))
        for duplicate in tags:
            if duplicate.id == keeper.id:
                continue
            for item in BlogPageTag.objects.filter(tag=duplicate):
                if BlogPageTag.objects.filter(tag=keeper, content_object_id=item.content_object_id).exists():
                    item.delete()  # the post already carries the kept spelling
                else:
                    item.tag = keeper
                    item.save(update_fields=["tag"])
            duplicate.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0004_fees_table_block"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(merge_duplicates, migrations.RunPython.noop)]
