// Help-center behaviour on top of Material. Loaded as a plain script at the end of the page,
// just before Material's bundle (overrides/main.html), so that it can hold back requests Material
// makes as it starts; everything else here only needs the page's elements.

// Two of Material's requests are held back here, before its components start:
// - It looks for sitemap.xml beside every <link rel="alternate"> in <head>, expecting language
//   roots there, to map pages between languages. Ours are per-page hreflang links for search
//   engines: beside them there is no sitemap, so each look-up would 404 (or, when the site is
//   served away from site_url, leave this host). Those look-ups fail here, before any request.
// - It loads the search index and starts the search worker as the page opens. A reader who never
//   searches needs neither: the index is requested once the reader turns to search (the search
//   box gets focus or is opened), and the worker's script at the same time.
(function () {
  var targets = new Set();
  document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) {
    targets.add(new URL("sitemap.xml", link.href).href);
  });
  var searching = new Promise(function (start) {
    function intent(event) {
      if (event.target.closest && event.target.closest(".md-search, label[for='__search']")) start();
    }
    document.addEventListener("focusin", intent);
    document.addEventListener("pointerdown", intent);
    document.addEventListener("change", function (event) {
      if (event.target.id === "__search" && event.target.checked) start();
    });
  });
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var href = new URL(String(url), location.href);
    this.hcSkip = targets.has(href.href);
    this.hcIndex = /\/search\/search_index\.json$/.test(href.pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (xhr.hcIndex) return void searching.then(function () { send.apply(xhr, args); });
    if (!xhr.hcSkip) return send.apply(xhr, args);
    setTimeout(function () { xhr.dispatchEvent(new ProgressEvent("error")); });
  };

  // The search worker (Material's page config names it) as a stand-in that starts the real one
  // when the reader turns to search (its script then loads beside the index) and passes messages
  // both ways; any other worker as it is.
  var config = document.getElementById("__config");
  var search = config && JSON.parse(config.textContent).search;
  var Real = window.Worker;
  if (!search || !Real) return;
  search = new URL(search, location.href).href;
  window.Worker = function (url, options) {
    if (new URL(String(url), location.href).href !== search) return new Real(url, options);
    var stand = new EventTarget(), real = null;
    function pass(type) {
      real.addEventListener(type, function (event) {
        var copy = type === "error" ? new ErrorEvent("error", { message: event.message })
          : new MessageEvent(type, { data: event.data });
        stand.dispatchEvent(copy);
        if (typeof stand["on" + type] === "function") stand["on" + type](copy);
      });
    }
    function start() {
      if (real) return;
      real = new Real(url, options);
      ["message", "messageerror", "error"].forEach(pass);
    }
    searching.then(start);
    stand.postMessage = function (message, transfer) {
      start();
      real.postMessage(message, transfer);
    };
    stand.terminate = function () { if (real) real.terminate(); };
    return stand;
  };
})();

// Material's search overlay has role="dialog" but no name; give it the search field's label
// (already in the page's language) so screen readers announce what opened.
(function () {
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var field = dialog && dialog.querySelector("input.md-search__input");
  if (dialog && field && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", field.getAttribute("aria-label") || field.placeholder);
  }
})();

// Keep the #section when switching language: a cause page has the same section ids in both
// languages, so /causes/x/#fix leads to /en/causes/x/#fix.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (!link || !location.hash) return;
  var url = new URL(link.getAttribute("href"), location.href);
  url.hash = location.hash;
  link.href = url.href;
});

