from __future__ import annotations

import pytest

from kg.extract import persons
from kg.extract.posts import category, is_official, post_for


def found(text: str) -> dict[str, list[str]]:
    return {p.name: [post.title for post in p.posts] for p in persons.find(text)}


@pytest.mark.parametrize("text, expected", [
    ("5月12日，市委书记林向东主持召开会议。", {"林向东": ["市委书记"]}),
    ("副市长韩佳宁，市政府秘书长欧阳思成参加会谈。", {"韩佳宁": ["副市长"], "欧阳思成": ["市政府秘书长"]}),
    ("市委书记、市数字经济产业链链长林向东主持召开会议。", {"林向东": ["市委书记", "市数字经济产业链链长"]}),
    ("省委常委、青州市委书记顾承泽，副省长沈知远参加活动。",
     {"顾承泽": ["省委常委", "青州市委书记"], "沈知远": ["副省长"]}),
    ("市长宋明远会见来澜访问的法国驻华大使马克·勒菲弗一行。",
     {"宋明远": ["市长"], "马克·勒菲弗": ["法国驻华大使"]}),
    ("市长宋明远与华岳智能科技集团董事长贺立群和岳澜芯片总裁唐思远座谈交流。",
     {"宋明远": ["市长"], "贺立群": ["华岳智能科技集团董事长"], "唐思远": ["岳澜芯片总裁"]}),
    ("市领导陈立华、周婉清、高远，市人大常委会秘书长陆晓峰出席会议。",
     {"陈立华": [], "周婉清": [], "高远": [], "陆晓峰": ["市人大常委会秘书长"]}),
    ("会议要求，深入学习贯彻习近平总书记重要讲话精神。", {"习近平": ["总书记"]}),
    ("传达贯彻省长冯启明来澜调研时的讲话要求。", {"冯启明": ["省长"]}),
    # jieba splits the body's ending (发展|改革|委): the title still runs over the whole body
    ("副市长卢晓峰，市发展改革委主任滕家豪参加会见。",
     {"卢晓峰": ["副市长"], "滕家豪": ["市发展改革委主任"]}),
    # names listed after a titled one share its title; the list ends at the next title
    ("市人大常委会副主任田慧、孔德明，秘书长焦阳出席会议。",
     {"田慧": ["市人大常委会副主任"], "孔德明": ["市人大常委会副主任"], "焦阳": ["秘书长"]}),
    ("市委书记林向东、市长宋明远出席。", {"林向东": ["市委书记"], "宋明远": ["市长"]}),
    ("市人民检察院检察长岳鸣列席会议。", {"岳鸣": ["市人民检察院检察长"]}),
    # a compound surname with a given name that is a word (司徒|明达), before 带领
    ("市政协主席司徒明远带领部分市政协委员开展调研。", {"司徒明远": ["市政协主席"]}),
    ("会见了德国某州经济部副部长克劳斯·施密特一行。", {"克劳斯·施密特": ["德国某州经济部副部长"]}),
    # a brand jieba takes for a name (北辰/nr) starts the company's short name
    ("项目总投资48亿元。北辰航运董事长祁梦阳致辞。", {"祁梦阳": ["北辰航运董事长"]}),
    ("工业和信息化部信息技术发展司副司长霍启明出席。", {"霍启明": ["工业和信息化部信息技术发展司副司长"]}),
])
def test_names_and_titles(text, expected):
    assert found(text) == expected


def test_a_name_broken_across_lines_is_found_once_rejoined():
    assert found("市委书记林向东主持会议。林向东强调，要抓好落实。") == {"林向东": ["市委书记"]}


def test_later_bare_mentions_of_a_known_name_are_found():
    people = persons.find("会议由市长宋明远主持。宋明远指出，要抓好落实。")
    assert len(people) == 1 and len(people[0].spans) == 2


