from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import GOLD, SEEDS, needs_seeds
from kg import dates, segment, text

ISSUE = date(2025, 3, 26)


@pytest.mark.parametrize("body, expected", [
    ("3月24日，市委书记杜小刚与来锡考察的客人会谈。", date(2025, 3, 24)),
    ("3月19日至20日，省委书记到无锡调研。", date(2025, 3, 19)),
    ("4月8日—9日，市长带队在上海考察。", date(2024, 4, 8)),  # April is after the March issue: last year's
    ("昨日记者从市发展改革委获悉，工程正在推进。", date(2025, 3, 25)),
    ("今天，全市召开大会。", ISSUE),
    ("记者27日从中国大洋事务管理局获悉，科考船起航。", date(2025, 2, 27)),
    ("记者25日从市局获悉，工程完工。", date(2025, 3, 25)),
    ("12月30日，市委召开全会。", date(2024, 12, 30)),  # a dateline after the issue date is last year's
    ("会议指出，要抓好落实。", None),
])
def test_datelines_resolve_against_the_issue_date(body, expected):
    assert dates.resolve(body, ISSUE).date == expected


def test_without_issue_date_an_inferred_year_resolves_month_and_day_only():
    assert dates.resolve("3月24日，会谈。", None, 2025, "evidence").date == date(2025, 3, 24)
    assert dates.resolve("昨日记者获悉。", None, 2025, "evidence").date is None
    assert dates.resolve("3月24日，会谈。", None, None).date is None


@pytest.mark.parametrize("phrase, year", [
    ("学习习近平总书记参加十四届全国人大三次会议江苏代表团审议时的讲话", 2025),
    ("十四届全国人大二次会议", 2024),
    ("十三届全国政协五次会议", 2022),
    ("二十届中央纪委三次全会", 2024),
    ("十九届中央纪律检查委员会第六次全体会议", 2022),  # the commission's full name
    ("会议听取2023年度市高质量发展综合考核结果汇报", 2024),
    ("2024无锡“国际月”暨国际赏樱周启幕", 2024),
    ("2024年春节团拜会", 2024),
    ("2024至2026年，将提供服务", None),  # a plan names years, not the year of printing
    ("2024年全市实现营业收入212亿元", None),
    ("十四届全国人大三次会议；二十届中央纪委三次全会", None),  # evidence that disagrees
])
def test_year_evidence(phrase, year):
    assert dates.infer_year(phrase)[0] == year


@pytest.mark.parametrize("numeral, value", [("三", 3), ("十四", 14), ("二十", 20), ("二十一", 21), ("140", 140), ("", None)])
def test_chinese_numbers(numeral, value):
    assert dates.chinese_number(numeral) == value


@needs_seeds
def test_without_issue_dates_seed_dates_are_right_or_unresolved():
    wrong = []
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        arts = segment.articles(text.read_page(SEEDS / gold["file"]))
        year, basis = dates.infer_year("\n".join(a.body.text for a in arts))
        for art, expected in zip(arts, gold["articles"]):
            got = dates.resolve(art.body.text, None, year, basis).date
            if got is not None and got.isoformat() != expected["date"]:
                wrong.append((gold["file"], art.position, got, expected["date"]))
    assert wrong == []


def test_the_months_of_a_span_across_a_new_year():
    from kg.dates import month, months
    assert month(date(2025, 3, 9)) == "2025-03"
    assert months(date(2024, 11, 20), date(2025, 2, 3)) == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert months(date(2025, 4, 1), date(2025, 3, 1)) == []
