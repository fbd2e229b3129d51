from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from kg import text
from kg.errors import PageError
from kg.model import Span


def span(s: str, start: int = 0) -> Span:
    return Span(s, tuple(range(start, start + len(s))))


def test_a_name_broken_across_lines_is_rejoined():
    raw = "市委书记杜\n小刚主持召开会议。"
    joined = text.join_lines(text.lines(raw), width=20, raw=raw)
    assert joined.text == "市委书记杜小刚主持召开会议。"


def test_every_cleaned_character_points_at_itself_in_the_original():
    raw = " 联系我们\n\n本报讯 3 月 24 日，市委书记杜\n小刚与\n\n来锡考察的客人会谈。\n"
    for block in text.blocks(raw):
        joined = text.join_lines(list(block.lines), width=16, raw=raw)
        assert all(raw[o] == ch for ch, o in zip(joined.text, joined.offsets))


def test_spaces_go_between_chinese_and_digits_but_stay_between_ascii_words():
    assert text.join_lines([span("3 月 20 日，2024 无锡")], 40, "3 月 20 日，2024 无锡").text == "3月20日，2024无锡"
    assert text.join_lines([span("比利时 Novas Lab 创新中心")], 40, "比利时 Novas Lab 创新中心").text == \
        "比利时Novas Lab创新中心"


def test_a_paragraph_end_is_kept_only_where_a_short_line_ends_a_sentence():
    raw = "会议强调，要紧扣目标任务，强化\n责任落实。\n会议还研究了其他事项。"
    assert text.join_lines(text.lines(raw), 15, raw).text == "会议强调，要紧扣目标任务，强化责任落实。\n会议还研究了其他事项。"


def test_a_paragraph_end_after_trailing_spaces_points_at_the_line_feed():
    raw = "要紧扣目标任务，强化\r\n责任落实。  \r\n会议还研究了其他事项。"
    joined = text.join_lines(text.lines(raw), 15, raw)
    assert joined.text == "要紧扣目标任务，强化责任落实。\n会议还研究了其他事项。"
    assert all(raw[o] == ch for ch, o in zip(joined.text, joined.offsets))


@pytest.mark.parametrize("doubled, plain", [
    ("22月月2020日日，，两条挖泥船两条挖泥船", "2月20日，两条挖泥船"),
    ("（（还月亮还月亮 摄摄））", "（还月亮摄）"),
])
def test_doubled_captions_are_undoubled(doubled, plain):
    result = text.undouble(span(doubled, 100))
    assert result is not None and result.text == plain
    assert all(doubled[o - 100] == ch for ch, o in zip(result.text, result.offsets))


@pytest.mark.parametrize("line", ["市委书记杜小刚主持召开会议", "会议会议", "abc"])
def test_ordinary_lines_are_not_taken_for_doubled_ones(line):
    # "会议会议" repeats a run, but so few characters repeat by chance: not a caption.
    assert text.undouble(span(line)) is None


def test_blocks_mark_captions():
    raw = "正文第一行。\n\n55月月1212日日，，施工施工。。\n"
    kinds = [(b.caption, b.text) for b in text.blocks(raw)]
    assert kinds == [(False, "正文第一行。"), (True, "5月12日，施工。")]


def test_full_width_letters_and_digits_fold_to_ascii(tmp_path: Path):
    page = tmp_path / "p.txt"
    page.write_text("本报讯　３月２４日，ＡＩ。", encoding="utf-8")
    assert text.read_page(page).raw == "本报讯 3月24日，AI。"


def test_a_bom_is_not_text(tmp_path: Path):
    page = tmp_path / "p.txt"
    page.write_bytes("\ufeff本报讯 3月24日。".encode("utf-8"))
    assert text.read_page(page).raw.startswith("本报讯")


PAGE = "本报讯 3月24日，市委书记林向东主持召开会议，研究部署相关工作。\n（沈若溪）\n" * 4


@pytest.mark.parametrize("encoding, data", [
    ("gb18030", PAGE.encode("gb18030")),
    ("gb18030", PAGE.encode("gbk")),  # GBK is a subset: read as GB18030, the same characters
    ("utf-16-le", codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le")),
    ("utf-16-be", codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be")),
    ("utf-8", codecs.BOM_UTF8 + PAGE.encode("utf-8")),
])
def test_chinese_encodings_are_decoded(tmp_path: Path, encoding: str, data: bytes):
    page = tmp_path / "p.txt"
    page.write_bytes(data)
    read = text.read_page(page)
    assert (read.raw, read.encoding) == (PAGE, encoding)


@pytest.mark.parametrize("content, problem", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (bytes(range(256)) * 8, "not text"),
    (b"\xff\xfe\x00\xd8garbage\x80\x81", "not"),
    ("本报讯\x00\x00".encode("utf-8"), "binary"),
])
def test_unusable_files_are_refused_with_the_file_named(tmp_path: Path, content: bytes, problem: str):
    page = tmp_path / "bad.txt"
    page.write_bytes(content)
    with pytest.raises(PageError) as err:
        text.read_page(page)
    assert "bad.txt" in str(err.value) and problem in str(err.value)
