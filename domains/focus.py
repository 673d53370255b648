"""The focus: which domains and stages of the model a user has chosen to work with.

A focus lives in the URL query (``?domains=leadership,communication&stages=planning``) so
it can be bookmarked and shared; the public pages, the workbooks and a partnership's notes
all read it the same way. Choosing nothing means the whole model.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.http import QueryDict
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .models import Domain, Stage

FOCUS_FIELDS = ("domains", "stages")


@dataclass(frozen=True)
class Focus:
    domains: tuple[Domain, ...] = ()
    stages: tuple[Stage, ...] = ()

    @property
    def domain_slugs(self):
        return [domain.slug for domain in self.domains]

    @property
    def stage_slugs(self):
        return [stage.slug for stage in self.stages]

    @property
    def is_whole_model(self):
        return not self.domains and not self.stages

    @classmethod
    def from_slugs(cls, domains=(), stages=()):
        """The focus named by slugs (as stored in a queued task's parameters)."""
        return cls(
            domains=tuple(Domain.objects.filter(slug__in=domains)),
            stages=tuple(Stage.objects.filter(slug__in=stages)),
        )

    @property
    def description(self):
        """The focus in a sentence, for workbooks and the pages that prepare them."""
        if self.is_whole_model:
            return _("The whole model: every domain through every stage.")
        return _("Domains: %(domains)s. Stages: %(stages)s.") % {
            "domains": ", ".join(d.name for d in self.domains) or _("all"),
            "stages": ", ".join(s.name for s in self.stages) or _("all"),
        }

    @property
    def query_string(self):
        """The focus as a URL query, in its short comma-separated form ('' for everything)."""
        params = {}
        if self.domains:
            params["domains"] = ",".join(self.domain_slugs)
        if self.stages:
            params["stages"] = ",".join(self.stage_slugs)
        return urlencode(params, safe=",")

    def on(self, url):
        """``url`` with this focus as its query (``url`` itself for the whole model)."""
        return f"{url}?{self.query_string}" if self.query_string else url


def split_focus_query(query: QueryDict) -> QueryDict:
    """Accept both ``domains=a,b`` and the ``domains=a&domains=b`` a plain form sends."""
    data = QueryDict(mutable=True)
    for name in FOCUS_FIELDS:
        values = [
            slug.strip()
            for value in query.getlist(name)
            for slug in value.split(",")
            if slug.strip()
        ]
        data.setlist(name, list(dict.fromkeys(values)))
    return data


def domains_field():
    """The focus's choice of domains, as every form that narrows the model asks it."""
    return forms.MultipleChoiceField(
        label=_("Domains"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to include every domain."),
    )


def stages_field():
    """The focus's choice of stages, as every form that narrows the model asks it."""
    return forms.MultipleChoiceField(
        label=_("Stages"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to include every stage."),
    )


class FocusForm(forms.Form):
    domains = domains_field()
    stages = stages_field()

    def __init__(self, query: QueryDict):
        bound = any(name in query for name in FOCUS_FIELDS)
        super().__init__(split_focus_query(query) if bound else None)
        self._domains = {domain.slug: domain for domain in Domain.objects.all()}
        self._stages = {stage.slug: stage for stage in Stage.objects.all()}
        for name, options, kind in (
            ("domains", self._domains, _("domain")),
            ("stages", self._stages, _("stage")),
        ):
            field = self.fields[name]
            field.choices = [(slug, item.name) for slug, item in options.items()]
            field.error_messages["invalid_choice"] = format_lazy(
                _("“%(value)s” is not a {kind} of the model. Choose from: {choices}."),
                kind=kind,
                choices=", ".join(item.name for item in options.values()),
            )

    @property
    def focus(self) -> Focus:
        """The chosen focus; the whole model when the form is unbound or invalid."""
        if not self.is_bound or not self.is_valid():
            return Focus()
        return Focus(
            domains=tuple(
                self._domains[slug]
                for slug in self._domains
                if slug in self.cleaned_data["domains"]
            ),
            stages=tuple(
                self._stages[slug] for slug in self._stages if slug in self.cleaned_data["stages"]
            ),
        )
