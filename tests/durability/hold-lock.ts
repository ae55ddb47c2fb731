// Child process for tests: takes the data folder's lock, says so, then waits to be killed.
import { lockDataDir } from '../../electron/data-dir-lock.ts';

lockDataDir(process.argv[2]!);
process.stdout.write('locked\n');
setInterval(() => {}, 1000);
