// Human-readable names for ids in a seat's view: parties, packages, issues and options.
import type { SeatView } from '../engine/view';

export interface Names {
  party(id: string): string;
  packageName(id: string): string;
  issueName(id: string): string;
  optionLabel(issueId: string, optionId: string): string;
}

export function namesFor(view: SeatView): Names {
  const parties = new Map(view.scenario.parties.map((p) => [p.id, p.name]));
  const packages = new Map(view.scenario.packages.map((p) => [p.id, p.name]));
  const issues = new Map(view.scenario.packages.flatMap((p) => p.issues.map((i) => [i.id, i] as const)));
  return {
    // An unknown id is never shown as such: people read names.
    party: (id) => parties.get(id) ?? 'another party',
    packageName: (id) => packages.get(id) ?? 'a package',
    issueName: (id) => issues.get(id)?.name ?? 'an issue',
    optionLabel: (issueId, optionId) =>
      issues.get(issueId)?.options.find((o) => o.id === optionId)?.label ?? 'an option',
  };
}
