from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract import organizations, projects


def names(text: str) -> list[str]:
    return [p.name for p in projects.find(text, [])]


@pytest.mark.parametrize("text, name", [
    ("青澜港二期码头工程已完成主体施工。", "青澜港二期码头工程"),
    ("扎实开展传统产业焕新工程，推进落实。", "传统产业焕新工程"),
    ("深入实施“春雨润苗”计划，加强新兴领域党建。", "“春雨润苗”计划"),
    ("积极推出“四项暖企行动”，帮助企业。", "“四项暖企行动”"),
    ("去年澜海重工一期增资扩产项目完成。", "澜海重工一期增资扩产项目"),
    ("通过澜江基金二期不断加大投资。", "澜江基金二期"),
    ("全力推进栖川港综合枢纽工程建设，确保年内开工。", "栖川港综合枢纽工程"),  # the work done on it follows
    ("扎实开展“三进三访”、典型案例调研等工作。", "“三进三访”"),  # a campaign named by its slogan
    ("研究布置我市践行新时代青澜精神学习教育工作。", "践行新时代青澜精神学习教育"),
    ("星辰动力将在青澜投资建设新能源重卡整车基地项目。", "新能源重卡整车基地项目"),  # 建设 governs it
    ("加快推进市民中心配套设施建设项目。", "市民中心配套设施建设项目"),  # 建设 inside the name
    ("持续开展“万人助万企”活动，帮助企业。", "“万人助万企”活动"),
    ("推进冷链物流中心二期项目建设。", "冷链物流中心二期项目"),
    ("他来到城北高铁新城综合开发项目现场。", "城北高铁新城综合开发项目"),
    ("全力推进县人民医院新院区建设项目。", "县人民医院新院区建设项目"),
    ("区人大常委会主任带领代表视察瑶湖生态绿道二期工程建设情况。", "瑶湖生态绿道二期工程"),  # 视察 governs it
    ("确保澜江流域综合治理工程今年完工。", "澜江流域综合治理工程"),  # a verb before the place
    ("研究部署澜江流域综合治理工程。", "澜江流域综合治理工程"),  # 部署 is tagged a noun
    ("在市第二人民医院新院区工程建设现场。", "市第二人民医院新院区工程"),  # level, then an ordinal
    ("双方就新能源汽车零部件生产基地项目深入交流。", "新能源汽车零部件生产基地项目"),  # 零部件/mq, 就 before it
    ("察看了220千伏东埭变电站扩建工程现场。", "220千伏东埭变电站扩建工程"),  # 东|埭: a place cut apart
    ("槎湾大道快速化改造工程全长8.6公里。", "槎湾大道快速化改造工程"),  # what is said of it (全长) follows
    ("为困难学生开展“爱心助学”行动。", "“爱心助学”行动"),  # a quoted name, whatever its words
    ("追加投资3000万美元建设精密轴承三期项目。", "精密轴承三期项目"),  # a phase (三期/t) makes it one undertaking
    ("其中，恒岳新能源年产10GWh储能电池项目总投资35亿元。", "年产10GWh储能电池项目"),  # the maker stands before
    ("共同发起设立汐川市集成电路产业投资基金。", "汐川市集成电路产业投资基金"),
    ("澜州城市更新“百街千巷”改造工程启动仪式举行。", "澜州城市更新“百街千巷”改造工程"),  # 启动 is done to it
    ("设立规模3亿元的泾禾区天使投资基金。", "泾禾区天使投资基金"),  # 泾/zg: a bound first character
    ("加快实施溪岩灌区续建配套与节水改造工程。", "溪岩灌区续建配套与节水改造工程"),  # two works in one name
    ("双方在零碳产业园建设方面深化合作。", "零碳产业园"),  # a park being built
    ("11月19日，泠水湿地保护修复工程通过验收。", "泠水湿地保护修复工程"),  # 湿地/z
    ("加快推进钱塘湾生物医药港和钱塘科学城建设。", "钱塘湾生物医药港"),  # 钱塘|湾/zg: a bound character ends a place
    ("加快推进钱塘湾生物医药港和钱塘科学城建设。", "钱塘科学城"),  # developments being built, listed
    ("助力明州海港城二期工程、明州至奉川段改扩建工程等重大项目建设。", "明州海港城二期工程"),  # 助力 governs
    ("助力明州海港城二期工程、明州至奉川段改扩建工程等重大项目建设。", "明州至奉川段改扩建工程"),  # a road's two ends
    ("市政务服务中心推行“一件事一次办”改革，压缩办理时间。", "“一件事一次办”改革"),  # a reform named by its slogan
    ("其中“太平英才”引育计划资助项目5个。", "“太平英才”引育计划"),  # the programme, not the projects it funds
    ("澜汐集团将参与青澜港综合物流枢纽建设。", "青澜港综合物流枢纽"),  # a hub being built
    ("青澜市产业投资母基金合伙企业（有限合伙）设立签约仪式举行。", "青澜市产业投资母基金合伙企业（有限合伙）"),
    ("会议研究了岱州港四期工程推进情况。", "岱州港四期工程"),  # 岱/ns|州: a level after a place's character
    ("全市城乡环境整治提升行动推进会召开。", "城乡环境整治提升行动"),  # a meeting on it follows; the city's part
    ("会议现场察看了泓川长江公铁大桥北岸接线工程。", "泓川长江公铁大桥北岸接线工程"),  # 了泓川/?: 了 glued
    ("重点支持澧州高新区二期开发、澧江生态廊道工程等重大项目。", "澧州高新区二期开发"),  # after the verb
    ("参与澴阳抽水蓄能电站、澴河流域综合治理等项目建设。", "澴阳抽水蓄能电站"),  # a verb inside the name
    ("企业计划新增投资15亿元，建设星辰光伏N型电池片项目。", "星辰光伏N型电池片项目"),  # N|型/k
])
def test_named_projects(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "加快推进重点项目建设。",
    "加快二期项目建设。",
    "我市与澄远智能科技有限公司举行合作项目签约仪式。",
    "集聚更多优质企业项目。",
    "发布七大行动。",
    "推进新项目落地。",
    "助力“一带一路”项目建设。",  # the projects of a campaign
    "审议通过《青澜市数字经济三年行动计划》。",  # a document's title, not a project
    "全市一季度重大产业项目集中签约仪式举行。",  # the projects of a whole city
    "中交第三航务工程局代表发言。",  # 工程|局: the ending starts an organization's name
    "两家公司作为实施主体负责项目建设。",  # 负责 governs 项目
    "副市长宣布工程启动。",
    "推动各大科技新城建设。",  # every city's developments, none named
    "9月23日，太平市院士工作站授牌暨人才项目签约活动举行。",  # 暨 joins two events
    "推介会上，共有12个项目集中签约。",  # projects counted, none named
    "青澜正加快建设长三角先进制造业基地。",  # what a city means to be, by its trade: no facility
    "这是我市投资规模最大的单体基础设施项目。",  # described by common words, not named
    "在现场，林向东详细了解工程进度。",  # 了解 governs 工程
    "会议听取了关于招商局集团在澜投资项目推进情况的汇报。",  # a company's projects in a place
    "希望企业在青澜布局储能电池项目。",  # 布局 governs the kind of project after it
    "详细了解企业开办、工程建设项目审批等事项办理情况。",  # 工程建设/l: a set phrase, a kind
    "代表团赴苏州拜访企业总部，洽谈合作项目。",  # projects of a kind of deal
    "会议表彰了2024年度市科学技术奖获奖项目和个人。",  # award winners, none named
])
def test_generic_references_are_not_projects(text):
    assert names(text) == []


