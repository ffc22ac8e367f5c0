"""Search engines and link previews read every page correctly: titles, descriptions,
canonical and sharing tags, JSON-LD that matches the page, the sitemap and robots.txt."""

import json
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.timezone import localtime
from wagtail.models import Page, PageViewRestriction, Site

from home.models import PracticeSettings, StandardPage
from pagecache.store import invalidate as invalidate_page_cache
from tests.helpers import add_child_page, json_ld, soup

PRACTICE = "Therapy with Ben"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def live_pages():
    return [page for page in Page.objects.live().public().filter(depth__gt=1).order_by("path").specific()]


def meta(document, **attrs):
    tag = document.find("meta", attrs=attrs)
    return tag["content"] if tag else None


def practice():
    return PracticeSettings.for_site(Site.objects.get(is_default_site=True))


def nodes(data):
    """Every dict inside a JSON-LD value, however deeply nested."""
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from nodes(value)
    elif isinstance(data, list):
        for value in data:
            yield from nodes(value)


def of_type(items, kind):
    return [item for item in items if item.get("@type") == kind or kind in (item.get("@type") or [])]


def one(items, kind):
    found = of_type(items, kind)
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def visible_faq(document):
    return [
        (item.select_one(".faq__question").get_text(" ", strip=True), " ".join(item.select_one(".faq__answer").get_text(" ").split()))
        for item in document.select(".faq .faq__item")
    ]


# --- Every page -------------------------------------------------------------


def test_every_page_has_a_title_description_canonical_and_sharing_tags(client, demo):
    problems = []
    for page in live_pages():
        response = client.get(page.url)
        document = soup(response)
        url = page.get_full_url()
        description = page.get_meta_description()
        expected = {
            "status": (response.status_code, 200),
            "lang": (document.html.get("lang"), "en-GB"),
            "title": (document.title.get_text(strip=True), f"{page.seo_title or page.title} – {PRACTICE}"),
            "description": (meta(document, name="description"), description),
            "canonical": (document.find("link", rel="canonical")["href"], url),
            "og:url": (meta(document, property="og:url"), url),
            "og:title": (meta(document, property="og:title"), page.seo_title or page.title),
            "og:description": (meta(document, property="og:description"), description),
            "og:site_name": (meta(document, property="og:site_name"), PRACTICE),
            "og:locale": (meta(document, property="og:locale"), "en_GB"),
            "twitter:card": (meta(document, name="twitter:card"), "summary_large_image"),
        }
        problems += [f"{page.url} {name}: {got!r} != {want!r}" for name, (got, want) in expected.items() if got != want]
        if not description:
            problems.append(f"{page.url} has no description: fill in its summary, introduction or promote tab")
        image = meta(document, property="og:image")
        if not image or not image.startswith("http") or "/media/images/" not in image:
            problems.append(f"{page.url} og:image is not an absolute image rendition: {image!r}")
        elif meta(document, name="twitter:image") != image or not meta(document, property="og:image:alt"):
            problems.append(f"{page.url} twitter:image or og:image:alt missing")
        if len(document.find_all("title")) != 1 or len(document.find_all("link", rel="canonical")) != 1:
            problems.append(f"{page.url} has more than one title or canonical link")
    assert not problems, "\n".join(problems)


def test_the_promote_tab_description_wins_over_the_summary(client, demo):
    about = StandardPage.objects.get(slug="about")
    assert meta(soup(client.get("/about/")), name="description") == " ".join(about.introduction.split())[:300]
    about.search_description = "Who I am, how I work and how to check my registration."
    about.save_revision().publish()
    document = soup(client.get("/about/"))
    assert meta(document, name="description") == about.search_description
    assert meta(document, property="og:description") == about.search_description


def test_search_and_missing_pages_have_sensible_titles_and_stay_out_of_search_engines(client, demo):
    search = soup(client.get("/search/", {"q": "anxiety"}))
    assert search.title.get_text(strip=True).startswith("Search")
    assert search.title.get_text(strip=True).endswith(f" – {PRACTICE}")
    assert "noindex" in meta(search, name="robots")
    assert meta(search, name="description")

    response = client.get("/no-such-page/")
    assert response.status_code == 404
    missing = soup(response)
    assert missing.title.get_text(strip=True) == f"Page not found – {PRACTICE}"
    assert missing.find("link", rel="canonical") is None, "a missing page names no canonical address"


def test_a_blog_topic_page_has_its_own_title_and_canonical_address(client, demo):
    from blog.models import BlogIndexPage

    document = soup(client.get("/blog/tags/therapeutic-relationship/"))
    title = document.title.get_text(strip=True)
    assert "Therapeutic relationship" in title and title.endswith(f" – {PRACTICE}")
    canonical = BlogIndexPage.objects.get().get_full_url() + "tags/therapeutic-relationship/"
    assert document.find("link", rel="canonical")["href"] == canonical
    assert meta(document, property="og:url") == canonical
    assert meta(document, name="description")


