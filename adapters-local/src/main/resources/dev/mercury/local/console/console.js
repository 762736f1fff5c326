// The console's page: talks to the Step Functions API on this server, as the AWS CLI does, and
// draws the selected state machine with what its selected execution did.
import { layout, progress, HEADER } from './layout.js';

const SVG = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);
const view = { machine: null, execution: null, chart: null, timer: null };

async function api(action, body = {}) {
  const response = await fetch('/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `AWSStepFunctions.${action}` },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) {
    const type = (json.__type ?? 'Error').split('#').pop();
    const hint = /Signature|Authentication|security token/i.test(type + json.message)
      ? ' (the console sends unsigned requests: start the server without --access-key to use it)' : '';
    throw new Error(`${action}: ${type}: ${json.message ?? ''}${hint}`);
  }
  return json;
}

function showError(error) {
  $('error').textContent = error.message ?? String(error);
  $('error').hidden = false;
  setTimeout(() => { $('error').hidden = true; }, 8000);
}

function element(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text ?? '';
  if (className) td.className = className;
  return td;
}

const when = (date) => (date ? new Date(typeof date === 'number' ? date * 1000 : date).toLocaleString() : '');

async function loadMachines() {
  const { stateMachines } = await api('ListStateMachines', { maxResults: 1000 });
  const list = $('machines');
  list.replaceChildren();
  $('no-machines').hidden = stateMachines.length > 0;
  for (const machine of stateMachines) {
    const item = document.createElement('li');
    item.textContent = machine.name;
    item.title = machine.stateMachineArn;
    item.classList.toggle('selected', machine.stateMachineArn === view.machine);
    item.onclick = () => selectMachine(machine.stateMachineArn).catch(showError);
    list.append(item);
  }
}

async function selectMachine(arn) {
  view.machine = arn;
  view.execution = null;
  const machine = await api('DescribeStateMachine', { stateMachineArn: arn });
  $('machine').hidden = false;
  $('execution').hidden = true;
  $('machine-name').textContent = machine.name;
  $('machine-arn').textContent = arn;
  const response = await fetch('/console/flowchart', { method: 'POST', body: machine.definition });
  const chart = await response.json();
  if (!response.ok) {
    throw new Error(`The definition has problems: ${chart.diagnostics.map((d) => d.message).join('; ')}`);
  }
  view.chart = chart;
  draw(new Map());
  await Promise.all([loadMachines(), loadExecutions()]);
}

async function loadExecutions() {
  const { executions } = await api('ListExecutions', { stateMachineArn: view.machine, maxResults: 100 });
  const body = $('executions');
  body.replaceChildren();
  for (const execution of executions) {
    const row = body.insertRow();
    row.className = 'pick';
    row.classList.toggle('selected', execution.executionArn === view.execution);
    cell(row, execution.name);
    cell(row, execution.status, `status-${execution.status}`);
    cell(row, when(execution.startDate));
    cell(row, when(execution.stopDate));
    row.onclick = () => selectExecution(execution.executionArn).catch(showError);
  }
}

async function selectExecution(arn) {
  view.execution = arn;
  clearTimeout(view.timer);
  const execution = await api('DescribeExecution', { executionArn: arn });
  const events = [];
  let nextToken;
  do {
    const page = await api('GetExecutionHistory', { executionArn: arn, maxResults: 1000, nextToken });
    events.push(...page.events);
    nextToken = page.nextToken;
  } while (nextToken);
  $('execution').hidden = false;
  $('execution-name').textContent = `${execution.name}: ${execution.status}`;
  $('execution-input').textContent = pretty(execution.input);
  const failed = execution.status !== 'SUCCEEDED' && execution.status !== 'RUNNING';
  $('execution-result-title').textContent = failed ? 'Error' : 'Output';
  $('execution-output').textContent = failed
    ? `${execution.error ?? ''}\n${execution.cause ?? ''}` : pretty(execution.output);
  showEvents(events);
  draw(progress(events));
  await loadExecutions();
  if (execution.status === 'RUNNING') {
    view.timer = setTimeout(() => selectExecution(arn).catch(showError), 2000);
  }
}

function pretty(text) {
  if (text === undefined || text === null) return '';
  try { return JSON.stringify(JSON.parse(text), null, 2); } catch { return text; }
}

