import { readFileSync } from 'node:fs';

/**
 * Whether a process of this host is running. A zombie (killed, not yet reaped by its parent)
 * counts as gone: it writes nothing any more, and a parent that killed a child and resumes
 * its run at once would otherwise find the child's lock still held.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // /proc/<pid>/stat: "pid (comm) state ...", comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}
