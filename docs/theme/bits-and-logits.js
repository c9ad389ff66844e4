// Bits & Logits: the reader's controls (theme toggle, chapter menu, copy buttons, offline search).
// Loaded with `defer`. Math needs no script: the build typeset it.
(function () {
  "use strict";
  var root = document.documentElement;

  // ---- the page's words, in its language: the build writes them into script#bl-strings ----
  var strings = {};
  try { strings = JSON.parse(document.getElementById("bl-strings").textContent); } catch (e) { strings = {}; }
  function t(key, arg) {
    var s = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
    return arg === undefined ? s : s.replace("{0}", arg);
  }

  // ---- theme: the head script already applied the stored or system choice ----
  var STORE = "bl-theme";
  function stored() {
    try { return localStorage.getItem(STORE); } catch (e) { return null; }
  }
  function applyTheme(theme) {
    root.setAttribute("data-theme", theme);
    var buttons = document.querySelectorAll(".theme-toggle");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", theme === "dark" ? "true" : "false");
      buttons[i].title = theme === "dark" ? t("theme.light") : t("theme.dark");
    }
  }
  function setupTheme() {
    applyTheme(root.getAttribute("data-theme") === "dark" ? "dark" : "light");
    var buttons = document.querySelectorAll(".theme-toggle");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function () {
        var next = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
        try { localStorage.setItem(STORE, next); } catch (e) { /* private mode: not persisted */ }
        applyTheme(next);
      });
    }
    var media = window.matchMedia("(prefers-color-scheme: dark)");
    var follow = function (e) { if (!stored()) { applyTheme(e.matches ? "dark" : "light"); } };
    if (media.addEventListener) { media.addEventListener("change", follow); }
  }

  // ---- chapter menu on narrow screens ----
  function setupNav() {
    var toggle = document.querySelector(".nav-toggle");
    var nav = document.getElementById("book-nav");
    if (!toggle || !nav) { return; }
    function set(open) {
      nav.classList.toggle("open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }
    toggle.addEventListener("click", function () { set(!nav.classList.contains("open")); });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && nav.classList.contains("open")) { set(false); toggle.focus(); }
    });
  }

  // ---- copy buttons: the code only, never the results under it ----
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }
  function legacyCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }
  function setupCopy() {
    var blocks = document.querySelectorAll(".listingblock > .content");
    for (var i = 0; i < blocks.length; i++) {
      var pre = blocks[i].querySelector("pre");
      if (!pre) { continue; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-button";
      button.textContent = t("copy");
      button.setAttribute("aria-label", t("copy.label"));
      button.addEventListener("click", (function (pre, button) {
        return function () {
          var code = pre.querySelector("code") || pre;
          var text = code.textContent.replace(/\s+$/, "") + "\n";
          copyText(text).then(function () {
            button.textContent = t("copied");
            button.setAttribute("data-copied", "true");
          }, function () {
            button.textContent = t("copy.manual");
            var range = document.createRange();
            range.selectNodeContents(code);
            var sel = window.getSelection();
            sel.removeAllRanges();
            sel.addRange(range);
          });
          setTimeout(function () { button.textContent = t("copy"); button.removeAttribute("data-copied"); }, 2000);
        };
      })(pre, button));
      blocks[i].appendChild(button);
    }
  }

  // ---- offline search: site/search-index.js (a script, so it also loads from file://) ----
  var index = null;
  var waiting = null; // callbacks for the index while its script loads
  function loadIndex(then) {
    if (index) { then(); return; }
    if (window.BITS_AND_LOGITS_SEARCH) { prepare(window.BITS_AND_LOGITS_SEARCH); then(); return; }
    if (waiting) { waiting.push(then); return; }
    waiting = [then];
    var script = document.createElement("script");
    script.src = "search-index.js";
    script.onload = function () {
      prepare(window.BITS_AND_LOGITS_SEARCH || []);
      var callbacks = waiting;
      waiting = null;
      callbacks.forEach(function (f) { f(); });
    };
    script.onerror = function () { waiting = null; console.warn("search index did not load"); };
    document.head.appendChild(script);
  }
  function prepare(entries) {
    index = entries.map(function (e) {
      return { e: e, title: e.title.toLowerCase(), text: e.text.toLowerCase() };
    });
  }
  function escapeHtml(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[c]; });
  }
  function count(hay, term) {
    var n = 0, at = hay.indexOf(term);
    while (at >= 0 && n < 10) { n++; at = hay.indexOf(term, at + term.length); }
    return n;
  }
  // Chinese has no spaces between words: a run of CJK characters is searched as its character
  // bigrams (交叉熵 → 交叉, 叉熵), each counted like a word; the whole run, found as it is, counts most.
  var CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  function queryParts(query) {
    var q = query.toLowerCase();
    var runs = q.match(CJK) || [];
    var words = q.replace(CJK, " ").split(/[\s\u3000-\u303f\uff00-\uffef]+/).filter(function (w) { return w.length > 0; });
    var groups = words.map(function (w) { return { whole: w, grams: [w] }; });
    runs.forEach(function (run) {
      var grams = [];
      if (run.length === 1) { grams.push(run); }
      for (var i = 0; i + 1 < run.length; i++) { if (grams.indexOf(run.substr(i, 2)) < 0) { grams.push(run.substr(i, 2)); } }
      groups.push({ whole: run, grams: grams, cjk: true });
    });
    return groups;
  }
  function search(query) {
    var groups = queryParts(query);
    if (groups.length === 0) { return []; }
    var hits = [];
    index.forEach(function (item) {
      var score = 0;
      for (var i = 0; i < groups.length; i++) {
        var g = groups[i];
        var found = 0, part = 0;
        for (var j = 0; j < g.grams.length; j++) {
          var inTitle = item.title.indexOf(g.grams[j]) >= 0;
          var inText = count(item.text, g.grams[j]);
          if (inTitle || inText > 0) { found++; }
          part += (inTitle ? 10 : 0) + inText;
        }
        // A word must be there; a CJK run needs most of its bigrams (a longer question still finds its words).
        if (found === 0 || (g.cjk ? found * 2 < g.grams.length : found < g.grams.length)) { return; }
        if (g.cjk && g.grams.length > 1) {
          part += (item.title.indexOf(g.whole) >= 0 ? 20 : 0) + 3 * count(item.text, g.whole);
        } else if (!g.cjk && new RegExp("\\b" + g.whole.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).test(item.text)) {
          part += 2;
        }
        score += part;
      }
      hits.push({ item: item, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    return hits.slice(0, 12).map(function (h) { return { entry: h.item.e, excerpt: excerpt(h.item, groups) }; });
  }
  function excerpt(item, groups) {
    var text = item.e.text;
    var marks = [];
    groups.forEach(function (g) { marks.push(g.whole); g.grams.forEach(function (x) { marks.push(x); }); });
    var at = -1;
    for (var i = 0; i < marks.length && at < 0; i++) { at = item.text.indexOf(marks[i]); }
    var start = Math.max(0, at - 50);
    var part = (start > 0 ? "…" : "") + text.slice(start, start + 160) + (start + 160 < text.length ? "…" : "");
    var html = escapeHtml(part);
    // One pass, longest first: the whole run is marked rather than two overlapping bigrams.
    marks.sort(function (a, b) { return b.length - a.length; });
    var re = new RegExp("(" + marks.map(function (x) { return escapeHtml(x).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")", "gi");
    return html.replace(re, "<mark>$1</mark>");
  }
  function setupSearch() {
    var input = document.getElementById("search-input");
    var box = document.getElementById("search-results");
    if (!input || !box) { return; }
    function render() {
      var q = input.value.trim();
      if (q.length < (/[\u3040-\u30ff\u3400-\u9fff]/.test(q) ? 1 : 2)) { box.hidden = true; box.innerHTML = ""; return; }
      loadIndex(function () {
        var results = search(q);
        if (results.length === 0) {
          box.innerHTML = "<p class=\"empty\">" + escapeHtml(t("search.none", q)) + "</p>";
        } else {
          box.innerHTML = "<ol>" + results.map(function (r) {
            var href = r.entry.page + (r.entry.id ? "#" + r.entry.id : "");
            return "<li><a href=\"" + escapeHtml(href) + "\"><span class=\"result-title\">" + escapeHtml(r.entry.title)
              + "</span><span class=\"result-page\">" + escapeHtml(r.entry.pageTitle) + "</span><span class=\"result-text\">"
              + r.excerpt + "</span></a></li>";
          }).join("") + "</ol>";
        }
        box.hidden = false;
      });
    }
    input.addEventListener("input", render);
    input.addEventListener("focus", function () { loadIndex(function () {}); if (input.value.trim().length >= 1) { render(); } });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") {
        var first = box.querySelector("a");
        if (first) { e.preventDefault(); first.focus(); }
      } else if (e.key === "Escape") {
        box.hidden = true;
      } else if (e.key === "Enter") {
        var top = box.querySelector("a");
        if (top) { e.preventDefault(); top.click(); }
      }
    });
    box.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(box.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement);
      if (e.key === "ArrowDown" && i + 1 < links.length) { e.preventDefault(); links[i + 1].focus(); }
      else if (e.key === "ArrowUp") { e.preventDefault(); (i > 0 ? links[i - 1] : input).focus(); }
      else if (e.key === "Escape") { box.hidden = true; input.focus(); }
    });
    box.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest("a")) { box.hidden = true; }
    });
    document.addEventListener("click", function (e) {
      if (!e.target.closest || !e.target.closest(".search")) { box.hidden = true; }
    });
  }

  // ---- in-page contents: mark the section being read ----
  function setupTocHighlight() {
    var links = document.querySelectorAll("#toc a[href^='#']");
    if (!links.length || !window.IntersectionObserver) { return; }
    var byId = {};
    for (var i = 0; i < links.length; i++) { byId[decodeURIComponent(links[i].getAttribute("href").slice(1))] = links[i]; }
    var headings = Object.keys(byId).map(function (id) { return document.getElementById(id); }).filter(Boolean);
    // The current section is the last heading above 30 % of the window's height. The observer's zone is everything
    // above that line (a top margin longer than any page), so a heading enters it as it passes the line, even when
    // the reader jumps; reading every heading's position here instead forced a layout of the page (~200 ms on a phone).
    var above = [];
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { above[headings.indexOf(e.target)] = e.isIntersecting; });
      var current = null;
      for (var j = 0; j < headings.length; j++) { if (above[j]) { current = headings[j]; } }
      for (var id in byId) { byId[id].classList.toggle("active", current !== null && current.id === id); }
    }, { rootMargin: "1000000px 0px -70% 0px" });
    headings.forEach(function (h) { observer.observe(h); });
  }

  // "/" focuses the search box, as on most documentation sites.
  document.addEventListener("keydown", function (e) {
    var input = document.getElementById("search-input");
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
    if (e.key === "/" && input && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); input.focus(); }
  });

  // ---- boxes that scroll sideways (code on a phone, a long formula, a wide table) say so: data-overflow ----
  // Measured as each box nears the viewport, not all at load, and in idle time: the observers only queue a box;
  // a batch reads every queued width first and writes the attributes after, so one batch forces at most one layout
  // (an attribute written between two reads made the next read lay the page out again: ~300 ms on a phone).
  function setupOverflow() {
    var SELECTOR = ".listingblock > .content, .stemblock, .table-scroll";
    var boxes = document.querySelectorAll(SELECTOR);
    if (!boxes.length) { return; }
    function scroller(box) {
      return box.classList.contains("content") ? box.querySelector("pre") : box.classList.contains("stemblock") ? box.querySelector(".content") : box;
    }
    var queue = [], queued = false;
    var idle = window.requestIdleCallback || function (f) { return setTimeout(function () { f({ timeRemaining: function () { return 8; } }); }, 50); };
    function enqueue(box) {
      if (queue.indexOf(box) < 0) { queue.push(box); }
      if (!queued) { queued = true; idle(flush, { timeout: 1000 }); }
    }
    function flush(deadline) {
      queued = false;
      var batch = [];
      // Reads only: widths of the boxes, until the idle time is used up (the rest waits for the next idle period).
      while (queue.length && (batch.length < 8 || deadline.timeRemaining() > 2)) {
        var box = queue.shift(), s = scroller(box);
        if (!s || s.clientWidth === 0) { continue; }
        batch.push([box, s.scrollWidth > s.clientWidth + 1]);
      }
      // Then writes only.
      for (var i = 0; i < batch.length; i++) {
        if (batch[i][1]) { batch[i][0].setAttribute("data-overflow", ""); } else { batch[i][0].removeAttribute("data-overflow"); }
      }
      if (queue.length) { queued = true; idle(flush, { timeout: 1000 }); }
    }
    for (var i = 0; i < boxes.length; i++) {
      var s = scroller(boxes[i]);
      if (!s) { continue; }
      s.addEventListener("scroll", (function (box, s) {
        return function () {
          if (s.scrollLeft + s.clientWidth >= s.scrollWidth - 2) { box.setAttribute("data-scrolled", ""); } else { box.removeAttribute("data-scrolled"); }
        };
      })(boxes[i], s), { passive: true });
    }
    if (!window.IntersectionObserver) {
      for (var k = 0; k < boxes.length; k++) { enqueue(boxes[k]); }
      return;
    }
    // Sections off screen may skip rendering (content-visibility: auto): a box measured there has no width yet.
    // Thresholds make the observer report again as the box comes into view, and a section that starts
    // rendering measures its boxes.
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting) { enqueue(e.target); } });
    }, { rootMargin: "600px 0px", threshold: [0, 0.25, 0.5, 0.75, 1] });
    document.addEventListener("contentvisibilityautostatechange", function (e) {
      if (e.skipped || !e.target.querySelectorAll) { return; }
      var inner = e.target.querySelectorAll(SELECTOR);
      for (var n = 0; n < inner.length; n++) { enqueue(inner[n]); }
    }, true);
    function observeAll() {
      for (var m = 0; m < boxes.length; m++) { observer.unobserve(boxes[m]); observer.observe(boxes[m]); }
    }
    // A box whose width changes (fonts, a section that starts rendering) is measured again; observed after the
    // first batch, so its first notifications (one for every box on the page) do not queue boxes far off screen.
    idle(function () {
      observeAll();
      if (window.ResizeObserver) {
        var resized = new ResizeObserver(function (entries) {
          entries.forEach(function (e) { var box = e.target.closest(SELECTOR); if (box && e.contentRect.width > 0) { enqueue(box); } });
        });
        for (var r = 0; r < boxes.length; r++) { var sr = scroller(boxes[r]); if (sr) { resized.observe(sr); } }
      }
    }, { timeout: 1500 });
    var timer = null;
    window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(observeAll, 100); });
    if (document.fonts && document.fonts.ready) { document.fonts.ready.then(function () { idle(observeAll, { timeout: 1000 }); }); }
  }

  // ---- language switch: the same section of the twin page (twins share their ids) ----
  function setupLanguages() {
    var links = document.querySelectorAll("a.language-link[data-keep-fragment]");
    for (var i = 0; i < links.length; i++) {
      links[i].addEventListener("click", function (e) {
        var a = e.currentTarget;
        if (location.hash) { a.href = a.getAttribute("href").replace(/#.*$/, "") + location.hash; }
      });
    }
  }

  // ---- widgets: each one's script loads when the figure comes within a screen or so of the viewport ----
  function setupWidgets() {
    var figures = document.querySelectorAll("figure.widget[data-script]");
    function load(figure) {
      var src = figure.getAttribute("data-script");
      if (!src) { return; }
      figure.removeAttribute("data-script");
      var script = document.createElement("script");
      script.src = src;
      document.body.appendChild(script);
    }
    if (!window.IntersectionObserver) {
      for (var i = 0; i < figures.length; i++) { load(figures[i]); }
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting) { observer.unobserve(e.target); load(e.target); } });
    }, { rootMargin: "1000px 0px" });
    for (var j = 0; j < figures.length; j++) { observer.observe(figures[j]); }
  }

  setupLanguages();
  setupWidgets();
  setupTocHighlight();
  setupTheme();
  setupNav();
  setupCopy();
  setupOverflow();
  setupSearch();
})();
