"""Permanent links: short links go/<code>/ and redirects from a cause's former slugs.

Each is a small static page (overrides/partials/hc/redirect.html): a canonical link, a script that
keeps the #section, a meta refresh for browsers without JavaScript and the tags of a link
preview; servers the build configures answer them with a 301 (publish/serving.py). Written by the hook after
the last language's build. (mkdocs-redirects would write similar pages, but it resolves targets
before static-i18n moves pages under en/ and points English redirects at the wrong place:
mkdocs-redirects issues #33, #63.)
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from helpcenter import urls
from helpcenter.model import Cause, HelpCenter
from helpcenter.render.sharing import share_tags
from helpcenter.render.templates import Templates, render

REDIRECT_SCRIPT = "assets/javascripts/redirect.js"


@dataclass(frozen=True)
class Redirect:
    source: str  # folder below the site root, e.g. "en/go/fq-02/"
    target: str  # page folder, e.g. "en/causes/installment-limit/"
    cause: Cause
    lang: str


def redirects(hc: HelpCenter) -> list[Redirect]:
    out = []
    for lang in hc.langs.codes:
        prefix = hc.langs.prefix(lang)
        for cause in hc.causes:
            target = urls.cause_page(cause.slug, prefix)
            out += [Redirect(prefix + path, target, cause, lang) for path in urls.short_links(cause.code)]
            out += [Redirect(urls.cause_page(old, prefix), target, cause, lang) for old in cause.former_slugs]
    return out


def redirect_page(redirect: Redirect, hc: HelpCenter, site_url: str, site_name: str, templates: Templates) -> str:
    relative = posixpath.relpath(redirect.target, redirect.source) + "/"
    script = posixpath.relpath(REDIRECT_SCRIPT, redirect.source)
    cause, lang = redirect.cause, redirect.lang
    title = f"{cause.code}{hc.colon[lang]}{cause.title[lang]}"
    canonical = site_url + redirect.target
    share = share_tags(hc, lang, title=title, description=cause.summary[lang], url=canonical,
                       site_name=site_name, site_url=site_url)
    return render(templates.redirect.page, lang, title, canonical, relative, script, share)
