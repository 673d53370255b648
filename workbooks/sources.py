"""The sources a workbook's cells cite, listed once at its end."""


def cited_sources(cells):
    """The sources cited by the cells' guidance items, each once, in the sources' own order."""
    cited = {source.pk: source for cell in cells for source in cell.sources}
    return sorted(cited.values(), key=lambda source: source.position)
