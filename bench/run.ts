// `npm run bench -- NAME`: runs bench/NAME.ts, whose default export prints its figures.
const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  process.stderr.write('usage: npm run bench -- NAME   (a file bench/NAME.ts)\n');
  process.exit(2);
}
const bench = (await import(`./${name}.ts`)) as { default: (args: string[]) => Promise<void> };
await bench.default(process.argv.slice(3));
