"""The Model of cross-sectoral cooperation: five domains x four stages = twenty cells.

Reference data: it is loaded from fixtures/model.json with natural keys, so loading the
fixture again updates rows in place instead of adding new ones.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .toolkit import note_skeleton


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SourceManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Source(models.Model):
    """A document the model's content rests on, credited wherever it is used."""

    code = models.SlugField(_("code"), unique=True)
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=200)
    short_title = models.CharField(
        _("short title"), max_length=60, help_text=_("Used where an item credits its source.")
    )
    publisher = models.CharField(_("publisher"), max_length=200)
    description = models.TextField(_("description"))
    url = models.URLField(_("address"), blank=True)

    objects = SourceManager()

    class Meta:
        ordering = ["position"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.code,)


class Dimension(models.Model):
    """What domains and stages share: a named, ordered axis entry with a definition."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), unique=True)
    summary = models.CharField(_("summary"), max_length=200)
    definition = models.TextField(
        _("definition"), help_text=_("Paragraphs separated by an empty line.")
    )

    objects = SlugManager()

    class Meta:
        abstract = True
        ordering = ["position"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class Domain(Dimension):
    class Meta(Dimension.Meta):
        verbose_name = _("domain")
        verbose_name_plural = _("domains")

    def get_absolute_url(self):
        return reverse("domains:domain", args=[self.slug])


class Stage(Dimension):
    class Meta(Dimension.Meta):
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def get_absolute_url(self):
        return reverse("domains:stage", args=[self.slug])


class CellQuerySet(models.QuerySet):
    def for_matrix(self):
        """Cells with their domain and stage, in reading order (domain by domain)."""
        return self.select_related("domain", "stage").order_by(
            "domain__position", "stage__position"
        )

    def named(self):
        """Cells with their domain and stage, which name them and make their addresses: all a
        save needs of its cell."""
        return self.select_related("domain", "stage")

    def for_page(self):
        """One cell's page: its tool, example and guidance items in order, each with its
        sources."""
        return self.select_related("domain", "stage", "tool", "example").prefetch_related(
            models.Prefetch(
                "items",
                queryset=GuidanceItem.objects.order_by("position").prefetch_related("sources"),
            )
        )

    def in_focus(self, focus):
        cells = self
        if focus.domains:
            cells = cells.filter(domain__slug__in=focus.domain_slugs)
        if focus.stages:
            cells = cells.filter(stage__slug__in=focus.stage_slugs)
        return cells


class CellManager(models.Manager.from_queryset(CellQuerySet)):
    def get_by_natural_key(self, domain_slug, stage_slug):
        return self.get(domain__slug=domain_slug, stage__slug=stage_slug)


class Cell(models.Model):
    """One domain worked through one stage."""

    domain = models.ForeignKey(
        Domain, on_delete=models.CASCADE, related_name="cells", verbose_name=_("domain")
    )
    stage = models.ForeignKey(
        Stage, on_delete=models.CASCADE, related_name="cells", verbose_name=_("stage")
    )
    purpose = models.CharField(_("purpose"), max_length=200)
    introduction = models.TextField(_("introduction"))
    statement = models.CharField(
        _("self-assessment statement"),
        max_length=200,
        blank=True,
        help_text=_(
            "What a partnership that has done this cell's work can say of itself, rated from "
            "“not at all” to “fully” in the self-assessment."
        ),
    )

    objects = CellManager()

    class Meta:
        ordering = ["domain__position", "stage__position"]
        constraints = [
            models.UniqueConstraint(fields=["domain", "stage"], name="one_cell_per_domain_stage")
        ]
        verbose_name = _("cell")
        verbose_name_plural = _("cells")

    def __str__(self):
        return f"{self.domain.name} · {self.stage.name}"

    def get_absolute_url(self):
        return reverse("domains:cell", args=[self.domain.slug, self.stage.slug])

    def natural_key(self):
        return (self.domain.slug, self.stage.slug)

    natural_key.dependencies = ["domains.domain", "domains.stage"]

    def items_of_kind(self, kind):
        return [item for item in self.items.all() if item.kind == kind]

    @property
    def questions(self):
        return self.items_of_kind(GuidanceItem.Kind.QUESTION)

    @property
    def practices(self):
        return self.items_of_kind(GuidanceItem.Kind.PRACTICE)

    @property
    def warnings(self):
        return self.items_of_kind(GuidanceItem.Kind.WARNING)

    @property
    def core_questions(self):
        return [question for question in self.questions if question.core]

    @property
    def sources(self):
        """The sources cited by this cell's items, each once, in the sources' own order."""
        cited = {source.pk: source for item in self.items.all() for source in item.sources.all()}
        return sorted(cited.values(), key=lambda source: source.position)

    def source_numbers(self, item):
        """The numbers of the sources ``item`` cites, in the cell's numbered list of sources:
        the page credits each item quietly by number and lists the sources once."""
        numbers = {source.pk: number for number, source in enumerate(self.sources, 1)}
        return [numbers[source.pk] for source in item.sources.all()]


class GuidanceItemManager(models.Manager):
    def get_by_natural_key(self, domain_slug, stage_slug, kind, position):
        return self.get(
            cell__domain__slug=domain_slug,
            cell__stage__slug=stage_slug,
            kind=kind,
            position=position,
        )


class GuidanceItem(models.Model):
    """A guiding question, good practice or warning sign of a cell."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("Guiding question")
        PRACTICE = "practice", _("Good practice")
        WARNING = "warning", _("Warning sign")

    class Noticed(models.TextChoices):
        """Where people first notice a warning sign."""

        MEETINGS = "meetings", _("In meetings")
        MONEY = "money", _("In money and resources")
        PEOPLE = "people", _("In people and their engagement")
        DECISIONS = "decisions", _("In decisions")
        RESULTS = "results", _("In results and reports")

    cell = models.ForeignKey(
        Cell, on_delete=models.CASCADE, related_name="items", verbose_name=_("cell")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(_("position"))
    text = models.TextField(_("text"))
    sources = models.ManyToManyField(
        Source, blank=True, related_name="items", verbose_name=_("sources")
    )
    from_practice = models.BooleanField(
        _("from practice"),
        default=False,
        help_text=_("Advice from practice that no source document states: credit no source."),
    )
    core = models.BooleanField(
        _("core question"),
        default=False,
        help_text=_("One of the two or three questions to start with in this cell."),
    )
    noticed = models.CharField(
        _("where it is noticed"),
        max_length=10,
        choices=Noticed.choices,
        blank=True,
        help_text=_("Warning signs only: where people first notice it."),
    )

    objects = GuidanceItemManager()

    class Meta:
        ordering = ["cell", "kind", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["cell", "kind", "position"], name="one_item_per_cell_kind_position"
            )
        ]
        verbose_name = _("guidance item")
        verbose_name_plural = _("guidance items")

    def __str__(self):
        return self.text

    def natural_key(self):
        return (*self.cell.natural_key(), self.kind, self.position)

    natural_key.dependencies = ["domains.cell"]

    def source_numbers(self):
        return self.cell.source_numbers(self)


