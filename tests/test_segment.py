from __future__ import annotations

import json

import pytest

from conftest import GOLD, SEEDS, needs_seeds
from kg import segment, text


def page_articles(path):
    return segment.articles(text.read_page(path))


@pytest.mark.parametrize("line, authors, source", [
    ("会议还研究了其他事项。（高美梅）", ["高美梅"], None),
    ("（高美梅、惠晓婧）", ["高美梅", "惠晓婧"], None),
    ("的服务体验。 （高美梅）", ["高美梅"], None),
    ("（本报记者 张三 通讯员 李四）", ["张三", "李四"], None),
    ("（据新华社）", [], "新华社"),
    ("（杰西·阿门达雷兹）", ["杰西·阿门达雷兹"], None),
])
def test_bylines(line, authors, source):
    parsed = segment.parse_byline(line)
    assert parsed is not None
    assert parsed[1].authors == authors and parsed[1].source == source


@pytest.mark.parametrize("line", [
    "加力引进创新创业人才（团队），助力",  # parentheses inside a sentence
    "锡山区、新吴区获评优秀县（市、区）",  # not after a full stop
    "深度求索（DeepSeek）",
    "会议要求。（一要抓好落实，二要压实责任）",  # not names
])
def test_parentheses_that_are_not_bylines(line):
    assert segment.parse_byline(line) is None


def test_our_page_splits_into_its_four_articles(pages):
    arts = page_articles(pages / "qinglan_0513.txt")
    assert [a.body.text[:6] for a in arts] == ["5月12日，", "5月12日，", "5月12日，", "昨日记者从市"]
    assert [a.authors for a in arts] == [["沈若溪"], ["沈若溪", "顾明哲"], ["顾明哲"], ["许可馨"]]
    assert all(a.source == "本报讯" for a in arts)


def test_headlines_go_to_the_article_they_name_before_or_after_it(pages):
    arts = page_articles(pages / "qinglan_0513.txt")
    headlines = [[h.text for h in a.headline] for a in arts]
    assert headlines == [
        [],  # the stray "返回目录" at the top names no article
        ["市委常委会召开会议", "研究部署数字经济发展和基层治理工作"],  # stands after its byline
        ["宋明远会见法国客人"],  # stands before its body
        ["青澜港二期码头主体完工"],  # after the photo caption
    ]


def test_bodies_leave_out_markers_bylines_and_captions(pages):
    arts = page_articles(pages / "qinglan_0513.txt")
    assert "林向东" in arts[0].body.text and "本报讯" not in arts[0].body.text
    assert "（沈若溪）" not in arts[0].body.text
    assert all("摄" not in a.body.text for a in arts)
    assert arts[1].body.text.endswith("会议还研究了其他事项。")


def test_a_wire_story_without_opening_marker_is_an_article(pages):
    arts = page_articles(pages / "qinglan_0603.txt")
    assert len(arts) == 2
    wire = arts[1]
    assert wire.source == "新华社" and wire.authors == []
    assert wire.body.text.startswith("记者2日从国家海洋技术中心获悉")
    assert [h.text for h in wire.headline] == ["“澜舟一号”完成首次试航"]


def test_a_column_break_inside_a_sentence_does_not_end_an_article():
    raw = ("本报讯 5月1日，市长王某某出席活动。\n\n赵某某指出，新的一年，全市将始\n\n"
           "终坚持创新驱动。（李某）\n\n全市坚持创新驱动\n")
    arts = segment.articles(_page(raw))
    assert len(arts) == 1
    assert "全市将始终坚持创新驱动" in arts[0].body.text
    assert [h.text for h in arts[0].headline] == ["全市坚持创新驱动"]


def test_a_paragraphs_opening_cut_off_by_column_breaks_is_no_headline():
    raw = ("本报讯 11月3日，市长王某某率团出访。\n11月4日，代表团拜会了某某。\n\n11月 6日，王某某与杰尔\n\n"
           "市市长某某举行会谈，并\n\n共同签署了合作协议书。（李某）\n\n王某某率团出访\n")
    [article] = segment.articles(_page(raw))
    assert "11月6日，王某某与杰尔市市长某某举行会谈，并共同签署了合作协议书。" in article.body.text
    assert [h.text for h in article.headline] == ["王某某率团出访"] and article.authors == ["李某"]


def test_a_byline_broken_after_its_opening_bracket_still_closes_the_article():
    raw = ("本报讯 5月1日，市长王某某出席青澜活动。市领导李某某参加活动。（\n沈若溪、顾明哲）\n\n"
           "王某某出席青澜活动\n\n本报讯 5月2日，市长王某某会见客人。（李某）\n")
    first, second = segment.articles(_page(raw))
    assert first.authors == ["沈若溪", "顾明哲"]
    assert [h.text for h in first.headline] == ["王某某出席青澜活动"]
    assert "（" not in first.body.text and second.authors == ["李某"]


