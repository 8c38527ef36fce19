/*
 * What needs a little JavaScript (every page works without it):
 * - the help box and banner show the country the reader picked, kept on this device
 *   (localStorage: no cookie, no request); /get-help-now/ opens with it;
 * - "Exit this page" replaces the page with a neutral site, by click or by pressing
 *   Shift 3 times (GOV.UK Design System's Exit This Page pattern);
 * - "Copy link" beside each section heading, and in the Share box, copies the page's
 *   published address with the #section (never the ?h= of a search).
 */
"use strict";

const COUNTRY_KEY = "guide-country";

function storedCountry() {
  try { return localStorage.getItem(COUNTRY_KEY); } catch { return null; }  // storage may be off
}

function showCountry(box, wanted) {
  const blocks = [...box.querySelectorAll(".guide-lines[data-country]")];
  const block = blocks.find(b => b.dataset.country === wanted) ||
                blocks.find(b => b.dataset.country === box.dataset.defaultCountry);
  for (const other of blocks) other.hidden = other !== block;
  box.querySelector("#guide-country").value = block.dataset.country;
  const all = box.querySelector("[data-guide-all]");  // all the lines of that country
  all.setAttribute("href", all.getAttribute("href").split("#")[0] + "#" + block.dataset.country);
  const banner = document.querySelector("[data-guide-emergency]");
  if (banner) {
    banner.href = "tel:" + block.dataset.emergencyTel;
    banner.querySelector("bdi").textContent = block.dataset.emergencyCall;
  }
}

function setUpCountryChoice() {
  const box = document.getElementById("urgent-help");
  if (!box) return;
  const select = box.querySelector("#guide-country");
  select.parentElement.hidden = false;
  box.classList.add("guide-urgent--picked");  // the picker names the country: no heading needed
  box.querySelector(".guide-urgent__outside").hidden = true;  // the picker names every country
  showCountry(box, storedCountry());
  select.addEventListener("change", () => {
    try { localStorage.setItem(COUNTRY_KEY, select.value); } catch { /* kept for this page only */ }
    showCountry(box, select.value);
  });
}

function setUpExit() {
  const exit = document.querySelector(".guide-exit");
  if (!exit) return;
  const leave = () => {
    document.body.hidden = true;          // nothing of this page stays on screen
    document.title = "";
    location.replace(exit.href);          // and the back button does not return to it
  };
  exit.addEventListener("click", event => { event.preventDefault(); leave(); });
  let presses = [];
  document.addEventListener("keydown", event => {
    if (event.key !== "Shift" || event.repeat) return;
    const now = Date.now();
    presses = presses.filter(time => now - time < 5000).concat(now);
    if (presses.length >= 3) leave();
  });
}

/* The published address of this page (its canonical link); offline, this copy's. */
function pageAddress() {
  const canonical = document.querySelector('link[rel="canonical"]');
  return canonical ? canonical.href : location.href.split(/[?#]/)[0];
}

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = Object.assign(document.createElement("textarea"), { value: text });   // file://
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
  return Promise.resolve();
}

function copyButton(address) {
  const words = document.getElementById("guide-copy");
  const button = words.content.firstElementChild.cloneNode(true);
  button.addEventListener("click", () => copyText(address).then(() => {
    button.textContent = words.dataset.copied;
    setTimeout(() => { button.textContent = words.dataset.copy; }, 3000);
  }));
  return button;
}

function setUpCopyLinks() {
  if (!document.getElementById("guide-copy")) return;
  const address = pageAddress();
  for (const heading of document.querySelectorAll(".md-content article :is(h2, h3)[id]:not(.guide-on-this-page__title)")) {
    if (heading.closest(".guide-urgent, .admonition")) continue;
    heading.after(copyButton(`${address}#${heading.id}`));
  }
  const share = document.querySelector(".guide-share__address");
  if (share) share.after(copyButton(address));
  for (const full of document.querySelectorAll(".md-content article .guide-address")) {
    full.after(copyButton(full.textContent));
  }
}

setUpCountryChoice();
setUpExit();
setUpCopyLinks();
