"""Every data file and cause page source, read and checked into one HelpCenter before anything is
written: bad input stops the build with one line before the site folder is touched."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from helpcenter import urls
from helpcenter.languages import Languages
from helpcenter.load.article import load_article
from helpcenter.load.causes import load_causes, load_translation
from helpcenter.load.feedback import load_feedback
from helpcenter.load.fields import Translated
from helpcenter.load.search_words import load_search_words, normalize
from helpcenter.load.site_words import load_site
from helpcenter.load.support import load_support
from helpcenter.load.topics import load_topics
from helpcenter.load.troubleshooter import load_tree
from helpcenter.model import HelpCenter


def load_helpcenter(docs_dir: Path, langs: Languages,
                    excluded=lambda rel: rel.rsplit("/", 1)[-1].startswith(".")) -> HelpCenter:
    """`excluded(path below docs/)`: whether MkDocs leaves a file out (mkdocs.yml's exclude_docs:
    an editor's backup), so that a file of docs/causes/ need not be a page."""
    def name(rel: str) -> str:
        return f"{docs_dir.name}/{rel}"

    source = urls.article_source(langs.default)
    article = load_article(docs_dir / source, name(source))
    translations = {lang: load_translation(docs_dir, name, lang, article, langs) for lang in langs.others}
    article_text = {
        key: Translated({langs.default: getattr(article, key),
                         **{lang: t.get(key, getattr(article, key)) for lang, t in translations.items()}},
                        frozenset(lang for lang, t in translations.items() if key not in t))
        for key in ("title", "intro", "closing")
    }
    site = load_site(docs_dir / urls.SITE, name(urls.SITE), langs)
    causes = load_causes(docs_dir, name, langs, article, translations, excluded)
    codes = {c.code for c in causes}
    hc = HelpCenter(
        langs=langs,
        article=article,
        article_text=article_text,
        causes=causes,
        sections=site.sections,
        question=site.question,
        labels=site.labels,
        colon=site.styles["colon"],
        numbers=site.styles["numbers"],
        formal=site.styles["formal"],
        full_width=frozenset(lang for lang, on in site.styles["full_width"].items() if on),
        locales=site.styles["locale"],
        link_hosts=site.link_hosts,
        tree=load_tree(docs_dir / urls.TREE, name(urls.TREE), tuple(c.code for c in causes), langs),
        topics=load_topics(docs_dir / urls.TOPICS, name(urls.TOPICS), article.related, codes, langs),
        support=load_support(docs_dir / urls.SUPPORT, name(urls.SUPPORT), langs),
        feedback_reasons=load_feedback(docs_dir / urls.FEEDBACK, name(urls.FEEDBACK), langs),
    )
    corpus = {lang: normalize(" ".join(_searchable_text(hc, lang))) for lang in langs.codes}
    return replace(hc, search=load_search_words(docs_dir / urls.SEARCH, name(urls.SEARCH), corpus, langs))


def _searchable_text(hc: HelpCenter, lang: str):
    """Everything of a language that its search index is made from (for checking synonyms)."""
    yield hc.question[lang]
    for text in hc.article_text.values():
        yield text[lang]
    yield from (labels[lang] for labels in hc.labels.values())
    yield from (s.name[lang] for s in hc.sections)
    for cause in hc.causes:
        yield cause.summary[lang]
        yield cause.paragraph.get(lang, "")
        yield from cause.sections[lang].values()
        for other in hc.langs.codes:  # every language's titles and keywords are in each index
            yield cause.title[other]
            yield from cause.keywords[other]
    for topic in hc.topics.topics:
        yield topic.title[lang]
    yield from (n.name[lang] for n in (*hc.topics.themes, *hc.topics.platforms))
