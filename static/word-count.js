// Live word counters for fields with a word limit. Words are counted as the server counts
// them (src/submissions/rules.rs, word_count): runs of non-space characters with at least
// one letter or digit. The server decides; this only helps while typing.
(function () {
  "use strict";
  function countWords(text) {
    return text.split(/\s+/).filter(function (word) {
      return /[\p{L}\p{N}]/u.test(word);
    }).length;
  }
  function attach(container, fields, limit) {
    var counter = document.createElement("p");
    counter.className = "word-counter";
    counter.setAttribute("aria-live", "polite");
    container.appendChild(counter);
    function update() {
      var words = fields.reduce(function (sum, field) {
        return sum + countWords(field.value);
      }, 0);
      counter.textContent = words + " of " + limit + " words";
      counter.classList.toggle("over-limit", words > limit);
    }
    fields.forEach(function (field) {
      field.addEventListener("input", update);
    });
    update();
  }
  document.querySelectorAll("textarea[data-word-limit]").forEach(function (field) {
    attach(field.parentNode, [field], Number(field.dataset.wordLimit));
  });
  document.querySelectorAll("fieldset[data-word-limit]").forEach(function (group) {
    attach(group, Array.prototype.slice.call(group.querySelectorAll("textarea")), Number(group.dataset.wordLimit));
  });
})();
