// The funding step of the build (funding.md): after the SQL models, allocates the program-delivery envelope
// (allocate.ts) from mart_allocation_inputs and writes the warehouse table `funding`, one row per fiscal year,
// geography, program and component: cost sharing (mart_cost_sharing), allocation (funding_allocations, written
// here) and outcome payments (mart_outcome_payments). Works on aggregates only: 47 managers × a few years.
import {
  allocateYears,
  allocationComponents,
  type AllocationParameters,
  type YearInputs,
} from './allocate.ts';
import { shiftFiscalYear } from './fiscal-year.ts';
import { centsToString, fromDecimal } from './rational.ts';
import { lit, type Warehouse } from '../warehouse.ts';

/** The models the funding step reads; the build runs it when they are among its models. */
export const FUNDING_MODELS = ['mart_cost_sharing', 'mart_allocation_inputs', 'mart_outcome_payments'];

interface ParameterRow {
  fiscal_year: string;
  pdf_envelope: string;
  pdf_weight_base: string;
  pdf_weight_caseload: string;
  pdf_weight_outcomes: string;
  pdf_provincial_rate: string;
  pdf_max_decrease: string | null;
}

interface InputRow {
  fiscal_year: string;
  status: string;
  service_manager: string;
  reference_months: number;
  ow_case_months: string;
  outcome_points: string;
}

/** The allocation inputs of every allocation year, with that year's parameters, as exact numbers. */
export async function readAllocationInputs(
  wh: Warehouse,
): Promise<{ years: YearInputs[]; status: Map<string, string> }> {
  const params = await wh.all<ParameterRow>(
    `select fiscal_year, pdf_envelope::varchar as pdf_envelope, pdf_weight_base::varchar as pdf_weight_base,
       pdf_weight_caseload::varchar as pdf_weight_caseload, pdf_weight_outcomes::varchar as pdf_weight_outcomes,
       pdf_provincial_rate::varchar as pdf_provincial_rate, pdf_max_decrease::varchar as pdf_max_decrease
     from ref_funding_parameters`,
  );
  const byYear = new Map<string, AllocationParameters>(
    params.map((p) => [
      p.fiscal_year,
      {
        envelope: fromDecimal(p.pdf_envelope),
        weights: {
          base: fromDecimal(p.pdf_weight_base),
          caseload: fromDecimal(p.pdf_weight_caseload),
          outcomes: fromDecimal(p.pdf_weight_outcomes),
        },
        provincialRate: fromDecimal(p.pdf_provincial_rate),
        maxDecrease: p.pdf_max_decrease === null ? null : fromDecimal(p.pdf_max_decrease),
      },
    ]),
  );
  const rows = await wh.all<InputRow>(
    `select fiscal_year, status, service_manager, reference_months, ow_case_months::varchar as ow_case_months,
       outcome_points::varchar as outcome_points
     from mart_allocation_inputs order by fiscal_year, service_manager`,
  );
  const years = new Map<string, YearInputs>();
  const status = new Map<string, string>();
  for (const r of rows) {
    let y = years.get(r.fiscal_year);
    if (!y) {
      const p = byYear.get(r.fiscal_year);
      if (!p) throw new Error(`no funding parameters for ${r.fiscal_year}`);
      y = { fiscalYear: r.fiscal_year, referenceMonths: Number(r.reference_months), params: p, managers: [] };
      years.set(r.fiscal_year, y);
      status.set(r.fiscal_year, r.status);
    }
    y.managers.push({
      code: r.service_manager,
      caseMonths: BigInt(r.ow_case_months),
      outcomePoints: fromDecimal(r.outcome_points),
    });
  }
  return { years: [...years.values()], status };
}

export interface FundingStepResult {
  rows: number;
  allocationYears: string[];
  /** Mitigation rounds per allocation year. */
  rounds: Record<string, number>;
  seconds: number;
}

/** Allocates every allocation year and (re)writes funding_allocations and funding. */
export async function buildFunding(wh: Warehouse): Promise<FundingStepResult> {
  const start = performance.now();
  const { years, status } = await readAllocationInputs(wh);
  const allocations = allocateYears(years, (fy) => shiftFiscalYear(fy, -1));
  const values: string[] = [];
  for (const [fy, year] of allocations) {
    for (const row of allocationComponents(year)) {
      values.push(
        `(${lit(fy)}, ${lit(row.serviceManager)}, 'OW', ${lit(row.component)}, ${centsToString(row.cents)}, ${lit(status.get(fy) ?? '')})`,
      );
    }
  }
  await wh.run(`create or replace table funding_allocations (
      fiscal_year varchar, service_manager varchar, program varchar, component varchar, amount decimal(20, 2),
      status varchar)`);
  if (values.length > 0) await wh.run(`insert into funding_allocations values ${values.join(',\n')}`);
  await wh.run(`create or replace table funding as
    with stacked as (
        select fiscal_year, service_manager, program, component, amount, status from mart_cost_sharing
        union all
        select fiscal_year, service_manager, program, component, amount, status from funding_allocations
        union all
        select fiscal_year, service_manager, program, component, amount, status from mart_outcome_payments
    )
    select fiscal_year, service_manager, program, component, amount::decimal(20, 2) as amount,
        case when component like 'outcome_milestones_%' then 'count' else 'dollars' end as unit, status
    from stacked`);
  const rows = await wh.value<number>('select count(*) from funding');
  return {
    rows,
    allocationYears: [...allocations.keys()],
    rounds: Object.fromEntries([...allocations].map(([fy, y]) => [fy, y.rounds])),
    seconds: (performance.now() - start) / 1000,
  };
}
