"""Webhooks: signed JSON POSTs to the URLs an admin lists.

Sent when a language version is published or becomes ready to publish.
"""