def test_amounts_are_kept_as_written():
    [project] = projects.find("据介绍，青澜湾综合治理工程总投资86.5亿元，计划三年内建成。", [])
    assert project.amounts == ["86.5亿元"] and project.kind == "construction"


def test_an_amount_in_the_next_sentence_that_refers_back():
    [project] = projects.find("远帆将加快推进储能电池生产基地项目建设。据介绍，该项目总投资56亿元。", [])
    assert project.amounts == ["56亿元"]
    [project] = projects.find("远帆将加快推进储能电池生产基地项目建设。全市去年投资56亿元。", [])
    assert project.amounts == []


def test_amounts_go_to_the_project_they_follow_or_to_the_only_one_named():
    found = {p.name: p.amounts for p in projects.find("青澜港扩建工程投资5亿元，澜湾治理工程投资8亿元。", [])}
    assert found == {"青澜港扩建工程": ["5亿元"], "澜湾治理工程": ["8亿元"]}
    [project] = projects.find("丰源控股将追加投资8亿美元，推进冷链物流中心二期项目建设。", [])
    assert project.amounts == ["8亿美元"]


def test_a_project_whose_site_is_chosen_keeps_its_name():
    assert names("陪同客人考察了青澜抽水蓄能电站项目选址现场。") == ["青澜抽水蓄能电站项目"]


def test_a_project_whose_launch_ceremony_follows_its_name():
    assert names("10月13日，青澜“智联云”工业互联网平台二期项目上线仪式举行。") == ["青澜“智联云”工业互联网平台二期项目"]


