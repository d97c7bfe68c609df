/** Prints how many generated cases a property ran (npm run fuzz reports its 100,000 cases per property). */
export function reportCases(name: string, cases: number): void {
  process.stdout.write(`fuzz: ${name}: ${cases.toLocaleString("en-US")} cases, no failure\n`);
}
