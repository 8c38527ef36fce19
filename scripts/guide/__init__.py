"""The guide's tooling: one package for the build hook, the tests and the `guide` command.

Modules, one concern each:
  pages           read Markdown pages (front matter, prose, headings)
  data            load and check the data files (help lines, glossary, handouts, safety
                  boxes, search words, word list)
  shortcodes      the Markdown a page's shortcodes (<!-- glossary -->, ...) become
  build_checks    what the MkDocs hook checks and rewrites while building
  content_checks  editor's checks of the Markdown (`guide check`)
  readability     reading level per page (`guide readability`)
  translations    translators' tool (`guide translations check|status|mark`)
  review          what falls due for review (`guide review`)
  site_checks     links, anchors and privacy of a built site (`guide check-site`)
  html_validator  every built page through the Nu HTML Checker (`guide validate-html`)
  safety_checks   what a reader in danger must find on every page (tests/safety_contract.yml)
  ui_language     no interface words of another language on a page
  search_ranking  the search-quality harness (`guide search-rank`)
  search_index    one search index per language (`guide search-index`)
  slim_css        the theme's CSS without unused rules; our assets without comments (`guide slim-css`)
  theme_html      the theme's HTML mended where the validator rejects it (`guide theme-html`)
  qr_codes        a QR code of each page's address, for its Share box (`guide qr`)
  headers         security headers for each host (`guide headers`)
  handouts        handout PDFs (`guide handouts`)
  offline         the offline zip (`guide offline`)
  lighthouse      Lighthouse scores on a phone, served by nginx (`guide lighthouse`)
  benchmark       build timing (`guide benchmark`)
  chromium        Debian's Chromium for the commands and the tests
  options, cli    the `guide` command line
Installed into .venv (editable) by scripts/setup.sh, so everything imports `guide` normally.
"""
