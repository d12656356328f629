/* Preview only: shows the content errors of the last rebuild at the top of every page. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var source = new URL("preview-problems.json", script.src);

  function line(problem) {
    var item = document.createElement("li");
    var where = document.createElement("code");
    where.textContent = problem.file + (problem.line ? ", dòng " + problem.line : "");
    var label = problem.severity === "error" ? "Lỗi" : "Cảnh báo";
    item.appendChild(where);
    item.appendChild(document.createTextNode(" — " + label + ": " + problem.message));
    return item;
  }

  function show(problems) {
    if (!problems.length) return;
    var errors = problems.filter(function (p) { return p.severity === "error"; }).length;
    var box = document.createElement("section");
    box.className = "tx-preview-problems";
    box.setAttribute("role", "alert");
    box.setAttribute("aria-labelledby", "tx-preview-problems-title");
    var title = document.createElement("h2");
    title.id = "tx-preview-problems-title";
    title.textContent = errors
      ? "Trang xem thử: " + errors + " lỗi phải sửa trước khi đăng"
      : "Trang xem thử: " + problems.length + " cảnh báo cần xử lý trước khi đăng";
    var hint = document.createElement("p");
    hint.textContent = "Mở tệp, sửa ở dòng được chỉ ra rồi lưu lại: thông báo này tự mất khi hết lỗi.";
    var list = document.createElement("ul");
    problems.forEach(function (p) { list.appendChild(line(p)); });
    box.appendChild(title);
    box.appendChild(hint);
    box.appendChild(list);
    document.body.insertBefore(box, document.body.firstChild);
  }

  fetch(source, { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : []; })
    .then(show)
    .catch(function () {});
})();
