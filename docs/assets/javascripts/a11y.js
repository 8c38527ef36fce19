/*
 * Keyboard and screen-reader fixes to the theme's header, drawer, search and menus
 * (WCAG 2.2 AA; the audit rows of FINDINGS §A). Material builds these controls from
 * <label>s of hidden checkboxes, which a keyboard cannot reach and a screen reader cannot
 * name. Each fix below names the criterion it serves, so that a theme upgrade can be
 * checked against it (tests/test_keyboard_and_screen_reader.py drives every one).
 * The words come from overrides/main.html (#guide-a11y), in the page's language.
 */
"use strict";

(() => {
  const words = document.getElementById("guide-a11y")?.dataset;
  if (!words) return;
  document.documentElement.classList.add("guide-js");   // the CSS of the fixes applies only with this script
  const drawer = document.getElementById("__drawer");
  const search = document.getElementById("__search");
  const sidebar = document.querySelector(".md-sidebar--primary");
  const menuButton = document.querySelector('.md-header label[for="__drawer"]');
  const searchButton = document.querySelector('.md-header label[for="__search"]');
  const drawerLayout = matchMedia("(max-width: 76.234375em)");   // where Material's sidebar is a drawer

  /* 2.1.1, 4.1.2: a label that toggles a checkbox becomes a named button that Tab reaches
     and Enter or Space presses. */
  function asButton(label, name) {
    label.setAttribute("role", "button");
    label.tabIndex = 0;
    if (name) label.setAttribute("aria-label", name);
    if (!label.dataset.guideKeys) {
      label.dataset.guideKeys = "yes";
      label.addEventListener("keydown", event => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          event.stopPropagation();     // Material's own Enter handler would press it a second time
          label.click();
        }
      });
    }
  }

  function notButton(label) {
    label.removeAttribute("role");
    label.removeAttribute("tabindex");
    label.removeAttribute("aria-expanded");
  }

  /* --- the navigation drawer (phone, tablet, 400% zoom) ---------------------------------- */

  if (sidebar) sidebar.id = sidebar.id || "guide-drawer";

  /* 2.4.3, 2.4.7, 4.1.2: the closed drawer is out of the Tab order and the accessibility
     tree (inert); the menu button says whether it is open. */
  function syncDrawer() {
    if (!drawer || !sidebar) return;
    const isDrawer = drawerLayout.matches;
    sidebar.inert = isDrawer && !drawer.checked;
    sidebar.toggleAttribute("aria-hidden", sidebar.inert);
    if (menuButton) {
      if (isDrawer) {
        asButton(menuButton, words.menu);
        menuButton.setAttribute("aria-expanded", String(drawer.checked));
        menuButton.setAttribute("aria-controls", sidebar.id);
      } else {
        notButton(menuButton);
      }
    }
    for (const label of document.querySelectorAll('.md-nav--primary label[for^="__nav_"]')) {   // a section, and its panel's "back"
      const input = document.getElementById(label.htmlFor);
      if (isDrawer && input) {
        asButton(label);
        label.setAttribute("aria-expanded", String(input.checked));
      } else {
        notButton(label);
      }
    }
  }

  /* The first control a reader sees in the drawer (it opens on the current section's panel,
     over the top level). */
  function firstVisible(container) {
    return [...container.querySelectorAll("a[href], [role=button]")].find(element => {
      const box = element.getBoundingClientRect();
      if (!box.width || !box.height || box.bottom < 0 || box.top > innerHeight) return false;
      const seen = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return seen && (element === seen || element.contains(seen));
    });
  }

  function closeDrawer() {
    drawer.checked = false;
    drawer.dispatchEvent(new Event("change"));
    syncDrawer();
    menuButton?.focus();
  }

  if (drawer && sidebar) {
    drawer.addEventListener("change", () => {
      syncDrawer();
      /* 2.4.3: focus moves into the opened drawer, to its first link. */
      if (drawer.checked && drawerLayout.matches) {
        setTimeout(() => firstVisible(sidebar)?.focus(), 300);
      }
    });
    for (const input of document.querySelectorAll('.md-nav--primary input[id^="__nav_"]')) {
      input.addEventListener("change", syncDrawer);
    }
    drawerLayout.addEventListener("change", syncDrawer);
    /* A page is shown with the menu and search closed, even where the browser restores
       checkbox state on reload or Back (guide theme-html removes the theme's
       autocomplete="off", which the HTML standard does not allow on a checkbox). */
    addEventListener("pageshow", () => {
      const asked = new URLSearchParams(location.search).has("q");   // the theme opens search for ?q=
      for (const toggle of asked ? [drawer] : [drawer, search]) {
        if (toggle?.checked) {
          toggle.checked = false;
          toggle.dispatchEvent(new Event("change"));
        }
      }
      syncDrawer();
    });
    syncDrawer();
  }

  /* --- search ------------------------------------------------------------------------------ */

  const dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog) {
    dialog.setAttribute("aria-label", words.search);                 // 4.1.2: a named dialog
    const options = dialog.querySelector(".md-search__options");   // 1.3.1: no landmark for one hidden button
    options?.setAttribute("role", "none");
    options?.removeAttribute("aria-label");   // a name would override role=none (and it was English on every page)
    dialog.querySelector(".md-search__overlay")?.setAttribute("aria-hidden", "true");
    const scrollwrap = dialog.querySelector(".md-search__scrollwrap");
    if (scrollwrap) scrollwrap.tabIndex = -1;                          // 2.4.7: no invisible focus stop
    const meta = dialog.querySelector(".md-search-result__meta");
    if (meta) {                                                         // 4.1.3: the count is announced
      meta.setAttribute("role", "status");
      meta.setAttribute("aria-live", "polite");
      meta.setAttribute("aria-atomic", "true");
    }
    /* 2.1.1, 4.1.2: each result is a link with its page or section title as its name,
       reached by Tab as well as by the arrow keys. */
    const list = dialog.querySelector(".md-search-result__list");
    if (list) {
      new MutationObserver(() => {
        for (const link of list.querySelectorAll("a.md-search-result__link, .md-search-result__more a")) {
          link.tabIndex = 0;
          const title = link.querySelector("h1, h2");
          if (title) link.setAttribute("aria-label", title.textContent.trim());
        }
      }).observe(list, { childList: true, subtree: true });
    }
  }
  if (dialog && search) {
    /* 2.1.1: Tab moves from the search field into the results (Material closes search on
       Tab); focus leaving the panel closes it. */
    dialog.addEventListener("keydown", event => {
      if (event.key === "Tab" && search.checked) event.stopPropagation();
    });
    dialog.addEventListener("focusout", event => {
      if (search.checked && event.relatedTarget && !dialog.contains(event.relatedTarget)) {
        search.checked = false;
        search.dispatchEvent(new Event("change"));
      }
    });
  }
  if (searchButton) asButton(searchButton, words.search);
  if (search) {
    search.addEventListener("change", () => {
      searchButton?.setAttribute("aria-expanded", String(search.checked));
      /* 2.4.3: closing search (Esc) returns focus to the button that opened it. */
      if (!search.checked && searchButton && getComputedStyle(searchButton).display !== "none") searchButton.focus();
    });
  }

  /* --- the colour scheme: one "Dark mode" button that says whether it is on (4.1.2) ------- */

  function syncPalette() {
    const dark = document.body.getAttribute("data-md-color-scheme") === "slate";
    for (const input of document.querySelectorAll("input.md-option")) {
      input.tabIndex = -1;
      input.setAttribute("aria-hidden", "true");
    }
    for (const label of document.querySelectorAll('form[data-md-component=palette] label')) {
      asButton(label, words.dark);
      label.setAttribute("aria-pressed", String(dark));
      label.removeAttribute("title");
    }
  }
  const palette = document.querySelector("form[data-md-component=palette]");
  if (palette) {
    palette.addEventListener("click", event => {
      const pressed = event.target.closest("label");
      if (!pressed) return;
      setTimeout(() => {                       // Material hides the pressed label and shows the other
        syncPalette();
        const shown = [...palette.querySelectorAll("label")].find(label => !label.hidden);
        if (pressed.hidden && shown && document.activeElement !== shown) shown.focus();
      }, 0);
    });
    syncPalette();
  }

  /* --- the language menu: a disclosure, opened by a press, closed by Esc (1.4.13, 4.1.2) ---- */

  const select = document.querySelector(".md-header .md-select");
  const languageButton = select?.querySelector("button");
  function openLanguages(open) {
    select.classList.toggle("guide-open", open);
    languageButton.setAttribute("aria-expanded", String(open));
  }
  if (select && languageButton) {
    openLanguages(false);
    languageButton.addEventListener("click", () => openLanguages(!select.classList.contains("guide-open")));
    document.addEventListener("click", event => {
      if (!select.contains(event.target)) openLanguages(false);
    });
    select.addEventListener("focusout", event => {
      if (!select.contains(event.relatedTarget)) openLanguages(false);
    });
  }

  /* --- Esc closes what is open and gives focus back (2.1.2, 1.4.13) ------------------------ */

  document.addEventListener("keydown", event => {
    if (event.key !== "Escape") return;
    if (select?.classList.contains("guide-open")) {
      openLanguages(false);
      languageButton.focus();
    } else if (drawer?.checked && drawerLayout.matches) {
      closeDrawer();
    }
  });

  /* --- the current page: said, not only coloured (1.3.1, 1.4.1) ---------------------------- */

  for (const link of document.querySelectorAll(".md-nav--primary a.md-nav__link--active:not(.md-nav--secondary *)")) {
    link.setAttribute("aria-current", "page");
  }
  /* 1.3.1: one navigation landmark for the site's menu, not one per section. */
  for (const nav of document.querySelectorAll(".md-nav--primary nav.md-nav")) nav.setAttribute("role", "none");
})();
