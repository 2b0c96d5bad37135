// Cross-reference checks on a scenario's plain value: ids unique, every id used exists, numbers add up.
// They run on input the schema may have rejected, so every access is guarded against wrong types.

export interface Finding {
  path: Array<string | number>;
  message: string;
  /** Point at the map key itself rather than its value (unknown or misplaced keys). */
  target?: 'value' | 'key';
}

type Path = Array<string | number>;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const entries = (v: unknown): Array<[string, unknown]> => (isObj(v) ? Object.entries(v) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const quote = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
/** Own keys only: an id such as `constructor` must not find Object.prototype. */
const has = (o: object, key: string): boolean => Object.hasOwn(o, key);
const oneOf = (known: Iterable<string>): string => {
  const all = [...known];
  if (all.length === 0) return 'there are none';
  const shown = all
    .slice(0, 12)
    .map((s) => (s.length > 40 ? `${s.slice(0, 40)}…` : s))
    .join(', ');
  return `known: ${shown}${all.length > 12 ? ', …' : ''}`;
};

interface Index {
  sources: Set<string>;
  parties: Set<string>;
  packages: Set<string>;
  meetings: Set<string>;
  /** Issue id → its option ids (file order), including options scripted events add. */
  options: Map<string, Set<string>>;
  /** Issue id → options written in the packages (without event additions). */
  baseOptions: Map<string, string[]>;
  /** Party id → its ratification checks' ids and kinds. */
  checks: Map<string, Map<string, string | undefined>>;
}

export function referenceErrors(value: unknown): Finding[] {
  const out: Finding[] = [];
  if (!isObj(value)) return out;
  const root = value;
  const index = buildIndex(root, out);

  checkSourceRefs(root, [], index, out);
  checkMediator(root, index, out);
  checkInitialText(root, index, out);
  checkCalendar(root, index, out);
  checkProfiles(root, index, out);
  checkPriors(root, index, out);
  checkEvents(root, index, out);
  checkCredibility(root, index, out);
  checkTranslations(root, index, out);
  return out;
}

function checkCredibility(root: Obj, index: Index, out: Finding[]): void {
  const cred = root.credibility;
  if (!isObj(cred) || !isObj(cred.capByParty)) return;
  for (const party of Object.keys(cred.capByParty))
    partyRef(party, ['credibility', 'capByParty', party], index, out);
}

/** Reports repeated ids in a list of items under `path`; returns the set of ids. */
function uniqueIds(items: unknown[], path: Path, what: string, out: Finding[]): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const id = isObj(item) ? str(item.id) : undefined;
    if (id === undefined) return;
    const first = seen.get(id);
    if (first !== undefined) {
      out.push({
        path: [...path, i, 'id'],
        message: `duplicate ${what} id ${quote(id)} (also at [${first}])`,
      });
    } else seen.set(id, i);
  });
  return new Set(seen.keys());
}

function buildIndex(root: Obj, out: Finding[]): Index {
  const meta = isObj(root.meta) ? root.meta : {};
  const sources = uniqueIds(list(meta.sources), ['meta', 'sources'], 'source', out);
  const parties = uniqueIds(list(root.parties), ['parties'], 'party', out);
  const packages = uniqueIds(list(root.packages), ['packages'], 'package', out);
  const meetings = uniqueIds(list(root.calendar), ['calendar'], 'meeting', out);
  uniqueIds(list(root.events), ['events'], 'event', out);

  const options = new Map<string, Set<string>>();
  const baseOptions = new Map<string, string[]>();
  const issueSeen = new Map<string, string>();
  list(root.packages).forEach((pkg, p) => {
    if (!isObj(pkg)) return;
    list(pkg.issues).forEach((issue, i) => {
      if (!isObj(issue)) return;
      const path: Path = ['packages', p, 'issues', i];
      const id = str(issue.id);
      const optionIds = uniqueIds(list(issue.options), [...path, 'options'], 'option', out);
      if (id === undefined) return;
      const first = issueSeen.get(id);
      if (first !== undefined) {
        out.push({
          path: [...path, 'id'],
          message: `duplicate issue id ${quote(id)} (also in package ${first})`,
        });
        return;
      }
      issueSeen.set(id, str(pkg.id) ?? `[${p}]`);
      options.set(id, new Set(optionIds));
      baseOptions.set(id, [...optionIds]);
    });
  });

  // Options added by scripted events may be referenced by later effects.
  for (const event of list(root.events)) {
    if (!isObj(event)) continue;
    for (const effect of list(event.effects)) {
      if (!isObj(effect) || effect.type !== 'addOption') continue;
      const issue = str(effect.issue);
      const option = isObj(effect.option) ? str(effect.option.id) : undefined;
      if (issue !== undefined && option !== undefined) options.get(issue)?.add(option);
    }
  }

  const checks = new Map<string, Map<string, string | undefined>>();
  for (const [party, profile] of entries(root.profiles)) {
    const byId = new Map<string, string | undefined>();
    if (isObj(profile)) {
      for (const check of list(profile.ratification)) {
        if (isObj(check) && str(check.id) !== undefined) byId.set(check.id as string, str(check.kind));
      }
    }
    checks.set(party, byId);
  }
  return { sources, parties, packages, meetings, options, baseOptions, checks };
}

