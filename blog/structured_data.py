"""schema.org BlogPosting for a post; the practice (home.structured_data) is its publisher."""

from datetime import datetime, time

from django.utils import timezone

from home import structured_data
from home.streams import word_count

SHARE_RENDITION = "fill-1200x630|format-jpeg"


def blog_posting(post, request, practice):
    url = post.get_full_url(request)
    data = {
        "@type": "BlogPosting",
        "@id": f"{url}#article",
        "mainEntityOfPage": url,
        "url": url,
        "headline": post.title[:110],
        "description": post.get_meta_description(),
        "inLanguage": "en-GB",
        "wordCount": word_count(post.body),
        "publisher": {"@id": structured_data.practice_id(request)},
    }
    published = published_at(post)
    if published:
        data["datePublished"] = published.isoformat()
    modified = post.last_published_at or post.first_published_at
    if modified:
        data["dateModified"] = timezone.localtime(modified).isoformat(timespec="seconds")
    if post.author:
        data["author"] = author_person(post.author, request, practice)
    image = post.get_share_image() or practice.share_image
    if image:
        data["image"] = structured_data.absolute(request, image.get_rendition(SHARE_RENDITION).url)
    keywords = [tag.name for tag in post.tags.all()]
    if keywords:
        data["keywords"] = keywords
    return data


def published_at(post):
    """The article's date as a moment in Europe/London: the first publish when it fell
    on that day, else the start of the day (a date set by hand for a moved article)."""
    day = post.published_on
    if not day:
        return None
    if post.first_published_at and timezone.localdate(post.first_published_at) == day:
        return timezone.localtime(post.first_published_at).replace(microsecond=0)
    return timezone.make_aware(datetime.combine(day, time.min))


def author_person(author, request, practice):
    person = {"@type": "Person", "name": author.name}
    if practice.therapist_name and author.name.strip().casefold() == practice.therapist_name.strip().casefold():
        # The therapist: the same Person node (same @id) as the home and About pages.
        person["@id"] = structured_data.person_id(request)
    if author.role:
        person["jobTitle"] = author.role
    if author.bio:
        person["description"] = author.bio
    if author.photo:
        person["image"] = structured_data.absolute(request, author.photo.get_rendition("fill-400x400|format-jpeg").url)
    if author.about_page:
        person["url"] = author.about_page.get_full_url(request)
    return person