function showEvents(events) {
  const body = $('events');
  body.replaceChildren();
  for (const event of events) {
    const row = body.insertRow();
    cell(row, event.id);
    cell(row, when(event.timestamp));
    cell(row, event.type);
    const detailsKey = Object.keys(event).find((key) => key.endsWith('EventDetails'));
    const details = detailsKey ? { ...event[detailsKey] } : {};
    cell(row, details.name ?? '');
    delete details.name;
    cell(row, Object.keys(details).length ? JSON.stringify(details, null, 1) : '');
  }
}

function draw(states) {
  const placed = layout(view.chart);
  const svg = element('svg', { width: placed.width + 8, height: placed.height + 8 });
  svg.append(arrowHead());
  const root = element('g', { transform: 'translate(4,4)' });
  drawChart(root, placed, states);
  svg.append(root);
  $('chart').replaceChildren(svg);
}

function arrowHead() {
  const defs = element('defs');
  const marker = element('marker', { id: 'head', viewBox: '0 0 10 10', refX: 9, refY: 5,
    markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(element('path', { d: 'M0,0 L10,5 L0,10 z', style: 'fill:#7d8696;stroke:none' }));
  defs.append(marker);
  return defs;
}

function drawChart(group, placed, states) {
  for (const arrow of placed.arrows) {
    if (arrow.points.length === 0) continue;
    const [a, b, c, d] = arrow.points;
    const shape = arrow.loop
      ? `M${a.x},${a.y} L${b.x},${b.y} L${c.x},${c.y} L${d.x},${d.y}`
      : `M${a.x},${a.y} C${b.x},${b.y} ${c.x},${c.y} ${d.x},${d.y}`;
    group.append(element('path', { d: shape, class: arrow.kind, 'marker-end': 'url(#head)' }));
    if (arrow.label) {
      const text = arrow.kind === 'catch' ? `Catch ${arrow.label}` : arrow.label;
      group.append(element('text', { x: arrow.at.x, y: arrow.at.y, class: 'label',
        'text-anchor': arrow.loop ? 'start' : 'middle' }, text));
    }
  }
  for (const place of placed.boxes.values()) {
    const box = place.box;
    const status = states.get(box.name);
    const g = element('g', { class: `${box.type} ${status?.status ?? ''}`,
      transform: `translate(${place.x},${place.y})` });
    const title = element('title', {}, `${box.name} (${box.type})${status ? `: entered ${status.entered}×` : ''}`);
    g.append(title);
    if (place.inner.length > 0) {
      g.append(element('rect', { class: 'container', width: place.width, height: place.height, rx: 8 }));
      g.append(element('rect', { class: 'state', width: place.width, height: HEADER + 14, rx: 8 }));
      g.append(element('text', { x: 10, y: 18 }, `${box.name}`));
      g.append(element('text', { x: 10, y: 32, class: 'type' }, box.type));
      for (const part of place.inner) {
        const inner = element('g', { transform: `translate(${part.x},${part.y})` });
        inner.append(element('text', { x: 0, y: -6, class: 'type' }, part.chart.title));
        drawChart(inner, part.layout, states);
        g.append(inner);
      }
    } else {
      g.append(element('rect', { class: 'state', width: place.width, height: place.height, rx: box.type === 'Choice' ? 18 : 8 }));
      g.append(element('text', { x: 10, y: 19 }, box.name.length > 24 ? `${box.name.slice(0, 23)}…` : box.name));
      g.append(element('text', { x: 10, y: 35, class: 'type' }, box.type));
      if (status && status.entered > 1) {
        g.append(element('text', { x: place.width - 8, y: 35, class: 'count', 'text-anchor': 'end' }, `×${status.entered}`));
      }
    }
    group.append(g);
  }
}

$('refresh').onclick = () => {
  const work = view.execution ? selectExecution(view.execution)
    : view.machine ? selectMachine(view.machine) : loadMachines();
  work.catch(showError);
};
$('start-button').onclick = async () => {
  try {
    const input = $('start-input').value.trim() || '{}';
    JSON.parse(input);
    const body = { stateMachineArn: view.machine, input };
    if ($('start-name').value.trim()) body.name = $('start-name').value.trim();
    const { executionArn } = await api('StartExecution', body);
    await selectExecution(executionArn);
  } catch (error) {
    showError(error);
  }
};
$('server').textContent = location.host;
loadMachines().catch(showError);
