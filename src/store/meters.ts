import { eq, type SQLWrapper, sql } from 'drizzle-orm';
import { rows, type Tx } from '../db/client';
import { fixedStatement } from '../db/fixed-statement';
import { sources, sourceValidators } from '../db/schema';
import type { MeterRef } from '../domain/commands';
import type { Role, SourceKind } from '../domain/types';
import type { ValueRange, ValuesSpec } from '../domain/values';

export type Source = typeof sources.$inferSelect;

/**
 * A conversation with the bot. `key` scopes meter numbers: `user:<users.id>` for a one-to-one
 * chat (so numbers survive a move to a new LINE account), `group:<id>` / `room:<id>` otherwise.
 */
export interface Chat {
  type: 'user' | 'group' | 'room';
  /** The LINE id of the chat: the user id for one-to-one chats, else the group or room id. */
  lineId: string;
  key: string;
}

const RANK: Record<Role, number> = { read: 1, write: 2, admin: 3 };

/** Whether a role allows what `need` allows (admin > write > read). */
export const hasRole = (role: Role, need: Role): boolean => RANK[role] >= RANK[need];

/** A meter as a chat sees it: its number there and the acting user's role on it. */
export interface ChatMeter {
  number: number;
  source: Source;
  role: Role;
  /**
   * In a one-to-one chat, the LINE group (or room) through which the user may use a meter that
   * is neither theirs nor granted to them personally; null otherwise.
   */
  via: string | null;
}

interface SourceRow {
  id: string;
  owner_id: string;
  name: string;
  description: string | null;
  unit: string;
  kind: SourceKind;
  meter_number: string | null;
  place: string | null;
  digits: number | null;
  timezone: string;
  bill_day: number | null;
  created_at: Date | string;
  archived_at: Date | string | null;
  value_names: string[] | null;
  required_values: number | null;
  role: Role | null;
  number: number;
  via?: string | null;
}

const toSource = (row: SourceRow): Source => ({
  id: row.id,
  ownerId: row.owner_id,
  name: row.name,
  description: row.description,
  unit: row.unit,
  kind: row.kind,
  meterNumber: row.meter_number,
  place: row.place,
  digits: row.digits === null ? null : Number(row.digits),
  timezone: row.timezone,
  billDay: row.bill_day === null ? null : Number(row.bill_day),
  createdAt: new Date(row.created_at),
  archivedAt: row.archived_at === null ? null : new Date(row.archived_at),
  valueNames: row.value_names ?? null,
  requiredValues: row.required_values === null ? null : Number(row.required_values),
});

/**
 * The meters this chat can use, numbered as the chat numbers them (numbers are handed out on
 * first sight, by app_chat_meter_number only when the chat has none yet, and never reused).
 * One-to-one: the user's own meters, those granted to them, and those shared into the groups
 * they are in (`via` names the group). Group or room: the meters shared into it. Archived meters
 * are left out (or, with `archived`, only they are listed, and not those of groups).
 */
export async function listChatMeters(
  tx: Tx,
  chat: Chat,
  userId: string | null,
  /** The archived ones instead (to list them, or bring one back). */
  archived = false,
): Promise<ChatMeter[]> {
  const statement =
    chatMeterStatements[chat.type === 'user' ? 'user' : 'group'][archived ? 'archived' : 'current'];
  const found = await statement<SourceRow>(tx, {
    userId,
    chatKey: chat.key,
    lineId: chat.lineId,
  });
  return found
    .filter((row) => row.role !== null)
    .map((row) => ({
      number: Number(row.number),
      source: toSource(row),
      role: row.role as Role,
      via: row.via ?? null,
    }))
    .sort((a, b) => a.number - b.number);
}

/**
 * The statements behind listChatMeters, one per kind of chat and state, built once
 * (fixedStatement): the chat's meters are read for nearly every message.
 */
