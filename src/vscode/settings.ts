// Reads the raft.* settings through VS Code (only values the user set, so protocol defaults apply)
// and reports what was clamped and which changes apply now or at the next start.
import * as vscode from 'vscode';
import { interpretSettings, SETTING_NAMES, type RawSettings, type SettingName, type Settings } from './settingsModel';

export function readRawSettings(): RawSettings {
  const section = vscode.workspace.getConfiguration('raft');
  const raw: Partial<Record<SettingName, unknown>> = {};
  for (const name of SETTING_NAMES) {
    const inspected = section.inspect(name);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value !== undefined) raw[name] = value;
  }
  return raw;
}

export function readSettings(): Settings {
  return interpretSettings(readRawSettings());
}

/** Calls back with the old and new settings whenever a raft.* setting changes. */
export function watchSettings(listener: (before: Settings, after: Settings) => void): vscode.Disposable {
  let current = readSettings();
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('raft')) return;
    const before = current;
    current = readSettings();
    listener(before, current);
  });
}
