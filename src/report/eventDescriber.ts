import { describeEvent } from './describeEvent.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';

/**
 * Turns an event id into the phrase the report uses for it (`describeEvent`), ids it does not know as they are.
 *
 * @param overview - The scenario, if any.
 * @returns The lookup.
 * @example
 * eventDescriber(overview)('cnQuotaNdpr'); // 'CN export quota (50% of previous exports): NdPr oxide (processing)'
 */
export function eventDescriber(overview: ScenarioOverview | undefined): (id: string) => string {
  const materialName = (id: string): string => overview?.materials.find((m) => m.id === id)?.name ?? id;
  return (id) => {
    const event = overview?.events.find((e) => e.id === id);
    return event === undefined ? id : describeEvent(event, materialName);
  };
}
