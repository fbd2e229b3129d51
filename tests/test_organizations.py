from __future__ import annotations

import pytest

from kg.extract import extract, organizations
from kg.model import Article, Extraction, Page, Span


def found(text: str) -> dict[str, tuple[str, list[str]]]:
    return {o.name: (o.kind, o.aliases) for o in organizations.find(text)}


def extracted(body: str) -> Extraction:
    """Everything read from an article of one paragraph: organizations with the posts tied to them."""
    page = Page(source="p.txt", raw=body, content_hash="0")
    return extract(Article(page=page, position=1, body=Span(body, tuple(range(len(body))))))


@pytest.mark.parametrize("text, name, kind", [
    ("市委书记与来澜考察的华岳智能科技集团总经理会谈。", "华岳智能科技集团", "enterprise"),
    ("昨日记者从市交通运输局获悉，工程进展顺利。", "市交通运输局", "government"),
    ("澜江职业技术学院获评优秀。", "澜江职业技术学院", "other"),
    ("全力支持青澜实验室承担国家任务。", "青澜实验室", "other"),
    ("学习十四届全国人大三次会议精神。", "全国人大", "government"),
    ("会议传达市委党的建设工作领导小组会议精神。", "市委党的建设工作领导小组", "government"),
    ("青澜港务集团投资建设二期码头。", "青澜港务集团", "enterprise"),
    # a set phrase before a name: jieba alone cuts 做大|市 into 大市 and the name grows a head
    ("抓紧做强做优做大市港务集团，加快建设。", "市港务集团", "enterprise"),
    ("市科技局负责同志参加调研。", "市科技局", "government"),  # 科技局 is one dictionary word
    ("市工业和信息化局负责同志参加调研。", "市工业和信息化局", "government"),
    ("市农业农村局、市粮食和储备局负责同志参加调研。", "市粮食和储备局", "government"),
    ("工业和信息化部装备工业一司副司长出席。", "工业和信息化部装备工业一司", "government"),  # 一司/?: a ministry's unit
    ("吕思远带队赴凌峰科技城调研。", "凌峰科技城", "other"),
    ("会见了德国某州经济部副部长一行。", "德国某州经济部", "government"),  # jieba cuts 部副|部长
    ("市外办主任许嘉言参加会见。", "市外办", "government"),
    # a registered company form names one company even when its words are common nouns
    ("青澜市与星辰动力汽车集团股份有限公司签约。", "星辰动力汽车集团股份有限公司", "enterprise"),
    ("棠禾农村商业银行行长庞博发言。", "棠禾农村商业银行", "enterprise"),  # rare characters jieba cuts apart
    ("副市长邬嘉禾，市商务局局长祝文博参加会见。", "市商务局", "government"),  # 局|局长
    ("工业和信息化部信息技术发展司副司长霍启明出席。", "工业和信息化部信息技术发展司", "government"),
    ("省工业和信息化厅副厅长裘晓岚出席。", "省工业和信息化厅", "government"),
    ("我市与中源锂能（云河）有限公司举行签约仪式。", "中源锂能（云河）有限公司", "enterprise"),
    ("县金融办负责同志参加会议。", "县金融办", "government"),  # 县 is tagged zg
    ("县金融办、县经信局负责同志参加会议。", "县经信局", "government"),  # jieba makes up 县经|信局
    # the maker of a named model: a company with no ending, written as the owner
    ("澜舟智算的天枢大模型、青禾数智的稻穗大模型通过备案。", "澜舟智算", "enterprise"),
    ("澜舟智算的天枢大模型、青禾数智的稻穗大模型通过备案。", "青禾数智", "enterprise"),
    ("澜江大学与青澜研究院共建实验室。", "澜江大学", "other"),  # not a school 与青澜研究院 of it
    ("澜江大学与青澜研究院共建实验室。", "青澜研究院", "other"),
    ("他先后来到市第二人民医院、澜江中学。", "市第二人民医院", "other"),  # an ordinal inside the name
    ("青澜经济开发区管委会负责人参加会见。", "青澜经济开发区管委会", "government"),
    ("县工商联、县残联负责人陪同。", "县工商联", "other"),
    ("县工商联、县残联负责人陪同。", "县残联", "other"),  # a level makes the abbreviation one body
    ("县产业投资集团与澜商创投联合设立基金。", "澜商创投", "enterprise"),
    # rare characters jieba holds only as bound morphemes (沅/zg, 埭/zg) cut a place into single characters
    ("沅埭日报社、沅埭广播电视台等媒体参加。", "沅埭日报社", "other"),
    ("国网沅埭供电公司负责同志参加调研。", "国网沅埭供电公司", "enterprise"),
    ("本报讯 6月 22日，槎湾区慈善总会开展活动。", "槎湾区慈善总会", "other"),  # 槎|湾区: a bound first character
    ("会上，槎湾公安分局作交流发言。", "槎湾公安分局", "government"),
    ("任命他为市发展和改革委员会主任。", "市发展和改革委员会", "government"),
    ("会见了日本丸山精工株式会社社长一行。", "日本丸山精工株式会社", "enterprise"),
    ("会上，中铁十四局集团、中交第三航务工程局等单位发言。", "中铁十四局集团", "enterprise"),  # a numbered unit
    ("会上，中铁十四局集团、中交第三航务工程局等单位发言。", "中交第三航务工程局", "enterprise"),  # a builder, not a bureau
    ("他来到溪头村、澜岙县绿源家庭农场调研。", "澜岙县绿源家庭农场", "enterprise"),
    ("他来到雩山县鑫源矿业有限公司调研。", "雩山县鑫源矿业有限公司", "enterprise"),  # 来到|雩/g|山县: a bound first character
    ("他来到江西雩都稀土新材料股份有限公司。", "江西雩都稀土新材料股份有限公司", "enterprise"),  # 雩/g|都/d is one word
    ("雩山县农村信用合作联社签订授信协议。", "雩山县农村信用合作联社", "enterprise"),
    ("会上，民革澜州市委会、九三学社澜州市委会作大会发言。", "九三学社澜州市委会", "other"),
    ("他来到泾禾区人民法院柳塘法庭调研。", "泾禾区人民法院柳塘法庭", "government"),  # a court's tribunal
    ("为泾禾智谷科技孵化器、泾禾青年创业园等授牌。", "泾禾青年创业园", "other"),  # 青年/t inside a name
    ("他来到溪岩县白沙茶叶专业合作社。", "溪岩县白沙茶叶专业合作社", "enterprise"),  # the place before its level
    ("县农业农村局、县供销合作社作表态发言。", "县供销合作社", "other"),
    ("会议邀请省委党校教授作专题辅导。", "省委党校", "other"),
    ("先后走访了澐州海川新材料股份有限公司。", "澐州海川新材料股份有限公司", "enterprise"),  # 澐/?: not in the dictionary
    ("先后走访了澐州市第一建筑工程有限公司和中节能（澐州）环保能源有限公司。", "中节能（澐州）环保能源有限公司",
     "enterprise"),  # a brand of ordinary words (中|节能) before a bracketed place
    ("由泠水市生态环境局、泠水文旅集团共同实施。", "泠水文旅集团", "enterprise"),  # 泠/zg|水文|旅
    ("集中开工仪式在南浔港物流园举行。", "南浔港物流园", "other"),
    ("先后来到县城南加油站和安平汽车客运站。", "县城南加油站", "enterprise"),
    ("先后来到县城南加油站和安平汽车客运站。", "安平汽车客运站", "enterprise"),
    ("9月24日，市政府新闻办召开新闻发布会。", "市政府新闻办", "government"),
    ("新馆与婺源美术馆、婺源市文化馆共同构成文化中心。", "婺源美术馆", "other"),
    ("新馆与婺源美术馆、婺源市文化馆共同构成文化中心。", "婺源市文化馆", "other"),
    ("4月23日，婺源市图书馆新馆正式开馆。", "婺源市图书馆", "other"),
    ("市水利局、漓水水文站负责同志参加。", "漓水水文站", "government"),
])
def test_organizations_by_their_endings(text, name, kind):
    assert found(text).get(name, (None,))[0] == kind


