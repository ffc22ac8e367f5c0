from django.urls import path

from . import helpful

app_name = "insights"
urlpatterns = [path("helpful/", helpful.answer, name="helpful")]
