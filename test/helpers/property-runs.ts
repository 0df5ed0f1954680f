/**
 * How many inputs a property test draws. Under mutation testing (Stryker's worker processes set
 * STRYKER_MUTATOR_WORKER) every property that covers a mutant runs again for that mutant, so
 * each draws a tenth as many: thousands of mutants times thousands of inputs would otherwise
 * take hours. Ordinary runs (`npm test`, CI) draw the full count.
 */
export function propertyRuns(full: number): number {
  return process.env.STRYKER_MUTATOR_WORKER ? Math.max(30, Math.ceil(full / 10)) : full;
}
