from django.contrib import admin

from .models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["display_name", "user", "organisation", "sector"]
    list_filter = ["sector"]
    list_select_related = ["user"]
    search_fields = ["display_name", "organisation", "user__email"]
