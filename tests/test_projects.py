from __future__ import annotations

import pytest

from kg.extract import projects


def names(text: str) -> list[str]:
    return [p.name for p in projects.find(text, [])]


@pytest.mark.parametrize("text, name", [
    ("青澜港二期码头工程已完成主体施工。", "青澜港二期码头工程"),
    ("扎实开展传统产业焕新工程，推进落实。", "传统产业焕新工程"),
    ("深入实施“春雨润苗”计划，加强新兴领域党建。", "“春雨润苗”计划"),
    ("积极推出“四项暖企行动”，帮助企业。", "“四项暖企行动”"),
    ("去年澜海重工一期增资扩产项目完成。", "澜海重工一期增资扩产项目"),
    ("通过澜江基金二期不断加大投资。", "澜江基金二期"),
])
def test_named_projects(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "加快推进重点项目建设。",
    "集聚更多优质企业项目。",
    "发布七大行动。",
    "推进新项目落地。",
])
def test_generic_references_are_not_projects(text):
    assert names(text) == []


def test_amounts_are_kept_as_written():
    [project] = projects.find("据介绍，青澜湾综合治理工程总投资86.5亿元，计划三年内建成。", [])
    assert project.amounts == ["86.5亿元"] and project.kind == "construction"
