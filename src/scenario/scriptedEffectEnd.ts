/** The timing fields of an event that {@link scriptedEffectEnd} reads (years since the start). */
export interface EventTiming {
  kind: string;
  start: number;
  end?: number;
  mode?: string;
  downtimeYears?: number;
}

/**
 * When an event's scripted effects end, in years since the start: its `end`, except for a scripted
 * cyberattack, which strikes once when it starts and whose outage lasts its downtime whatever its
 * `end` (the engine's startOutage): `start + downtimeYears`. Undefined for an event that lasts to the
 * end of the run. Reports and impact windows use it, so a 6-week attack is not shown, nor its price
 * peaks sought, "to the end of the run" (user audit, session 28).
 *
 * @param event - The event's kind, mode and times (a downtime that is not a finite number leaves `end`).
 * @returns The year its effects end, or undefined.
 * @example
 * scriptedEffectEnd({ kind: 'cyberattack', start: 1.5, downtimeYears: 0.25 }); // 1.75
 */
export function scriptedEffectEnd(event: EventTiming): number | undefined {
  const scriptedAttack = event.kind === 'cyberattack' && event.mode !== 'stochastic' && Number.isFinite(event.downtimeYears);
  return scriptedAttack ? event.start + (event.downtimeYears as number) : event.end;
}
