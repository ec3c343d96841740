import * as vscode from 'vscode';
import { TOKEN_SECRET } from './settings';

/**
 * "Aurora: Set Prometheus Token": the bearer token lives in SecretStorage (the OS keychain, or
 * code-server's encrypted store), never in settings.json. An empty entry removes it.
 */
export async function setPrometheusToken(secrets: vscode.SecretStorage, log: vscode.LogOutputChannel, value?: string): Promise<void> {
  const token = value ?? await vscode.window.showInputBox({
    title: 'Aurora: Prometheus bearer token',
    prompt: 'Sent as "Authorization: Bearer <token>" to auroraGa.prometheus.url. Leave empty to remove the stored token.',
    password: true,
    ignoreFocusOut: true,
  });
  if (token === undefined) return;
  if (token.trim() === '') {
    await secrets.delete(TOKEN_SECRET);
    log.info('Prometheus token removed');
    void vscode.window.showInformationMessage('Aurora: Prometheus token removed.');
  } else {
    await secrets.store(TOKEN_SECRET, token.trim());
    log.info('Prometheus token stored in SecretStorage');
    void vscode.window.showInformationMessage('Aurora: Prometheus token stored in the secret storage.');
  }
}