def test_names_known_elsewhere_on_the_page_are_found_bare():
    people = persons.find("林向东来到青澜港调研。", known=frozenset({"林向东"}))
    assert [p.name for p in people] == ["林向东"] and people[0].posts == []


@pytest.mark.parametrize("text", [
    "要牢记总书记殷切嘱托，抓好落实。",  # a title followed by ordinary words, not a name
    "会议指出，要加强主任责任。",
    "认真落实各项工作要求。",
    "县委书记主持召开县委常委会会议，研究工作。",  # 常委 starts the body 常委会, no title
])
def test_ordinary_words_after_a_title_are_not_names(text):
    assert found(text) == {}


def test_group_labels_make_officials_but_not_titles():
    people = persons.find("市领导陈立华、周婉清出席。")
    assert all(p.official and p.posts == [] for p in people)


@pytest.mark.parametrize("prefix, ending, kind", [
    ("市委", "书记", "party"),
    ("", "副市长", "government"),
    ("市政协", "副主席", "consultative"),
    ("市人大常委会", "秘书长", "legislative"),
    ("法国驻华", "大使", "diplomatic"),
    ("华岳智能科技集团", "总经理", "executive"),
    ("新加坡丰源控股", "董事会主席", "executive"),
    ("澜江分公司", "党委书记", "executive"),  # a company's Party secretary holds no official post
    ("市人民对外友好协会", "会长", "executive"),
    ("省政府外事办公室", "主任", "government"),
    ("市中级人民法院", "院长", "judicial"),  # the body decides over the title's usual kind
    ("市委党校", "校长", "party"),
    ("市人民医院", "院长", "executive"),
    ("市总工会", "主席", "executive"),  # a mass organisation's head holds no state post
    ("市妇联", "主席", "executive"),
    ("宁川市工商业联合会", "主席", "executive"),  # the full name of a mass organisation, as its short one
    ("宁川市慈善总会", "会长", "executive"),
    ("中国人民银行宁川市分行", "行长", "government"),  # the central bank is a state organ, though a bank
    ("中国银行宁川分行", "行长", "executive"),
    ("驻村第一", "书记", "party"),  # stationed in a village, not abroad
    ("省委党校", "教授", "executive"),  # a scholar, though the Party runs the school
])
def test_post_categories(prefix, ending, kind):
    assert category(prefix, ending) == kind


def test_a_company_title_keeps_its_company():
    post = post_for("华岳智能科技集团总经理")
    assert (post.title, post.org, post.category) == ("华岳智能科技集团总经理", "华岳智能科技集团", "executive")
    assert post_for("集团副总裁").title == "副总裁"  # "the group": a reference back, not a name


def test_a_word_after_a_name_is_not_part_of_it_even_before_a_comma():
    assert found("区长凌霄致辞，区委书记杭一舟宣布开工。") == {"凌霄": ["区长"], "杭一舟": ["区委书记"]}


def test_a_vice_chair_is_no_name_before_a_title():
    assert found("区政协副主席卓雅出席活动。") == {"卓雅": ["区政协副主席"]}  # not 区政协副|主席


def test_posts_given_and_taken_by_a_congress():
    text = "会议决定任命芮东来为市发展和改革委员会主任，免去褚一鸣的市交通运输局局长职务。"
    assert found(text) == {"芮东来": ["市发展和改革委员会主任"], "褚一鸣": ["市交通运输局局长"]}


def test_a_post_elected_to_after_a_titled_name():
    text = "会议选举明州港集团股份有限公司董事长孔令飞为新一届会长。"
    assert found(text) == {"孔令飞": ["明州港集团股份有限公司董事长", "会长"]}


def test_a_rare_surname_starts_a_name():
    assert found("副市长郏振华列席会议。") == {"郏振华": ["副市长"]}


def test_a_name_right_before_yixing_ends_there_even_with_a_follower_inside():
    assert found("会见了丸山精工社长田中和也一行。") == {"田中和也": ["丸山精工社长"]}  # not 田中和|也


