// Small browser helpers the workspace calls through JS interop; a file of its own because the content security
// policy allows no inline script.
window.socialEnterprise = {
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
};
