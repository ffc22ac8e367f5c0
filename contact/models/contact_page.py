"""The contact page: Wagtail's form builder, so the therapist edits the questions and reads enquiries in the admin."""

import logging
from functools import partial

from django.db import DatabaseError, IntegrityError, models, transaction
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, validate_to_address

from contact import ratelimit
from contact.admin_forms import ContactPageAdminForm
from contact.forms import FIELD_TYPE_CHOICES, ContactFormBuilder
from contact.inbox.panels import inbox_link_panel
from contact.notify import DEFAULT_SUBJECT, send_notification
from contact.question_panels import QUESTION_PANELS
from contact.service_choices import live_services
from contact.text import clean_submitted
from home import lead_source, structured_data
from home.models import PracticeSettings, SitePage
from home.permissions import private_field
from pagecache import local
from pagecache.store import generation

from .enquiry_settings import EnquirySettings
from .submission import ContactSubmission

logger = logging.getLogger(__name__)

class ContactFormField(AbstractFormField):
    field_type = models.CharField(
        "Field type", max_length=16, choices=FIELD_TYPE_CHOICES,
        help_text="“Person's name”, “Phone number” and “E-mail” let browsers fill the answer in. “Service” lists your "
                  "live service pages. “Consent box” is always required and links to your privacy notice.",
    )
    field_type.required_on_save = True  # as Wagtail's own field: previews need the type
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    panels = QUESTION_PANELS