@pytest.mark.parametrize("text", [
    "要优化产业布局，做好部署。",  # 布局, 部署: endings inside ordinary words
    "市委市政府高度重视。",  # the city's generic bodies
    "加大上市公司培育力度。",
    "团结带领广大干部群众。",
    "加快构建新发展格局。",  # 格局 is a word of its own, not a bureau
    "作为国家级国有资本投资公司，该集团优势显著。",  # what the subject is, not a name
    "高校的垂类大模型加快落地。",  # a kind of owner, not a named one
    "每家有限公司都要建立台账。",
    "部分市政协委员参加调研。",
    "推进冷链物流中心二期项目建设。",  # a facility named in a project's name
    "在风浪中开新局。",  # a made-up word ending in 局 (新局) is no bureau without a level
    "残联工作要加强。",  # an abbreviation without a level is a kind of body
    "打造国家级经济技术开发区管委会样板。",  # a rank (国家级) is not a level that names one body
    "建设福斯特智能工厂二期项目。",  # a facility named in a project's name
    "为1万家企业提供政策性信用保险。",  # a count is no part of a name
    "将重点引进数据标注、软件外包等企业。",  # kinds of business listed, not companies
    "市委常委、统战部部长到会讲话。",  # a department of any Party committee
    "泾禾街道党工委书记参加调研。",  # a place's Party committee, written with its secretary's title
    "双方在零碳产业园建设方面深化合作。",  # a park being built: a project
    "观摩团来到河西污水处理厂（二期）工程现场。",  # a plant named in its own expansion's name
])
def test_generic_phrases_are_not_organizations(text):
    assert found(text) == {}


def test_a_company_keeps_its_short_names_as_aliases():
    text = "市长会见澜海重工控股集团董事长。澜海重工是国内领先企业，澜海重工在澜投资超百亿元。"
    assert found(text) == {"澜海重工控股集团": ("enterprise", ["澜海重工"])}


def test_an_abbreviation_keeps_characters_of_the_name_in_order():
    text = ("市政府与中国远洋航运保险公司江澜分公司签署协议。中国远航保险江澜分公司总经理出席。"
            "中国远航保险累计支持出口100亿元。")
    orgs = found(text)
    assert orgs["中国远洋航运保险公司"][1] == ["中国远航保险"]
    assert orgs["中国远洋航运保险公司江澜分公司"][1] == ["中国远航保险江澜分公司"]


def test_companies_listed_before_deng_qiye_are_enterprises():
    assert found("澜芯科技、青云数智等我市多家企业完成部署。") == {
        "澜芯科技": ("enterprise", []), "青云数智": ("enterprise", [])}


def test_a_company_name_cut_at_a_word_is_an_alias_but_a_place_is_not():
    text = "市委书记会见华岳智能科技集团总经理。华岳智能是领先企业。青澜是一座城市。青澜港务集团出席。"
    orgs = found(text)
    assert orgs["华岳智能科技集团"][1] == ["华岳智能"]
    assert orgs["青澜港务集团"][1] == []


def test_a_company_named_without_its_country_is_an_alias():
    text = "市长会见了新加坡丰源控股董事会主席陈国良一行。希望丰源控股继续加大投资。"
    assert found(text) == {"新加坡丰源控股": ("enterprise", ["丰源控股"])}


def test_a_short_name_without_the_country_or_the_middle_of_the_name_is_an_alias():
    text = "会见了德国福斯特精密工业集团总裁一行。福斯特集团看好澜江营商环境。"
    assert found(text) == {"德国福斯特精密工业集团": ("enterprise", ["福斯特集团"])}


def test_a_court_written_short_with_its_ending_is_an_alias():
    text = "区人民检察院作交流发言。区检察院检察长闵晓东参加会议。"
    assert found(text) == {"区人民检察院": ("government", ["区检察院"])}


def test_a_school_of_a_university_stands_for_both():
    assert found("会议邀请南州大学马克思主义学院院长邝立言作专题辅导。") == {"南州大学马克思主义学院": ("other", [])}


def test_a_company_titled_by_its_short_name_is_one_company():
    body = "5月20日，渠溪港航集团与北辰航运股份有限公司签约。北辰航运董事长祁梦阳致辞。"
    found = extracted(body)
    assert {o.name: o.aliases for o in found.organizations if o.kind == "enterprise"} == \
        {"渠溪港航集团": [], "北辰航运股份有限公司": ["北辰航运"]}
    [chair] = [p for p in found.persons if p.name == "祁梦阳"]
    assert [(post.title, post.org) for post in chair.posts] == [("董事长", "北辰航运股份有限公司")]


