// Small browser helpers the workspace calls through JS interop; a file of its own because the content security
// policy allows no inline script.
// The reader's time zone, for the server to write every time in it (ReaderTime). Kept in a cookie so that the first
// render of each page, on the server, already knows it; refreshed on every load in case the reader travelled.
(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) {
        document.cookie = `reader-tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax${location.protocol === "https:" ? "; secure" : ""}`;
    }
})();

window.socialEnterprise = {
    // The reader's IANA time zone, for the live page to follow the browser when the cookie said otherwise.
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? "",

    // The reply guard's "review the new messages": scrolls to the first new thread item and marks every new one until
    // the author has looked (messages carry data-message-id, replies data-reply-id).
    highlightThreadItems: (ids) => {
        const items = ids
            .map((id) => document.querySelector(`[data-message-id="${id}"], [data-reply-id="${id}"]`))
            .filter((item) => item !== null);
        items.forEach((item) => item.classList.add("thread-new"));
        if (items.length > 0) {
            items[0].scrollIntoView({ behavior: "smooth", block: "center" });
        }

        return items.length;
    },

    // Saves a stream from the server as a file (used by the audit log export).
    download: async (fileName, streamReference) => {
        const buffer = await streamReference.arrayBuffer();
        const url = URL.createObjectURL(new Blob([buffer]));
        const anchor = document.createElement("a");
        anchor.href = url;
        anchor.download = fileName;
        anchor.click();
        URL.revokeObjectURL(url);
    },

    // The inbox's single-key shortcuts (j, k, Enter, /, ?), handed to the page unless the user is typing or a dialog
    // is open. Returns an object whose dispose() removes the listener.
    inboxKeys: (page) => window.socialEnterprise.singleKeys(page, ["j", "k", "Enter", "/", "?"]),

    // The conversation page's (ConversationView.Keyboard.cs), on the same terms.
    conversationKeys: (page) => window.socialEnterprise.singleKeys(page, ["j", "k", "r", "n", "a", "i", "p", "e", "u", "?"]),

    // Listens for single keys without modifiers, outside text fields (and not Enter on a control, which is its own
    // click) and while no dialog or open list has the keyboard; hands each to the page's ShortcutAsync.
    singleKeys: (page, keys) => {
        const listener = (event) => {
            if (!keys.includes(event.key) || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) {
                return;
            }

            const target = event.target;
            if (target instanceof Element && (target.closest("input, textarea, select, [contenteditable=''], [contenteditable=true]")
                || (event.key === "Enter" && target.closest("button, a, [role=button], [role=option]")))) {
                return;
            }

            if (document.querySelector(".mud-dialog-container, .mud-popover-open .mud-list")) {
                return;
            }

            event.preventDefault();
            page.invokeMethodAsync("ShortcutAsync", event.key);
        };
        document.addEventListener("keydown", listener);
        return { dispose: () => document.removeEventListener("keydown", listener) };
    },

    // Puts the caret in the first element the selector finds (a shortcut's "write a reply").
    focus: (selector) => {
        const element = document.querySelector(selector);
        if (element) {
            element.focus();
            element.scrollIntoView({ block: "center" });
        }
    },

    // Scrolls the inbox list so that the row at index shows: the row itself when it is rendered, else the place a
    // virtualised list keeps for it.
    inboxReveal: (list, index, rowHeight) => {
        if (!list) {
            return;
        }

        const row = list.querySelector(`[data-index="${index}"]`);
        if (row) {
            row.scrollIntoView({ block: "nearest" });
            return;
        }

        const top = index * rowHeight;
        if (top < list.scrollTop || top + rowHeight > list.scrollTop + list.clientHeight) {
            list.scrollTop = Math.max(0, top - list.clientHeight / 2);
        }
    },
};
