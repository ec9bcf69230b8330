import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArgError, defaultRobotOptions, parseRobotArgs } from './args.js';

test('parses every flag, both --flag v and --flag=v', () => {
  const o = parseRobotArgs(['--appmgr', 'http://127.0.0.1:8080/', '--players=1000', '--rate', '250.5', '--duration', '0', '--echo-per-sec', '2', '--concurrency', '64', '--step-timeout', '5000', '--json', '--no-progress']);
  assert.deepEqual(o, { ...defaultRobotOptions, appmgr: 'http://127.0.0.1:8080', players: 1000, rate: 250.5, durationS: 0, echoPerSec: 2, concurrency: 64, stepTimeoutMs: 5000, json: true, progress: false });
});

test('--scenario, --transport, --queue', () => {
  assert.deepEqual(parseRobotArgs(['--appmgr', 'http://x', '--scenario', 'arena', '--transport=ws', '--queue']), { ...defaultRobotOptions, appmgr: 'http://x', scenario: 'arena', transport: 'ws', queue: true });
  assert.throws(() => parseRobotArgs(['--appmgr', 'http://x', '--scenario', 'chess']), /invalid --scenario "chess": expected echo, arena or rooms$/);
  assert.throws(() => parseRobotArgs(['--appmgr', 'http://x', '--transport', 'udp']), /invalid --transport "udp": expected tcp or ws$/);
  assert.throws(() => parseRobotArgs(['--appmgr', 'http://x', '--queue=1']), /--queue takes no value/);
});

test('--scenario rooms with --party and --mode; those two only with rooms', () => {
  assert.deepEqual(parseRobotArgs(['--appmgr', 'http://x', '--scenario', 'rooms', '--party', '4', '--mode=duel']), { ...defaultRobotOptions, appmgr: 'http://x', scenario: 'rooms', party: 4, mode: 'duel' });
  assert.deepEqual(parseRobotArgs(['--appmgr', 'http://x', '--scenario', 'rooms']), { ...defaultRobotOptions, appmgr: 'http://x', scenario: 'rooms', party: 4, mode: 'arena' });
  assert.throws(() => parseRobotArgs(['--appmgr', 'http://x', '--party', '4']), /: --party and --mode apply only to --scenario rooms$/);
  assert.throws(() => parseRobotArgs(['--appmgr', 'http://x', '--scenario', 'rooms', '--party', '1']), /: invalid --party "1": expected an integer from 2 to 1000$/);
  assert.throws(() => parseRobotArgs(['--appmgr', 'http://x', '--scenario', 'rooms', '--mode', 'Duel!']), /: invalid --mode "Duel!": expected a room mode/);
});

test('--account-prefix: players are <prefix>-<n> (accounts an AUTH_URL service knows), --password from the same values', () => {
  assert.deepEqual(parseRobotArgs(['--appmgr', 'http://x', '--account-prefix', 'helm-test', '--password=s3cret']), { ...defaultRobotOptions, appmgr: 'http://x', accountPrefix: 'helm-test', password: 's3cret' });
  assert.throws(() => parseRobotArgs(['--appmgr', 'http://x', '--account-prefix', 'has space']), /invalid --account-prefix "has space": expected 1-48/);
  assert.throws(() => parseRobotArgs(['--appmgr', 'http://x', '--account-prefix']), /--account-prefix needs a value/);
});

test('defaults and --help', () => {
  assert.deepEqual(parseRobotArgs(['--appmgr', 'https://gc.example']), { ...defaultRobotOptions, appmgr: 'https://gc.example' });
  assert.equal(parseRobotArgs(['--players', 'nope', '--help']), 'help');
});

test('bad flags: one line naming the flag and the allowed values', () => {
  const cases: [string[], RegExp][] = [
    [[], /^missing --appmgr/],
    [['--appmgr', 'ftp://x'], /^invalid --appmgr "ftp:\/\/x": expected an http/],
    [['--appmgr', 'not a url'], /^invalid --appmgr/],
    [['--appmgr', 'http://x', '--players', '0'], /^invalid --players "0": expected an integer from 1 to 1000000$/],
    [['--appmgr', 'http://x', '--players', '1.5'], /^invalid --players/],
    [['--appmgr', 'http://x', '--rate', '0'], /^invalid --rate "0": expected a number > 0/],
    [['--appmgr', 'http://x', '--duration', '-1'], /^invalid --duration/],
    [['--appmgr', 'http://x', '--echo-per-sec', '500'], /^invalid --echo-per-sec "500": expected a number from 0 to 100$/],
    [['--appmgr', 'http://x', '--players'], /^--players needs a value/],
    [['--appmgr', 'http://x', '--bogus'], /^unknown flag "--bogus"/],
    [['--appmgr', 'http://x', '--json=1'], /--json takes no value/],
  ];
  for (const [argv, re] of cases) {
    assert.throws(() => parseRobotArgs(argv), (err: unknown) => err instanceof ArgError && re.test(err.message) && !err.message.includes('\n'), argv.join(' '));
  }
});