def test_a_surname_missing_from_the_lexicon_is_known_by_its_dictionary_tag():
    assert found("县人大常委会副主任庹文博带领检查组。") == {"庹文博": ["县人大常委会副主任"]}  # 县/zg kept too


def test_a_village_party_secretary_keeps_the_village():
    assert found("茶园村党总支书记华启明参加调研。") == {"华启明": ["茶园村党总支书记"]}


@pytest.mark.parametrize("text, expected", [
    ("区政协主席邴文出席。", {"邴文": ["区政协主席"]}),  # not 区政协 before the title 主席
    ("区委常委、宣传部部长兰心作交流发言。", {"兰心": ["区委常委", "宣传部部长"]}),  # 兰心|作交流, not 兰心作|交流
    ("市委副书记、秘书长陆知行等出席。", {"陆知行": ["市委副书记", "秘书长"]}),
    ("市长助理葛一鸣，市商务局一级巡视员鄢春生列席会议。", {"葛一鸣": ["市长助理"], "鄢春生": ["市商务局一级巡视员"]}),
    ("冼晓风与集团高级副总裁田野深入交流。", {"田野": ["高级副总裁"]}),
    ("会见了新加坡丰泰集团执行董事陈耀祖一行。", {"陈耀祖": ["新加坡丰泰集团执行董事"]}),
    ("市政府副秘书长、新闻发言人邢晓光介绍情况。", {"邢晓光": ["市政府副秘书长", "新闻发言人"]}),
    # jieba glues the body's ending to the title (审批|局局长); a verb inside the body's name stays in it
    ("市行政审批局局长熊文韬、市税务局副局长龚立新回答记者提问。",
     {"熊文韬": ["市行政审批局局长"], "龚立新": ["市税务局副局长"]}),
])
def test_names_and_titles_of_officials_and_guests(text, expected):
    assert found(text) == expected


def test_a_rare_surname_shares_the_title_before_it():
    assert found("县人大常委会副主任闵如川、税晓明列席会议。") == {"闵如川": ["县人大常委会副主任"],
                                                          "税晓明": ["县人大常委会副主任"]}


def test_a_preposition_after_a_three_character_name_is_not_part_of_it():
    assert found("市委副书记、市长柴文卿就《决定（讨论稿）》作说明。") == {"柴文卿": ["市委副书记", "市长"]}


def test_a_name_before_the_verb_of_a_suggestion_ends_there():
    assert found("蓝鲸科技创始人、首席执行官柯俊杰建议，加快建设产业园。") == {"柯俊杰": ["蓝鲸科技创始人", "首席执行官"]}


def test_a_body_named_with_a_fixed_phrase_keeps_it_in_the_title():
    assert found("省生态环境厅副厅长包某新带领督导组来澄溪督导。") == {"包某新": ["省生态环境厅副厅长"]}


def test_a_companys_name_with_a_place_in_brackets_stays_whole_before_a_title():
    assert found("澄溪电子部件（苏州）有限公司总经理严立新代表双方签约。") == {
        "严立新": ["澄溪电子部件（苏州）有限公司总经理"]}


def test_a_name_before_shou_entrusted_by_a_body():
    assert found("副市长欧阳立受市政府委托作报告。") == {"欧阳立": ["副市长"]}


def test_a_bodys_ending_jieba_tags_a_verb_stays_in_the_title():
    # 分行/v, and 国开行/nt whose last two characters are a verb
    assert found("国开行澄江省分行党委书记、行长顾长庚出席签约仪式。")["顾长庚"] == [
        "国开行澄江省分行党委书记", "行长"]


def test_a_title_written_after_the_name_ends_it_after_another_before_it():
    assert found("会上，澄江大学经济学院院长梅立涛教授作专题辅导报告。") == {"梅立涛": ["教授", "澄江大学经济学院院长"]}