def test_pages_load_nothing_from_another_host_and_run_no_inline_script(client, demo):
    for url in [page.url for page in live_pages()] + ["/search/?q=counselling", "/no-such-page/"]:
        document = soup(client.get(url))
        for tag in document.find_all(["script", "img", "source", "iframe", "link", "video", "audio"]):
            if tag.name == "link" and not {"stylesheet", "icon", "preload", "modulepreload"} & set(tag.get("rel", [])):
                continue  # canonical, alternate (feeds): addresses, not downloads
            for attr in ("src", "href", "srcset"):
                for address in (tag.get(attr) or "").split(","):
                    address = address.strip().split(" ")[0]
                    assert not address or (address.startswith("/") and not address.startswith("//")), f"{url}: {tag}"
            if tag.name == "script" and not tag.get("src"):
                assert tag.get("type") == "application/ld+json", f"{url} has an inline script: {tag}"


def test_reading_options_apply_before_the_page_is_drawn(client, demo):
    head = soup(client.get("/")).head
    script = head.find("script", src=lambda src: src and src.endswith("js/site.js"))
    assert script is not None, "site.js is loaded in <head>"
    assert not script.has_attr("defer") and not script.has_attr("async"), "it must run before the first paint"


# --- JSON-LD ----------------------------------------------------------------


def test_every_page_has_one_valid_json_ld_graph_without_reviews(client, demo):
    for page in live_pages():
        document = soup(client.get(page.url))
        scripts = document.find_all("script", type="application/ld+json")
        assert len(scripts) == 1, f"{page.url}: one JSON-LD script"
        data = json.loads(scripts[0].string)
        assert data["@context"] == "https://schema.org"
        for node in nodes(data["@graph"]):
            assert set(node) != {"@id"} or node["@id"].startswith("http"), f"{page.url}: {node}"
            if len(node) > 1 or "@type" in node:
                assert node.get("@type"), f"{page.url}: a JSON-LD object without @type: {node}"
            for key in ("url", "item", "@id", "sameAs", "image"):
                values = node.get(key) if isinstance(node.get(key), list) else [node.get(key)]
                for value in values:
                    if isinstance(value, str):
                        assert urlsplit(value).scheme in ("http", "https"), f"{page.url}: {key} {value!r} is not absolute"
            # No testimonials or self-published ratings: professional bodies forbid them.
            assert node.get("@type") not in ("Review", "AggregateRating"), page.url
            assert not {"review", "reviews", "aggregateRating"} & set(node), page.url
        assert document.find(attrs={"itemprop": ["review", "aggregateRating"]}) is None, page.url


@pytest.mark.parametrize("url", ["/", "/about/"])
def test_home_and_about_name_the_practice_and_the_counsellor_with_a_checkable_membership(client, demo, url):
    details = practice()
    items = json_ld(client.get(url))
    business = one(items, "LocalBusiness")
    person = one(items, "Person")
    assert business["name"] == details.practice_name
    assert business["telephone"] == details.phone
    assert business["address"]["addressLocality"] == details.locality
    assert business["address"]["postalCode"] == details.postcode
    assert person["name"] == details.therapist_name
    assert person["jobTitle"] == details.therapist_role
    credential = current_credential()
    assert person["memberOf"] == [{"@type": "Organization", "name": credential.body_name, "url": credential.body_url}]
    assert credential.register_url in person["sameAs"], "the public register entry, from the credentials"
    assert person["worksFor"]["@id"] == business["@id"]
    assert business["founder"]["@id"] == person["@id"]


def current_credential():
    from practice.models import CredentialSettings

    return CredentialSettings.for_site(Site.objects.get(is_default_site=True)).credentials.first()


def test_the_register_link_follows_the_credentials(client, demo):
    credential = current_credential()
    credential.register_url = "https://www.bacp.co.uk/register/member/12345"
    credential.save()
    person = one(json_ld(client.get("/")), "Person")
    assert person["sameAs"] == ["https://www.bacp.co.uk/register/member/12345"]
    assert person["hasCredential"][0]["url"] == "https://www.bacp.co.uk/register/member/12345"


def test_service_pages_describe_the_service_offered_by_the_practice(client, demo):
    from services.models import ServicePage

    services = ServicePage.objects.live()
    assert services.exists()
    for service in services:
        response = client.get(service.url)
        items = json_ld(response)
        data = one(items, "Service")
        assert data["name"] == service.title
        assert data["url"] == service.get_full_url()
        assert data.get("description"), service.url
        provider = data["provider"]
        assert provider.get("@id", "").endswith("/#practice") or provider.get("name") == PRACTICE


