// The page data files (src/data/*), as the data loaders write them and the pages read them: one shape per
// file, made of the shapes of data.ts (measures, managers, series) and funding-data.ts (funding rows).
import type {
  Fraction,
  ManagerInfo,
  MeasureInfo,
  PeerFigures,
  SeriesSet,
  SnapshotRow,
  Text,
} from './data.js';
import type { FundingRow, ScenarioRow } from './funding-data.js';
// Types only (erased in the bundle): the registry's shape, not redeclared here.
import type { MeasureDef } from '../../../pipelines/measures/registry.ts';

export interface OverviewData {
  measures: MeasureInfo[];
  headline: string[];
  ranking: string[];
  province: SeriesSet;
  managers: ManagerInfo[];
  snapshot: SnapshotRow[];
}

export interface TopicData {
  topic: string;
  /** The registry's groups shown on the page, in order, with their titles. */
  groups: { id: string; title: Text }[];
  measures: MeasureInfo[];
  province: SeriesSet;
  managers: ManagerInfo[];
  snapshot: SnapshotRow[];
  /** Counts behind the rates: Ontario's, and the managers' for the Employment Services comparison. */
  fractions: Fraction[];
}

export interface ManagerData {
  manager: ManagerInfo;
  /** The registry's groups, in order, with their titles. */
  groups: { id: string; title: Text }[];
  peers: ManagerInfo[];
  measures: MeasureInfo[];
  /** The manager's series (every program and breakdown) and Ontario's (every program, breakdown ALL). */
  series: SeriesSet;
  /** Each measure's figure for every peer at its reference month (both programs). */
  peerFigures: PeerFigures[];
  /** The manager's and Ontario's funding.csv rows; null when funding is not published yet. */
  funding: FundingRow[] | null;
}

export interface CompareData {
  measure: MeasureInfo;
  managers: ManagerInfo[];
  /** Every geography, every program, breakdown ALL. */
  series: SeriesSet;
}

export interface FundingData {
  managers: ManagerInfo[];
  /** null: funding.csv is not published yet. */
  rows: FundingRow[] | null;
  /** null: no scenario has been run. */
  scenario: ScenarioRow[] | null;
}

export interface FileQuality {
  delivery: string;
  /** The contract table; '' for a skipped file. */
  table: string;
  status: string;
  rowsRead: number;
  loaded: number;
  collapsed: number;
  quarantined: number;
  /** Rows still in quarantine, by reason. */
  reasons: Record<string, number>;
  ingestedOn: string;
  errorCode: string | null;
}

export interface DataQualityData {
  metadata: { as_of_month: string; run_id: string; generated_at: string; version: string };
  /** The extract contract's tables: a delivery without one of them is incomplete. */
  tables: string[];
  /** null: the public folder predates data_quality.csv. */
  files: FileQuality[] | null;
  checks: { name: string; severity: string; status: string; failures: number }[] | null;
}

/** A registry entry as the methodology page shows it, with where its data stands. */
export interface MeasureEntry extends MeasureDef {
  /** The reference month, null when the measure has no published row yet. */
  latest: string | null;
  published: boolean;
}

export interface MethodologyData {
  metadata: DataQualityData['metadata'];
  groups: Record<string, Text>;
  kinds: Record<string, Text>;
  measures: MeasureEntry[];
  /** metadata.json's funding_parameters (null before funding was published). */
  funding: FundingParameters | null;
}

/** The parameters behind funding.csv, per fiscal year (publish writes them into metadata.json). */
export interface FundingParameters {
  illustrative: boolean;
  note?: string;
  by_fiscal_year: Record<string, Record<string, unknown>>;
}
