/** Whether a process `pid` exists (signal 0), an unreaped zombie included. */
export function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
