// Visit statistics (Matomo / Web Analytics Italia) start only after the visitor accepts them in
// the cookie bar. The choice is kept in one first-party cookie, written only when the visitor
// chooses; the site works the same whatever the choice, and without JavaScript nothing loads.
// The cookie is the one Bootstrap Italia's cookie bar reads ("true" once accepted): with any
// value the kit no longer shows the bar at load, so "false" records a refusal.
(function () {
  "use strict";
  var bar = document.getElementById("cookiebar");
  if (!bar) {
    return;
  }
  var COOKIE = "cookies_consent";
  var started = false;

  function choice() {
    var match = document.cookie.match(/(?:^|;\s*)cookies_consent=(true|false)(?:;|$)/);
    return match ? match[1] : null;
  }

  function remember(value) {
    var secure = window.location.protocol === "https:" ? "; Secure" : "";
    document.cookie =
      COOKIE + "=" + value + "; Max-Age=15552000; Path=/; SameSite=Lax" + secure;
  }

  function startTracker() {
    if (started) {
      return;
    }
    started = true;
    var base = bar.getAttribute("data-matomo-url");
    var queue = (window._paq = window._paq || []);
    queue.push(["setTrackerUrl", base + "matomo.php"]);
    queue.push(["setSiteId", bar.getAttribute("data-matomo-site")]);
    queue.push(["trackPageView"]);
    queue.push(["enableLinkTracking"]);
    var script = document.createElement("script");
    script.async = true;
    script.src = base + "matomo.js";
    document.head.appendChild(script);
  }

  function show() {
    bar.classList.add("show");
    bar.removeAttribute("aria-hidden");
  }

  function hide() {
    bar.classList.remove("show");
    bar.setAttribute("aria-hidden", "true");
  }

  bar.addEventListener("click", function (event) {
    var button = event.target.closest("[data-consent]");
    if (!button) {
      return;
    }
    var value = button.getAttribute("data-consent");
    remember(value);
    hide();
    if (value === "true") {
      startTracker();
    }
  });

  document.querySelectorAll(".consent-open").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      show();
      bar.querySelector("button").focus();
    });
  });

  var known = choice();
  if (known === "true") {
    startTracker();
  } else if (known === null) {
    show();
  }
})();
