"""Meetings, talks, receptions, visits and other events that officials take part in.

A report's lead paragraph names its event: the first event word there that is not someone else
attending it (`参加会见`) or the meeting speaking (`会议指出`) gives the main event and its kind
(`常委会第140次会议` gives 常委会会议 and session 140). A later lead sentence with another meeting
verb adds a second event (a signing, then talks), but not one with a touring verb (`调研…。他先后走访了…`:
stops of one tour), if it names someone and is not told as done at the event (`会上，…签订…`); so does
`还会见`, `还陪同…考察了…` or `签约前，…会见` further on, talks those attending go on to (`出席签约仪式并座谈`),
an event attended at one stop of a journey (`在杭州，某某出席了…推介会`), and a
ceremony of another kind someone chairs (`…主持揭牌仪式`), a forum a visiting party goes on to hold
(`视察组先后来到…，并召开座谈会`), the place's own meeting right after a province's video conference
(`会后，我市紧接着召开会议`), and a later paragraph opening on a day of its own
(`11日上午，…推介会举行`, chaired by whoever is said there to chair one of its kind); people named only
there attend that alone.
A lead naming no event (`率团赴香港开展招商活动`) takes the first visit of the next paragraph. The chair is
whoever `主持`; the attendees are everyone the report names except people only cited, such as
the author of a speech being studied (`学习贯彻…总书记…重要讲话精神`).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from kg.dates import chinese_number
from kg.extract.base import alternation, lexicon, sentence_at, sentences, table
from kg.extract.posts import is_official
from kg.model import MeetingMention, OrgMention, PersonMention, Where

_ROLES = table("meeting_words")
WORDS = {word: "visit" if role == "teach" else role for word, role in _ROLES.items()}
EVENT = re.compile(alternation(list(WORDS)))
# what a verb of teaching gives, when it is an event's name (讲授|专题党课), names the event
_TAUGHT = re.compile(f"[^，。；、]{{0,6}}?({alternation([w for w, role in _ROLES.items() if role == 'event'])})")
NAME_FIRST = re.compile(alternation(lexicon("name_first_titles")))
_SESSION = re.compile(r"(常委会|常务会|全委会)?(?:第|(?<=届))([0-9]+|[零〇一二三四五六七八九十百两]+)次"
                      r"(?:[^，。、]{0,6}?)(全体会议|常务会议|会议|全会|代表大会)")
_ATTENDING = re.compile(r"(?:参加|出席|陪同|列席|见证|参与)[^，。]{0,12}$")
_SPEAKING = re.compile(r"^(?:指出|强调|要求|认为|提出|号召|还|听取|传达|审议|精神|部署)")
_CITED = {kind: tuple(row.split("\t")[1] for row in lexicon("cited") if row.startswith(kind + "\t"))
          for kind in ("before", "after", "clause")}
_AT_THE_EVENT = re.compile(r"\s*(?:会上|会议上|活动现场|活动上|仪式上|现场|会议期间|其间)，")
# 出席签约仪式并座谈, 考察了…，并与…座谈交流: those at one event go on to another, told by its verb.
_AND_THEN = re.compile(f"(?:(?:出席|参加)[^，。]{{1,20}}?并|，并与[^，。]{{1,20}}?|，并(?:共同)?(?=签署|签订))"
                       f"({alternation([w for w, role in WORDS.items() if role == 'visit'])})")
_AT_A_STOP = re.compile(r"\s*在[^，。在]{2,20}，")  # 在阿里巴巴，…: at one stop of a visit told before
# …拜访…，并出席…推介会: an event of another kind the visitors attend, told in the same sentence
_AND_ATTENDED = re.compile(f"，并出席(?:了)?[^，。]{{0,30}}?({alternation([w for w, role in WORDS.items() if role == 'event'])})")
_AT_THIS_MEETING = ("在会上", "在座谈会上", "在会议上", "在活动上")
# 还会见了…, 还陪同…考察了… (but 代表团还考察了…: a further stop of the same tour)
_AGAIN = re.compile(r"(?:还|也|又)(?:陪同[^，。]{1,15}?)?(会见|会谈|看望|拜会|拜访|(?<![还也又])(?:考察|调研|参观))")
# A later paragraph opening on another time of the day (签约前，甲会见了乙; 会见后，甲陪同乙考察了…;
# 会后，…某某、某某进行宪法宣誓; 开幕式后，甲、乙…参观了…) tells an event of its own.
_BEFORE_OR_AFTER = re.compile(r"(?:签约|会议|会见|会谈|座谈|仪式|活动|开幕式|启动式|会)+(?:结束)?[前后]，[^。]{0,30}?(会见|会谈|座谈|看望|拜会|拜访|考察|参观|调研|签署|签订|签约|宪法宣誓)")
_LATER_THAT_DAY = re.compile(r"(?:当天|当日|随后|当晚)[上下]?午?，[^。]{0,12}?还(?:会见|会谈|座谈|看望|拜会|拜访|考察|参观|调研)")
_SHIFT = {"前一天": -1, "前一日": -1, "前日": -1, "次日": 1, "第二天": 1}
_CLAUSE_END = "，。；：！？"
_WINDOW = 200  # a clause is read this far around a mention at most
_DATELINE = re.compile(r"^\d{1,2}月\d{1,2}日(?:(?:至|到|—|-)(?:\d{1,2}月)?\d{1,2}日)?，?")


def find(body: str, when: date | None, persons: list[PersonMention], orgs: list[OrgMention]) -> list[MeetingMention]:
    """The events of an article, the main one first."""
    lead = _paragraph_end(body, 0)  # the lead paragraph's end
    events: list[MeetingMention] = []
    attended = None  # the first event someone is said to attend (出席揭牌仪式), if the lead names no other
    for start, end in sentences(body[:lead]):
        if events and (_AT_THE_EVENT.match(body, start) or not _names_a_party(body, start, end, persons)
                       or (_AT_A_STOP.match(body, start) and WORDS.get(events[0].kind) in ("visit", "tour"))):
            continue  # 会上，甲与乙签订…协议, 甲大学与乙大学签订…, 拜访…。在甲公司，乙与丙座谈: done at the event
            # told or at one of its stops, or by no one it names
        match = _event_in(body, start, end)
        if match is None:
            attended = attended or _event_in(body, start, end, attending=True)
            continue
        kind, number, at = match
        if events and (_family(kind) in {_family(e.kind) for e in events} or WORDS.get(kind) != "visit"):
            continue  # (会见…。双方…进行了会谈: the talks are the same meeting)
        events.append(MeetingMention(kind, _label(body, at), when, number, evidence=(start, end)))
    if not events and attended:
        kind, number, at = attended
        events.append(MeetingMention(kind, _label(body, at), when, number, evidence=sentence_at(body, at)))
    elif attended and attended[0] != events[0].kind and attended[0].startswith(events[0].kind):
        events[0].kind = attended[0]  # …实验室揭牌。某某出席揭牌仪式: the act told is the ceremony attended
    if not events:  # 率团赴香港开展招商活动。\n在港期间，代表团拜会了…: the visits the lead's journey made
        events = _visits_after_lead(body, lead, when)
    if not events:
        return []
    attendees = participants(body, persons)
    if _among_executives_only(attendees, persons):
        return []  # two companies' signing: an event is one officials take part in
    involved = _involved(body[:lead], orgs, persons, attendees)
    for event in events:
        event.attendees, event.organizations = list(attendees), involved
    apart = []  # 签署…。签约前，甲会见了乙; 与乙座谈。当天下午，甲还拜会了丙: held by those their sentence names
    for event in events[1:]:
        if event.evidence is None:
            continue
        later_that_day = _LATER_THAT_DAY.match(body, *event.evidence) is not None
        if later_that_day or _BEFORE_OR_AFTER.match(body, event.evidence[0]):
            event.attendees = _present(body, *event.evidence, persons)
        if later_that_day:
            apart.append(event.evidence)
    # 丙, named only in the call later that day, did not sit with 乙 (but who met 乙 before the
    # signing also attends the signing)
    only_apart = _only_at(body, apart, persons)
    events[0].attendees = [name for name in events[0].attendees if name not in only_apart]
    dated = _dated_later(body, lead, when, persons, events)
    later = _later_meetings(body, lead, when, persons) + _chaired_later(body, lead, when, persons, events, dated) + dated \
        + _attended_at_a_stop(body, lead, when, persons, events)
    talks, joining = _and_then(body, events, persons, involved, dated)
    follow_up, only_there = _followed_up(body, events[0], persons)
    later += [follow_up] if follow_up else []
    chairing_later = {name for event in later for name in event.chairs}
    elsewhere = _only_at(body, [e.evidence for e in later if e.evidence and e is not follow_up] + joining + only_there,
                         persons)
    for event in events:
        event.attendees = [name for name in event.attendees if name not in elsewhere]
    events[0].chairs = [p.name for p in persons if p.name in attendees and p.name not in chairing_later and _chairs(body, p)]
    also = _also_held(body, events[0], persons)
    return events + talks + ([also] if also else []) + later


def _only_at(body: str, spans: list[Where], persons: list[PersonMention]) -> set[str]:
    """Those named only in `spans`, the sentences telling later events (启幕式前一天，…还会见了某某) or
    joining them (…参加座谈): they took part in those, not in the lead's event."""
    return {p.name for p in persons
            if all(cited(body, span) or any(s <= span[0] < e for s, e in spans) for span in p.spans)}


