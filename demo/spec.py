"""How the demo describes a page."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoPage:
    slug: str
    page_type: str
    title: str
    intro: str = ""
    body: list = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    show_in_menus: bool = True
    children: list = field(default_factory=list)
