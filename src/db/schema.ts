import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Every table of the data model (docs/architecture.md). Row-level security policies, grants to the application role and
// the audit triggers are written by hand in drizzle/0001_security.sql: drizzle-kit cannot express
// SECURITY DEFINER helpers, statement-level TRUNCATE triggers or the audit hash chain.

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = (name = 'created_at') => tstz(name).notNull().defaultNow();

/** Raw bytes. PGlite hands back a Uint8Array and postgres.js a Buffer: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** A SQL `IN (...)` check over string literals, for enumerated text columns. */
const oneOf = (column: AnyPgColumn, values: readonly string[]) =>
  sql`${column} in (${sql.join(
    values.map((v) => sql.raw(`'${v}'`)),
    sql`, `,
  )})`;

export const LANGUAGES = ['th', 'en'] as const;
export const PROVIDERS = ['line', 'google'] as const;
export const SOURCE_KINDS = ['cumulative', 'gauge', 'delta'] as const;
export const ROLES = ['read', 'write', 'admin'] as const;
export const GROUP_ROLES = ['read', 'write'] as const;
export const QUALITIES = ['actual', 'estimated', 'bill', 'import'] as const;
export const REGISTER_EVENTS = ['rollover', 'replacement_final', 'replacement_initial'] as const;
export const EVENT_STATUSES = ['pending', 'processing', 'done', 'failed'] as const;
export const LINK_PURPOSES = ['google_link'] as const;
export const CONFIRMATION_RESOLUTIONS = [
  'store',
  'rollover',
  'replacement',
  'typo',
  'cancel',
] as const;

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    displayName: text('display_name').notNull().default(''),
    timezone: text('timezone').notNull(),
    language: text('language', { enum: LANGUAGES }).notNull().default('th'),
    createdAt: createdAt(),
    lastSeenAt: tstz('last_seen_at'),
    active: boolean('active').notNull().default(true),
    // The meter a bare number in the one-to-one chat goes to ("the last used meter").
    lastSourceId: uuid('last_source_id').references((): AnyPgColumn => sources.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [check('users_language_check', oneOf(t.language, LANGUAGES))],
);

/** A way to prove who someone is: their LINE user id, a linked Google account. */
export const identities = pgTable(
  'identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Identities die with their user; a user is never deleted by the app (unfollow deactivates).
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider', { enum: PROVIDERS }).notNull(),
    providerUserId: text('provider_user_id').notNull(),
    email: text('email'),
    displayName: text('display_name'),
    pictureUrl: text('picture_url'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('identities_provider_subject_unique').on(t.provider, t.providerUserId),
    index('identities_user_idx').on(t.userId),
    check('identities_provider_check', oneOf(t.provider, PROVIDERS)),
  ],
);

/** A meter or any other numeric thing someone reads by hand. */
export const sources = pgTable(
  'sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // RESTRICT: a meter's history must never disappear because a user row was removed.
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    description: text('description'),
    unit: text('unit').notNull().default(''),
    kind: text('kind', { enum: SOURCE_KINDS }).notNull().default('cumulative'),
    meterNumber: text('meter_number'),
    place: text('place'),
    // Register size: the counter wraps at 10^digits.
    digits: smallint('digits'),
    timezone: text('timezone').notNull(),
    billDay: smallint('bill_day'),
    createdAt: createdAt(),
    archivedAt: tstz('archived_at'),
    // Several values per reading (blood pressure: {sys,dia,pulse}); null: one value per reading.
    // Set when the meter is created and never changed, so every reading means the same names.
    valueNames: text('value_names').array(),
    // How many of value_names every reading must give; the others may be left out at the end.
    requiredValues: smallint('required_values'),
  },
  (t) => [
    index('sources_owner_idx').on(t.ownerId),
    check(
      'sources_value_names_check',
      sql`(${t.valueNames} is null and ${t.requiredValues} is null) or (cardinality(${t.valueNames}) between 2 and 6 and array_position(${t.valueNames}, null) is null and ${t.requiredValues} between 1 and cardinality(${t.valueNames}) and ${t.kind} = 'gauge')`,
    ),
    uniqueIndex('sources_owner_name_unique')
      .on(t.ownerId, sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
    check('sources_kind_check', oneOf(t.kind, SOURCE_KINDS)),
    check('sources_digits_check', sql`${t.digits} between 1 and 15`),
    check('sources_bill_day_check', sql`${t.billDay} between 1 and 31`),
    check('sources_name_check', sql`length(${t.name}) between 1 and 80`),
  ],
);

