"""The API tokens page: a staff user lists, creates and revokes their own tokens.

A new token's key is shown once, in the answer to the form that created it, and kept nowhere:
only its digest is stored, so the page cannot show it again.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from .tokens import MAX_ACTIVE_TOKENS, token_create, token_revoke, tokens_of

TEMPLATE = "records/api/tokens.html"


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        # The service decides what a valid name is; the field only carries it.
        required=False,
        max_length=1000,
        help_text=gettext_lazy("The tool or script that will use the token, so you know it later."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "maxlength": 100, "size": 40}),
    )


class TokenListView(View):
    def get(self, request):
        """List the user's tokens, with the form that creates one."""
        return self.render(request, TokenForm())

    def post(self, request):
        """Create a token and show its key, this once."""
        form = TokenForm(request.POST)
        if not form.is_valid():
            return self.render(request, form, status=400)
        try:
            token, key = token_create(request.user, form.cleaned_data["name"])
        except ValidationError as error:
            for message in error.messages:
                form.add_error("name", message)
            return self.render(request, form, status=400)
        response = self.render(request, TokenForm(), created=token, key=key)
        # The key is in this answer only: no cache, no back button, may keep it.
        add_never_cache_headers(response)
        return response

    def render(self, request, form, status=200, **extra):
        context = {
            **admin.site.each_context(request),
            "title": _("API tokens"),
            "subtitle": None,
            "form": form,
            "tokens": tokens_of(request.user),
            "max_active": MAX_ACTIVE_TOKENS,
            "docs_url": reverse("api-docs"),
            **extra,
        }
        return TemplateResponse(request, TEMPLATE, context, status=status)


class TokenRevokeView(View):
    def post(self, request, token_id):
        """Revoke one of the user's tokens; it stops working at once."""
        try:
            token = token_revoke(request.user, token_id)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
        return HttpResponseRedirect(reverse("account_api_tokens"))
