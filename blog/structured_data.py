"""schema.org BlogPosting for a post; the practice (home.structured_data) is its publisher."""

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
    if post.published_on:
        data["datePublished"] = post.published_on.isoformat()
    modified = post.last_published_at or post.first_published_at
    if modified:
        data["dateModified"] = modified.isoformat()
    if post.author:
        data["author"] = author_person(post.author, request)
    image = post.get_share_image() or practice.share_image
    if image:
        data["image"] = structured_data.absolute(request, image.get_rendition(SHARE_RENDITION).url)
    keywords = [tag.name for tag in post.tags.all()]
    if keywords:
        data["keywords"] = keywords
    return data


def author_person(author, request):
    person = {"@type": "Person", "name": author.name}
    if author.role:
        person["jobTitle"] = author.role
    if author.bio:
        person["description"] = author.bio
    if author.photo:
        person["image"] = structured_data.absolute(request, author.photo.get_rendition("fill-400x400|format-jpeg").url)
    if author.about_page:
        person["url"] = author.about_page.get_full_url(request)
    return person
