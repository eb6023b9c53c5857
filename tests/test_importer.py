"""The importer on the real article: every line accounted for, nothing invented, nothing lost."""

from __future__ import annotations

import pytest
from helpcenter.errors import DataError
from helpcenter.load.article import RELATED_HEADER, TRAILING_CHROME, load_article, parse_article
from support.site import ROOT

SOURCE = ROOT / "docs/data/article.zh.txt"
SHARED_SOURCE = ROOT.parent / "shared/source/article.zh.txt"

CAUSE_TITLES = [
    "信用评估未达标",
    "分期额度已用完或不足",
    "系统维护或故障",
    "商品不支持分期付款",
    "账户状态异常",
    "地区限制",
]


@pytest.fixture(scope="module")
def article():
    return load_article(SOURCE, "docs/data/article.zh.txt")


def test_repo_keeps_the_article_verbatim():
    if not SHARED_SOURCE.exists():
        pytest.skip("shared/source is not beside this checkout")
    assert SOURCE.read_bytes() == SHARED_SOURCE.read_bytes()


def test_title_and_publication(article):
    assert article.title == "小米商城无法使用小米分期的原因分析"
    assert article.published == "2024-05-31 02:52:29"


def test_six_causes_with_exact_titles(article):
    assert [c.number for c in article.causes] == [1, 2, 3, 4, 5, 6]
    assert [c.title for c in article.causes] == CAUSE_TITLES
    assert article.causes[0].paragraph.startswith("小米分期服务通常会对申请用户的个人信用状况进行评估")
    assert article.causes[5].paragraph.endswith("确认所在地区是否在服务范围内。")


def test_intro_and_closing(article):
    assert article.intro.startswith("在当今数字化消费日益普及的背景下")
    assert article.intro.endswith("以下是几个可能的原因分析:")
    assert article.closing.startswith("面对上述问题")
    assert "直接联系小米客服寻求帮助是最直接有效的方式" in article.closing


def test_one_hundred_related_titles(article):
    assert len(article.related) == 100
    assert len(set(article.related)) == 100
    assert article.related[0] == "解析小花钱包借款“待放款”状态:原因、流程与应对策略"
    assert article.related[-1] == "羊小咩在线客服长时间排队问题解析与应对策略"
    assert not any("To Top" in t for t in article.related)


def test_nothing_left_over(article):
    """Every non-blank line of the source is one of the parsed parts (or the page's 'To Top')."""
    parsed = {article.title, f"发布时间:{article.published}", article.intro, article.closing,
              RELATED_HEADER, *article.related, *TRAILING_CHROME}
    for cause in article.causes:
        parsed |= {f"{cause.number}. {cause.title}", cause.paragraph}
    lines = {line.strip() for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert lines - parsed == set()
    assert parsed - lines == set()


GOOD = SOURCE.read_text(encoding="utf-8")


@pytest.mark.parametrize("text, message", [
    (GOOD.replace("发布时间:", "日期:"), "line 3: expected the '发布时间:' line"),
    (GOOD.replace("  2. 分期额度", "  7. 分期额度"), "cause 7 is out of order"),
    (GOOD.replace("相关内容:", "更多内容:"), "expected '相关内容:'"),
    (GOOD.replace("借呗逾期暂无偿还能力时的协商还款指南", "  1. 借呗"), "unexpected line in the related list"),
    (GOOD + "\n宜享花申请被拒后的通知方式及处理办法\n", "duplicate related title"),
])
def test_changed_source_fails_with_the_line(text, message):
    with pytest.raises(DataError) as caught:
        parse_article(text, "docs/data/article.zh.txt")
    assert str(caught.value).startswith("docs/data/article.zh.txt: ")
    assert message in str(caught.value)
