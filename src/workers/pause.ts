/**
 * Lets the page take input and paint, then resumes at once: `scheduler.yield()` where there is
 * one, else a message to itself. (`setTimeout(0)` called again from a timer is clamped to
 * 4 ms: 170 slices of a 10M-token file would wait 0.7 s for nothing.)
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return messageTask();
}

/**
 * Resolves in a task of its own, queued behind the messages already waiting (a MessageChannel
 * message; `scheduler.yield()` resumes ahead of them).
 */
export function messageTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
