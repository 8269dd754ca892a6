// Progressive enhancement of the page rating (templates/feedback/page_feedback.html): without
// JavaScript both follow-up questions are shown and the server keeps the one that belongs to
// the rating; with it, only that one is shown, as AgID's validator expects (1-3 stars: the
// difficulties, 4-5: what was liked).
(function () {
  "use strict";
  var form = document.querySelector("form[data-page-feedback]");
  if (!form) {
    return;
  }
  var positive = form.querySelector('[data-feedback-followup="positive"]');
  var negative = form.querySelector('[data-feedback-followup="negative"]');
  form.querySelectorAll("[data-feedback-nojs]").forEach(function (hint) {
    hint.hidden = true;
  });

  function update() {
    var checked = form.querySelector('input[name="valutazione"]:checked');
    var rating = checked ? parseInt(checked.value, 10) : 0;
    positive.hidden = rating <= 3;
    negative.hidden = rating === 0 || rating > 3;
  }

  form.addEventListener("change", update);
  update();
})();