function chatMetersStatement(kind: 'user' | 'group', archived: boolean) {
  return fixedStatement<'userId' | 'chatKey' | 'lineId'>((p) => {
    const state = archived ? sql`s.archived_at is not null` : sql`s.archived_at is null`;
    if (kind === 'group') {
      return sql`select s.*, app_source_role(s.id) as role,
                     coalesce(cm.number, app_chat_meter_number(${p.chatKey}, s.id)) as number
              from group_shares g join sources s on s.id = g.source_id
              left join chat_meters cm on cm.chat_key = ${p.chatKey} and cm.source_id = s.id
              where g.chat_id = ${p.lineId} and ${state}
              order by g.granted_at, s.id`;
    }
    const personal = sql`(s.owner_id = ${p.userId}
      or exists (select 1 from access a where a.source_id = s.id and a.user_id = ${p.userId}))`;
    // Group shares reach the one-to-one chat only (no group set), as app_source_role has it.
    const throughGroups = sql`from group_shares g
      join group_members m on m.chat_id = g.chat_id and m.user_id = ${p.userId}
      where g.source_id = s.id`;
    return sql`select s.*, app_source_role(s.id) as role,
                   coalesce(cm.number, app_chat_meter_number(${p.chatKey}, s.id)) as number,
                   case when ${personal} then null else (
                     select g.chat_id ${throughGroups}
                     order by case g.role when 'write' then 2 else 1 end desc, g.granted_at
                     limit 1) end as via
            from sources s
            left join chat_meters cm on cm.chat_key = ${p.chatKey} and cm.source_id = s.id
            where ${state}
              and (${personal}
                or (${archived ? sql`false` : sql`true`} and app_chat_id() is null
                  and exists (select 1 ${throughGroups})))
            order by s.created_at, s.id`;
  });
}
const chatMeterStatements = {
  user: {
    current: chatMetersStatement('user', false),
    archived: chatMetersStatement('user', true),
  },
  group: {
    current: chatMetersStatement('group', false),
    archived: chatMetersStatement('group', true),
  },
};

export type MeterLookup =
  | { found: ChatMeter }
  | { notFound: true }
  | { ambiguous: ChatMeter[] }
  | { none: true }
  | { choose: ChatMeter[] };

const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase().trim();

/**
 * Finds the meter a message means: by the chat's number, or by name (exact, case-insensitive,
 * else a unique prefix). Without a reference: the only meter, else `preferredId` (the last one
 * used), else the caller asks which one. A meter outside this chat is simply "not found": the
 * answer never reveals that it exists.
 * Meters used through a group (`via`) are found by number or name only, and a name means the
 * person's own meters first: a group's meter never takes a bare value or an own meter's name.
 */
export function findMeter(
  allMeters: ChatMeter[],
  ref: MeterRef | undefined,
  preferredId: string | null = null,
): MeterLookup {
  const meters = allMeters.filter((m) => m.via === null);
  if (!ref) {
    if (meters.length === 0) return { none: true };
    if (meters.length === 1) return { found: meters[0]! };
    const preferred = meters.find((m) => m.source.id === preferredId);
    return preferred ? { found: preferred } : { choose: meters };
  }
  if (ref.by === 'number') {
    const meter = allMeters.find((m) => m.number === ref.number);
    return meter ? { found: meter } : { notFound: true };
  }
  const own = findByName(meters, ref.name);
  if (!('notFound' in own)) return own;
  return findByName(
    allMeters.filter((m) => m.via !== null),
    ref.name,
  );
}

function findByName(meters: ChatMeter[], name: string): MeterLookup {
  const wanted = fold(name);
  const exact = meters.filter((m) => fold(m.source.name) === wanted);
  if (exact.length === 1) return { found: exact[0]! };
  const prefixed = meters.filter((m) => fold(m.source.name).startsWith(wanted));
  if (prefixed.length === 1) return { found: prefixed[0]! };
  return prefixed.length > 1 ? { ambiguous: prefixed } : { notFound: true };
}

