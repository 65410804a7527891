/*
 * The page's language (the html element's lang attribute) follows the language chosen in the sidebar,
 * on every page (Streamlit writes lang="en" once and never changes it). Loaded by its address (never inline, so a
 * Content-Security-Policy without 'unsafe-inline' runs it) by atlas/ui/layout.py's page_language (st.html with
 * JavaScript allowed), which writes the language in a hidden data-atlas-lang element beside it.
 * The map's frame does the same through streamlit-adapter.js (setPageLanguage).
 * No less-than sign anywhere in this file, so it could also be written inline through st.html: the HTML
 * sanitizer (DOMPurify) drops a script whose text has one followed by a letter or a slash.
 */
(function () {
  'use strict';
  const marks = document.querySelectorAll('[data-atlas-lang]');
  const lang = marks.length ? marks[marks.length - 1].getAttribute('data-atlas-lang') : '';
  if (/^[a-z]{2}$/.test(lang) && document.documentElement.lang !== lang) { document.documentElement.lang = lang; }
})();
