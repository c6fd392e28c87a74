import { stockpileForm, type CompiledEvent, type World } from '../world/world.ts';
import { launchEventAttacks } from './startOutage.ts';

/**
 * Applies one active event to the effective parameters of this tick. Its ids were resolved to
 * indices when the scenario was compiled (`compiled.at`): nothing is looked up or allocated here.
 */
export function applyActiveEvent(world: World, compiled: CompiledEvent, e: number): void {
  const p = world.effective;
  const R = world.regions;
  const M = world.materials;
  const event = compiled.spec;
  const at = compiled.at;
  // The market segment (material, traded stage, region) and the capacity cell (stage, material, region) of the event.
  const segment = (at.material * 3 + at.tradedStage) * R + at.region;
  const stageCell = (at.capacityStage * M + at.material) * R + at.region;
  switch (event.kind) {
    case 'exportControl': {
      const s = segment;
      const exporter = at.region;
      if (event.mode === 'quota') {
        p.exportQuotaTonnesPerTick[s] = Math.min(p.exportQuotaTonnesPerTick[s], world.eventState.quotaTonnesPerTick[e]);
      }
      const delay = Math.round((event.delayYears ?? 0) * world.ticksPerYear);
      for (let d = 0; d < R; d++) {
        if (d === exporter || at.reaches[d] === 0) continue;
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
      const importer = at.region;
      const m = at.material;
      const k = at.tradedStage;
      for (let r = 0; r < R; r++) {
        if (r === importer) continue;
        if (at.reaches[r] === 0) continue;
        const pair = ((m * 3 + k) * R + r) * R + importer;
        p.tariff[pair] = Math.max(p.tariff[pair], event.rate);
      }
      break;
    }
    case 'friendShoring': {
      const members = at.members;
      for (let i = 0; i < members.length; i++) for (let j = 0; j < members.length; j++) {
        const a = members[i];
        const b = members[j];
        if (a !== b) p.preference[a * R + b] = Math.max(p.preference[a * R + b], event.preference);
      }
      break;
    }
    case 'permittingReform':
    case 'disinformation':
      p.permittingRate[at.region] /= Math.max(1e-6, event.durationMultiplier);
      break;
    case 'technologyBan': {
      const exporter = at.region;
      const stage = at.capacityStage;
      for (let m = 0; m < M; m++) for (let r = 0; r < R; r++) {
        if (r !== exporter) p.constructionRate[(stage * M + m) * R + r] /= Math.max(1e-6, event.constructionMultiplier);
      }
      break;
    }
    case 'subsidy': {
      const sc = stageCell;
      if (world.eventState.budgetLeftUsd[e] <= 0) break;
      // Each instrument pays from its own budget: a capex subsidy beside a floor on one cell no longer spends the floor's.
      if (world.events[e].reversible) p.supportReversible[sc] = 1;
      if (event.mode === 'capex') {
        p.capexSupportEvent[sc] = e;
        p.capexSubsidyShare[sc] = Math.max(p.capexSubsidyShare[sc], event.capexShare ?? 0);
      }
      if (event.mode === 'priceFloor' || event.mode === 'offtake') {
        p.supportEvent[sc] = e;
        p.priceFloorUsdPerTonne[sc] = Math.max(p.priceFloorUsdPerTonne[sc], event.priceFloorUsdPerTonne ?? 0);
      }
      if (event.mode === 'offtake') p.offtake[sc] = 1;
      if (event.mode === 'loanGuarantee') p.hurdleReduction[sc] = Math.max(p.hurdleReduction[sc], event.hurdleReduction ?? 0);
      break;
    }
    case 'recyclingMandate': {
      const c = at.material * R + at.region;
      p.collectionShare[c] = Math.max(p.collectionShare[c], event.collectionShare);
      break;
    }
    case 'workforceProgramme': {
      const r = at.region;
      if (world.tick >= Math.round((event.start + event.lagYears) * world.ticksPerYear)) world.regionState.programmeGraduatesPerYear[r] += event.extraGraduatesPerYear;
      break;
    }
    case 'demandShock': {
      const m = at.material;
      for (let r = 0; r < R; r++) {
        if (at.region < 0 || r === at.region) p.demandMultiplier[m * R + r] *= event.multiplier;
      }
      break;
    }
    case 'outage': {
      const sc = stageCell;
      p.availability[sc] *= Math.max(0, 1 - event.capacityShare);
      break;
    }
    case 'priceManipulation': {
      const s = segment;
      if (world.eventState.budgetLeftUsd[e] > 0) {
        const leads = event.mode === 'leadership';
        const cuts = leads ? p.leadershipCut : p.priceCut;
        cuts[s] = Math.max(cuts[s], event.priceCut);
        (leads ? p.leadershipCutEvent : p.priceCutEvent)[s] = e;
      }
      break;
    }
    case 'mineAcquisition': {
      const c = at.material * R + at.region;
      p.divertShare[c] = Math.min(1, p.divertShare[c] + event.share);
      p.divertTo[c] = at.acquirer;
      break;
    }
    case 'stockpile':
      p.stockpileEvent[stockpileForm(event.stage) * M * R + at.material * R + at.region] = e;
      break;
    case 'cyberattack':
      if (event.mode === 'stochastic') launchEventAttacks(world, event, e, at.region, at.material < 0 ? null : at.material);
      break; // a scripted attack is a one-off effect, applied when the event starts
    case 'tailingsReassessment':
      break; // one-off effect, applied when the event starts
  }
}
