// The Nodes tree: one item per node with its state icon, description, Markdown tooltip and
// expandable details. Elements carry `nodeId`, so menu commands receive the node they act on.
import * as vscode from 'vscode';
import type { ClusterView, NodeView, ProtocolName } from '../core/types';
import type { Session } from '../session/session';
import { nodeLabel } from '../protocol/messages';
import { contextValue, detailRows, nodeDescription, ROLE_ICONS, nodeKey, tooltipMarkdown, type DetailRow } from './nodeTreeModel';

export type NodeElement = { readonly kind: 'node'; readonly nodeId: number };
export type DetailElement = { readonly kind: 'detail'; readonly nodeId: number; readonly row: DetailRow };
export type TreeElement = NodeElement | DetailElement;

export class NodeTreeProvider implements vscode.TreeDataProvider<TreeElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** One element object per node: VS Code refreshes a single element by identity. */
  private elements: NodeElement[] = [];
  private shape = '';
  private nodeKeys: string[] = [];
  /** How many times the tree was told to refresh (tests check the throttling with it). */
  refreshes = 0;

  constructor(private readonly session: Session) {}

  /** Refreshes only the nodes whose shown fields changed (all of them when the cluster changed shape). */
  refreshIfChanged(): boolean {
    const view = this.session.view();
    const keys = view ? view.nodes.map(nodeKey) : [];
    if (this.sync(view, keys)) {
      this.refreshes++;
      this.changed.fire(undefined);
      return true;
    }
    const stale = this.elements.filter((_, i) => keys[i] !== this.nodeKeys[i]);
    this.nodeKeys = keys;
    for (const element of stale) this.changed.fire(element);
    if (stale.length > 0) this.refreshes++;
    return stale.length > 0;
  }

  getChildren(element?: TreeElement): TreeElement[] {
    const view = this.session.view();
    if (!view) return [];
    if (!element) {
      this.sync(view, view.nodes.map(nodeKey));
      return this.elements;
    }
    if (element.kind === 'node') {
      const node = view.nodes[element.nodeId];
      return node ? detailRows(node, view.protocol, view.time).map((row) => ({ kind: 'detail', nodeId: node.id, row })) : [];
    }
    return (element.row.children ?? []).map((row) => ({ kind: 'detail', nodeId: element.nodeId, row }));
  }

  /** New element objects when the protocol or size changed (a new cluster); true if so. */
  private sync(view: ClusterView | null, keys: string[]): boolean {
    const shape = view ? `${view.protocol}:${view.nodes.length}` : '';
    if (shape === this.shape) return false;
    this.shape = shape;
    this.nodeKeys = keys;
    this.elements = keys.map((_, nodeId) => ({ kind: 'node', nodeId }));
    return true;
  }

  getTreeItem(element: TreeElement): vscode.TreeItem {
    if (element.kind === 'detail') return detailItem(element);
    const view = this.session.view();
    const node = view?.nodes[element.nodeId];
    if (!view || !node) return new vscode.TreeItem(nodeLabel(element.nodeId));
    return nodeItem(node, view.protocol, view.time);
  }

  getParent(element: TreeElement): TreeElement | undefined {
    return element.kind === 'detail' ? this.elements[element.nodeId] : undefined;
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
