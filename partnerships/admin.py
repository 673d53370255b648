from django.contrib import admin

from .models import Invitation, Membership, Partnership


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = ["user", "role", "joined_at"]
    raw_id_fields = ["user"]
    extra = 0


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["name", "pk", "created_at", "last_activity_at", "archived_at"]
    search_fields = ["name", "goal"]
    raw_id_fields = ["created_by"]
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "partnership", "role", "created_at", "expires_at", "accepted_at"]
    list_select_related = ["partnership"]
    search_fields = ["email", "partnership__name"]
    raw_id_fields = ["partnership", "invited_by"]
    readonly_fields = ["token_hash"]
