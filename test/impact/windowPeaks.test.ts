import { describe, expect, it } from 'vitest';
import type { ScenarioSpec } from '../../sim-core/index.ts';
import { disruptionWindow, windowPeaks, withDrawnRange } from '../../src/impact/windowPeaks.ts';

/** A scenario with just what disruptionWindow reads: weekly ticks from 2025, events with times in years since the start. */
const spec = (events: Array<{ kind?: string; start: number; end?: number; announced?: number; mode?: string; downtimeYears?: number }>) => ({ startYear: 2025, ticksPerYear: 52, events } as unknown as ScenarioSpec);

describe('disruptionWindow', () => {
  it('runs from the first announcement to a year after the last end, in ticks rounded as the engine rounds events', () => {
    // Announced Oct 2025 (0.75 y), in force Jan 2026 to Jul 2027 (1 to 2.5 y): ticks 39 to 130 + 52.
    const window = disruptionWindow(spec([{ start: 1, end: 2.5, announced: 0.75 }, { start: 1.5, end: 2 }]), [0, 1], 520);
    expect(window).toEqual({ startTick: 39, endTick: 182, fromYear: 2025.75, toYear: 2028.5 });
  });

  it('takes only the events asked for, and runs to the horizon for an event without an end or a year after one near it', () => {
    const events = [{ start: 1, end: 2.5, announced: 0.75 }, { start: 4 }, { start: 9, end: 9.5 }];
    expect(disruptionWindow(spec(events), [1], 520)).toMatchObject({ startTick: 208, endTick: 520 });
    expect(disruptionWindow(spec(events), [2], 520)).toMatchObject({ startTick: 468, endTick: 520 });
    expect(disruptionWindow(spec(events), [], 520)).toMatchObject({ startTick: 0, endTick: 520 });
  });

  it('ends a scripted cyberattack\'s window a year after its downtime, whatever its end; a stochastic one\'s runs to its end', () => {
    // Attacked Jun 2026 (1.5 y), down 13 weeks: effects end at tick 78 + 13 = 91, the window a year later.
    expect(disruptionWindow(spec([{ kind: 'cyberattack', start: 1.5, downtimeYears: 0.25 }]), [0], 520)).toMatchObject({ startTick: 78, endTick: 143 });
    expect(disruptionWindow(spec([{ kind: 'cyberattack', start: 1.5, end: 6, downtimeYears: 0.25 }]), [0], 520)).toMatchObject({ endTick: 143 });
    expect(disruptionWindow(spec([{ kind: 'cyberattack', mode: 'stochastic', start: 1.5, downtimeYears: 0.25 }]), [0], 520)).toMatchObject({ endTick: 520 });
  });
});

describe('withDrawnRange', () => {
  const nominal = { startTick: 39, endTick: 182, fromYear: 2025.75, toYear: 2028.5 };
  it('states the nominal window alone when every run has it, and the range of the runs\' windows when their event times are drawn', () => {
    expect(withDrawnRange(nominal, [nominal, { ...nominal }])).toEqual(nominal);
    const early = { startTick: 26, endTick: 170, fromYear: 2025.5, toYear: 2025 + 170 / 52 };
    const late = { startTick: 52, endTick: 200, fromYear: 2026, toYear: 2025 + 200 / 52 };
    expect(withDrawnRange(nominal, [early, nominal, late])).toEqual({ ...nominal, drawn: { fromYear: [2025.5, 2026], toYear: [2025 + 170 / 52, 2025 + 200 / 52] } });
  });
});

describe('windowPeaks', () => {
  // 2 materials × 3 traded stages × 5 ticks, value = 100·material + 10·stage + tick/10 unless set below.
  const shape = { materials: 2, ticks: 5 };
  const path = new Float64Array(2 * 3 * 5);
  for (let m = 0; m < 2; m++) for (let k = 0; k < 3; k++) for (let t = 0; t < 5; t++) path[(m * 3 + k) * 5 + t] = 100 * m + 10 * k + t / 10;
  const window = { startTick: 1, endTick: 3, fromYear: 0, toYear: 0 };

  it('takes the highest value in each replicate\'s window over the picked material-stage pairs', () => {
    // Material 0 processing, ticks 1 and 2 → 10.2.
    expect(windowPeaks([path], shape, [{ material: 0, stage: 1 }], [window])[0]).toBeCloseTo(10.2, 12);
    // Adding material 1 mining (100.1, 100.2 in the window): the larger wins.
    expect(windowPeaks([path], shape, [{ material: 0, stage: 1 }, { material: 1, stage: 0 }], [window])[0]).toBeCloseTo(100.2, 12);
    // A replicate with its own window (drawn event times): ticks 3 and 4 → 10.4.
    expect(windowPeaks([path, path], shape, [{ material: 0, stage: 1 }], [window, { ...window, startTick: 3, endTick: 5 }])[1]).toBeCloseTo(10.4, 12);
  });

  it('ignores spikes outside the window', () => {
    const spiked = path.slice();
    spiked[(0 * 3 + 1) * 5 + 4] = 99; // after the window
    expect(windowPeaks([spiked], shape, [{ material: 0, stage: 1 }], [window])[0]).toBeCloseTo(10.2, 12);
    spiked[(0 * 3 + 1) * 5 + 2] = 50; // in the window
    expect(windowPeaks([spiked], shape, [{ material: 0, stage: 1 }], [window])[0]).toBe(50);
  });
});
