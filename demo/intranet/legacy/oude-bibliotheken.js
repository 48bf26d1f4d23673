/* Zaaksysteem-bibliotheken, 2007. Patcht ingebouwde functies zoals Prototype, MooTools en oude
   jQuery-plugins deden. Elke aanroep wordt genoteerd in window.__aanroepen, zodat een test kan
   aantonen dat alleen de pagina zelf ze aanroept. */
window.__aanroepen = [];
function noteer(naam) { window.__aanroepen.push(naam); }
(function () {
  var bind = Function.prototype.bind;
  Function.prototype.bind = function () { noteer('bind'); return bind.apply(this, arguments); };
  Array.from = function (lijst) { noteer('Array.from'); var uit = []; for (var i = 0; i < lijst.length; i++) { uit.push(lijst[i]); } return uit; };
  Array.prototype.find = function (fn) { noteer('find'); for (var i = 0; i < this.length; i++) { if (fn(this[i])) { return this[i]; } } return null; };
  var stringify = JSON.stringify;
  JSON.stringify = function (waarde) {
    noteer('JSON.stringify');
    /* Prototype 1.6: arrays werden dubbel gecodeerd */
    if (Object.prototype.toString.call(waarde) === '[object Array]') { return '"' + stringify(waarde).replace(/"/g, '\\"') + '"'; }
    return stringify.apply(JSON, arguments);
  };
  String.prototype.trim = function () { noteer('trim'); return this.replace(/^\s+/, '').replace(/\s+$/, ''); };
  Array.prototype.each = function (fn) { for (var i = 0; i < this.length; i++) { fn(this[i], i); } };
  Object.prototype.extend = function (bron) { for (var k in bron) { this[k] = bron[k]; } return this; };
  window.Element = function Element(tag) { noteer('Element'); this.tag = tag; };
  window.Event = function Event(naam) { noteer('Event'); this.naam = naam; };
  window.Request = function Request(url) { noteer('Request'); this.url = url; };
  /* Een AMD-loader zoals RequireJS 0.x */
  var modules = {};
  window.define = function (naam, afhankelijk, fabriek) { modules[naam] = fabriek(); };
  window.define.amd = { jQuery: true };
  window.require = function (namen, klaar) { var args = []; for (var i = 0; i < namen.length; i++) { args.push(modules[namen[i]]); } klaar.apply(null, args); };
})();
