// Dashboard behaviour: live broadcast status, the reminder preview → confirm → send flow, and the officers'
// actions on unanswered questions (teach, reply, dismiss), taught items (undo) and human-held chats (hand back).
// Data is only ever put on the page with textContent, never innerHTML (el() in admin-common.js).

import { api, csrf, el, notice, num } from "./admin-common.js";

(() => {
  var STATUS = { queued: "Đang chờ gửi", running: "Đang gửi", done: "Đã xong" };
  var POLL_MS = 3000;

  // ---- copy a reminder's text for a unit the OA cannot reach (selectable textarea + button)
  document.addEventListener("click", (e) => {
    var btn = e.target instanceof Element ? e.target.closest("[data-copy]") : null;
    if (!btn) return;
    var box = btn.parentElement?.querySelector("textarea.copy-text");
    if (!box) return;
    box.focus();
    box.select();
    var done = () => btn.setAttribute("data-copied", "true");
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(box.value).then(done, () => document.execCommand("copy") && done());
    else if (document.execCommand("copy")) done();
  });

  // ---- live broadcast status
  function field(li, name) {
    return li.querySelector(`[data-field="${name}"]`);
  }

  function renderBroadcast(li, b) {
    var status = b.status in STATUS ? b.status : "queued";
    li.setAttribute("data-status", status);
    var badge = field(li, "status");
    badge.textContent = STATUS[status];
    badge.className = `badge status-${status}`;
    // "Đã gửi x/y nhóm": y counts OA groups only; units without one are counted apart.
    var targets = b.targets || [];
    var counts = {
      sent: b.sent,
      failed: b.failed,
      skipped: b.leftOut ?? b.skipped, // the units to copy are counted apart
      groups: targets.filter((t) => t.groupId && t.status !== "skipped").length,
      withoutGroup: targets.filter((t) => !t.groupId).length,
    };
    Object.keys(counts).forEach((k) => {
      var f = field(li, k);
      if (f) f.textContent = num(counts[k]);
    });
    var list = field(li, "failures");
    list.replaceChildren();
    (b.targets || []).forEach((t) => {
      if (t.status === "failed") list.appendChild(el("li", null, `${t.unitName || t.unit || t.groupId}: ${t.error || "không rõ lỗi"}`));
    });
  }

  function pollOnce() {
    var pending = document.querySelectorAll('#broadcast-list [data-broadcast-id]:not([data-status="done"])');
    pending.forEach((li) => {
      var id = li.getAttribute("data-broadcast-id");
      api("GET", `/admin/broadcasts/${encodeURIComponent(id)}`)
        .then((b) => {
          if (b) renderBroadcast(li, b);
        })
        .catch(() => {});
    });
  }
  setInterval(pollOnce, POLL_MS);

  function addBroadcast(id, total) {
    var list = document.getElementById("broadcast-list");
    if (!list) return;
    var empty = document.querySelector('[data-empty="broadcasts"]');
    if (empty) empty.hidden = true;
    var li = el("li", "broadcast");
    li.setAttribute("data-broadcast-id", String(id));
    li.setAttribute("data-status", "queued");
    var title = el("div", "row-title");
    title.appendChild(el("span", null, `Nhắc nhở ${new Date().toLocaleString("vi-VN")} · đơn vị chậm tiến độ · do bảng điều khiển`));
    var badge = el("span", "badge status-queued", STATUS.queued);
    badge.setAttribute("data-field", "status");
    title.appendChild(badge);
    var nums = el("div", "numbers");
    function part(text, name, value) {
      nums.appendChild(document.createTextNode(text));
      var s = el(name === "sent" ? "b" : "span", null, num(value));
      s.setAttribute("data-field", name);
      nums.appendChild(s);
    }
    part("Đã gửi ", "sent", 0);
    part("/", "groups", total);
    part(" nhóm · lỗi ", "failed", 0);
    part(" · bỏ qua ", "skipped", 0);
    part(" · ", "withoutGroup", 0);
    nums.appendChild(document.createTextNode(" đơn vị chưa có nhóm Zalo"));
    var failures = el("ul", "failures");
    failures.setAttribute("data-field", "failures");
    li.appendChild(title);
    li.appendChild(nums);
    li.appendChild(failures);
    list.insertBefore(li, list.firstChild);
  }

  // ---- unanswered questions: teach (a guess or a new entry), reply, dismiss; undo; hand back
  var STATES = { new: "Chưa xử lý", answered: "Đã trả lời", taught: "Đã dạy bot", dismissed: "Đã bỏ qua" };

  function setState(li, state) {
    var badge = li.querySelector('[data-field="state"]');
    li.setAttribute("data-state", state);
    if (badge) {
      badge.textContent = STATES[state] || state;
      badge.className = `badge state-${state}`;
    }
  }

  function run(li, button, request, done) {
    var box = li.querySelector('[data-field="status"]');
    if (!csrf) return notice(box, "Đăng nhập bằng mã quản trị để thực hiện.", true);
    if (button) button.disabled = true;
    notice(box, "Đang xử lý…");
    request()
      .then((data) => {
        notice(box, done(data));
      })
      .catch((e) => {
        notice(box, e.message, true);
      })
      .finally(() => {
        if (button) button.disabled = false;
      });
  }

  function questionPath(li, action) {
    return `/admin/unanswered/${encodeURIComponent(li.getAttribute("data-question-id"))}/${action}`;
  }

  function taughtText(data) {
    var title = data?.entry ? data.entry.title || data.entry.id : "";
    return title ? `Đã dạy bot: từ nay câu này được trả lời bằng mục “${title}”.` : "Đã dạy bot.";
  }

  document.querySelectorAll("#question-list [data-question-id]").forEach((li) => {
    li.querySelectorAll('[data-action="teach-entry"]').forEach((b) => {
      b.addEventListener("click", () => {
        run(
          li,
          b,
          () => api("POST", questionPath(li, "teach"), { entryId: b.getAttribute("data-entry-id") }),
          (data) => {
            setState(li, "taught");
            return taughtText(data);
          },
        );
      });
    });
    var teachForm = li.querySelector('form[data-action="teach-new"]');
    if (teachForm) {
      teachForm.addEventListener("submit", (ev) => {
        ev.preventDefault();
        var links = teachForm.elements.links.value
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean);
        var entry = { title: teachForm.elements.title.value, answer: teachForm.elements.answer.value, links: links };
        run(
          li,
          teachForm.querySelector("button"),
          () => api("POST", questionPath(li, "teach"), { entry: entry }),
          (data) => {
            setState(li, "taught");
            return taughtText(data);
          },
        );
      });
    }
    var replyForm = li.querySelector('form[data-action="reply"]');
    if (replyForm) {
      replyForm.addEventListener("submit", (ev) => {
        ev.preventDefault();
        var text = replyForm.elements.text.value;
        run(
          li,
          replyForm.querySelector("button"),
          () => api("POST", questionPath(li, "reply"), { text: text }),
          (data) => {
            var sent = data?.send || [];
            var outside = data?.outsideWindow || [];
            if (sent.length) setState(li, li.getAttribute("data-state") === "taught" ? "taught" : "answered");
            var msg = `Đã xếp gửi tới ${num(sent.length)} nơi.`;
            if (outside.length)
              msg +=
                " " +
                num(outside.length) +
                " người hỏi đã quá 7 ngày, Zalo không cho gửi: " +
                outside.map((o) => o.userId).join(", ") +
                ".";
            return msg;
          },
        );
      });
    }
    var dismiss = li.querySelector('[data-action="dismiss"]');
    if (dismiss) {
      dismiss.addEventListener("click", () => {
        run(
          li,
          dismiss,
          () => api("POST", questionPath(li, "dismiss"), {}),
          () => {
            setState(li, "dismissed");
            return "Đã bỏ qua câu hỏi này.";
          },
        );
      });
    }
  });

  document.querySelectorAll("[data-taught-id]").forEach((li) => {
    var b = li.querySelector('[data-action="undo-taught"]');
    if (!b) return;
    b.addEventListener("click", () => {
      run(
        li,
        b,
        () => api("POST", `/admin/taught/${encodeURIComponent(li.getAttribute("data-taught-id"))}/undo`, {}),
        () => {
          b.hidden = true;
          li.setAttribute("data-undone", "true");
          return "Đã hoàn tác: bot không còn dùng câu này.";
        },
      );
    });
  });

  document.querySelectorAll("[data-takeover-user]").forEach((li) => {
    var b = li.querySelector('[data-action="hand-back"]');
    if (!b) return;
    b.addEventListener("click", () => {
      run(
        li,
        b,
        () => api("POST", `/admin/takeovers/${encodeURIComponent(li.getAttribute("data-takeover-user"))}/release`, {}),
        () => {
          b.hidden = true;
          return "Đã trả lại cho bot: bot trả lời người này từ tin nhắn sau.";
        },
      );
    });
  });

  // ---- reminder: preview (dry run) → confirm → send
  var previewBtn = document.getElementById("reminder-preview");
  var sendBtn = document.getElementById("reminder-send");
  var cancelBtn = document.getElementById("reminder-cancel");
  var box = document.getElementById("reminder-preview-box");
  var statusBox = document.getElementById("reminder-status");
  var messagesList = document.getElementById("reminder-messages");
  var skippedList = document.getElementById("reminder-skipped");
  if (!previewBtn || !csrf) {
    if (previewBtn) {
      previewBtn.disabled = true;
      previewBtn.title = "Đăng nhập bằng mã quản trị để gửi nhắc nhở.";
    }
    return;
  }

  function say(text, isError) {
    notice(statusBox, text, isError);
  }

  function previewItems(data) {
    var list = (data && (data.messages || data.previews || data.preview || data.targets)) || [];
    return Array.isArray(list) ? list : [];
  }

  function skipReason(r) {
    return typeof r === "string" ? r : JSON.stringify(r);
  }

  previewBtn.addEventListener("click", () => {
    previewBtn.disabled = true;
    say("Đang chuẩn bị nội dung…");
    api("POST", "/admin/broadcasts", { scope: "behind", dryRun: true })
      .then((data) => {
        var items = previewItems(data);
        messagesList.replaceChildren();
        skippedList.replaceChildren();
        items.forEach((m) => {
          var li = el("li");
          var who = m.unitName || m.name || m.unit || m.groupId || "";
          li.appendChild(el("b", null, who));
          if (m.routeLabel) li.appendChild(el("span", "code", ` · ${m.routeLabel}`));
          else if (m.groupId && m.groupId !== who) li.appendChild(el("span", "code", ` · nhóm ${m.groupId}`));
          if (m.reason) li.appendChild(el("div", "muted", m.reason));
          li.appendChild(el("pre", "text", m.text || m.message || ""));
          messagesList.appendChild(li);
        });
        (data?.copies || []).forEach((c) => {
          var li = el("li");
          li.appendChild(el("b", null, c.unitName || c.unit || ""));
          li.appendChild(el("div", "muted", c.reason || ""));
          var area = el("textarea", "copy-text");
          area.readOnly = true;
          area.rows = 6;
          area.value = c.text || "";
          li.appendChild(area);
          var copyBtn = el("button", "secondary copy-button", "Chép nội dung");
          copyBtn.type = "button";
          copyBtn.setAttribute("data-copy", "");
          li.appendChild(copyBtn);
          skippedList.appendChild(li);
        });
        var expected = document.getElementById("reminder-expected");
        if (expected) {
          expected.hidden = !data?.expected?.text;
          expected.textContent = data?.expected?.text || "";
        }
        var copied = new Set((data?.copies || []).map((c) => c.unit));
        (data?.skipped || []).forEach((s) => {
          if (copied.has(s.unit)) return; // listed above with its text to copy
          skippedList.appendChild(el("li", null, `Bỏ qua ${s.unit || ""}: ${skipReason(s.reason)}`));
        });
        box.hidden = false;
        sendBtn.disabled = items.length === 0;
        sendBtn.textContent = `Xác nhận gửi ${num(items.length)} tin`;
        say(items.length === 0 ? "Không có nhóm nào cần nhắc." : "Kiểm tra nội dung rồi bấm “Xác nhận gửi”.");
      })
      .catch((e) => {
        say(e.message, true);
      })
      .finally(() => {
        previewBtn.disabled = false;
      });
  });

  cancelBtn.addEventListener("click", () => {
    box.hidden = true;
    statusBox.hidden = true;
  });

  sendBtn.addEventListener("click", () => {
    sendBtn.disabled = true;
    previewBtn.disabled = true;
    say("Đang gửi…");
    api("POST", "/admin/broadcasts", { scope: "behind" })
      .then((data) => {
        box.hidden = true;
        say(`Đã xếp lịch gửi tới ${num(data.targets)} nhóm (đợt ${data.id}).`);
        addBroadcast(data.id, data.targets);
        pollOnce();
      })
      .catch((e) => {
        say(e.message, true);
        sendBtn.disabled = false;
      })
      .finally(() => {
        previewBtn.disabled = false;
      });
  });
})();
