// Print buttons, the menu button's keyboard behaviour, the search box telling its worker it
// opened, and focus in the search results.
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

  // A search answer may come in two parts (the posts found in their text arrive later), and
  // Material draws the result list again for the second: the result the keyboard was on is
  // gone. Focus goes to the same result in the new list, or to its first result.
  var focusedResult = null;
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    var link = target instanceof Element ? target.closest(".md-search-result__link") : null;
    focusedResult = link ? link.getAttribute("href") : null;
  });
  var results = document.querySelector(".md-search-result__list");
  if (!results) return;
  new MutationObserver(function () {
    var active = document.activeElement;
    // Focus moved on elsewhere, or is still in the list: nothing was lost.
    if (focusedResult === null || (active && active !== document.body)) return;
    // A closed search box gives nothing back its focus.
    var toggle = document.getElementById("__search");
    if (toggle instanceof HTMLInputElement && !toggle.checked) return;
    var links = results.querySelectorAll(".md-search-result__link");
    var same = Array.prototype.filter.call(links, function (link) {
      return link.getAttribute("href") === focusedResult;
    });
    var next = same[0] || links[0];
    if (next instanceof HTMLElement) next.focus();
  }).observe(results, { childList: true, subtree: true });
})();