def test_a_divisions_post_belongs_to_the_company_named_before_it():
    body = "6月23日，区长会见了德国福斯特精密工业集团亚太区总裁汉斯·韦伯一行。"
    found = extracted(body)
    assert [o.name for o in found.organizations] == ["德国福斯特精密工业集团"]  # not …集团亚太区
    [guest] = [p for p in found.persons if p.name == "汉斯·韦伯"]
    assert [(post.title, post.org) for post in guest.posts] == [("亚太区总裁", "德国福斯特精密工业集团")]


def test_a_divisions_post_may_name_the_company_by_its_short_name():
    body = "4月16日，德国舍弗勒集团签约。舍弗勒大中华区首席执行官霍华德·李出席。"
    found = extracted(body)
    assert [o.name for o in found.organizations] == ["德国舍弗勒集团"]  # not 舍弗勒大中华区
    [guest] = [p for p in found.persons if p.name == "霍华德·李"]
    assert [(post.title, post.org) for post in guest.posts] == [("大中华区首席执行官", "德国舍弗勒集团")]


def test_a_party_post_in_a_company_named_short_is_an_executive_one():
    body = "2月26日，澄溪县与上海电气集团股份有限公司签约。上海电气党委副书记、总裁朱长河出席。"
    found = extracted(body)
    [guest] = [p for p in found.persons if p.name == "朱长河"]
    assert [(post.title, post.org, post.category) for post in guest.posts][0] == (
        "党委副书记", "上海电气集团股份有限公司", "executive")  # no official post: not a gk:Official


def test_a_region_of_a_company_is_no_company():
    body = "8月27日，澄溪区与香港华润置地有限公司签约。华润置地华东大区总经理林某豪出席。"
    found = extracted(body)
    assert [o.name for o in found.organizations] == ["香港华润置地有限公司"]  # not 华东大区


def test_a_branch_is_read_with_its_parent_only():
    text = "中国农业银行雩山县支行与项目方签订授信协议。"
    assert found(text) == {"中国农业银行雩山县支行": ("enterprise", [])}  # not 雩山县支行 as well


def test_a_branch_never_runs_over_a_post_or_a_verb():
    # 研究院 after 大学 is a branch only when nothing but its own name stands between them
    assert found("宁川大学副校长柴元朗为研究院揭牌。") == {"宁川大学": ("other", [])}
    assert "宁川大学智能制造研究院" in found("宁川大学智能制造研究院揭牌。")


def test_a_facility_being_built_is_no_body():
    assert found("公司将在澄州建设研发中心。") == {}  # 澄州|建设|研发中心: not a body named 澄州建设研发中心
    assert "市城市建设发展中心" in found("市城市建设发展中心主任出席。")  # 建设 inside a body's name


def test_a_body_of_a_place_in_session_is_no_name():
    assert found("县十八届人大常委会第二十三次会议闭幕。") == {}  # the county's people's congress standing committee


def test_a_body_in_a_documents_title_is_not_listed():
    assert found("会议审议通过了《宁川县人民代表大会常务委员会关于加强预算审查监督的决定》。") == {}


def test_a_hyphened_foreign_place_starts_the_name():
    assert "德国巴登-符腾堡州经济部" in found("市长会见德国巴登-符腾堡州经济部副部长一行。")


def test_companies_listed_before_a_country_s_enterprises():
    assert found("博世、通快等德国企业看好宁川。") == {"博世": ("enterprise", []), "通快": ("enterprise", [])}


def test_a_place_s_one_character_before_an_abbreviation_starts_the_name():
    assert "深创投集团" in found("由澄川市国资集团有限公司联合深创投集团发起设立。")  # 深|创投: 深圳's character


def test_a_company_s_short_name_without_a_place_the_article_names():
    text = "澄溪市重大项目开工。澄溪宏远锂电新材料有限公司项目开工，宏远锂电董事长发言。"
    assert found(text)["澄溪宏远锂电新材料有限公司"] == ("enterprise", ["宏远锂电"])


def test_maternity_hospitals_and_health_centres_are_bodies():
    assert found("澄溪市妇幼保健院与镇卫生院签约。") == {"澄溪市妇幼保健院": ("other", []), "镇卫生院": ("other", [])}


def test_a_registered_name_in_a_list_keeps_its_brand_whatever_jieba_tags_it():
    text = "先后来到博格华纳汽车零部件（苏州）有限公司、日立电梯（中国）有限公司澄溪分公司，了解情况。"
    assert "日立电梯（中国）有限公司澄溪分公司" in found(text)  # 日立/b: a brand, not an adjective


def test_a_branch_is_of_its_parent_s_kind():
    assert found("人民银行苏州市分行、中国工商银行澄溪支行负责人出席。") == {
        "人民银行苏州市分行": ("government", []), "中国工商银行澄溪支行": ("enterprise", [])}


def test_a_park_being_built_is_no_body():
    assert found("柯某建议，加快建设澄溪数字经济产业园。") == {}  # a project; parks visited are bodies


def test_a_company_founded_or_described_starts_after_the_verb_or_the_kind():
    text = "宁德时代新能源科技股份有限公司与区属国企澄溪城发集团合资成立澄溪时代储能科技有限公司。"
    assert set(found(text)) == {"宁德时代新能源科技股份有限公司", "澄溪城发集团", "澄溪时代储能科技有限公司"}


def test_a_university_department_is_a_body():
    assert found("复旦大学物理学系教授侯某作主旨演讲。") == {"复旦大学物理学系": ("other", [])}  # not 复旦大学


def test_a_branch_ending_that_runs_into_a_word_is_none():
    assert found("督导组察看了江南化学（澄溪）有限公司污水处理站。") == {"江南化学（澄溪）有限公司": ("enterprise", [])}
    assert "中国农业银行股份有限公司澄溪分行" in found("中国农业银行股份有限公司澄溪分行行长出席。")  # 分行|行长: a title


def test_a_body_jieba_knows_keeps_the_place_before_it():
    assert "香城市驻京办" in found("香城市驻京办、市发展改革委负责同志参加活动。")