def test_a_japanese_prefectures_vice_governor_and_a_companys_chief_representative():
    people = {p.name: p for p in persons.find("市长房立国会见了日本长野县副知事佐藤英明一行。日本精工株式会社中国总代表山本和也，市外办负责人参加会见。")}
    assert [post.title for post in people["佐藤英明"].posts] == ["日本长野县副知事"]
    assert [post.category for post in people["佐藤英明"].posts] == ["government"]
    assert [post.category for post in people["山本和也"].posts] == ["executive"]


def test_a_board_named_with_latin_letters_gives_no_official_post():
    people = {p.name: p for p in persons.find("澄江科技常务董事、ICT基础设施业务管理委员会主任方一鸣出席。")}
    assert all(post.category == "executive" for post in people["方一鸣"].posts)


def test_a_rarer_surname_in_a_list_of_leaders():
    assert set(found("县领导单晓光、凤佳参加调研。")) == {"单晓光", "凤佳"}


def test_the_last_of_a_list_of_leaders_may_be_a_dictionary_word():
    assert set(found("市领导晏平、万里出席大会。")) == {"晏平", "万里"}


def test_a_name_before_tuandui_or_shuo():
    assert list(found("澄江大学教授卫立强团队的项目获奖。")) == ["卫立强"]
    assert list(found("澄江市第一人民医院院长叶知秋说，医院将推进建设。")) == ["叶知秋"]
    assert "田中和也" in found("澄江日商俱乐部会长田中和也，副市长孙立出席。")  # a name may end in 也


def test_a_name_jieba_made_up_after_a_title_whatever_verb_follows():
    assert found("郁青出席并致辞，副市长阚明轩推介青澜投资环境。")["阚明轩"] == ["副市长"]


def test_a_name_before_zuo_giving_a_lecture():
    assert found("邀请澜州大学教授庞一鸣作“产业转型”专题辅导。") == {"庞一鸣": ["澜州大学教授"]}


def test_a_name_before_yingyao():
    assert found("副市长蒋明澈应邀到会通报有关情况。") == {"蒋明澈": ["副市长"]}


def test_a_japanese_name_after_a_title():
    assert found("澜和电机株式会社社长佐野健太出席签约仪式。")["佐野健太"] == ["澜和电机株式会社社长"]


def test_a_brand_holding_he_stays_in_a_titles_body():
    # 东|和|精工: no brand is one character, so the walk goes on over the 和
    assert found("东和精工株式会社社长佐野健太出席签约仪式。")["佐野健太"] == ["东和精工株式会社社长"]


def test_a_visited_old_party_member():
    assert found("林向东来到老党员龚长顺家中，详细询问老人的身体状况。") == {"龚长顺": []}


def test_a_title_after_ju_glued_to_its_level():
    assert found("据市水利局局长邬长卿介绍，工程主体已完成。") == {"邬长卿": ["市水利局局长"]}


def test_a_title_over_a_companys_business_jieba_tags_an_idiom():
    assert found("华能澜江能源开发有限公司总经理曲长卿参加会见。") == {"曲长卿": ["华能澜江能源开发有限公司总经理"]}


def test_a_name_that_is_also_a_mountains_after_a_title():
    assert found("中交二航局副总经理祁连山参加仪式。") == {"祁连山": ["中交二航局副总经理"]}
    assert found("副市长黄山市调研。") == {}  # a place by its ending


def test_a_resignation_accepted_and_an_appointment_to_two_posts():
    text = "会议表决通过了关于接受梁正安辞去青澜市人民政府市长职务的决定，决定任命施远舟为青澜市人民政府副市长、代理市长。"
    assert found(text) == {"梁正安": ["青澜市人民政府市长"], "施远舟": ["青澜市人民政府副市长", "代理市长"]}


def test_a_detachment_leader_whose_name_is_also_a_word():
    assert found("市消防救援支队支队长仲秋，一级巡视员郑国梁参加会议。") == {
        "仲秋": ["市消防救援支队支队长"], "郑国梁": ["一级巡视员"]}


