// A permanent link's page (go/<code>/, a former slug; overrides/partials/hc/redirect.html) sends the
// reader on at once, keeping the #section the link carried. A file rather than an inline script,
// so that the site's Content-Security-Policy allows no inline script of ours.
location.replace(document.currentScript.dataset.target + location.hash);
