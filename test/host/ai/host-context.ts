import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EventName, PayloadOf } from '../../../core/contract/operations.js';
import type { HostContext } from '../../../host/handlers/context.js';
import type { KeyVault, StringEncryptor } from '../../../host/ai/key-vault.js';
import { createHostServices } from '../../../host/services.js';

/** What a test varies: the desktop app's key vault, and the environment ANTHROPIC_API_KEY is read from. */
export interface TestContextOptions {
  keyVault?: KeyVault | null;
  env?: Record<string, string | undefined>;
  /** Also told every event (the services are created with this context's emit, so it must be given here). */
  onEvent?: (name: EventName, payload: unknown) => void;
}

/** A HostContext for handler tests: real services in `dataDir`, events collected in `events`. */
export function testContext(dataDir: string, options: TestContextOptions = {}): HostContext & { events: Array<{ name: EventName; payload: unknown }> } {
  const events: Array<{ name: EventName; payload: unknown }> = [];
  const emit = <K extends EventName>(name: K, payload: PayloadOf<K>) => {
    events.push({ name, payload });
    options.onEvent?.(name, payload);
  };
  return {
    mode: options.keyVault ? 'electron' : 'browser',
    version: '0.0.0-test',
    dataDir,
    initialPath: null,
    dialogs: null,
    emit,
    events,
    ...createHostServices({ dataDir, emit, keyVault: options.keyVault ?? null, reviewEnv: options.env }),
  };
}

/**
 * Real AES-256-GCM encryption with a key that lives only in memory: what Electron's
 * safeStorage does with the OS keychain, for a vault test outside Electron.
 */
export function memoryKeyEncryptor(): StringEncryptor {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => true,
    encryptString(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), data]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
