// The help center's search queries, run inside Material's search worker.
//
// scripts/helpcenter/publish/search_worker.py puts this file in front of Material's worker script and
// makes Material's Search.search() call HCSearch.query() instead of building the query itself
// (Chinese segmentation + transformSearchQuery). The functions take plain data, so
// tests/test_search_query.py runs them on their own in Chromium.
//
// Per language, the search index brings (config key "hc", from scripts/helpcenter/publish/search_index.py):
//   lang      the index's language
//   t2s       traditional -> simplified characters, as pairs in one string ("帳帐戶户..."), only for
//             characters the index holds
//   synonyms  [site word, [reader words]] (docs/data/search.yml), normalised
//   generic   words too common to tell the causes apart (小米分期, installments, why ...)
//   hub       {location, words}: the related-topics hub, its platforms and subjects
//   uncovered readers' words for questions the site does not answer (fees, interest ...)
//   contact   {location, words}: the contact page, and readers' words for reaching a person
//   priority  location prefix of the cause pages ("causes/")
// and each cause page's hidden `keywords` and `alias` fields: phrases separated by "，"
// ("额度不够，credit limit").
(function (scope) {
  "use strict";

  var HAN = /\p{sc=Han}/u;
  var TOKEN = /\p{sc=Han}+|(?:(?!\p{sc=Han})[\p{L}\p{N}])+/gu; // Chinese runs, other words
  var MAX_TERM = 12; // longest Chinese index term tried when segmenting
  var TYPO_MIN = 5; // shortest English word matched with one typo (lunr's edit distance 1)
  var SHORT = 3; // English words this long or shorter are matched whole, not as a prefix
  var BOOST = { word: 10, form: 8, typo: 8, weak: 1 };
  var PHRASE_BONUS = 2; // per word of a cause's keyword phrase that the query holds

  // Full-width -> half-width (NFKC), lower case, traditional -> simplified.
  function normalize(text, t2s) {
    var out = "";
    for (var ch of String(text).normalize("NFKC").toLowerCase()) out += t2s.get(ch) || ch;
    return out;
  }

  // English forms to try for a typed word: the word, then without a plural or -ed/-ing ending.
  function englishForms(word) {
    var forms = [word];
    function add(form) { if (form.length >= 3 && forms.indexOf(form) === -1) forms.push(form); }
    function undouble(stem) { return /([b-df-hj-np-tv-z])\1$/.test(stem) ? stem.slice(0, -1) : stem; }
    if (/ies$/.test(word)) add(word.slice(0, -3) + "y");
    if (/(s|x|z|ch|sh)es$/.test(word)) add(word.slice(0, -2));
    if (/[^su]s$/.test(word)) add(word.slice(0, -1));
    if (/ied$/.test(word)) add(word.slice(0, -3) + "y");
    if (/ed$/.test(word)) { add(word.slice(0, -1)); add(undouble(word.slice(0, -2))); add(word.slice(0, -2)); }
    if (/ing$/.test(word)) { add(undouble(word.slice(0, -3))); add(word.slice(0, -3) + "e"); add(word.slice(0, -3)); }
    return forms;
  }

  function sameWord(a, b) {
    if (a === b) return true;
    var forms = englishForms(b);
    return englishForms(a).some(function (form) { return forms.indexOf(form) !== -1; });
  }

  // Is `a` one edit (insert, delete, substitute, swap of neighbours) away from `b`? As lunr's ~1.
  function oneEdit(a, b) {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1)
        || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // The index's terms, looked up exactly, by prefix and within one edit; and for each term, the
  // cause pages it is on, weighted by where (`evidence`: {term: {cause page: weight}}).
  function Lexicon(terms, evidence) {
    this.sorted = Array.from(new Set(terms)).sort();
    this.set = new Set(this.sorted);
    this.evidence = evidence || {};
  }
  Lexicon.prototype.has = function (term) { return this.set.has(term); };
  Lexicon.prototype.withPrefix = function (prefix) {
    var lo = 0, hi = this.sorted.length, out = [];
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (this.sorted[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    for (; lo < this.sorted.length && this.sorted[lo].indexOf(prefix) === 0; lo++) out.push(this.sorted[lo]);
    return out;
  };
  Lexicon.prototype.hasPrefix = function (prefix) { return this.withPrefix(prefix).length > 0; };
  Lexicon.prototype.nearby = function (word) {
    return this.sorted.filter(function (term) { return oneEdit(word, term); });
  };
  // {cause page: weight} for `word`, matched by `terms`: the best place each page has it. A term
  // the word only begins ("之前" of "之前能用") counts for the part of it that was typed.
  Lexicon.prototype.causes = function (terms, word) {
    var out = {}, evidence = this.evidence;
    terms.forEach(function (term) {
      var pages = evidence[term] || {};
      var part = word && term.indexOf(word) === 0 ? Math.pow(word.length / term.length, 2) : 1;
      Object.keys(pages).forEach(function (page) {
        out[page] = Math.max(out[page] || 0, pages[page] * part);
      });
    });
    return out;
  };

  // Where a term sits on a cause page, as evidence for that cause: in its keywords or title
  // most, in the other language's words or its summary less, anywhere else in its text least.
  var FIELD_WEIGHT = { keywords: 8, alias: 6, title: 8, text: 3 };
  var SECTION_WEIGHT = 1;

  // The evidence table of a lunr index: which cause pages (locations under `prefix`) hold each
  // term. A word of a keyword of several words ("enough" of "not enough limit") counts half.
  function evidenceOf(invertedIndex, prefix, phrases) {
    var out = {};
    Object.keys(invertedIndex).forEach(function (term) {
      var posting = invertedIndex[term], pages = null;
      Object.keys(posting).forEach(function (field) {
        if (field === "_index") return;
        Object.keys(posting[field]).forEach(function (ref) {
          if (ref.indexOf(prefix) !== 0) return;
          var page = ref.split("#")[0];
          var weight = ref === page ? FIELD_WEIGHT[field] || SECTION_WEIGHT : SECTION_WEIGHT;
          if ((field === "keywords" || field === "alias") && (phrases[page] || []).indexOf(term) === -1) {
            weight /= 2;
          }
          pages = pages || {};
          pages[page] = Math.max(pages[page] || 0, weight);
        });
      });
      if (pages) out[term] = pages;
    });
    return out;
  }

  // Cut a run of Chinese characters into index terms, longest first from the left; where no term
  // starts, the start of one counts too ("账号" of "账号冻结"). Characters in no term are
  // skipped; a run of two or more of them is a word the site does not have.
  function segment(run, lexicon) {
    var terms = [], unknown = [], gap = "";
    function flush() { if (gap.length >= 2) unknown.push(gap); gap = ""; }
    for (var i = 0; i < run.length;) {
      // The longest index term here, or a longer start of one ("账号" of "账号冻结").
      var exact = 0, start = 0;
      for (var j = Math.min(run.length, i + MAX_TERM); j > i && !exact; j--) {
        if (lexicon.has(run.slice(i, j))) exact = j;
        else if (!start && j - i > 1 && lexicon.hasPrefix(run.slice(i, j))) start = j;
      }
      var end = exact || start; // a whole term first: "小米" + "账号", not "小米账" of "小米账户"
      if (end) {
        flush();
        terms.push(run.slice(i, end));
        i = end;
      } else {
        gap += run[i];
        i++;
      }
    }
    flush();
    return { terms: terms, unknown: unknown };
  }

  // Does the query hold `phrase`? Chinese anywhere; other words as a run of whole words, in any
  // of their forms ("credit scores" holds "credit score").
  function holds(query, phrase) {
    if (HAN.test(phrase)) return query.text.indexOf(phrase) !== -1;
    var want = phrase.match(TOKEN) || [], words = query.words;
    for (var i = 0; i + want.length <= words.length; i++) {
      if (want.every(function (w, k) { return sameWord(words[i + k], w); })) return true;
    }
    return false;
  }

  // How strongly the query points at each cause page: for each word, where the page has it
  // (keywords, title ...), times how few causes share the word. A word every cause has tells
  // nothing; one that only this cause has tells most.
  function causeScores(units, lexicon) {
    var scores = {};
    var total = Object.keys(lexicon.causes(Object.keys(lexicon.evidence))).length || 1;
    units.forEach(function (u) {
      var pages = Object.keys(u.causes);
      if (!pages.length) return;
      var rarity = Math.log(1 + total / pages.length);
      pages.forEach(function (page) {
        scores[page] = (scores[page] || 0) + u.weight * rarity * u.causes[page];
      });
    });
    return scores;
  }

  // A typed query, read: its lunr query string, whether it is about something the cause pages do
  // not cover, and its text and words with the synonyms' site words added (for ranking).
  //
  // Each word becomes clauses with an explicit boost: the reader's words and synonyms weigh most,
  // English forms and typos a little less. Generic words and single Chinese characters are
  // searched only when the query has nothing else. A query whose own words are all unknown to
  // the site finds nothing (the page then offers the troubleshooter and support).
  function analyse(raw, lexicon, data) {
    // "isn't" -> "isnt": one word, as readers also type it.
    var text = normalize(raw, data.t2s).replace(/(\p{L})['’](\p{L})/gu, "$1$2");
    var typed = text.match(TOKEN) || [];
    var query = { text: text, words: typed.filter(function (w) { return !HAN.test(w); }) };
    query.typed = { text: query.text, words: query.words };
    var readers = data.synonyms.filter(function (pair) { return holds(query, pair[0]); });
    var units = []; // one per word: {clauses, strong, known, cause}

    function unknown(word) {
      var explained = readers.some(function (pair) {
        return pair[0].indexOf(word) !== -1 || word.indexOf(pair[0]) !== -1;
      });
      if (!explained) units.push({ clauses: [], strong: true, known: false, causes: {} });
    }

    // parts: [{term, kind, wildcard}], the clauses of one word.
    function unit(parts, strong) {
      var causes = {};
      var clauses = parts.map(function (p) {
        var found = p.wildcard === "*" ? lexicon.withPrefix(p.term)
          : p.wildcard === "~1" ? lexicon.nearby(p.term) : [p.term];
        var pages = lexicon.causes(found, p.wildcard === "*" ? p.term : null);
        Object.keys(pages).forEach(function (page) { causes[page] = Math.max(causes[page] || 0, pages[page]); });
        return p.term + p.wildcard + "^" + BOOST[strong ? p.kind : "weak"];
      });
      units.push({ clauses: clauses, strong: strong, known: true, causes: causes,
                   weight: BOOST[parts[0].kind] / BOOST.word });
    }

    function word(w, synonym) {
      if (HAN.test(w)) {
        var cut = segment(w, lexicon);
        cut.terms.forEach(function (t) {
          unit([{ term: t, kind: "word", wildcard: "*" }], !data.generic.has(t) && t.length > 1);
        });
        if (!synonym) cut.unknown.forEach(function (u) {
          var rest = Array.from(u).filter(function (ch) { return !data.generic.has(ch); }).join("");
          if (rest.length > 1 && !data.generic.has(u)) unknown(u);
        });
        return;
      }
      var generic = data.generic.has(w) && !synonym;
      var forms = englishForms(w).filter(function (f) { return f === w || !data.generic.has(f); });
      // Short words only as they are: as a prefix, "ran" would find "range".
      var known = forms.filter(function (f) { return f.length > SHORT ? lexicon.hasPrefix(f) : lexicon.has(f); });
      known = known.filter(function (f) { // "limit*" finds "limits" too
        return !known.some(function (g) { return g !== f && g.length > SHORT && f.indexOf(g) === 0; });
      });
      if (known.length) {
        unit(known.map(function (f) {
          return { term: f, kind: f === w ? "word" : "form", wildcard: f.length > SHORT ? "*" : "" };
        }), !generic);
      } else if (!generic) {
        // One typo in a word of five letters or more; or a letter dropped from one ("limt").
        var typos = forms.filter(function (f) {
          return lexicon.nearby(f).some(function (t) { return f.length >= TYPO_MIN || t.length > f.length; })
            && f.length >= TYPO_MIN - 1;
        });
        var misspelt = w.length >= TYPO_MIN && data.synonyms.filter(function (pair) {
          return oneEdit(w, pair[0]);
        });
        if (typos.length) {
          unit(typos.map(function (f) { return { term: f, kind: "typo", wildcard: "~1" }; }), true);
          // The words the typo stands for, for ranking by phrase ("regoin" -> region).
          typos.forEach(function (f) { query.words = query.words.concat(lexicon.nearby(f)); });
        } else if (misspelt.length) {
          readers = readers.concat(misspelt); // a reader word with a typo ("singapre")
        }
        else if (!synonym && w.length >= 3 && !/^\d+$/.test(w)) unknown(w);
      }
    }

    typed.forEach(function (w) { word(w, false); });
    readers.forEach(function (pair) {
      var site = pair[1].match(TOKEN) || [];
      site.forEach(function (w) { word(w, true); });
      query.text += " " + pair[1];
      query.words = query.words.concat(site.filter(function (w) { return !HAN.test(w); }));
    });

    var strong = units.filter(function (u) { return u.strong && u.known; });
    var unknownCount = units.filter(function (u) { return !u.known; }).length;
    var chosen = strong.length ? strong : unknownCount ? [] : units.filter(function (u) { return u.known; });
    var onCauses = strong.filter(function (u) { return Object.keys(u.causes).length; }).length;
    var elsewhere = strong.length - onCauses;
    var clauses = [].concat.apply([], chosen.map(function (u) { return u.clauses; }));
    query.lunr = Array.from(new Set(clauses)).join(" ");
    query.units = units;
    query.scores = causeScores(chosen, lexicon);
    // Not covered: nothing of the query is known, or its telling words that the site has are
    // mostly on other pages than the causes (利息 and 手续费 only in the hub's titles). Words the
    // site lacks altogether do not count: readers' queries are full of them.
    query.uncovered = text.trim() !== "" && (clauses.length === 0 || (elsewhere > 0 && elsewhere >= onCauses)
      || data.uncovered.some(function (w) { return holds(query, w); }));
    query.cause = onCauses > 0;
    // Asking for a person (客服电话, "phone number"): the contact page answers, unless the rest of
    // the query names a cause ("额度不够 客服": that cause's page, which leads to the contact page).
    // The ask itself never makes a query "not covered": the contact page answers it.
    var asks = data.contact.words.filter(function (w) { return holds(query.typed, w); });
    query.contact = false;
    if (asks.length) {
      var rest = analyse(without(text, asks), lexicon,
        Object.assign({}, data, { contact: { location: data.contact.location, words: [] } }));
      query.contact = !rest.cause;
      query.uncovered = !query.contact && rest.uncovered;
    }
    return query;
  }

  // `text` without `phrases` (Chinese anywhere, other words whole and in any of their forms).
  function without(text, phrases) {
    phrases.forEach(function (p) {
      if (HAN.test(p)) { text = text.split(p).join(" "); return; }
      var want = p.match(TOKEN) || [], words = text.match(TOKEN) || [], kept = [];
      for (var i = 0; i < words.length; i++) {
        var here = i + want.length <= words.length
          && want.every(function (w, k) { return sameWord(words[i + k], w); });
        if (here) i += want.length - 1;
        else kept.push(words[i]);
      }
      text = kept.join(" ");
    });
    return text;
  }

  // Results as readers should see them. Cause pages first when one matches (the related-topics
  // hub first instead when the query names one of its subjects, the contact page when it asks
  // for a person and names no cause); among causes, the one the query's words point at most
  // (causeScores). No hidden fields, and no "missing" terms: a
  // query's forms and synonyms are meant to miss.
  function rank(result, query, data) {
    // About the hub: the reader names a hub subject, and no long keyword of a cause ("bad credit").
    var typed = query.typed || query;
    var aboutHub = data.hub.words.some(function (w) { return holds(typed, w); })
      && !Object.keys(data.phrases).some(function (page) { return data.phrases[page].some(function (p) {
        return (HAN.test(p) ? p.length > 2 : (p.match(TOKEN) || []).length > 1) && holds(typed, p);
      }); });
    function page(group) { return group[0].location.split("#")[0]; }
    function weight(group) {
      var location = page(group);
      if (location === data.hub.location) return aboutHub ? 0 : 3;
      if (location === data.contact.location) return query.contact && !aboutHub ? 0 : 2;
      return location.indexOf(data.priority) === 0 ? 1 : 2;
    }
    // The contact page answers "客服电话" even where its own text does not hold the words.
    if (query.contact && !aboutHub && data.contactPage && !result.items.some(function (group) {
      return page(group) === data.contact.location;
    })) {
      result.items.push([Object.assign({ score: 0, terms: {} }, data.contactPage)]);
      result.total = (result.total || 0) + 1;
    }
    // A cause whose own keyword of several words the query holds ("credit score") gains.
    function score(group) {
      var location = page(group), phrases = data.phrases[location] || [];
      var words = phrases.reduce(function (best, p) {
        var n = (p.match(TOKEN) || []).length;
        return n > 1 && !HAN.test(p) && holds(query, p) ? Math.max(best, n) : best;
      }, 0);
      return (query.scores[location] || 0) + PHRASE_BONUS * words;
    }
    var groups = result.items.map(function (group, i) {
      return { group: group, i: i, w: weight(group), s: score(group) };
    });
    groups.sort(function (a, b) { return a.w - b.w || b.s - a.s || a.i - b.i; });
    result.items = groups.map(function (g) {
      return g.group.map(function (doc) {
        var terms = {};
        Object.keys(doc.terms || {}).forEach(function (t) { if (doc.terms[t]) terms[t] = true; });
        var clean = Object.assign({}, doc, { terms: terms });
        delete clean.tags;
        delete clean.keywords;
        delete clean.alias;
        return clean;
      });
    });
    return result;
  }

  // The index's data made ready for look-ups; `docs` are the index's documents.
  function prepare(hc, docs) {
    var t2s = new Map();
    for (var i = 0; i + 1 < hc.t2s.length; i += 2) t2s.set(hc.t2s[i], hc.t2s[i + 1]);
    var phrases = {};
    docs.forEach(function (doc) {
      var own = [doc.keywords, doc.alias].filter(Boolean).join("，");
      if (!own) return;
      phrases[doc.location] = own.split("，").map(function (p) { return normalize(p.trim(), t2s); })
        .filter(Boolean);
    });
    var contactPage = docs.filter(function (doc) { return doc.location === hc.contact.location; })[0];
    var synonyms = [];
    hc.synonyms.forEach(function (group) {
      group[1].forEach(function (reader) { synonyms.push([reader, group[0]]); });
    });
    return {
      lang: hc.lang,
      t2s: t2s,
      synonyms: synonyms,
      generic: new Set(hc.generic),
      hub: hc.hub,
      uncovered: hc.uncovered,
      contact: hc.contact,
      contactPage: contactPage && { location: contactPage.location, title: contactPage.title, text: "" },
      priority: hc.priority,
      phrases: phrases,
    };
  }

  scope.HCSearch = {
    normalize: normalize,
    englishForms: englishForms,
    oneEdit: oneEdit,
    Lexicon: Lexicon,
    evidenceOf: evidenceOf,
    segment: segment,
    analyse: analyse,
    rank: rank,
    prepare: prepare,
  };

  // Inside the worker: take the data from the setup message (listening before Material does),
  // read each query for Material's Search.search(), and rank its results on their way out.
  // Whether a query is covered goes to the page on a BroadcastChannel (helpcenter.js), which
  // then offers the troubleshooter and support above the results.
  if (typeof WorkerGlobalScope === "undefined" || !(scope instanceof WorkerGlobalScope)) return;
  var data = null, lexicon = null, last = null;
  var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("hc-search") : null;
  scope.addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === 0) { // SETUP, with the search index
      data = prepare(message.data.config.hc, message.data.docs);
      lexicon = null;
    }
  });
  scope.HCSearch.query = function (raw, index) {
    if (!lexicon) {
      lexicon = new Lexicon(Object.keys(index.invertedIndex),
                            evidenceOf(index.invertedIndex, data.priority, data.phrases));
    }
    last = analyse(raw, lexicon, data);
    last.raw = raw;
    if (channel) channel.postMessage({ lang: data.lang, query: raw, uncovered: last.uncovered });
    return last.lunr;
  };
  var post = scope.postMessage.bind(scope);
  scope.postMessage = function (message) {
    post(message && message.type === 3 && last ? Object.assign({}, message, {
      data: rank(message.data, last, data),
    }) : message);
  };
})(self);
