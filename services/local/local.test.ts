import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArgError, defaultLocalOptions, parseLocalArgs } from './args.js';
import { gameclusterCommand } from './child-process.js';
import { formatClusterView, metricValue } from './cluster-view.js';

test('local flags: defaults, values, one-line errors', () => {
  assert.deepEqual(parseLocalArgs([]), defaultLocalOptions);
  assert.deepEqual(parseLocalArgs(['--players', '50', '--rate=20', '--duration', '0', '--keep', '--json']), { ...defaultLocalOptions, players: 50, rate: 20, durationS: 0, keep: true, json: true });
  assert.equal(parseLocalArgs(['--help']), 'help');
  assert.deepEqual(parseLocalArgs(['--scenario', 'arena']), { ...defaultLocalOptions, scenario: 'arena' });
  assert.deepEqual(parseLocalArgs(['--scenario', 'rooms', '--party', '3']), { ...defaultLocalOptions, scenario: 'rooms', party: 3, mode: 'arena' });
  assert.deepEqual(parseLocalArgs(['--scenario=rooms', '--mode', 'party']), { ...defaultLocalOptions, scenario: 'rooms', mode: 'party' });
  assert.deepEqual(parseLocalArgs(['--keep']), { ...defaultLocalOptions, keep: true, players: 0 }, '--keep alone runs no wave');
  assert.deepEqual(parseLocalArgs(['--keep', '--players', '1000']), { ...defaultLocalOptions, keep: true }, 'a wave with --keep only when asked');
  assert.deepEqual(parseLocalArgs(['--players', '5000', '--capacity', '1000', '--queue']), { ...defaultLocalOptions, players: 5000, capacity: 1000, queue: true });
  for (const [argv, re] of [
    [['--players', '-1'], /^invalid --players "-1": expected an integer from 0 to 100000$/],
    [['--rate', '0'], /^invalid --rate "0"/],
    [['--keep=yes'], /--keep takes no value/],
    [['--queue=1'], /--queue takes no value/],
    [['--capacity', '1.5'], /^invalid --capacity "1.5": expected an integer from 0 to 10000000$/],
    [['--nope'], /^unknown flag "--nope"/],
    [['--scenario', 'chess'], /^invalid --scenario "chess": expected echo, arena or rooms$/],
    [['--party', '4'], /^--party applies only to --scenario rooms$/],
    [['--scenario', 'rooms', '--party', '1'], /^invalid --party "1": expected an integer from 2 to 1000$/],
  ] as [string[], RegExp][]) {
    assert.throws(() => parseLocalArgs(argv), (e: unknown) => e instanceof ArgError && re.test(e.message), argv.join(' '));
  }
});

test('children run this same code: dist/cli.js when built, tsx + services/cli.ts from source, with the command\'s node flags', () => {
  const built = gameclusterCommand('game', 'file:///opt/gc/dist/local/child-process.js', '');
  assert.deepEqual(built, { file: process.execPath, args: ['--max-semi-space-size=1', '/opt/gc/dist/cli.js', 'game'] });
  assert.deepEqual(gameclusterCommand('appmgr', 'file:///opt/gc/dist/local/child-process.js', '').args, ['/opt/gc/dist/cli.js', 'appmgr']);
  assert.deepEqual(gameclusterCommand('game', 'file:///opt/gc/dist/local/child-process.js', '--max-semi-space-size=4').args, ['/opt/gc/dist/cli.js', 'game'], 'NODE_OPTIONS wins');
  const src = gameclusterCommand('login', 'file:///w/services/local/child-process.ts', undefined);
  assert.equal(src.args[0], '--max-semi-space-size=1');
  assert.equal(src.args[1], '--import');
  assert.match(src.args[2]!, /^file:.*tsx/);
  assert.deepEqual(src.args.slice(3), ['/w/services/cli.ts', 'login']);
});

test('metricValue sums matching samples of one metric', () => {
  const text = [
    '# HELP gamecluster_online_players x',
    '# TYPE gamecluster_online_players gauge',
    'gamecluster_online_players{app_type="game",app_id="g1"} 500',
    'gamecluster_online_players{app_type="game",app_id="g2"} 499',
    'gamecluster_online_players_other{app_type="game"} 7',
    'gamecluster_connections{app_type="game"} 3',
  ].join('\n');
  assert.equal(metricValue(text, 'gamecluster_online_players'), 999);
  assert.equal(metricValue(text, 'gamecluster_online_players', { app_id: 'g2' }), 499);
  assert.equal(metricValue(text, 'gamecluster_connections'), 3);
  assert.equal(metricValue(text, 'gamecluster_online_players', { app_id: 'nope' }), null);
});

test('the per-pod table shows both views, the rooms of game pods and the spread', () => {
  const out = formatClusterView({
    pods: [
      { type: 'game', app_id: 'g1', address: '127.0.0.1:1', state: 'ready', registry_online: 500, online: 500, connections: 500, rooms: 125 },
      { type: 'game', app_id: 'g2', address: '127.0.0.1:2', state: null, registry_online: null, online: 499, connections: null, rooms: null },
      { type: 'login', app_id: 'l1', address: '127.0.0.1:3', state: 'ready', registry_online: 0, online: 0, connections: 2, rooms: null },
    ],
    cluster_online: { login: 0, game: 999 },
  });
  assert.match(out, /^game\s+g1\s+127\.0\.0\.1:1\s+ready\s+500\s+500\s+500\s+125$/m);
  assert.match(out, /^game\s+g2\s+127\.0\.0\.1:2\s+-\s+499\s+-\s+-\s+-$/m);
  assert.match(out, /^login\s+l1\s+127\.0\.0\.1:3\s+ready\s+0\s+0\s+2\s+-$/m);
  assert.match(out, /game online: 999 \(pods' \/metrics\), 999 \(appmgr gamecluster_cluster_online_players\); spread 1/);
});
