// jobcrawler report: sorting and filtering of the tables, in the page.
// Reads only the page itself; changes it only through textContent, hidden
// and attributes, never through markup. The postings table shows at most
// data-page rows at once (the rest stay hidden, so a table of 10,000 rows
// lays out as fast as a short one) until "show all" is pressed.
(function () {
  'use strict';
  var lang = document.documentElement.lang || 'en';
  var collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
  var numbers = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB');

  // A cell's sort key: its data-v number for numeric columns (null when
  // empty, sorted last either way), else its text.
  function key(cell, numeric) {
    if (!numeric) return cell.textContent;
    var value = cell.getAttribute('data-v');
    return value === null || value === '' ? null : Number(value);
  }

  function compare(a, b, numeric, direction) {
    if (a.key === null || b.key === null) {
      if (a.key === b.key) return a.index - b.index;
      return a.key === null ? 1 : -1;
    }
    var order = numeric ? a.key - b.key : collator.compare(a.key, b.key);
    return order !== 0 ? direction * order : a.index - b.index;
  }

  function sortTable(table, column) {
    var headers = table.tHead.rows[0].cells;
    var header = headers[column];
    var numeric = header.classList.contains('num');
    var ascending = header.getAttribute('aria-sort') !== 'ascending';
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (row, index) {
      return { row: row, index: index, key: key(row.cells[column], numeric) };
    });
    rows.sort(function (a, b) { return compare(a, b, numeric, ascending ? 1 : -1); });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (entry) { fragment.appendChild(entry.row); });
    body.appendChild(fragment);
    Array.prototype.forEach.call(headers, function (cell) { cell.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  }

  function makeSortable(table, sorted) {
    if (!table.tHead || !table.tBodies.length) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      var button = document.createElement('button');
      button.type = 'button';
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      button.addEventListener('click', function () {
        sortTable(table, column);
        sorted();
      });
    });
  }

  // Filtering and paging of the postings table; returns the function that
  // shows the rows again after a sort.
  function makeFilterable(table, input, counter, more) {
    var body = table.tBodies[0];
    var page = Number(table.getAttribute('data-page')) || Infinity;
    var total = body.rows.length;
    var texts = new Map();
    // Cells joined by a line break, so that a word never spans two cells.
    Array.prototype.forEach.call(body.rows, function (row) {
      var text = Array.prototype.map.call(row.cells, function (cell) { return cell.textContent; });
      texts.set(row, text.join('\n').toLocaleLowerCase(lang));
    });
    var terms = [];
    var showAll = false;
    var template = counter.getAttribute('data-template');
    var moreTemplate = more.getAttribute('data-template');

    function show() {
      var matching = 0;
      Array.prototype.forEach.call(body.rows, function (row) {
        var text = texts.get(row);
        var match = terms.every(function (term) { return text.indexOf(term) !== -1; });
        if (match) matching++;
        var visible = match && (showAll || matching <= page);
        if (row.hidden === visible) row.hidden = !visible;
      });
      counter.textContent = template.replace('{shown}', numbers.format(matching))
        .replace('{total}', numbers.format(total));
      more.hidden = showAll || matching <= page;
      more.textContent = moreTemplate.replace('{count}', numbers.format(matching));
    }

    input.addEventListener('input', function () {
      terms = input.value.toLocaleLowerCase(lang).split(/\s+/).filter(Boolean);
      show();
    });
    more.addEventListener('click', function () {
      showAll = true;
      show();
    });
    input.disabled = false;
    show();
    return show;
  }

  var postings = document.getElementById('postings-table');
  var input = document.getElementById('filter');
  var counter = document.getElementById('count');
  var more = document.getElementById('show-all');
  var showPostings = function () {};
  if (postings && input && counter && more) {
    showPostings = makeFilterable(postings, input, counter, more);
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    makeSortable(table, table === postings ? showPostings : function () {});
  });
  document.documentElement.setAttribute('data-ready', '1');
})();