// Copying: a "copy link" button on a cause page's title and on each section heading (it copies
// the cause's short link, with the section), and the agent page's short links and replies. The labels
// come from the page (.hc-copy-config, data-copied), in the page's language.
(function () {
  var live = document.createElement("div");
  live.className = "hc-visually-hidden";
  live.setAttribute("aria-live", "polite");
  document.body.appendChild(live);

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }
  window.hcCopy = copy;  // for the wizard's script (troubleshooter.js), which loads after this one

  // Say that it was copied: on the button (where it has words) and to screen readers.
  // A button whose name goes on past its visible word ("复制" + "“解决办法”的短链接", read by
  // screen readers) changes only that word.
  function confirm(button, shortText, announcement) {
    var shown = button.querySelector(".hc-copy-text") || button;
    var original = button.dataset.label || shown.textContent;
    button.dataset.label = original;
    if (shortText) shown.textContent = shortText;
    button.classList.add("hc-copied");
    live.textContent = announcement;
    clearTimeout(button.hcTimer);
    button.hcTimer = setTimeout(function () {
      if (shortText) shown.textContent = original;
      button.classList.remove("hc-copied");
    }, 2000);
  }

  // Addresses are written for site_url (canonical links, the agent page). Shown and copied, they
  // use the address the site is served from, so that a preview or a second deployment hands out
  // links that work there. What the page's canonical URL and its address share at their end is
  // the page's path in the site; what comes before is each root.
  var served = (function () {
    var canonical = document.querySelector('link[rel="canonical"]');
    var same = function (url) { return url; };
    if (!canonical) return same;
    var published = canonical.href.split("#")[0].split("/");
    var here = (location.origin + location.pathname).split("/");
    while (published.length > 3 && here.length > 3 && published[published.length - 1] === here[here.length - 1]) {
      published.pop();
      here.pop();
    }
    var from = published.join("/") + "/", to = here.join("/") + "/";
    if (from === to) return same;
    return function (url) { return url.split(from).join(to); };
  })();
  document.querySelectorAll("article a[href]").forEach(function (link) {
    if (!(link instanceof HTMLAnchorElement)) return;  // the flowchart's SVG links are relative
    var href = served(link.href);
    if (href === link.href) return;
    link.href = href;
    var code = link.querySelector("code");
    if (code) code.textContent = served(code.textContent);
  });
  document.querySelectorAll("article .hc-reply__text").forEach(function (reply) {
    reply.textContent = served(reply.textContent);
  });

  // Each label is JSON: its text, or [text, name, text, ...] to fill (render.py: script_label).
  function readLabels(element) {
    var labels = {};
    Object.keys(element.dataset).forEach(function (key) { labels[key] = JSON.parse(element.dataset[key]); });
    return labels;
  }
  function fill(label, values) {
    if (typeof label === "string") return label;
    return label.map(function (part, i) { return i % 2 ? String(values[part]) : part; }).join("");
  }

  // A cause page: the button by the title and by each section copies the cause's short link
  // (with the section: …/go/fq-02/#fix), on the address the site is served from; a second
  // item, shown after copying, copies the page's full address.
  var config = document.querySelector(".hc-copy-config");
  if (config) {
    var labels = readLabels(config);
    var shortLink = new URL(labels.shortLink, location.href).href;
    var fullAddress = location.origin + location.pathname;
    var menu = null;
    var closeMenu = function () {
      if (menu) menu.remove();
      menu = null;
    };
    document.addEventListener("keydown", function (event) { if (event.key === "Escape") closeMenu(); });
    document.addEventListener("click", function (event) {
      if (menu && !menu.contains(event.target) && !event.target.closest(".hc-copy-link")) closeMenu();
    });
    // A link icon (Material's own "link" glyph), named in the page's language.
    var icon = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0 0 10h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 13h8v-2H8zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 0-10"/></svg>';
    document.querySelectorAll("article h1[id], article h2[id]").forEach(function (heading) {
      var hash = heading.tagName === "H1" ? "" : "#" + heading.id;
      var url = shortLink + hash;
      var name = heading.firstChild ? heading.firstChild.textContent.trim() : "";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "hc-copy-link";
      button.innerHTML = icon;
      button.title = labels.copyLink;
      button.setAttribute("aria-label", fill(labels.copyLinkTo, { heading: name }));
      button.dataset.url = url;
      button.addEventListener("click", function () {
        copy(url).then(function () {
          confirm(button, null, fill(labels.copiedLink, { url: url }));
          closeMenu();
          menu = document.createElement("div");
          menu.className = "hc-copy-menu";
          var shown = document.createElement("span");
          shown.className = "hc-copy-menu__url";
          shown.textContent = url;
          var full = document.createElement("button");
          full.type = "button";
          full.className = "hc-copy-menu__full";
          full.textContent = labels.copyFullLink;
          full.dataset.url = fullAddress + hash;
          full.addEventListener("click", function () {
            copy(full.dataset.url).then(function () {
              shown.textContent = full.dataset.url;
              confirm(full, null, fill(labels.copiedLink, { url: full.dataset.url }));
            });
          });
          menu.append(shown, full);
          heading.appendChild(menu);
        });
      });
      heading.classList.add("hc-has-copy");
      heading.appendChild(button);
    });
  }

  // The agent page's short links.
  document.querySelectorAll("button[data-hc-copy-url]").forEach(function (button) {
    var url = served(button.dataset.hcCopyUrl);
    if (button.hasAttribute("aria-label")) button.setAttribute("aria-label", served(button.getAttribute("aria-label")));
    button.addEventListener("click", function () {
      copy(url).then(function () { confirm(button, button.dataset.copiedText, served(button.dataset.copied)); });
    });
  });

  document.querySelectorAll("button[data-hc-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var source = document.getElementById(button.dataset.hcCopy);
      copy(source.textContent).then(function () {
        confirm(button, button.dataset.copied, button.dataset.copied);
      });
    });
  });
})();

