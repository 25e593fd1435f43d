// The operations dashboard: plain DOM, no framework. The operator's token stays in sessionStorage (this tab only)
// and goes in an Authorization header, never in a URL; the live feed is read with fetch() because EventSource
// cannot send that header.
'use strict';

const TOKEN_KEY = 'harbor.ops.token';
const FEED_LIMIT = 500;
const REFRESH_MS = 5000;
const $ = (id) => document.getElementById(id);

const state = {
    feed: [],          // newest first
    held: [],          // arrived while paused, newest first
    paused: false,
    feedAbort: null,
    timers: [],
    renderQueued: false,
};

class AuthError extends Error {
    constructor(status) { super('HTTP ' + status); this.status = status; }
}

function token() { return sessionStorage.getItem(TOKEN_KEY); }

async function api(path, options = {}) {
    const response = await fetch('/ops/api' + path, {
        ...options,
        headers: { 'Authorization': 'Bearer ' + token(), 'Accept': 'application/json', ...(options.headers || {}) },
    });
    if (response.status === 401 || response.status === 403) {
        throw new AuthError(response.status);
    }
    const body = response.status === 204 ? null : await response.json();
    if (!response.ok) {
        throw new Error(body && body.detail ? body.detail : 'HTTP ' + response.status);
    }
    return body;
}

function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
        if (name === 'class') node.className = value;
        else if (name.startsWith('data-')) node.setAttribute(name, value);
        else node[name] = value;
    }
    for (const child of children) {
        node.append(child instanceof Node ? child : document.createTextNode(child == null ? '' : String(child)));
    }
    return node;
}

function time(iso) {
    return iso ? new Date(iso).toLocaleTimeString([], { hour12: false }) : '';
}

function shortType(type) {
    return type ? type.replace(/^org\.iprharbor\./, '') : '(no type)';
}

// ---- sign in / out -------------------------------------------------------------------------------------------

async function signIn(candidate) {
    sessionStorage.setItem(TOKEN_KEY, candidate);
    try {
        const me = await api('/me');
        $('signed-in').textContent = me.subject;
        $('login').hidden = true;
        $('login-error').hidden = true;
        $('session').hidden = false;
        $('dashboard').hidden = false;
        startDashboard();
    } catch (error) {
        sessionStorage.removeItem(TOKEN_KEY);
        showLoginError(error);
    }
}

function showLoginError(error) {
    const message = error instanceof AuthError
        ? (error.status === 403 ? 'Access refused: this token is not an operator\'s.' : 'This token was not accepted (expired or not signed by the identity provider).')
        : 'Cannot reach the service: ' + error.message;
    $('login-error').textContent = message;
    $('login-error').hidden = false;
}

function signOut(reason) {
    stopDashboard();
    sessionStorage.removeItem(TOKEN_KEY);
    $('dashboard').hidden = true;
    $('session').hidden = true;
    $('login').hidden = false;
    if (reason) showLoginError(reason);
}

function handle(error) {
    if (error instanceof AuthError) signOut(error);
    else console.warn('ops dashboard:', error.message);
}

// ---- live feed ------------------------------------------------------------------------------------------------

async function openFeed() {
    state.feedAbort = new AbortController();
    const signal = state.feedAbort.signal;
    $('feed-status').textContent = 'connecting…';
    try {
        const response = await fetch('/ops/api/feed/stream?backfill=200', {
            headers: { 'Authorization': 'Bearer ' + token(), 'Accept': 'text/event-stream' }, signal,
        });
        if (response.status === 401 || response.status === 403) throw new AuthError(response.status);
        $('feed-status').textContent = 'live';
        $('feed-status').className = 'status ok';
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffered = '';
        for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffered += value.replace(/\r\n/g, '\n');
            let end;
            while ((end = buffered.indexOf('\n\n')) >= 0) {
                const message = buffered.slice(0, end);
                buffered = buffered.slice(end + 2);
                const data = message.split('\n').filter((line) => line.startsWith('data:'))
                    .map((line) => line.slice(5).trimStart()).join('\n');
                if (data) onFeedEntry(JSON.parse(data));
            }
        }
    } catch (error) {
        if (signal.aborted) return;
        if (error instanceof AuthError) { signOut(error); return; }
        console.warn('ops feed:', error.message);
    }
    if (!signal.aborted) {
        $('feed-status').textContent = 'reconnecting…';
        $('feed-status').className = 'status warn';
        state.timers.push(setTimeout(openFeed, 2000));
    }
}

