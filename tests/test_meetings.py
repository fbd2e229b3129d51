from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract, meetings, organizations, persons
from kg.model import Article, Page, Span

DAY = date(2025, 5, 12)


def events(text: str):
    people = persons.find(text)
    return meetings.find(text, DAY, people, organizations.find(text))


def extracted_events(body: str):
    """The events of an article read whole, with posts tied to the organizations found."""
    page = Page(source="p.txt", raw=body, content_hash="0")
    return extract(Article(page=page, position=1, body=Span(body, tuple(range(len(body)))), date=DAY)).meetings


def test_a_numbered_standing_committee_meeting_with_its_chair():
    text = ("5月12日，市委书记林向东主持召开市委常委会第五十八次会议，学习贯彻习近平总书记重要讲话精神。\n"
            "会议指出，要抓好落实。")
    [event] = events(text)
    assert (event.kind, event.number, event.date) == ("常委会会议", 58, DAY)
    assert event.chairs == ["林向东"] and event.attendees == ["林向东"]  # the cited author does not attend


def test_a_reception_and_everyone_who_took_part():
    text = ("5月12日，市长宋明远会见来澜访问的法国驻华大使马克·勒菲弗一行。副市长韩佳宁，"
            "市政府秘书长欧阳思成参加会见。\n宋明远说，愿进一步深化合作。")
    [event] = events(text)
    assert event.kind == "会见" and event.chairs == []
    assert event.attendees == ["宋明远", "马克·勒菲弗", "韩佳宁", "欧阳思成"]


def test_a_signing_then_talks_are_two_events():
    text = ("5月12日，市政府与华岳智能科技集团签署战略合作协议。市长宋明远与华岳智能科技集团董事长贺立群一行"
            "工作会谈，并共同见证合作协议签约。副市长韩佳宁参加活动。")
    kinds = [e.kind for e in events(text)]
    assert kinds == ["签署", "工作会谈"]


def test_a_reception_the_day_before_is_its_own_event():
    text = ("5月12日，青澜国际文化周启幕式举行。市长宋明远出席并致辞。\n"
            "启幕式前一天，宋明远还会见了多国友城代表团团长。")
    main, before = events(text)
    assert main.kind == "启幕式" and before.kind == "会见"
    assert before.date == date(2025, 5, 11) and before.attendees == ["宋明远"]


def test_no_event_no_meeting():
    assert events("青澜港二期码头工程已完成主体施工，预计年底投入使用。") == []


def test_a_verb_describing_a_visitor_is_not_the_event():
    text = "5月12日，市委书记林向东与来澜考察的华岳智能科技集团总经理贺立群一行会谈。"
    [event] = events(text)
    assert event.kind == "会谈" and event.attendees == ["林向东", "贺立群"]


def test_the_stops_of_a_tour_are_one_event():
    text = ("5月12日，副市长韩佳宁带队赴澜湖科技城调研。她先后走访了澜舟智算科技有限公司、青澜生物医药研究院。\n"
            "韩佳宁指出，要帮助企业解决实际困难。")
    [event] = events(text)
    assert event.kind == "调研" and event.attendees == ["韩佳宁"]
    assert event.organizations == ["澜湖科技城", "澜舟智算科技有限公司", "青澜生物医药研究院"]


def test_a_groundbreaking_is_an_event():
    [event] = events("5月12日，全市重大项目集中开工活动举行。市长宋明远出席并宣布开工。")
    assert event.kind == "开工活动" and event.attendees == ["宋明远"]


def test_an_event_named_only_as_attended_is_the_event():
    # the lead says what happened with a bare verb (揭牌) and names the event only as attended
    [event] = events("5月12日，澜江大学与青澜研究院共建的联合实验室揭牌。副市长韩佳宁出席揭牌仪式。")
    assert event.kind == "揭牌仪式" and event.attendees == ["韩佳宁"] and event.date == DAY
    assert event.organizations == ["澜江大学", "青澜研究院"]


def test_an_acceptance_meeting_attended_is_the_event():
    [event] = events("5月12日，澜江钢铁集团超低排放改造项目通过专家组验收。副市长韩佳宁出席验收会。")
    assert event.kind == "验收会" and event.attendees == ["韩佳宁"]


def test_a_session_numbered_after_the_term_without_di():
    [event] = events("5月12日，市政协十五届十二次常委会议召开。市政协主席贝知远主持会议。")
    assert (event.number, event.chairs) == (12, ["贝知远"])


