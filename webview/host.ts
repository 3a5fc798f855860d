// The webview's side of the channel: posting typed messages to the extension host, and the view
// state VS Code keeps across hide/show and reload (getState/setState). Saved state is re-checked on
// load, since it may come from an older version of the panel.
import type { WebviewMessage } from '../src/protocol/messages';

/** What the panel keeps across hide/show and reload: the selection (the inspector reopens on it). */
export interface ViewState {
  readonly selectedNode: number | null;
  readonly selectedMessage: number | null;
}

export const DEFAULT_VIEW_STATE: ViewState = { selectedNode: null, selectedMessage: null };

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface Host {
  post(message: WebviewMessage): void;
  loadState(): ViewState;
  saveState(state: ViewState): void;
}

export function connectHost(): Host {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    loadState: () => sanitizeViewState(api.getState()),
    saveState: (state) => api.setState(state),
  };
}

export function sanitizeViewState(raw: unknown): ViewState {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_VIEW_STATE;
  const o = raw as Record<string, unknown>;
  const id = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);
  return { selectedNode: id(o.selectedNode), selectedMessage: id(o.selectedMessage) };
}
