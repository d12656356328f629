/* Filter of the procedures index (the print date comes from print-date.js). */
(function () {
  "use strict";

  function setUpFilter() {
    var form = document.querySelector("[data-tx-filter]");
    if (!form || form.getAttribute("data-ready")) { return; }
    form.setAttribute("data-ready", "1");
    var field = form.querySelector("select[name=field]");
    var online = form.querySelector("select[name=online]");
    var status = form.querySelector(".tx-filter__status");
    var lists = document.querySelectorAll(".tx-list");
    var total = document.querySelectorAll(".tx-entry").length;

    function apply() {
      var shown = 0;
      for (var i = 0; i < lists.length; i++) {
        var list = lists[i];
        var fieldMatches = !field.value || list.getAttribute("data-field") === field.value;
        var entries = list.querySelectorAll(".tx-entry");
        var visible = 0;
        for (var j = 0; j < entries.length; j++) {
          var match = fieldMatches &&
            (!online.value || entries[j].getAttribute("data-online") === online.value);
          entries[j].hidden = !match;
          if (match) { visible++; }
        }
        list.hidden = visible === 0;
        var heading = list.previousElementSibling;
        if (heading && /^H[2-6]$/.test(heading.tagName)) { heading.hidden = visible === 0; }
        shown += visible;
      }
      status.textContent = shown === total
        ? "Đang hiển thị tất cả " + total + " thủ tục."
        : "Đang hiển thị " + shown + " trên " + total + " thủ tục.";
    }

    field.addEventListener("change", apply);
    online.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpFilter);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpFilter);
  } else {
    setUpFilter();
  }
})();
