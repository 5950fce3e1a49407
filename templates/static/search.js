// The search page: Pagefind's UI over the archive's bundles (one per group of years, merged), German,
// with the query from ?q= run at once. Works under a project path: every path comes from the page.
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("suche");
  if (!box || typeof PagefindUI === "undefined") return;
  var bundles = box.dataset.bundles.split(" ");
  var base = box.dataset.base;
  var ui = new PagefindUI({
    element: "#suche",
    bundlePath: bundles[0],
    baseUrl: base,
    mergeIndex: bundles.slice(1).map(function (path) { return { bundlePath: path, baseUrl: base }; }),
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    openFilters: window.matchMedia("(min-width: 40rem)").matches ? ["Jahr"] : [],
    translations: { placeholder: "Archiv durchsuchen" }
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
