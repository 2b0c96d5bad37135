// The address of the printable brief page (src/ui/print-brief.ts), kept apart so linking to it loads nothing.

/** A side's printable brief, or without a side the list of every side's of the scenario. */
export function printBriefHref(scenarioId: string, side?: string): string {
  const params = new URLSearchParams({ print: 'brief', scenario: scenarioId });
  if (side) params.set('side', side);
  return `/?${params.toString()}`;
}
