"""Projects: works, investments, funds and named programmes."""
from __future__ import annotations

from kg.model import OrgMention, ProjectMention


def find(body: str, orgs: list[OrgMention]) -> list[ProjectMention]:
    return []
