import { runHealthProbe } from './health-probe';

/** `node --import tsx health-probe-child.ts URL RATE`: probes until stdin ends, then prints the samples as JSON. */
const [baseUrl, rate] = process.argv.slice(2);
const probe = runHealthProbe(baseUrl, Number(rate));
process.stdin.resume();
process.stdin.on('end', () => {
  void probe.stop().then((samples) => {
    process.stdout.write(JSON.stringify(samples), () => process.exit(0));
  });
});
