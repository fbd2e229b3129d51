"""The fast ways of reading text give what the slow ones gave: the segmenter cuts exactly as jieba
does (our set phrases added to both), and names are found where a regex would find them."""
from __future__ import annotations

import re

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ANNOTATED, PAGES, SEEDS
from kg.extract.base import lexicon, spans_of, word_tags
from kg.extract.cut import Segmenter


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    word_tags()  # the set phrases added to jieba's dictionary
    return Segmenter(lexicon("set_phrases"))


def jieba_cut(text: str) -> list[str]:
    word_tags()
    return list(jieba.cut(text))


def test_every_line_of_every_page_is_cut_as_jieba_cuts_it(segmenter):
    lines = [line for folder in (PAGES, ANNOTATED, SEEDS) for path in sorted(folder.glob("*.txt"))
             for line in path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)]
    assert len(lines) > 5000
    assert [line for line in lines if segmenter.cut(line) != jieba_cut(line)] == []


@pytest.mark.parametrize("text", [
    "交割金额312.94亿元，年均增长7.6%",  # numbers: their blocks go to jieba whole
    "完成3.5a级改造",  # a letter after a decimal: jieba cuts 3.5|a, jieba-rs would not
    "编号9-1地块",  # ASCII joined by a hyphen: 9|-|1 in jieba
    "3.57.6%的",  # two decimal points
    "编号A-1地块",  # A|-|1 in jieba
    "张鿠-同志",  # past jieba's Chinese range (U+9FE0): jieba-rs, given the whole text, reads 鿠- as a word
    "要做强做优做大市属企业",  # a set phrase: 做大|市 otherwise
    "，常在大常年了三人",  # single characters jieba-rs's own HMM would join (常在|大)
    "长长长向的",  # routes of equal probability (长|长长, 长长|长), which the two choose between otherwise
])
def test_text_jieba_rs_would_read_otherwise(segmenter, text):
    assert segmenter.cut(text) == jieba_cut(text)


# Chinese of the genre, characters jieba-rs and jieba read differently (past U+9FD5, CJK
# extensions, compatibility ideographs), ASCII joiners, numbers and whitespace.
ALPHABET = st.sampled_from(list("市委书记林向东长会见了主持召开议和与为在是的谈笑风生鿖鿠鿿㐀䶿豈𠀀⺀〇·，。、"
                                "aZ9-_.%+#& \n\r\t"))


@settings(max_examples=3000, deadline=None)
@given(st.text(ALPHABET, max_size=40))
def test_random_text_is_cut_as_jieba_cuts_it(segmenter, text):
    assert segmenter.cut(text) == jieba_cut(text)


@settings(max_examples=2000, deadline=None)
@given(st.text("aab林向东", max_size=4), st.text("aab林向东 ", max_size=30))
def test_a_name_is_found_where_a_regex_finds_it(needle, text):
    assert spans_of(needle, text) == [m.span() for m in re.finditer(re.escape(needle), text)]