def test_talks_held_at_a_reception_are_the_same_meeting():
    [event] = events("5月12日，市长宋明远会见了越南广宁省人民委员会副主席阮文雄一行。双方就深化合作进行了会谈。")
    assert event.kind == "会见" and event.attendees == ["宋明远", "阮文雄"]


def test_a_study_session_and_a_themed_activity_are_events():
    [study] = events("5月12日，区委理论学习中心组举行专题学习研讨。区委书记林向东主持并讲话。")
    assert study.kind == "专题学习" and study.chairs == ["林向东"]
    [activity] = events("5月12日，市总工会、市妇联联合举办主题活动。市总工会主席洪晓梅出席。")
    assert activity.kind == "主题活动" and activity.attendees == ["洪晓梅"]


def test_a_supervisory_visit_is_an_event():
    [event] = events("5月12日，省委副书记、省长助理韦东明来我市督导防汛工作。市长宋明远陪同督导。")
    assert event.kind == "督导" and event.attendees == ["韦东明", "宋明远"]


def test_those_a_congress_appoints_or_removes_do_not_attend():
    text = ("5月12日，县人大常委会第九次会议闭幕。县人大常委会主任林向东主持会议。会议经表决，任命韩佳宁为县财政局局长，"
            "免去宋明远的县审计局局长职务。县人大常委会副主任欧阳思成出席会议。")
    [event] = events(text)
    assert event.attendees == ["林向东", "欧阳思成"] and event.chairs == ["林向东"]


def test_a_signing_of_two_companies_executives_is_no_event():
    text = ("5月12日，澄溪农商银行与澄溪城建控股集团有限公司签署综合授信协议。澄溪农商银行董事长季某远、"
            "澄溪城建控股总经理蒲某帆出席签约仪式。")
    assert events(text) == []  # no official takes part
    assert events(text.replace("出席签约仪式", "、副市长韩佳宁出席签约仪式"))  # one official makes it an event


def test_an_event_word_dating_another_event_is_not_that_event():
    body = ("7月3日，澄溪市人民政府与宏澄集团签署战略合作协议。市委书记顾明远，宏澄集团总经理陶立言出席签约仪式。"
            "签约前，顾明远与陶立言举行会谈。")
    assert [e.kind for e in events(body)] == ["签署", "会谈"]


def test_a_courtesy_call_and_another_the_same_day():
    body = "9月9日，市委书记童立民在京拜会宏澄集团董事长钟立华。\n当天，童立民还拜会了国务院国资委有关负责同志。"
    assert [(e.kind, e.attendees) for e in events(body)] == [
        ("拜会", ["童立民", "钟立华"]), ("拜会", ["童立民"])]


def test_talks_before_a_signing_told_in_a_later_paragraph_are_an_event():
    body = ("11月5日，澄溪县人民政府与宏澄集团举行签约仪式。县委书记黎立成，宏澄集团总裁陆振宇出席。\n"
            "签约前，黎立成会见了陆振宇一行。")
    assert [(e.kind, e.attendees) for e in events(body)][1:] == [("会见", ["黎立成", "陆振宇"])]


def test_a_ceremony_of_another_kind_chaired_after_the_lead_is_its_own_event():
    body = ("5月14日，市政府与宏澄银行签署合作协议。市长牛立平，宏澄银行行长骆立文出席签约仪式。\n"
            "当天，澄溪科创基金正式设立。副市长齐立昊主持揭牌仪式。")
    found = events(body)
    assert [(e.kind, e.chairs, e.attendees) for e in found[1:]] == [("揭牌仪式", ["齐立昊"], ["齐立昊"])]
    assert found[0].chairs == []


def test_a_signing_chaired_after_the_lead_is_the_leads_event():
    body = ("11月5日，澄溪县人民政府与宏澄集团签署合作协议。县委书记黎立成出席。\n"
            "县长宁立波主持签约仪式。")
    found = events(body)
    assert len(found) == 1 and found[0].chairs == ["宁立波"]


def test_an_agreement_signed_is_an_event_one_signed_at_the_event_or_by_no_one_named_is_not():
    assert [e.kind for e in events("2月11日，澄江开发区与宏澄集团签订合作协议。市委书记容立涛出席签约仪式。")] == ["签订"]
    body = ("7月3日，2025澄江招才引智大会开幕。市委书记贝立远出席并致辞。"
            "澄江大学与澄江职业技术学院签订人才培养合作协议。会上，市人社局与宏澄集团签订合作协议。")
    assert [e.kind for e in events(body)] == ["大会"]


