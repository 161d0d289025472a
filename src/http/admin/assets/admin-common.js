// What every dashboard script shares: the CSRF token, number formatting, building elements (textContent only,
// never innerHTML) and calling the admin API. Served once as an ES module; dashboard.js and results.js import it.

var meta = document.querySelector('meta[name="csrf-token"]');

/** The session's CSRF token ("" when signed in with the bearer token: read-only page). */
export var csrf = meta ? meta.getAttribute("content") : "";

export function num(n) {
  return Number(n || 0).toLocaleString("vi-VN");
}

export function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

/** Shows a status line in `box` (a `.notice`, red for an error); nothing when the page has no such box. */
export function notice(box, text, isError) {
  if (!box) return;
  box.hidden = false;
  box.className = isError ? "notice error" : "notice";
  box.textContent = text;
}

/**
 * Calls the admin API and resolves with its JSON. `body`: an object (sent as JSON) or bytes (sent as a file).
 * A 401 goes back to the sign-in page; another error rejects with the server's message.
 */
export function api(method, path, body) {
  var headers = { Accept: "application/json" };
  var bytes = body instanceof ArrayBuffer;
  if (body !== undefined) headers["Content-Type"] = bytes ? "application/octet-stream" : "application/json";
  if (method !== "GET") headers["X-CSRF-Token"] = csrf;
  return fetch(path, {
    method: method,
    headers: headers,
    credentials: "same-origin",
    body: body === undefined || bytes ? body : JSON.stringify(body),
  }).then((res) =>
    res.text().then((t) => {
      var data = null;
      try {
        data = t ? JSON.parse(t) : null;
      } catch {
        data = null;
      }
      if (res.status === 401) {
        window.location.assign("/admin");
        throw new Error("Phiên đăng nhập đã hết hạn.");
      }
      if (!res.ok) throw new Error(data?.message || `Lỗi máy chủ (${res.status}).`);
      return data;
    }),
  );
}
