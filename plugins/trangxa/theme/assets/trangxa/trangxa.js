// Print buttons and the print date: printed pages are pinned up, so they say when they were printed.
(function () {
  "use strict";
  function today() {
    var d = new Date();
    var dd = String(d.getDate()).padStart(2, "0");
    var mm = String(d.getMonth() + 1).padStart(2, "0");
    return dd + "/" + mm + "/" + d.getFullYear();
  }
  function stampPrintDate() {
    document.querySelectorAll("[data-tx-print-date]").forEach(function (el) {
      el.textContent = today();
    });
  }
  window.addEventListener("beforeprint", stampPrintDate);
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest("[data-tx-print]")) {
      stampPrintDate();
      window.print();
    }
  });
})();
