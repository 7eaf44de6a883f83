// Live word counters for fields with a word limit. Words are counted as the server counts
// them (src/submissions/rules.rs, word_count): runs of non-space characters with at least
// one letter or digit. The server decides; this only helps while typing.
// Its words and digits are the page's: the form carries the counter's text, with {count} and
// {limit} to fill in, and the ten digits of the page's language.
(function () {
  "use strict";
  var form = document.querySelector("form[data-word-counter]");
  var pattern = form ? form.dataset.wordCounter : "{count} / {limit}";
  var digits = form && form.dataset.digits.length === 10 ? form.dataset.digits : "0123456789";
  function localDigits(number) {
    return String(number).replace(/[0-9]/g, function (digit) {
      return digits.charAt(Number(digit));
    });
  }
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
      counter.textContent = pattern
        .replace("{count}", localDigits(words))
        .replace("{limit}", localDigits(limit));
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
