import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterCommands } from '../../../core/commands/filter.js';

const commands = [
  { id: 'file.save', title: 'Save', shortcut: 'Ctrl+S' },
  { id: 'server.start', title: 'Start server', keywords: 'embedded magic link' },
  { id: 'server.stop', title: 'Stop server', keywords: 'embedded' },
  { id: 'review.all', title: 'Run all reviews', keywords: 'ai pass' },
  { id: 'find.panes', title: 'Find in all panes', keywords: 'search' },
];

describe('filterCommands (command palette)', () => {
  it('lists everything in order for an empty query', () => {
    assert.deepEqual(filterCommands(commands, '  ').map((c) => c.id), commands.map((c) => c.id));
  });
  it('needs every word, in title, keywords or id, case-insensitively', () => {
    assert.deepEqual(filterCommands(commands, 'SERVER').map((c) => c.id), ['server.start', 'server.stop']);
    assert.deepEqual(filterCommands(commands, 'start serv').map((c) => c.id), ['server.start']);
    assert.deepEqual(filterCommands(commands, 'search').map((c) => c.id), ['find.panes']);
    assert.deepEqual(filterCommands(commands, 'zzz'), []);
  });
  it('ranks a title prefix above a title substring above a keyword match', () => {
    const list = [
      { id: 'a', title: 'Open review settings', keywords: 'save key' },
      { id: 'b', title: 'Autosave status' },
      { id: 'c', title: 'Save' },
    ];
    assert.deepEqual(filterCommands(list, 'save').map((c) => c.id), ['c', 'b', 'a']);
  });
});
