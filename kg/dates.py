"""Datelines and the years they belong to.

Pages print no year. A dateline (`3月24日`, `昨日`, `记者27日从…`, `3月19日至20日`) is resolved against
the issue date when the user gives one. Without it, the year is inferred from what the page's
text dates unambiguously (`十四届全国政协三次会议` was held in 2025), and the basis is recorded; a
dateline that cannot be resolved stays unresolved rather than guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_NUM = "一二三四五六七八九"

DATELINE = re.compile(
    r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:(?:至|到|—|-|～|~)(?:\d{1,2}月)?\d{1,2}日)?"
    r"|(?P<rel>昨日|昨天|今天|今日|前天)"
    r"|记者(?P<day>\d{1,2})日"
)
_RELATIVE = {"昨日": -1, "昨天": -1, "今天": 0, "今日": 0, "前天": -2}
# A dateline stands in the opening words of a body, before the first full stop.
_DATELINE_REACH = 20


@dataclass(frozen=True)
class Resolved:
    date: date | None
    basis: str  # how: the dateline as printed and where its year came from


def dateline(body: str) -> re.Match[str] | None:
    """The dateline among the first words of an article body, if any."""
    head = re.split(r"[。！？]", body[:_DATELINE_REACH], maxsplit=1)[0]
    return DATELINE.search(head)


def resolve(body: str, issue: date | None, year: int | None = None, year_basis: str = "") -> Resolved:
    """The date of an article's dateline, using the issue date, or else an inferred year."""
    match = dateline(body)
    if match is None:
        return Resolved(None, "no dateline")
    printed = match.group(0)
    if match.group("rel"):
        if issue is None:
            return Resolved(None, f"{printed}: relative to an unknown issue date")
        return Resolved(issue + timedelta(days=_RELATIVE[match.group("rel")]),
                        f"{printed} before the issue date {issue.isoformat()}")
    if match.group("day"):
        if issue is None:
            return Resolved(None, f"{printed}: day only, issue date unknown")
        return _day_of(int(match.group("day")), issue, printed)
    month, day = int(match.group("m")), int(match.group("d"))
    if issue is not None:
        candidate = _safe_date(issue.year, month, day)
        if candidate and candidate > issue:
            candidate = _safe_date(issue.year - 1, month, day)
        return Resolved(candidate, f"{printed}, in the year up to the issue date {issue.isoformat()}")
    if year is not None:
        return Resolved(_safe_date(year, month, day), f"{printed}, year {year}: {year_basis}")
    return Resolved(None, f"{printed}: no year known")


def _day_of(day: int, issue: date, printed: str) -> Resolved:
    month_start = issue.replace(day=1)
    if day > issue.day:
        month_start = (month_start - timedelta(days=1)).replace(day=1)
    candidate = _safe_date(month_start.year, month_start.month, day)
    return Resolved(candidate, f"{printed}, the last such day up to the issue date {issue.isoformat()}")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def chinese_number(text: str) -> int | None:
    """`十四` → 14, `五十八` → 58, `一百四十` → 140, `一〇四` → 104, `140` → 140; None when it is not a number."""
    if text.isdigit():
        return int(text)
    digits = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    units = {"十": 10, "百": 100, "千": 1000}
    if not text or any(ch not in digits and ch not in units for ch in text):
        return None
    if not any(ch in units for ch in text):  # 一〇四: digit by digit
        return int("".join(str(digits[ch]) for ch in text))
    total, pending = 0, None
    for ch in text:
        if ch in digits:
            pending = digits[ch]
        else:
            total += (1 if pending is None else pending) * units[ch]
            pending = None
    return (total + (pending or 0)) or None


# Evidence for the year a page was printed, strongest first. Each rule gives the year from a match.
_CN = rf"[十二{_NUM}]+"
_CONGRESS = re.compile(rf"({_CN})届全国(?:人大|政协)({_CN})次会议")
# The Party's central discipline commission, abbreviated (纪委) or in full (纪律检查委员会).
_DISCIPLINE = re.compile(rf"({_CN})届中央纪(?:委|律检查委员会)第?({_CN})次(?:全会|全体会议)")
_ANNUAL = re.compile(r"(20\d\d)年度[^。]{0,20}?(?:考核|评选|表彰|结果|总结)")
_FESTIVAL = re.compile(r"(20\d\d)年(?:春节|元旦|全国两会)")
_EVENT = re.compile(r"(?<![\d至到~～—-])(20\d\d)(?=[“\u4e00-\u9fff])(?![年届])[^。，]{0,14}?"
                    r"(?:周|节|月|博览会|论坛|峰会|大赛|赛事|展会|活动)")


def _congress_year(term: int, session: int) -> int:
    # The National People's Congress and the CPPCC have sat in five-year terms since the 5th (1978).
    return 1978 + 5 * (term - 5) + session - 1


def _discipline_year(term: int, plenum: int) -> int:
    # A Party congress elects its discipline commission (plenum 1) in the autumn of its year
    # (the 11th in 1977); later plenums meet each January.
    return 1977 + 5 * (term - 11) + max(plenum - 1, 0)


def infer_year(text: str) -> tuple[int | None, str]:
    """The year a page was printed, from its own evidence, or None where the evidence is absent
    or disagrees. The basis names the phrases used."""
    strong: list[tuple[int, str]] = []
    for m in _CONGRESS.finditer(text):
        term, session = chinese_number(m.group(1)), chinese_number(m.group(2))
        if term and session and term >= 5:
            strong.append((_congress_year(term, session), m.group(0)))
    for m in _DISCIPLINE.finditer(text):
        term, plenum = chinese_number(m.group(1)), chinese_number(m.group(2))
        if term and plenum and plenum >= 2 and term >= 11:
            strong.append((_discipline_year(term, plenum), m.group(0)))
    medium = [(int(m.group(1)) + 1, m.group(0)) for m in _ANNUAL.finditer(text)]
    medium += [(int(m.group(1)), m.group(0)) for m in _FESTIVAL.finditer(text)]
    medium += [(int(m.group(1)), m.group(0)) for m in _EVENT.finditer(text)]
    for evidence in (strong, medium):
        years = {y for y, _ in evidence}
        if len(years) == 1:
            year = years.pop()
            return year, "the text names " + "; ".join(sorted({phrase for _, phrase in evidence}))
        if len(years) > 1:
            return None, "the text's year evidence disagrees: " + "; ".join(f"{p} → {y}" for y, p in evidence)
    return None, "no year evidence in the text"


def month(day: date) -> str:
    """The month a date falls in, as an xsd:gYearMonth (2025-03): the key events are found by."""
    return f"{day.year:04d}-{day.month:02d}"


def months(first: date, last: date) -> list[str]:
    """Every month from `first`'s to `last`'s, in order; none if `last` comes first."""
    return [month(date(first.year + (first.month - 1 + k) // 12, (first.month - 1 + k) % 12 + 1, 1))
            for k in range((last.year - first.year) * 12 + last.month - first.month + 1)]
