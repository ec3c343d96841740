import * as vscode from 'vscode';
import { PASSWORD_SECRET, TOKEN_SECRET } from './settings';

interface SecretPrompt {
  key: string;
  title: string;
  prompt: string;
  what: string;
}

/**
 * Secrets live in SecretStorage (the OS keychain, or code-server's encrypted store), never in
 * settings.json. An empty entry removes the secret.
 */
async function setSecret(secrets: vscode.SecretStorage, log: vscode.LogOutputChannel, p: SecretPrompt, value?: string): Promise<void> {
  const entered = value ?? await vscode.window.showInputBox({ title: p.title, prompt: p.prompt, password: true, ignoreFocusOut: true });
  if (entered === undefined) return;
  if (entered.trim() === '') {
    await secrets.delete(p.key);
    log.info(`${p.what} removed`);
    void vscode.window.showInformationMessage(`Aurora: ${p.what} removed.`);
  } else {
    await secrets.store(p.key, entered.trim());
    log.info(`${p.what} stored in SecretStorage`);
    void vscode.window.showInformationMessage(`Aurora: ${p.what} stored in the secret storage.`);
  }
}

/** "Aurora: Set Prometheus Token": sent as "Authorization: Bearer <token>". */
export function setPrometheusToken(secrets: vscode.SecretStorage, log: vscode.LogOutputChannel, value?: string): Promise<void> {
  return setSecret(secrets, log, {
    key: TOKEN_SECRET,
    title: 'Aurora: Prometheus bearer token',
    prompt: 'Sent as "Authorization: Bearer <token>" to auroraGa.prometheus.url. Leave empty to remove the stored token.',
    what: 'Prometheus token',
  }, value);
}

/** "Aurora: Set Prometheus Password": the basic-auth password of auroraGa.prometheus.username. */
export function setPrometheusPassword(secrets: vscode.SecretStorage, log: vscode.LogOutputChannel, value?: string): Promise<void> {
  return setSecret(secrets, log, {
    key: PASSWORD_SECRET,
    title: 'Aurora: Prometheus basic-auth password',
    prompt: 'Sent with auroraGa.prometheus.username as basic auth. Leave empty to remove the stored password.',
    what: 'Prometheus password',
  }, value);
}
