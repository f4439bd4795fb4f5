"""The unread count in the admin's header (``{% notifications_unread as unread %}``)."""

from django import template

from translations.notifications.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def notifications_unread(context):
    """Return how many of the page user's notifications are unread (one query)."""
    user = context.get("user")
    return unread_count(user) if user is not None else 0
