// Trusted Types for retag (the CSP says `require-trusted-types-for 'script'; trusted-types
// default`). The app passes exactly one kind of string to a Trusted Types sink: the URL of
// its own worker scripts (`new Worker(url)`). This default policy lets those through and
// nothing else: it has no createHTML or createScript, so `innerHTML = string`, `eval`-like
// sinks and script text stay blocked, and a script URL from any other origin is refused.
// It is a classic script in <head>, so it runs before the app's module creates a worker.
(function () {
  'use strict';
  if (typeof trustedTypes === 'undefined' || trustedTypes.defaultPolicy) return;
  trustedTypes.createPolicy('default', {
    createScriptURL: function (input) {
      var url = new URL(input, document.baseURI);
      var ours =
        url.origin === location.origin &&
        url.search === '' &&
        url.hash === '' &&
        /^\/(?:[\w.-]+\/)*[\w.-]+\.js$/.test(url.pathname);
      if (!ours) throw new TypeError('retag: refused script URL ' + url.href);
      return url.href;
    },
  });
})();
