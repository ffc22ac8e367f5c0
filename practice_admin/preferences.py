"""Account › "Show advanced settings": offered to superusers only, since only they could use what it shows."""

from django import forms
from wagtail.admin.views.account import BaseSettingsPanel

from practice_admin.models import AdminPreferences


class AdvancedSettingsForm(forms.ModelForm):
    class Meta:
        model = AdminPreferences
        fields = ["show_advanced"]


class AdvancedSettingsPanel(BaseSettingsPanel):
    name = "advanced"
    title = "Advanced settings"
    order = 500
    form_class = AdvancedSettingsForm

    def is_active(self):
        return self.user.is_superuser

    def get_form(self):
        instance = AdminPreferences.objects.filter(user=self.user).first() or AdminPreferences(user=self.user)
        if self.request.method == "POST":
            return self.form_class(self.request.POST, instance=instance, prefix=self.name)
        return self.form_class(instance=instance, prefix=self.name)
