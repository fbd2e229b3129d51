from __future__ import annotations

from kg.extract import documents


def titles(text: str) -> list[str]:
    return [d.title for d in documents.find(text)]


def test_documents_in_brackets_without_periodicals():
    text = "学习习近平总书记在《求是》杂志发表的文章。会议审议通过《青澜市数字经济发展三年行动方案》。"
    assert titles(text) == ["青澜市数字经济发展三年行动方案"]


def test_a_short_title_referring_back_to_a_longer_one_is_not_another_document():
    text = "会议审议通过《青澜市推动传统产业焕新的实施意见》。会议强调，要围绕《实施意见》各项任务抓好落实。"
    assert titles(text) == ["青澜市推动传统产业焕新的实施意见"]


def test_adopted_documents_are_told_from_documents_followed():
    text = ("会议审议通过关于深入学习贯彻重要讲话精神的《工作安排》和《通知》。"
            "要以贯彻执行国务院《推动设备更新行动方案》为契机，抓好落实。"
            "会议审议通过《关于加强基层治理，推动社区建设的实施意见》。")
    assert [documents.adopted(text, t) for t in titles(text)] == [True, True, False, True]


def test_a_draft_discussed_is_reviewed():
    body = "会议讨论了《延陵市物业管理条例（草案）》。"
    assert documents.adopted(body, "延陵市物业管理条例（草案）")


def test_a_draft_explained_to_the_meeting_is_reviewed():
    body = "市委书记作工作报告，并就《中共青澜市委常委会工作报告（讨论稿）》向全会作说明。"
    assert documents.adopted(body, "中共青澜市委常委会工作报告（讨论稿）")


def test_a_report_made_to_the_meeting_is_reviewed():
    assert documents.adopted("市长代表市人民政府作《政府工作报告》。", "政府工作报告")