def test_the_visits_of_a_journey_told_after_a_lead_naming_no_event():
    body = "10月14日，市委书记巩立平率党政代表团赴香港开展招商活动。\n在港期间，代表团拜会了宏澄地产有限公司。"
    assert [e.kind for e in events(body)] == ["拜会"]


def test_a_tour_after_a_reception_told_later_is_an_event():
    body = ("9月3日，市长卓立航会见宏澄集团副总经理凌立远一行。\n"
            "会见后，卓立航陪同凌立远一行考察了澄江港化工园区。")
    assert [e.kind for e in events(body)] == ["会见", "考察"]


def test_a_meeting_the_subject_goes_on_to_chair_in_the_lead_sentence():
    body = "10月29日，市长邵立远率队调研民营企业，并主持召开民营企业家座谈会。\n副市长潘立新参加。"
    found = events(body)
    assert [(e.kind, e.chairs) for e in found] == [("调研", []), ("座谈会", ["邵立远"])]


def test_talks_held_by_those_attending_a_signing_are_their_own_event():
    text = ("5月12日，市政府与澜海集团签署战略合作协议。市长宋明远、澜海集团董事长贺立群出席签约仪式并座谈。"
            "副市长韩佳宁，市发展改革委负责同志参加签约。")
    signing, talks = events(text)
    assert signing.kind == "签署" and talks.kind == "座谈"
    assert signing.attendees == ["宋明远", "贺立群", "韩佳宁"] and talks.attendees == ["宋明远", "贺立群"]


def test_the_acts_of_one_signing_are_one_event():
    text = "5月12日，市政府与澜海集团签署战略合作协议。副市长韩佳宁与澜海集团总裁贺立群代表双方签约。市长宋明远出席。"
    assert [e.kind for e in events(text)] == ["签署"]


def test_someone_named_only_at_a_ceremony_chaired_later_did_not_attend_the_lead_event():
    text = ("5月12日，市政府与澜海银行签署金融合作协议。市长宋明远出席。\n"
            "当天，澜海产业基金揭牌成立。副市长韩佳宁主持揭牌仪式。")
    signing, unveiling = events(text)
    assert signing.attendees == ["宋明远"] and unveiling.chairs == ["韩佳宁"]


def test_a_later_paragraph_opening_on_its_own_day_tells_its_own_event():
    text = ("5月12日至13日，市委书记林向东率党政代表团赴深圳考察，先后走访了澜舟智算科技有限公司。\n"
            "13日上午，青澜（深圳）投资环境推介会举行，林向东出席并致辞，副市长韩佳宁推介青澜投资环境。")
    tour, promotion = events(text)
    assert tour.kind == "考察" and tour.attendees == ["林向东"]
    assert promotion.kind == "推介会" and promotion.date == date(2025, 5, 13)
    assert promotion.attendees == ["林向东", "韩佳宁"]


def test_the_chair_of_an_event_told_on_its_own_day_chairs_that_event():
    text = ("5月12日至13日，市委书记林向东率党政代表团赴深圳考察。\n"
            "13日下午，青澜（深圳）投资推介会举行。市长宋明远推介青澜投资环境，副市长韩佳宁主持推介会。")
    tour, promotion = events(text)
    assert promotion.kind == "推介会" and promotion.date == date(2025, 5, 13) and promotion.chairs == ["韩佳宁"]
    assert promotion.attendees == ["宋明远", "韩佳宁"]


def test_a_forum_a_visiting_party_goes_on_to_hold_is_its_own_event():
    text = ("5月19日，市政协主席林向东率视察组，视察全市河道整治工作。\n"
            "视察组先后来到澄溪镇、青澜镇，实地察看河道治理情况，并召开座谈会听取市水利局工作汇报。\n"
            "副市长韩佳宁陪同视察。")
    inspection, forum = events(text)
    assert (inspection.kind, forum.kind, forum.chairs) == ("视察", "座谈会", [])
    assert inspection.attendees == forum.attendees == ["林向东", "韩佳宁"]


