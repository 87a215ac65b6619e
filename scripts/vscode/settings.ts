/** User settings for every harness and UI run: no welcome page, tips, update checks or telemetry. */
export function harnessSettings(workspaceTrust: boolean): Record<string, unknown> {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    // A save would fire onWillSave participants in the middle of a test; tests never save.
    'files.autoSave': 'off',
    // Sticky scroll covered the hovered line once the Problems panel was open (vscode-test-harness.md).
    'editor.stickyScroll.enabled': false,
    // With trust on, start in Restricted Mode without the modal dialog that would block the tests.
    ...(workspaceTrust ? { 'security.workspace.trust.startupPrompt': 'never' } : {}),
  };
}
