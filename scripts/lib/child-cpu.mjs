// CPU seconds (user + system) used by this process's finished children, whole process trees included:
// the kernel adds each reaped child's own and its waited-for descendants' times to /proc/self/stat
// cutime + cstime (fields 16 and 17, in USER_HZ = 100 ticks per second on Linux). Read it before and after a
// child ends; the difference is that child's tree. Linux only: elsewhere it returns undefined.
import fs from 'node:fs';

/** Total CPU seconds of all reaped children so far, or undefined where /proc is missing. */
export function childCpuSeconds() {
    try {
        const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
        // After "pid (comm) " the first field is state (field 3), so cutime (16) and cstime (17) are 13 and 14.
        return (Number(fields[13]) + Number(fields[14])) / 100;
    } catch {
        return undefined;
    }
}

/**
 * CPU seconds the whole machine has been busy (all cores, every process) since boot, from /proc/stat's
 * "cpu" line (user, nice, system, irq, softirq, steal; not idle or iowait), or undefined where /proc is
 * missing. Read before and after a command that has the machine to itself: unlike childCpuSeconds it also
 * counts processes that left the tree before they ended, such as Chromium's renderers, which its zygote
 * leaves to init when the browser closes (measured here: the e2e gate's tree reports about half its CPU).
 */
export function machineBusySeconds() {
    try {
        const [user, nice, system, , , irq, softirq, steal] = fs
            .readFileSync('/proc/stat', 'utf8')
            .split('\n')[0]
            .trim()
            .split(/\s+/)
            .slice(1)
            .map(Number);
        return (user + nice + system + irq + softirq + steal) / 100;
    } catch {
        return undefined;
    }
}
