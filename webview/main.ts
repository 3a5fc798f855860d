// Webview entry: registers the toolkit components, connects to the extension host and starts the
// panel. The host answers `ready` with a complete snapshot (or `noCluster`).
import { App } from './app';
import { connectHost } from './host';
import { registerToolkit } from './ui/toolkit';

registerToolkit();
const host = connectHost();
const root = document.getElementById('app') ?? document.body;
const app = new App(root, host);
window.addEventListener('message', (event: MessageEvent<unknown>) => app.receive(event.data));
host.post({ type: 'ready' });
