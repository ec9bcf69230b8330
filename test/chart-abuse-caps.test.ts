/**
 * The chart turns issue 23's caps on (charts/gamecluster: values.yaml, values.schema.json): login and game get
 * WS_MAX_MESSAGE_BYTES, game gets RESUME_MIN_LIVE_MS and TICK_DEADLINE_MS, and `config.wsAllowedOrigins`, when given,
 * becomes WS_ALLOWED_ORIGINS on both; appmgr gets the queue's QUEUE_TICKETS_PER_IP (64), QUEUE_MAX and the shorter
 * QUEUE_ADMIT_MS; the schema refuses a message cap below 64 KiB and an origin with a path.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RELEASE, find, mainContainer, renderChart, renderError, type Container } from './helpers/helm.js';

const env = (c: Container, name: string) => c.env?.find((e) => e.name === name)?.value;

test('login and game get the WebSocket cap, game the resume and tick deadlines; origins only when given', async () => {
  const plain = await renderChart();
  for (const c of ['login', 'game']) {
    const ctr = mainContainer(find(plain, 'Deployment', `${RELEASE}-${c}`));
    assert.equal(env(ctr, 'WS_MAX_MESSAGE_BYTES'), '65536', c);
    assert.equal(env(ctr, 'WS_ALLOWED_ORIGINS'), undefined, `${c}: any origin unless configured`);
    assert.equal(env(ctr, 'MAX_CONNECTIONS_PER_IP'), '256', c);
  }
  const game = mainContainer(find(plain, 'Deployment', `${RELEASE}-game`));
  assert.equal(env(game, 'RESUME_MIN_LIVE_MS'), '5000');
  assert.equal(env(game, 'TICK_DEADLINE_MS'), '1000');
  const withOrigins = await renderChart({ set: ['config.wsAllowedOrigins={https://play.example.com,http://localhost:5173}', 'game.resumeMinLiveMs=0'] });
  for (const c of ['login', 'game']) assert.equal(env(mainContainer(find(withOrigins, 'Deployment', `${RELEASE}-${c}`)), 'WS_ALLOWED_ORIGINS'), 'https://play.example.com,http://localhost:5173', c);
  assert.equal(env(mainContainer(find(withOrigins, 'Deployment', `${RELEASE}-game`)), 'RESUME_MIN_LIVE_MS'), '0', 'an explicit 0 is kept');
});

test('the schema refuses a WebSocket cap below 64 KiB and an origin that is not scheme://host[:port]', async () => {
  assert.match(await renderError({ set: ['game.wsMaxMessageBytes=1024'] }), /wsMaxMessageBytes/);
  assert.match(await renderError({ set: ['config.wsAllowedOrigins={https://play.example.com/app}'] }), /wsAllowedOrigins/);
});

test('appmgr gets the queue caps: 64 live tickets per address, the line length, admissions held 15 s', async () => {
  const appmgr = mainContainer(find(await renderChart(), 'Deployment', `${RELEASE}-appmgr`));
  assert.equal(env(appmgr, 'QUEUE_TICKETS_PER_IP'), '64');
  assert.equal(env(appmgr, 'QUEUE_MAX'), '1000000');
  assert.equal(env(appmgr, 'QUEUE_ADMIT_MS'), '15000');
  const off = mainContainer(find(await renderChart({ set: ['appmgr.queue.ticketsPerIp=0'] }), 'Deployment', `${RELEASE}-appmgr`));
  assert.equal(env(off, 'QUEUE_TICKETS_PER_IP'), '0', 'an explicit 0 is kept');
  assert.match(await renderError({ set: ['appmgr.queue.max=0'] }), /max/);
});
