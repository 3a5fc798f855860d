// The e2e helper library: import everything from here.
export { environment, shutdownEnvironment } from './environment';
export { openWorkbench, waitForWorkbench, WORKBENCH_TIMEOUT_MS, type Workbench, type WorkbenchOptions } from './workbench';
export { openPalette, paletteEntries, quickInput, quickPickLabels, chooseQuickPickItem, runCommand, answerInputBox, closeQuickInput } from './palette';
export { openViewContainer, viewPane, treeRows, chooseFromContextMenu, notificationMessages } from './views';
export { findInFrames, type FindOptions } from './frames';
export { screenshot } from './screenshot';
