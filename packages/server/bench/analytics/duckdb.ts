// The reference the operations index is measured against: the same reports computed by DuckDB (an analytical,
// columnar, vectorised engine) straight from the raw rows — no rollups — loaded from the same JSON Lines file.
// Each report follows docs/api-reports.md and returns our JSON shape (without definitions), so the bench can check
// that both give the same numbers, not only which is faster. Bench only: @duckdb/node-api is a dev dependency, and
// its build bundles the json and icu extensions (nothing is downloaded at run time).
//
// What the import format cannot carry is absent here and, after the import, in ours too: merges (each member counts
// as themselves), channel visits (short-link clicks), reviews and make-ups (no check-in is rejected or pending).
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { ratio } from '../../src/reports/types.js';

/**
 * DuckDB's bundled ICU extension gives `timezone(zone, instant)` and a session time zone; with the session zone set
 * to the workspace's, casting a DATE to TIMESTAMPTZ gives the instant that local day starts.
 */
const TIMEZONE = 'Asia/Shanghai';

export interface ReferenceLoad {
  seconds: number;
  rows: Record<string, number>;
}

type Params = Record<string, string | number | undefined>;
type Body = Record<string, unknown>;

export class DuckReference {
  private constructor(private readonly instance: DuckDBInstance, private readonly connection: DuckDBConnection, readonly load: ReferenceLoad) {}

  /** A DuckDB database file in `dir`, loaded from the workspace file: one pass over the JSON, then a table per type. */
  static async open(file: string, dir: string, log: (message: string) => void = () => {}): Promise<DuckReference> {
    const instance = await DuckDBInstance.create(path.join(dir, 'reference.duckdb'), { threads: '2', memory_limit: '8GB', temp_directory: path.join(dir, 'duckdb.tmp') });
    const connection = await instance.connect();
    await connection.run(`SET TimeZone = '${TIMEZONE}'`);
    // Row order does not matter here, and keeping it costs memory on a 10^8-row load.
    await connection.run('SET preserve_insertion_order = false');
    const started = performance.now();
    // read_json (the bundled json extension) with the union of every record's fields; unknown ones are skipped. A
    // stored table, not a temporary one: it is compressed as written (mostly empty columns) instead of spilled raw.
    await connection.run(`CREATE OR REPLACE TABLE raw AS SELECT * FROM read_json(${quote(file)}, format = 'newline_delimited', maximum_object_size = 1048576, columns = {
      "type": 'VARCHAR', "key": 'VARCHAR', "name": 'VARCHAR', "series": 'VARCHAR', "campaign": 'VARCHAR', "member": 'VARCHAR', "group": 'VARCHAR',
      "channel": 'VARCHAR', "parent": 'VARCHAR', "nickname": 'VARCHAR', "starts_on": 'DATE', "ends_on": 'DATE', "days_total": 'INTEGER',
      "days_required": 'INTEGER', "deposit_cents": 'INTEGER', "paid_cents": 'INTEGER', "created_at": 'TIMESTAMPTZ', "at": 'TIMESTAMPTZ',
      "joined_at": 'TIMESTAMPTZ', "left_at": 'TIMESTAMPTZ', "cancelled_at": 'TIMESTAMPTZ', "refunded_at": 'TIMESTAMPTZ', "props": 'JSON'})`);
    log(`DuckDB: read the file in ${seconds(started)} s`);
    // Numeric ids as our database has them; references resolved by key, as the importer does.
    const tables: Array<[string, string]> = [
      ['series', `SELECT row_number() OVER ()::INTEGER AS id, "key", "name" FROM raw WHERE "type" = 'series'`],
      ['campaigns', `SELECT row_number() OVER ()::INTEGER AS id, r."key", s.id AS series_id, r.starts_on, r.ends_on, r.days_total, r.days_required, r.deposit_cents
        FROM raw r JOIN series s ON s."key" = r.series WHERE r."type" = 'campaign'`],
      ['channels', `SELECT row_number() OVER ()::INTEGER AS id, "key", "name", parent FROM raw WHERE "type" = 'channel'`],
      ['groups', `SELECT row_number() OVER ()::INTEGER AS id, r."key", c.id AS campaign_id FROM raw r LEFT JOIN campaigns c ON c."key" = r.campaign WHERE r."type" = 'group'`],
      ['members', `SELECT row_number() OVER ()::INTEGER AS id, "key", nickname, created_at FROM raw WHERE "type" = 'member'`],
      // An enrollment is active unless the file gives when it was cancelled.
      ['enrollments', `SELECT m.id AS member_id, c.id AS campaign_id, ch.id AS channel_id, r."at" AS created_at, r.paid_cents,
          CASE WHEN r.cancelled_at IS NULL THEN 'active' ELSE 'cancelled' END AS status, r.refunded_at
        FROM raw r JOIN members m ON m."key" = r."member" JOIN campaigns c ON c."key" = r.campaign LEFT JOIN channels ch ON ch."key" = r.channel WHERE r."type" = 'enrollment'`],
      ['memberships', `SELECT m.id AS member_id, g.id AS group_id, r.joined_at, r.left_at
        FROM raw r JOIN members m ON m."key" = r."member" JOIN groups g ON g."key" = r."group" WHERE r."type" = 'membership'`],
      // The campaign day of a check-in (the default window 00:00–23:59: its local date), stored as our table does.
      ['checkins', `SELECT m.id AS member_id, c.id AS campaign_id, r."at" AS submitted_at, (timezone('${TIMEZONE}', r."at")::DATE - c.starts_on + 1)::INTEGER AS day_index
        FROM raw r JOIN members m ON m."key" = r."member" JOIN campaigns c ON c."key" = r.campaign WHERE r."type" = 'checkin'`],
      ['events', `SELECT m.id AS member_id, r."name", r."at", r.props FROM raw r JOIN members m ON m."key" = r."member" WHERE r."type" = 'event'`],
    ];
    const rows: Record<string, number> = {};
    for (const [name, select] of tables) {
      await connection.run(`CREATE OR REPLACE TABLE ${name} AS ${select}`);
      rows[name] = Number((await rows1(connection, `SELECT count(*)::BIGINT AS n FROM ${name}`))[0]!.n);
    }
    // A member appears in a campaign through an active enrollment only: every report reads this view.
    await connection.run(`CREATE OR REPLACE VIEW active_enrollments AS SELECT * FROM enrollments WHERE status = 'active'`);
    await connection.run('DROP TABLE raw');
    await connection.run('CHECKPOINT');
    const load = { seconds: (performance.now() - started) / 1000, rows };
    log(`DuckDB: loaded ${Object.entries(rows).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ')} in ${load.seconds.toFixed(1)} s`);
    return new DuckReference(instance, connection, load);
  }