/** Every `sources` list anywhere (except the definitions themselves) must name ids from meta.sources. */
function checkSourceRefs(node: unknown, path: Path, index: Index, out: Finding[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      checkSourceRefs(item, [...path, i], index, out);
    });
    return;
  }
  if (!isObj(node)) return;
  for (const [key, child] of Object.entries(node)) {
    const childPath = [...path, key];
    if (key === 'sources' && !(path.length === 1 && path[0] === 'meta')) {
      list(child).forEach((ref, i) => {
        if (typeof ref === 'string' && !index.sources.has(ref)) {
          out.push({
            path: [...childPath, i],
            message: `dangling source id ${quote(ref)}: not in meta.sources (${oneOf(index.sources)})`,
          });
        }
      });
    } else checkSourceRefs(child, childPath, index, out);
  }
}

function partyRef(v: unknown, path: Path, index: Index, out: Finding[], role = 'party'): void {
  const id = str(v);
  if (id !== undefined && !index.parties.has(id)) {
    out.push({ path, message: `unknown ${role} ${quote(id)} (${oneOf(index.parties)})` });
  }
}

function issueRef(
  v: unknown,
  path: Path,
  index: Index,
  out: Finding[],
  target?: 'key',
): Set<string> | undefined {
  const id = str(v);
  if (id === undefined) return undefined;
  const options = index.options.get(id);
  if (!options) {
    out.push({
      path,
      message: `unknown issue ${quote(id)} (${oneOf(index.options.keys())})`,
      ...(target && { target }),
    });
  }
  return options;
}

function optionRef(v: unknown, issue: string, options: Set<string>, path: Path, out: Finding[]): void {
  const id = str(v);
  if (id !== undefined && !options.has(id)) {
    out.push({ path, message: `unknown option ${quote(id)} of issue ${quote(issue)} (${oneOf(options)})` });
  }
}

function checkMediator(root: Obj, index: Index, out: Finding[]): void {
  partyRef(root.mediator, ['mediator'], index, out, 'mediator party');
}

function checkInitialText(root: Obj, index: Index, out: Finding[]): void {
  if (!isObj(root.initialText)) return;
  const text = root.initialText;
  for (const [issue, option] of Object.entries(text)) {
    const options = issueRef(issue, ['initialText', issue], index, out, 'key');
    if (!options) continue;
    // The opening text can only use options written in the packages, not ones an event adds later.
    optionRef(option, issue, new Set(index.baseOptions.get(issue)), ['initialText', issue], out);
  }
  const missing = [...index.options.keys()].filter((issue) => !has(text, issue));
  if (missing.length > 0) {
    out.push({
      path: ['initialText'],
      message: `the opening text has no option for ${missing.map(quote).join(', ')}`,
    });
  }
}