/** Plausibility rules for a source's readings. */
export const sourceValidators = pgTable('source_validators', {
  sourceId: uuid('source_id')
    .primaryKey()
    .references(() => sources.id, { onDelete: 'cascade' }),
  min: numeric('min'),
  max: numeric('max'),
  nonDecreasing: boolean('non_decreasing').notNull().default(true),
  maxRatePerDay: numeric('max_rate_per_day'),
  // Bounds of each value of a meter with several values per reading, in the order of
  // sources.value_names: [{"min": "70", "max": "250"}, null, …] (decimal strings, never floats).
  valueRanges: jsonb('value_ranges').$type<({ min: string | null; max: string | null } | null)[]>(),
  updatedAt: createdAt('updated_at'),
});

/**
 * One reading. Rows are never updated in place except to retire them: a fix stamps the old row's
 * superseded_at and inserts a new row that points back at it (supersedes); a deletion or undo
 * stamps deleted_at. The current readings of a source are those with neither stamp.
 */
export const readings = pgTable(
  'readings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    // The "#12" people see in history; a fix keeps the number of the reading it replaces.
    number: integer('number').notNull(),
    takenAt: tstz('taken_at').notNull(),
    // The reading; for a meter with several values per reading, its first value.
    value: numeric('value').notNull(),
    // Every value of a reading of a meter with several values per reading, in the order of
    // sources.value_names (value = values[1]); shorter when optional values were left out.
    // Null for a meter with one value per reading.
    values: numeric('values').array(),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'restrict' }),
    enteredAt: createdAt('entered_at'),
    note: text('note'),
    quality: text('quality', { enum: QUALITIES }).notNull().default('actual'),
    registerEvent: text('register_event', { enum: REGISTER_EVENTS }),
    // The LINE webhook event that created the row: a redelivered event cannot store twice.
    origin: text('origin'),
    supersedes: uuid('supersedes').references((): AnyPgColumn => readings.id, {
      onDelete: 'restrict',
    }),
    supersededAt: tstz('superseded_at'),
    deletedAt: tstz('deleted_at'),
    deletedBy: uuid('deleted_by').references(() => users.id, { onDelete: 'restrict' }),
    // The webhook event that deleted (or undid) the row: a replayed "undo" cannot undo twice.
    deletedOrigin: text('deleted_origin'),
  },
  (t) => [
    uniqueIndex('readings_origin_unique').on(t.origin),
    uniqueIndex('readings_deleted_origin_unique').on(t.deletedOrigin),
    uniqueIndex('readings_supersedes_unique').on(t.supersedes),
    // Usage queries probe the current readings of one source around each month boundary.
    index('readings_current_by_source_time')
      .on(t.sourceId, t.takenAt)
      .where(sql`${t.supersededAt} is null and ${t.deletedAt} is null`),
    index('readings_register_events')
      .on(t.sourceId, t.takenAt)
      .where(
        sql`${t.registerEvent} is not null and ${t.supersededAt} is null and ${t.deletedAt} is null`,
      ),
    uniqueIndex('readings_current_number_unique')
      .on(t.sourceId, t.number)
      .where(sql`${t.supersededAt} is null and ${t.deletedAt} is null`),
    // Every row of a source by number, fixed and deleted ones too: a new reading's number is the
    // source's highest so far plus one (an index read, not a pass over every household's rows),
    // and deleting a source finds its readings here.
    index('readings_by_source_number').on(t.sourceId, t.number),
    index('readings_entered_by_idx').on(t.enteredBy, t.enteredAt),
    check('readings_quality_check', oneOf(t.quality, QUALITIES)),
    check(
      'readings_register_event_check',
      sql`${t.registerEvent} is null or ${oneOf(t.registerEvent, REGISTER_EVENTS)}`,
    ),
    check('readings_value_finite', sql`${t.value} not in ('NaN', 'Infinity', '-Infinity')`),
    check(
      'readings_values_check',
      sql`${t.values} is null or (cardinality(${t.values}) between 1 and 6 and ${t.values}[1] = ${t.value} and array_position(${t.values}, null) is null and not ('NaN' = any(${t.values})) and not ('Infinity' = any(${t.values})) and not ('-Infinity' = any(${t.values})))`,
    ),
  ],
);