def test_talks_after_a_signing_told_later_are_their_own_event():
    text = ("5月12日，青澜高新区与澜海生物医药有限公司举行签约仪式。副市长韩佳宁，澜海生物医药董事长贺立群出席。\n"
            "签约后，青澜高新区党工委书记宋明远与贺立群进行了座谈。")
    signing, talks = events(text)
    assert talks.kind == "座谈" and talks.attendees == ["贺立群", "宋明远"]
    assert signing.attendees == ["韩佳宁", "贺立群"]


def test_talks_before_a_signing_told_in_the_lead_are_held_by_those_it_names():
    text = ("5月12日，市政府与澜海集团签署战略合作协议。签约前，市委书记林向东会见了澜海集团董事长贺立群一行。"
            "副市长韩佳宁与澜海集团总裁宋明远代表双方签约。")
    signing, talks = events(text)
    assert talks.kind == "会见" and talks.attendees == ["林向东", "贺立群"]
    assert signing.attendees == ["林向东", "贺立群", "韩佳宁", "宋明远"]


def test_executives_of_companies_named_short_sign_no_event_of_officials():
    text = ("5月12日，澜海农商银行与青澜城建控股集团有限公司签署综合授信协议。"
            "澜海农商银行董事长贺立群、青澜城建控股总经理宋明远出席签约仪式。")
    assert extracted_events(text) == []


def test_a_signing_after_a_reception_is_taken_part_in_by_those_its_paragraph_names():
    text = ("5月12日，市委书记林向东会见澜海集团副总经理贺立群一行。\n"
            "会见后，市政府与澜海集团江苏分公司签署战略合作协议。副市长韩佳宁，澜海集团江苏分公司总经理宋明远参加活动。")
    reception, signing = events(text)
    assert reception.attendees == ["林向东", "贺立群"]
    assert signing.kind == "签署" and signing.attendees == ["韩佳宁", "宋明远"]


def test_a_reception_before_a_signing_ceremony_told_later():
    text = ("5月12日，青澜高新区与澜和精工株式会社举行签约仪式。市长宋明远，澜和精工株式会社社长佐野健太出席签约仪式。\n"
            "签约仪式前，宋明远会见了佐野健太一行。副市长韩佳宁主持签约仪式。")
    signing, reception = events(text)
    assert reception.kind == "会见" and reception.attendees == ["宋明远", "佐野健太"]


def test_a_visit_after_a_reception_has_ended():
    text = ("5月12日，市长宋明远会见了澜和电机株式会社副社长金俊浩一行。\n"
            "会见结束后，金俊浩一行参观了青澜集成电路产业园。")
    reception, tour = events(text)
    assert tour.kind == "参观" and tour.attendees == ["金俊浩"]


def test_leaders_planting_trees_is_an_event():
    text = "5月12日，市领导林向东、宋明远等来到青澜滨江生态公园，与机关干部一起参加义务植树活动。"
    [event] = events(text)
    assert event.kind == "植树活动" and event.attendees == ["林向东", "宋明远"]


def test_a_forum_said_to_be_chaired_by_someone():
    text = ("5月12日，澄江市党政代表团来青澜考察。市委书记林向东陪同考察，并在座谈会上介绍青澜发展情况。\n"
            "座谈会由青澜市委常委、秘书长宋明远主持。")
    tour, forum = events(text)
    assert tour.chairs == [] and (forum.kind, forum.chairs) == ("座谈会", ["宋明远"])


def test_talks_after_a_signing_told_after_the_lead():
    text = ("5月12日，青澜市人民政府与澜海银行签署全面战略合作协议。根据协议，澜海银行将提供融资支持。\n"
            "市长宋明远，澜海银行行长贺立群出席签约仪式并座谈。副市长韩佳宁代表市政府签约。")
    signing, talks = events(text)
    assert talks.kind == "座谈" and talks.attendees == ["宋明远", "贺立群"]


def test_a_standing_committee_session_of_a_peoples_congress_named_in_full():
    text = ("5月12日，青澜市第十七届人民代表大会常务委员会第三十一次会议闭幕。会议表决通过了关于接受梁正安辞去青澜市人民政府"
            "市长职务的决定。市人大常委会主任帅承德主持会议。")
    [event] = events(text)
    assert (event.number, event.chairs, event.attendees) == (31, ["帅承德"], ["帅承德"])  # the one resigning is not there