def _and_then(body: str, events: list[MeetingMention], persons: list[PersonMention],
              involved: list[str], dated: list[MeetingMention]) -> tuple[list[MeetingMention], list[Where]]:
    """Talks those attending an event go on to hold (…出席签约仪式并座谈, 考察了…，并与…座谈交流), or a
    meeting they go on to attend (…拜访…，并出席…推介会), or a signing (…举行会谈，并共同签署…), in the lead
    or told later (on the day of the paragraph telling it): an event of its
    own, taken part in by those the sentence names and those said to join it (…参加座谈) or named
    where it is told (推介会上，…), whose sentences come back as the second value."""
    out: list[MeetingMention] = []
    joining: list[Where] = []
    for start, end in sentences(body):
        then = _AND_THEN.search(body, start, end) or _AND_ATTENDED.search(body, start, end)
        if then and _family(then.group(1)) not in {_family(e.kind) for e in events + out}:
            kind = then.group(1)  # joined by those said to attend it, or named where it is told (推介会上，…)
            told = [m.start() for m in re.finditer(f"(?:^|\n){re.escape(kind)}上，", body)]
            joined = [(s, e) for s, e in sentences(body) if (s, e) != (start, end)
                      and (re.search(f"(?:参加|出席){re.escape(kind)}", body[s:e])
                           or any(t <= s < _paragraph_end(body, t + 1) for t in told))]
            # (a sentence naming no one, 代表团…并出席…推介会: the party of the event before went on to it)
            present = (_present(body, start, end, persons) or events[0].attendees) \
                + [n for s, e in joined for n in _present(body, s, e, persons)]
            day = next((d.date for d in dated if d.evidence and d.evidence[0] <= start < d.evidence[1]), events[0].date)
            out.append(MeetingMention(then.group(1), _label(body, then.start(1)), day,
                                      attendees=list(dict.fromkeys(present)), organizations=list(involved),
                                      evidence=(start, end)))
            joining += joined
    return out, joining


