/**
 * Charts for the bot: load the figures as the acting user, draw them once, and hand
 * out signed, expiring URLs for LINE's image message. The token describes the chart, not the
 * picture, so whichever instance LINE's fetch reaches draws it again from the database (RLS
 * checks the actor again) or serves it from its cache.
 *
 * Decisions:
 * - Links live CHART_LINK_LIFETIME_DAYS (default 7). LINE fetches the image when the message
 *   arrives and again whenever the phone's cache lost it; a dead link then shows a broken image.
 *   Every fetch re-checks that the actor still has access, that the meter is not archived and,
 *   for a group's chart, that the asker is still in the group (web/charts.ts).
 * - The cache key is the source, mode, months and language plus a hash of exactly what is drawn
 *   (name, unit, figures; the figures depend on the data and on the local date). Equal keys
 *   mean equal pictures, and any change to the data that shows changes the key, without a
 *   count(*) over the meter's history.
 * - A chart is "as of" the minute it was asked for: the token carries that instant, so every
 *   later fetch draws the same months and projection. A fetch draws today's data, though: a
 *   reading fixed since then shows. LINE keeps the picture it fetched first, so that is rare.
 */

import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { cycleOf, periodEstimates } from '../billing/estimates';
import { type Actor, withActor } from '../db/actor';
import type { Tx } from '../db/client';
import { sources } from '../db/schema';
import type { Deps } from '../deps';
import { addPeriods, periodContaining } from '../domain/billing/periods';
import type { Language, MonthUsage } from '../domain/types';
import { monthBoundaries } from '../domain/usage';
import { addMonths, monthOfInstant } from '../domain/usage-report';
import { monthlyStatsForSource, monthlyUsageForSource, readingsInRange } from '../store/usage';
import { valuesInRange } from '../store/value-series';
import { type ChartSpec, gaugeChartSpec, monthlyChartSpec, readingsChartSpec } from './spec';
import { type ChartMode, type ChartTokenPayload, MAX_CHART_MONTHS, signChartToken } from './tokens';
import { valuesChartSpec } from './values-spec';

/** Readings drawn at most on a line chart (the image is ~1040 px wide). */
export const READINGS_CHART_LIMIT = 1000;

export interface ChartRequest {
  sourceId: string;
  mode: ChartMode;
  /** 1..MAX_CHART_MONTHS; the months up to and including the current one. */
  months: number;
  language: Language;
  /** The LINE user asking (in a group: their membership is checked again at every fetch). */
  lineUserId?: string | null;
}

export interface PreparedChart {
  originalUrl: string;
  previewUrl: string;
  cacheKey: string;
  expiresAt: Date;
}

/** The source does not exist or the actor may not see it. */
/** This deployment has no chart renderer (native canvas cannot run on Cloudflare Workers). */
export class ChartsUnavailableError extends Error {
  constructor() {
    super('charts are not available on this deployment');
  }
}

export class ChartSourceNotFoundError extends Error {
  constructor(readonly sourceId: string) {
    super(`source ${sourceId} not found`);
    this.name = 'ChartSourceNotFoundError';
  }
}

