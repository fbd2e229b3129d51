"""jieba's segmentation, with jieba-rs (rjieba) finding the most probable route through the dictionary.

Segmentation was a fifth to a third of building a page, most of it jieba's dictionary search
(the route of most probable words), which jieba-rs, a port of jieba with the same dictionary, does
ten times faster. jieba-rs's own reading of what the dictionary leaves as single characters (its
HMM) differs from jieba's now and then (常在大: 常在|大 where jieba reads 常|在|大), and so does
its choice between routes of equal probability (长长长: 长长|长 or 长|长长). So jieba-rs gives the
route alone, for a block of Chinese characters; runs of single characters go through jieba's own
HMM, as jieba does; and a block with a character three times in a row, the one place equal routes
were met, goes to jieba whole, as does a block with letters, digits or signs. The tests compare
the result with jieba's on every line of our pages and the seeds and on random text.

    Segmenter().cut("市长周海峰主持召开市政府常务会议")  # ['市长', '周', '海峰', '主持', '召开', '市政府', '常务会议']
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import jieba
import rjieba

# A block jieba-rs routes as jieba does: Chinese characters (jieba's range), none three times in a row.
_ROUTED_ALIKE = re.compile(r"(?:([\u4E00-\u9FD5])(?!\1\1))+")
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
            if _ROUTED_ALIKE.fullmatch(block):
                out += self._along(self._rust.cut(block, False))
            elif _OTHER.fullmatch(block):
                out += block  # what jieba makes of punctuation and symbols: each character a word
            else:
                out += jieba.cut(block)
        return out

    @staticmethod
    def _along(route: list[str]) -> list[str]:
        """The words of the most probable route, with each run of single characters read as jieba
        reads it: by its HMM, unless the run is itself a dictionary word (then one word a character)."""
        out: list[str] = []
        run = ""
        for word in route + [""]:  # "" ends the last run
            if len(word) == 1:
                run += word
                continue
            if len(run) == 1:
                out.append(run)
            elif run:
                out += jieba.finalseg.cut(run) if not jieba.dt.FREQ.get(run) else list(run)
            run = ""
            if word:
                out.append(word)
        return out