function checkCalendar(root: Obj, index: Index, out: Finding[]): void {
  const asOf = isObj(root.meta) ? str(root.meta.asOf) : undefined;
  list(root.calendar).forEach((meeting, m) => {
    if (!isObj(meeting)) return;
    const path: Path = ['calendar', m];
    const date = str(meeting.date);
    if (asOf !== undefined && date !== undefined && isDate(asOf) && isDate(date) && date < asOf) {
      out.push({
        path: [...path, 'date'],
        message: `meeting ${quote(str(meeting.id) ?? `[${m}]`)} is dated ${date}, before the game's opening day (meta.asOf ${asOf})`,
      });
    }
    const seen = new Set<string>();
    list(meeting.participants).forEach((party, i) => {
      partyRef(party, [...path, 'participants', i], index, out, 'participant');
      if (typeof party === 'string') {
        if (seen.has(party))
          out.push({ path: [...path, 'participants', i], message: `${quote(party)} listed twice` });
        seen.add(party);
      }
    });
    for (const party of Object.keys(isObj(meeting.attendance) ? meeting.attendance : {})) {
      if (seen.has(party)) continue;
      out.push({
        path: [...path, 'attendance', party],
        target: 'key',
        message: index.parties.has(party)
          ? `attendance for ${quote(party)}, which does not take part in this meeting (participants: ${[...seen].join(', ')})`
          : `attendance for unknown party ${quote(party)} (${oneOf(index.parties)})`,
      });
    }
    list(meeting.attendanceSources).forEach((ref, i) => {
      if (typeof ref === 'string' && !index.sources.has(ref)) {
        out.push({
          path: [...path, 'attendanceSources', i],
          message: `dangling source id ${quote(ref)}: not in meta.sources (${oneOf(index.sources)})`,
        });
      }
    });
    list(meeting.agenda).forEach((pkg, i) => {
      const id = str(pkg);
      if (id !== undefined && !index.packages.has(id)) {
        out.push({
          path: [...path, 'agenda', i],
          message: `unknown package ${quote(id)} on the agenda (${oneOf(index.packages)})`,
        });
      }
    });
  });
}

const isDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);

function checkCondition(cond: unknown, path: Path, index: Index, out: Finding[]): void {
  if (!isObj(cond)) return;
  if ('issue' in cond) {
    const issue = str(cond.issue);
    const options = issueRef(cond.issue, [...path, 'issue'], index, out);
    if (issue !== undefined && options) {
      list(cond.in).forEach((o, i) => {
        optionRef(o, issue, options, [...path, 'in', i], out);
      });
    }
  }
  for (const key of ['all', 'any'] as const) {
    list(cond[key]).forEach((c, i) => {
      checkCondition(c, [...path, key, i], index, out);
    });
  }
  if ('not' in cond) checkCondition(cond.not, [...path, 'not'], index, out);
}

function checkProfiles(root: Obj, index: Index, out: Finding[]): void {
  if (!isObj(root.profiles)) return;
  const profiles = root.profiles;
  for (const party of index.parties) {
    if (!has(profiles, party))
      out.push({ path: ['profiles'], message: `party ${quote(party)} has no profile` });
  }
  for (const [party, profile] of Object.entries(profiles)) {
    const path: Path = ['profiles', party];
    if (!index.parties.has(party)) {
      out.push({
        path,
        target: 'key',
        message: `profile for ${quote(party)}, which is not a party (${oneOf(index.parties)})`,
      });
    }
    if (!isObj(profile)) continue;
    checkPreferences(profile.preferences, [...path, 'preferences'], party, index, out);

    for (const pkg of Object.keys(isObj(profile.mandate) ? profile.mandate : {})) {
      if (!index.packages.has(pkg)) {
        out.push({
          path: [...path, 'mandate', pkg],
          target: 'key',
          message: `mandate for unknown package ${quote(pkg)} (${oneOf(index.packages)})`,
        });
      }
    }

    const redLines = list(profile.redLines);
    uniqueIds(redLines, [...path, 'redLines'], 'red line', out);
    redLines.forEach((r, i) => {
      if (isObj(r)) checkCondition(r.when, [...path, 'redLines', i, 'when'], index, out);
    });

    const checks = list(profile.ratification);
    uniqueIds(checks, [...path, 'ratification'], 'ratification check', out);
    checks.forEach((check, c) => {
      if (!isObj(check)) return;
      const checkPath: Path = [...path, 'ratification', c];
      list(check.effects).forEach((effect, e) => {
        if (isObj(effect)) checkCondition(effect.when, [...checkPath, 'effects', e, 'when'], index, out);
      });
      if ('failsWhen' in check) checkCondition(check.failsWhen, [...checkPath, 'failsWhen'], index, out);
      // On a consent check the schema already reports appliesWhen as an unknown key.
      if ('appliesWhen' in check && check.kind !== 'consent')
        checkCondition(check.appliesWhen, [...checkPath, 'appliesWhen'], index, out);
    });
  }
}

