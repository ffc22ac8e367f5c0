"""Editors can only build the tree the templates expect, and can build it in the admin."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from blog.models import BlogIndexPage, BlogPage
from contact.models import ContactPage
from home.models import HomePage, StandardPage
from services.models import ServiceIndexPage, ServicePage


@pytest.mark.django_db
class TestPageTree(WagtailPageTestCase):
    def setUp(self):
        super().setUp()
        self.login()

    def test_allowed_parents(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedParentPageTypes(ServiceIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(ServicePage, {ServiceIndexPage})
        self.assertAllowedParentPageTypes(BlogIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(BlogPage, {BlogIndexPage})
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})

    def test_allowed_children(self):
        self.assertAllowedSubpageTypes(HomePage, {StandardPage, ServiceIndexPage, BlogIndexPage, ContactPage})
        self.assertAllowedSubpageTypes(ServiceIndexPage, {ServicePage})
        self.assertAllowedSubpageTypes(BlogIndexPage, {BlogPage})
        self.assertAllowedSubpageTypes(ServicePage, set())
        self.assertAllowedSubpageTypes(BlogPage, set())
        self.assertAllowedSubpageTypes(ContactPage, set())

    def test_one_of_each_index_per_site(self):
        for model in (HomePage, ServiceIndexPage, BlogIndexPage, ContactPage):
            assert model.max_count == 1, model

    def test_editor_can_create_a_general_page_with_blocks(self):
        home = HomePage.objects.get()
        self.assertCanCreate(
            home,
            StandardPage,
            nested_form_data({
                "title": "Fees",
                "slug": "fees-and-practicalities-2",
                "introduction": "What sessions cost.",
                "body": streamfield([
                    ("heading", {"text": "Session fees", "level": "h2", "anchor": ""}),
                    ("text", rich_text("<p>Each session costs £60.</p>")),
                ]),
            }),
        )
        page = StandardPage.objects.get(slug="fees-and-practicalities-2")
        assert [block.block_type for block in page.body] == ["heading", "text"]

    def test_home_page_cannot_be_added_twice(self):
        root = Page.get_first_root_node()
        assert not HomePage.can_create_at(root)

    def test_service_and_post_cannot_be_added_under_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, ServicePage)
        self.assertCanNotCreateAt(HomePage, BlogPage)
        self.assertCanNotCreateAt(ServiceIndexPage, BlogPage)
