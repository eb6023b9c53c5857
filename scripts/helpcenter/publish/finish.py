"""The site's last steps, once every language's pages are written (hooks.on_post_build): the
redirect pages, each language's 404 page, one search index per language and our search worker;
then, for a site to publish, what a server needs besides the pages."""

from __future__ import annotations

import os
from pathlib import Path

from helpcenter import cache, urls
from helpcenter.model import HelpCenter
from helpcenter.publish.assets import drop_unloaded, fingerprint, minify, precompress
from helpcenter.publish.dates import SourceDates
from helpcenter.publish.search_index import language_index, root_config, split_index, write_index
from helpcenter.publish.search_pinyin import data_words, index_words, pinyin_table
from helpcenter.publish.search_worker import WORKERS, Worker, install_worker, write_data_script
from helpcenter.publish.serving import rules, write_all
from helpcenter.render.redirects import redirect_page, redirects
from helpcenter.render.templates import Templates


def write_redirects(site: Path, hc: HelpCenter, site_url: str, site_names: dict[str, str],
                    templates: Templates) -> None:
    """Short links (go/<code>/) and former slugs. No page can be there: the data forbids a former
    slug that is live, and docs/ holds no page but the causes and the generated ones."""
    for redirect in redirects(hc):
        path = site / redirect.source / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(redirect_page(redirect, hc, site_url, site_names[redirect.lang], templates), encoding="utf-8")


def write_search(site: Path, hc: HelpCenter, page_urls: dict[str, dict[str, str]], worker: Worker) -> None:
    """static-i18n has written one index for all languages: one per language, reworked
    (publish/search_index.py), each with its topics' part and its pinyin table beside the worker
    (search_pinyin.py);
    and the worker that reads them."""
    langs = hc.langs
    config_json = root_config(site)
    docs = split_index(site, [langs.prefix(lang) for lang in langs.others])
    for lang in langs.codes:
        prefix = langs.prefix(lang)
        pages = {name: page_urls[lang][name][len(prefix):] for name in ("topics", "contact")}
        index, topics = language_index(config_json, docs[prefix], hc, lang, **pages)
        words = index_words(index["docs"] + topics, config_json["separator"]) | data_words(hc.search[lang])
        hc_data = index["config"]["hc"]
        hc_data["pinyin"] = write_data_script(site / WORKERS, f"pinyin-{lang}", "HCPinyinTable", pinyin_table(words))
        hc_data["topics"] = write_data_script(site / WORKERS, f"topics-{lang}", "HCTopics", topics)
        write_index(site, prefix, index)
    install_worker(site, worker)


def write_events_file(site: Path) -> None:
    """Where pages send readers' events: nginx answers it (serving.py); a static host, or `mkdocs
    serve`, serves this empty file, so an event is dropped there without an error."""
    (site / urls.EVENTS).parent.mkdir(parents=True, exist_ok=True)
    (site / urls.EVENTS).write_bytes(b"")


def for_servers(site: Path, hc: HelpCenter, site_url: str, dates: SourceDates) -> None:
    """What a server needs besides the pages: robots.txt, none of Material's files that no page
    loads, stylesheets and scripts without what only their editors read, hashed asset names, the
    server rules and precompressed copies (assets.py, serving.py); every file dated by the newest
    commit, which servers send as Last-Modified and in the ETag."""
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n", encoding="utf-8")

    drop_unloaded(site, root_config(site)["lang"])
    minify(site)
    fingerprint(site)
    write_all(rules(hc, site, site_url), site)
    precompress(site)
    cache.prune()
    stamp = dates.newest()
    if stamp is not None:
        for path in site.rglob("*"):
            os.utime(path, (stamp, stamp), follow_symlinks=False)