def test_a_company_that_plans_names_no_programme():
    text = "市长会见德国铂瑞克集团副总裁，欢迎铂瑞克扩大在青澜投资。铂瑞克计划在青澜追加投资5000万欧元。"
    assert projects.find(text, organizations.find(text)) == []
    assert names("推动“科技保”专项计划在青澜落地。") == ["“科技保”专项计划"]


def test_a_total_before_qizhong_is_not_the_amount_of_the_project_it_picks_out():
    [project] = projects.find("推介会上，共签约项目6个，总投资48.5亿元，其中澜汀智能装备产业园项目总投资15亿元。", [])
    assert project.amounts == ["15亿元"]


def test_an_amount_right_before_the_name_and_none_past_a_semicolon():
    text = ("总投资32亿元的华芯微电子封装测试基地项目建成后将新增产值50亿元；"
            "澜湾大道快速化改造工程全长8.6公里，总投资21.5亿元。")
    amounts = {p.name: p.amounts for p in projects.find(text, [])}
    assert amounts == {"华芯微电子封装测试基地项目": ["32亿元", "50亿元"], "澜湾大道快速化改造工程": ["21.5亿元"]}


# One sentence each, in the papers' usual ways of naming undertakings; exactly these are found.
@pytest.mark.parametrize("text, expected", [
    ("加快推进宁川至岚山高速公路扩建工程建设。", ["宁川至岚山高速公路扩建工程"]),
    ("宁川地铁3号线二期工程正式开工。", ["宁川地铁3号线二期工程"]),
    ("全力推进宁川港通用码头改扩建项目。", ["宁川港通用码头改扩建项目"]),
    ("市人民医院新院区建设项目主体结构封顶。", ["市人民医院新院区建设项目"]),
    ("宁川南站综合交通枢纽工程完成投资12亿元。", ["宁川南站综合交通枢纽工程"]),
    ("总投资80亿元的中芯宁川12英寸芯片项目开工建设。", ["中芯宁川12英寸芯片项目"]),
    ("宁川市老旧小区改造三年行动顺利收官。", ["宁川市老旧小区改造三年行动"]),
    ("深入实施“宁川英才”计划，引进高层次人才300名。", ["“宁川英才”计划"]),
    ("市政府设立总规模100亿元的宁川市产业发展母基金。", ["宁川市产业发展母基金"]),
    ("宁川湾生态修复工程被列为全省示范项目。", ["宁川湾生态修复工程"]),
    ("积极推进“无废城市”建设试点工作。", []),
    ("宁川数据中心集群项目签约落地。", ["宁川数据中心集群项目"]),
    ("他察看了宁北污水处理厂三期扩建工程进展。", ["宁北污水处理厂三期扩建工程"]),
    ("推动宁川光伏发电项目并网发电。", ["宁川光伏发电项目"]),
    ("实施“万企上云”专项行动，推动企业数字化转型。", ["“万企上云”专项行动"]),
    ("宁川大道综合改造工程全线贯通。", ["宁川大道综合改造工程"]),
    ("宁川国际会议中心项目总投资25亿元。", ["宁川国际会议中心项目"]),
    ("推进宁川抽水蓄能电站项目前期工作。", ["宁川抽水蓄能电站项目"]),
])
def test_exactly_the_undertakings_named(text, expected):
    assert sorted(names(text)) == expected


def test_two_undertakings_joined_by_he_stay_two():
    assert sorted(names("推进耕地保护“三提两严”行动和产业空间优化焕新行动。")) == \
        ["产业空间优化焕新行动", "耕地保护“三提两严”行动"]


def test_a_companys_registered_name_before_a_project_is_not_part_of_it():
    from kg.extract import organizations
    text = "华联冷链物流（南浔）有限公司冷链物流基地项目总投资15亿元。"
    assert [p.name for p in projects.find(text, organizations.find(text))] == ["冷链物流基地项目"]


def test_the_end_of_a_projects_name_used_alone_is_its_short_name():
    text = "会议听取了陆港一期工程建设情况的汇报。要加快推进丰邑国际陆港一期工程，年内开通线路。"
    [project] = projects.find(text, [])
    assert (project.name, project.aliases) == ("丰邑国际陆港一期工程", ["陆港一期工程"])


def test_cooperation_on_a_project_follows_its_name():
    assert names("双方就乳制品加工项目合作进行交流。") == ["乳制品加工项目"]


def test_a_facility_a_verb_builds_is_a_project():
    assert names("公司将追加投资8亿元，在宁川建设华南研发中心。") == ["华南研发中心"]
    assert names("企业在宁川加快建设智算中心。") == []  # 智算中心: a kind of facility, not one
    assert names("加快筹建宁川应用场景创新中心。") == []  # founded, not built: a body