function onFeedEntry(entry) {
    if (state.paused) {
        state.held.unshift(entry);
        $('feed-held').textContent = state.held.length + ' new while paused';
        return;
    }
    state.feed.unshift(entry);
    state.feed.length = Math.min(state.feed.length, FEED_LIMIT);
    queueFeedRender();
}

function queueFeedRender() {
    if (state.renderQueued) return;
    state.renderQueued = true;
    requestAnimationFrame(() => { state.renderQueued = false; renderFeed(); });
}

function feedFilter() {
    const topic = $('feed-topic').value;
    const type = $('feed-type').value.trim();
    const id = $('feed-id').value.trim();
    return (entry) => (!topic || entry.topic === topic)
        && (!type || (entry.type || '').includes(type))
        && (!id || entry.subject === id || entry.key === id || Object.values(entry.fields || {}).includes(id));
}

function renderFeed() {
    const shown = state.feed.filter(feedFilter());
    const rows = shown.map((entry) => {
        const fields = el('td', { class: 'fields' });
        for (const [name, value] of Object.entries(entry.fields || {})) {
            fields.append(el('span', {}, el('b', {}, name + ' '), value));
        }
        return el('tr', { class: 'feed-row', 'data-type': entry.type || '', 'data-subject': entry.subject || '',
                'data-sequence': entry.sequence },
            el('td', { class: 'mono', title: entry.time }, time(entry.time)),
            el('td', {}, entry.topic),
            el('td', {}, shortType(entry.type)),
            el('td', { class: 'mono' }, entry.subject || entry.key || ''),
            fields);
    });
    $('feed-rows').replaceChildren(...rows);
}

function togglePause() {
    state.paused = !state.paused;
    $('feed-pause').textContent = state.paused ? 'Resume' : 'Pause';
    if (!state.paused) {
        state.feed = state.held.concat(state.feed).slice(0, FEED_LIMIT);
        state.held = [];
        $('feed-held').textContent = '';
        renderFeed();
    }
}

// ---- panels ---------------------------------------------------------------------------------------------------

function bars(svg, counts) {
    const max = Math.max(1, ...counts);
    const width = 300 / Math.max(1, counts.length);
    const shapes = counts.map((count, i) => {
        const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
        const height = count === 0 ? 0 : Math.max(2, (count / max) * 56);
        rect.setAttribute('x', (i * width + 0.5).toFixed(2));
        rect.setAttribute('width', Math.max(1, width - 1).toFixed(2));
        rect.setAttribute('y', (60 - height).toFixed(2));
        rect.setAttribute('height', height.toFixed(2));
        const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
        title.textContent = count + ' events';
        rect.append(title);
        return rect;
    });
    svg.replaceChildren(...shapes);
}

async function refreshFunnel() {
    const funnel = await api('/funnel');
    $('funnel-rows').replaceChildren(...Object.entries(funnel.dealsByState).map(([name, count]) =>
        el('tr', { 'data-state': name }, el('td', {}, name), el('td', { class: 'num' }, count))));
    const counts = funnel.transitionsPerMinute.map((minute) => minute.count);
    bars($('funnel-chart'), counts);
    $('funnel-total').textContent = counts.reduce((a, b) => a + b, 0) + ' in the last hour';
}

function percent(share) {
    return (share * 100).toFixed(1) + '%';
}

async function refreshMatches() {
    const matches = await api('/matches');
    // newest day first, as an operator reads it
    $('matches-rows').replaceChildren(...matches.days.slice().reverse().map((day) =>
        el('tr', { 'data-day': day.day }, el('td', {}, day.day), el('td', { class: 'num' }, day.found),
            el('td', { class: 'num' }, day.offered), el('td', { class: 'num' }, day.completed))));
    $('matches-total').textContent = matches.found + ' found in 14 days';
    $('matches-offered').textContent = percent(matches.offeredShare) + ' (' + matches.offered + ')';
    $('matches-completed').textContent = percent(matches.completedShare) + ' (' + matches.completed + ')';
}