// Chinese is segmented for the search index with zero-width spaces; take them out of the
// results shown, so that copied result text is clean.
(function () {
  var list = document.querySelector(".md-search-result__list");
  if (!list) return;
  function clean(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeValue.indexOf("\u200b") !== -1) node.nodeValue = node.nodeValue.replace(/\u200b/g, "");
    }
  }
  new MutationObserver(function () { clean(list); }).observe(list, { childList: true, subtree: true });
})();

// Search on every change of the text. Material reads the box on keyup only, so pasting, or an
// input method committing a word, would not search until another key; pass such changes on as
// a keyup. While an input method composes, the box holds pinyin: wait for the commit.
(function () {
  var field = document.querySelector("input.md-search__input");
  if (!field) return;
  function changed() { field.dispatchEvent(new KeyboardEvent("keyup")); }
  field.addEventListener("input", function (event) { if (!event.isComposing) changed(); });
  field.addEventListener("compositionend", changed);
})();

// When the search worker finds the question outside what the site covers (it says so on the
// "hc-search" channel, search_query.js beside this file), or no cause page (nor the contact
// page, which answers "客服电话") is among the results,
// say that the site may not answer it and offer the troubleshooter and support (#hc-search-help,
// in the page's language). When the first result comes from a correction (a typo, pinyin), say
// what was searched (#hc-search-corrected).
(function () {
  var template = document.getElementById("hc-search-help");
  var result = document.querySelector(".md-search-result");
  var field = document.querySelector("input.md-search__input");
  if (!template || !result || !field) return;
  var list = result.querySelector(".md-search-result__list");
  var help = template.content.firstElementChild.cloneNode(true);
  var answers = template.dataset.answers.split(" ").map(function (path) { return new URL(path, location.href).href; });
  var config = document.getElementById("__config");
  var waiting = config ? JSON.parse(config.textContent).translations["search.result.placeholder"] : "";
  var lang = document.documentElement.lang;
  var uncovered = {}, corrected = {};
  var fixed = document.getElementById("hc-search-corrected");
  var line = fixed && fixed.content.firstElementChild.cloneNode(true);
  help.hidden = true;
  result.insertBefore(help, list);
  if (line) {
    line.hidden = true;
    result.insertBefore(line, help);
  }
  function update() {
    var meta = result.querySelector(".md-search-result__meta").textContent.trim();
    var query = field.value;
    var answered = meta !== "" && meta !== waiting;
    var links = list.querySelectorAll("a[href]");
    var answer = Array.prototype.some.call(links, function (a) {
      return answers.some(function (prefix) { return a.href.indexOf(prefix) === 0; });
    });
    help.hidden = query.trim() === "" || !answered || (answer && !uncovered[query]);
    if (line) { // changed only when it changes: this runs on every change below `result`
      var hide = !help.hidden || !answered || !corrected[query], shown = line.querySelector("strong");
      if (line.hidden !== hide) line.hidden = hide;
      if (!hide && shown.textContent !== corrected[query]) shown.textContent = corrected[query];
    }
  }
  if (typeof BroadcastChannel === "function") {
    new BroadcastChannel("hc-search").addEventListener("message", function (event) {
      if (!event.data || event.data.lang !== lang) return;
      uncovered[event.data.query] = event.data.uncovered;
      corrected[event.data.query] = event.data.corrected;
      update();
    });
  }
  new MutationObserver(update).observe(result, { childList: true, subtree: true, characterData: true });
  field.addEventListener("input", update);
})();

