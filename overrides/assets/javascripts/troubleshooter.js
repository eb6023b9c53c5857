// The troubleshooter wizard: one question at a time, from the data the page carries as JSON
// (#hc-tree-data, generated from docs/data/troubleshooter.yml). Each question is answered yes,
// no or not sure; "no" rules out the cause it is about. Every step has its own URL hash
// (#q-<id> for a question, #r-<code> for a cause, #r-check for the causes still possible,
// #r-support when none fits), and each history entry keeps the answers given on the way (the
// trail), so Back, the browser's Back and a reload follow the shopper's own path. The list below
// the wizard holds the same questions without JavaScript. After each answer the new step is
// brought into view (the trail above it stays folded), so a phone never loses the question.
(function () {
  var root = document.querySelector("[data-hc-wizard]");
  var source = document.getElementById("hc-tree-data");
  if (!root || !source) return;
  var data = JSON.parse(source.textContent);
  var labels = data.labels;
  var ANSWERS = ["yes", "no", "unsure"];
  var causeOf = Object.create(null); // result anchor -> cause code
  Object.keys(data.causes).forEach(function (code) { causeOf[data.causes[code].anchor] = code; });

  function own(table, key) { return Object.prototype.hasOwnProperty.call(table, key); }
  // A label with placeholders comes as [text, name, text, ...] (render.py: script_label).
  function fill(label, values) {
    return label.map(function (part, i) { return i % 2 ? String(values[part]) : part; }).join("");
  }

  // A hash the wizard does not know (a section's, a typo, "#%", "#__proto__") is not a step.
  function isStep(step) {
    return own(data.questions, step) || own(causeOf, step) || step === data.end || step === data.support;
  }
  function stepFromHash() {
    var step;
    try {
      step = decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      return null; // malformed percent-encoding
    }
    return isStep(step) ? step : null;
  }

  // The answers given on the way to the current step, as this history entry keeps them.
  function trailOf(state) {
    var trail = state && Array.isArray(state.hcTrail) ? state.hcTrail : [];
    return trail.filter(function (entry) {
      return entry && own(data.questions, entry.q) && ANSWERS.indexOf(entry.a) !== -1;
    });
  }

  // The causes the answers did not rule out, quickest to check first (data.order).
  function remaining(trail) {
    var out = Object.create(null);
    trail.forEach(function (entry) { if (entry.a === "no") out[data.questions[entry.q].about] = true; });
    return data.order.filter(function (code) { return !out[code]; });
  }

  // Where a path ends, as the help team's events and report name it: a cause's code, "check"
  // (the causes still possible) or "support"; null for a question.
  function endOf(step) {
    return own(causeOf, step) ? causeOf[step] : step === data.end ? "check" : step === data.support ? "support" : null;
  }

  function go(step, trail) {
    history.pushState({ hcTrail: trail }, "", "#" + step);
    render(step, trail, true);
    var end = endOf(step);
    if (end && window.hcEvents) {
      window.hcEvents.send({ type: "tree", end: end, answers: trail.map(function (entry) { return entry.q + ":" + entry.a; }) });
    }
  }

  function answer(question, choice, trail) {
    var next = trail.concat([{ q: question, a: choice }]);
    var step = data.questions[question][choice];
    if (step === data.end && remaining(next).length === 0) step = data.support;
    go(step, next);
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

  function link(text, href, attrs) { return el("a", Object.assign({ href: href, text: text }, attrs)); }

  // What to tell support, from the answers given: each answer (and what a "no" ruled out), the
  // causes not ruled out yet, and what to have ready.
  function supportLines(trail) {
    var lines = trail.map(function (entry) {
      var question = data.questions[entry.q];
      if (entry.a === "no") {
        return fill(labels.support_ruled_out, {
          cause: data.causes[question.about].title, question: question.text, answer: labels.no,
        });
      }
      return entry.a === "unsure" ? fill(labels.support_unsure, { unsure: labels.unsure, question: question.text })
        : fill(labels.support_answer, { question: question.text, answer: labels.yes });
    });
    var open = remaining(trail);
    if (open.length) {
      lines.push(fill(labels.support_open, {
        causes: open.map(function (code) { return data.causes[code].title; }).join(data.separator),
      }));
    }
    return lines.concat([labels.support_amount, labels.support_message]);
  }

  // "Step 2 of up to 6": how many questions can follow depends on the answers; at the last one,
  // "Step 6 of 6".
  function count(id, trail) {
    var n = trail.length + 1, most = data.questions[id].most;
    return most === 1 ? fill(labels.step, { n: n, total: n }) : fill(labels.step_most, { n: n, total: n + most - 1 });
  }

  function contactLink(primary) {
    return link(labels.contact_link, data.contact, {
      class: primary ? "md-button md-button--primary hc-contact-link" : "hc-contact-link", "data-action": "contact",
    });
  }

  function questionStep(id, trail) {
    var question = data.questions[id];
    var heading = el("h2", { tabindex: "-1", text: question.text });
    var body = [
      el("p", { class: "hc-wizard__count", text: count(id, trail) }),
      heading,
      question.hint ? el("p", { class: "hc-wizard__hint", text: question.hint }) : null,
      el("div", { class: "hc-wizard__answers" }, ANSWERS.map(function (choice) {
        return button(labels[choice], function () { answer(id, choice, trail); }, {
          "data-answer": choice, class: "md-button hc-wizard__choice",
        });
      })),
    ];
    return { heading: heading, body: body };
  }

  function causeStep(code) {
    var cause = data.causes[code];
    var heading = el("h2", { tabindex: "-1", text: labels.result + data.colon + cause.title });
    return { heading: heading, body: [heading, el("p", { text: cause.summary }), el("p", { class: "hc-wizard__actions" }, [
      link(labels.open_fix, cause.fix, { class: "md-button md-button--primary hc-wizard__result" }),
      link(labels.open_check, cause.check, { class: "md-button" }),
    ]), el("p", {}, [contactLink(false)])] };
  }

  // The causes still possible, each with the question that confirms it and what checking takes.
  function remainingStep(trail) {
    var codes = remaining(trail);
    var heading = el("h2", { tabindex: "-1", text: labels.remaining });
    return { heading: heading, body: [heading, el("p", { text: fill(labels.remaining_text, { yes: labels.yes }) }),
      el("ol", { class: "hc-wizard__remaining" }, codes.map(function (code) {
        var cause = data.causes[code];
        return el("li", {}, [
          link(cause.title, cause.check, { class: "hc-wizard__result" }),
          el("p", { class: "hc-wizard__check" }, [
            document.createTextNode(labels.check + data.colon + cause.question + data.gap),
            el("span", { class: "hc-effort", text: cause.effort }),
          ]),
        ]);
      })), el("p", { class: "hc-wizard__actions" }, [
        link(labels.to_support, "#" + data.support, { class: "md-button", "data-action": "support" }),
        contactLink(false),
      ])] };
  }

  // Support: what the answers ruled out (all of it, or not yet), a summary to copy, and the way
  // to the contact page.
  function supportStep(trail) {
    var open = remaining(trail).length > 0;
    var heading = el("h2", { tabindex: "-1", text: open ? labels.support_title_open : labels.support_title });
    var lines = supportLines(trail);
    var copyButton = button(labels.copy_summary, function () {
      window.hcCopy(lines.join("\n")).then(function () { copyButton.textContent = labels.copied; });
    }, { "data-action": "copy-summary" });
    return { heading: heading, body: [heading, el("p", { text: open ? labels.support_text_open : labels.support_text }),
      el("ul", { class: "hc-wizard__summary" }, lines.map(function (line) { return el("li", { text: line }); })),
      el("p", { class: "hc-wizard__actions" }, [contactLink(true), copyButton])] };
  }

  // The wizard's top just below the site's header, so the step (question and answers) is in the
  // viewport; unless `always`, only when the step is not in view already.
  function bringIntoView(always) {
    var header = document.querySelector(".md-header");
    var top = (header ? header.getBoundingClientRect().bottom : 0) + 8;
    var box = root.getBoundingClientRect();
    var step = root.querySelector(".hc-wizard__step").getBoundingClientRect();
    if (always || box.top < top || step.bottom > window.innerHeight) window.scrollBy(0, box.top - top);
  }

  function render(step, trail, moveFocus) {
    var view = own(data.questions, step) ? questionStep(step, trail)
      : own(causeOf, step) ? causeStep(causeOf[step])
        : step === data.end ? remainingStep(trail) : supportStep(trail);
    // Every end asks whether it solved the problem (partials/hc/feedback.html, helpcenter.js).
    var template = document.getElementById("hc-feedback-template");
    if (endOf(step) && template && window.hcFeedback) {
      var widget = template.content.firstElementChild.cloneNode(true);
      widget.dataset.hcFeedback = "troubleshooter/" + endOf(step);
      window.hcFeedback(widget);
      view.body.push(widget);
    }
    var answers = trail.map(function (entry) {
      return el("li", {}, [
        el("span", { text: data.questions[entry.q].text }),
        document.createTextNode(" "),
        el("span", { class: "hc-wizard__answer", text: labels[entry.a] }),
      ]);
    });
    // The answers so far, folded: one line above the step, opened on demand.
    root.replaceChildren.apply(root, [
      answers.length ? el("details", { class: "hc-wizard__trail" }, [
        el("summary", { text: fill(labels.trail, { count: answers.length }) }),
        el("ol", {}, answers),
      ]) : null,
      el("div", { class: "hc-wizard__step", "aria-live": "polite" }, view.body),
      el("div", { class: "hc-wizard__nav" }, [
        trail.length ? button(labels.back, function () { history.back(); }, {
          "data-action": "back", class: "hc-wizard__text-button hc-wizard__back",
        }) : null,
        step !== data.start || trail.length ? button(labels.restart, function () { go(data.start, []); }, {
          "data-action": "restart", class: "hc-wizard__text-button hc-wizard__restart",
        }) : null,
      ]),
      step === data.support ? null : el("p", { class: "hc-wizard__out" }, [
        document.createTextNode(labels.none + " "),
        link(labels.to_support, "#" + data.support, { "data-action": "support" }),
      ]),
    ].filter(Boolean));
    root.querySelectorAll("[data-action=support]").forEach(function (out) {
      out.addEventListener("click", function (event) {
        event.preventDefault();
        go(data.support, trail);
      });
    });
    if (moveFocus) {
      view.heading.focus({ preventScroll: true });
      bringIntoView(false);
    }
  }

  function show(moveFocus) {
    var step = stepFromHash();
    render(step || data.start, step ? trailOf(history.state) : [], moveFocus);
    return step;
  }

  // Back, forward, and links into the list (trail, "none of these"): the step and its trail.
  window.addEventListener("popstate", function () { show(true); });
  window.addEventListener("hashchange", function () { if (stepFromHash()) show(true); });

  // A link or a reload to a step shows the wizard at that step, in view (not the list below,
  // which has the same anchors for readers without JavaScript).
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";
  if (show(false)) {
    bringIntoView(true);
    window.addEventListener("load", function () { requestAnimationFrame(function () { bringIntoView(true); }); });
  }
})();
