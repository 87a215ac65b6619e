import * as vscode from 'vscode';
import type { RepositoriesResult, SignedTagsResult } from '../../../shared/trustView';
import { repositoryChildren, type TrustNode } from './nodes';
import type { RepositoryList } from './repositoryList';
import { toTreeItem } from './treeItems';

export const SIGNED_TAGS_VIEW = 'imageTrust.signedTags';

/** Where the tree's data comes from: the language server's typed requests (shared/protocol.ts). */
export interface TrustViewSource {
  repositories(): Promise<RepositoriesResult>;
  signedTags(repository: string): Promise<SignedTagsResult>;
}

/**
 * The Signed Tags tree (style-anchors principle 13): nodes come from `nodes.ts`, data only from the
 * server. `getChildren` asks the server and nothing else; answers are kept until a refresh.
 */
export class SignedTagsProvider implements vscode.TreeDataProvider<TrustNode> {
  private readonly changed = new vscode.EventEmitter<TrustNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly answers = new Map<string, Promise<SignedTagsResult>>();
  private readonly parents = new Map<string, TrustNode>();

  constructor(
    private readonly source: () => TrustViewSource | undefined,
    private readonly list: RepositoryList,
  ) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** Drops every answer (or one repository's) and redraws. */
  refresh(repository?: TrustNode): void {
    if (repository?.kind === 'repository') this.answers.delete(repository.repository);
    else this.answers.clear();
    this.changed.fire(repository?.kind === 'repository' ? repository : undefined);
  }

  getTreeItem(node: TrustNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getParent(node: TrustNode): TrustNode | undefined {
    return this.parents.get(node.id);
  }

  async getChildren(node?: TrustNode): Promise<TrustNode[]> {
    const source = this.source();
    if (!source) return [];
    if (node === undefined) return this.roots(source);
    if (node.kind === 'repository')
      return this.adopt(node, repositoryChildren(await this.answer(source, node)));
    if (node.kind === 'signers' || node.kind === 'adminKeys') return this.adopt(node, [...node.children]);
    return [];
  }

  /** The cached (or a fresh) answer for a repository, with progress shown on the view meanwhile. */
  answer(source: TrustViewSource, node: { repository: string }): Promise<SignedTagsResult> {
    let answer = this.answers.get(node.repository);
    if (!answer) {
      answer = Promise.resolve(
        vscode.window.withProgress({ location: { viewId: SIGNED_TAGS_VIEW } }, () =>
          source.signedTags(node.repository),
        ),
      );
      this.answers.set(node.repository, answer);
      // A failed request is not cached: the next expansion asks again.
      void answer.catch(() => this.answers.delete(node.repository));
    }
    return answer;
  }

  private async roots(source: TrustViewSource): Promise<TrustNode[]> {
    const { repositories } = await source.repositories();
    return this.list.merge(repositories.map((r) => r.name)).map(({ repository, userAdded }) => ({
      kind: 'repository',
      id: repository,
      repository,
      userAdded,
    }));
  }

  private adopt(parent: TrustNode, children: TrustNode[]): TrustNode[] {
    for (const child of children) this.parents.set(child.id, parent);
    return children;
  }
}
