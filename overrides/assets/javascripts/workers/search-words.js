{#- Rendered by the build (theme.static_templates in mkdocs.yml) from docs/data/search.yml:
    the words readers type that the search turns into the guide's words, and the words it
    leaves out of a query, per language. Loaded by search-i18n.js when search opens. -#}
self.GUIDE_SEARCH_WORDS = {{ config.extra.search_words | tojson }};