def test_a_registered_name_jieba_cuts_into_odd_pieces_is_read_whole():
    assert found("乌岭区与香港华润置地有限公司举行项目签约仪式。") == {"香港华润置地有限公司": ("enterprise", [])}  # 置/v|地/uv


def test_a_body_named_after_a_project_and_its_conjunction_starts_after_them():
    assert found("全力推进澄溪铁路专用线工程和县人民医院医共体建设。") == {"县人民医院": ("other", [])}
    assert "中交第三航务工程局有限公司" in found("由中交第三航务工程局有限公司施工。")  # 工程|局 goes on


def test_an_ending_inside_a_word_is_no_ending():
    assert "深圳市华创投" not in found("雩山县与深圳市华创投资控股有限公司签约。")  # 华创|投资: no 创投


def test_a_company_cut_at_a_word_after_its_city_is_an_alias():
    text = "雩山县与深圳市华创投资控股有限公司签约。华创投资控股董事长沃建军出席。"
    assert found(text) == {"深圳市华创投资控股有限公司": ("enterprise", ["华创投资控股"])}


def test_a_title_whose_body_was_cut_short_belongs_to_the_whole_name():
    body = "4月15日，市政府与国投创新投资管理有限公司签署协议。国投创新投资管理有限公司总经理荀立新介绍情况。"
    found = extracted(body)
    assert [o.name for o in found.organizations] == ["国投创新投资管理有限公司"]
    [manager] = [p for p in found.persons if p.name == "荀立新"]
    assert [(post.title, post.org) for post in manager.posts] == [("总经理", "国投创新投资管理有限公司")]


# One sentence each, in the papers' usual ways of naming bodies; exactly these names are found.
@pytest.mark.parametrize("text, names", [
    ("市委办公室、市政府办公室负责同志参加会议。", ["市委办公室", "市政府办公室"]),
    ("他先后来到宁川市第三中学、宁川技师学院。", ["宁川市第三中学", "宁川技师学院"]),
    ("会议邀请中国社会科学院经济研究所研究员作报告。", ["中国社会科学院经济研究所"]),
    ("宁川海关、宁川出入境边防检查站负责人参加。", ["宁川出入境边防检查站", "宁川海关"]),
    ("国家税务总局宁川市税务局与市人社局签署协议。", ["国家税务总局宁川市税务局", "市人社局"]),
    ("他来到宁川港集团有限公司码头作业区。", ["宁川港集团有限公司"]),
    ("市委书记会见了中国石油化工集团有限公司副总经理一行。", ["中国石油化工集团有限公司"]),
    ("招商银行宁川分行、兴业银行宁川分行参加签约。", ["兴业银行宁川分行", "招商银行宁川分行"]),
    ("宁川市中级人民法院、市人民检察院联合发布白皮书。", ["宁川市中级人民法院", "市人民检察院"]),
    ("市卫生健康委、市医疗保障局负责同志参加调研。", ["市医疗保障局", "市卫生健康委"]),
    ("他察看了宁川创新药物研究院实验平台。", ["宁川创新药物研究院"]),
    ("宁川日报社与宁川大学新闻学院共建实践基地。", ["宁川大学新闻学院", "宁川日报社"]),
    ("市消防救援支队组织开展应急演练。", ["市消防救援支队"]),
    ("宁川市城市投资发展集团有限公司（以下简称“宁川城发”）发行债券。", ["宁川市城市投资发展集团有限公司"]),
    ("宁川国际机场股份有限公司旅客吞吐量创新高。", ["宁川国际机场股份有限公司"]),
    ("市台办、市侨办负责同志陪同考察。", ["市侨办", "市台办"]),
    ("宁川经济技术开发区管理委员会与企业签约。", ["宁川经济技术开发区管理委员会"]),
    ("上海交通大学医学院附属瑞金医院专家来宁义诊。", ["上海交通大学医学院附属瑞金医院"]),
    ("中国科学院宁川先进技术研究所揭牌成立。", ["中国科学院宁川先进技术研究所"]),
    ("宁川市妇女联合会、团市委联合举办活动。", ["宁川市妇女联合会"]),
    ("德国博世集团与宁川签署战略合作协议。", ["德国博世集团"]),
    ("比亚迪股份有限公司宁川生产基地投产。", ["比亚迪股份有限公司"]),
    ("宁川市青年企业家协会第三届会员大会召开。", ["宁川市青年企业家协会"]),
    ("市统计局发布一季度经济数据。", ["市统计局"]),
    ("宁川市慈善基金会捐赠物资。", ["宁川市慈善基金会"]),
    ("中国人民银行宁川市分行召开金融工作会议。", ["中国人民银行宁川市分行"]),
    ("宁川高新技术产业开发区管委会主任出席。", ["宁川高新技术产业开发区管委会"]),
    ("国务院发展研究中心专家来宁调研。", ["国务院发展研究中心"]),
    ("宁川银行股份有限公司董事长发言。", ["宁川银行股份有限公司"]),
    ("中国信息通信研究院华东分院落户宁川。", ["中国信息通信研究院华东分院"]),
    ("他走访了宁川恒力纺织有限公司和宁川市人民医院。", ["宁川市人民医院", "宁川恒力纺织有限公司"]),
    ("省委组织部、省委宣传部有关负责同志参加。", ["省委宣传部", "省委组织部"]),
    ("宁川市人民政府与清华大学签署合作协议。", ["宁川市人民政府", "清华大学"]),
    ("市市场监督管理局开展食品安全检查。", ["市市场监督管理局"]),
    ("宁川供电公司全力保障用电。", ["宁川供电公司"]),
])
def test_exactly_the_bodies_named(text, names):
    assert sorted(found(text)) == names


def test_a_parent_named_only_inside_its_units_short_name_is_not_listed():
    text = ("北陵市与中国电子科技集团有限公司第十四研究所签署协议。中国电科十四所所长景一平出席。")
    assert found(text) == {"中国电子科技集团有限公司第十四研究所": ("other", ["中国电科十四所"])}


def test_the_end_of_a_name_standing_alone_is_its_short_name_but_not_inside_another_name():
    text = ("澄州市中医医院与上海中医药大学附属龙华医院签署合作协议。根据协议，龙华医院将派出专家团队。")
    assert found(text) == {"澄州市中医医院": ("other", []), "上海中医药大学附属龙华医院": ("other", ["龙华医院"])}


