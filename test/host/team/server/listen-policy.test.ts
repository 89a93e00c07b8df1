import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../../../../host/common/usage-error.js';
import { isLoopbackHost, parseListen, resolveListenPolicy } from '../../../../host/team/server/listen-policy.js';

const usage = (pattern: RegExp) => (error: unknown) => error instanceof UsageError && pattern.test(error.message);

test('default: 127.0.0.1:8080, plain HTTP allowed on loopback, cookies without Secure only for an http public URL there', () => {
  const policy = resolveListenPolicy({ publicUrl: 'http://127.0.0.1:8080' });
  assert.deepEqual([policy.host, policy.port, policy.loopback, policy.secureCookies, policy.tls, policy.trustProxy], ['127.0.0.1', 8080, true, false, null, false]);
  assert.equal(resolveListenPolicy({ publicUrl: 'https://specs.example.com' }).secureCookies, true);
});

test('plain HTTP on a non-loopback address without --trust-proxy is refused, explaining the choices', () => {
  for (const listen of ['0.0.0.0:8080', '10.1.2.3:80', '[::]:8080', ':8080']) {
    assert.throws(() => resolveListenPolicy({ listen, publicUrl: 'https://specs.example.com' }), usage(/refusing plain HTTP .*--tls-cert FILE --tls-key FILE.*--trust-proxy.*loopback/), listen);
  }
});

test('off loopback: TLS files or --trust-proxy make it acceptable, with an https public URL', () => {
  const tls = resolveListenPolicy({ listen: '0.0.0.0:8443', publicUrl: 'https://specs.example.com', tlsCert: 'c.pem', tlsKey: 'k.pem' });
  assert.deepEqual(tls.tls, { certFile: 'c.pem', keyFile: 'k.pem' });
  const proxied = resolveListenPolicy({ listen: '10.0.0.5:8080', publicUrl: 'https://specs.example.com', trustProxy: true });
  assert.equal(proxied.trustProxy, true);
  assert.equal(proxied.secureCookies, true);
  assert.throws(() => resolveListenPolicy({ listen: '10.0.0.5:8080', publicUrl: 'http://specs.example.com', trustProxy: true }), usage(/must be https:\/\//));
});

test('usage errors: TLS half given, TLS with --trust-proxy, missing or odd public URL, bad --listen', () => {
  assert.throws(() => resolveListenPolicy({ publicUrl: 'https://a.example', tlsCert: 'c.pem' }), usage(/both files or neither/));
  assert.throws(() => resolveListenPolicy({ publicUrl: 'https://a.example', tlsCert: 'c', tlsKey: 'k', trustProxy: true }), usage(/not both/));
  assert.throws(() => resolveListenPolicy({}), usage(/--public-url is required/));
  assert.throws(() => resolveListenPolicy({ publicUrl: 'ftp://a.example' }), usage(/http:\/\/ or https:\/\//));
  assert.throws(() => resolveListenPolicy({ publicUrl: 'https://a.example/app' }), usage(/origin only/));
  assert.throws(() => resolveListenPolicy({ publicUrl: 'https://u:p@a.example' }), usage(/user name or password/));
  for (const listen of ['8080', 'host:', 'host:99999', '[nope]:80']) assert.throws(() => parseListen(listen), UsageError, listen);
});

test('loopback forms', () => {
  assert.deepEqual(parseListen('[::1]:9000'), { host: '::1', port: 9000 });
  for (const host of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost', 'LOCALHOST']) assert.equal(isLoopbackHost(host), true, host);
  for (const host of ['0.0.0.0', '::', '10.0.0.1', 'example.com', '128.0.0.1']) assert.equal(isLoopbackHost(host), false, host);
});
