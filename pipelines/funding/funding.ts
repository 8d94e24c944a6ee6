// The allocation step of the build (funding.md): after the SQL models it reads, allocates the program-delivery
// envelope (allocate.ts) from mart_allocation_inputs and writes the warehouse table `funding_allocations`. The
// iterative mitigation is why it is TypeScript, not a model. Works on aggregates only: 47 managers × a few years.
import {
  allocateYears,
  allocationComponents,
  type AllocationParameters,
  type YearInputs,
} from './allocate.ts';
import { shiftFiscalYear } from './fiscal-year.ts';
import { centsToString, fromDecimal } from './rational.ts';
import type { Step } from '../models/runner.ts';
import { lit, type Warehouse } from '../warehouse.ts';

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

/**
 * The allocation step of the build (funding.md §2): allocates every allocation year from
 * mart_allocation_inputs and ref_funding_parameters, and (re)writes funding_allocations, its own table only.
 * The funding model (models/marts/funding/funding.sql) stacks it with the other components.
 */
export const allocationStep: Step = {
  name: 'funding_allocations',
  reads: ['mart_allocation_inputs', 'ref_funding_parameters'],
  tags: ['funding'],
  async run(wh) {
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
    return `allocations ${[...allocations.keys()].join(', ') || 'none'}`;
  },
};
