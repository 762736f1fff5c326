// Places a flowchart's boxes in rows, one row per step from the start, so that most arrows point
// down; arrows that go back up (loops) are routed around the right side. Pure: no DOM, so that
// node can test it.

export const BOX = { width: 176, height: 46 };
export const GAP_X = 28;
export const GAP_Y = 54;
export const PAD = 14;
export const HEADER = 26;

export function layout(chart) {
  const byId = new Map(chart.boxes.map((box) => [box.id, box]));
  const back = backArrows(chart, byId);
  const rank = ranks(chart, byId, back);
  const sized = new Map();
  for (const box of chart.boxes) {
    sized.set(box.id, size(box));
  }
  const rows = [];
  for (const box of chart.boxes) {
    (rows[rank.get(box.id)] ??= []).push(box.id);
  }
  const placed = new Map();
  let y = 0;
  let width = 0;
  const rowList = rows.filter(Boolean);
  for (const row of rowList) {
    orderByParents(row, chart, placed, back);
    const rowWidth = row.reduce((sum, id) => sum + sized.get(id).width, 0) + GAP_X * (row.length - 1);
    width = Math.max(width, rowWidth);
  }
  for (const row of rowList) {
    const rowWidth = row.reduce((sum, id) => sum + sized.get(id).width, 0) + GAP_X * (row.length - 1);
    const rowHeight = Math.max(...row.map((id) => sized.get(id).height));
    let x = (width - rowWidth) / 2;
    for (const id of row) {
      const s = sized.get(id);
      placed.set(id, { ...s, x, y, box: byId.get(id), rank: rank.get(id) });
      x += s.width + GAP_X;
    }
    y += rowHeight + GAP_Y;
  }
  const height = Math.max(0, y - GAP_Y);
  // Loops are drawn to the right of everything, so leave room for them.
  const loopRoom = back.size > 0 ? 24 + 14 * back.size : 0;
  const arrows = chart.arrows.map((arrow, i) =>
    route(arrow, placed.get(arrow.from), placed.get(arrow.to), back.has(i), width, i));
  return { width: width + loopRoom, height, boxes: placed, arrows };
}

function size(box) {
  if (!box.nested || box.nested.length === 0) {
    return { width: BOX.width, height: BOX.height, inner: [] };
  }
  const inner = box.nested.map((chart) => ({ chart, layout: layout(chart) }));
  let x = PAD;
  let tallest = 0;
  for (const part of inner) {
    part.x = x;
    part.y = HEADER + HEADER + 6;
    x += part.layout.width + GAP_X;
    tallest = Math.max(tallest, part.layout.height);
  }
  const width = Math.max(BOX.width, x - GAP_X + PAD);
  for (const part of inner) {
    part.x += (width - (x - GAP_X + PAD)) / 2;
  }
  return { width, height: HEADER + HEADER + 6 + tallest + PAD, inner };
}

/** Indexes of the arrows that close a loop, found by a depth-first walk from the start. */
function backArrows(chart, byId) {
  const out = new Map();
  chart.arrows.forEach((arrow, i) => {
    if (!out.has(arrow.from)) out.set(arrow.from, []);
    out.get(arrow.from).push(i);
  });
  const state = new Map(); // 1: on the walk's path, 2: done
  const back = new Set();
  const visit = (id) => {
    state.set(id, 1);
    for (const i of out.get(id) ?? []) {
      const to = chart.arrows[i].to;
      if (state.get(to) === 1) back.add(i);
      else if (!state.has(to) && byId.has(to)) visit(to);
    }
    state.set(id, 2);
  };
  if (byId.has(chart.start)) visit(chart.start);
  for (const box of chart.boxes) {
    if (!state.has(box.id)) visit(box.id);
  }
  return back;
}