def test_talks_with_a_body_after_a_tour_and_who_joined_them():
    text = ("5月12日，市长宋明远率队赴澄江工业园区，考察了澜舟智算科技有限公司，并与澄江工业园区管委会座谈交流。\n"
            "澄江工业园区管委会副主任萧远帆参加座谈。副市长韩佳宁参加考察。")
    tour, talks = events(text)
    assert tour.kind == "考察" and tour.attendees == ["宋明远", "韩佳宁"]
    assert talks.kind == "座谈" and talks.attendees == ["宋明远", "萧远帆"]


def test_an_on_site_office_meeting():
    [event] = events("5月12日，市长宋明远主持召开重大项目建设现场办公会，协调解决项目推进中的难点问题。")
    assert (event.kind, event.chairs) == ("现场办公会", ["宋明远"])


def test_a_peoples_congress_session_and_a_professor_speaking_at_a_forum():
    text = "5月12日，青澜市第十八届人民代表大会第五次会议开幕。大会主席团常务主席贲志远主持开幕式。"
    [event] = events(text)
    assert (event.number, event.chairs) == (5, ["贲志远"])
    text = "5月12日，市委常委、宣传部部长狄秋远主持召开座谈会。澜州学院院长霍文远教授在会上发言。"
    [event] = events(text)
    assert event.attendees == ["狄秋远", "霍文远"]


def test_a_call_paid_before_a_signing_told_later():
    text = ("5月12日，青澜市人民政府与澜海集团签署战略合作协议。市委书记林向东，澜海集团总经理贺立群出席签约仪式。\n"
            "签约前，林向东一行还拜访了澄江能源集团，与澄江能源集团副总经理罗天明座谈交流。")
    kinds = [(e.kind, e.attendees) for e in events(text)]
    assert ("拜访", ["林向东", "罗天明"]) in kinds


def test_a_stop_of_a_visit_and_a_meeting_the_visitors_go_on_to_attend():
    text = ("5月12日，市委书记林向东率队赴杭州拜访澜舟智算科技有限公司，并出席青澜—杭州数字经济合作推介会。"
            "在澜舟智算，林向东与公司副总裁程立远座谈。\n"
            "推介会上，青澜签约项目8个。市委常委、常务副市长骆晴远推介青澜数字经济发展环境。")
    visit, promotion = events(text)
    assert visit.kind == "拜访" and visit.attendees == ["林向东", "程立远"]
    assert promotion.kind == "推介会" and promotion.attendees == ["林向东", "骆晴远"]


def test_a_meeting_attended_by_a_delegation_named_by_no_one():
    text = ("5月12日，市委书记林向东率代表团赴香港开展招商活动。\n"
            "在港期间，代表团拜会了澜海集团，并出席青澜（香港）投资合作推介会。")
    visit, promotion = events(text)
    assert promotion.kind == "推介会" and promotion.attendees == visit.attendees == ["林向东"]


def test_a_party_lecture_is_an_event():
    text = "5月12日，市委书记林向东在市委党校为新任职领导干部讲授专题党课。市委常委、组织部部长韩佳宁主持。"
    [event] = events(text)
    assert (event.kind, event.chairs, event.attendees) == ("党课", ["韩佳宁"], ["林向东", "韩佳宁"])


def test_a_chair_who_first_reads_the_awards():
    text = "5月12日，青澜市科技创新大会召开。市长宋明远出席会议。副市长韩佳宁宣读表彰决定并主持会议。"
    [event] = events(text)
    assert event.chairs == ["韩佳宁"]


def test_a_discipline_commissions_plenum_by_its_session_not_an_inspection():
    text = "3月17日，中共青澜市第十届纪律检查委员会第五次全体会议召开。市委书记林向东出席会议并讲话。"
    [event] = events(text)
    assert (event.kind, event.number, event.attendees) == ("全体会议", 5, ["林向东"])
    assert organizations.find(text) == []  # the commission in one of its terms names its plenum


def test_a_leaders_day_receiving_petitioners_is_an_event():
    [event] = events("4月21日，市委书记林向东在市信访局接待来访群众。副市长韩佳宁参加接访。")
    assert event.attendees == ["林向东", "韩佳宁"]


def test_those_sworn_in_after_a_session_took_part_in_the_oath_not_the_session():
    text = ("4月21日，市人大常委会举行第二十九次会议。市人大常委会主任林向东主持会议。\n"
            "会议决定任命韩佳宁为青澜市人民政府副市长。副市长宋明远列席会议。\n"
            "会后，林向东为新任命人员颁发任命书，韩佳宁进行宪法宣誓。")
    session, oath = events(text)
    assert session.attendees == ["林向东", "宋明远"]
    assert oath.kind == "宪法宣誓" and oath.attendees == ["林向东", "韩佳宁"]


