// The Nodes tree: one item per node with its state icon, description, Markdown tooltip and
// expandable details. Elements carry `nodeId`, so menu commands receive the node they act on.
import * as vscode from 'vscode';
import type { NodeView, ProtocolName } from '../core/types';
import type { Session } from '../session/session';
import { contextValue, detailRows, nodeDescription, nodeLabel, ROLE_ICONS, shownKey, tooltipMarkdown, type DetailRow } from './nodeTreeModel';

export type NodeElement = { readonly kind: 'node'; readonly nodeId: number };
export type DetailElement = { readonly kind: 'detail'; readonly nodeId: number; readonly row: DetailRow };
export type TreeElement = NodeElement | DetailElement;

export class NodeTreeProvider implements vscode.TreeDataProvider<TreeElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private lastKey = '';
  /** How many times the tree was told to refresh (tests check the throttling with it). */
  refreshes = 0;

  constructor(private readonly session: Session) {}

  /** Refreshes only when something the tree shows differs from what it showed last. */
  refreshIfChanged(): boolean {
    const view = this.session.view();
    const key = view ? `${view.protocol}\n${shownKey(view.nodes)}` : '';
    if (key === this.lastKey) return false;
    this.lastKey = key;
    this.refreshes++;
    this.changed.fire(undefined);
    return true;
  }

  getChildren(element?: TreeElement): TreeElement[] {
    const view = this.session.view();
    if (!view) return [];
    if (!element) return view.nodes.map((n) => ({ kind: 'node', nodeId: n.id }));
    if (element.kind === 'node') {
      const node = view.nodes[element.nodeId];
      return node ? detailRows(node, view.protocol, view.time).map((row) => ({ kind: 'detail', nodeId: node.id, row })) : [];
    }
    return (element.row.children ?? []).map((row) => ({ kind: 'detail', nodeId: element.nodeId, row }));
  }

  getTreeItem(element: TreeElement): vscode.TreeItem {
    if (element.kind === 'detail') return detailItem(element);
    const view = this.session.view();
    const node = view?.nodes[element.nodeId];
    if (!view || !node) return new vscode.TreeItem(nodeLabel(element.nodeId));
    return nodeItem(node, view.protocol, view.time);
  }

  getParent(element: TreeElement): TreeElement | undefined {
    return element.kind === 'detail' ? { kind: 'node', nodeId: element.nodeId } : undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function nodeItem(node: NodeView, protocol: ProtocolName, now: number): vscode.TreeItem {
  const item = new vscode.TreeItem(nodeLabel(node.id), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `node:${node.id}`;
  item.description = nodeDescription(node, protocol);
  const icon = ROLE_ICONS[node.role];
  item.iconPath = new vscode.ThemeIcon(icon.id, new vscode.ThemeColor(icon.color));
  item.tooltip = new vscode.MarkdownString(tooltipMarkdown(node, protocol, now));
  item.contextValue = contextValue(node);
  item.accessibilityInformation = { label: `${nodeLabel(node.id)}: ${item.description}`, role: 'treeitem' };
  return item;
}

function detailItem({ nodeId, row }: DetailElement): vscode.TreeItem {
  const state = row.children && row.children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(row.label, state);
  item.id = `node:${nodeId}/${row.key}`;
  item.description = row.description;
  item.tooltip = `${row.label}: ${row.description}`;
  item.contextValue = 'nodeDetail';
  return item;
}
