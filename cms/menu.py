"""The main menu: its entries, the hook AgID's validator reads on each (audit C.SI.1.6), and
which entry a page lies under (the active entry).

A menu section (MenuSectionPage) may list pages that live elsewhere in the tree (e.g.
"Amministrazione" lists the networks' index at /reti/): a page below one of those counts as
lying under the section, so the menu shows where the visitor is."""

from dataclasses import dataclass

from cms.models import MenuSectionPage, ServiceIndexPage
from cms.models.menus import LiveRole, ModelEntry

# data-element of a first-level entry that is not one of the model's four.
CUSTOM_ENTRY = "custom-submenu"

# data-element of a section's own entries, by the model entry the section stands for.
CATEGORY_HOOKS = {
    ModelEntry.MANAGEMENT: "management-category-link",
    ModelEntry.NEWS: "news-category-link",
    "": "custom-category-link",
}
LIVE_HOOKS = {
    LiveRole.PLACES: "live-button-locations",
    LiveRole.EVENTS: "live-button-events",
}


@dataclass(frozen=True)
class MenuEntry:
    page: object  # the specific page
    hook: str  # its data-element
    reach: tuple  # (path, nesting): its own tree (0), the pages it lists (1), theirs (2)

    @property
    def pk(self):
        return self.page.pk

    def depth_of(self, page):
        """How deep ``page`` lies under this entry: the nesting and the matched path's length
        (lower nesting and longer paths are closer), or None."""
        matches = [
            (nesting, -len(path)) for path, nesting in self.reach if page.path.startswith(path)
        ]
        return min(matches) if matches else None


def entry_hook(page) -> str:
    if isinstance(page, ServiceIndexPage):
        return "all-services"
    if isinstance(page, MenuSectionPage) and page.model_entry:
        return page.model_entry
    return CUSTOM_ENTRY


def link_hook(section, link) -> str:
    """data-element of an entry of a section page; empty for the "Vivere" section's
    entries that are neither its places nor its events."""
    if section.model_entry == ModelEntry.LIVE:
        return LIVE_HOOKS.get(link.live_role, "")
    return CATEGORY_HOOKS.get(section.model_entry, CATEGORY_HOOKS[""])


def section_reach(section, root_depth) -> tuple:
    """The paths a menu section covers, with their nesting. Links to the home page or above
    are left out: they would make the section contain the whole site."""
    reach = [(section.path, 0)]
    if not isinstance(section, MenuSectionPage):
        return tuple(reach)
    for link in section.section_links.select_related("link_page"):
        target = link.link_page
        if target.depth > root_depth:
            reach.append((target.path, 1))
        for inner in link.inner_links():
            if inner.link_page.depth > root_depth:
                reach.append((inner.link_page.path, 2))
    return tuple(reach)


def build_menu(pages, root_depth) -> list[MenuEntry]:
    return [MenuEntry(page, entry_hook(page), section_reach(page, root_depth)) for page in pages]


def active_entry(entries, page):
    """The entry ``page`` lies under, the closest when several list it; None outside all."""
    best = None
    for entry in entries:
        depth = entry.depth_of(page)
        if depth is not None and (best is None or depth < best[0]):
            best = (depth, entry)
    return best[1] if best else None