function checkPreferences(prefs: unknown, path: Path, party: string, index: Index, out: Finding[]): void {
  if (!isObj(prefs)) return;
  let sum = 0;
  let allNumbers = true;
  for (const [issue, pref] of Object.entries(prefs)) {
    const known = issueRef(issue, [...path, issue], index, out, 'key');
    if (!isObj(pref)) continue;
    // Values of options an event adds come with that event, so preferences cover the written options only.
    const options = known && new Set(index.baseOptions.get(issue));
    if (typeof pref.weight === 'number') sum += pref.weight;
    else allNumbers = false;
    if (!options || !isObj(pref.values)) continue;
    const values = pref.values;
    for (const option of Object.keys(values)) {
      if (!options.has(option)) {
        out.push({
          path: [...path, issue, 'values', option],
          target: 'key',
          message: `value for unknown option ${quote(option)} of issue ${quote(issue)} (${oneOf(options)})`,
        });
      }
    }
    const missing = [...options].filter((o) => !has(values, o));
    if (missing.length > 0) {
      out.push({
        path: [...path, issue, 'values'],
        message: `no value for option${missing.length > 1 ? 's' : ''} ${missing.map(quote).join(', ')}`,
      });
    }
  }
  const missing = [...index.options.keys()].filter((issue) => !has(prefs, issue));
  if (missing.length > 0) {
    out.push({ path, message: `${quote(party)} has no preference for ${missing.map(quote).join(', ')}` });
  }
  if (allNumbers && sum !== 100) {
    out.push({ path, message: `the weights of ${quote(party)} sum to ${sum}, not 100` });
  }
}

function checkPriors(root: Obj, index: Index, out: Finding[]): void {
  const about = new Map<string, number>();
  list(root.publicPriors).forEach((prior, p) => {
    if (!isObj(prior)) return;
    const path: Path = ['publicPriors', p];
    partyRef(prior.about, [...path, 'about'], index, out);
    const party = str(prior.about);
    if (party !== undefined) {
      const first = about.get(party);
      if (first !== undefined) {
        out.push({
          path: [...path, 'about'],
          message: `a second prior about ${quote(party)} (also at [${first}])`,
        });
      } else about.set(party, p);
    }
    list(prior.priorities).forEach((issue, i) => {
      issueRef(issue, [...path, 'priorities', i], index, out);
    });
    for (const [issue, option] of entries(prior.preferred)) {
      const options = issueRef(issue, [...path, 'preferred', issue], index, out, 'key');
      if (options) optionRef(option, issue, options, [...path, 'preferred', issue], out);
    }
    list(prior.redLines).forEach((line, i) => {
      if (!isObj(line)) return;
      const at = [...path, 'redLines', i];
      const options = issueRef(line.issue, [...at, 'issue'], index, out);
      if (options) optionRef(line.option, String(line.issue), options, [...at, 'option'], out);
    });
    const priorities = new Set(list(prior.priorities));
    list(prior.minor).forEach((issue, i) => {
      issueRef(issue, [...path, 'minor', i], index, out);
      if (priorities.has(issue))
        out.push({
          path: [...path, 'minor', i],
          message: `${quote(String(issue))} is both a priority and minor`,
        });
    });
    const preferred = isObj(prior.preferred) ? prior.preferred : {};
    for (const [issue, ranking] of entries(prior.ranked)) {
      const at = [...path, 'ranked', issue];
      const options = issueRef(issue, at, index, out, 'key');
      if (!options) continue;
      const seen = new Set<unknown>();
      list(ranking).forEach((option, i) => {
        optionRef(option, issue, options, [...at, i], out);
        if (seen.has(option))
          out.push({ path: [...at, i], message: `${quote(String(option))} is ranked twice` });
        seen.add(option);
      });
      const first = list(ranking)[0];
      if (has(preferred, issue) && first !== undefined && first !== preferred[issue])
        out.push({
          path: [...at, 0],
          message: `ranks ${quote(String(first))} first, but the preferred option is ${quote(String(preferred[issue]))}`,
        });
    }
  });
}

