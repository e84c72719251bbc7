/**
 * Sends `message` to the parent process over IPC and resolves once it is handed over; with
 * no parent (or one already gone) it resolves at once. With a callback, a failed send
 * (EPIPE: the parent died) is handed to it instead of thrown, so a child never crashes on it.
 */
export function sendToParent(message: object): Promise<void> {
  return new Promise((done) => {
    if (!process.send || !process.connected) {
      done();
      return;
    }
    process.send(message, undefined, {}, () => {
      done();
    });
  });
}