def test_a_name_jieba_glued_to_a_preposition_does_not_start_a_project():
    assert names("县长柴伯言为基金揭牌。") == []


def test_amounts_in_yuan_as_numbers_of_yi():
    assert projects.in_yi("312.94亿元") == Decimal("312.94")
    assert projects.in_yi("36万元") == Decimal("0.0036")
    assert projects.in_yi("1.2万亿元") == Decimal("12000")
    assert projects.in_yi("8亿美元") is None  # not yuan: no number to compare with yuan


def test_a_verb_before_a_quoted_name_governs_it_unless_it_names_the_field():
    assert names("授信，支持“智造宁川”三年行动。") == ["“智造宁川”三年行动"]
    assert names("接续实施耕地保护“三提一严”行动。") == ["耕地保护“三提一严”行动"]


def test_an_ending_inside_a_body_s_name_ends_no_project():
    assert names("中国工程院院士卓某作报告。") == []
    assert names("全力推进宁川港综合枢纽工程建设。") == ["宁川港综合枢纽工程"]  # 工程建设: the work on it


def test_a_project_built_together_starts_after_the_verb():
    assert names("双方签署合作协议，共建澄川城市大脑二期工程。") == ["澄川城市大脑二期工程"]


def test_a_park_advanced_together_with_a_work_is_a_project():
    text = "要加快推进澄川高山茶产业园和陶镇农村人居环境整治提升工程，放大品牌效应。"
    assert names(text) == ["澄川高山茶产业园", "陶镇农村人居环境整治提升工程"]
    assert names("走访了华岳产业园和澄川科技园。") == []  # parks visited are bodies


def test_a_name_starts_at_its_brand_not_at_the_verb_before_it():
    assert names("希望比亚迪澄川新能源汽车零部件产业园二期项目早日投产。") == ["比亚迪澄川新能源汽车零部件产业园二期项目"]


def test_every_item_of_a_list_before_its_kind_is_a_project():
    text = "澄川大道快速路工程、澄川东站综合交通枢纽、市第三人民医院迁建项目等一批项目进展顺利。"
    assert sorted(names(text)) == sorted(["澄川大道快速路工程", "澄川东站综合交通枢纽", "市第三人民医院迁建项目"])
    assert names("确保苏锡常南部通道澄川段等跨区域重大工程按期推进。") == ["苏锡常南部通道澄川段"]
    assert names("抓好交通、水利、能源等重大项目。") == []  # fields, not works


def test_a_level_jieba_glued_to_the_verb_before_it_starts_the_name():
    assert names("尤某强调，要用好区人工智能产业发展基金。") == ["区人工智能产业发展基金"]


def test_a_new_town_being_developed_is_a_project():
    assert names("要全力推进澄川高铁新城开发建设。") == ["澄川高铁新城"]


def test_a_technical_word_jieba_tags_an_adverb_stays_in_the_name():
    assert names("澄溪宏远锂电新材料有限公司年产10万吨磷酸铁锂正极材料项目投资52亿元。") == ["年产10万吨磷酸铁锂正极材料项目"]


def test_a_named_fund_pool_is_a_fund():
    assert [(p.name, p.kind) for p in projects.find("要发挥“澄企贷”风险补偿资金池作用。", [])] == [
        ("“澄企贷”风险补偿资金池", "fund")]


def test_a_base_a_foreign_brand_builds_is_a_project():
    assert names("德国舍弗勒集团将在澄溪投资建设舍弗勒新能源汽车电驱系统生产基地。") == ["舍弗勒新能源汽车电驱系统生产基地"]


def test_a_park_built_under_a_short_brand_jieba_does_not_know_is_a_project():
    assert names("中车株洲电力机车有限公司将在澄溪投资建设中车澄溪轨道交通装备产业园。") == ["中车澄溪轨道交通装备产业园"]
    assert names("希望企业在锡加快建设智算中心。") == []  # a kind of facility


def test_a_line_between_two_places_named_with_a_dash_keeps_both():
    assert names("全力推进清溪—临港铁路专用线工程建设。") == ["清溪—临港铁路专用线工程"]


def test_a_character_jieba_cut_from_a_word_of_the_name_stays_in_it():
    # 智能|物/zg|联产品 and 50|万千|升/zg: a bound character after a word of the name is part of it
    assert names("澄溪智联有限公司投资的智能物联产品生产基地项目总投资20亿元。") == ["智能物联产品生产基地项目"]
    assert names("澄溪酒业有限公司投资的年产30万千升啤酒生产基地项目开工。") == ["年产30万千升啤酒生产基地项目"]