def test_a_title_over_a_place_jieba_splits_and_a_name_ending_in_wei():
    text = "国家税务总局泓川市税务局党委书记、局长甄可为出席签约仪式。"
    assert found(text) == {"甄可为": ["国家税务总局泓川市税务局党委书记", "局长"]}


def test_a_foreign_state_secretary_and_a_dotted_name_before_juxing():
    assert found("代表团拜会了巴伐利亚州经济部国务秘书约翰内斯·韦伯，双方交流。") == {
        "约翰内斯·韦伯": ["巴伐利亚州经济部国务秘书"]}
    assert found("王立与杰尔市市长安德拉什·纳吉举行会谈。") == {"安德拉什·纳吉": ["杰尔市市长"]}


def test_a_two_character_name_jieba_knows_as_a_rare_verb_after_a_title():
    assert found("会议由副市长应天主持。") == {"应天": ["副市长"]}
    assert found("街道党工委书记查理介绍了情况。") == {"查理": ["街道党工委书记"]}
    assert found("市长强调，要抓落实。主任解释说，要加快进度。") == {}  # verbs, and a verb with what follows it


def test_a_name_ends_before_jinxing():
    assert found("副秘书长杜鹃鸣进行了座谈。") == {"杜鹃鸣": ["副秘书长"]}


def test_a_river_chiefs_post_and_a_model_worker_named_after_a_group_label():
    assert found("市委书记、市级总河长林向东巡查澄河。") == {"林向东": ["市委书记", "市级总河长"]}
    assert found("见义勇为先进个人代表汤立言作了发言。") == {"汤立言": []}


def test_an_award_winner_named_before_huo():
    assert found("澄溪大学教授汤立言获市科学技术突出贡献奖。") == {"汤立言": ["澄溪大学教授"]}


def test_a_verb_phrase_after_a_titles_word_is_no_name():
    assert found("澄溪精工有限公司董事长汤立言等委员作发言。") == {"汤立言": ["澄溪精工有限公司董事长"]}


def test_a_title_starts_after_the_conjunction_jieba_glued_to_the_name_before():
    assert found("在桃源村，凤鸣岐与驻村第一书记柴小满交流。")["柴小满"] == ["驻村第一书记"]


def test_a_rare_surname_after_a_title():
    assert found("市政府新闻办副主任牧晓岚主持发布会。") == {"牧晓岚": ["市政府新闻办副主任"]}


def test_a_two_character_name_that_is_also_a_word_after_a_title():
    assert found("县政协副主席辛夷、包天佑出席会议。") == {"辛夷": ["县政协副主席"], "包天佑": ["县政协副主席"]}
    assert found("副市长高峰出席。") == {"高峰": ["副市长"]}


def test_a_name_that_is_also_a_phrase_between_a_title_and_a_verb():
    assert found("市长闻一多代表市人民政府作报告。") == {"闻一多": ["市长"]}


def test_a_title_inside_a_longer_word_names_no_one():
    # 主席|台: the podium, not a chairman; the list's last name is a word (桑梓) before 在
    text = "大会执行主席邬建设、费丽华、桑梓在主席台前排就座。市委书记沈星河等在主席台就座。"
    assert found(text) == {"邬建设": ["大会执行主席"], "费丽华": ["大会执行主席"], "桑梓": ["大会执行主席"],
                           "沈星河": ["市委书记"]}


def test_a_name_before_huibao():
    assert found("市行政审批局局长储思源汇报了全市政务服务改革进展。") == {"储思源": ["市行政审批局局长"]}


def test_a_name_before_a_day_and_titles_joined_by_jian():
    text = "国务院副总理何立新6日在北京会见了新西兰副总理兼外交部长彼得·格雷厄姆。"
    assert found(text) == {"何立新": ["国务院副总理"], "彼得·格雷厄姆": ["新西兰副总理", "外交部长"]}