/** Each box's row: the longest way to it from the start, loops left out. */
function ranks(chart, byId, back) {
  const rank = new Map(chart.boxes.map((box) => [box.id, 0]));
  const incoming = new Map(chart.boxes.map((box) => [box.id, 0]));
  chart.arrows.forEach((arrow, i) => {
    if (!back.has(i) && byId.has(arrow.to)) incoming.set(arrow.to, incoming.get(arrow.to) + 1);
  });
  const ready = chart.boxes.filter((box) => incoming.get(box.id) === 0).map((box) => box.id);
  while (ready.length > 0) {
    const id = ready.shift();
    chart.arrows.forEach((arrow, i) => {
      if (arrow.from !== id || back.has(i) || !byId.has(arrow.to)) return;
      rank.set(arrow.to, Math.max(rank.get(arrow.to), rank.get(id) + 1));
      incoming.set(arrow.to, incoming.get(arrow.to) - 1);
      if (incoming.get(arrow.to) === 0) ready.push(arrow.to);
    });
  }
  return rank;
}

/** Sorts a row by where its parents sit, so that arrows cross less. */
function orderByParents(row, chart, placed, back) {
  const centre = new Map();
  row.forEach((id, position) => {
    const xs = chart.arrows
      .filter((arrow, i) => arrow.to === id && !back.has(i) && placed.has(arrow.from))
      .map((arrow) => placed.get(arrow.from).x + placed.get(arrow.from).width / 2);
    centre.set(id, xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : position * 1e-3);
  });
  row.sort((a, b) => centre.get(a) - centre.get(b));
}

/** An arrow's path: points of a curve, and where its label goes. */
function route(arrow, from, to, loop, width, index) {
  if (!from || !to) return { ...arrow, points: [], label: arrow.label };
  if (loop || to.rank <= from.rank) {
    const out = width + 12 + 14 * (index % 6);
    const a = { x: from.x + from.width, y: from.y + from.height / 2 };
    const b = { x: to.x + to.width, y: to.y + to.height / 2 };
    return { ...arrow, loop: true, points: [a, { x: out, y: a.y }, { x: out, y: b.y }, b],
      at: { x: out, y: (a.y + b.y) / 2 } };
  }
  const a = { x: from.x + from.width / 2, y: from.y + from.height };
  const b = { x: to.x + to.width / 2, y: to.y };
  const bend = (b.y - a.y) / 2;
  // Labels sit near the arrow's end, where arrows leaving one Choice have already parted.
  return { ...arrow, loop: false, points: [a, { x: a.x, y: a.y + bend }, { x: b.x, y: b.y - bend }, b],
    at: { x: a.x + (b.x - a.x) * 0.85, y: a.y + (b.y - a.y) * 0.72 } };
}

/**
 * What became of each State in an execution's history, by name: how often it was entered, whether
 * one of its runs is still open, and whether one failed.
 */
export function progress(events) {
  const states = new Map();
  const open = [];
  for (const event of events) {
    const entered = event.stateEnteredEventDetails;
    const exited = event.stateExitedEventDetails;
    if (entered) {
      const s = states.get(entered.name) ?? { entered: 0, exited: 0, failed: false };
      s.entered += 1;
      states.set(entered.name, s);
      open.push(entered.name);
    } else if (exited) {
      const s = states.get(exited.name);
      if (s) s.exited += 1;
      const at = open.lastIndexOf(exited.name);
      if (at >= 0) open.splice(at, 1);
    } else if (/(Failed|TimedOut|Aborted)$/.test(event.type) && !event.type.startsWith('Execution')
        && open.length > 0) {
      states.get(open[open.length - 1]).failed = true;
    } else if (/^Execution(Failed|TimedOut|Aborted)$/.test(event.type) && open.length > 0) {
      states.get(open[open.length - 1]).failed = true;
    }
  }
  for (const s of states.values()) {
    s.status = s.entered > s.exited ? (s.failed ? 'failed' : 'running') : s.failed ? 'caught' : 'succeeded';
  }
  return states;
}
