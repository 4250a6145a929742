// Progressive enhancement for pack downloads (links with class "pack-download"): shows progress while a pack is made,
// and ignores further clicks until it is ready. A pack made in the background answers 202 with its progress (header
// X-Pack-Progress) until it is stored: the script asks again every few seconds. Without this script the link opens
// the progress page, which refreshes itself, or downloads the file.
(function () {
  document.addEventListener('click', async function (event) {
    const link = event.target.closest && event.target.closest('a.pack-download');
    if (!link || !window.fetch || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    event.preventDefault();
    if (link.getAttribute('aria-busy') === 'true') { return; }
    const label = link.textContent;
    const status = document.getElementById(link.dataset.status || '') || link;
    link.setAttribute('aria-busy', 'true');
    link.setAttribute('aria-disabled', 'true');
    status.textContent = 'Preparing ' + (link.dataset.what || 'the PDF') + '… this can take a few seconds';
    let seconds = 0;
    const timer = setInterval(function () { seconds++; status.textContent = 'Preparing ' + (link.dataset.what || 'the PDF') + '… ' + seconds + ' s'; }, 1000);
    try {
      let response = await fetch(link.href, { credentials: 'same-origin' });
      while (response.status === 202) {
        const progress = decodeURIComponent(response.headers.get('X-Pack-Progress') || '');
        status.textContent = 'Making ' + (link.dataset.what || 'the PDF') + ': ' + (progress || 'queued.') + ' It downloads when ready.';
        clearInterval(timer);
        await new Promise(function (resolve) { setTimeout(resolve, 1000 * (parseInt(response.headers.get('Retry-After') || '5', 10) || 5)); });
        response = await fetch(link.href, { credentials: 'same-origin' });
      }
      if (!response.ok) { throw new Error(response.headers.get('Content-Type')?.startsWith('text/html') ? 'the pack could not be made.' : await response.text()); }
      const blob = await response.blob();
      const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(response.headers.get('Content-Disposition') || '');
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = match ? decodeURIComponent(match[1]) : 'pack.pdf';
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      status.textContent = status === link ? label : 'Downloaded ' + a.download + '.';
    } catch (error) {
      status.textContent = 'The download failed: ' + error.message;
    } finally {
      clearInterval(timer);
      link.removeAttribute('aria-busy');
      link.removeAttribute('aria-disabled');
      if (status === link) { link.textContent = label; }
    }
  });
})();
