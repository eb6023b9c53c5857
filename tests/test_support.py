"""The contact path: docs/data/support.yml checked (bad channels stop the build with one line),
the contact page unset and set, and the one tap to it from every cause page, on a phone."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup
from helpcenter.errors import DataError
from helpcenter.load.support import load_support
from support.projects import SUPPORT_EXAMPLE as EXAMPLE
from support.site import LANGS, LANGUAGES, PREFIX

NAME = "docs/data/support.yml"


def load(tmp_path, data):
    path = tmp_path / "support.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_support(path, NAME, LANGUAGES)


def channel(**change) -> dict:
    return {"operator": None, "channels": [{**EXAMPLE["channels"][0], **change}]}


def test_unset_and_set(tmp_path):
    assert load(tmp_path, {"operator": None, "channels": []}).unset() == ["channels", "operator"]
    support = load(tmp_path, EXAMPLE)
    assert support.unset() == []
    assert [c.shown_address for c in support.for_language("en")] == ["+86 000 0000 0000", "support.example.com/form"]


@pytest.mark.parametrize("change, message", [
    ({"address": "http://support.example.com"}, "channel 'phone': 'address' must be a phone number as tel:+86… "
     "or a web page as https://…, found 'http://support.example.com'"),
    ({"address": "javascript:alert(1)"}, "channel 'phone': 'address' must be a phone number as tel:+86… "
     "or a web page as https://…, found 'javascript:alert(1)'"),
    ({"address": "400-000-0000"}, "channel 'phone': 'address' must be a phone number as tel:+86… "
     "or a web page as https://…, found '400-000-0000'"),
    ({"address": "tel:call us"}, "channel 'phone': 'address' must be a phone number as tel:+86… "
     "or a web page as https://…, found 'tel:call us'"),
    ({"name": {"zh": "电话"}}, "channel 'phone': missing 'name.en' (the channel is listed in en)"),
    ({"for": {"en": "Orders"}}, "channel 'phone': missing 'for.zh'"),
    ({"name": {"zh": "", "en": "Phone"}}, "channel 'phone': 'name.zh' must be non-empty text"),
    ({"name": {"zh": "   ", "en": "Phone"}}, "channel 'phone': 'name.zh' must be non-empty text"),
    ({"id": "ready"}, "channel 'ready': 'id' 'ready' is taken by the contact page itself; choose another"),
    ({"id": "Phone Line"}, "channel 'Phone Line': 'id' must be a lower-case slug (it becomes the anchor #<id>)"),
    ({"languages": ["fr"]}, "channel 'phone': 'languages' names 'fr', which is not a language of the site"),
    ({"email": "x@example.com"}, "channel 'phone': unknown field 'email'"),
])
def test_a_bad_channel_fails_with_one_line(tmp_path, change, message):
    with pytest.raises(DataError) as caught:
        load(tmp_path, channel(**change))
    assert str(caught.value) == f"{NAME}: {message}"
    assert "\n" not in str(caught.value)


def test_an_unknown_key_and_a_missing_address(tmp_path):
    with pytest.raises(DataError, match=r"^docs/data/support.yml: unknown field 'phone'$"):
        load(tmp_path, {"phone": "400"})
    data = channel()
    del data["channels"][0]["address"]
    with pytest.raises(DataError, match=r"^docs/data/support.yml: channel 'phone': missing 'address'$"):
        load(tmp_path, data)


def contact_page(site, lang) -> BeautifulSoup:
    return BeautifulSoup((site / PREFIX[lang] / "contact/index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", LANGS)
def test_unset_the_page_says_so_and_the_build_names_it(build, helpcenter, lang):
    page = contact_page(build.site, lang)
    assert page.select_one(".hc-contact-unset").get_text(" ", strip=True).startswith(
        helpcenter.labels["contact_unset"][lang])
    assert not page.select('a[href^="tel:"]')
    notice = [line for line in build.log.splitlines() if "docs/data/support.yml" in line]
    assert len(notice) == 1 and "not set yet: channels, operator" in notice[0], build.log


def test_set_the_page_lists_each_channel_and_every_page_names_the_operator(changed):
    """The changed project (conftest.py) has the example's channels and operator."""
    assert "support.yml" not in changed.log  # nothing unset, nothing to say
    for lang in LANGS:
        page = contact_page(changed.site, lang)
        assert not page.select(".hc-contact-unset")
        links = [(a["href"], a.get_text()) for a in page.select(".hc-channel__address a")]
        assert links == [("tel:+86 000 0000 0000", "+86 000 0000 0000"),
                         ("https://support.example.com/form", "support.example.com/form")]
        assert page.select_one("#phone .hc-channel__name").get_text() == EXAMPLE["channels"][0]["name"][lang]
        home = BeautifulSoup((changed.site / PREFIX[lang] / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert EXAMPLE["operator"][lang] in home.select_one(".hc-about").get_text()


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_the_contact_page_is_one_tap_from_every_cause_page_on_a_phone(browser, base_url, helpcenter, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    for cause in helpcenter.causes:
        tab.goto(f"{base_url}{PREFIX[lang]}causes/{cause.slug}/")
        link = tab.locator("article a.hc-contact-link")
        assert link.count() == 1
        link.tap()
        tab.wait_for_url(f"{base_url}{PREFIX[lang]}contact/")
        assert tab.locator("article h1").inner_text().rstrip("¶").strip() == helpcenter.labels["contact_title"][lang]
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_says_what_the_site_is(site, page_paths, helpcenter, lang):
    for path in page_paths[lang]:
        page = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert page.select_one(".hc-about").get_text(strip=True) == helpcenter.labels["about_site"][lang], path
