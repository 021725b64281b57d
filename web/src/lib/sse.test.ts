import { describe, expect, it } from 'vitest';
import { backoffDelay, createSseParser, type SseMessage } from './sse';

function parse(chunks: string[]): SseMessage[] {
  const out: SseMessage[] = [];
  const p = createSseParser((m) => out.push(m));
  chunks.forEach((c) => p.push(c));
  return out;
}

describe('createSseParser', () => {
  it('parses named events with JSON data', () => {
    const msgs = parse(['event: sync-started\ndata: {"accountId":"a","syncRunId":"r"}\n\n']);
    expect(msgs).toEqual([{ event: 'sync-started', data: '{"accountId":"a","syncRunId":"r"}', id: undefined, retry: undefined }]);
  });

  it('handles frames split anywhere, CRLF line ends and heartbeats', () => {
    const text = ': heartbeat\r\n\r\nevent: sync-finished\r\ndata: {"status":"SUCCEEDED"}\r\n\r\nevent: resources-changed\ndata: {"created":1}\n\n';
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 3) chunks.push(text.slice(i, i + 3));
    const msgs = parse(chunks);
    expect(msgs.map((m) => m.event)).toEqual(['sync-finished', 'resources-changed']);
    expect(JSON.parse(msgs[0].data)).toEqual({ status: 'SUCCEEDED' });
  });

  it('joins multi-line data, defaults the event name and ignores comments and incomplete frames', () => {
    const msgs = parse(['data: a\ndata: b\n', ':c\n', '\n', 'event: x\ndata: never finished']);
    expect(msgs).toEqual([{ event: 'message', data: 'a\nb', id: undefined, retry: undefined }]);
  });

  it('dispatches nothing for an event without data', () => {
    expect(parse(['event: sync-started\n\n'])).toEqual([]);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially and is capped', () => {
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(20, () => 1)).toBe(30000);
    expect(backoffDelay(2, () => 0)).toBe(3200);
  });
});
