from __future__ import annotations

from kg.model import PersonMention, PostMention
from kg.resolve import GENERIC_TITLE_MAX, Resolver, key, person_identity
from kg.vocab import Minter


def test_keys_ignore_width_spaces_and_dot_variants():
    assert key("杰西•阿门达雷兹") == key("杰西·阿门达雷兹") == key("杰西 · 阿门达雷兹")


def test_the_same_name_is_the_same_official_across_articles(minter: Minter):
    first, second = Resolver(minter, "a.txt", 1), Resolver(minter, "b.txt", 3)
    assert first.person("林向东") == second.person("林向东")


def test_executives_sharing_a_name_are_kept_apart_by_their_organization(minter: Minter):
    one = PersonMention("王伟", [PostMention("华岳集团总经理", "华岳集团", "executive")])
    other = PersonMention("王伟", [PostMention("澜海重工董事长", "澜海重工", "executive")])
    ids = Resolver(minter, "a.txt", 1)
    iris = {ids.person(p.name, person_identity(p)[0]) for p in (one, other)}
    assert len(iris) == 2
    assert person_identity(one)[1] == "same name and organization: 王伟, 华岳集团"


def test_an_official_post_makes_the_name_enough(minter: Minter):
    person = PersonMention("王伟", [PostMention("副市长", None, "government"),
                                   PostMention("华岳集团董事长", "华岳集团", "executive")])
    assert person_identity(person) == (None, "same name: 王伟")


def test_generic_document_titles_are_scoped_to_their_article(minter: Minter):
    first, second = Resolver(minter, "a.txt", 1), Resolver(minter, "a.txt", 2)
    assert len("实施方案") <= GENERIC_TITLE_MAX
    assert first.document("实施方案") != second.document("实施方案")
    assert first.document("青澜市数字经济发展三年行动方案") == second.document("青澜市数字经济发展三年行动方案")