# 会后，我市紧接着召开会议: a meeting of the place's own right after the one the lead tells (a province's
# video conference), and the words that refer to it later (在随后召开的全市会议上讲话, 主持全市会议).
_FOLLOW_UP = re.compile(r"(?:会后|随后|紧接着)，[^。]{0,20}?(?:召开|举行)(?:了)?[^，。]{0,10}?会议")
_NAMES_THE_FIRST = re.compile(r"视频|电视电话|全国|省[^，。、]{0,12}?会议")  # (在分会场参加省视频会议: the province's, the first)
_FOLLOW_UP_NAMED = re.compile(r"(?:全市|我市|本市|全县|我县|本县|全区|我区|本区)会议|随后召开|紧接着召开")


def _followed_up(body: str, first: MeetingMention, persons: list[PersonMention]) -> tuple[MeetingMention | None, list[Where]]:
    """The place's own meeting held right after the first event, if the article tells one: an event
    of its own, chaired by whoever chairs it and attended by those named where it is told; and the
    sentences that tell of it alone, whose people did not attend the first."""
    told = _FOLLOW_UP.search(body)
    if told is None or WORDS.get(first.kind) != "event":
        return None, []
    spans = [(s, e) for s, e in sentences(body) if s <= told.start() < e or _FOLLOW_UP_NAMED.search(body, s, e)]
    present = list(dict.fromkeys(n for s, e in spans for n in _present(body, s, e, persons)))
    chairs = [p.name for p in persons if any(body.startswith("主持", end) and any(s <= end < e for s, e in spans)
                                             for _, end in p.spans)]
    only_there = [(s, e) for s, e in spans if not _NAMES_THE_FIRST.search(body, s, e) and first.label not in body[s:e]]
    meeting = MeetingMention("会议", _label(body, told.end() - 2), first.date, chairs=chairs, attendees=present,
                             evidence=sentence_at(body, told.start()))
    return meeting, only_there


