/* Filter of the procedures index and the date printed on procedure sheets. */
(function () {
  "use strict";

  function today() {
    var now = new Date();
    try {
      return new Intl.DateTimeFormat("vi-VN", {
        timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric"
      }).format(now);
    } catch (error) {
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      return pad(now.getDate()) + "/" + pad(now.getMonth() + 1) + "/" + now.getFullYear();
    }
  }

  /* The sheet pinned at the desk must show the day it was printed, not the day it was built. */
  function stampPrintDate() {
    var stamps = document.querySelectorAll("[data-trangxa-print-date]");
    for (var i = 0; i < stamps.length; i++) { stamps[i].textContent = today(); }
  }

  function setUpFilter() {
    var form = document.querySelector("[data-trangxa-filter]");
    if (!form || form.getAttribute("data-ready")) { return; }
    form.setAttribute("data-ready", "1");
    var field = form.querySelector("select[name=field]");
    var online = form.querySelector("select[name=online]");
    var status = form.querySelector(".trangxa-filter__status");
    var lists = document.querySelectorAll(".trangxa-list");
    var total = document.querySelectorAll(".trangxa-entry").length;

    function apply() {
      var shown = 0;
      for (var i = 0; i < lists.length; i++) {
        var list = lists[i];
        var fieldMatches = !field.value || list.getAttribute("data-field") === field.value;
        var entries = list.querySelectorAll(".trangxa-entry");
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

  window.addEventListener("beforeprint", stampPrintDate);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpFilter);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpFilter);
  } else {
    setUpFilter();
  }
})();
