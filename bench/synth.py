"""Synthetic newspaper pages in the genre, for benchmarks: invented cities, people, companies,
meetings and projects, laid out with the artifacts of PDF text (narrow columns broken mid-name,
blank lines between columns, headlines after or before their article, bylines in （）, datelines
as `3月 24日`). Deterministic: the same seed gives the same pages.

    python bench/synth.py OUT_DIR --pages 1000 --seed 7   # pages and their manifest.csv
"""
from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁沈任姚卢钟汪"
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "司徒"]
GIVEN = "建国明华志强文杰晓东海燕丽娟秀英立新振宇嘉禾慧敏思远承宇致和静波鸣峰博雯岚清远航天佑若兰春雨德海子豪"
PLACE = "澜岚栖岑霁棠溱沅澄浔汀滢漳湄沣淇泷渠"
PLACE2 = "川阳州溪江湖浦宁安城原山"
BRAND = ["华岳", "远帆", "星辰", "青穗", "丰源", "澄远", "中源", "鸿屿", "云途", "蓝桥", "芯联", "锦程", "恒泰", "瑞丰"]
INDUSTRY = ["智能科技", "新能源", "精密机械", "生物医药", "数字科技", "汽车零部件", "新材料", "物流", "半导体"]
COMPANY_END = ["有限公司", "股份有限公司", "集团", "控股集团", "科技有限公司"]
PROJECT_CORE = ["储能电池生产基地", "综合交通枢纽", "污水处理厂提标改造", "智能制造产业园", "人才公寓", "数据中心",
                "冷链物流中心", "滨江生态廊道", "高端装备制造基地"]
PROJECT_END = ["项目", "工程", "二期项目"]
DOCUMENT = ["推进新型工业化三年行动计划", "优化营商环境若干措施", "城市更新行动实施方案", "数字经济高质量发展实施意见"]
LEADER_TITLES = ["副市长", "市委常委", "市政府秘书长", "市人大常委会副主任", "市政协副主席"]
# The prose that fills most of a real report between its facts: what was stressed, asked, planned.
OPENERS = ["会议强调", "会议指出", "会议要求", "他指出", "他强调", "与会人员一致认为", "会上明确", "讲话指出"]
CLAUSES = ["要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念", "要聚焦主责主业，扎实推动各项任务落地见效",
           "要把握发展大势，增强机遇意识和风险意识", "要坚持以人民为中心，持续保障和改善民生",
           "要深化重点领域改革，激发各类经营主体活力", "要统筹发展和安全，守牢安全生产底线",
           "要加快构建现代化产业体系，培育壮大新质生产力", "要强化科技创新引领，推动创新链产业链深度融合",
           "要持续优化营商环境，当好服务企业的店小二", "要抓实生态环境保护，推进美丽城市建设",
           "要加强基层治理，提升城市精细化管理水平", "要压紧压实工作责任，形成上下联动的工作合力",
           "要以钉钉子精神抓落实，确保年度目标任务圆满完成", "要加大招商引资力度，引进一批牵引性强的重大项目",
           "要做好稳就业工作，帮助重点群体实现就业", "要提升公共服务水平，办好群众身边的实事好事",
           "要推进乡村全面振兴，促进农民持续增收", "要弘扬优良作风，以实干实绩检验工作成效"]


class Invented:
    """Names drawn from a seeded generator; a city keeps its leaders across pages."""

    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd
        self.city = rnd.choice(PLACE) + rnd.choice(PLACE2)
        self.secretary, self.mayor = self.person(), self.person()
        self.leaders = [self.person() for _ in range(8)]

    def person(self) -> str:
        surname = self.rnd.choice(COMPOUND) if self.rnd.random() < 0.08 else self.rnd.choice(SURNAMES)
        return surname + "".join(self.rnd.choice(GIVEN) for _ in range(self.rnd.choice((1, 2, 2))))

    def company(self) -> tuple[str, str]:
        brand = self.rnd.choice(BRAND)
        return brand + self.rnd.choice(INDUSTRY) + self.rnd.choice(COMPANY_END), brand

    def project(self) -> str:
        return self.city + self.rnd.choice(PROJECT_CORE) + self.rnd.choice(PROJECT_END)

    def amount(self) -> str:
        """Spread over orders of magnitude, as reported amounts are: 0.5 to 500 亿元, a quarter of them over 100."""
        return f"{10 ** self.rnd.uniform(-0.3, 2.7):.1f}亿元"


def _meeting(w: Invented, day: str, session: int) -> tuple[list[str], str]:
    doc = w.city + "市" + w.rnd.choice(DOCUMENT)
    project, amount = w.project(), w.amount()
    body = [f"本报讯 {day}，市委书记{w.secretary}主持召开市委常委会第{session}次会议，传达学习习近平总书记重要讲话精神，"
            f"研究部署我市贯彻落实工作。市长{w.mayor}出席会议。",
            f"会议审议通过《{doc}》。会议强调，要全力推进{project}建设，该项目总投资{amount}，确保早日建成见效。",
            "会议还研究了其他事项。"]
    return body, f"市委常委会召开第{session}次会议"


