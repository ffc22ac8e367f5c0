"""Authors: a snippet, so one author's name, photo and bio serve every post."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Author(index.Indexed, models.Model):
    name = models.CharField("Name", max_length=120, help_text="As readers should see it, for example “Ben Marlow”.")
    role = models.CharField(
        "Role", max_length=120, blank=True, help_text="Optional, for example “Counsellor (MBACP)”. Shown under the name.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="Photo", help_text="Optional. A friendly head-and-shoulders photo; a square one works best.",
    )
    bio = models.TextField(
        "Short bio", max_length=600, blank=True,
        help_text="Two or three sentences shown under each article: who you are and how you work.",
    )
    about_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="More about the author",
        help_text="Optional. A page readers can visit to find out more, such as your “About me” page.",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("photo"), FieldPanel("bio"), FieldPanel("about_page")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "Author"
        verbose_name_plural = "Authors"

    def __str__(self):
        return self.name
