import type * as vscode from 'vscode';

const ADDED = 'imageTrust.addedRepositories';
const HIDDEN = 'imageTrust.hiddenRepositories';

/**
 * The repositories the user added to the view, and workspace ones they removed, remembered per workspace
 * (ExtensionContext.workspaceState).
 */
export class RepositoryList {
  constructor(private readonly state: vscode.Memento) {}

  get added(): readonly string[] {
    return this.state.get<string[]>(ADDED, []);
  }

  get hidden(): ReadonlySet<string> {
    return new Set(this.state.get<string[]>(HIDDEN, []));
  }

  async add(repository: string): Promise<void> {
    await this.state.update(ADDED, [...new Set([...this.added, repository])].sort());
    await this.state.update(
      HIDDEN,
      [...this.hidden].filter((name) => name !== repository),
    );
  }

  async remove(repository: string): Promise<void> {
    await this.state.update(
      ADDED,
      this.added.filter((name) => name !== repository),
    );
    await this.state.update(HIDDEN, [...new Set([...this.hidden, repository])].sort());
  }

  /** Workspace repositories not hidden, plus added ones; `userAdded` marks those only the user named. */
  merge(workspace: readonly string[]): Array<{ repository: string; userAdded: boolean }> {
    const hidden = this.hidden;
    const fromWorkspace = new Set(workspace.filter((name) => !hidden.has(name)));
    const all = new Set([...fromWorkspace, ...this.added]);
    return [...all].sort().map((repository) => ({ repository, userAdded: !fromWorkspace.has(repository) }));
  }
}