def _reception(w: Invented, day: str, session: int) -> tuple[list[str], str]:
    company, brand = w.company()
    guest, leader, title = w.person(), w.rnd.choice(w.leaders), w.rnd.choice(LEADER_TITLES)
    project, amount = w.project(), w.amount()
    body = [f"本报讯 {day}，市长{w.mayor}会见来{w.city[0]}考察的{company}董事长{guest}一行。{title}{leader}参加会见。",
            f"{w.mayor}表示，{brand}是行业领先企业，希望双方深化合作。{guest}说，{brand}将加快推进{project}，"
            f"计划总投资{amount}。"]
    return body, f"{w.mayor}会见{brand}客人"


def _tour(w: Invented, day: str, session: int) -> tuple[list[str], str]:
    company, _ = w.company()
    a, b = w.rnd.sample(w.leaders, 2)
    body = [f"本报讯 {day}，市委书记{w.secretary}带队调研重点项目建设。他先后来到{company}、{w.project()}现场，"
            f"详细了解项目进展。",
            f"{w.secretary}强调，要倒排工期、挂图作战，推动项目早投产、早见效。市领导{a}、{b}参加调研。"]
    return body, f"{w.secretary}调研重点项目建设"


def _forum(w: Invented, day: str, session: int) -> tuple[list[str], str]:
    companies = [w.company()[0] for _ in range(3)]
    body = [f"本报讯 {day}，全市民营企业座谈会召开。市长{w.mayor}主持会议并讲话。",
            f"座谈会上，{'、'.join(companies)}等企业负责人先后发言。{w.mayor}指出，要持续优化营商环境，"
            f"帮助企业解决实际困难。市领导{'、'.join(w.rnd.sample(w.leaders, 3))}出席。"]
    return body, "全市民营企业座谈会召开"


KINDS = (_meeting, _reception, _tour, _forum)


def _prose(rnd: random.Random) -> list[str]:
    """Three to six paragraphs of the report's body without named things, as real reports have."""
    return [f"{rnd.choice(OPENERS)}，" + "；".join(rnd.sample(CLAUSES, rnd.randint(3, 5))) + "。"
            for _ in range(rnd.randint(3, 6))]


def _columns(text: str, rnd: random.Random) -> list[str]:
    """Narrow column lines (no line starts with closing punctuation), a blank line now and then."""
    width, lines, i = rnd.randint(14, 17), [], 0
    while i < len(text):
        j = min(i + width, len(text))
        while j < len(text) and text[j] in "，。、；：）》”！？":
            j += 1
        lines.append(text[i:j])
        i = j
        if rnd.random() < 0.08:
            lines.append("")
    return lines


def issue_date(number: int) -> date:
    """The issue page `number` appeared in: 28 issues a month, 336 a year, from 2020."""
    return date(2020 + number // 336, 1 + number // 28 % 12, 1 + number % 28)


def page(seed: int, number: int) -> str:
    """One page: four articles, each with byline and headline block, as PDF text. Reports are as
    long as real ones (a page ~3,500 characters) and name as many things per thousand characters."""
    rnd = random.Random(seed * 1_000_003 + number)
    w = Invented(random.Random(seed * 7919 + number // 50))  # a city and its leaders last 50 pages
    w.rnd = rnd
    issued = issue_date(number)
    out = [" 返回目录", ""]
    for k in range(4):  # reports of the day before the issue and of the days before it
        day = f"{issued.month}月 {max(1, issued.day - 1 - k % 2)}日"
        body, headline = rnd.choice(KINDS)(w, day, 10 + number % 150)
        author = "、".join(w.person() for _ in range(rnd.choice((1, 1, 2))))
        body = body[:1] + _prose(rnd) + body[1:]
        paragraphs = [_columns(p, rnd) for p in body]
        paragraphs[-1][-1] += f"（{author}）"
        article = [line for p in paragraphs for line in p + [""]]
        block = [headline, ""]
        out += (block + article) if rnd.random() < 0.3 else (article + [""] + block)
    if rnd.random() < 0.5:  # a photo caption with doubled characters
        out += ["".join(ch * 2 for ch in f"{w.secretary}调研项目建设"), ""]
    return "\n".join(out) + "\n"


def pages(count: int, seed: int) -> Iterator[tuple[str, str]]:
    for number in range(count):
        yield f"synth_{seed}_{number:06d}.txt", page(seed, number)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows = ["file,date"]
    for number, (name, text) in enumerate(pages(args.pages, args.seed)):
        (args.out / name).write_text(text, encoding="utf-8")
        rows.append(f"{name},{issue_date(number).isoformat()}")
    (args.out / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
