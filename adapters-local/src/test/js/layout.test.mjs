// Node tests of the console's layout: boxes never overlap, arrows go down except loops, nested
// charts fit inside their state, and an execution's history colours the right states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layout, progress } from './layout.mjs';

const box = (id, name, type = 'Pass', nested = []) => ({ id, name, type, end: false, nested });
const arrow = (from, to, kind = 'next', label = '') => ({ from, to, kind, label });

const loop = {
  title: '', start: 's0',
  boxes: [box('s0', 'Init'), box('s1', 'Check', 'Choice'), box('s2', 'Work', 'Task'),
    box('s3', 'Done', 'Succeed'), box('s4', 'Broken', 'Fail')],
  arrows: [arrow('s0', 's1'), arrow('s1', 's2', 'choice', '$.n < 3'), arrow('s1', 's3', 'default'),
    arrow('s2', 's1'), arrow('s2', 's4', 'catch', 'States.ALL')],
};

function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('boxes do not overlap and fit in the chart', () => {
  const placed = layout(loop);
  const boxes = [...placed.boxes.values()];
  for (let i = 0; i < boxes.length; i++) {
    assert.ok(boxes[i].x >= 0 && boxes[i].x + boxes[i].width <= placed.width, boxes[i].box.name);
    assert.ok(boxes[i].y + boxes[i].height <= placed.height, boxes[i].box.name);
    for (let j = i + 1; j < boxes.length; j++) {
      assert.ok(!overlaps(boxes[i], boxes[j]), `${boxes[i].box.name} overlaps ${boxes[j].box.name}`);
    }
  }
});

test('rows follow the flow and the loop goes back around the side', () => {
  const placed = layout(loop);
  const rank = (id) => placed.boxes.get(id).rank;
  assert.deepEqual([rank('s0'), rank('s1'), rank('s2'), rank('s4')], [0, 1, 2, 3]);
  assert.equal(rank('s3'), 2);
  const back = placed.arrows.find((a) => a.from === 's2' && a.to === 's1');
  assert.equal(back.loop, true);
  assert.ok(back.points.every((p) => p.x >= placed.boxes.get('s2').x));
  const down = placed.arrows.find((a) => a.from === 's0' && a.to === 's1');
  assert.equal(down.loop, false);
  assert.ok(down.points[3].y > down.points[0].y);
});

test('a Parallel state holds its branches side by side', () => {
  const branch = (id, name) => ({ title: name, start: id, boxes: [box(id, name)], arrows: [] });
  const chart = {
    title: '', start: 's0',
    boxes: [box('s0', 'Fan', 'Parallel', [branch('s2', 'A'), branch('s3', 'B')]), box('s1', 'After')],
    arrows: [arrow('s0', 's1')],
  };
  const placed = layout(chart);
  const fan = placed.boxes.get('s0');
  assert.equal(fan.inner.length, 2);
  const [a, b] = fan.inner;
  assert.ok(a.x + a.layout.width <= b.x, 'branches side by side');
  for (const part of fan.inner) {
    assert.ok(part.x >= 0 && part.x + part.layout.width <= fan.width);
    assert.ok(part.y + part.layout.height <= fan.height);
  }
  assert.ok(placed.boxes.get('s1').y >= fan.y + fan.height, 'the next state is below the whole Parallel');
});

test('progress marks states entered, left, failed and caught', () => {
  const entered = (name) => ({ type: 'TaskStateEntered', stateEnteredEventDetails: { name } });
  const exited = (name) => ({ type: 'TaskStateExited', stateExitedEventDetails: { name } });
  const states = progress([
    { type: 'ExecutionStarted' },
    entered('Init'), exited('Init'),
    entered('Work'), { type: 'TaskFailed' }, exited('Work'),
    entered('Work'), exited('Work'),
    entered('Last'), { type: 'LambdaFunctionFailed' }, { type: 'ExecutionFailed' },
  ]);
  assert.equal(states.get('Init').status, 'succeeded');
  assert.equal(states.get('Work').status, 'caught');
  assert.equal(states.get('Work').entered, 2);
  assert.equal(states.get('Last').status, 'failed');
  const running = progress([entered('Wait')]);
  assert.equal(running.get('Wait').status, 'running');
});
