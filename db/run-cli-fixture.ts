import { runCli } from './run-cli';

/** A tool whose report is long: db/run-cli.test.ts pipes it and counts the lines that arrive. */
runCli(async () => {
  const lines = Number(process.argv[2] ?? 100_000);
  for (let index = 1; index <= lines; index++) console.log(`OK      row ${index}`);
  console.log('done');
  return 0;
});
