// Help-center behaviour on top of Material. Loaded as a plain script after Material's bundle,
// so it runs before DOMContentLoaded.

// Material looks for sitemap.xml beside every <link rel="alternate"> in <head>, expecting
// language roots there, to map pages between languages. Ours are per-page hreflang links for
// search engines: beside them there is no sitemap, so each look-up would 404 (or, when the site is
// served away from site_url, leave this host). Fail those look-ups here, before any request.
(function () {
  var targets = new Set();
  document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) {
    targets.add(new URL("sitemap.xml", link.href).href);
  });
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.hcSkip = targets.has(new URL(String(url), location.href).href);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.hcSkip) return send.apply(this, arguments);
    var xhr = this;
    setTimeout(function () { xhr.dispatchEvent(new ProgressEvent("error")); });
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