interface DrawableChart {
  spec: ChartSpec;
  cacheKey: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Last year's figure for a bar beside this year's: only a whole month compares. */
const wholeMonthUsage = (m: MonthUsage) =>
  m.status === 'measured' || m.status === 'interpolated' ? m.usage : null;

/** The chart's figures and spec, read as the transaction's actor; null when the source is unseen. */
async function loadChart(tx: Tx, request: ChartRequest, asOf: Date): Promise<DrawableChart | null> {
  if (!UUID.test(request.sourceId)) return null;
  // Under RLS: no row unless the actor has a role on the source. Checked first, so the probes
  // below never walk an index looking for rows they are not allowed to see.
  const [source] = await tx
    .select({
      id: sources.id,
      name: sources.name,
      unit: sources.unit,
      kind: sources.kind,
      digits: sources.digits,
      timezone: sources.timezone,
      billDay: sources.billDay,
      valueNames: sources.valueNames,
    })
    .from(sources)
    // An archived meter draws nothing, even for a link handed out before it was archived.
    .where(and(eq(sources.id, request.sourceId), isNull(sources.archivedAt)));
  if (!source) return null;

  const { mode, language, months } = request;
  const to = monthOfInstant(asOf, source.timezone);
  const from = addMonths(to, 1 - months);
  const common = { title: source.name, unit: source.unit, language };
  // The key hashes exactly what is drawn: the same input always gives the same picture.
  const keyed = (input: object, spec: ChartSpec): DrawableChart => {
    const fingerprint = createHash('sha256').update(JSON.stringify(input)).digest('base64url');
    const cacheKey = `chart:${source.id}:${mode}:${months}:${language}:${fingerprint.slice(0, 32)}`;
    return { spec, cacheKey };
  };

  // Several values per reading (blood pressure): one line per value over time, whatever the
  // mode (nothing adds up to a month's usage or cost).
  if (source.valueNames) {
    const bounds = monthBoundaries(source.timezone, from, to);
    const points = await valuesInRange(
      tx,
      source.id,
      bounds[0]!,
      bounds[bounds.length - 1]!,
      READINGS_CHART_LIMIT,
    );
    const input = { ...common, names: source.valueNames, points, timezone: source.timezone };
    return keyed(input, valuesChartSpec(input));
  }
  if (mode === 'readings') {
    const bounds = monthBoundaries(source.timezone, from, to);
    const points = await readingsInRange(
      tx,
      source.id,
      bounds[0]!,
      bounds[bounds.length - 1]!,
      READINGS_CHART_LIMIT,
    );
    const input = { ...common, points, timezone: source.timezone };
    return keyed(input, readingsChartSpec(input));
  }
  if (mode === 'cost') {
    // The billing periods in baht: what each cost, and the current one so far and projected.
    const last = periodContaining(cycleOf(source), asOf).label;
    const { estimates } = await periodEstimates(tx, source, {
      from: addPeriods(last, 1 - months),
      to: last,
      now: asOf,
    });
    const periods: MonthUsage[] = estimates.map((estimate) => ({
      month: estimate.period.label,
      start: estimate.period.start,
      end: estimate.period.end,
      status: estimate.bill ? estimate.status : 'none',
      usage: estimate.bill?.total ?? null,
      projected: estimate.projectedBill?.total ?? null,
      coveredDays: estimate.coveredDays,
      dailyAverage: null,
    }));
    const input = { ...common, unit: language === 'th' ? 'บาท' : 'baht', months: periods };
    return keyed(input, monthlyChartSpec(input));
  }
  if (source.kind === 'gauge') {
    const input = { ...common, months: await monthlyStatsForSource(tx, source, { from, to }) };
    return keyed(input, gaugeChartSpec(input));
  }
  // A year more than shown: those months stand beside the shown ones as "same month last year".
  const range = { from: addMonths(from, -12), to, now: asOf };
  const all = await monthlyUsageForSource(tx, source, range);
  const input = {
    ...common,
    months: all.slice(12),
    lastYear: all.slice(0, months).map(wholeMonthUsage),
  };
  return keyed(input, monthlyChartSpec(input));
}

const clampMonths = (months: number) =>
  Number.isFinite(months) ? Math.min(Math.max(Math.trunc(months), 1), MAX_CHART_MONTHS) : 12;
const floorToMinute = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000);

/**
 * Draws the chart for the actor (audited as `chart.view`) and returns LINE-ready URLs for the
 * original and the preview image. Throws ChartSourceNotFoundError when the actor may not see
 * the source. Asking twice for the same chart draws it once.
 */
export async function prepareChart(
  deps: Deps,
  actor: Actor,
  asked: ChartRequest,
): Promise<PreparedChart> {
  const now = deps.clock();
  const asOf = floorToMinute(now);
  const request = { ...asked, months: clampMonths(asked.months) };
  const chart = await withActor(deps.database.db, actor, async ({ tx, audit }) => {
    const loaded = await loadChart(tx, request, asOf);
    if (loaded) {
      audit({
        action: 'chart.view',
        subjectType: 'source',
        subjectId: request.sourceId,
        sourceId: request.sourceId,
        after: { mode: request.mode, months: request.months, language: request.language },
      });
    }
    return loaded;
  });
  if (!chart) throw new ChartSourceNotFoundError(request.sourceId);

  // Draws the original (cached under the key) and yields the preview: usually the same PNG.
  if (!deps.charts) throw new ChartsUnavailableError();
  await deps.charts.renderPreview(chart.spec, { key: chart.cacheKey });

  const expiresAt = new Date(now.getTime() + deps.config.chartLinkLifetimeMs);
  const payload: Omit<ChartTokenPayload, 'variant'> = {
    sourceId: request.sourceId,
    userId: actor.userId,
    chatId: actor.chatId ?? null,
    lineUserId: actor.chatId ? (asked.lineUserId ?? null) : null,
    mode: request.mode,
    months: request.months,
    language: request.language,
    asOf: Math.floor(asOf.getTime() / 1000),
  };
  const url = (variant: ChartTokenPayload['variant']) =>
    `${deps.config.publicBaseUrl}/charts/${signChartToken(
      deps.config.appSecret,
      { ...payload, variant },
      expiresAt,
    )}.png`;
  return {
    originalUrl: url('original'),
    previewUrl: url('preview'),
    cacheKey: chart.cacheKey,
    expiresAt,
  };
}

/**
 * The PNG a verified token names, drawn again as its actor (or taken from this instance's
 * cache); null when the actor can no longer see the source. Not audited: LINE fetching the
 * image is not a new view, and the view was audited when the chart was asked for.
 */
export async function renderChartForToken(
  deps: Deps,
  payload: ChartTokenPayload,
): Promise<Buffer | null> {
  const chart = await withActor(
    deps.database.db,
    { userId: payload.userId, chatId: payload.chatId },
    ({ tx }) => loadChart(tx, payload, new Date(payload.asOf * 1000)),
  );
  if (!chart || !deps.charts) return null;
  return payload.variant === 'preview'
    ? deps.charts.renderPreview(chart.spec, { key: chart.cacheKey })
    : deps.charts.renderCached(chart.cacheKey, chart.spec);
}