async function refreshThroughput() {
    const throughput = await api('/throughput');
    const charts = throughput.topics.map((topic) => {
        const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        svg.setAttribute('class', 'chart');
        svg.setAttribute('viewBox', '0 0 300 60');
        svg.setAttribute('preserveAspectRatio', 'none');
        bars(svg, topic.counts);
        const total = topic.counts.reduce((a, b) => a + b, 0);
        const last = topic.counts.length ? topic.counts[topic.counts.length - 1] : 0;
        return el('div', { class: 'topic-chart', 'data-topic': topic.topic },
            el('div', { class: 'label' }, el('span', {}, topic.topic),
                el('span', { class: 'total' }, total + ' in ' + topic.counts.length + ' min · ' + last + ' this minute')),
            svg);
    });
    $('throughput-charts').replaceChildren(...charts);
}

async function refreshLag() {
    const groups = await api('/lag');
    $('lag-rows').replaceChildren(...groups.map((group) =>
        el('tr', { 'data-group': group.group }, el('td', {}, group.service), el('td', { class: 'mono' }, group.group),
            el('td', { class: 'num ' + (group.lag > 100 ? 'bad' : group.lag > 0 ? 'warn' : 'ok') }, group.lag))));
}

async function refreshDeliveries() {
    const health = await api('/deliveries');
    $('delivery-rows').replaceChildren(...health.channels.map((channel) =>
        el('tr', { 'data-channel': channel.channel }, el('td', {}, channel.channel),
            el('td', { class: 'num ok' }, channel.delivered), el('td', { class: 'num warn' }, channel.retrying),
            el('td', { class: 'num' }, channel.failed), el('td', { class: 'num bad' }, channel.dead))));
    $('disabled-endpoints').replaceChildren(...(health.disabledEndpoints.length === 0
        ? [el('li', { class: 'status' }, 'none')]
        : health.disabledEndpoints.map((endpoint) => el('li', {}, el('code', {}, endpoint.url), ' · ',
            endpoint.reason || 'disabled', ' · ', endpoint.consecutiveFailures + ' failures'))));
}

function dueTime(iso) {
    return new Date(iso).toLocaleString([], { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit' });
}

async function refreshDeadlines() {
    const kind = $('deadline-kind').value;
    const deadlines = await api('/deadlines' + (kind ? '?kind=' + encodeURIComponent(kind) : ''));
    const overdue = deadlines.filter((deadline) => deadline.overdue).length;
    $('deadlines-total').textContent = deadlines.length + ' owed · ' + overdue + ' overdue';
    $('deadline-rows').replaceChildren(...(deadlines.length === 0
        ? [el('tr', {}, el('td', { colSpan: 5, class: 'status' }, 'nothing due'))]
        : deadlines.map((deadline) =>
            el('tr', { class: 'deadline' + (deadline.overdue ? ' overdue' : ''), 'data-deal-id': deadline.dealId,
                'data-kind': deadline.kind },
                el('td', { class: 'mono' }, dueTime(deadline.dueAt) + (deadline.estimated ? ' (estimated)' : '')),
                el('td', {}, deadline.kind),
                el('td', { class: 'mono' }, deadline.dealId),
                el('td', {}, deadline.responsible || '—'),
                el('td', { class: deadline.overdue ? 'bad' : 'ok' }, deadline.overdue ? 'OVERDUE' : deadline.status)))));
}

async function refreshDeadLetters() {
    const [letters, audit] = await Promise.all([api('/dead-letters'), api('/audit?limit=20')]);
    $('dead-letter-rows').replaceChildren(...(letters.length === 0
        ? [el('tr', {}, el('td', { colSpan: 7, class: 'status' }, 'no dead letters'))]
        : letters.map((letter) => {
            const from = letter.originalTopic
                ? letter.originalTopic + '/' + letter.originalPartition + '@' + letter.originalOffset : '?';
            const button = el('button', { type: 'button', class: 'small redrive', 'data-topic': letter.topic,
                'data-partition': letter.partition, 'data-offset': letter.offset }, 'Redrive');
            button.addEventListener('click', () => redrive(letter, button));
            return el('tr', { class: 'dead-letter', 'data-event-id': letter.eventId || '' },
                el('td', { class: 'mono' }, time(letter.time)),
                el('td', { class: 'mono' }, letter.topic + '/' + letter.partition + '@' + letter.offset),
                el('td', { class: 'mono' }, from),
                el('td', {}, shortType(letter.type)),
                el('td', { title: letter.cause || '' }, letter.reason || ''),
                el('td', { class: 'mono preview', title: letter.payloadPreview || '' }, letter.payloadPreview || ''),
                el('td', {}, button));
        })));
    $('audit-rows').replaceChildren(...audit.map((entry) =>
        el('tr', { class: 'audit-row' }, el('td', { class: 'mono' }, time(entry.at)), el('td', { class: 'mono' }, entry.actor),
            el('td', {}, entry.action), el('td', { class: 'mono' }, entry.target),
            el('td', { class: entry.result === 'PUBLISHED' ? 'ok' : 'bad' }, entry.result), el('td', {}, entry.detail || ''))));
}

async function redrive(letter, button) {
    button.disabled = true;
    $('redrive-status').textContent = 'redriving ' + letter.topic + '/' + letter.partition + '@' + letter.offset + '…';
    try {
        const result = await api('/dead-letters/redrive', {
            method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ topic: letter.topic, partition: letter.partition, offset: letter.offset }),
        });
        $('redrive-status').textContent = 'redriven to ' + result.topic + '/' + result.partition + '@' + result.offset;
        $('redrive-status').className = 'status ok';
        await refreshDeadLetters();
    } catch (error) {
        $('redrive-status').textContent = 'redrive failed: ' + error.message;
        $('redrive-status').className = 'status bad';
        handle(error);
    } finally {
        button.disabled = false;
    }
}

