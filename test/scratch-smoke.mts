import { AppProcess } from '/work/main/test/support/app.ts';
const a = new AppProcess();
await a.start();
let t = Date.now();
await a.stop();
console.log('stop', Date.now() - t, a.proc?.exitCode, a.proc?.signalCode);
console.log(a.logs().slice(-1500));
await a.dispose();