def test_a_national_company_named_without_zhongguo_is_an_alias():
    text = "延陵市与中国光大银行南京分行签署协议。光大银行南京分行将提供融资支持。"
    assert found(text) == {"中国光大银行南京分行": ("enterprise", ["光大银行南京分行"])}


def test_a_technical_word_jieba_tags_a_numeral_stays_in_a_registered_name():
    assert found("青澜中科三维打印技术有限公司总经理出席。") == {"青澜中科三维打印技术有限公司": ("enterprise", [])}
    assert found("3家公司参加。") == {}


def test_a_governments_general_office_by_its_short_name_and_a_bare_procuratorate():
    assert found("县政府办、县财政局负责同志参加。") == {"县政府办": ("government", []), "县财政局": ("government", [])}
    assert found("县政府办公室主任出席。") == {"县政府办公室": ("government", [])}
    assert found("县监委、县法院、县检察院负责同志列席会议。") == {}  # each the one of its place, like 县政府


def test_the_first_company_listed_starts_after_the_verbs_particle():
    text = "青澜恒昌（集团）有限公司董事长发言。市长肯定了恒昌集团、澜星科技等企业的贡献。"
    assert found(text) == {"青澜恒昌（集团）有限公司": ("enterprise", ["恒昌集团"]), "澜星科技": ("enterprise", [])}


def test_a_short_name_of_common_words_before_its_heads_title_is_an_alias():
    text = "市长来到青澜宏远纺织有限公司和青澜县丰收粮油有限公司。宏远纺织董事长陪同。"
    assert found(text)["青澜宏远纺织有限公司"] == ("enterprise", ["宏远纺织"])


def test_the_bodies_of_two_places_together_are_no_name():
    assert found("两市发展改革委负责同志通报了合作事项进展情况。") == {}


def test_a_companys_research_centre_is_the_company():
    assert found("代表团考察了澜汀精密仪器股份有限公司研发中心。") == {"澜汀精密仪器股份有限公司": ("enterprise", [])}
    assert "青澜电子科技集团有限公司第三研究所" in found("青澜电子科技集团有限公司第三研究所所长出席。")  # an institute


def test_a_plant_worked_on_in_a_projects_name_is_not_a_company():
    assert "澄溪县城东污水处理厂" not in found("调研组来到澄溪县城东污水处理厂提标改造工程现场。")
    assert "市第三人民医院" in found("推进市第三人民医院迁建项目。")  # a body whose new building it is


def test_a_brand_opening_a_projects_name_before_the_place_is_its_maker():
    facts = extracted("澄溪区重大项目开工。主会场的中电建澄溪抽水蓄能电站项目总投资96亿元。")
    assert [(o.name, o.kind) for o in facts.organizations] == [("中电建", "enterprise")]
    assert facts.projects[0].organizations == ["中电建"]


def test_a_brand_opening_a_projects_name_is_the_short_name_of_the_company_named_in_full():
    facts = extracted("澄溪市人民政府与中国中车集团有限公司签署协议，共同推进中车澄溪风电装备产业基地建设。")
    company = next(o for o in facts.organizations if o.name == "中国中车集团有限公司")
    assert "中车" in company.aliases and "中车" not in {o.name for o in facts.organizations}


def test_a_place_or_a_places_canal_opening_a_projects_name_is_no_maker():
    facts = extracted("澄溪市推进苏南运河澄溪段桥梁改建工程，加快澄溪新区城市更新片区开发项目。")
    assert all(o.kind != "enterprise" for o in facts.organizations)


def test_the_citys_peoples_government_is_generic_a_named_one_is_not():
    assert found("会议听取了市人民政府关于计划执行情况的报告。") == {}
    assert "澄溪县人民政府" in found("澄溪县人民政府与宏澄集团签约。")


def test_a_governments_liaison_office_keeps_its_government():
    assert "市政府驻北京联络处" in found("市委常委祁文，市政府驻北京联络处负责人参加活动。")


def test_a_body_does_not_run_back_over_the_person_it_entrusts():
    assert found("副市长欧阳立受市政府委托作报告。") == {}


def test_a_plant_being_built_is_a_project_not_a_company():
    text = "根据协议，宏澄将投资25亿元，建设宏澄汽车电子澄溪工厂。"
    assert "宏澄汽车电子澄溪工厂" not in found(text)
    assert [p.name for p in extracted(text).projects] == ["宏澄汽车电子澄溪工厂"]


def test_a_banks_party_post_under_its_short_name_is_no_official_one():
    facts = extracted("市长牛立平，国开行澄江省分行党委书记、行长顾长庚出席国家开发银行澄江省分行签约仪式。")
    person = next(p for p in facts.persons if p.name == "顾长庚")
    assert {(q.title, q.org, q.category) for q in person.posts} == {
        ("党委书记", "国家开发银行澄江省分行", "executive"),
        ("行长", "国家开发银行澄江省分行", "executive")}  # the bank named before him by its short name


def test_a_companys_role_in_the_works_is_not_part_of_its_name():
    assert "中交第二公路工程局有限公司" in found("要求施工单位中交第二公路工程局有限公司倒排工期。")


def test_a_locative_opening_a_projects_name_is_no_maker():
    facts = extracted("澄江市要加快推进沿江高铁澄江站综合枢纽工程前期工作。")
    assert [o.name for o in facts.organizations] == []


def test_a_visit_verb_before_a_companys_name_is_not_part_of_it():
    assert "澄江科技有限公司" in found("市委书记在深圳拜访澄江科技有限公司。")


def test_a_name_the_article_gives_a_project_is_not_also_a_body():
    facts = extracted("双方共同推进澄江国际会展中心、澄江奥体中心等重大项目建设。")
    assert {p.name for p in facts.projects} == {"澄江国际会展中心", "澄江奥体中心"}
    assert facts.organizations == []


def test_a_development_built_with_a_partner_is_a_project_a_laboratory_founded_with_one_a_body():
    facts = extracted("双方就共建澄江人工智能计算中心深入交流，并与澄江大学共建澄江智能实验室。")
    assert [p.name for p in facts.projects] == ["澄江人工智能计算中心"]
    assert "澄江智能实验室" in {o.name for o in facts.organizations}