def _also_held(body: str, first: MeetingMention, persons: list[PersonMention]) -> MeetingMention | None:
    """A meeting the subject of the first event's sentence goes on to chair in it (市长某某率队调研…，
    并主持召开…座谈会), chaired by the first person the sentence names, or one a visiting party goes on
    to hold later (视察组先后来到…，并召开座谈会听取…汇报): an event of its own, attended by the party."""
    if first.evidence is None:
        return None
    start, end = first.evidence
    m = _ALSO_HELD.search(body, start, end)
    if m is None and WORDS.get(first.kind) == "tour":
        m = next((m for s, e in sentences(body) if s >= end for m in [_ALSO_HELD.search(body, s, e)] if m), None)
    if m is None or _family(m.group(2)) == _family(first.kind) or WORDS.get(m.group(2)) != "event":
        return None
    opening = body.rfind("。", 0, m.start()) + 1
    named = sorted((s, p.name) for p in persons for s, _ in p.spans if max(start, opening) <= s < m.start())
    if m.group(1) and not named:
        return None  # chaired by someone the text does not say
    return MeetingMention(m.group(2), _label(body, m.start(2)), first.date, chairs=[named[0][1]] if m.group(1) else [],
                          attendees=list(first.attendees), organizations=list(first.organizations),
                          evidence=first.evidence)


_SAME_MEETING = {"会谈": "会见", "座谈": "会见", "接见": "会见", "见面": "会见", "签约": "签署", "签订": "签署"}


_COMPANY = re.compile(r"公司|集团|银行|控股|企业")


def _among_executives_only(attendees: list[str], persons: list[PersonMention]) -> bool:
    """Whether everyone taking part is a company's executive (a bank's chairman and a company's
    manager signing): people named without a post may well be officials, and a union's or an
    association's head may stand for the state at its events."""
    taking_part = [p for p in persons if p.name in attendees]
    return bool(taking_part) and all(
        p.posts and not is_official(p) and all(_COMPANY.search(q.title + (q.org or "")) for q in p.posts)
        for p in taking_part)


def _present(body: str, start: int, end: int, persons: list[PersonMention]) -> list[str]:
    """Those a sentence names as taking part, not only cited."""
    return [p.name for p in persons if any(start <= s < end and not cited(body, (s, e)) for s, e in p.spans)]


def _names_a_party(body: str, start: int, end: int, persons: list[PersonMention]) -> bool:
    """Whether a sentence names someone, or the two sides (双方) of the event before it."""
    return "双方" in body[start:end] or any(start <= s < end for p in persons for s, _ in p.spans)


def _family(kind: str) -> str:
    """Kinds that name one occasion (会见 and the 会谈 it holds) as one."""
    return _SAME_MEETING.get(kind, kind)


def participants(body: str, persons: list[PersonMention]) -> list[str]:
    """Persons named as taking part: with at least one mention that is not a citation."""
    return [p.name for p in persons if any(not cited(body, span) for span in p.spans)]


