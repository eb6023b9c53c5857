// The troubleshooter wizard: one question at a time, built from the tree the page carries as
// JSON (#hc-tree-data, generated from docs/data/troubleshooter.yml). Every step has its own URL
// hash (#q-<id> for a question, #r-<code> for a result), so the browser's back button works and
// any step can be linked. The nested list below the wizard holds the same tree without JS.
(function () {
  var root = document.querySelector("[data-hc-wizard]");
  var source = document.getElementById("hc-tree-data");
  if (!root || !source) return;
  var data = JSON.parse(source.textContent);
  var labels = data.labels;

  // The flow is a tree: every step has one parent, so a step's trail can be rebuilt from its id.
  var parent = Object.create(null);
  Object.keys(data.questions).forEach(function (id) {
    var question = data.questions[id];
    parent[question.yes] = { id: id, answer: "yes" };
    parent[question.no] = { id: id, answer: "no" };
  });

  function trail(step) {
    var out = [];
    while (parent[step]) {
      out.unshift(parent[step]);
      step = parent[step].id;
    }
    return out;
  }

  // A hash the wizard does not know (a section's, a typo, "#%", "#__proto__") is not a step.
  function own(table, key) { return Object.prototype.hasOwnProperty.call(table, key); }
  function stepFromHash() {
    var step;
    try {
      step = decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      return null; // malformed percent-encoding
    }
    return own(data.questions, step) || own(data.results, step) ? step : null;
  }

  function go(step) {
    history.pushState(null, "", "#" + step);
    render(step, true);
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function button(text, onClick, attrs) {
    var node = el("button", Object.assign({ type: "button", class: "md-button", text: text }, attrs));
    node.addEventListener("click", onClick);
    return node;
  }

  function render(step, moveFocus) {
    var path = trail(step);
    var question = own(data.questions, step) ? data.questions[step] : null;
    var result = own(data.results, step) ? data.results[step] : null;
    var heading;
    var body;

    if (question) {
      heading = el("h2", { tabindex: "-1", text: question.text });
      body = [
        el("p", { class: "hc-wizard__count", text: labels.step.replace("{n}", path.length + 1) }),
        heading,
        question.hint ? el("p", { class: "hc-wizard__hint", text: question.hint }) : null,
        el("div", { class: "hc-wizard__answers" }, [
          button(labels.yes, function () { go(question.yes); },
            { "data-answer": "yes", class: "md-button md-button--primary" }),
          button(labels.no, function () { go(question.no); }, { "data-answer": "no" }),
        ]),
      ];
    } else {
      heading = el("h2", { tabindex: "-1", text: labels.result + data.colon + result.title });
      body = [
        heading,
        el("p", { text: result.summary }),
        el("p", {}, [el("a", {
          class: "md-button md-button--primary hc-wizard__result",
          href: result.href, text: result.kind === "cause" ? labels.open_fix : result.title,
        })]),
      ];
    }

    var answers = path.map(function (entry) {
      return el("li", {}, [
        el("a", { href: "#" + entry.id, text: data.questions[entry.id].text }),
        document.createTextNode(" "),
        el("span", { class: "hc-wizard__answer", text: labels[entry.answer] }),
      ]);
    });
    var back = path.length ? path[path.length - 1].id : null;

    root.replaceChildren.apply(root, [
      answers.length ? el("ol", { class: "hc-wizard__trail", "aria-label": labels.trail }, answers) : null,
      el("div", { class: "hc-wizard__step", "aria-live": "polite" }, body),
      el("div", { class: "hc-wizard__nav" }, [
        back ? button(labels.back, function () { go(back); }, { "data-action": "back" }) : null,
        path.length ? button(labels.restart, function () { go(data.start); }, { "data-action": "restart" }) : null,
      ]),
      step === data.support || (result && result.kind === "support") ? null
        : el("p", { class: "hc-wizard__out" }, [
          document.createTextNode(labels.none + " "),
          el("a", { href: "#" + data.support, text: data.results[data.support].title }),
        ]),
    ].filter(Boolean));
    if (moveFocus) heading.focus();
  }

  // Links inside the wizard (trail, "none of these") change the hash; show that step.
  window.addEventListener("hashchange", function () {
    var step = stepFromHash();
    if (step) render(step, true);
  });
  window.addEventListener("popstate", function () {
    render(stepFromHash() || data.start, true);
  });

  var initial = stepFromHash();
  render(initial || data.start, Boolean(initial));
})();