def test_a_body_after_a_name_jieba_glued_to_wei_as_appointed():
    assert "市发展和改革委员会" in found("任命韦正清为市发展和改革委员会主任。")


def test_kinds_of_business_listed_before_dengfangmian_are_no_bodies():
    assert found("希望在科技保险、农业保险和巨灾保险等方面加大支持力度。") == {}


def test_a_division_under_a_companys_short_name():
    facts = extracted("澄江开发区与新加坡凯德集团签约。凯德集团中国区首席执行官陈智明出席。")
    person = next(p for p in facts.persons if p.name == "陈智明")
    assert [(q.title, q.org) for q in person.posts] == [("中国区首席执行官", "新加坡凯德集团")]


def test_the_citys_discipline_commission_is_generic():
    assert found("市委常委、市纪委书记、市监委主任包立宇出席。市纪委监委召开会议。") == {}


def test_a_park_named_with_a_word_jieba_tags_a_quantity():
    assert "澄江县汽车零部件产业园" in found("先后来到宏澄有限公司、澄江县汽车零部件产业园，了解情况。")  # 零部件/mq


def test_a_registered_name_holding_he_is_not_cut_at_it():
    # 东江|和|记|实业: a brand is never one character, so the 和 belongs to the name
    assert set(found("市长会见了东江和记实业有限公司董事总经理一行。")) == {"东江和记实业有限公司"}
    assert set(found("市长会见了青山和美实业有限公司董事总经理一行。")) == {"青山和美实业有限公司"}
    assert set(found("市政府和澜海集团有限公司签约。")) == {"澜海集团有限公司"}


def test_a_companys_board_in_a_title_is_not_a_body():
    assert set(found("市委书记会见了澜汐控股集团董事局主席一行。")) == {"澜汐控股集团"}


def test_every_short_name_the_article_uses_is_an_alias():
    # 澜汐|控股集团: jieba glues the inner ending 控股 to 集团, so 澜汐控股 is cut inside a word
    text = "市政府与澜汐控股集团有限公司签约。澜汐控股集团董事长出席。澜汐控股在新能源领域实力雄厚。"
    kind, aliases = found(text)["澜汐控股集团有限公司"]
    assert set(found(text)) == {"澜汐控股集团有限公司"} and set(aliases) == {"澜汐控股集团", "澜汐控股"}


def test_a_registered_name_after_a_conjunction_starts_even_at_an_adjective():
    # 和|明远/a|纺织科技有限公司: a registered name listed is written whole
    text = "先后来到澜江特钢集团有限公司和明远纺织科技有限公司，深入车间。"
    assert set(found(text)) == {"澜江特钢集团有限公司", "明远纺织科技有限公司"}


def test_a_japanese_company_whose_brand_holds_he():
    text = "青澜高新区与日本东和精工株式会社举行签约仪式。东和精工株式会社社长出席。"
    assert found(text) == {"日本东和精工株式会社": ("enterprise", ["东和精工株式会社"])}


def test_a_plant_named_by_its_place_or_brand_is_no_company():
    assert found("将把青澜工厂打造成集团在中国的重要生产基地。") == {}


def test_an_industry_alliance_is_a_body():
    assert found("论坛上，青澜市数字经济产业联盟揭牌成立。") == {"青澜市数字经济产业联盟": ("other", [])}


def test_a_plants_manager_works_for_the_company_named_with_its_short_name():
    text = "ASML（青澜）光刻设备有限公司等企业参加座谈。ASML青澜工厂总经理马克·范德堡表示，将追加投资。"
    [person] = [p for p in extracted(text).persons if p.name == "马克·范德堡"]
    assert [(q.title, q.org) for q in person.posts] == [("ASML青澜工厂总经理", "ASML（青澜）光刻设备有限公司")]


def test_a_party_post_in_a_company_abbreviated_before_its_inner_ending_is_an_executives():
    text = "该工程由中国建筑第九工程局有限公司承建。中建九局党委常委、副总经理钱远山表示，将建设精品工程。"
    [person] = extracted(text).persons
    assert [(q.title, q.org, q.category) for q in person.posts][0] == ("党委常委", "中国建筑第九工程局有限公司", "executive")


def test_a_name_of_another_kind_is_no_short_form():
    # 中国银行青澜分行 keeps the characters of 中国人民银行青澜市分行 in order, but is a bank of its own
    text = "中国银行青澜分行负责人作交流发言。中国人民银行青澜市分行行长通报了金融运行情况。"
    assert set(found(text)) == {"中国银行青澜分行", "中国人民银行青澜市分行"}


def test_a_bare_party_post_chained_with_a_company_post_is_an_executives():
    text = "林向东邀请恒瑞新材料（集团）有限公司董事长、党委书记郁长河到青澜考察。"
    [person] = [p for p in extracted(text).persons if p.name == "郁长河"]
    assert [(q.org, q.category) for q in person.posts] == [("恒瑞新材料（集团）有限公司", "executive")] * 2
    assert [o.name for o in extracted(text).organizations] == ["恒瑞新材料（集团）有限公司"]  # 邀请 governs the name


def test_a_body_after_ju_glued_to_its_level():
    assert set(found("据市水利局局长介绍，工程主体已完成。")) == {"市水利局"}


def test_a_park_visited_is_a_body_a_park_worked_on_is_not():
    assert found("市领导来到青澜滨江生态公园参加义务植树活动。") == {"青澜滨江生态公园": ("other", [])}
    assert found("青杉湾湿地公园生态修复工程完成主体施工。") == {}


def test_a_city_whose_first_character_jieba_tags_a_place_before_its_level():
    # 岱/ns|州/n: one place, whose 州 is also a level
    assert set(found("岱州蓝鲸新能源科技股份有限公司、岱州华信智能装备有限公司等企业获表彰。")) == {
        "岱州蓝鲸新能源科技股份有限公司", "岱州华信智能装备有限公司"}


def test_a_companys_new_plant_is_no_company():
    assert set(found("德利斯（青澜）汽车零部件有限公司新工厂投产仪式举行。")) == {"德利斯（青澜）汽车零部件有限公司"}


