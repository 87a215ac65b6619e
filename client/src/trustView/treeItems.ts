import * as vscode from 'vscode';
import type { TrustNode } from './nodes';

const TAG_ICONS = {
  signed: new vscode.ThemeIcon('verified', new vscode.ThemeColor('testing.iconPassed')),
  moved: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  unsigned: new vscode.ThemeIcon('circle-slash'),
} as const;

/** The TreeItem of a node; `contextValue` is what package.json's `view/item/context` menus match. */
export function toTreeItem(node: TrustNode): vscode.TreeItem {
  const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
  switch (node.kind) {
    case 'repository': {
      const item = new vscode.TreeItem(node.repository, Collapsed);
      item.iconPath = new vscode.ThemeIcon('repo');
      item.contextValue = node.userAdded ? 'repository.user' : 'repository.workspace';
      item.tooltip = node.userAdded ? `${node.repository} (added by you)` : `${node.repository} (named in the workspace)`;
      return withId(item, node);
    } // prettier-ignore
    case 'failure': {
      const item = new vscode.TreeItem(node.label);
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
      item.tooltip = new vscode.MarkdownString(node.tooltip);
      item.contextValue = 'failure';
      if (node.action) item.command = { ...node.action, arguments: [...node.action.arguments] };
      return withId(item, node);
    }
    case 'tag': {
      const item = new vscode.TreeItem(node.label);
      item.description = node.description;
      item.tooltip = new vscode.MarkdownString(node.tooltip);
      item.iconPath = TAG_ICONS[node.entry.state];
      item.contextValue = `tag.${node.entry.state}`;
      return withId(item, node);
    }
    case 'signers':
    case 'adminKeys': {
      const label = node.kind === 'signers' ? 'Signers' : 'Administrative keys';
      const item = new vscode.TreeItem(label, node.children.length > 0 ? Collapsed : vscode.TreeItemCollapsibleState.None);
      item.description = node.children.length === 0 ? 'none' : String(node.children.length);
      item.iconPath = new vscode.ThemeIcon(node.kind === 'signers' ? 'person' : 'shield');
      item.contextValue = node.kind;
      return withId(item, node);
    } // prettier-ignore
    case 'key': {
      const item = new vscode.TreeItem(node.label);
      item.description = node.description;
      item.tooltip = new vscode.MarkdownString(node.tooltip);
      item.iconPath = new vscode.ThemeIcon('key');
      item.contextValue = 'key';
      return withId(item, node);
    }
  }
}

function withId(item: vscode.TreeItem, node: TrustNode): vscode.TreeItem {
  item.id = node.id;
  return item;
}
