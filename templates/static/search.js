// The search page: Pagefind's search API over the archive's bundles (one per group of years, merged). Each
// result shows its date, its section and a passage of the body (not the title) with the words found marked;
// filters show only where the results differ, folded away on phones; a query that names an entity or a tag
// leads with a link to its page (from the small names index). Every path comes from the page, so it works
// under a project path too.
(function () {
  "use strict";
  var PAGE = 10;
  var EXCERPT_WORDS = 32;
  var GROUPS = ["Jahr", "Ressort", "Person", "Ort", "Organisation", "Thema"];
  var VALUES_SHOWN = 6;
  var ENDINGS = ["en", "er", "es", "e", "n", "s"]; // keep in step with sitegen/entity_info.py
  var box, base, phrases, pagefind, names = null, filters = {}, query = "", results = [], shown = 0, run = 0;

  function normalise(text) {
    var words = text.toLowerCase().replace(/ß/g, "ss").match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) || [];
    return words.map(function (word) {
      for (var i = 0; i < ENDINGS.length; i++) {
        var end = ENDINGS[i];
        if (word.endsWith(end) && word.length - end.length >= 4) return word.slice(0, -end.length);
      }
      return word;
    }).join(" ");
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function part(name) { return box.querySelector(name); }

  function showLead() {
    var lead = part(".search-lead");
    var entry = names && query ? names[normalise(query)] : null;
    lead.replaceChildren();
    lead.hidden = !entry;
    if (!entry) return;
    var link = el("a", "", entry[1]);
    link.href = base + entry[2];
    var count = entry[3].toLocaleString("de-DE");
    lead.append(entry[0] + ": ", link, " – " + phrases.all + " " + count + " " + phrases.articles);
  }

  function bare(word) { return word.replace(/[^\p{L}\p{N}]+/gu, "").toLowerCase(); }

  // Where the body starts in the indexed words: after the title, and after a first sentence that repeats it.
  function bodyStart(words, title) {
    var heading = title.replace(/\s*…$/, "").split(/\s+/).filter(Boolean);
    var skip = heading.length;
    for (var i = 0; i < heading.length; i++) {
      if (bare(words[skip + i] || "") !== bare(heading[i])) return skip;
    }
    var end = skip + heading.length;
    while (end < words.length && end - skip < 60 && !/[.!?:]["»«“”']?$/.test(words[end - 1])) end++;
    return end;
  }

  function excerpt(data) {
    var words = data.content.split(/\s+/);
    var skip = bodyStart(words, data.meta.title || "");
    var found = (data.locations || []).filter(function (n) { return n >= skip; });
    var start = found.length ? Math.max(skip, found[0] - 8) : skip;
    var marked = new Set(found);
    var p = el("p", "excerpt");
    if (start > skip) p.append("… ");
    var end = Math.min(words.length, start + EXCERPT_WORDS);
    for (var i = start; i < end; i++) {
      if (marked.has(i)) p.append(el("mark", "", words[i])); else p.append(words[i]);
      if (i + 1 < end) p.append(" ");
    }
    if (end < words.length) p.append(" …");
    return p;
  }

  function resultItem(data) {
    var li = el("li");
    var heading = el("h2");
    var link = el("a", "", data.meta.title || data.url);
    link.href = data.url;
    heading.append(link);
    li.append(heading);
    var facts = [data.meta.date, data.meta.section].filter(Boolean);
    if (facts.length) {
      var small = el("small", "", data.meta.date || "");
      if (data.meta.section) {
        if (data.meta.date) small.append(" · ");
        small.append(el("span", "section", data.meta.section));
      }
      li.append(small);
    }
    li.append(excerpt(data));
    return li;
  }

  async function more() {
    var mine = run;
    var batch = await Promise.all(results.slice(shown, shown + PAGE).map(function (r) { return r.data(); }));
    if (mine !== run) return;
    batch.forEach(function (data) { part(".search-results").append(resultItem(data)); });
    shown += batch.length;
    part(".search-more").hidden = shown >= results.length;
  }

  function showFilters(found) {
    var details = part(".search-filters");
    var groups = part(".filter-groups");
    groups.replaceChildren();
    var any = false;
    GROUPS.forEach(function (name) {
      var chosen = filters[name] || [];
      var counts = (chosen.length ? found.totalFilters : found.filters) || {};
      var values = Object.entries(counts[name] || {}).filter(function (v) { return v[1] > 0 || chosen.includes(v[0]); });
      if (values.length < 2 && !chosen.length) return;
      values.sort(function (a, b) { return b[1] - a[1] || a[0].localeCompare(b[0], "de"); });
      values = values.filter(function (v, i) { return i < VALUES_SHOWN || chosen.includes(v[0]); });
      var set = el("fieldset");
      set.append(el("legend", "", name));
      values.forEach(function (v) {
        var label = el("label");
        var box = el("input");
        box.type = "checkbox";
        box.value = v[0];
        box.checked = chosen.includes(v[0]);
        box.addEventListener("change", function () { toggle(name, v[0], box.checked); });
        label.append(box, " " + v[0] + " ", el("small", "", String(v[1])));
        set.append(label);
      });
      groups.append(set);
      any = true;
    });
    details.hidden = !any;
    var picked = Object.values(filters).reduce(function (n, v) { return n + v.length; }, 0);
    var summary = picked ? phrases.filter + " (" + picked + " " + phrases.chosen + ")" : phrases.filter;
    details.querySelector("summary").textContent = summary;
  }

  function toggle(name, value, on) {
    var chosen = (filters[name] || []).filter(function (v) { return v !== value; });
    if (on) chosen.push(value);
    if (chosen.length) filters[name] = chosen; else delete filters[name];
    search(query);
  }

  async function search(text) {
    query = text.trim();
    var mine = ++run;
    showLead();
    var list = part(".search-results");
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      part(".search-message").textContent = "";
      part(".search-filters").hidden = true;
      part(".search-more").hidden = true;
      return;
    }
    var chosen = {};
    Object.keys(filters).forEach(function (name) { chosen[name] = { any: filters[name] }; });
    var found = await pagefind.search(query || null, { filters: chosen }); // a term's page links filters only
    if (mine !== run || !found) return;
    results = found.results;
    shown = 0;
    list.replaceChildren();
    var total = query ? found.unfilteredResultCount : results.length; // a filter alone: all it found
    var count = results.length.toLocaleString("de-DE"), said = " „" + (query || Object.values(filters).flat().join(", ")) + "“";
    part(".search-message").textContent = results.length === total ? count + " " + phrases.hits + said
      : count + " " + phrases.of + " " + total.toLocaleString("de-DE") + " " + phrases.hits_of + said;
    showFilters(found);
    await more();
  }

  async function start() {
    box = document.getElementById("suche");
    if (!box) return;
    base = box.dataset.base;
    phrases = JSON.parse(box.dataset.words);
    var bundles = box.dataset.bundles.split(" ");
    var details = part(".search-filters");
    details.open = window.matchMedia("(min-width: 40rem)").matches;
    pagefind = await import(bundles[0] + "pagefind.js");
    await pagefind.options({ baseUrl: base });
    for (var i = 1; i < bundles.length; i++) await pagefind.mergeIndex(bundles[i], { baseUrl: base });
    var known = await pagefind.filters(); // the filter index: results then come with their filter counts
    fetch(box.dataset.names).then(function (r) { return r.json(); })
      .then(function (data) { names = data; showLead(); }).catch(function () { names = null; });
    var input = part("#suchfeld");
    var timer = 0;
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    GROUPS.forEach(function (name) { // a value the index does not know (a renamed entity) is left out
      var values = params.getAll(name).filter(function (v) { return (known[name] || {})[v]; });
      if (values.length) filters[name] = values;
    });
    part("form").addEventListener("submit", function (event) {
      event.preventDefault();
      window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      search(input.value);
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { search(input.value); }, 250);
    });
    part(".search-more").addEventListener("click", more);
    if (input.value || Object.keys(filters).length) search(input.value);
  }

  window.addEventListener("DOMContentLoaded", start);
})();
