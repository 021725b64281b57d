/** One dispatched server-sent event. */
export interface SseMessage {
  event: string;
  data: string;
  id?: string;
  retry?: number;
}

/**
 * An incremental parser of `text/event-stream` (the WHATWG EventSource format): feed it decoded text
 * chunks as they arrive, split anywhere; it calls onMessage for each complete event. Comment lines
 * (`: heartbeat`) are ignored, multi-line data is joined with `\n`, and an event without `event:`
 * is a `message`.
 */
export function createSseParser(onMessage: (m: SseMessage) => void) {
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  let retry: number | undefined;
  let sawCr = false;

  const dispatch = () => {
    if (data.length) onMessage({ event: event || 'message', data: data.join('\n'), id, retry });
    data = [];
    event = '';
    retry = undefined;
  };

  const line = (l: string) => {
    if (l === '') return dispatch();
    if (l.startsWith(':')) return;
    const colon = l.indexOf(':');
    const field = colon === -1 ? l : l.slice(0, colon);
    let value = colon === -1 ? '' : l.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event': event = value; break;
      case 'data': data.push(value); break;
      case 'id': if (!value.includes('\0')) id = value; break;
      case 'retry': if (/^\d+$/.test(value)) retry = Number(value); break;
      default: break;
    }
  };

  return {
    push(chunk: string) {
      let text = chunk;
      // a CRLF split across chunks: the LF belongs to the CR already handled
      if (sawCr && text.startsWith('\n')) text = text.slice(1);
      sawCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c === '\n' || c === '\r') {
          line(buffer.slice(start, i));
          if (c === '\r') {
            if (i + 1 < buffer.length) {
              if (buffer[i + 1] === '\n') i++;
            } else {
              sawCr = true;
            }
          }
          start = i + 1;
        }
      }
      buffer = buffer.slice(start);
    },
    /** The stream ended: an incomplete event is discarded, as EventSource does. */
    end() {
      buffer = '';
      data = [];
      event = '';
    },
  };
}

/** Reconnect delay: exponential from 1 s, capped at 30 s, with up to 20 % jitter. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.2 * random()));
}