def test_a_forum_chaired_at_a_place_later_in_a_tour_is_attended_by_those_its_paragraph_names():
    text = ("7月7日，副省长林向东来青澜调研制造业。\n"
            "在市委书记宋明远陪同下，林向东一行来到澜星精工有限公司。\n"
            "当天下午，林向东在青澜主持召开制造业企业座谈会，澜星精工董事长贺立群发言。")
    tour, forum = events(text)
    assert forum.kind == "座谈会" and forum.chairs == ["林向东"] and forum.attendees == ["林向东", "贺立群"]
    assert tour.attendees == ["林向东", "宋明远"]


def test_those_a_paragraph_opening_on_a_later_forum_names_took_part_in_it():
    text = ("7月8日，澧州市党政代表团来青澜考察交流。澧州市委书记林向东，青澜市委书记宋明远参加考察。\n"
            "当天，两市举行工作交流座谈会。宋明远主持座谈会，林向东讲话。澧州市领导韩佳宁参加。")
    visit, forum = events(text)
    assert visit.attendees == ["林向东", "宋明远"]
    assert forum.chairs == ["宋明远"] and sorted(forum.attendees) == sorted(["林向东", "宋明远", "韩佳宁"])


def test_the_first_visit_of_a_journey_told_on_a_day_of_its_own_and_a_signing_after_talks():
    text = ("11月3日至8日，市长林向东率经贸代表团出访德国、匈牙利。\n"
            "11月4日，代表团在慕尼黑拜会了巴伐利亚州经济部国务秘书约翰内斯·韦伯。\n"
            "11月6日，林向东与匈牙利杰尔市市长安德拉什·纳吉举行会谈，并共同签署了两市友好交流协议书。")
    call, talks, signing = sorted(events(text), key=lambda e: (e.date, e.kind))
    assert (call.kind, call.date, call.attendees) == ("拜会", date(2025, 11, 4), ["林向东", "约翰内斯·韦伯"])
    assert (talks.kind, signing.kind) == ("会谈", "签署")
    assert talks.date == signing.date == date(2025, 11, 6)
    assert talks.attendees == signing.attendees == ["林向东", "安德拉什·纳吉"]


def test_the_citys_own_meeting_right_after_a_provincial_video_conference_is_its_own_event():
    text = ("5月12日，全省安全生产电视电话会议召开。会后，我市紧接着召开会议，贯彻落实全省会议精神。\n"
            "市长林向东在我市分会场参加省电视电话会议，并在随后召开的全市会议上讲话。副市长韩佳宁主持全市会议。")
    conference, own = events(text)
    assert conference.attendees == ["林向东"] and conference.chairs == []
    assert own.chairs == ["韩佳宁"] and own.attendees == ["林向东", "韩佳宁"]


@pytest.mark.parametrize("text, kind", [
    ("2月2日，市政协举行迎新春茶话会。市政协主席林向东致辞。", "茶话会"),
    ("1月31日，全市危险化学品事故应急救援演练举行。副市长韩佳宁现场观摩并讲话。", "演练"),
    ("2月2日，市委书记林向东接见了全市见义勇为先进个人代表。", "接见"),
    ("1月31日，市委书记、市级总河长林向东巡查澄河青澜段。", "巡查"),
])
def test_receptions_tea_parties_drills_and_river_patrols_are_events(text, kind):
    assert [e.kind for e in events(text)] == [kind]


def test_a_delegation_calling_on_a_company_is_no_new_year_gathering():
    text = "10月14日，市委书记林向东率代表团赴香港招商。\n在港期间，代表团拜会了澄海地产有限公司。"
    assert [e.kind for e in events(text)] == ["拜会"]


def test_chairs_told_while_chairing_or_jointly():
    [committee] = events("6月3日，市委常委会召开会议。市委书记林向东在主持会议时强调，要压实责任。")
    assert committee.chairs == ["林向东"]
    [joint] = events("6月3日，两市经济合作联席会议召开。青澜市市长林向东与澄江市市长韩佳宁共同主持会议。")
    assert joint.chairs == ["林向东", "韩佳宁"]


