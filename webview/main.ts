// Webview entry point (the cluster panel work fills this in).
export {};
