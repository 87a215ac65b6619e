import * as vscode from 'vscode';
import type { LookupStatusParams } from '../../shared/trustView';

/** The status bar item: lookups in flight and the last trust-server error; clicking opens the log. */
export class LookupStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'imageTrust.status',
    vscode.StatusBarAlignment.Left,
    10,
  );

  constructor() {
    this.item.name = 'Image Trust';
    this.item.command = 'imageTrust.showLog';
    this.update({ inFlight: 0 });
    this.item.show();
  }

  update(status: LookupStatusParams): void {
    const { inFlight, lastError } = status;
    const icon = inFlight > 0 ? '$(sync~spin)' : lastError ? '$(warning)' : '$(shield)';
    this.item.text = inFlight > 0 ? `${icon} Image Trust: ${inFlight}` : `${icon} Image Trust`;
    const lines = [inFlight > 0 ? `${inFlight} trust lookups running` : 'No trust lookups running'];
    if (lastError) lines.push(`Last error (${lastError.at}): ${lastError.message}`);
    lines.push('Click to show the log');
    this.item.tooltip = lines.join('\n');
  }

  dispose(): void {
    this.item.dispose();
  }
}
