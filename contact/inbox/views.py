"""The inbox pages: every enquiry in a list, each one on its own page."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from contact.models import EnquirySettings

from .queries import Summaries, answers, contact_pages_for, enquiries_for

PER_PAGE = 20


class InboxMixin(WagtailAdminTemplateMixin):
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        self.pages = list(contact_pages_for(request.user))
        if not self.pages:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": reverse("contact_inbox"), "label": "Enquiries"}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        settings = EnquirySettings.for_request(self.request)
        context.update(
            retention_days=settings.retention_days,
            message_in_email=settings.include_message_in_email,
            settings_url=reverse("wagtailsettings:edit", args=["contact", "enquirysettings"]),
            may_change_settings=self.request.user.has_perm("contact.change_enquirysettings"),
        )
        return context


class InboxView(InboxMixin, TemplateView):
    page_title = "Enquiries"
    template_name = "contact/inbox/index.html"

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items()[:-1] + [{"url": "", "label": "Enquiries"}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enquiries = enquiries_for(self.request.user)
        page = Paginator(enquiries, PER_PAGE).get_page(self.request.GET.get("p"))
        summaries = Summaries()
        context.update(
            page_obj=page,
            unread=enquiries.filter(read_at__isnull=True).count(),
            rows=[
                {"enquiry": enquiry, "name": summaries.name(enquiry), "service": summaries.service(enquiry)}
                for enquiry in page.object_list
            ],
            exports=[
                {"page": contact_page, "url": reverse("wagtailforms:list_submissions", args=[contact_page.pk])}
                for contact_page in self.pages
            ],
        )
        return context


class EnquiryView(InboxMixin, TemplateView):
    template_name = "contact/inbox/enquiry.html"

    def get(self, request, pk):
        self.enquiry = get_object_or_404(enquiries_for(request.user), pk=pk)
        if self.enquiry.read_at is None:
            # Opening an enquiry is reading it, as in any mail program.
            self.enquiry.read_at = timezone.now()
            self.enquiry.save(update_fields=["read_at"])
        return super().get(request, pk)

    def get_page_title(self):
        return f"Enquiry from {Summaries().name(self.enquiry)}"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enquiries = enquiries_for(self.request.user)
        summaries = Summaries()
        context.update(
            enquiry=self.enquiry,
            answers=answers(self.enquiry),
            email=summaries.email(self.enquiry),
            phone=summaries.phone(self.enquiry),
            deleted_on=self.enquiry.submit_time + timedelta(days=context["retention_days"]),
            newer=enquiries.filter(submit_time__gt=self.enquiry.submit_time).order_by("submit_time", "pk").first(),
            older=enquiries.filter(submit_time__lt=self.enquiry.submit_time).first(),
        )
        return context


@require_POST
def mark_unread(request, pk):
    enquiry = get_object_or_404(enquiries_for(request.user), pk=pk)
    enquiry.read_at = None
    enquiry.save(update_fields=["read_at"])
    messages.success(request, f"The enquiry from {Summaries().name(enquiry)} is marked as new again.")
    return redirect("contact_inbox")
