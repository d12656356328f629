// Print buttons, and the menu button's keyboard behaviour.
(function () {
  "use strict";
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