def test_two_groups_joined_are_no_list_of_names():
    assert found("全市劳动模范和先进工作者表彰大会举行。市长钱问川宣读表彰决定。") == {"钱问川": ["市长"]}


def test_a_college_of_two_fields_in_a_titles_body():
    assert found("由青澜大学机械与动力工程学院院长黎明川担任院长。")["黎明川"] == ["青澜大学机械与动力工程学院院长"]


def test_an_old_person_visited():
    assert found("孔令远看望了独居老人伍桂兰，并与社区工作者亲切交流。") == {"伍桂兰": []}


def test_a_name_ends_before_weituo():
    assert found("受市长宋明远委托，副市长韩佳宁主持会议。") == {"宋明远": ["市长"], "韩佳宁": ["副市长"]}


def test_a_name_ends_before_deng():
    # 等 closes a list of one: no given name ends in it (丁明|等出席, not 丁明等|出席)
    assert found("区委副书记、区长韦白云，区委副书记丁明等出席会议。") == {"韦白云": ["区委副书记", "区长"],
                                                                   "丁明": ["区委副书记"]}


def test_a_teams_head_is_an_official_unless_the_team_is_of_experts():
    assert found("省委第三巡视组组长韩明川带队来我县。") == {"韩明川": ["省委第三巡视组组长"]}
    [head] = persons.find("省委第三巡视组组长韩明川带队来我县。")
    assert is_official(head)
    [expert] = persons.find("验收专家组组长、青澜大学教授韩明川宣读验收意见。")
    assert [q.title for q in expert.posts] == ["专家组组长", "青澜大学教授"] and not is_official(expert)


def test_more_rare_surnames():
    # 谯 before a given name that is a word (远航), 郄 and 仉 in a list
    assert found("市委副书记、市长谯远航出席。") == {"谯远航": ["市委副书记", "市长"]}
    assert found("市领导郄文华、仉立强参加。") == {"郄文华": [], "仉立强": []}
    assert found("副区长韩青、木云舟出席。") == {"韩青": ["副区长"], "木云舟": ["副区长"]}
    assert found("县委副书记滑雪晴宣读表彰决定。") == {"滑雪晴": ["县委副书记"]}


def test_a_vice_minister_ranked_in_his_grade():
    assert found("马来西亚贸工部高级政务次长陈志远出席。") == {"陈志远": ["马来西亚贸工部高级政务次长"]}


@pytest.mark.parametrize("title", ["区防汛抗旱指挥部总指挥", "军分区政委", "市审计局审计长", "市委巡视员", "海关关长"])
def test_posts_of_commands_forces_and_inspectorates(title):
    assert found(f"7月8日，区委副书记、{title}费思源检查防汛工作。") == {"费思源": ["区委副书记", title]}


def test_guan_starting_a_name_after_a_title_is_a_surname():
    # 院长|关长风, not a customs chief (关长): that post is written with its body, 海关关长
    assert found("市中级人民法院院长关长风列席会议。") == {"关长风": ["市中级人民法院院长"]}


def test_a_federations_head_has_its_whole_name_in_the_title():
    assert found("新澜工商联合总会会长韩明川致辞。区委常委、政法委书记羿青参加。") == {
        "韩明川": ["新澜工商联合总会会长"], "羿青": ["区委常委", "政法委书记"]}


def test_a_post_of_the_institute_named_before_stands_alone():
    # 研究所所长: the institute the sentence named before; a scholar's post, not an official's
    [head] = [p for p in persons.find("县委书记林向东与研究所所长费思源共同揭牌。") if p.name == "费思源"]
    assert [(q.title, q.org, q.category) for q in head.posts] == [("所长", None, "executive")]
    assert not is_official(head)


