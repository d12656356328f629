/* The print date on posts and procedure sheets: the day in Vietnam when the page is printed. */
(function () {
  "use strict";
  if (window.trangxaPrintDate) return;

  /* Vietnam keeps UTC+7 all year, so the date is read from the UTC clock shifted by seven
     hours: a device set to another zone, or Intl without time zone data, gives the same. */
  var OFFSET_MS = 7 * 60 * 60 * 1000;

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function today() {
    var vn = new Date(Date.now() + OFFSET_MS);
    return pad(vn.getUTCDate()) + "/" + pad(vn.getUTCMonth() + 1) + "/" + vn.getUTCFullYear();
  }

  function stamp() {
    var marks = document.querySelectorAll("[data-tx-print-date]");
    for (var i = 0; i < marks.length; i++) { marks[i].textContent = today(); }
  }

  window.trangxaPrintDate = today;
  window.addEventListener("beforeprint", stamp);
})();
