// Shows each <time data-local-time> also in the reader's own time zone. Without this
// script the UTC time stays, which is always correct.
(function () {
  "use strict";
  // In the page's language, so a Persian page shows the Solar Hijri calendar as the server does.
  var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    dateStyle: "long",
    timeStyle: "short",
    timeZoneName: "short"
  });
  document.querySelectorAll("time[data-local-time]").forEach(function (element) {
    var instant = new Date(element.getAttribute("datetime"));
    if (!isNaN(instant)) {
      element.title = element.textContent;
      element.textContent = format.format(instant) + " (" + element.textContent + ")";
    }
  });
})();
