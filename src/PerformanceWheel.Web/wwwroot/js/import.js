// Progressive enhancement for the import page (/admin/import): uploads with XMLHttpRequest so the page can show the
// upload's progress and then the server's progress reading and checking the workbook. Without this script the form
// posts normally and the browser shows the report when the check is done.
// Loaded on every page and listening on the document, so it works however the page was reached: a full load or Blazor's
// enhanced navigation (which swaps the page body and does not run the scripts of the page it brings in).
(function () {
    'use strict';
    if (!window.XMLHttpRequest || !window.FormData) { return; }
    var lastSaid = '';
    var timer = null;
    var status = null;

    function say(text) { if (text !== lastSaid && status) { lastSaid = text; status.textContent = text; } }
    function mb(bytes) { return (bytes / 1048576).toFixed(1); }
    function newId() {
        if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
        return 'p' + Date.now().toString(16) + Math.random().toString(16).slice(2);
    }

    function poll(id) {
        timer = window.setInterval(function () {
            var check = new XMLHttpRequest();
            check.open('GET', '/admin/import/progress/' + encodeURIComponent(id));
            check.onload = function () {
                if (check.status !== 200) { return; }
                try {
                    var p = JSON.parse(check.responseText);
                    say((p.phase === 'Reading' ? 'Reading the workbook: ' : p.phase === 'Checking' ? 'Checking: ' : p.phase + ': ') +
                        (p.rows || 0).toLocaleString('en-GB') + ' rows so far…');
                } catch (e) { /* keep the last message */ }
            };
            check.send();
        }, 750);
    }

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!form || form.id !== 'import-form') { return; }
        status = document.getElementById('import-status');
        lastSaid = '';
        var bar = document.getElementById('import-progress');
        var button = form.querySelector('button[type=submit]');
        var maxBytes = parseInt(form.getAttribute('data-max-bytes') || '0', 10);
        var input = form.querySelector('input[type=file]');
        if (!input || !input.files || input.files.length === 0) { return; }
        var file = input.files[0];
        event.preventDefault();
        if (maxBytes && file.size > maxBytes) {
            say('The file is ' + mb(file.size) + ' MB; the largest workbook one import accepts is ' + mb(maxBytes) + ' MB. Split it into smaller workbooks.');
            return;
        }

        var id = newId().replace(/[^A-Za-z0-9-]/g, '');
        form.querySelector('input[name=progress]').value = id;
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.getAttribute('action'));
        xhr.upload.onprogress = function (e) {
            if (!e.lengthComputable) { return; }
            bar.hidden = false;
            bar.max = e.total;
            bar.value = e.loaded;
            say('Uploading: ' + (Math.floor(10 * e.loaded / e.total) * 10) + '%');
        };
        xhr.upload.onload = function () { bar.removeAttribute('value'); say('Uploaded. Reading and checking the workbook…'); poll(id); };
        xhr.onload = function () {
            window.clearInterval(timer);
            if (xhr.status >= 200 && xhr.status < 400 && xhr.responseURL) {
                say('Checked. Opening the report…');
                window.location.assign(xhr.responseURL);
            } else {
                button.disabled = false;
                say('The upload did not succeed (' + xhr.status + '). Reload the page and try again.');
            }
        };
        xhr.onerror = function () { window.clearInterval(timer); button.disabled = false; say('The upload failed. Check the connection and try again.'); };
        button.disabled = true;
        say('Uploading…');
        xhr.send(new FormData(form));
    });
}());