def test_a_name_before_yi_and_adjectives_before_verbs():
    # 以 is a preposition after the name (费思源|以“四不两直”方式)
    assert found("市长费思源以“四不两直”方式暗访检查消防安全工作。") == {"费思源": ["市长"]}
    # an adjective is a name before a verb of taking part, a manner before one of speaking
    assert found("副县长卓然出席并讲话。") == {"卓然": ["副县长"]}
    assert found("县长郑重宣布开工。") == {}
    assert found("市长高兴地说：“很好。”") == {}
    assert found("副市长张大地出席。") == {"张大地": ["副市长"]}


def test_a_name_ends_before_a_speech_of_welcome():
    assert found("市委书记费思源致欢迎辞。副市长王致远出席。") == {"费思源": ["市委书记"], "王致远": ["副市长"]}


def test_a_village_party_secretary_quoted_and_model_workers_listed():
    # 告诉 follows a name; 劳动模范代表 heads a list of people, no post
    assert found("“收入突破80万元。”村党支部书记沙青禾告诉记者。") == {"沙青禾": ["村党支部书记"]}
    assert found("市委书记林向东会见全国劳动模范代表桂秋月、闻雷等。") == {"林向东": ["市委书记"], "桂秋月": [], "闻雷": []}


def test_posts_joined_by_jian_glued_to_the_level_and_teachers_listed():
    # 副市长|兼市/?|公安局局长: jieba glued 兼 to the body's level; the two posts stay two
    assert found("副市长兼市公安局局长滕子健作工作报告。") == {"滕子健": ["副市长", "市公安局局长"]}
    assert found("市委书记林向东看望了教师代表陶然、宋玉洁。") == {"林向东": ["市委书记"], "陶然": [], "宋玉洁": []}
    assert found("县长会见了韩国庆尚北道经济通商室室长金东焕一行。") == {"金东焕": ["韩国庆尚北道经济通商室室长"]}
    assert found("青澜大学联合实验室长期从事新材料研究。") == {}


def test_a_universitys_party_secretary_written_with_its_school_is_no_official():
    [secretary] = [p for p in persons.find("浔江大学校长孔令文、校党委书记汤显明出席签约仪式。") if p.name == "汤显明"]
    assert [q.title for q in secretary.posts] == ["校党委书记"] and not is_official(secretary)


def test_a_name_ends_before_de_and_quancheng():
    text = "省委副书记林向东听取了青澜产业园管委会主任萧和的汇报。市委书记华罗明，市长詹明德全程陪同。"
    assert set(found(text)) == {"林向东", "萧和", "华罗明", "詹明德"}


def test_a_name_that_is_a_place_before_yu_and_people_in_need_listed():
    assert found("市委书记蓝田与来溧澜调研的省科技厅厅长封云一行座谈。") == {"蓝田": ["市委书记"], "封云": ["省科技厅厅长"]}
    assert found("县委书记简安看望了老党员季长根、困难群众乔翠花。") == {"简安": ["县委书记"], "季长根": [], "乔翠花": []}


def test_a_name_ends_before_guanyu():
    assert found("会议听取了市发展改革委主任范仲明关于全市经济运行情况的汇报。") == {"范仲明": ["市发展改革委主任"]}


def test_a_name_the_dictionary_knows_before_a_preposition():
    # 沃野/nr|为获奖者颁奖; a list's rarer surname 佴; but 甄可为 is a name ending in 为
    assert found("县长沃野为获奖者颁奖。县领导厍文、佴明出席。") == {"沃野": ["县长"], "厍文": [], "佴明": []}
    assert found("副市长甄可为出席会议。") == {"甄可为": ["副市长"]}


def test_a_delegations_members_listed():
    assert found("代表团成员汉斯·贝克、安娜·霍夫曼参加会见。") == {"汉斯·贝克": [], "安娜·霍夫曼": []}


def test_a_name_that_is_a_rare_verbal_noun():
    assert found("市委副书记、市长谈笑，市政协主席宗明出席。") == {"谈笑": ["市委副书记", "市长"], "宗明": ["市政协主席"]}
    assert found("市长表示，要加快建设。") == {}