def test_who_entrusts_another_to_chair_is_not_there():
    [meeting] = events("6月4日，受市长宋明远委托，副市长韩佳宁主持召开全市防汛工作会议。")
    assert meeting.chairs == ["韩佳宁"] and meeting.attendees == ["韩佳宁"]
    [session] = events("8月28日，市人大常委会举行会议。副市长宋明远受市政府委托作报告。")
    assert session.attendees == ["宋明远"]  # entrusted, and there


def test_a_tour_the_host_goes_on_to_make_with_the_visitor_is_its_own_event():
    text = ("8月12日，市委书记林向东会见了澄海集团董事长贺立群一行。\n"
            "当天下午，林向东还陪同贺立群一行考察了青澜港二期工程现场。")
    reception, tour = events(text)
    assert (reception.kind, tour.kind) == ("会见", "考察") and tour.attendees == ["林向东", "贺立群"]
    [visit] = events("5月12日，市长林向东率队赴深圳考察。\n代表团还考察了澄海精工有限公司。")
    assert visit.kind == "考察"  # a further stop of the same tour


def test_an_event_attended_at_one_stop_of_a_journey_is_its_own():
    text = ("8月14日，市长林向东率队赴上海、杭州开展招商活动。\n"
            "在上海，林向东拜访了澄海新材料集团有限公司，与公司董事长贺立群座谈。"
            "在杭州，林向东出席了青澜（杭州）数字经济产业推介会，副市长韩佳宁推介青澜投资环境。")
    call, fair = events(text)
    assert call.attendees == ["林向东", "贺立群"]
    assert fair.kind == "推介会" and fair.attendees == ["林向东", "韩佳宁"]


def test_a_tour_of_the_fair_after_its_opening_ceremony_is_its_own_event():
    text = ("10月18日，第五届青澜茶文化博览会开幕。市委书记林向东，市长宋明远出席开幕式。开幕式由副市长韩佳宁主持。\n"
            "开幕式后，林向东、宋明远等巡馆，参观了各地茶企展位。")
    opening, tour = events(text)
    assert opening.chairs == ["韩佳宁"] and tour.kind == "参观" and tour.attendees == ["林向东", "宋明远"]


def test_a_training_courses_opening_ceremony_with_its_chair():
    text = ("5月12日，全市青年干部培训班开班。市委副书记林向东出席开班式并作动员讲话。"
            "市委常委、组织部部长韩佳宁主持开班式。")
    [opening] = events(text)
    assert opening.kind == "开班式" and opening.chairs == ["韩佳宁"] and opening.attendees == ["林向东", "韩佳宁"]


def _undated(body: str):
    page = Page(source="p.txt", raw=body, content_hash="0")
    return extract(Article(page=page, position=1, body=Span(body, tuple(range(len(body)))))).meetings


def test_an_article_without_a_dateline_reports_no_event():
    # 近日 dates nothing: the schema's events are dated ones, though the people and companies stay
    assert _undated("近日，市长林向东带队赴深圳拜访了澄海精工有限公司。副市长韩佳宁参加活动。") == []
    # a printed dateline whose year is unknown still dates its event
    [visit] = _undated("5月12日，市长林向东带队赴深圳拜访了澄海精工有限公司。副市长韩佳宁参加活动。")
    assert visit.kind == "拜访" and visit.date is None


def test_a_model_held_up_for_emulation_does_not_attend():
    text = ("5月12日，市委书记林向东主持召开市委常委会会议。会议号召全市党员干部向“时代楷模”、"
            "青澜市人民医院原院长费思远同志学习。市委副书记、市长宋明远参加会议。")
    [event] = events(text)
    assert event.attendees == ["林向东", "宋明远"]


def test_a_numbered_congress_of_members():
    [congress] = events("5月12日，市红十字会第三次会员代表大会召开。市委副书记林向东出席会议并讲话。")
    assert congress.number == 3
    [congress] = events("5月12日，中国共产党青澜市第十三次代表大会开幕。林向东代表市委作报告。")
    assert congress.number == 13


@pytest.mark.parametrize("kind", ["协调会", "通报会", "评审会", "征求意见会", "民主生活会", "表彰会", "例会"])
def test_meetings_named_by_the_lexicons_words(kind):
    [event] = events(f"5月12日，全市{kind}召开。市长林向东出席并讲话。")
    assert event.kind == kind and event.attendees == ["林向东"]