def test_blog_posts_are_blog_postings_that_match_the_article(client, demo):
    from blog.models import BlogPage

    posts = BlogPage.objects.live()
    assert posts.exists()
    for post in posts:
        response = client.get(post.url)
        data = one(json_ld(response), "BlogPosting")
        document = soup(response)
        assert data["headline"] == post.title == document.h1.get_text(strip=True)
        url = post.get_full_url()
        main_entity = data.get("mainEntityOfPage")
        assert url in (data.get("url"), main_entity, main_entity.get("@id") if isinstance(main_entity, dict) else None)
        published = document.select_one(".byline time")["datetime"]
        assert data["datePublished"].startswith(published), "the date a reader sees"
        assert data.get("dateModified")
        assert data["author"]["name"] in document.select_one(".byline").get_text(" ", strip=True)
        image = data["image"][0] if isinstance(data["image"], list) else data["image"]
        image = image["url"] if isinstance(image, dict) else image
        assert "/media/images/" in image


def test_faq_json_ld_matches_the_questions_and_answers_on_the_page(client, demo):
    pages_with_faq = 0
    for page in live_pages():
        response = client.get(page.url)
        shown = visible_faq(soup(response))
        faq = of_type(json_ld(response), "FAQPage")
        if not shown:
            assert not faq, f"{page.url} has FAQPage JSON-LD but no questions on the page"
            continue
        pages_with_faq += 1
        assert len(faq) == 1, f"{page.url}: one FAQPage for all its questions"
        marked_up = [(q["name"], " ".join(q["acceptedAnswer"]["text"].split())) for q in faq[0]["mainEntity"]]
        assert marked_up == shown, page.url
    assert pages_with_faq, "the demo has at least one page with questions and answers"


def test_breadcrumbs_lead_from_home_to_the_page(client, demo):
    home = Site.objects.get(is_default_site=True).root_page
    for page in live_pages():
        crumbs = of_type(json_ld(client.get(page.url)), "BreadcrumbList")
        if page.pk == home.pk:
            assert not crumbs, "the home page needs no breadcrumbs"
            continue
        items = one(crumbs, "BreadcrumbList")["itemListElement"]
        trail = [p for p in page.get_ancestors(inclusive=True) if p.depth >= home.depth]
        assert [item["position"] for item in items] == list(range(1, len(trail) + 1))
        assert [item["name"] for item in items] == ["Home"] + [p.title for p in trail[1:]]
        assert items[0]["item"] == home.get_full_url()
        assert items[-1]["item"] == page.get_full_url()
        # The visible trail is the same, the current page named but not linked.
        nav = soup(client.get(page.url)).find("nav", attrs={"aria-label": "Breadcrumb"})
        assert nav is not None, f"{page.url}: visible breadcrumbs"
        assert [li.get_text(strip=True) for li in nav.find_all("li")] == [item["name"] for item in items]
        assert nav.find_all("li")[-1].find("a") is None and nav.find(attrs={"aria-current": "page"})


# --- Sitemap and robots.txt ----------------------------------------------------


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=SITEMAP_NS): url.findtext("s:lastmod", namespaces=SITEMAP_NS)
        for url in root.findall("s:url", SITEMAP_NS)
    }


def test_the_sitemap_lists_every_live_public_page_with_its_last_change(client, demo):
    entries = sitemap_entries(client)
    pages = live_pages()
    assert set(entries) == {page.get_full_url() for page in pages}
    for page in pages:
        changed = localtime(page.last_published_at).date()
        assert entries[page.get_full_url()] == changed.isoformat(), page.url


def test_drafts_and_private_pages_stay_out_of_the_sitemap(client, demo):
    about = StandardPage.objects.get(slug="about")
    draft = add_child_page(about, StandardPage(title="Fees (draft)", slug="fees"), publish=False)
    private = add_child_page(about, StandardPage(title="Client resources", slug="client-resources"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    listed = set(sitemap_entries(client))
    assert draft.get_full_url() not in listed
    assert private.get_full_url() not in listed
    assert not any("/admin/" in url or "/search/" in url for url in listed)


def test_the_sitemap_costs_the_same_queries_however_many_pages_there_are(client, demo):
    def queries():
        invalidate_page_cache()
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/sitemap.xml").status_code == 200
        return len(captured)

    before = queries()
    about = StandardPage.objects.get(slug="about")
    for number in range(10):
        add_child_page(about, StandardPage(title=f"Extra page {number}", slug=f"extra-{number}"))
    assert queries() <= before


def test_a_large_sitemap_becomes_an_index_of_sections_that_together_list_every_page(client, demo, monkeypatch):
    import home.sitemap

    monkeypatch.setattr(home.sitemap, "SECTION_SIZE", 4)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    sections = [loc.text for loc in root.findall("s:sitemap/s:loc", SITEMAP_NS)]
    assert len(sections) == -(-len(live_pages()) // 4)
    listed = []
    for section in sections:
        part = client.get(urlsplit(section).path + (f"?{urlsplit(section).query}" if urlsplit(section).query else ""))
        assert part.status_code == 200
        urls = ET.fromstring(part.content).findall("s:url", SITEMAP_NS)
        assert len(urls) <= 4
        listed += [url.findtext("s:loc", namespaces=SITEMAP_NS) for url in urls]
    assert sorted(listed) == sorted(page.get_full_url() for page in live_pages())


def test_robots_txt_opens_the_site_but_not_the_admin_or_search_results(client, demo):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