/** Personal roles on someone else's source. The owner is an implicit admin and has no row. */
export const access = pgTable(
  'access',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    grantedAt: createdAt('granted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.sourceId] }),
    index('access_source_idx').on(t.sourceId),
    check('access_role_check', oneOf(t.role, ROLES)),
  ],
);

/** A source shared into a LINE group or room: its members get `role` while writing from there. */
export const groupShares = pgTable(
  'group_shares',
  {
    chatId: text('chat_id').notNull(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    role: text('role', { enum: GROUP_ROLES }).notNull(),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    grantedAt: createdAt('granted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.chatId, t.sourceId] }),
    index('group_shares_source_idx').on(t.sourceId),
    check('group_shares_role_check', oneOf(t.role, GROUP_ROLES)),
  ],
);

/**
 * "meter 1" in a chat: numbers belong to the chat (a one-to-one chat numbers the meters its user
 * may use, a group the meters shared into it) and, once given, keep pointing at the same meter.
 * chat_key is `user:<users.id>`, `group:<LINE group id>` or `room:<LINE room id>`.
 */
export const chatMeters = pgTable(
  'chat_meters',
  {
    chatKey: text('chat_key').notNull(),
    number: integer('number').notNull(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.chatKey, t.number] }),
    uniqueIndex('chat_meters_source_unique').on(t.chatKey, t.sourceId),
    check('chat_meters_number_check', sql`${t.number} > 0`),
  ],
);

/**
 * Append-only record of every access and change. seq, prev_hash and hash are filled by a
 * trigger that chains each row to the previous one. No foreign keys on purpose: the log must
 * outlive whatever it describes.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().default(0), // assigned by trigger
    at: tstz('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    chatKey: text('chat_key'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    // The source the entry is about: admins of that source may read the entry.
    sourceId: uuid('source_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull().default(''), // assigned by trigger
    hash: text('hash').notNull().default(''), // assigned by trigger
  },
  (t) => [
    index('audit_log_source_idx').on(t.sourceId, t.seq),
    index('audit_log_actor_idx').on(t.actorId, t.seq),
  ],
);

/** The tip of the audit hash chain: one row, locked by each audit insert to serialise the chain. */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    id: smallint('id').primaryKey().default(1),
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    hash: text('hash').notNull().default(''),
  },
  (t) => [check('audit_chain_head_single_row', sql`${t.id} = 1`)],
);

/** Every webhook event, recorded before LINE gets its 200: deduplication and crash recovery. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    webhookEventId: text('webhook_event_id').primaryKey(),
    receivedAt: createdAt('received_at'),
    occurredAt: tstz('occurred_at').notNull(),
    // Events of one chat are processed in order (user id, group id or room id).
    chatId: text('chat_id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: EVENT_STATUSES }).notNull().default('pending'),
    attempts: smallint('attempts').notNull().default(0),
    // The lease: the live worker that claimed the event renews claimed_at while it works.
    claimedAt: tstz('claimed_at'),
    claimedBy: text('claimed_by'),
    processedAt: tstz('processed_at'),
    lastError: text('last_error'),
    // Set in the transaction that commits the handler's writes: a replay must not run it again.
    appliedAt: tstz('applied_at'),
    // The answer the event got ({ to, messages }), recorded before it is sent, so that a replay
    // re-sends this instead of re-running the handler.
    reply: jsonb('reply'),
    // The LINE user who sent a message or tapped a button (null for other events): the
    // per-person limit counts these by time (bot/chat-limit.ts).
    senderId: text('sender_id'),
    // How many events the sender sent earlier in the event's clock minute, up to the limit, as
    // counted when the event was first claimed (drizzle/0024): the next claim of the same
    // sender's minute counts on from it instead of counting the whole minute again.
    senderEarlier: integer('sender_earlier'),
  },
  (t) => [
    // Not (chat, time, id), which would spare the claim its sort of a chat's backlog: with the
    // id in it, PostgreSQL, whose statistics mostly see finished events, chose this index for
    // lookups by id (finishing an event) and read all of it at each one.
    index('webhook_events_unfinished')
      .on(t.chatId, t.occurredAt)
      .where(sql`${t.status} in ('pending', 'processing')`),
    // Whether a chat has an event being processed under a live lease (a handful in all): the
    // claim asks it first, newest claim first (drizzle/0026).
    index('webhook_events_processing_by_chat')
      .on(t.chatId, t.claimedAt)
      .where(sql`${t.status} = 'processing'`),
    // With the id, the order the count of a person's minute walks back in (drizzle/0024).
    index('webhook_events_by_sender')
      .on(t.senderId, t.occurredAt, t.webhookEventId)
      .where(sql`${t.senderId} is not null`),
    // The events a worker holds (a handful): renewing their leases every second must not read
    // the whole inbox, a week of events.
    index('webhook_events_in_flight').on(t.claimedBy).where(sql`${t.status} = 'processing'`),
    check('webhook_events_status_check', oneOf(t.status, EVENT_STATUSES)),
  ],
);

/** One-time, expiring states of the Google linking flow. Only a hash of the token is kept. */
export const linkStates = pgTable(
  'link_states',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: LINK_PURPOSES }).notNull(),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    data: jsonb('data').notNull().default({}),
  },
  (t) => [
    index('link_states_user_idx').on(t.userId),
    check('link_states_purpose_check', oneOf(t.purpose, LINK_PURPOSES)),
  ],
);