def test_a_place_jieba_glued_to_a_common_word_keeps_its_first_character():
    assert "通山区人民医院新院区建设工程" in names("澄溪水厂项目、通山区人民医院新院区建设工程同步开工。")  # 通|山区


def test_a_base_being_built_under_its_makers_brand_is_a_project_a_kind_of_base_is_not():
    assert names("双方共同推进中车澄溪风电装备产业基地建设。") == ["中车澄溪风电装备产业基地"]
    assert names("加快人才培养基地建设。") == []


def test_a_production_line_being_built_is_a_project():
    assert names("宏澄电池将追加投资35亿元，建设刀片电池二期生产线。") == ["刀片电池二期生产线"]


def test_the_projects_of_a_trade_are_no_project():
    assert names("重点支持城市更新和先进制造业项目。") == []


def test_a_production_line_of_no_particular_name_is_no_project():
    assert names("他察看了新投用的自动化生产线。") == []


def test_a_fund_of_an_industry_is_one_fund_the_projects_of_a_trade_are_none():
    assert names("会议同意设立规模20亿元的澄湖区低空经济产业基金。") == ["澄湖区低空经济产业基金"]
    assert names("重点支持先进制造业项目。") == []


def test_a_span_of_years_inside_a_programmes_name():
    assert names("加快实施农村人居环境整治提升五年行动。") == ["农村人居环境整治提升五年行动"]


def test_a_works_site_follows_its_name():
    assert names("在澄江地铁3号线一期工程施工现场，他听取了汇报。") == ["澄江地铁3号线一期工程"]


def test_projects_counted_by_kind_are_no_project():
    assert names("签约项目中，先进制造业项目19个，科技创新项目3个。") == []


def test_a_count_is_no_proper_word_of_a_production_lines_name():
    assert names("公司今年将新增3条天窗生产线。") == []


def test_developing_together_governs_a_projects_name():
    assert names("签订合作协议，共同开发湖城凯德广场综合体项目。") == ["湖城凯德广场综合体项目"]  # 湖城/?


def test_a_campaign_pushed_on_by_its_slogan():
    assert names("持续推进“清廉澄江”建设。") == ["“清廉澄江”"]


def test_a_place_ending_in_a_level_character_is_not_a_verbs_complement():
    assert names("加快推进澜州海铁联运枢纽项目建设。") == ["澜州海铁联运枢纽项目"]
    assert names("要用好区人工智能产业发展基金。") == ["区人工智能产业发展基金"]


def test_a_project_ends_before_luohu():
    # jieba tags 落户 a noun here; the project settles, its name does not run on
    assert names("双方签署投资协议，澜钧机器人减速器生产基地项目落户青澜，总投资30亿元。") == ["澜钧机器人减速器生产基地项目"]


def test_a_project_named_after_a_preposition_and_after_a_japanese_company():
    assert names("县长韩明川到G235国道澜山段改扩建工程施工现场调研。") == ["G235国道澜山段改扩建工程"]
    text = "其中，日本青木精机株式会社汽车热管理系统项目投资15亿元。"
    assert [p.name for p in projects.find(text, organizations.find(text))] == ["汽车热管理系统项目"]


def test_a_project_named_after_the_verb_of_signing():
    assert names("县政府与澜创电子有限公司通过“云签约”方式签订智能终端产业园项目合作协议。") == ["智能终端产业园项目"]


def test_a_park_built_jointly_is_one_project_with_its_ending():
    assert names("双方签署合作协议，共建澜新数字产业园项目。") == ["澜新数字产业园项目"]
    assert names("双方将共建南溪国际医疗产业园。") == ["南溪国际医疗产业园"]


def test_a_project_that_plans_its_investment():
    assert names("其中青澜港综合物流园项目计划总投资32亿元。") == ["青澜港综合物流园项目"]
    assert names("青澜港综合物流园项目计划年底开工。") == ["青澜港综合物流园项目"]


def test_a_reform_named_by_its_slogan():
    assert names("调研“高效办成一件事”改革推进情况。") == ["“高效办成一件事”改革"]


def test_what_a_task_is_likened_to_is_no_project():
    assert names("要把招商引资作为“一号工程”，以项目攻坚推动发展。") == []
    assert names("深入实施“强链补链工程”。") == ["“强链补链工程”"]


def test_a_place_whose_first_character_jieba_holds_only_in_an_idiom():
    # 泱/i|川东/ns|站: the rare character starts the place, not 川东
    assert names("研究泱川东站综合交通枢纽工程推进工作。") == ["泱川东站综合交通枢纽工程"]