def test_one_elected_at_a_congress_is_acted_on_not_named_as_attending():
    text = ("5月12日，青澜县第十八届人民代表大会第五次会议闭幕。大会主席团常务主席林向东主持闭幕会。"
            "大会选举费思源为青澜县人民政府县长。县委书记宋明远出席。")
    [congress] = events(text)
    assert congress.number == 5 and congress.chairs == ["林向东"] and congress.attendees == ["林向东", "宋明远"]


def test_a_call_later_that_day_is_held_by_those_its_sentence_names():
    text = "4月10日，市委书记林向东率队赴省农科院对接合作，与院长费思源座谈。当天下午，林向东还拜会了省商务厅厅长韩明川。"
    talks, call = events(text)
    assert (talks.kind, talks.attendees) == ("座谈", ["林向东", "费思源"])
    assert (call.kind, call.attendees) == ("拜会", ["林向东", "韩明川"])


def test_a_collective_study_is_an_event():
    [study] = events("5月12日，区委理论学习中心组举行集体学习，邀请市委党校副教授费思源作专题辅导。区委书记林向东主持。")
    assert study.kind == "集体学习" and study.chairs == ["林向东"] and study.attendees == ["费思源", "林向东"]


def test_those_named_after_a_stops_sentence_take_part_at_that_stop():
    text = ("8月14日，市长林向东率队赴上海、杭州开展招商活动。\n"
            "在上海，林向东拜访了澄海新材料集团有限公司，与公司总经理贺立群座谈。"
            "在杭州，林向东出席青澜（杭州）投资推介会并致辞，现场签约项目8个。副市长韩佳宁推介青澜投资环境。")
    call, fair = events(text)
    assert call.attendees == ["林向东", "贺立群"] and fair.attendees == ["林向东", "韩佳宁"]


@pytest.mark.parametrize("text, kind, attendees", [
    ("5月12日，市长林向东到青澜新区现场办公，协调解决重点项目推进中的难题。副市长韩佳宁参加现场办公。",
     "现场办公", ["林向东", "韩佳宁"]),
    ("5月12日晚，2025青澜樱花文化旅游节在青澜湖公园开幕。市委副书记林向东宣布开幕，副市长韩佳宁致辞。",
     "开幕", ["林向东", "韩佳宁"]),
    ("9月1日，县委书记林向东到县第一中学，为师生讲授“开学第一课”。县委常委、宣传部部长韩佳宁参加活动。",
     "讲授", ["林向东", "韩佳宁"]),
    ("5月12日，澜山生态研究中心揭牌。县委书记林向东与研究所所长费思源共同为研究中心揭牌。", "揭牌", ["林向东", "费思源"]),
    ("5月12日，县安委会办公室对3家企业进行集体约谈。副县长林向东出席并讲话。", "约谈", ["林向东"]),
    ("5月12日，青澜县2025年第二批重点项目集中开工，共开工项目18个。县委书记林向东宣布开工，县长韩佳宁介绍项目情况。",
     "集中开工", ["林向东", "韩佳宁"]),
    ("5月12日，青澜华兴纺织有限公司建厂30周年庆典举行。县长林向东出席并致辞。公司董事长贺立群回顾了企业发展历程。",
     "庆典", ["林向东", "贺立群"]),
    ("5月12日，省第三生态环境保护督察组督察反馈会在我县召开。督察组组长车文轩通报督察情况，县委书记林向东作表态发言。",
     "反馈会", ["车文轩", "林向东"]),
    ("5月12日，县委书记林向东为全县2025年度“纳税大户”颁奖。", "颁奖", ["林向东"]),
    ("5月12日，第十二届青澜国际龙舟赛在青澜江开赛。副市长韩佳宁宣布开赛。", "开赛", ["韩佳宁"]),
    ("5月12日，第三届青澜半程马拉松赛鸣枪开跑。副市长韩佳宁鸣枪。", "开跑", ["韩佳宁"]),
    ("5月12日，青澜县二季度重大项目观摩活动举行。县委书记林向东带领观摩团观摩了8个项目。", "观摩活动", ["林向东"]),
    ("5月12日，市委副书记、代市长林向东参加澜南区代表团审议。澜南区委书记韩佳宁参加审议。", "代表团审议",
     ["林向东", "韩佳宁"]),
], ids=["on site", "festival", "lesson", "unveiling", "admonition", "groundbreaking", "anniversary", "feedback",
        "awards", "race", "run", "project tour", "delegation"])
def test_an_event_told_by_its_word(text, kind, attendees):
    [event] = events(text)
    assert (event.kind, event.attendees) == (kind, attendees)
