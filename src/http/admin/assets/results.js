// Official results upload: preview (nothing written) → confirm (the same file, checked by its SHA-256).
// Data is only ever put on the page with textContent, never innerHTML (el() in admin-common.js).

import { api, csrf, el, notice, num } from "./admin-common.js";

(() => {
  var input = document.getElementById("results-file");
  var previewBtn = document.getElementById("results-preview");
  if (!input || !previewBtn || !csrf) return;
  var applyBtn = document.getElementById("results-apply");
  var cancelBtn = document.getElementById("results-cancel");
  var box = document.getElementById("results-preview-box");
  var statusBox = document.getElementById("results-status");
  var summary = document.getElementById("results-summary");
  var problems = document.getElementById("results-problems");
  var changes = document.getElementById("results-changes");
  var matching = document.getElementById("results-matching");
  var pending = null;

  function dmy(day) {
    return day ? day.split("-").reverse().join("/") : "";
  }
  function say(text, isError) {
    notice(statusBox, text, isError);
  }
  function official(f) {
    return f.official === null ? "—" : `${num(f.official)} (${dmy(f.officialAsOf)})`;
  }

  function send(file, bytes, apply, sha256) {
    var q = `?name=${encodeURIComponent(file.name)}${apply ? `&apply=1&sha256=${encodeURIComponent(sha256)}` : ""}`;
    return api("POST", `/admin/results/import${q}`, bytes);
  }

  function show(r) {
    summary.replaceChildren(
      el(
        "p",
        null,
        "Tệp " +
          r.fileName +
          " (" +
          (r.shape === "person" ? "theo người" : "theo đơn vị") +
          "): đọc " +
          num(r.rowsRead) +
          " dòng, dùng được " +
          num(r.usable) +
          (r.shape === "person" ? " người" : " đơn vị") +
          ", " +
          num(r.problemCount) +
          " dòng không dùng được.",
      ),
    );
    if (r.ignoredColumns.length) summary.appendChild(el("p", "muted", `Cột không dùng: ${r.ignoredColumns.join(", ")}`));
    problems.replaceChildren();
    r.problems.forEach((p) => {
      problems.appendChild(el("li", null, `Dòng ${p.where}: ${p.reason}`));
    });
    if (r.problemCount > r.problems.length)
      problems.appendChild(el("li", null, `… và ${num(r.problemCount - r.problems.length)} dòng khác`));
    if (r.problemCount === 0) problems.appendChild(el("li", "muted", "Không có."));
    changes.replaceChildren();
    r.changes.forEach((c) => {
      var tr = el("tr");
      tr.appendChild(el("td", null, `${c.name} (${c.code})`));
      tr.appendChild(el("td", "num", `${official(c.before)} → ${official(c.after)}`));
      tr.appendChild(el("td", "num", `${num(c.before.completed)} → ${num(c.after.completed)}/${num(c.target)}`));
      tr.appendChild(el("td", null, `${c.before.behind ? "chậm" : "đạt"} → ${c.after.behind ? "chậm" : "đạt"}`));
      changes.appendChild(tr);
    });
    matching.replaceChildren();
    if (r.matching.length) {
      matching.appendChild(el("h3", null, "Đối chiếu với người báo qua Zalo"));
      const ul = el("ul");
      r.matching.forEach((m) => {
        ul.appendChild(matchItem(m));
      });
      matching.appendChild(ul);
    }
  }

  function matchItem(m) {
    const s = m.summary;
    const counts = `${num(s.confirmed)} khớp, ${num(s.chatOnly)} chỉ báo qua Zalo, ${num(s.officialOnly)} chỉ có trong danh sách`;
    const li = el("li", null, `${m.name}: ${counts}`);
    if (s.near.length) {
      const near = el("ul", "failures");
      s.near.forEach((n) => {
        near.appendChild(el("li", null, `Kiểm tra: “${n.chat}” (Zalo) gần giống “${n.official}” (danh sách) — không tự gộp`));
      });
      li.appendChild(near);
    }
    return li;
  }

  previewBtn.addEventListener("click", () => {
    var file = input.files?.[0];
    if (!file) return say("Chọn tệp CSV hoặc Excel trước.", true);
    previewBtn.disabled = true;
    box.hidden = true;
    say("Đang đọc tệp…");
    file
      .arrayBuffer()
      .then((bytes) =>
        send(file, bytes, false).then((r) => {
          pending = { file: file, bytes: bytes, sha256: r.sha256 };
          show(r);
          box.hidden = false;
          applyBtn.disabled = false;
          say("Chưa ghi gì. Kiểm tra rồi bấm “Xác nhận nhập”.");
        }),
      )
      .catch((e) => {
        say(e.message, true);
      })
      .finally(() => {
        previewBtn.disabled = false;
      });
  });

  cancelBtn.addEventListener("click", () => {
    pending = null;
    box.hidden = true;
    statusBox.hidden = true;
  });

  applyBtn.addEventListener("click", () => {
    if (!pending) return;
    applyBtn.disabled = true;
    say("Đang nhập…");
    send(pending.file, pending.bytes, true, pending.sha256)
      .then((r) => {
        pending = null;
        box.hidden = true;
        say(`Đã nhập: ${num(r.changes.length)} đơn vị dùng số liệu chính thức mới. Tải lại trang để xem tiến độ.`);
      })
      .catch((e) => {
        say(e.message, true);
        applyBtn.disabled = false;
      });
  });
})();