class PerCellManager(models.Manager):
    def get_by_natural_key(self, domain_slug, stage_slug):
        return self.get(cell__domain__slug=domain_slug, cell__stage__slug=stage_slug)


class PerCell(models.Model):
    """What a cell has exactly one of, known by its cell."""

    cell = models.OneToOneField(Cell, on_delete=models.CASCADE, verbose_name=_("cell"))

    objects = PerCellManager()

    class Meta:
        abstract = True

    def natural_key(self):
        return self.cell.natural_key()

    natural_key.dependencies = ["domains.cell"]


class Tool(PerCell):
    """The template a partnership fills in for a cell: a Markdown table or checklist."""

    cell = models.OneToOneField(
        Cell, on_delete=models.CASCADE, related_name="tool", verbose_name=_("cell")
    )
    name = models.CharField(_("name"), max_length=100)
    purpose = models.CharField(_("purpose"), max_length=200)
    template = models.TextField(
        _("template"),
        help_text=_("Markdown: a table (| column | column |) or a list, with room to fill in."),
    )

    class Meta:
        verbose_name = _("tool")
        verbose_name_plural = _("tools")

    def __str__(self):
        return self.name

    def note_text(self):
        """What "Start from this template" puts into a partnership's note."""
        return f"**{self.name}**\n\n{note_skeleton(self.template)}"


class WorkedExample(PerCell):
    """One step of the model's running illustration: a made-up partnership working the cell."""

    cell = models.OneToOneField(
        Cell, on_delete=models.CASCADE, related_name="example", verbose_name=_("cell")
    )
    text = models.TextField(_("text"), help_text=_("80 to 150 words."))

    class Meta:
        verbose_name = _("worked example")
        verbose_name_plural = _("worked examples")

    def __str__(self):
        return str(self.cell)


class GlossaryTermManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class GlossaryTerm(models.Model):
    """A term the model uses, explained on the glossary page and linked from the cells."""

    slug = models.SlugField(_("slug"), unique=True)
    term = models.CharField(_("term"), max_length=100)
    forms = models.CharField(
        _("forms"),
        max_length=300,
        help_text=_("The words that link to this term on a page, separated by commas."),
    )
    definition = models.TextField(_("definition"))

    objects = GlossaryTermManager()

    class Meta:
        ordering = ["term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term

    def natural_key(self):
        return (self.slug,)

    @property
    def form_list(self):
        return [form.strip() for form in self.forms.split(",") if form.strip()]