/** A suspicious reading waiting for the user's answer (store / rolled over / new meter / cancel). */
export const readingConfirmations = pgTable(
  'reading_confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    chatKey: text('chat_key').notNull(),
    value: numeric('value').notNull(),
    takenAt: tstz('taken_at').notNull(),
    note: text('note'),
    origin: text('origin').notNull(),
    // The validation verdict that raised the question: its problems and the options offered.
    verdict: jsonb('verdict').notNull(),
    createdAt: createdAt(),
    resolvedAt: tstz('resolved_at'),
    resolution: text('resolution', { enum: CONFIRMATION_RESOLUTIONS }),
  },
  (t) => [
    uniqueIndex('reading_confirmations_origin_unique').on(t.origin),
    check(
      'reading_confirmations_resolution_check',
      sql`${t.resolution} is null or ${oneOf(t.resolution, CONFIRMATION_RESOLUTIONS)}`,
    ),
  ],
);

// ---------------------------------------------------------------------------------------------
// Money: tariffs, paid bills, reminders and alerts

export const TARIFF_SETTING_KINDS = ['rate', 'service', 'minimum', 'adjustment', 'vat'] as const;

/**
 * A meter's dated price settings, append-only: a new price gets a new row from its date, so old
 * periods keep old prices. `value` holds the figures of the kind (see domain/billing/tariff.ts).
 */
export const tariffSettings = pgTable(
  'tariff_settings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: TARIFF_SETTING_KINDS }).notNull(),
    // Local calendar date in the meter's time zone, 'YYYY-MM-DD'.
    effectiveFrom: text('effective_from').notNull(),
    value: jsonb('value').notNull(),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'restrict' }),
    enteredAt: createdAt('entered_at'),
  },
  (t) => [
    index('tariff_settings_source_idx').on(t.sourceId, t.effectiveFrom),
    check('tariff_settings_kind_check', oneOf(t.kind, TARIFF_SETTING_KINDS)),
    check(
      'tariff_settings_from_check',
      sql`${t.effectiveFrom} ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'`,
    ),
  ],
);

/** What a household actually paid for one billing period (`paid meter 1 1455.94 for 2026-11`). */
export const paidBills = pgTable(
  'paid_bills',
  {
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    // The billing period label 'YYYY-MM'.
    period: text('period').notNull(),
    amount: numeric('amount').notNull(),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'restrict' }),
    enteredAt: createdAt('entered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.period] }),
    check('paid_bills_period_check', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('paid_bills_amount_check', sql`${t.amount} >= 0`),
  ],
);