function checkEvents(root: Obj, index: Index, out: Finding[]): void {
  // Options added by events: issue → option id → where, to catch collisions between events too.
  const added = new Map<string, Map<string, string>>();
  list(root.events).forEach((event, e) => {
    if (!isObj(event)) return;
    const path: Path = ['events', e];
    const at = str(event.at);
    if (at !== undefined && !index.meetings.has(at)) {
      out.push({ path: [...path, 'at'], message: `unknown meeting ${quote(at)} (${oneOf(index.meetings)})` });
    }
    list(event.effects).forEach((effect, f) => {
      if (!isObj(effect)) return;
      const effectPath: Path = [...path, 'effects', f];
      if ('party' in effect) partyRef(effect.party, [...effectPath, 'party'], index, out);
      switch (effect.type) {
        case 'value': {
          const issue = str(effect.issue);
          const options = issueRef(effect.issue, [...effectPath, 'issue'], index, out);
          if (issue !== undefined && options)
            optionRef(effect.option, issue, options, [...effectPath, 'option'], out);
          break;
        }
        case 'trust':
          partyRef(effect.toward, [...effectPath, 'toward'], index, out);
          break;
        case 'weight':
          issueRef(effect.issue, [...effectPath, 'issue'], index, out);
          break;
        case 'support': {
          const party = str(effect.party);
          const check = str(effect.check);
          const checks = party === undefined ? undefined : index.checks.get(party);
          if (checks && check !== undefined) {
            if (!checks.has(check)) {
              out.push({
                path: [...effectPath, 'check'],
                message: `unknown ratification check ${quote(check)} of ${quote(party as string)} (${oneOf(checks.keys())})`,
              });
            } else if (checks.get(check) !== 'support') {
              out.push({
                path: [...effectPath, 'check'],
                message: `${quote(check)} is a ${checks.get(check) ?? 'non-support'} check: only support checks have support to shift`,
              });
            }
          }
          break;
        }
        case 'dropMeeting': {
          const meeting = str(effect.meeting);
          if (meeting !== undefined && !index.meetings.has(meeting)) {
            out.push({
              path: [...effectPath, 'meeting'],
              message: `unknown meeting ${quote(meeting)} (${oneOf(index.meetings)})`,
            });
          }
          break;
        }
        case 'addOption': {
          const issue = str(effect.issue);
          const options = issueRef(effect.issue, [...effectPath, 'issue'], index, out);
          const option = isObj(effect.option) ? str(effect.option.id) : undefined;
          if (issue !== undefined && options && option !== undefined) {
            const optionPath = [...effectPath, 'option', 'id'];
            const mine = added.get(issue) ?? new Map<string, string>();
            added.set(issue, mine);
            if (index.baseOptions.get(issue)?.includes(option)) {
              out.push({
                path: optionPath,
                message: `option ${quote(option)} already exists in issue ${quote(issue)}`,
              });
            } else if (mine.has(option)) {
              out.push({
                path: optionPath,
                message: `option ${quote(option)} of issue ${quote(issue)} is also added by ${mine.get(option)}`,
              });
            } else mine.set(option, `event ${str(event.id) ?? `[${e}]`}`);
          }
          const values = isObj(effect.values) ? effect.values : {};
          const unvalued = [...index.parties].filter((party) => !has(values, party));
          if (unvalued.length > 0 && isObj(effect.values)) {
            out.push({
              path: [...effectPath, 'values'],
              message: `the new option has no value for ${unvalued.map(quote).join(', ')}`,
            });
          }
          for (const party of Object.keys(values)) {
            if (!index.parties.has(party)) {
              out.push({
                path: [...effectPath, 'values', party],
                target: 'key',
                message: `value for unknown party ${quote(party)} (${oneOf(index.parties)})`,
              });
            }
          }
          break;
        }
        default:
          break;
      }
    });
  });
}

/** A translation names only what the scenario has: parties, packages, issues and their options, meetings and who
 * attends them, events, sources with notes, red lines, ratification checks and the issues a brief gives reasons
 * for; role titles and teachers' notes are at most as many as the scenario's, and a brief's interests as many. */
