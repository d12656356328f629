// Print buttons, the menu button's keyboard behaviour, and the search box telling its worker
// it opened.
(function () {
  "use strict";
  // Opening the search box (its button, a click in it, or a key that focuses it) lets the
  // search worker start loading the index before the first key; a page where nobody opens
  // it downloads nothing for search. Other tabs of the site hear it too: the files are then
  // in the browser's cache.
  var opened = false;
  function openSearch() {
    if (opened || typeof BroadcastChannel !== "function") return;
    opened = true;
    var channel = new BroadcastChannel("trangxa-search");
    channel.postMessage("open");
    channel.close();
  }
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target instanceof Element && target.matches("[data-md-component='search-query']")) openSearch();
  });
  document.addEventListener("change", function (event) {
    var toggle = event.target;
    if (toggle instanceof HTMLInputElement && toggle.id === "__search" && toggle.checked) openSearch();
  });
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest("[data-tx-print]")) {
      // print-date.js stamps the date on "beforeprint", which window.print() fires.
      window.print();
    }
  });

  // The menu button is a label: Material opens it on Enter, buttons also answer Space.
  // Opened from the keyboard, focus moves into the menu, which comes later in the page;
  // Escape closes it and puts focus back on its button.
  document.addEventListener("change", function (event) {
    var drawer = event.target;
    if (!(drawer instanceof HTMLInputElement) || drawer.id !== "__drawer" || !drawer.checked) return;
    var active = document.activeElement;
    if (!(active instanceof HTMLLabelElement && active.htmlFor === "__drawer")) return;
    var first = document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex]");
    if (first instanceof HTMLElement) first.focus();
  });
  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    if (!(drawer instanceof HTMLInputElement)) return;
    var active = document.activeElement;
    var onButton = active instanceof HTMLLabelElement && active.htmlFor === "__drawer";
    if (event.key === " " && onButton) {
      event.preventDefault();
      active.click();
    } else if (event.key === "Escape" && drawer.checked) {
      drawer.checked = false;
      drawer.dispatchEvent(new Event("change"));
      var button = document.querySelector('.md-header label[for="__drawer"]');
      if (button instanceof HTMLElement) button.focus();
    }
  });
})();