async function showTimeline(event) {
    event.preventDefault();
    const id = $('timeline-id').value.trim();
    if (!/^[0-9a-fA-F-]{36}$/.test(id)) {
        $('timeline-status').textContent = 'enter a deal id (UUID)';
        return;
    }
    $('timeline-status').textContent = 'loading…';
    try {
        const entries = await api('/deals/' + encodeURIComponent(id) + '/timeline');
        $('timeline-status').textContent = entries.length + ' events';
        $('timeline-rows').replaceChildren(...entries.map((entry) => {
            const notes = entry.notifications.map((note) =>
                note.channel.toLowerCase() + ' ' + note.status.toLowerCase() + (note.language ? ' (' + note.language + ')' : ''));
            return el('li', { class: 'timeline-entry', 'data-type': entry.type },
                el('span', { class: 'mono' }, new Date(entry.time).toLocaleString()), ' · ', el('b', {}, shortType(entry.type)),
                ' on ', entry.topic, traceOf(entry),
                el('div', { class: 'notes' }, notes.length ? 'caused: ' + notes.join(', ') : 'no notifications'));
        }));
    } catch (error) {
        $('timeline-status').textContent = 'failed: ' + error.message;
        handle(error);
    }
}

/** The event's trace: a link to the trace viewer when the service knows one, else the bare id (or nothing). */
function traceOf(entry) {
    if (!entry.traceId) return '';
    const label = 'trace ' + entry.traceId.slice(0, 8) + '…';
    return el('span', { class: 'trace' }, ' · ', entry.traceUrl
        ? el('a', { class: 'trace-link mono', href: entry.traceUrl, target: '_blank', rel: 'noopener', title: entry.traceId }, label)
        : el('span', { class: 'mono', title: entry.traceId }, label));
}

function every(ms, task) {
    const run = () => task().catch(handle);
    run();
    state.timers.push(setInterval(run, ms));
}

function startDashboard() {
    stopDashboard();
    state.feed = [];
    state.held = [];
    openFeed();
    every(REFRESH_MS, refreshFunnel);
    every(REFRESH_MS, refreshMatches);
    every(REFRESH_MS, refreshThroughput);
    every(REFRESH_MS, refreshLag);
    every(REFRESH_MS, refreshDeliveries);
    every(REFRESH_MS * 2, refreshDeadlines);
    every(REFRESH_MS * 2, refreshDeadLetters);
}

function stopDashboard() {
    state.timers.forEach((timer) => { clearInterval(timer); clearTimeout(timer); });
    state.timers = [];
    if (state.feedAbort) state.feedAbort.abort();
    state.feedAbort = null;
}

document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', (event) => {
        event.preventDefault();
        signIn($('token').value.trim());
    });
    $('logout').addEventListener('click', () => signOut());
    $('feed-pause').addEventListener('click', togglePause);
    for (const id of ['feed-topic', 'feed-type', 'feed-id']) {
        $(id).addEventListener('input', renderFeed);
        $(id).addEventListener('change', renderFeed);
    }
    $('deadline-kind').addEventListener('change', () => refreshDeadlines().catch(handle));
    $('dead-letters-refresh').addEventListener('click', () => refreshDeadLetters().catch(handle));
    $('timeline-form').addEventListener('submit', showTimeline);
    if (token()) signIn(token());
});
