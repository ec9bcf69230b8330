/**
 * The human page at `GET /` (admin port): the apps table with online counts, each game pod's rooms (how many it hosts,
 * and the modes its module declares with their sizes) and the admission queue (its head), polling `/apps`, `/status` and `/queue` every 2 s. One self-contained HTML string (no build step, no external assets, no inline data from
 * requests, so nothing to escape server-side).
 */
export const livePageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gamecluster appmgr</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #222; }
  h1 { font-size: 1.3rem; margin: 0 0 .3rem; }
  h2 { font-size: 1.1rem; margin: 1.5rem 0 .3rem; }
  #meta { color: #666; margin-bottom: 1rem; }
  table { border-collapse: collapse; min-width: 40rem; }
  th, td { padding: .3rem .8rem; border-bottom: 1px solid #ddd; text-align: left; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  tr.draining td { color: #a60; }
  .bar { display: inline-block; height: .7rem; background: #4a8; vertical-align: middle; }
  tfoot td { font-weight: 600; }
  .err { color: #b00; }
</style>
</head>
<body>
<h1>gamecluster: registered pods</h1>
<div id="meta">loading…</div>
<table>
  <thead><tr><th>app_id</th><th>type</th><th>state</th><th>address</th><th class="n">online</th><th class="n">capacity</th><th>load</th><th class="n">rooms</th><th>modes</th><th class="n">last seen</th></tr></thead>
  <tbody id="rows"></tbody>
  <tfoot id="totals"></tfoot>
</table>
<h2>admission queue</h2>
<div id="qmeta">loading…</div>
<table id="line">
  <thead><tr><th class="n">position</th><th>ticket</th><th class="n">waiting</th></tr></thead>
  <tbody id="qrows"></tbody>
</table>
<script>
const $ = (id) => document.getElementById(id);
function cell(text, cls) { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; return td; }
async function refresh() {
  try {
    const [res, st, qr] = await Promise.all([fetch('apps', { cache: 'no-store' }), fetch('status', { cache: 'no-store' }), fetch('queue', { cache: 'no-store' })]);
    const body = await res.json();
    const status = await st.json();
    const line = await qr.json();
    $('qmeta').textContent = line.waiting + ' waiting, ' + line.held + ' places held for admitted players, ' + line.admitted_per_s +
      ' admitted/s (last minute)' + (line.blocks_plain_login ? ', plain /login waits' : '') + (line.live ? '' : ' (line not readable: redis down)');
    const qrows = $('qrows');
    qrows.textContent = '';
    for (const t of line.head) {
      const tr = document.createElement('tr');
      tr.append(cell(String(t.position), 'n'), cell(t.ticket), cell(t.waited_s + ' s', 'n'));
      qrows.append(tr);
    }
    if (line.waiting > line.head.length) {
      const tr = document.createElement('tr');
      tr.append(cell('…', 'n'), cell((line.waiting - line.head.length) + ' more'), cell(''));
      qrows.append(tr);
    }
    const rows = $('rows');
    rows.textContent = '';
    const totals = {};
    let roomTotal = 0;
    const now = Date.now();
    for (const a of body.apps) {
      const tr = document.createElement('tr');
      tr.className = a.state;
      const load = a.capacity > 0 ? a.online / a.capacity : 0;
      const bar = document.createElement('td');
      const span = document.createElement('span');
      span.className = 'bar';
      span.style.width = Math.round(Math.min(1, load) * 120) + 'px';
      bar.append(span, ' ' + (load * 100).toFixed(1) + '%');
      const hostsRooms = a.modes.length > 0;
      tr.append(cell(a.app_id), cell(a.app_type), cell(a.state), cell(a.ip + ':' + a.port), cell(String(a.online), 'n'),
        cell(String(a.capacity), 'n'), bar, cell(hostsRooms ? String(a.rooms) : '', 'n'),
        cell(a.modes.map((m) => m.mode + ' ≤' + m.max_players).join(', ')), cell(((now - a.last_seen_ms) / 1000).toFixed(1) + ' s', 'n'));
      rows.append(tr);
      totals[a.app_type] = (totals[a.app_type] || 0) + a.online;
      if (hostsRooms) roomTotal += a.rooms;
    }
    const tf = $('totals');
    tf.textContent = '';
    for (const [t, n] of Object.entries(totals)) {
      const tr = document.createElement('tr');
      tr.append(cell('total ' + t), cell(''), cell(''), cell(''), cell(String(n), 'n'), cell(''), cell(''), cell(t === 'game' ? String(roomTotal) : '', 'n'), cell(''), cell(''));
      tf.append(tr);
    }
    $('meta').textContent = body.apps.length + ' pods, ' + status.queue + ' queued, redis ' + status.redis + ', updated ' + new Date().toLocaleTimeString();
    $('meta').className = '';
  } catch (e) {
    $('meta').textContent = 'cannot reach appmgr: ' + e;
    $('meta').className = 'err';
  }
}
refresh();
setInterval(refresh, 2000);
</script>
</body>
</html>
`;