def test_a_byline_broken_inside_a_name_still_closes_the_article():
    raw = "本报讯 5月1日，市长王某某出席青澜活动。市领导李某某参加活动。（沈若\n溪）\n\n王某某出席青澜活动\n"
    [article] = segment.articles(_page(raw))
    assert article.authors == ["沈若溪"] and [h.text for h in article.headline] == ["王某某出席青澜活动"]


def test_a_byline_broken_by_a_column_break_still_closes_the_article():
    raw = ("本报讯 5月1日，市长王某某出席青澜活动。市领导李某某参加活动。（记\n\n者 沈若溪）\n\n"
           "王某某出席青澜活动\n\n本报讯 5月2日，市长王某某会见客人。（李某）\n")
    first, second = segment.articles(_page(raw))
    assert first.authors == ["沈若溪"] and [h.text for h in first.headline] == ["王某某出席青澜活动"]
    assert "（" not in first.body.text and second.authors == ["李某"]


def test_offsets_of_bodies_point_at_the_same_characters(pages):
    for path in pages.glob("*.txt"):
        page = text.read_page(path)
        for art in segment.articles(page):
            assert all(page.raw[o] == ch for ch, o in zip(art.body.text, art.body.offsets))
            for line in art.headline:
                assert all(page.raw[o] == ch for ch, o in zip(line.text, line.offsets))


@needs_seeds
def test_seed_pages_match_the_gold_articles():
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        arts = page_articles(SEEDS / gold["file"])
        assert len(arts) == len(gold["articles"]), gold["file"]
        for art, expected in zip(arts, gold["articles"]):
            assert art.body.text.replace("\n", "").startswith(expected["starts_with"])
            assert art.authors == expected["authors"]
            assert [h.text.replace(" ", "") for h in art.headline] == [h.replace(" ", "") for h in expected["headline"]]


def _page(raw: str):
    from kg.model import Page
    return Page(source="t.txt", raw=raw, content_hash="0")


def test_a_byline_right_after_the_opening_marker(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("本报讯（记者 沈若溪 通讯员 顾明哲）\n5月 12日，副市长韩佳宁到市行政审批局调研。\n\n"
                    "本报讯 5月 12日，青澜港二期码头工程开工。（许可馨）\n", encoding="utf-8")
    first, second = page_articles(page)
    assert first.authors == ["沈若溪", "顾明哲"] and first.body.text.startswith("5月12日，副市长")
    assert second.authors == ["许可馨"]


def test_a_leading_byline_cut_by_a_line_break_with_a_trainee_reporter(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("本报讯（记者 沈若溪 见习记者 顾明\n哲）走进青澜数字产业园，企业加速集聚。\n", encoding="utf-8")
    [article] = page_articles(page)
    assert article.authors == ["沈若溪", "顾明哲"] and article.body.text.startswith("走进青澜")


def test_an_article_without_marker_after_one_signed_at_its_start_is_its_own(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("本报讯（记者 沈若溪）走进青澜数字产业园，企业加速集聚。\n\n市委财经委员会召开会议\n\n"
                    "5月 20日，市委书记韩佳宁主持召开市委财经委员会会议。（沈若溪）\n", encoding="utf-8")
    feature, meeting = page_articles(page)
    assert feature.body.text == "走进青澜数字产业园，企业加速集聚。"
    assert [h.text for h in meeting.headline] == ["市委财经委员会召开会议"] and meeting.authors == ["沈若溪"]


def test_a_wire_story_with_a_space_in_its_marker_and_a_byline_after_it(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("新华社北京5月 6日电（记者 韦明远）国务院副总理何立新6日在北京会见了外宾。\n", encoding="utf-8")
    [article] = page_articles(page)
    assert (article.source, article.authors, article.dateline) == ("新华社", ["韦明远"], "新华社北京5月6日电")
    assert article.body.text.startswith("国务院副总理")


def test_a_paragraph_cut_by_several_column_breaks_stays_in_its_article():
    # full lines of the column, each a block of its own, up to the one that ends the sentence
    raw = ("本报讯 11月12日，市委常委会召开会议。市委书\n记王某某主持会议。\n\n会议指出，要统一思想。\n\n"
           "会议强调，要牢牢扭住项目建设\n\n“牛鼻子”，加快推进青澜港三\n\n期工程等重大项目建设，确保全\n\n"
           "年目标圆满完成。（李某）\n\n市委常委会召开会议\n\n"
           "本报讯 11月11日，副市长赵某某调研港口建设。（张某）\n")
    first, second = segment.articles(_page(raw))
    assert "加快推进青澜港三期工程等重大项目建设，确保全年目标圆满完成。" in first.body.text
    assert first.authors == ["李某"] and [h.text for h in first.headline] == ["市委常委会召开会议"]
    assert second.authors == ["张某"]


def test_a_role_word_starts_a_new_name_where_a_line_break_ate_the_space():
    # （记者 沙言 / blank line / 实习生 林立）: the lines joined without the space between the names
    assert segment.parse_byline("介绍了投资环境。（记者 沙言实习生 林立）")[1].authors == ["沙言", "林立"]