/** `remind meter 1 day 25 09:00`: one person's monthly reminder to read one meter. */
export const reminders = pgTable(
  'reminders',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    day: smallint('day').notNull(),
    // Local 'HH:MM' in the meter's time zone.
    time: text('time').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.sourceId] }),
    check('reminders_day_check', sql`${t.day} between 1 and 31`),
    check('reminders_time_check', sql`${t.time} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
);

/**
 * `alert meter 1 over 400`: one person's alerts on one meter (projected use over `threshold`,
 * and use entering a dearer block). `state` is what the last check saw (domain/billing/alerts.ts).
 */
export const usageAlerts = pgTable(
  'usage_alerts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    threshold: numeric('threshold'),
    state: jsonb('state'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.sourceId] })],
);

/**
 * One row per push the scheduler decided to send (reminder of a month, alert of a period, the
 * one quota notice of a month): the primary key is the claim, so two instances never both send.
 * `sent_at` stays null until LINE accepted it; a later tick retries with the same retry key.
 */
export const pushClaims = pgTable(
  'push_claims',
  {
    key: text('key').primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    // Local date of the recipient the claim counts against ('YYYY-MM-DD'): one reminder a day.
    day: text('day'),
    kind: text('kind').notNull(),
    claimedAt: createdAt('claimed_at'),
    sentAt: tstz('sent_at'),
  },
  (t) => [
    uniqueIndex('push_claims_one_reminder_a_day')
      .on(t.userId, t.day)
      .where(sql`${t.kind} = 'reminder'`),
  ],
);

export const CHANGE_KINDS = [
  'reading.add',
  'reading.fix',
  'reading.delete',
  'reading.replace',
  'meter.archive',
  'meter.settings',
] as const;

/**
 * What a person changed from a chat, newest last: `undo` walks back through these, one per
 * undo, and only ever the speaker's own in that chat. `detail` holds what the inverse needs
 * (reading ids, the settings before). A change is undone once (undone_at, undone_origin).
 */
export const chatChanges = pgTable(
  'chat_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Order of the changes (many can share one clock instant): undo takes the highest first.
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    chatKey: text('chat_key').notNull(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CHANGE_KINDS }).notNull(),
    // The bot's clock when the change was made (undo asks first when it is old).
    at: tstz('at').notNull(),
    detail: jsonb('detail').notNull(),
    // The webhook event that made the change: a replayed event cannot log it twice.
    origin: text('origin').notNull(),
    undoneAt: tstz('undone_at'),
    // The event that undid it: a replayed "undo" cannot undo a second change.
    undoneOrigin: text('undone_origin'),
  },
  (t) => [
    uniqueIndex('chat_changes_origin_unique').on(t.origin),
    uniqueIndex('chat_changes_undone_origin_unique').on(t.undoneOrigin),
    index('chat_changes_by_author').on(t.userId, t.chatKey, t.seq),
    check('chat_changes_kind_check', oneOf(t.kind, CHANGE_KINDS)),
  ],
);

/**
 * The meter whose history a person was last shown in a chat: `fix #3` and `delete #3` without
 * a meter mean that one (for a while), never "the last meter written to".
 */
export const shownHistories = pgTable(
  'shown_histories',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    chatKey: text('chat_key').notNull(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    shownAt: tstz('shown_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.chatKey] })],
);

// ---------------------------------------------------------------------------------------------
// Photos kept as evidence for readings

export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;

/**
 * A photo kept with a reading: the bytes themselves (a household's photos are few and small, so
 * the database holds them and a backup holds everything; see docs/photos.md). A photo belongs to
 * reading `#number` of its meter, so a fix (which keeps the number) keeps it, and it is shown
 * only while that reading is current. Rows are never updated or deleted by the application.
 */
export const readingPhotos = pgTable(
  'reading_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    // The reading row it was sent for (a later fix makes a new row with the same number).
    readingId: uuid('reading_id')
      .notNull()
      .references(() => readings.id, { onDelete: 'restrict' }),
    contentType: text('content_type', { enum: PHOTO_TYPES }).notNull(),
    bytes: bytea('bytes').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    addedAt: createdAt('added_at'),
    // The LINE webhook event of the image: a redelivered image is stored once.
    origin: text('origin').notNull(),
  },
  (t) => [
    uniqueIndex('reading_photos_origin_unique').on(t.origin),
    index('reading_photos_by_reading').on(t.sourceId, t.number, t.addedAt),
    check('reading_photos_content_type_check', oneOf(t.contentType, PHOTO_TYPES)),
    check('reading_photos_size_check', sql`${t.size} = octet_length(${t.bytes})`),
  ],
);

/**
 * `photo #12` waiting for its picture: the next image the person sends in that chat belongs to
 * that reading. One per person and chat; a newer request replaces it, an image consumes it.
 */
export const photoRequests = pgTable(
  'photo_requests',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    chatKey: text('chat_key').notNull(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    requestedAt: tstz('requested_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.chatKey] })],
);

export const IMPORT_STATES = ['waiting', 'ready', 'stored', 'cancelled'] as const;

/**
 * `import meter 1`: one person's import into one meter, from the request to the confirmation.
 * waiting: a CSV file is expected in the one-to-one chat; ready: the file was read and previewed,
 * `rows` holds the readings that passed (nothing is stored yet); stored or cancelled: done.
 * Past `expires_at` nothing more happens to it.
 */
export const readingImports = pgTable(
  'reading_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    chatKey: text('chat_key').notNull(),
    state: text('state', { enum: IMPORT_STATES }).notNull().default('waiting'),
    // [{ line, takenAt (ISO), value, note }] once the file was read.
    rows: jsonb('rows'),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at').notNull(),
    resolvedAt: tstz('resolved_at'),
  },
  (t) => [
    index('reading_imports_user_idx').on(t.userId, t.createdAt),
    check('reading_imports_state_check', oneOf(t.state, IMPORT_STATES)),
  ],
);

// ---------------------------------------------------------------------------------------------
// Personal data: per-person audit keys and "delete my data" requests

/**
 * One random AES-256-GCM key per person. Personal fields of audit entries (notes, e-mail
 * addresses, provider ids) are stored sealed under it; erasing the person deletes the row (the
 * cascade from users), so the sealed bytes stay in the hash chain but can never be read again.
 */
export const personKeys = pgTable('person_keys', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  key: bytea('key').notNull(),
  createdAt: createdAt(),
});

/**
 * A pending `delete my data`: the button to tap (id) and then the word to type (code), until
 * expires_at. One per person; a new request replaces the old one.
 */
export const erasureRequests = pgTable(
  'erasure_requests',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at').notNull(),
    // Set by the confirmation tap: only then does the typed word erase.
    tappedAt: tstz('tapped_at'),
  },
  (t) => [check('erasure_requests_code_check', sql`${t.code} ~ '^[0-9]{4}$'`)],
);

/**
 * "Reminders and alerts are paused": owed to a person for a quota month when the push scheduler
 * held back a push that concerned them (their own reminder or alert, or one on a meter they own)
 * because LINE's monthly quota was used up. Said once, with their next answer in the one-to-one
 * chat (a reply costs no quota); `told_event` is the event whose answer carried it.
 */
export const quotaNotices = pgTable(
  'quota_notices',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // The quota month, 'YYYY-MM' in LINE's time zone (Asia/Tokyo).
    month: text('month').notNull(),
    // The meters whose pushes were held, in the order they were.
    sourceIds: uuid('source_ids').array().notNull().default(sql`'{}'::uuid[]`),
    heldAt: createdAt('held_at'),
    toldAt: tstz('told_at'),
    toldEvent: text('told_event'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.month] })],
);

