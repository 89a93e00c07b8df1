import { useEffect, useState } from 'react';
import type { ResultOf } from '../../../core/contract/operations.js';
import { client } from '../client/current.js';
import { useWorkbench } from '../state/store.js';
import { useServer } from './use-server.js';
import { useSignIn } from './use-sign-in.js';

export type ServerTab = 'logs' | 'outbox' | 'tokens';
export type OutboxEmail = ResultOf<'server.outbox'>['emails'][number];
export type TokenRow = ResultOf<'server.tokens'>['rows'][number];

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Everything the Server panel shows and does: live status and logs, the defect variants, the
 * outbox and token rows of the open tab (fetched when the tab or the running state changes),
 * start/stop and "request a magic link". Failures become notices.
 */
export function useServerPanel() {
  const { status, logs, clearLogs, setStatus } = useServer();
  const [defects, setDefects] = useState<ResultOf<'server.defects'>['defects']>([]);
  const [tab, setTab] = useState<ServerTab>('logs');
  const [emails, setEmails] = useState<OutboxEmail[]>([]);
  const [tokens, setTokens] = useState<TokenRow[]>([]);
  const [lastReply, setLastReply] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const running = status?.state === 'running';
  const { signIn, runSignIn, clearSignIn } = useSignIn();
  // Cancelling a start with Stop is what the user asked for, not an error to report.
  const notify = (error: unknown) => !/cancelled by Stop/.test(message(error)) && useWorkbench.getState().notify('error', message(error));

  // A (re)start begins a new server: the previous one's reply and session mean nothing any more.
  useEffect(() => {
    if (status?.state !== 'starting') return;
    setLastReply(null);
    clearSignIn();
    setEmails([]);
    setTokens([]);
  }, [status?.state]);

  useEffect(() => {
    void client()
      .call('server.defects', {})
      .then((r) => setDefects(r.defects), () => undefined);
  }, []);

  const refresh = async (which: ServerTab = tab) => {
    if (!running) return;
    try {
      if (which === 'outbox') setEmails((await client().call('server.outbox', {})).emails);
      if (which === 'tokens') setTokens((await client().call('server.tokens', {})).rows);
    } catch (error) {
      notify(error);
    }
  };
  useEffect(() => {
    void refresh();
  }, [tab, running]);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (error) {
      notify(error);
    } finally {
      setBusy(false);
    }
  };
  const start = (defect: string) => act(async () => setStatus(await client().call('server.start', { port: 0, ...(defect ? { defect } : {}) })));
  // Not through act(): Stop must work while a start is still in flight (and `busy`).
  const stop = async () => {
    try {
      setStatus(await client().call('server.stop', {}));
    } catch (error) {
      notify(error);
    }
  };
  const signInWith = (link: string) => act(() => runSignIn(link));
  const requestLink = (email: string) =>
    act(async () => {
      const reply = await client().call('server.request', { method: 'POST', path: '/auth/magic-link/request', body: { email } });
      setLastReply(`${reply.status} ${JSON.stringify(reply.body)} (${reply.ms.toFixed(0)} ms)`);
      setTab('outbox');
      setEmails((await client().call('server.outbox', {})).emails);
    });

  return { status, running, logs, clearLogs, defects, tab, setTab, emails, tokens, lastReply, busy, refresh, start, stop, requestLink, signIn, signInWith };
}