def cited(body: str, span: Where) -> bool:
    """Whether the mention at `span` only cites the person (their speech, instruction, agreement)."""
    start, end = span
    clause_start = max(body.rfind(ch, max(0, start - _WINDOW), start) for ch in _CLAUSE_END) + 1
    before = body[max(clause_start, start - 6):start]
    if any(word in before for word in _CITED["before"]) or ("受" in before and body.startswith("委托", end)):
        return True  # (受市长某某委托，副市长…主持: who entrusts another is not there)
    title = NAME_FIRST.match(body, end)
    if title and body.startswith(_CITED["after"], title.end()) and not body.startswith(_AT_THIS_MEETING, title.end()):
        return True  # (某某总书记在…上的讲话; but 某某教授在会上发言 speaks at the meeting told)
    clause_end = min((i for i in (body.find(ch, end, end + _WINDOW) for ch in _CLAUSE_END) if i >= 0),
                     default=min(len(body), end + _WINDOW))
    return any(word in body[end:clause_end] for word in _CITED["clause"])


def _event_in(body: str, start: int, end: int, attending: bool = False) -> tuple[str, int | None, int] | None:
    """The first event word of a sentence that names an event: (kind, session number, position).
    With `attending`, the first one someone is said to attend (参加会见) instead."""
    session = _SESSION.search(body, start, end)
    for m in (_widest(body, m, end) for m in EVENT.finditer(body, start, end)):
        if bool(_ATTENDING.search(body[start:m.start()][-14:])) != attending or _SPEAKING.match(body, m.end()):
            continue
        if body.startswith(("的", "前", "后"), m.end()):
            continue  # 来锡考察的客人, 签约前: the verb describes someone or dates another event, it is not one
        if body.startswith(("常务委员会", "常委会", "主席团", "委员会"), m.end()) or (session and m.end() == session.start()):
            continue  # 人民代表大会|常务委员会第三十一次会议, 人民代表大会|第五次会议, 纪律检查|委员会: a body, by its name
        if session and session.start() <= m.start() <= session.end():
            kind = ("常委会" if session.group(1) == "常委会" else "") + session.group(3)
            return kind, chinese_number(session.group(2)), m.start()
        taught = _TAUGHT.match(body, m.end(), end) if _ROLES[m.group(0)] == "teach" else None
        if taught:
            return taught.group(1), None, taught.start(1)
        return m.group(0), None, m.start()
    return None


def _widest(body: str, m: re.Match[str], end: int) -> re.Match[str]:
    """The event word overlapping `m` that runs on into a noun of occasions (集中|开工活动: the activity is
    the event; but 专题学习|研讨 stays the study session it began)."""
    for i in range(m.start() + 1, m.end()):
        longer = EVENT.match(body, i, end)
        if longer and longer.end() > m.end() and body[m.end():longer.end()] in _OCCASIONS:
            return longer
    return m


_OCCASIONS = {"活动", "仪式", "典礼", "大会", "会议"}


def _label(body: str, at: int) -> str:
    """The clause naming the event, without its dateline."""
    begin = max(body.rfind(ch, 0, at) for ch in "。；！？\n") + 1
    clause_end = min((i for i in (body.find(ch, at) for ch in "，。；") if i >= 0), default=len(body))
    clause = _DATELINE.sub("", body[begin:clause_end].strip())
    return clause[:60]


def _chairs(body: str, person: PersonMention) -> bool:
    """Whether the person chairs: 某某主持, 某某在主持会议时强调, 某某宣读…并主持会议 in the clause their
    name opens, or 甲与乙共同主持."""
    return any(body.startswith(("主持", "同志主持", "在主持"), end) or _AND_CHAIRS.match(body, end)
               or _CHAIRED_JOINTLY.match(body, end) for _, end in person.spans)


_AND_CHAIRS = re.compile(r"[^，。；]{1,20}?并主持")
_CHAIRED_JOINTLY = re.compile(r"(?:[与和、][^，。；]{1,25}?)?共同主持")  # 甲市市长某某与乙市市长某某共同主持


def _involved(lead: str, orgs: list[OrgMention], persons: list[PersonMention], attendees: list[str]) -> list[str]:
    """Organizations named in the lead paragraph or holding an attendee's post."""
    named = [o.name for o in orgs if o.name in lead or any(a in lead for a in o.aliases)]
    posts = [post.org for p in persons if p.name in attendees for post in p.posts if post.org]
    return list(dict.fromkeys(named + posts))