/** Whether the user already has an active meter of that name (names are unique per owner). */
export async function ownerHasMeterNamed(tx: Tx, ownerId: string, name: string): Promise<boolean> {
  const [row] = await rows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from sources
        where owner_id = ${ownerId} and archived_at is null and lower(name) = lower(${name})`,
  );
  return Number(row?.n ?? 0) > 0;
}

export async function createMeter(
  tx: Tx,
  input: {
    ownerId: string;
    name: string;
    unit: string;
    kind: SourceKind;
    timezone: string;
    valueNames?: string[];
    requiredValues?: number;
  },
): Promise<Source> {
  const [source] = await tx.insert(sources).values(input).returning();
  return source!;
}

/** The number a chat uses for a meter (assigning the next free one on first sight). */
export async function chatNumber(tx: Tx, chatKey: string, sourceId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    tx,
    sql`select app_chat_meter_number(${chatKey}, ${sourceId}) as n`,
  );
  return Number(row!.n);
}

export interface Validators {
  min: string | null;
  max: string | null;
  nonDecreasing: boolean;
  maxRatePerDay: string | null;
  /** Bounds per value of a meter with several values per reading (null: none set). */
  valueRanges: (ValueRange | null)[] | null;
}

/** A meter's plausibility rules; cumulative meters only go up unless told otherwise. */
export async function getValidators(tx: Tx, source: Source): Promise<Validators> {
  const [row] = await tx
    .select()
    .from(sourceValidators)
    .where(eq(sourceValidators.sourceId, source.id));
  return validatorsOf(source, row ?? null);
}

/** The rules a meter's row of source_validators sets (none: the defaults for its kind). */
export function validatorsOf(source: Source, row: Partial<Validators> | null): Validators {
  return {
    min: row?.min ?? null,
    max: row?.max ?? null,
    nonDecreasing: row?.nonDecreasing ?? source.kind === 'cumulative',
    maxRatePerDay: row?.maxRatePerDay ?? null,
    valueRanges: row?.valueRanges ?? null,
  };
}

/**
 * The meter's row of source_validators as one JSON text (decimals as strings), or null: for a
 * statement that brings it along with other reads (store/readings.ts, neighboursAndRules).
 */
export const validatorsJson = (sourceId: string | SQLWrapper) =>
  sql`(select json_build_object('min', v.min::text, 'max', v.max::text,
    'nonDecreasing', v.non_decreasing, 'maxRatePerDay', v.max_rate_per_day::text,
    'valueRanges', v.value_ranges)
    from ${sourceValidators} v where v.source_id = ${sourceId})`;

/** What a reading of `source` must give: null for a meter with one value per reading. */
export function valuesSpec(source: Source, validators: Validators): ValuesSpec | null {
  if (!source.valueNames || source.valueNames.length < 2) return null;
  return {
    names: source.valueNames,
    required: source.requiredValues ?? source.valueNames.length,
    ranges: validators.valueRanges ?? [],
  };
}

export async function saveValidators(
  tx: Tx,
  source: Source,
  validators: Validators,
): Promise<void> {
  await tx
    .insert(sourceValidators)
    .values({ sourceId: source.id, ...validators })
    .onConflictDoUpdate({
      target: sourceValidators.sourceId,
      set: { ...validators, updatedAt: sql`now()` },
    });
}

/** The register's integer digits (10^digits is where it rolls over); null when unknown. */
export async function setDigits(tx: Tx, sourceId: string, digits: number | null): Promise<void> {
  await tx.update(sources).set({ digits }).where(eq(sources.id, sourceId));
}

/** Archives a meter: it leaves every chat's list, its readings and audit trail stay. */
export async function archiveMeter(tx: Tx, sourceId: string): Promise<void> {
  await tx.update(sources).set({ archivedAt: sql`now()` }).where(eq(sources.id, sourceId));
}

/** Brings an archived meter back into every list (the caller checks its name is free). */
export async function unarchiveMeter(tx: Tx, sourceId: string): Promise<void> {
  await tx.update(sources).set({ archivedAt: null }).where(eq(sources.id, sourceId));
}

/** An archived meter's name and the number a chat gave it, if the chat ever numbered it. */
export async function findArchivedMeter(
  tx: Tx,
  chatKey: string,
  sourceId: string,
): Promise<{ name: string; number: number } | null> {
  const [row] = await rows<{ name: string; number: number }>(
    tx,
    sql`select s.name, cm.number from sources s
        join chat_meters cm on cm.source_id = s.id and cm.chat_key = ${chatKey}
        where s.id = ${sourceId}`,
  );
  return row ? { name: row.name, number: Number(row.number) } : null;
}