/**
 * What was not processed because a person sent more than the per-person limit in one clock
 * minute (bot/chat-limit.ts): one row per person and minute, told back to them once the minute
 * is over and then deleted. `listed` holds the texts that would have changed something.
 */
export const floodNotices = pgTable(
  'flood_notices',
  {
    senderId: text('sender_id').notNull(),
    windowStart: tstz('window_start').notNull(),
    windowEnd: tstz('window_end').notNull(),
    // Where to answer: the chat of the latest event not processed, with its reply token.
    chatId: text('chat_id').notNull(),
    eventId: text('event_id').notNull(),
    replyToken: text('reply_token'),
    receivedAt: tstz('received_at').notNull(),
    language: text('language', { enum: LANGUAGES }),
    listed: jsonb('listed').notNull().default([]),
    others: integer('others').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.senderId, t.windowStart] }),
    index('flood_notices_due').on(t.windowEnd),
  ],
);

/**
 * Who is in which LINE group or room, as far as the bot has seen: a row appears when the person
 * writes there and goes when LINE says they left (or the bot left). In the person's one-to-one
 * chat it lets them use the meters shared into those groups, with the group's role.
 */
export const groupMembers = pgTable(
  'group_members',
  {
    chatId: text('chat_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    seenAt: createdAt('seen_at'),
  },
  (t) => [
    primaryKey({ columns: [t.chatId, t.userId] }),
    index('group_members_user_idx').on(t.userId),
  ],
);
