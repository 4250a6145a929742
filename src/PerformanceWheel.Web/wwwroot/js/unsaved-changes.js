// Leaving a live form with unsaved changes asks first. NavigationLock cannot stop an enhanced navigation (a link followed
// without reloading the page: there is no interactive router, the pages are server-rendered), so while a page has said
// it has unsaved changes (guard(question)), a click on a link that leaves the page asks the question first. Reloading,
// closing the tab or typing an address is NavigationLock's own warning (ConfirmExternalNavigation). Used by the outturn
// grid (through outturn-grid.js) and the finance entry; a page clears it (guard(null)) when saved and when disposed.
var unsaved = null;
export function guard(message) {
    unsaved = message || null;
}

document.addEventListener('click', function (e) {
    if (!unsaved || e.defaultPrevented || e.button !== 0) { return; }
    var link = e.target && e.target.closest ? e.target.closest('a[href]') : null;
    if (!link || link.hasAttribute('download')) { return; }
    // A jump within the page (an error summary's link to its field) leaves nothing behind.
    var to = new URL(link.href, document.baseURI);
    if (to.origin === location.origin && to.pathname === location.pathname && to.search === location.search && to.hash.length > 1) { return; }
    if (!window.confirm(unsaved)) {
        e.preventDefault();
        e.stopImmediatePropagation();
    }
}, true);
