"""jieba's segmentation, computed by jieba-rs (rjieba) where it gives the same words ten times faster.

Segmentation was a fifth to a third of building a page. jieba-rs is a port of jieba with the same
dictionary and HMM; it cuts text of Chinese characters, letters and plain numbers exactly as jieba
does (the tests compare them on every sample page and on random text), but it reads some runs of
other characters differently: a letter after a decimal (3.5a), ASCII joined by - _ # & + (9-1),
characters past jieba's Chinese range (U+9FD6…, CJK extensions). So text is split into jieba's own
blocks, and only a block of Chinese characters, letters and numbers goes to jieba-rs; a block of
punctuation is cut into its characters, as jieba cuts it; any other block goes to jieba, which is
what the whole text would have met.

    Segmenter().cut("市长周海峰主持召开市政府常务会议")  # ['市长', '周', '海峰', '主持', '召开', '市政府', '常务会议']
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import jieba
import rjieba

# A block jieba-rs segments as jieba does: Chinese characters (jieba's range), runs of letters and
# digits, and numbers with one decimal point and a percent sign (7.6%), each run ending the
# block or followed by a Chinese character.
_SAME_IN_BOTH = re.compile(r"(?:[\u4E00-\u9FD5]|[A-Za-z0-9]+(?![A-Za-z0-9.%])|[0-9]+(?:\.[0-9]+)?%?(?![A-Za-z0-9.%]))+")

# A block of none of jieba's word characters, and no whitespace (which jieba keeps whole: \r\n).
_OTHER = re.compile(r"[^\u4E00-\u9FD5a-zA-Z0-9+#&._%\-\s]+")


class Segmenter:
    """jieba's segmentation with `added` words (already added to jieba's own dictionary)."""

    def __init__(self, added: Iterable[str] = ()) -> None:
        self._rust = rjieba.Jieba()
        for word in added:  # at the frequency jieba gave each, so both find the same words
            self._rust.add_word(word, jieba.dt.FREQ[word], None)

    def cut(self, text: str) -> list[str]:
        """`jieba.cut(text)`, as a list."""
        out: list[str] = []
        for block in jieba.re_han_default.split(text):
            if not block:
                continue
            if _SAME_IN_BOTH.fullmatch(block):
                out += self._rust.cut(block)
            elif _OTHER.fullmatch(block):
                out += block  # what jieba makes of punctuation and symbols: each character a word
            else:
                out += jieba.cut(block)
        return out
