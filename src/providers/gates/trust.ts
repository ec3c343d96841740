/** The levels of a setting as `WorkspaceConfiguration.inspect()` reports them. */
export interface InspectedSetting<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/**
 * The value to use for a setting that must not come from an untrusted workspace (a URL to contact,
 * a CA to trust): there, a workspace or folder value is passed over for the user's own (or the
 * default), and `ignored` says so, so the user can be told why. VS Code also drops such values for
 * settings listed in `restrictedConfigurations`; this keeps the rule and the message in one place.
 */
export function trustedSetting<T>(inspected: InspectedSetting<T> | undefined, trusted: boolean, effective: T | undefined): { value: T | undefined; ignored: boolean } {
  const fromWorkspace = inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined;
  if (trusted || !fromWorkspace) return { value: effective, ignored: false };
  return { value: inspected?.globalValue ?? inspected?.defaultValue, ignored: true };
}
