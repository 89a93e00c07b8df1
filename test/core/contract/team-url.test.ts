import assert from 'node:assert/strict';
import { test } from 'node:test';
import { teamUrlArg } from '../../../core/contract/ops/team-client.js';

test('a team URL is reduced to its origin; https anywhere, plain http only on this machine', () => {
  assert.equal(teamUrlArg.parse('https://Specs.Example.com/some/path?q=1'), 'https://specs.example.com');
  assert.equal(teamUrlArg.parse('  https://specs.example.com:8443  '), 'https://specs.example.com:8443');
  assert.equal(teamUrlArg.parse('http://127.0.0.1:8080/'), 'http://127.0.0.1:8080');
  assert.equal(teamUrlArg.parse('http://localhost:3000'), 'http://localhost:3000');
  assert.equal(teamUrlArg.parse('http://[::1]:3000'), 'http://[::1]:3000');
});

test('URLs that would leak a password or are not http(s) are refused with the reason', () => {
  const reason = (text: string) => {
    const parsed = teamUrlArg.safeParse(text);
    assert.equal(parsed.success, false, text);
    return parsed.error!.issues[0]!.message;
  };
  assert.match(reason('http://specs.example.com'), /must use https/);
  assert.match(reason('https://alice:pw@specs.example.com'), /own fields/);
  assert.match(reason('ftp://specs.example.com'), /not an http\(s\) URL/);
  assert.match(reason('specs.example.com'), /not an http\(s\) URL/);
  assert.match(reason(`https://${'a'.repeat(2100)}.com`), /longer than 2048/);
});