def test_a_registered_names_business_jieba_tags_an_idiom():
    # 能源开发/i ends in a verb, which before the legal form is what the company does
    assert set(found("会见了华能澜江能源开发有限公司总经理一行。")) == {"华能澜江能源开发有限公司"}


def test_a_registered_name_opening_a_sentence_starts_even_at_a_verb():
    # 远航/v|动力科技有限公司: a registered name is written whole
    assert set(found("远航动力科技有限公司董事长代表签约企业发言。")) == {"远航动力科技有限公司"}


def test_no_body_starts_at_a_delegations_leader_glued_to_lu():
    # 单于|飞率|部分市政协委员: jieba glued 率 to the name
    assert found("市政协主席单于飞率部分市政协委员视察城市更新工作。") == {}


def test_a_peoples_congress_standing_committee_unnamed_is_generic():
    assert found("青澜市第十七届人民代表大会常务委员会第三十一次会议闭幕。") == {}


def test_short_names_listed_before_the_full_names_whose_place_jieba_cannot_read():
    # 湄|江天|成药业: jieba reads the place wrongly; both full names open with it, so it is their place
    text = "天成药业、华达电缆等企业负责人参加座谈。湄江天成药业股份有限公司董事长、湄江华达电缆有限公司总经理先后发言。"
    assert found(text) == {"湄江天成药业股份有限公司": ("enterprise", ["天成药业"]),
                           "湄江华达电缆有限公司": ("enterprise", ["华达电缆"])}


def test_a_place_jieba_splits_into_lone_characters():
    # 泓/q|川/j, 泓/q|川市/?: jieba cannot read the place
    text = "泓川经济技术开发区管委会与国家税务总局泓川市税务局签署合作备忘录。"
    assert set(found(text)) == {"泓川经济技术开发区管委会", "国家税务总局泓川市税务局"}


def test_a_major_projects_office_and_a_police_units_detachment():
    assert set(found("市重大项目办主任参加会议。")) == {"市重大项目办"}
    assert set(found("市公安局交通警察支队汇报了相关工作。")) == {"市公安局交通警察支队"}


def test_a_short_name_ending_the_registered_name_inside_a_word_jieba_made():
    # 中国|长江三峡|集团: 三峡集团 is cut inside jieba's word, and is found as a name of its own
    text = "俞景行一行拜访了中国长江三峡集团有限公司，与三峡集团副总经理座谈交流。"
    assert found(text) == {"中国长江三峡集团有限公司": ("enterprise", ["三峡集团"])}


def test_a_college_of_two_fields_and_a_company_after_shouyu():
    assert set(found("由青澜大学机械与动力工程学院负责。")) == {"青澜大学机械与动力工程学院"}
    assert set(found("大会授予澜湾精密机械有限公司高级技师称号。")) == {"澜湾精密机械有限公司"}


def test_a_grain_reserve_and_a_he_jieba_glued_to_the_next_name():
    # …储备库|和丰/nz|禾农业…: the 和 joins two names; jieba glued it to the second's first character
    text = "先后来到澧岸粮食储备库和丰禾农业科技有限公司。"
    assert found(text) == {"澧岸粮食储备库": ("other", []), "丰禾农业科技有限公司": ("enterprise", [])}


def test_a_name_starting_with_he_in_a_list_and_an_office_for_hong_kong_and_macao():
    text = "星辰光伏科技股份有限公司、和润食品集团有限公司等企业负责人发言。市商务局、市港澳办负责同志参加。"
    assert set(found(text)) == {"星辰光伏科技股份有限公司", "和润食品集团有限公司", "市商务局", "市港澳办"}


def test_a_registered_name_after_the_particle_le():
    # 表彰|了/ul|泾阳华腾精工有限公司: the particle ends the walk, where 华润|置/v|地/uv goes on
    assert set(found("会议命名表彰了泾阳华腾精工有限公司数控车工等20名工匠。")) == {"泾阳华腾精工有限公司"}
    assert set(found("市长会见了香港华润置地有限公司董事局主席。")) == {"香港华润置地有限公司"}


def test_a_foreign_affairs_office_in_a_title():
    assert found("市外事办主任司马晴参加会谈。") == {"市外事办": ("government", [])}


def test_a_post_in_a_public_bodys_team_keeps_its_title_whole():
    # a company's division names the post (亚太区总裁); a team sent by a public body does not
    found = extracted("3月18日，国务院第二督查组组长、国家发展改革委副主任费思源带队来青澜督查。")
    [head] = found.persons
    assert [(post.title, post.org) for post in head.posts] == [("国务院第二督查组组长", "国务院"),
                                                               ("国家发展改革委副主任", "国家发展改革委")]


def test_a_place_whose_first_character_jieba_glued_to_the_preposition_before():
    # 到澈|州|大学: the name starts after 到, at the place's first character
    assert found("市长林向东到澈州大学调研。") == {"澈州大学": ("other", [])}


def test_a_bare_party_post_in_a_sentence_about_a_university_is_the_universitys():
    found = extracted("3月19日，市长林向东到青澜大学调研，与校长费思源、党委书记韩明川座谈交流。"
                      "镇党委书记宋明远陪同。")
    posts_of = {p.name: [(q.title, q.org, q.category) for q in p.posts] for p in found.persons}
    assert posts_of["韩明川"] == [("党委书记", "青澜大学", "executive")]
    assert posts_of["宋明远"] == [("镇党委书记", None, "party")]  # a place's Party post, written with its level


def test_an_academy_by_its_short_name_and_a_federation_of_commerce():
    assert found("市委书记林向东率队赴省农科院对接合作。") == {"省农科院": ("other", [])}
    # 工商联合/j|总会: a field ending in a verb's characters, inside the name
    assert found("新澜工商联合总会会长韩明川致辞。") == {"新澜工商联合总会": ("other", [])}


def test_a_research_centre_and_an_association_of_a_place_jieba_cannot_read():
    assert found("县政府与中国科学院西川生态研究所共建的澜山生态研究中心揭牌。") == {
        "中国科学院西川生态研究所": ("other", []), "澜山生态研究中心": ("other", [])}
    # 翎/n|州市/n: the place's level shows it is one body, not a kind
    assert found("10月14日，翎州市个体劳动者协会第五次会员代表大会召开。") == {"翎州市个体劳动者协会": ("other", [])}
    assert found("全市个体劳动者协会召开会议。") == {}


