"""Records passed between the pipeline's stages.

Every stage is a plain function from these records to these records, so each can be tested on a
literal string. Text that came from a file is a `Span`: the characters plus, for each one, its
offset in the decoded original file, so any fact can be traced back to where it was printed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Span:
    """Cleaned text with the original-file offset of each of its characters."""

    text: str
    offsets: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.text) != len(self.offsets):
            raise ValueError("a Span needs one offset per character")

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, key: slice) -> Span:
        return Span(self.text[key], self.offsets[key])

    def __add__(self, other: Span) -> Span:
        return Span(self.text + other.text, self.offsets + other.offsets)

    def origin(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original file of the characters `start:end` (end exclusive)."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"no characters at {start}:{end}")
        return self.offsets[start], self.offsets[end - 1] + 1

    @staticmethod
    def join(parts: list[Span]) -> Span:
        return Span("".join(p.text for p in parts), tuple(o for p in parts for o in p.offsets))


@dataclass(frozen=True)
class Page:
    """One input file, decoded, with the issue date it was published on (if known)."""

    source: str  # the file's base name
    raw: str
    content_hash: str
    issue_date: date | None = None
    date_basis: str | None = None
    encoding: str = "utf-8"


@dataclass
class Article:
    """One report on a page, in reading order."""

    page: Page
    position: int  # 1-based, reading order of the bodies
    body: Span
    source: str | None = None  # 本报讯, 新华社, …
    authors: list[str] = field(default_factory=list)
    headline: list[Span] = field(default_factory=list)
    date: date | None = None
    date_basis: str | None = None
    dateline: str | None = None  # a wire story's, printed in its marker (新华社北京5月6日电), not its body


# ---------------------------------------------------------------- what extractors find
# Spans are (start, end) character indices into the article body; `evidence` is the sentence
# the fact was read from.

Where = tuple[int, int]


@dataclass
class PostMention:
    title: str  # as written: 市委书记, 日本驻华大使, 总经理
    org: str | None = None  # the organization named with it (华岳智能科技集团 总经理)
    category: str | None = None  # party, government, legislative, consultative, judicial, diplomatic, executive
    evidence: Where | None = None


@dataclass
class PersonMention:
    name: str
    posts: list[PostMention] = field(default_factory=list)
    evidence: Where | None = None
    spans: list[Where] = field(default_factory=list)  # every place the name stands
    official: bool = False  # named as an official by context (市领导…) rather than by a post


@dataclass
class OrgMention:
    name: str
    kind: str  # enterprise, government, other
    aliases: list[str] = field(default_factory=list)
    evidence: Where | None = None


@dataclass
class MeetingMention:
    kind: str  # the text's own word: 会见, 座谈会, 常委会会议 …
    label: str
    date: date | None = None
    number: int | None = None
    chairs: list[str] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)  # chairs included
    organizations: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    evidence: Where | None = None


@dataclass
class ProjectMention:
    name: str
    kind: str  # construction, investment, fund, programme
    amounts: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    evidence: Where | None = None


@dataclass
class DocumentMention:
    title: str  # without 《》
    evidence: Where | None = None


@dataclass
class Extraction:
    """Everything found in one article."""

    persons: list[PersonMention] = field(default_factory=list)
    organizations: list[OrgMention] = field(default_factory=list)
    meetings: list[MeetingMention] = field(default_factory=list)
    projects: list[ProjectMention] = field(default_factory=list)
    documents: list[DocumentMention] = field(default_factory=list)