_CHAIRED = re.compile(f"主持(?:召开)?(?:了)?[^，。]{{0,12}}?({EVENT.pattern})")
_AT_A_PLACE = re.compile(r"在[^，。、]{1,12}")  # 某某|在沅岭|主持召开…座谈会
_CHAIRED_BY = re.compile(f"({EVENT.pattern})由([^，。]{{1,30}}?)主持")
_ALSO_HELD = re.compile(f"[，,]并(?:(主持)(?:召开)?|召开)(?:了)?[^，。]{{0,20}}?({EVENT.pattern})")
_REFERS_BACK = re.compile(r"^(?:会议|仪式|大会|活动)$|签")  # words for whatever event the lead told, or its signing


def _chaired_later(body: str, lead: int, when: date | None, persons: list[PersonMention],
                   events: list[MeetingMention], dated: list[MeetingMention]) -> list[MeetingMention]:
    """Events of another kind that someone chairs after the lead (…基金正式设立。副市长某某主持揭牌仪式,
    某某在青澜主持召开…座谈会): the chair and those named in that sentence took part, or in the whole
    paragraph where it opens on the event. One of the lead's kind is the lead's event,
    and one of the kind a paragraph on a day of its own tells is that paragraph's (`dated`, given its chair)."""
    out: list[MeetingMention] = []
    kinds = {_family(e.kind) for e in events}

    def chaired_on_its_day(kind: str, start: int, chair: list[str]) -> bool:
        """Whether the event chaired is the one a dated paragraph holding `start` tells: it gets the chair."""
        on_its_day = next((d for d in dated if d.evidence and d.evidence[0] <= start < d.evidence[1]
                           and _family(d.kind) == _family(kind)), None)
        if on_its_day:
            on_its_day.chairs = chair
        return on_its_day is not None

    for start, end in sentences(body):
        by = _CHAIRED_BY.search(body, start, end) if start >= lead else None
        if by and _family(by.group(1)) not in kinds and WORDS.get(by.group(1)) == "event":
            chair = [p.name for p in persons if any(e == by.end(2) for _, e in p.spans)]
            if chair:  # 座谈会由…秘书长某某主持: the forum held during the visit, chaired by them
                if not chaired_on_its_day(by.group(1), start, chair):
                    out.append(MeetingMention(by.group(1), _label(body, by.start(1)), when, chairs=chair,
                                              attendees=_present(body, start, end, persons), evidence=(start, end)))
                continue
        m = _CHAIRED.search(body, start, end) if start >= lead else None
        if m is None or _family(m.group(1)) in kinds or WORDS.get(m.group(1)) != "event" or _REFERS_BACK.search(m.group(1)) \
                or any(m.group(1) in e.kind or e.kind in m.group(1) for e in events):
            continue  # (主持会议, 主持签约仪式 after 签署…协议: the lead's event)
        chair = [p.name for p in persons if any(e == m.start() or _AT_A_PLACE.fullmatch(body, e, m.start()) for _, e in p.spans)]
        opening = body.rfind("\n", 0, start) + 1
        if m.group(1) in body[opening:body.find("。", opening, end) + 1 or end]:
            start, end = opening, _paragraph_end(body, start)  # 当天，两市举行…座谈会。甲主持座谈会。乙参加。: the
            # paragraph that opens on the event tells who took part in it
        if chair and not chaired_on_its_day(m.group(1), start, chair):
            out.append(MeetingMention(m.group(1), _label(body, m.start(1)), when, chairs=chair,
                                      attendees=_present(body, start, end, persons), evidence=(start, end)))
    return out


_ATTENDED = re.compile(f"出席(?:了)?[^，。]{{0,30}}?({EVENT.pattern})")