  async version(): Promise<string> {
    return String((await this.query('SELECT version() AS v'))[0]!.v);
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  /** Runs a report by name on the parameters our report took; `now` is the same instant our clock reads. */
  run(name: string, p: Params, now: Date): Promise<Body> {
    switch (name) {
      case 'composition': return this.composition(String(p.campaign), p.as_of as string | undefined);
      case 'series': return this.series(String(p.series));
      case 'reenrolment': return this.reenrolment(String(p.campaign), (p.as_of as string | undefined) ?? localDay(now));
      case 'funnel': return this.funnel(String(p.campaign), now);
      case 'daily': return this.daily(String(p.from), String(p.to));
      case 'retention': return this.retention(p.period as 'day' | 'week', Number(p.periods), String(p.from), String(p.to), localDay(now));
      default: throw new Error(`no DuckDB reference for ${name}`);
    }
  }

  private query(sql: string, values: Record<string, DuckDBValue> = {}): Promise<Record<string, unknown>[]> {
    return rows1(this.connection, sql, values);
  }

  async composition(campaign: string, asOf: string | undefined): Promise<Body> {
    const lists = await this.query(`${ORDERED},
      target AS (SELECT id, series_id FROM ordered WHERE "key" = $campaign),
      participants AS (SELECT member_id FROM active_enrollments WHERE campaign_id = (SELECT id FROM target)),
      per AS (
        SELECT e.member_id,
          min(o.rank) FILTER (WHERE o.series_id = (SELECT series_id FROM target)) AS first_in_series,
          min(o.rank) AS first_in_workspace,
          max(o.rank) FILTER (WHERE $as_of::VARCHAR IS NULL OR e.created_at < ($as_of::DATE + 1)::TIMESTAMPTZ OR e.campaign_id = (SELECT id FROM target)) AS last_after
        FROM active_enrollments e JOIN ordered o ON o.id = e.campaign_id
        WHERE e.member_id IN (SELECT member_id FROM participants) GROUP BY e.member_id),
      lists AS (
        SELECT 'first_in_series' AS list, first_in_series AS rank, count(*) AS members FROM per GROUP BY ALL
        UNION ALL SELECT 'first_in_workspace', first_in_workspace, count(*) FROM per GROUP BY ALL
        UNION ALL SELECT 'last_after', last_after, count(*) FROM per GROUP BY ALL)
      SELECT l.list, o."key" AS campaign, l.members::INTEGER AS members, (SELECT count(*) FROM participants)::INTEGER AS participants
      FROM lists l JOIN ordered o ON o.rank = l.rank ORDER BY l.list, l.rank`, { campaign, as_of: asOf ?? null });
    const list = (name: string) => lists.filter((r) => r.list === name).map((r) => ({ campaign: r.campaign, members: r.members }));
    return {
      campaign,
      participants: lists[0]?.participants ?? 0,
      first_in_series: list('first_in_series'),
      first_in_workspace: list('first_in_workspace'),
      last_after: list('last_after'),
      ...(asOf ? { as_of: asOf } : {}),
    };
  }

  async series(series: string): Promise<Body> {
    const campaigns = await this.query(`${ORDERED} SELECT o."key", o.rank FROM ordered o JOIN series s ON s.id = o.series_id WHERE s."key" = $series ORDER BY o.rank`, { series });
    const stacks = await this.query(`${ORDERED},
      e AS (SELECT e.member_id, o.rank FROM active_enrollments e JOIN ordered o ON o.id = e.campaign_id JOIN series s ON s.id = o.series_id WHERE s."key" = $series),
      firsts AS (SELECT member_id, min(rank) AS first FROM e GROUP BY member_id)
      SELECT e.rank, f.first, count(*)::INTEGER AS members FROM e JOIN firsts f USING (member_id) GROUP BY ALL ORDER BY e.rank, f.first`, { series });
    const keyOf = new Map(campaigns.map((c) => [c.rank, c.key]));
    return {
      series,
      campaigns: campaigns.map((c) => {
        const by = stacks.filter((s) => s.rank === c.rank).map((s) => ({ campaign: keyOf.get(s.first), members: s.members as number }));
        return { campaign: c.key, participants: by.reduce((sum, b) => sum + b.members, 0), by_first_in_series: by };
      }),
    };
  }

  async reenrolment(campaign: string, asOf: string): Promise<Body> {
    const [row] = await this.query(`${ORDERED},
      target AS (SELECT * FROM ordered WHERE "key" = $campaign),
      participants AS (SELECT member_id FROM active_enrollments WHERE campaign_id = (SELECT id FROM target)),
      reenrolled AS (
        SELECT DISTINCT e.member_id FROM active_enrollments e JOIN campaigns c ON c.id = e.campaign_id
        WHERE c.starts_on > (SELECT starts_on FROM target) AND e.created_at < ($as_of::DATE + 1)::TIMESTAMPTZ
          AND e.member_id IN (SELECT member_id FROM participants)),
      grouped AS (
        SELECT DISTINCT member_id FROM memberships
        WHERE member_id IN (SELECT member_id FROM participants) AND joined_at < ($as_of::DATE + 1)::TIMESTAMPTZ
          AND (left_at IS NULL OR left_at >= ($as_of::DATE + 1)::TIMESTAMPTZ)),
      next AS (SELECT id, "key" FROM ordered WHERE series_id = (SELECT series_id FROM target) AND rank > (SELECT rank FROM target) ORDER BY rank LIMIT 1)
      SELECT (SELECT count(*) FROM participants)::INTEGER AS participants,
        (SELECT count(*) FROM reenrolled)::INTEGER AS reenrolled,
        (SELECT count(*) FROM grouped WHERE member_id NOT IN (SELECT member_id FROM reenrolled))::INTEGER AS stayed,
        (SELECT "key" FROM next) AS next,
        (SELECT count(*) FROM active_enrollments WHERE campaign_id = (SELECT id FROM next) AND created_at < ($as_of::DATE + 1)::TIMESTAMPTZ
          AND member_id IN (SELECT member_id FROM participants))::INTEGER AS next_members`, { campaign, as_of: asOf });
    const participants = row!.participants as number;
    const reenrolled = row!.reenrolled as number;
    const stayed = row!.stayed as number;
    const churned = participants - reenrolled - stayed;
    return {
      campaign, as_of: asOf, participants, reenrolled, stayed, churned,
      reenrolment_rate: ratio(reenrolled, participants), churn_rate: ratio(churned, participants),
      next_in_series: row!.next === null ? null : { campaign: row!.next, members: row!.next_members },
    };
  }

  /**
   * Nested steps, as ours: each counts the signups that passed it and every step before. Visits are 0: they are
   * channel_visits rows (short-link clicks), which the import format does not carry.
   */
  async funnel(campaign: string, now: Date): Promise<Body> {
    const [row] = await this.query(`
      WITH target AS (SELECT * FROM campaigns WHERE "key" = $campaign),
      checkins_of AS (
        SELECT member_id, count(*) AS any_checkin,
          count(*) FILTER (WHERE day_index BETWEEN 1 AND (SELECT days_total FROM target)) AS counted
        FROM checkins WHERE campaign_id = (SELECT id FROM target) GROUP BY member_id),
      joined AS (SELECT DISTINCT m.member_id FROM memberships m JOIN groups g ON g.id = m.group_id WHERE g.campaign_id = (SELECT id FROM target)),
      later AS (
        SELECT DISTINCT e.member_id FROM active_enrollments e JOIN campaigns c ON c.id = e.campaign_id
        WHERE c.starts_on > (SELECT starts_on FROM target) AND e.created_at < $now::TIMESTAMPTZ),
      signups AS (
        SELECT e.paid_cents > 0 AS paid, j.member_id IS NOT NULL AS joined, coalesce(k.any_checkin, 0) > 0 AS checked_in,
          coalesce(k.counted, 0) >= (SELECT days_required FROM target) AS met, e.refunded_at IS NOT NULL AS refunded, l.member_id IS NOT NULL AS reenrolled
        FROM active_enrollments e LEFT JOIN checkins_of k USING (member_id) LEFT JOIN joined j USING (member_id) LEFT JOIN later l USING (member_id)
        WHERE e.campaign_id = (SELECT id FROM target))
      SELECT count(*)::INTEGER AS signed_up,
        count(*) FILTER (WHERE paid)::INTEGER AS paid,
        count(*) FILTER (WHERE paid AND joined)::INTEGER AS joined_group,
        count(*) FILTER (WHERE paid AND joined AND checked_in)::INTEGER AS first_checkin,
        count(*) FILTER (WHERE paid AND joined AND checked_in AND met)::INTEGER AS met_requirement,
        count(*) FILTER (WHERE paid AND joined AND checked_in AND met AND refunded)::INTEGER AS refunded,
        count(*) FILTER (WHERE paid AND joined AND checked_in AND met AND refunded AND reenrolled)::INTEGER AS reenrolled,
        (SELECT deposit_cents FROM target) AS deposit_cents
      FROM signups`, { campaign, now: now.toISOString() });
    const steps = ['visits', 'signed_up', 'paid', 'joined_group', 'first_checkin', 'met_requirement', ...(Number(row!.deposit_cents) > 0 ? ['refunded'] : []), 'reenrolled'];
    const counts = steps.map((step) => (step === 'visits' ? 0 : row![step] as number));
    return {
      campaign,
      steps: steps.map((step, i) => ({
        step, count: counts[i]!, ratio_to_previous: i === 0 ? null : ratio(counts[i]!, counts[i - 1]!), ratio_to_first: ratio(counts[i]!, counts[0]!),
      })),
    };
  }

  /**
   * WAU and MAU without expanding every activity day into 7 or 30 rows: a member counts for day t in a window of
   * W days while t − (their latest active day ≤ t) < W, so each active day opens an interval that the member's
   * next active day (or W days) closes; a running sum of +1/−1 over the calendar gives the counts.
   */
  async daily(from: string, to: string): Promise<Body> {
    const rows = await this.query(`
      WITH activity AS (
        SELECT member_id, timezone('${TIMEZONE}', submitted_at)::DATE AS day FROM checkins
        WHERE submitted_at >= ($from::DATE - 29)::TIMESTAMPTZ AND submitted_at < ($to::DATE + 1)::TIMESTAMPTZ
        UNION
        SELECT member_id, timezone('${TIMEZONE}', "at")::DATE FROM events
        WHERE "at" >= ($from::DATE - 29)::TIMESTAMPTZ AND "at" < ($to::DATE + 1)::TIMESTAMPTZ),
      spans AS (SELECT day, lead(day) OVER (PARTITION BY member_id ORDER BY day) AS next FROM activity),
      steps AS (
        SELECT day, 1 AS dau, 1 AS wau, 1 AS mau FROM spans
        UNION ALL SELECT day + 1, -1, 0, 0 FROM spans
        UNION ALL SELECT least(coalesce(next, day + 7), day + 7), 0, -1, 0 FROM spans
        UNION ALL SELECT least(coalesce(next, day + 30), day + 30), 0, 0, -1 FROM spans),
      deltas AS (SELECT day, sum(dau) AS dau, sum(wau) AS wau, sum(mau) AS mau FROM steps GROUP BY day),
      calendar AS (SELECT range::DATE AS day FROM range($from::DATE - 30, $to::DATE + 1, INTERVAL 1 DAY)),
      running AS (
        SELECT c.day, sum(coalesce(d.dau, 0)) OVER w AS dau, sum(coalesce(d.wau, 0)) OVER w AS wau, sum(coalesce(d.mau, 0)) OVER w AS mau
        FROM calendar c LEFT JOIN deltas d USING (day) WINDOW w AS (ORDER BY c.day)),
      created AS (
        SELECT timezone('${TIMEZONE}', created_at)::DATE AS day, count(*) AS n FROM members
        WHERE created_at >= $from::DATE::TIMESTAMPTZ AND created_at < ($to::DATE + 1)::TIMESTAMPTZ GROUP BY ALL)
      SELECT strftime(r.day, '%Y-%m-%d') AS date, coalesce(c.n, 0)::INTEGER AS new_members, r.dau::INTEGER AS dau, r.wau::INTEGER AS wau, r.mau::INTEGER AS mau
      FROM running r LEFT JOIN created c USING (day) WHERE r.day BETWEEN $from::DATE AND $to::DATE ORDER BY r.day`, { from, to });
    return { from, to, activity_events: null, days: rows };
  }

  /** Cohorts by first activity ever (a full pass over check-ins and events), then their active periods. */
  async retention(period: 'day' | 'week', periods: number, from: string, to: string, today: string): Promise<Body> {
    const length = period === 'day' ? 1 : 7;
    const first = period === 'day' ? from : mondayOf(from);
    const last = period === 'day' ? to : mondayOf(to);
    const cohortOf = (day: string) => (period === 'day' ? day : `date_trunc('week', ${day})::DATE`);
    const cells = await this.query(`
      WITH firsts AS (
        SELECT member_id, timezone('${TIMEZONE}', min(t))::DATE AS first FROM (
          SELECT member_id, min(submitted_at) AS t FROM checkins GROUP BY member_id
          UNION ALL SELECT member_id, min("at") FROM events GROUP BY member_id) GROUP BY member_id),
      cohort AS (SELECT member_id, ${cohortOf('first')} AS cohort FROM firsts WHERE ${cohortOf('first')} BETWEEN $first::DATE AND $last::DATE),
      activity AS (
        SELECT member_id, timezone('${TIMEZONE}', submitted_at)::DATE AS day FROM checkins
        WHERE submitted_at >= $first::DATE::TIMESTAMPTZ AND submitted_at < ($last::DATE + $span::INTEGER)::TIMESTAMPTZ
        UNION
        SELECT member_id, timezone('${TIMEZONE}', "at")::DATE FROM events
        WHERE "at" >= $first::DATE::TIMESTAMPTZ AND "at" < ($last::DATE + $span::INTEGER)::TIMESTAMPTZ)
      SELECT strftime(c.cohort, '%Y-%m-%d') AS cohort, ((a.day - c.cohort) // ${length})::INTEGER AS k, count(DISTINCT a.member_id)::INTEGER AS members
      FROM cohort c JOIN activity a USING (member_id) WHERE (a.day - c.cohort) // ${length} < ${periods} GROUP BY ALL`,
    { first, last, span: periods * length });
    const counts = new Map(cells.map((c) => [`${c.cohort}|${c.k}`, c.members as number]));
    const cohorts: Body[] = [];
    for (let start = first; start <= last; start = addDays(start, length)) {
      cohorts.push({
        start,
        size: counts.get(`${start}|0`) ?? 0,
        values: Array.from({ length: periods }, (_, k) => (addDays(start, k * length) > today ? null : counts.get(`${start}|${k}`) ?? 0)),
      });
    }
    return { period, periods, cohorts };
  }
}

/** Campaigns in report order (starts_on, then key) with their position. */
const ORDERED = `WITH ordered AS (SELECT id, "key", series_id, starts_on, row_number() OVER (ORDER BY starts_on, "key") AS rank FROM campaigns)`;

async function rows1(connection: DuckDBConnection, sql: string, values: Record<string, DuckDBValue> = {}): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql, values);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

/** The workspace-local date of an instant (Asia/Shanghai is UTC+8 all year: no DST since 1991). */
function localDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}
