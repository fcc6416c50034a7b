/*
 * Copy buttons of the admin pages: <button data-copy="text" data-copy-status="id" data-copied="…" data-copy-failed="…">
 * puts its text on the clipboard and says so in the element of that id (role="status"). A file, not an inline
 * handler: the admin pages' Content-Security-Policy blocks those. Delegated from the document, so buttons
 * re-rendered by Ajax keep working.
 */
(function () {
    'use strict';

    /** Outside a secure context (plain http on another host) navigator.clipboard is missing: the older way. */
    function copyBySelection(text) {
        var area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed';
        area.style.top = '0';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        var copied = false;
        try {
            copied = document.execCommand('copy');
        } catch (e) {
            copied = false;
        }
        document.body.removeChild(area);
        return copied ? Promise.resolve() : Promise.reject(new Error('copy refused'));
    }

    function copy(text) {
        if (navigator.clipboard && window.isSecureContext) {
            return navigator.clipboard.writeText(text).catch(function () {
                return copyBySelection(text);
            });
        }
        return copyBySelection(text);
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('[data-copy]') : null;
        if (!button) {
            return;
        }
        var status = document.getElementById(button.getAttribute('data-copy-status'));
        function say(text) {
            if (status) {
                status.textContent = text;
            }
        }
        copy(button.getAttribute('data-copy')).then(function () {
            say(button.getAttribute('data-copied'));
        }, function () {
            say(button.getAttribute('data-copy-failed'));
        });
    });
}());