// Events for the help team: what readers search, which causes they reach, what they find
// helpful. Sent to this site's own address and nowhere else (_hc/event, beside the pages: nginx
// answers 204 and writes each as a JSON line, publish/serving.py; a static host answers with the
// empty file the build puts there, so nothing shows as an error). As a GET with the event in its
// query: a POST (sendBeacon) would be refused, with a console error, by every static host. No
// cookie, no identifier; nothing at all where the reader asks not to be tracked (Do Not Track,
// Global Privacy Control). A query is cut to 100 characters and its digit runs that could be a
// phone, order or card number are masked before it leaves the page. At most 20 per page view.
window.hcEvents = (function () {
  var script = document.currentScript;
  var address = script && script.dataset.hcEvents;
  var lang = document.documentElement.lang;
  var off = navigator.doNotTrack === "1" || window.doNotTrack === "1" || navigator.globalPrivacyControl === true;
  function query(text) {
    return String(text || "").replace(/\s+/g, " ").trim().toLowerCase()
      .replace(/\d[\d -]{3,}\d/g, "#").slice(0, 100);
  }
  var left = 20; // events one page view may send: a reader's few, never a flood
  function send(event) {
    if (off || !address || left <= 0) return;
    left -= 1;
    event.lang = lang;
    var url = address + "?e=" + encodeURIComponent(JSON.stringify(event));
    try {
      fetch(url, { keepalive: true, cache: "no-store", credentials: "omit" }).catch(function () {});
    } catch (error) { /* a browser without fetch: no event */ }
  }
  return { send: send, query: query };
})();

// "Did this solve your problem?" (partials/hc/feedback.html): yes thanks the reader; no asks why
// (docs/data/feedback.yml) and offers the contact page. One event per answer: a "no" is sent
// with its reason, or without one when the reader leaves the page first. The answer is kept in
// this browser (localStorage), so the question is not asked again on that page.
window.hcFeedback = function (widget) {
  var key = "hc-feedback:" + document.documentElement.lang + ":" + widget.dataset.hcFeedback;
  var choices = widget.querySelector(".hc-feedback__choices");
  var reasons = widget.querySelector(".hc-feedback__reasons");
  var done = widget.querySelector(".hc-feedback__done");
  var contact = widget.querySelector(".hc-feedback__contact");
  var pending = null;
  function remember(value) { try { localStorage.setItem(key, value); } catch (error) { /* private mode */ } }
  function recalled() { try { return localStorage.getItem(key); } catch (error) { return null; } }
  function show(vote) {
    choices.querySelectorAll("button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.vote === vote));
      button.disabled = true;
    });
    reasons.hidden = true;
    done.textContent = vote === "yes" ? done.dataset.yes : done.dataset.no;
    contact.hidden = vote !== "no";
  }
  function flush(reason) {
    if (!pending) return;
    window.hcEvents.send({ type: "feedback", page: widget.dataset.hcFeedback, vote: pending, reason: reason || null });
    remember(pending);
    show(pending);
    pending = null;
  }
  var before = recalled();
  if (before === "yes" || before === "no") return show(before);
  choices.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-vote]");
    if (!button || button.disabled) return;
    pending = button.dataset.vote;
    if (pending === "yes") return flush(null);
    choices.querySelectorAll("button").forEach(function (other) {
      other.setAttribute("aria-pressed", String(other === button));
    });
    reasons.hidden = false;
    reasons.querySelector("button").focus();
  });
  reasons.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-reason]");
    if (button) flush(button.dataset.reason);
  });
  window.addEventListener("pagehide", function () { flush(null); });
};
document.querySelectorAll("[data-hc-feedback]").forEach(window.hcFeedback);

// One search event per search: when the reader opens a result, or leaves the search box with a
// query in it; never per keystroke. It says how many cause pages the results held, whether the
// "not covered" note showed, and the result opened with its rank.
(function () {
  var field = document.querySelector("input.md-search__input");
  var result = document.querySelector(".md-search-result");
  if (!field || !result) return;
  var sent = "";
  var timer = 0;
  function links() { return Array.prototype.slice.call(result.querySelectorAll(".md-search-result__item > a[href]")); }
  function report(opened) {
    clearTimeout(timer);
    var query = window.hcEvents.query(field.value);
    if (!query || (query === sent && !opened)) return;
    sent = query;
    var all = links();
    var help = result.querySelector(".hc-search-help");
    var event = {
      type: "search", query: query,
      causes: all.filter(function (a) { return /\/causes\/[^/]+\/(#|$)/.test(new URL(a.href).pathname + new URL(a.href).hash); }).length,
      uncovered: Boolean(help && !help.hidden), opened: null, rank: null,
    };
    if (opened) {
      var url = new URL(opened.href);
      event.opened = url.pathname + url.hash;
      event.rank = all.indexOf(opened) + 1;
    }
    window.hcEvents.send(event);
  }
  result.addEventListener("click", function (event) {
    var link = event.target.closest(".md-search-result__item > a[href]");
    if (link) report(link);
  }, true);
  // Leaving the box: a click on a result first takes the focus away, so wait for that click.
  field.addEventListener("blur", function () { timer = setTimeout(function () { report(null); }, 400); });
  field.addEventListener("focus", function () { clearTimeout(timer); });
  window.addEventListener("pagehide", function () { report(null); });
})();
