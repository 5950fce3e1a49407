// The search page: Pagefind's UI over the bundle beside the site, with the query from ?q= run at once.
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("suche");
  if (!box || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: "#suche",
    bundlePath: box.dataset.bundle,
    baseUrl: box.dataset.base,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    openFilters: ["Jahr"]
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
