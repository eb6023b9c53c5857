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
//   regional  [regional word, standard word]: Cantonese and regional wording, read as the
//             standard word before anything else (用唔到 -> 用不到)
//   context   {cause page: [[keyword, "need" | "prefer", [companion words]]]}: a keyword that
//             counts for that cause only beside a companion (限制 with 账号 vs 限制 with 地区)
//   pinyin    the pinyin table's script beside this worker (publish/search_pinyin.py), loaded
//             the first time a query has Chinese or Latin words that no word matches exactly
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
  var TYPO_MIN = 5; // shortest English word matched with one typo
  var TYPO_TWO = 8; // shortest matched with two (maintainance, elegable)
  var SHORT = 3; // English words this long or shorter are matched whole, not as a prefix
  // Exact words weigh most; forms, corrected typos and pinyin readings less, in that order.
  var BOOST = { word: 10, form: 8, typo: 7, pinyin: 6, weak: 1 };
  var CONTEXT_WITHOUT = { need: 0, prefer: 0.3 }; // a keyword's weight without its companion
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

  // Edits (insert, delete, substitute, swap of neighbours) from `a` to `b`, counted up to `max`
  // (more is max + 1).
  function edits(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var before = null, row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var next = [i], least = i;
      for (j = 1; j <= b.length; j++) {
        var d = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        next.push(d);
        least = Math.min(least, d);
      }
      if (least > max) return max + 1;
      before = row;
      row = next;
    }
    return Math.min(row[b.length], max + 1);
  }

  // How many typos a word of this length may hold: none below five letters, two from eight.
  function typosAllowed(word) { return word.length >= TYPO_TWO ? 2 : word.length >= TYPO_MIN ? 1 : 0; }

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
  // Terms within `max` edits of `word` (one by default), nearest first.
  Lexicon.prototype.nearby = function (word, max) {
    max = max || 1;
    return this.sorted.map(function (term) { return [term, edits(word, term, max)]; })
      .filter(function (pair) { return pair[1] <= max; })
      .sort(function (x, y) { return x[1] - y[1]; })
      .map(function (pair) { return pair[0]; });
  };
  // {cause page: weight} for `word`, matched by `terms`: the best place each page has it. A term
  // the word only begins ("之前" of "之前能用") counts for the part of it that was typed.
  // `factor(term, page)`, if given, scales a page's weight (a keyword without its companion).
  Lexicon.prototype.causes = function (terms, word, factor) {
    var out = {}, evidence = this.evidence;
    terms.forEach(function (term) {
      var pages = evidence[term] || {};
      var part = word && term.indexOf(word) === 0 ? Math.pow(word.length / term.length, 2) : 1;
      Object.keys(pages).forEach(function (page) {
        var weight = pages[page] * part * (factor ? factor(term, page) : 1);
        out[page] = Math.max(out[page] || 0, weight);
      });
    });
    return out;
  };

  // Pinyin, from the table the build writes (publish/search_pinyin.py): each character's readings,
  // and the words of the index and data by their reading, exact, near (z/zh, c/ch, s/sh, n/l,
  // -n/-ng: slips of southern speakers and of fast typing), syllables run together, initials.
  function nearSyllable(syllable) {
    return syllable.replace(/^([zcs])h/, "$1").replace(/^n(?!g)/, "l").replace(/([aei])ng$/, "$1n");
  }
  function Pinyin(table) {
    var readings = this.readings = new Map(), self = this;
    Object.keys(table.chars).forEach(function (syllable) {
      for (var ch of table.chars[syllable]) {
        if (!readings.has(ch)) readings.set(ch, []);
        readings.get(ch).push(syllable);
      }
    });
    this.syllables = new Set(Object.keys(table.chars));
    this.exact = new Map(); this.near = new Map(); this.joined = new Map(); this.initials = new Map();
    this.longest = 2;
    function add(map, key, words) {
      if (!map.has(key)) map.set(key, []);
      var have = map.get(key);
      words.forEach(function (w) { if (have.indexOf(w) === -1) have.push(w); });
    }
    Object.keys(table.words).forEach(function (key) {
      var words = table.words[key], syllables = key.split(" ");
      add(self.exact, key, words);
      add(self.near, syllables.map(nearSyllable).join(" "), words);
      add(self.joined, syllables.join(""), words);
      add(self.initials, syllables.map(function (s) { return s[0]; }).join(""), words);
      self.longest = Math.max(self.longest, syllables.length);
    });
  }
  // The readings of `chars` as keys ("shen he"), 16 at most; none if a character has no reading.
  Pinyin.prototype.keys = function (chars) {
    var keys = [""];
    for (var ch of chars) {
      var own = this.readings.get(ch);
      if (!own) return [];
      var next = [];
      keys.forEach(function (k) { own.forEach(function (r) { if (next.length < 16) next.push(k ? k + " " + r : r); }); });
      keys = next;
    }
    return keys;
  };
  // The word `chars` were meant to be: a slip keeps some of the word, so one read the same and
  // sharing a character with them (审合: 审核, not 没过: 美国), or read nearly the same and
  // wrong in one character only. Among several, the one sharing most, then a cause's word.
  Pinyin.prototype.word = function (chars, prefer) {
    var keys = this.keys(chars), found = [], self = this;
    function take(words, least) {
      (words || []).forEach(function (w) { if (w.length === chars.length && shared(w, chars) >= least) found.push(w); });
    }
    keys.forEach(function (k) { take(self.exact.get(k), 1); });
    if (!found.length) {
      keys.forEach(function (k) { take(self.near.get(k.split(" ").map(nearSyllable).join(" ")), Math.max(1, chars.length - 1)); });
    }
    return best(found, chars, prefer);
  };
  function shared(a, b) {
    var n = 0;
    for (var i = 0; i < a.length && i < b.length; i++) if (a[i] === b[i]) n++;
    return n;
  }
  function best(words, typed, prefer) {
    return words.slice().sort(function (a, b) {
      return shared(b, typed) - shared(a, typed) || (prefer(b) ? 1 : 0) - (prefer(a) ? 1 : 0) || (a < b ? -1 : 1);
    })[0] || null;
  }
  // Latin letters `letters` that spell one word's syllables, run together ("zhengxin"), or its
  // initials ("xmfq"), when one word only has them.
  Pinyin.prototype.spelt = function (letters, prefer) {
    var words = this.joined.get(letters);
    if (words) return best(words, "", prefer);
    if (!/[aeiouv]/.test(letters) && letters.length >= 2) {
      words = this.initials.get(letters) || [];
      if (words.length === 1) return words[0];
    }
    return null;
  };
  // Is `word` made of syllables only ("xiao", "eduyongwanle")?
  Pinyin.prototype.spells = function (word) {
    var can = [true];
    for (var i = 1; i <= word.length; i++) {
      can[i] = false;
      for (var n = 1; n <= 6 && n <= i && !can[i]; n++) can[i] = can[i - n] && this.syllables.has(word.slice(i - n, i));
    }
    return can[word.length];
  };
  // The longest syllable `letters` start with, or "".
  Pinyin.prototype.syllableAt = function (letters, at) {
    for (var n = Math.min(6, letters.length - at); n > 0; n--) {
      if (this.syllables.has(letters.substr(at, n))) return letters.substr(at, n);
    }
    return "";
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

  // Cantonese and regional wording read as the standard word (用唔到 -> 用不了): the longest
  // regional word at each place (`pairs` longest first), a Latin one only as whole words; never
  // inside a longer word the site has (`known`: 羊小咩 is a platform, not 羊小 + 什么).
  function regionalize(text, pairs, known) {
    var out = "", edge = /[\p{L}\p{N}]/u;
    for (var i = 0; i < text.length;) {
      var own = known ? exactAt(text, i, known) : 0;
      if (own && !pairs.some(function (pair) { return pair[0].length >= own && text.startsWith(pair[0], i); })) {
        out += text.slice(i, i + own);
        i += own;
        continue;
      }
      var hit = null;
      for (var k = 0; k < pairs.length && !hit; k++) {
        var w = pairs[k][0];
        if (text.startsWith(w, i) && (HAN.test(w)
            || (!edge.test(text[i - 1] || "") && !edge.test(text[i + w.length] || "")))) hit = pairs[k];
      }
      if (hit) { out += hit[1]; i += hit[0].length; } else { out += text[i]; i++; }
    }
    return out;
  }

  // Is a Latin word one the site has (in any of its forms), so never read as pinyin?
  function latinKnown(word, lexicon, data) {
    return siteWord(word, lexicon, data) || data.generic.has(word) || englishForms(word).some(function (f) {
      return f.length > SHORT ? lexicon.hasPrefix(f) : lexicon.has(f);
    });
  }

  // Is `word` one the site has: a term of the index, or a word of docs/data/search.yml?
  function siteWord(word, lexicon, data) { return lexicon.has(word) || data.words.has(word); }

  // The longest word of two characters or more (the index's or the data's) at `i` of `run`.
  function exactAt(run, i, known) {
    for (var j = Math.min(run.length, i + MAX_TERM); j >= i + 2; j--) if (known(run.slice(i, j))) return j - i;
    return 0;
  }

  // Syllables of pinyin, roughly (before the table is loaded): initial, then final.
  var SYLLABLES = /^(?:(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ue|ve|ui|er|a|e|i|o|u|v))+$/;

  // Does the query need pinyin: a Chinese character in no word of two characters or more (and not
  // a generic one, 吗 or 的), or a Latin word the site does not have that spells syllables or
  // initials?
  function needsPinyin(text, lexicon, data) {
    var known = function (w) { return siteWord(w, lexicon, data); };
    return (text.match(TOKEN) || []).some(function (token) {
      if (!HAN.test(token)) {
        return /^[a-z]{2,}$/.test(token) && (SYLLABLES.test(token) || /^[^aeiouv]{2,5}$/.test(token))
          && !latinKnown(token, lexicon, data);
      }
      for (var i = 0; i < token.length;) {
        var n = exactAt(token, i, known);
        if (!n && !data.generic.has(token[i])) return true;
        i += n || 1;
      }
      return false;
    });
  }

  // Does the query need the related topics (loaded apart: they grow by the hundred): it names a
  // hub subject or platform, or has a word the other pages do not: a Latin word, or two Chinese
  // characters or more running outside every word of the index (a lone 给 or 吗 is no subject).
  function needsTopics(text, lexicon, data) {
    if (data.hub.words.some(function (w) { return text.indexOf(w) !== -1; })) return true;
    var known = function (w) { return siteWord(w, lexicon, data); };
    return (text.match(TOKEN) || []).some(function (token) {
      if (!HAN.test(token)) return token.length > SHORT && !latinKnown(token, lexicon, data);
      for (var i = 0, outside = 0; i < token.length;) {
        var n = exactAt(token, i, known) || (lexicon.has(token[i]) ? 1 : 0);
        outside = n ? 0 : outside + (data.generic.has(token[i]) ? 0 : 1);
        if (outside > 1) return true;
        i += n || 1;
      }
      return false;
    });
  }

  // The query's input-method slips put right: {text, corrections: [[typed, meant]]}.
  // - Latin words the site does not have, read as pinyin: syllables run together or apart
  //   ("edu buzu", "zhengxin" -> 额度 不足, 征信), or a word of initials ("xmfq") that one word has.
  // - Chinese characters where no word of two characters or more starts, read as the word their
  //   pinyin spells (审合 -> 审核). Exact words always win: a span is read by its pinyin only where
  //   that gives a longer word than the exact one there, and never cuts into an exact word.
  function correct(text, lexicon, data, pinyin) {
    var corrections = [];
    var known = function (w) { return siteWord(w, lexicon, data); };
    var prefer = function (w) { return Boolean(lexicon.evidence[w]); };

    var tokens = [], match, find = new RegExp(TOKEN.source, "gu");
    while ((match = find.exec(text))) tokens.push({ word: match[0], at: match.index });
    // Runs of Latin words that spell syllables (or initials: no vowel), with one at least that
    // the site does not have ("xiao mi fen qi e du": xiao and mi are words of the index, fen is
    // not). English words do not spell syllables: "regoinal" or "moved" are never read as pinyin.
    var latin = tokens.map(function (t) {
      return /^[a-z]+$/.test(t.word) && (pinyin.spells(t.word) || /^[^aeiouv]{2,5}$/.test(t.word));
    });
    var unknownLatin = tokens.map(function (t, i) {
      return latin[i] && t.word.length >= 2 && !latinKnown(t.word, lexicon, data);
    });
    var out = "", last = 0;
    for (var a = 0; a < tokens.length; a++) {
      if (!latin[a]) continue;
      var b = a;
      while (b + 1 < tokens.length && latin[b + 1]) b++;
      if (unknownLatin.slice(a, b + 1).indexOf(true) === -1) { a = b; continue; }
      var run = tokens.slice(a, b + 1), letters = "", starts = [];
      run.forEach(function (t) { starts.push(letters.length); letters += t.word; });
      // The reading that spells the most letters as words ("wo zai xianggang": 香港, not 在线 +
      // "ggang"), fewer words first; a syllable of no word (le, ma) is skipped. Initials only
      // as a whole word.
      var best = []; // best[p]: the best reading of letters[p:]
      best[letters.length] = { covered: 0, pieces: [] };
      for (var p = letters.length - 1; p >= 0; p--) {
        var next = best[Math.min(letters.length, p + (pinyin.syllableAt(letters, p).length || 1))];
        var here = { covered: next.covered, pieces: next.pieces };
        for (var q = Math.min(letters.length, p + 36); q >= p + 2; q--) {
          var whole = starts.indexOf(p) !== -1 && (starts.indexOf(q) !== -1 || q === letters.length);
          var word = whole || pinyin.joined.has(letters.slice(p, q)) ? pinyin.spelt(letters.slice(p, q), prefer) : null;
          if (!word) continue;
          var covered = q - p + best[q].covered;
          if (covered > here.covered || (covered === here.covered && best[q].pieces.length + 1 < here.pieces.length)) {
            here = { covered: covered, pieces: [[p, q, word]].concat(best[q].pieces) };
          }
        }
        best[p] = here;
      }
      var pieces = best[0].pieces; // [start, end, word] in `letters`
      if (pieces.length) {
        // Each word in the place of the words it was spelt from; a word of the site that no
        // reading took stays ("xiaomi fenqi outage": 小米分期 outage), other syllables go.
        var put = [], used = 0;
        run.forEach(function (t, k) {
          var from = starts[k], to = from + t.word.length;
          var over = pieces.filter(function (piece) { return piece[0] < to && piece[1] > from; });
          if (over.length) {
            over.forEach(function (piece) { if (pieces.indexOf(piece) >= used) { put.push(piece[2]); used = pieces.indexOf(piece) + 1; } });
          } else if (!unknownLatin[a + k]) {
            put.push(" " + t.word + " ");
          }
        });
        var typed = text.slice(run[0].at, run[run.length - 1].at + run[run.length - 1].word.length);
        var spelt = put.join("").replace(/\s+/g, " ").trim();
        corrections.push([typed, spelt]);
        out += text.slice(last, run[0].at) + " " + spelt + " ";
        last = run[0].at + typed.length;
      }
      a = b;
    }
    text = out + text.slice(last);

    text = text.replace(/\p{sc=Han}+/gu, function (chars) {
      var fixed = "";
      for (var i = 0; i < chars.length;) {
        var exact = exactAt(chars, i, known), meant = null, n = Math.min(chars.length - i, pinyin.longest);
        for (; n >= 2 && n > exact; n--) {
          var span = chars.slice(i, i + n), cuts = false;
          for (var k = i + 1; k < i + n && !cuts; k++) cuts = k + exactAt(chars, k, known) > i + n;
          meant = !known(span) && !cuts ? pinyin.word(span, prefer) : null;
          if (meant) break;
        }
        if (meant) {
          corrections.push([chars.slice(i, i + n), meant]);
          fixed += meant;
          i += n;
        } else {
          fixed += chars.slice(i, i + (exact || 1));
          i += exact || 1;
        }
      }
      return fixed;
    });
    return { text: text, corrections: corrections };
  }

  // How much a term counts for a cause page in this query: a keyword with companion words
  // (data.context) counts fully beside one of them, else little or nothing.
  function contextFactor(query, data) {
    return function (term, page) {
      var rules = data.context[page] || [];
      for (var i = 0; i < rules.length; i++) {
        var word = rules[i][0]; // Chinese exactly; other words in any form ("restrict": restricted)
        if (word !== term && (HAN.test(word) || (term.indexOf(word) !== 0 && !sameWord(term, word)))) continue;
        var beside = rules[i][2].some(function (c) { return holds(query, c); });
        return beside ? 1 : CONTEXT_WITHOUT[rules[i][1]];
      }
      return 1;
    };
  }

  // A typed query, read: its lunr query string, whether it is about something the cause pages do
  // not cover, and its text and words with the synonyms' site words added (for ranking).
  //
  // First its regional words are read as standard ones, and, if it needs them, its slips are put
  // right by pinyin (correct()). Then each word becomes clauses with an explicit boost: the
  // reader's words and synonyms weigh most, English forms, typos and pinyin readings less.
  // Generic words and single Chinese characters are searched only when the query has nothing
  // else. A query whose own words are all unknown to the site finds nothing (the page then
  // offers the troubleshooter and support). `corrections` ([typed, meant]) and `display` (the
  // query as it was searched) let the page say "showing results for".
  // The query as the site reads it: normalized, regional words made standard.
  function read(raw, lexicon, data) {
    // "isn't" -> "isnt": one word, as readers also type it.
    return regionalize(normalize(raw, data.t2s).replace(/(\p{L})['’](\p{L})/gu, "$1$2"), data.regional,
                       function (w) { return HAN.test(w) && siteWord(w, lexicon, data); });
  }

  function analyse(raw, lexicon, data) {
    var text = read(raw, lexicon, data);
    var typedText = text, corrections = [];
    if (data.loadPinyin && needsPinyin(text, lexicon, data)) {
      var pinyin = data.loadPinyin();
      if (pinyin) {
        var fixed = correct(text, lexicon, data, pinyin);
        text = fixed.text;
        corrections = fixed.corrections;
      }
    }
    var meant = corrections.map(function (c) { return c[1]; });
    var typed = text.match(TOKEN) || [];
    var query = { text: text, words: typed.filter(function (w) { return !HAN.test(w); }) };
    query.typed = { text: query.text, words: query.words };
    var readers = data.synonyms.filter(function (pair) { return holds(query, pair[0]); });
    var units = []; // one per word: {clauses, strong, known, parts, causes}

    function unknown(word) {
      var explained = readers.some(function (pair) {
        return pair[0].indexOf(word) !== -1 || word.indexOf(pair[0]) !== -1;
      });
      if (!explained) units.push({ clauses: [], strong: true, known: false, causes: {} });
    }

    // parts: [{term, kind, wildcard}], the clauses of one word.
    // `fixed`: the word is there by a correction only (a synonym of a word read from pinyin).
    function unit(parts, strong, fixed) {
      var clauses = parts.map(function (p) { return p.term + p.wildcard + "^" + BOOST[strong ? p.kind : "weak"]; });
      units.push({ clauses: clauses, strong: strong, known: true, parts: parts, causes: {},
                   weight: BOOST[parts[0].kind] / BOOST.word,
                   corrected: Boolean(fixed) || parts[0].kind === "typo" || parts[0].kind === "pinyin" });
    }

    function word(w, synonym, fixed) {
      if (HAN.test(w)) {
        var cut = segment(w, lexicon);
        cut.terms.forEach(function (t) {
          var put = meant.some(function (m) { return m.indexOf(t) !== -1; }) && typedText.indexOf(t) === -1;
          unit([{ term: t, kind: put ? "pinyin" : "word", wildcard: "*" }], !data.generic.has(t) && t.length > 1, fixed);
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
        }), !generic, fixed);
        return;
      }
      if (generic) return;
      // Typos by length (one from five letters, two from eight; a letter dropped from a word of
      // four, "limt"), the nearest terms only; or a reader word with a typo ("singapre").
      var near = [];
      forms.forEach(function (f) {
        var found = f.length >= TYPO_MIN ? lexicon.nearby(f, typosAllowed(f))
          : f.length === TYPO_MIN - 1 ? lexicon.nearby(f, 1).filter(function (t) { return t.length > f.length; }) : [];
        found.forEach(function (t) { if (near.indexOf(t) === -1) near.push(t); });
      });
      var nearest = near.length ? near.filter(function (t) {
        return edits(w, t, 2) === Math.min.apply(null, near.map(function (x) { return edits(w, x, 2); }));
      }) : [];
      var misspelt = typosAllowed(w) && data.synonyms.filter(function (pair) {
        return !HAN.test(pair[0]) && edits(w, pair[0], typosAllowed(w)) <= typosAllowed(w);
      });
      if (nearest.length) {
        unit(nearest.map(function (t) { return { term: t, kind: "typo", wildcard: "" }; }), true);
        // The word the typo stands for (a cause's, if one is) in its place, for ranking by phrase
        // ("crdit scor": credit score), the others after.
        var intended = nearest.filter(function (t) { return lexicon.evidence[t]; })[0] || nearest[0];
        var at = query.words.indexOf(w);
        if (at !== -1) query.words = query.words.slice(0, at).concat([intended], query.words.slice(at + 1));
        query.words = query.words.concat(nearest.filter(function (t) { return t !== intended; }));
        corrections.push([w, intended]);
      } else if (misspelt && misspelt.length) {
        readers = readers.concat(misspelt); // a reader word with a typo ("singapre")
        corrections.push([w, misspelt[0][0]]);
      } else if (!synonym && w.length >= 3 && !/^\d+$/.test(w)) unknown(w);
    }

    typed.forEach(function (w) { word(w, false); });
    readers.forEach(function (pair) {
      var site = pair[1].match(TOKEN) || [];
      var fixed = corrections.length > 0 && !holds({ text: typedText, words: typedText.match(TOKEN) || [] }, pair[0]);
      site.forEach(function (w) { word(w, true, fixed); });
      query.text += " " + pair[1];
      query.words = query.words.concat(site.filter(function (w) { return !HAN.test(w); }));
    });

    // Each word's causes, now that the whole query is known (a keyword's companion may come later).
    var factor = contextFactor(query, data);
    units.forEach(function (u) {
      (u.parts || []).forEach(function (p) {
        var found = p.wildcard === "*" ? lexicon.withPrefix(p.term) : [p.term];
        var pages = lexicon.causes(found, p.wildcard === "*" ? p.term : null, factor);
        Object.keys(pages).forEach(function (page) { u.causes[page] = Math.max(u.causes[page] || 0, pages[page]); });
      });
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
    query.plain = causeScores(chosen.filter(function (u) { return !u.corrected; }), lexicon);
    query.corrections = corrections;
    query.display = corrections.reduce(function (shown, c) { // a typo as a whole word, the rest anywhere
      return /^[a-z]+$/.test(c[0]) ? shown.replace(new RegExp("(^|[^\\p{L}\\p{N}])" + c[0] + "(?![\\p{L}\\p{N}])", "gu"), "$1" + c[1])
        : shown.split(c[0]).join(c[1]);
    }, typedText).replace(/\s+/g, " ").trim();
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
    // "Showing results for …": the first result owes its place to a correction (a typo, pinyin)
    // more than to the words as typed.
    var top = groups.length ? page(groups[0].group) : null;
    query.corrected = Boolean(top && (query.corrections || []).length && ((query.scores[top] || 0) > 0
      ? (query.plain[top] || 0) < query.scores[top] / 2
      : !query.units.some(function (u) { return u.strong && u.known && !u.corrected; })));
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
    var chars = Array.from(hc.t2s); // by code point: 嗰 -> 𠮶 is two UTF-16 units
    for (var i = 0; i + 1 < chars.length; i += 2) t2s.set(chars[i], chars[i + 1]);
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
    var regional = (hc.regional || []).slice().sort(function (a, b) { return b[0].length - a[0].length; });
    // Words a query is matched on besides the index's (for pinyin, and for what is "known").
    var words = new Set([].concat(hc.generic, hc.hub.words, hc.uncovered, hc.contact.words,
      [].concat.apply([], synonyms), regional.map(function (pair) { return pair[1]; })));
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
      regional: regional,
      context: hc.context || {},
      words: words,
      loadPinyin: null, // set where the table can be loaded (the worker); returns a Pinyin or null
    };
  }

  scope.HCSearch = {
    normalize: normalize,
    englishForms: englishForms,
    edits: edits,
    Pinyin: Pinyin,
    regionalize: regionalize,
    read: read,
    needsTopics: needsTopics,
    correct: correct,
    Lexicon: Lexicon,
    evidenceOf: evidenceOf,
    segment: segment,
    analyse: analyse,
    rank: rank,
    prepare: prepare,
  };

  // Inside the worker: take the data from the setup message (listening before Material does),
  // read each query for Material's Search.search(), and rank its results on their way out.
  // With the results, whether the query is covered and what it was corrected to go to the page on
  // a BroadcastChannel (helpcenter.js), which then offers the troubleshooter and support, or says
  // "showing results for …", above the results.
  if (typeof WorkerGlobalScope === "undefined" || !(scope instanceof WorkerGlobalScope)) return;
  var data = null, lexicon = null, last = null, pinyin, topics;
  var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("hc-search") : null;
  scope.addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === 0) { // SETUP, with the search index
      data = prepare(message.data.config.hc, message.data.docs);
      lexicon = null;
      // The pinyin table, beside this script: loaded (synchronously, once) by the first query
      // that needs it.
      var table = message.data.config.hc.pinyin;
      data.loadPinyin = table ? function () {
        if (pinyin === undefined) {
          try {
            scope.importScripts(new URL(table, scope.location.href).href);
            pinyin = new Pinyin(scope.HCPinyinTable);
          } catch (error) {
            pinyin = null; // search goes on without it
          }
        }
        return pinyin;
      } : null;
      // The topics' part, beside this script: loaded (synchronously, once) by the first query
      // that needs it; the index is then made again with them (Material's setup, once more).
      var part = message.data.config.hc.topics, setup = message.data;
      topics = part ? function (search) {
        topics = null;
        try {
          scope.importScripts(new URL(part, scope.location.href).href);
        } catch (error) {
          return false; // search goes on without them
        }
        var docs = setup.docs.concat(scope.HCTopics);
        Object.assign(search, new search.constructor({ config: setup.config, docs: docs, options: setup.options }));
        return true;
      } : null;
    }
  });
  function lexiconOf(index) {
    return new Lexicon(Object.keys(index.invertedIndex), evidenceOf(index.invertedIndex, data.priority, data.phrases));
  }
  // `search`: Material's Search, whose index answers the query.
  scope.HCSearch.query = function (raw, search) {
    lexicon = lexicon || lexiconOf(search.index);
    if (topics && needsTopics(read(raw, lexicon, data), lexicon, data) && topics(search)) {
      lexicon = lexiconOf(search.index);
    }
    last = analyse(raw, lexicon, data);
    last.raw = raw;
    return last.lunr;
  };
  var post = scope.postMessage.bind(scope);
  scope.postMessage = function (message) {
    if (!(message && message.type === 3 && last)) return post(message);
    var ranked = rank(message.data, last, data);
    post(Object.assign({}, message, { data: ranked }));
    if (channel) {
      channel.postMessage({ lang: data.lang, query: last.raw, uncovered: last.uncovered,
                            corrected: last.corrected ? last.display : "" });
    }
  };
})(self);