function checkTranslations(root: Obj, index: Index, out: Finding[]): void {
  const keyIn = (known: Set<string>, key: string, path: Path, what: string) => {
    if (!known.has(key))
      out.push({ path, target: 'key', message: `unknown ${what} ${quote(key)} (${oneOf(known)})` });
  };
  const events = new Set(list(root.events).flatMap((e) => (isObj(e) && str(e.id) ? [e.id as string] : [])));
  const delegation = new Map<string, number>();
  for (const p of list(root.parties))
    if (isObj(p) && str(p.id) !== undefined) delegation.set(p.id as string, list(p.delegation).length);
  for (const [lang, tr] of entries(root.translations)) {
    if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(lang))
      out.push({
        path: ['translations', lang],
        target: 'key',
        message: `${quote(lang)} is not a language code: write it like "uk", "ru" or "pt-BR"`,
      });
    if (!isObj(tr)) continue;
    const base: Path = ['translations', lang];
    for (const [party, t] of entries(tr.parties)) {
      keyIn(index.parties, party, [...base, 'parties', party], 'party');
      const roles = isObj(t) ? list(t.roles).length : 0;
      const size = delegation.get(party);
      if (size !== undefined && roles > size)
        out.push({
          path: [...base, 'parties', party, 'roles'],
          message: `${roles} role titles for a delegation of ${size}`,
        });
    }
    for (const pkg of Object.keys(isObj(tr.packages) ? tr.packages : {}))
      keyIn(index.packages, pkg, [...base, 'packages', pkg], 'package');
    const issues = new Set(index.options.keys());
    for (const [issue, t] of entries(tr.issues)) {
      keyIn(issues, issue, [...base, 'issues', issue], 'issue');
      const options = index.options.get(issue);
      if (!options || !isObj(t)) continue;
      for (const option of Object.keys(isObj(t.options) ? t.options : {}))
        keyIn(options, option, [...base, 'issues', issue, 'options', option], `option of ${quote(issue)}`);
    }
    const meetings = new Map<string, Obj>();
    for (const m of list(root.calendar))
      if (isObj(m) && str(m.id) !== undefined) meetings.set(m.id as string, m);
    for (const [meeting, t] of entries(tr.calendar)) {
      keyIn(index.meetings, meeting, [...base, 'calendar', meeting], 'meeting');
      const recorded = meetings.get(meeting)?.attendance;
      for (const [party, roles] of entries(isObj(t) ? t.attendance : undefined)) {
        const path = [...base, 'calendar', meeting, 'attendance', party];
        if (!isObj(recorded) || !has(recorded, party)) {
          out.push({
            path,
            target: 'key',
            message: `meeting ${quote(meeting)} records no attendance for ${quote(party)} to translate`,
          });
          continue;
        }
        const size = list(recorded[party]).length;
        if (list(roles).length > size)
          out.push({ path, message: `${list(roles).length} role titles for an attendance of ${size}` });
      }
    }
    const sources = new Map<string, boolean>();
    for (const src of list(isObj(root.meta) ? root.meta.sources : []))
      if (isObj(src) && str(src.id) !== undefined) sources.set(src.id as string, str(src.note) !== undefined);
    for (const source of Object.keys(isObj(tr.sourceNotes) ? tr.sourceNotes : {})) {
      const path = [...base, 'sourceNotes', source];
      if (!sources.has(source)) keyIn(index.sources, source, path, 'source');
      else if (!sources.get(source))
        out.push({ path, target: 'key', message: `source ${quote(source)} has no note to translate` });
    }
    const notes = list(isObj(root.meta) ? root.meta.teacherNotes : []).length;
    const trNotes = list(isObj(tr.meta) ? tr.meta.teacherNotes : []).length;
    if (trNotes > notes)
      out.push({
        path: [...base, 'meta', 'teacherNotes'],
        message: `${trNotes} teachers' notes for ${notes}`,
      });
    for (const event of Object.keys(isObj(tr.events) ? tr.events : {}))
      keyIn(events, event, [...base, 'events', event], 'event');
    for (const [party, t] of entries(tr.briefs)) {
      keyIn(index.parties, party, [...base, 'briefs', party], 'party');
      if (!isObj(t)) continue;
      const profile = isObj(root.profiles) && has(root.profiles, party) ? root.profiles[party] : undefined;
      const lines = new Set(
        list(isObj(profile) ? profile.redLines : []).flatMap((r) =>
          isObj(r) && str(r.id) ? [r.id as string] : [],
        ),
      );
      for (const line of Object.keys(isObj(t.redLines) ? t.redLines : {}))
        keyIn(lines, line, [...base, 'briefs', party, 'redLines', line], `red line of ${quote(party)}`);
      const interests = isObj(profile) && isObj(profile.brief) ? list(profile.brief.interests).length : 0;
      if (Array.isArray(t.interests) && t.interests.length !== interests)
        out.push({
          path: [...base, 'briefs', party, 'interests'],
          message: `${t.interests.length} interests for a brief of ${interests}: give them all, in the brief's order`,
        });
      const prefs = new Set(
        Object.keys(isObj(profile) && isObj(profile.preferences) ? profile.preferences : {}),
      );
      for (const issue of Object.keys(isObj(t.rationales) ? t.rationales : {}))
        keyIn(
          prefs,
          issue,
          [...base, 'briefs', party, 'rationales', issue],
          `issue in the preferences of ${quote(party)}`,
        );
      const checks = new Set(index.checks.get(party)?.keys() ?? []);
      for (const check of Object.keys(isObj(t.ratification) ? t.ratification : {}))
        keyIn(
          checks,
          check,
          [...base, 'briefs', party, 'ratification', check],
          `ratification check of ${quote(party)}`,
        );
    }
  }
}
