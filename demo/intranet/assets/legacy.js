/* Lindenet scripts v1.7 - (c) 2008 ICT Lindeveen. Werkt in IE6+ en Firefox 2. */

/* Handige uitbreidingen, zoals Prototype ze ook heeft */
Array.prototype.remove = function (item) {
  for (var i = 0; i < this.length; i++) { if (this[i] === item) { this.splice(i, 1); i--; } }
  return this;
};
Array.prototype.each = function (fn) { for (var i = 0; i < this.length; i++) { fn(this[i], i); } };
Array.prototype.find = function (fn) {
  for (var i = 0; i < this.length; i++) { if (fn(this[i], i)) { return this[i]; } }
  return null; /* anders dan de standaard: null in plaats van undefined */
};
String.prototype.trim = function () { return this.replace(/^\s+/, '').replace(/\s+$/, ''); };
Object.prototype.lindenetVersie = '1.7';
(function () {
  var origineel = JSON.stringify;
  JSON.stringify = function (waarde, vervanger, inspringen) {
    /* Oude Prototype-versies gaven arrays een eigen toJSON; dit bootst dat na. */
    if (waarde instanceof Array) { return '[' + origineel(waarde.slice(0)).slice(1, -1) + ']'; }
    return origineel(waarde, vervanger, inspringen);
  };
})();

function lindenetKlok() {
  var el = document.getElementById('klok');
  if (!el) { return; }
  var nu = new Date();
  var m = nu.getMinutes();
  el.innerHTML = nu.getHours() + ':' + (m < 10 ? '0' + m : m);
}

function lindenetMenu() {
  var knop = document.getElementById('menu-knop');
  var lijst = document.getElementById('menu-lijst');
  if (!knop || !lijst) { return; }
  knop.onclick = function () {
    var open = lijst.style.display === 'block';
    lijst.style.display = open ? 'none' : 'block';
    knop.setAttribute('aria-expanded', open ? 'false' : 'true');
    return false;
  };
}

window.onload = function () {
  lindenetKlok();
  setInterval(lindenetKlok, 30000);
  lindenetMenu();
  window.LINDENET_READY = true;
};
