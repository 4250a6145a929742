// Jumps within a page take focus with them. A link to a place on the same page (the skip link, an error summary's link
// to its field) is followed by Blazor, which only scrolls to the place: the keyboard's next Tab would start from the
// link again, and a screen reader would stay where it was. After Blazor has handled the click, this moves focus to the
// place (an element that cannot take focus gets tabindex="-1" so that it can), as the browser does on its own.
document.addEventListener('click', function (e) {
    if (e.button !== 0 || e.ctrlKey || e.shiftKey || e.altKey || e.metaKey) { return; }
    var link = e.target && e.target.closest ? e.target.closest('a[href*="#"]') : null;
    if (!link) { return; }
    var to = new URL(link.href, document.baseURI);
    if (to.origin !== location.origin || to.pathname !== location.pathname || to.search !== location.search || to.hash.length < 2) { return; }
    var place = document.getElementById(decodeURIComponent(to.hash.substring(1)));
    if (!place) { return; }
    if (place.tabIndex < 0 && !place.hasAttribute('tabindex')) { place.setAttribute('tabindex', '-1'); }
    place.focus();
});