def _attended_at_a_stop(body: str, lead: int, when: date | None, persons: list[PersonMention],
                        events: list[MeetingMention]) -> list[MeetingMention]:
    """An event of another kind attended at one stop of a journey (在杭州，市长某某出席了…推介会): an
    event of its own, taken part in by those named from its sentence to the next stop or the
    paragraph's end (…推介会并致辞。副市长某某推介…投资环境)."""
    out: list[MeetingMention] = []
    if WORDS.get(events[0].kind) not in ("visit", "tour"):
        return out
    kinds = {_family(e.kind) for e in events}
    told = sentences(body)
    for i, (start, end) in enumerate(told):
        m = _ATTENDED.search(body, start, end) if start >= lead and _AT_A_STOP.match(body, start) else None
        if m is None or body[m.start() - 1] == "并" or WORDS.get(m.group(1)) != "event" \
                or _family(m.group(1)) in kinds or _REFERS_BACK.search(m.group(1)):
            continue  # (在港期间，代表团拜会了…，并出席…推介会: the visitors going on to it, told with them)
        paragraph = _paragraph_end(body, start)
        for later_start, later_end in told[i + 1:]:
            if later_start >= paragraph or _AT_A_STOP.match(body, later_start):
                break
            end = later_end
        present = _present(body, start, end, persons)
        if present:
            out.append(MeetingMention(m.group(1), _label(body, m.start(1)), when, attendees=present, evidence=(start, end)))
            kinds.add(_family(m.group(1)))
    return out


_DAY_OPENING = re.compile(r"(?:(\d{1,2})月)?(\d{1,2})日(?:上午|下午|晚上|晚间|晚)?，")


def _dated_later(body: str, lead: int, when: date | None, persons: list[PersonMention],
                 events: list[MeetingMention]) -> list[MeetingMention]:
    """A meeting or ceremony told by a later paragraph that opens on a day of its own (6月11日上午，…推介会举行):
    an event of that day, taken part in by those the paragraph names. (A tour's later days are the tour;
    a paragraph telling one of `events`, the first visit of a journey, gives that event its day.)"""
    out: list[MeetingMention] = []
    for start in (m.end() for m in re.finditer("\n", body) if m.end() > lead):
        day = _DAY_OPENING.match(body, start)
        end = _paragraph_end(body, start)
        opening = next(((s, e) for s, e in sentences(body[:end]) if s >= start), None)
        match = _event_in(body, *opening) if day and opening else None
        if not match or WORDS.get(match[0]) == "tour" or when is None:
            continue
        try:
            on = when.replace(month=int(day.group(1) or when.month), day=int(day.group(2)))
        except ValueError:
            continue  # a day the month has not: no date to give it
        told = next((e for e in events if e.evidence and start <= e.evidence[0] < end), None)
        if told:
            told.date = on  # 11月4日，代表团在慕尼黑拜会了…: the journey's first visit, on its day
            continue
        kind, number, at = match
        out.append(MeetingMention(kind, _label(body, at), on, number, attendees=_present(body, start, end, persons),
                                  evidence=(start, end)))
    return out


def _paragraph_end(body: str, pos: int) -> int:
    """Where the paragraph holding `pos` ends."""
    cut = body.find("\n", pos)
    return cut if cut > 0 else len(body)


def _visits_after_lead(body: str, lead: int, when: date | None) -> list[MeetingMention]:
    """The first visit or tour told in the paragraph after a lead that names no event."""
    for start, end in sentences(body[:_paragraph_end(body, lead + 1)]):
        match = _event_in(body, start, end) if start > lead else None
        if match and WORDS.get(match[0]) in ("visit", "tour"):
            kind, number, at = match
            return [MeetingMention(kind, _label(body, at), when, number, evidence=(start, end))]
    return []


def _later_meetings(body: str, lead: int, when: date | None, persons: list[PersonMention]) -> list[MeetingMention]:
    """Events told after the lead: `启幕式前一天，宋明远还会见了…`, `签约前，甲会见了乙一行`, taken part in by
    those the sentence names, or the paragraph it opens if it names none (`会见后，市政府与…签署…。…参加活动。`)."""
    out = []
    for start, end in sentences(body):
        if start < lead:
            continue
        again = _AGAIN.search(body, start, end) or _BEFORE_OR_AFTER.match(body, start, end)
        if not again:
            continue
        present = _present(body, start, end, persons)
        if not present and body[start - 1:start] == "\n":  # 会见后，市政府与…签署…协议。副市长某某…参加活动。
            end = _paragraph_end(body, end)  # the paragraph it opens names who took part
            present = _present(body, start, end, persons)
        if not present:
            continue
        shift = next((days for word, days in _SHIFT.items() if word in body[start:again.start()]), 0)
        day = when + timedelta(days=shift) if when else None
        out.append(MeetingMention(again.group(1), _label(body, again.start(1)), day, attendees=present,
                                  evidence=(start, end)))
    return out