class ContactPage(AbstractEmailForm, SitePage):
    introduction = models.TextField(
        "Introduction", blank=True,
        help_text="A few kind words above the form. Leave a blank line between paragraphs.",
    )
    urgent_help = models.TextField(
        "If someone needs help now", blank=True,
        help_text="Shown beside the form, because you may not read an enquiry for a day or two: where to turn in a crisis.",
    )
    thank_you_text = models.TextField(
        "Thank-you message", blank=True,
        help_text="Shown after sending: what happens next, and when. Leave a blank line between paragraphs.",
    )
    to_address = models.CharField(
        "Send enquiries to", max_length=255, blank=True, validators=[validate_to_address],
        help_text="Your e-mail address (several may be separated by commas). "
                  "Leave empty to use the e-mail address in Practice details.",
    )
    from_address = models.EmailField(
        "Sent from", max_length=255, blank=True,
        help_text="Leave empty unless whoever set up the site gave you an address to use.",
    )
    subject = models.CharField(
        "E-mail subject", max_length=255, blank=True, default=DEFAULT_SUBJECT,
        help_text="Keep it general: subjects show on lock screens. The visitor's message never goes here.",
    )

    content_panels = SitePage.content_panels + [
        inbox_link_panel(),
        FieldPanel("introduction"),
        FieldPanel("urgent_help"),
        InlinePanel("form_fields", label="Question", heading="Questions on the form"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                # Where enquiries go (and where bounced copies return) is decided only by
                # someone who may read enquiries; others never see these fields, and
                # what they publish leaves them as they were.
                private_field("to_address"),
                FieldPanel("subject"),
                private_field("from_address"),
            ],
            heading="Notification e-mail",
            help_text="What goes in the e-mail, and how long enquiries are kept, are under Settings › Enquiry settings.",
        ),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    summary_field = "introduction"
    form_builder = ContactFormBuilder
    base_form_class = ContactPageAdminForm

    class Meta:
        verbose_name = "Contact page"

    # --- The form -----------------------------------------------------------

    def get_form_class(self):
        # The questions, the live services and the retention period change only
        # with a publish or a settings save, which start a new page-cache
        # generation: the class is built once per generation in each worker.
        # (Previews build their own, from the draft's questions.)
        def build():
            site_root = self.path[: self.steplen * 2]
            builder = self.form_builder(self.get_form_fields(), services=live_services(site_root), retention_days=self.retention_days)
            return builder.get_form_class()

        if self.pk is None or getattr(self, "_is_preview", False):
            return build()
        # In this worker's memory only: a class cannot go into a shared cache.
        return local.remembered(generation(), ("contact-form", self.pk, self.retention_days), build)

    @cached_property
    def retention_days(self):
        """How long enquiries are kept, for the consent box (serve() reads it from the request's settings)."""
        site = self.get_site()
        return EnquirySettings.for_site(site).retention_days if site else None

    def get_submission_class(self):
        return ContactSubmission

    def get_data_fields(self):
        return [*super().get_data_fields(), ("notification", "E-mail to you")]

    def get_structured_data(self, request, practice):
        """A schema.org ContactPage about the practice, plus the breadcrumbs every page has."""
        contact = {
            "@type": "ContactPage", "name": self.title, "url": self.get_full_url(request),
            "about": {"@id": structured_data.practice_id(request)},
        }
        return [contact, *super().get_structured_data(request, practice)]

    # --- Serving ------------------------------------------------------------

    def serve_preview(self, request, *args, **kwargs):
        self._is_preview = True  # the draft's own questions: never the class kept for the live page
        return super().serve_preview(request, *args, **kwargs)

    def serve(self, request, *args, **kwargs):
        self.retention_days = EnquirySettings.for_request(request).retention_days
        response = self._serve_form(request, *args, **kwargs)
        # Each response carries a CSRF token and may carry health information:
        # no shared or browser cache may keep it.
        add_never_cache_headers(response)
        return response

    def _serve_form(self, request, *args, **kwargs):
        if request.method != "POST":
            form = self.get_form(page=self, user=request.user)
            _preselect_service(form, request.GET.get("service", ""))
            return self.render_form(request, form)

        form = self.get_form(clean_submitted(request.POST), page=self, user=request.user)
        valid = form.is_valid()
        if form.issued_token() is None:
            # A form this site did not issue, or one left open for days: say plainly
            # that nothing was sent, keep the answers, and let the visitor send again.
            form.renew_token()
            if valid:
                return self.render_form(request, form, problem="not_sent")
        if not valid:
            return self.render_form(request, form)
        token = form.token()
        if ContactSubmission.objects.filter(token=token).exists():
            return self.render_landing_page(request)  # the same form, same answers, again: already stored
        rate = ratelimit.current_rate()
        if not ratelimit.allow(request, rate):
            response = self.render_form(request, form, status=429, problem="rate_limited", rate=rate)
            response["Retry-After"] = str(rate.seconds)
            return response
        try:
            submission = self.process_form_submission(form)
        except IntegrityError:
            return self.render_landing_page(request)  # a simultaneous copy of the same form got there first
        except DatabaseError:
            logger.error("An enquiry could not be stored; the visitor was asked to try again.", exc_info=True)
            return self.render_form(request, form, status=503, problem="not_stored")
        self.notify_after_commit(request, submission, form)
        lead_source.count_lead(request, "enquiry")
        return self.render_landing_page(request, submission)

    def process_form_submission(self, form):
        """Store the enquiry: the visitor's answers only, with the form's one-time token."""
        with transaction.atomic():
            return ContactSubmission.objects.create(page=self, form_data=form.answers(), token=form.token())

    def notify_after_commit(self, request, submission, form):
        """E-mail the therapist once the enquiry is committed, so no e-mail is ever tried for an unsaved one."""
        include_message = EnquirySettings.for_request(request).include_message_in_email
        fallback = PracticeSettings.for_request(request).email
        transaction.on_commit(
            partial(send_notification, self, submission, form, include_message, fallback), robust=True,
        )

    def render_form(self, request, form, status=200, **extra):
        context = self.get_context(request)
        context.update(form=form, **extra)
        # The page the visitor came from rides along in a hidden field, for Insights' per-page counts.
        context["came_from"] = lead_source.submitted_from(request) if request.method == "POST" else lead_source.came_from(request)
        return TemplateResponse(request, self.get_template(request), context, status=status)


def _preselect_service(form, slug):
    """?service=<slug> (from a service page's button) ticks that service; unknown slugs are ignored."""
    for field in form.service_fields():
        if any(slug == value for value, _label in field.field.choices):
            form.initial[field.name] = slug
            form.preselected = slug
