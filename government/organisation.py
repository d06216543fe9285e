"""The tree of units for the "Cơ cấu tổ chức" page, and the schema.org data of units and
leaders (GovernmentOrganization, Person) that their pages print as JSON-LD."""

from dataclasses import dataclass, field

from django.utils.html import strip_tags

from government.models import LeaderPage, UnitPage


@dataclass
class Node:
    unit: UnitPage
    children: list = field(default_factory=list)


@dataclass
class Group:
    kind: str
    label: str
    nodes: list = field(default_factory=list)


def unit_tree(index_page):
    """The index page's live, public units, nested as in the page tree and grouped by the
    kind of each top-level unit, in one query."""
    units = (
        UnitPage.objects.live()
        .public()
        .descendant_of(index_page)
        .order_by("path")
        .only("title", "path", "depth", "url_path", "kind", "phone", "short_name")
    )
    nodes_by_path = {}
    roots = []
    for unit in units:
        node = Node(unit)
        nodes_by_path[unit.path] = node
        parent = nodes_by_path.get(unit.path[: -UnitPage.steplen])
        if parent is not None:
            parent.children.append(node)
        elif unit.depth == index_page.depth + 1:
            roots.append(node)
    groups = {kind: Group(kind, label) for kind, label in UnitPage.Kind.choices}
    for node in roots:
        groups[node.unit.kind].nodes.append(node)
    return [group for group in groups.values() if group.nodes]


def _absolute(page, request):
    return page.get_full_url(request)


def leader_json_ld(leader, request=None, with_context=True, unit=None):
    data = {
        "@type": "Person",
        "name": leader.title,
        "jobTitle": leader.position,
        "url": _absolute(leader, request),
    }
    if with_context:
        data["@context"] = "https://schema.org"
        unit = unit or leader.get_parent().specific
        data["worksFor"] = {"@type": "GovernmentOrganization", "name": unit.title}
    if leader.phone:
        data["telephone"] = leader.phone
    if leader.email:
        data["email"] = leader.email
    if leader.portfolio:
        data["description"] = leader.portfolio
    return data


def unit_json_ld(unit, request=None, leaders=(), parent=None):
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": unit.title,
        "url": _absolute(unit, request),
    }
    if unit.short_name:
        data["alternateName"] = unit.short_name
    if unit.functions:
        data["description"] = strip_tags(unit.functions)[:500]
    if unit.address:
        data["address"] = {"@type": "PostalAddress", "streetAddress": unit.address}
    if unit.phone:
        data["telephone"] = unit.phone
    if unit.fax:
        data["faxNumber"] = unit.fax
    if unit.email:
        data["email"] = unit.email
    if unit.website:
        data["sameAs"] = unit.website
    parent = parent or unit.get_parent().specific
    if isinstance(parent, UnitPage):
        data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": parent.title}
    if leaders:
        data["employee"] = [
            leader_json_ld(leader, request, with_context=False)
            for leader in leaders
            if isinstance(leader, LeaderPage)
        ]
    return data
