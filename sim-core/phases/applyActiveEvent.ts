import type { EventSpec } from '../spec.ts';
import { stockpileForm, type World } from '../world/world.ts';
import { CAPACITY_STAGE_INDEX, TRADED_STAGE_INDEX, materialIndex, regionIndexOf } from '../world/indexOf.ts';
import { launchEventAttacks } from './startOutage.ts';

/** Applies one active event to the effective parameters of this tick. */
export function applyActiveEvent(world: World, event: EventSpec, e: number): void {
  const p = world.effective;
  const R = world.regions;
  const M = world.materials;
  const segment = (material: string, stage: string, region: string) =>
    (materialIndex(world, material) * 3 + TRADED_STAGE_INDEX[stage as 'mining']) * R + regionIndexOf(world, region);
  const stageCell = (stage: string, material: string, region: string) =>
    (CAPACITY_STAGE_INDEX[stage as 'mining'] * M + materialIndex(world, material)) * R + regionIndexOf(world, region);
  switch (event.kind) {
    case 'exportControl': {
      const s = segment(event.material, event.stage, event.exporter);
      const exporter = regionIndexOf(world, event.exporter);
      if (event.mode === 'quota') {
        p.exportQuotaTonnesPerTick[s] = Math.min(p.exportQuotaTonnesPerTick[s], (event.quotaShare ?? 1) * world.eventState.baselineExportsTonnesPerTick[e]);
      }
      const delay = Math.round((event.delayYears ?? 0) * world.ticksPerYear);
      for (let d = 0; d < R; d++) {
        if (d === exporter || (event.destinations !== undefined && !event.destinations.includes(world.spec.regions[d].id))) continue;
        const pair = s * R + d;
        if (event.mode === 'quota') p.quotaApplies[pair] = 1;
        if (event.mode === 'ban') p.exportBanned[pair] = 1;
        if (event.mode === 'licensing') {
          p.licenceApproval[pair] = Math.min(p.licenceApproval[pair], event.approvalRate ?? 1);
          p.licenceDelayTicks[pair] = Math.max(p.licenceDelayTicks[pair], delay);
        }
      }
      break;
    }
    case 'tariff': {
      const importer = regionIndexOf(world, event.importer);
      const m = materialIndex(world, event.material);
      const k = TRADED_STAGE_INDEX[event.stage];
      for (let r = 0; r < R; r++) {
        if (r === importer) continue;
        if (event.exporters !== undefined && !event.exporters.includes(world.spec.regions[r].id)) continue;
        const pair = ((m * 3 + k) * R + r) * R + importer;
        p.tariff[pair] = Math.max(p.tariff[pair], event.rate);
      }
      break;
    }
    case 'friendShoring': {
      const members = event.members.map((id) => regionIndexOf(world, id));
      for (const a of members) for (const b of members) if (a !== b) p.preference[a * R + b] = Math.max(p.preference[a * R + b], event.preference);
      break;
    }
    case 'permittingReform':
    case 'disinformation':
      p.permittingRate[regionIndexOf(world, event.region)] /= Math.max(1e-6, event.durationMultiplier);
      break;
    case 'technologyBan': {
      const exporter = regionIndexOf(world, event.exporter);
      const stage = CAPACITY_STAGE_INDEX[event.stage];
      for (let m = 0; m < M; m++) for (let r = 0; r < R; r++) {
        if (r !== exporter) p.constructionRate[(stage * M + m) * R + r] /= Math.max(1e-6, event.constructionMultiplier);
      }
      break;
    }
    case 'subsidy': {
      const sc = stageCell(event.stage, event.material, event.region);
      if (world.eventState.budgetLeftUsd[e] <= 0) break;
      p.supportEvent[sc] = e;
      if (world.events[e].reversible) p.supportReversible[sc] = 1;
      if (event.mode === 'capex') p.capexSubsidyShare[sc] = Math.max(p.capexSubsidyShare[sc], event.capexShare ?? 0);
      if (event.mode === 'priceFloor' || event.mode === 'offtake') p.priceFloorUsdPerTonne[sc] = Math.max(p.priceFloorUsdPerTonne[sc], event.priceFloorUsdPerTonne ?? 0);
      if (event.mode === 'offtake') p.offtake[sc] = 1;
      if (event.mode === 'loanGuarantee') p.hurdleReduction[sc] = Math.max(p.hurdleReduction[sc], event.hurdleReduction ?? 0);
      break;
    }
    case 'recyclingMandate': {
      const c = materialIndex(world, event.material) * R + regionIndexOf(world, event.region);
      p.collectionShare[c] = Math.max(p.collectionShare[c], event.collectionShare);
      break;
    }
    case 'workforceProgramme': {
      const r = regionIndexOf(world, event.region);
      if (world.tick >= Math.round((event.start + event.lagYears) * world.ticksPerYear)) world.regionState.programmeGraduatesPerYear[r] += event.extraGraduatesPerYear;
      break;
    }
    case 'demandShock': {
      const m = materialIndex(world, event.material);
      for (let r = 0; r < R; r++) {
        if (event.region === undefined || world.spec.regions[r].id === event.region) p.demandMultiplier[m * R + r] *= event.multiplier;
      }
      break;
    }
    case 'outage': {
      const sc = stageCell(event.stage, event.material, event.region);
      p.availability[sc] *= Math.max(0, 1 - event.capacityShare);
      break;
    }
    case 'priceManipulation': {
      const s = segment(event.material, event.stage, event.region);
      if (world.eventState.budgetLeftUsd[e] > 0) {
        const leads = event.mode === 'leadership';
        const cuts = leads ? p.leadershipCut : p.priceCut;
        cuts[s] = Math.max(cuts[s], event.priceCut);
        (leads ? p.leadershipCutEvent : p.priceCutEvent)[s] = e;
      }
      break;
    }
    case 'mineAcquisition': {
      const c = materialIndex(world, event.material) * R + regionIndexOf(world, event.region);
      p.divertShare[c] = Math.min(1, p.divertShare[c] + event.share);
      p.divertTo[c] = regionIndexOf(world, event.acquirer);
      break;
    }
    case 'stockpile':
      p.stockpileEvent[stockpileForm(event.stage) * M * R + materialIndex(world, event.material) * R + regionIndexOf(world, event.region)] = e;
      break;
    case 'cyberattack':
      if (event.mode === 'stochastic') launchEventAttacks(world, event, e);
      break; // a scripted attack is a one-off effect, applied when the event starts
    case 'tailingsReassessment':
      break; // one-off effect, applied when the event starts
  }
}
