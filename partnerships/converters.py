"""Path converters for what partnership addresses carry: ids that cannot exist never reach the
database (a NUL byte, the wrong length, or a number larger than its column holds is a 404)."""

from django.urls import register_converter

from .models import ID_ALPHABET, PARTNERSHIP_ID_LENGTH


class PartnershipIdConverter:
    regex = f"[{ID_ALPHABET}]{{{PARTNERSHIP_ID_LENGTH}}}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class RowIdConverter:
    """A row's id (members, invitations): at most 18 digits, within a 64-bit column."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


class VersionConverter(RowIdConverter):
    """A note's version: at most 9 digits, within a 32-bit column."""

    regex = "[0-9]{1,9}"


register_converter(PartnershipIdConverter, "partnership_id")
register_converter(RowIdConverter, "row_id")
register_converter(VersionConverter, "version")