def test_a_foreign_legislature_by_its_chamber():
    text = "市委书记林向东会见了以美国俄勒冈州众议院议长马克·哈里斯为团长的代表团。"
    assert found(text) == {"美国俄勒冈州众议院": ("government", [])}
    [speaker] = [p for p in extracted(text).persons if p.name == "马克·哈里斯"]
    assert [(q.title, q.category) for q in speaker.posts] == [("美国俄勒冈州众议院议长", "legislative")]


def test_a_towns_park_and_a_villages_history_hall():
    assert found("先后察看了大营镇食用菌产业园、前营村村史馆。") == {
        "大营镇食用菌产业园": ("other", []), "前营村村史馆": ("other", [])}
    assert found("建设新农村文化中心。") == {}


def test_a_villages_party_branch_written_bare_is_no_name():
    assert found("村党支部书记沙青禾告诉记者。") == {}
    assert found("前营村村史馆开馆。") == {"前营村村史馆": ("other", [])}


def test_companies_listed_after_you():
    # 获奖企业有|…: the verb jieba glues to the name, or leaves standing alone, starts no name
    assert found("获奖企业有沭川宏达建材有限公司、沭川绿源食品有限公司等10家。") == {
        "沭川宏达建材有限公司": ("enterprise", []), "沭川绿源食品有限公司": ("enterprise", [])}
    assert found("获奖企业有澜江华盛电子有限公司。") == {"澜江华盛电子有限公司": ("enterprise", [])}


def test_no_body_runs_over_a_name_and_the_report_it_makes():
    # 主席|廉清作/?|常委会工作报告: jieba glued 作 to the name; the standing committee is no body's name here
    assert found("县政协主席廉清作常委会工作报告。") == {}


def test_a_provinces_government_jieba_knows_as_one_word():
    assert found("浙江省政府与华越数字集团签署战略合作协议。") == {"浙江省政府": ("government", []),
                                                             "华越数字集团": ("enterprise", [])}
    assert found("公司是一家上市公司。") == {}  # 上市/ns is no place here


def test_a_demonstration_park_visited():
    assert found("先后参观了青溪县芦村、青溪竹产业示范园等地。") == {"青溪竹产业示范园": ("other", [])}


def test_a_service_station_visited():
    assert found("先后来到枫岭街道康宁养老服务站、枫岭社区党群服务站。") == {
        "枫岭街道康宁养老服务站": ("other", []), "枫岭社区党群服务站": ("other", [])}


def test_a_ministry_before_a_ranked_title():
    assert found("马来西亚贸工部高级政务次长陈志远出席。") == {"马来西亚贸工部": ("government", [])}


def test_a_place_of_two_characters_jieba_read_one_at_a_time():
    assert found("先后深入棠溪县金石化工有限公司、县第二人民医院等单位。") == {
        "棠溪县金石化工有限公司": ("enterprise", []), "县第二人民医院": ("other", [])}


def test_a_place_whose_first_character_the_dictionary_holds_as_no_word():
    # 潆/x|州: a character never standing alone opens the place's name
    assert found("先后走进潆州康泰生物制药有限公司、潆州市药品检验研究院。") == {
        "潆州康泰生物制药有限公司": ("enterprise", []), "潆州市药品检验研究院": ("other", [])}


def test_making_a_good_start_is_no_bureau():
    assert found("要抓紧抓实各项工作，确保粮食生产开好局。") == {}  # 开/v|好/a|局


def test_a_heads_post_written_bare_belongs_to_the_body_of_its_kind_named_before_it():
    body = "4月15日，县人民法院召开全院干警大会，院长欧阳砺主持会议。"
    [judge] = [p for p in extracted(body).persons if p.name == "欧阳砺"]
    assert [(post.title, post.org, post.category) for post in judge.posts] == [("院长", "县人民法院", "judicial")]
    body = "4月15日，副县长到县人民医院调研，院长欧阳砺介绍了医院发展情况。"
    [doctor] = [p for p in extracted(body).persons if p.name == "欧阳砺"]
    assert [(post.title, post.org, post.category) for post in doctor.posts] == [("院长", "县人民医院", "executive")]


def test_associations_of_natives_and_military_subdistricts():
    assert found("会见香港棠溪同乡会会长廖家豪一行。") == {"香港棠溪同乡会": ("other", [])}
    assert found("先后来到棠溪军分区、武警棠溪支队。") == {"棠溪军分区": ("government", []),
                                                     "武警棠溪支队": ("government", [])}


def test_a_village_party_cell_named_in_its_secretarys_post_is_not_listed():
    assert found("龙井村党支部书记滕立春告诉记者。") == {}


def test_a_supermarket_and_a_shopping_mall_are_companies():
    assert found("先后来到溆川县华联超市、溆川万达商场。") == {"溆川县华联超市": ("enterprise", []),
                                                  "溆川万达商场": ("enterprise", [])}
    assert found("要丰富超市商品供应，到大型商场检查。") == {}


def test_a_federation_of_industry_and_commerce_written_in_full():
    assert found("会见了由澜屿县工商联合会理事长林海宏率领的访问团。") == {"澜屿县工商联合会": ("other", [])}
    assert found("县工商联主席出席。") == {"县工商联": ("other", [])}


def test_the_youth_leagues_committee_of_a_place_is_as_generic_as_its_short_name():
    assert found("市残联、共青团市委、市妇联负责同志参加活动。") == {"市残联": ("other", []), "市妇联": ("other", [])}


def test_a_companys_branch_called_by_its_place_and_the_parents_brand():
    body = ("4月16日，滏川区人民政府与中国移动通信集团江苏有限公司滏川分公司签约。滏川移动总经理戚少华代表签约。"
            "根据协议，滏川移动将投资建设滏川区政务云平台项目。")
    found = extracted(body)
    assert {o.name: o.aliases for o in found.organizations} == {  # no 滏川区政 of 滏川区政|务云…
        "滏川区人民政府": [], "中国移动通信集团江苏有限公司滏川分公司": ["滏川移动"]}
    [manager] = [p for p in found.persons if p.name == "戚少华"]
    assert [(post.title, post.org) for post in manager.posts] == [("总经理", "中国移动通信集团江苏有限公司滏川分公司")]
