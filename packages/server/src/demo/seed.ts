// The demo workspace: staff and teams, tag groups, several hundred members with identities, nickname history
// across groups, tags, service records, a few blocklisted advertisers and a merged duplicate. Deterministic.
import { PERMISSIONS, ROLE_PERMISSIONS, type Role } from '../auth/permissions.js';
import { systemContext, type AccessContext } from '../http/access.js';
import { refreshSearch } from '../members/search-index.js';
import type { CreateMemberInput } from '../members/schema.js';
import type { Services } from '../services.js';
import { ADULT_NAMES, CHILD_NAMES, CITIES, DECORATIONS, GRADES, GROUP_CONTEXTS, RECORD_TEMPLATES, RELATIONS, TAG_GROUPS } from './names.js';
import { SeededRandom, phoneNumber } from './random.js';
import { seedCampaignsAndGroups } from './seed-campaigns.js';
import { seedCampaignRun } from './seed-campaign-run.js';
import { seedEvents } from './seed-events.js';
import { seedOperations } from './seed-operations.js';
import { seedChannels } from './seed-channels.js';

export const DEMO_LOGIN = { workspace: 'demo', username: 'admin', password: 'qunyun-demo' } as const;

const DEMO_STAFF: Array<{ username: string; displayName: string; role: Role; team: string | null }> = [
  { username: 'admin', displayName: '王运营（负责人）', role: 'owner', team: null },
  { username: 'banzhuren1', displayName: '李老师（班主任）', role: 'operator', team: '运营一组' },
  { username: 'zhujiao1', displayName: '赵助教', role: 'operator', team: '运营一组' },
  { username: 'banzhuren2', displayName: '陈老师（班主任）', role: 'operator', team: '运营二组' },
  { username: 'sales1', displayName: '刘顾问（销售）', role: 'sales', team: '销售组' },
  { username: 'viewer', displayName: '孙经理（只读）', role: 'viewer', team: null },
];

const MEMBER_COUNT = 640;
const DAY = 86_400_000;

export async function seedDemo(services: Services, options: { key: string; now?: Date }) {
  const rng = new SeededRandom(20261127);
  const now = options.now ?? new Date();
  const workspace = await services.workspaces.create({ key: options.key, name: '启航教育 · 演示空间' });
  const system = systemContext(workspace.id, new Set(PERMISSIONS), 'demo');

  const teams = new Map<string, number>();
  for (const name of ['运营一组', '运营二组', '销售组']) teams.set(name, (await services.staff.createTeam(system, { name })).id);
  const staff: AccessContext[] = [];
  for (const s of DEMO_STAFF) {
    const password = s.username === DEMO_LOGIN.username ? DEMO_LOGIN.password : 'qunyun-demo';
    const created = await services.staff.create(system, { username: s.username, displayName: s.displayName, password, role: s.role, teamId: s.team ? teams.get(s.team) : null });
    staff.push({ ...system, actor: { kind: 'staff', id: created.id, name: created.displayName }, staffId: created.id, role: s.role, permissions: ROLE_PERMISSIONS[s.role] });
  }
  for (const [team, lead] of [['运营一组', 1], ['运营二组', 3], ['销售组', 4]] as const) {
    await services.staff.updateTeam(system, teams.get(team)!, { leadStaffId: staff[lead]!.staffId });
  }

  const tagIds = new Map<string, number>();
  for (const group of TAG_GROUPS) {
    const created = await services.tags.createGroup(system, group.name);
    for (const [name, color] of group.tags) tagIds.set(name, (await services.tags.createTag(system, { groupId: created.id, name, color })).id);
  }

  // Members arrive over the last 120 days, oldest first, so numbers grow with time as they would in use.
  const db = services.database.db;
  const memberNos: number[] = [];
  const demoMembers: Array<{ memberNo: number; nickname: string; createdAt: string }> = [];
  const grades = new Map<number, string>();
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < MEMBER_COUNT; i++) {
      const createdAt = new Date(now.getTime() - (120 - (i * 120) / MEMBER_COUNT) * DAY - rng.int(DAY)).toISOString();
      const grade = rng.pick(GRADES);
      const input: CreateMemberInput = {
        nickname: nickname(rng),
        identities: [
          ...(rng.chance(0.92) ? [{ kind: 'wechat_unionid' as const, value: `o6_${rng.hex(24)}` }] : []),
          ...(rng.chance(0.35) ? [{ kind: 'wechat_openid' as const, value: `oX${rng.hex(26)}` }] : []),
          ...(rng.chance(0.05) ? [{ kind: 'wecom_external_userid' as const, value: `wm${rng.hex(30)}` }] : []),
        ],
        phone: rng.chance(0.6) ? phoneNumber(rng) : undefined,
        attributes: { 城市: rng.pick(CITIES), 孩子年级: grade, ...(rng.chance(0.3) ? { 来源: rng.pick(['公众号推文', '朋友圈海报', '老带新', '视频号直播']) } : {}) },
        createdAt,
        nicknameContext: rng.pick(GROUP_CONTEXTS),
      };
      const row = await services.members.createIn(tx, system, input);
      memberNos.push(row.member_no);
      demoMembers.push({ memberNo: row.member_no, nickname: row.nickname, createdAt });
      grades.set(row.member_no, grade);
      // Later names seen in groups (people rename, add their number, add emoji).
      const renames = rng.int(3);
      let at = Date.parse(createdAt);
      for (let k = 0; k < renames; k++) {
        at += (1 + rng.int(20)) * DAY;
        if (at > now.getTime()) break;
        const name = k === 0 && rng.chance(0.5) ? `${row.member_no}-${row.nickname}` : nickname(rng);
        await tx.insertInto('nickname_history').values({ workspace_id: workspace.id, member_id: row.id, nickname: name, context: rng.pick(GROUP_CONTEXTS), at: new Date(at).toISOString() }).execute();
      }
      if (renames) await refreshSearch(tx, services.database.dialect, workspace.id, row.id);
      const tags = [rng.chance(0.8) ? '宝妈' : rng.pick(['宝爸', '老师', '学生本人']), grade];
      if (rng.chance(0.45)) tags.push(rng.pick(['高意向', '中意向', '低意向']));
      if (rng.chance(0.08)) tags.push('已付费正价课');
      if (rng.chance(0.06)) tags.push('未改群昵称');
      for (const tag of tags) {
        await tx.insertInto('member_tags').values({ workspace_id: workspace.id, member_id: row.id, tag_id: tagIds.get(tag)!, added_by: rng.pick(staff).staffId, added_at: createdAt }).execute();
      }
    }
  });

  // Staff actions through the services, so they appear in the audit log as they would in real use.
  let records = 0;
  for (const memberNo of memberNos) {
    if (!rng.chance(0.3)) continue;
    for (let k = 1 + rng.int(3); k > 0; k--) {
      const template = rng.pick(RECORD_TEMPLATES);
      const author = rng.pick(staff.filter((s) => s.permissions.has('records.write')));
      const occurredAt = new Date(now.getTime() - rng.int(60) * DAY - rng.int(DAY)).toISOString();
      await services.records.add(author, memberNo, { kind: template.kind, content: template.text.replace('{grade}', grades.get(memberNo)!), occurredAt });
      records++;
    }
  }
  const owner = staff[0]!;
  for (const memberNo of memberNos.filter((_, i) => i % 97 === 13)) {
    await services.members.addTag(owner, memberNo, tagIds.get('广告号')!);
    await services.members.block(owner, memberNo, '在多个群发广告链接，已移出群聊');
  }
  // One person signed up twice (once from a poster, once from an article): a duplicate to merge, shown merged.
  const duplicate = await services.members.create(owner, { nickname: '果果妈妈', phone: '13912345678', identities: [{ kind: 'wechat_openid', value: 'oXdemoduplicate0000000000001' }] });
  const original = await services.members.create(owner, { nickname: '果果妈妈🌸', identities: [{ kind: 'wechat_unionid', value: 'o6_demo_guoguo_mama' }] });
  await services.merges.merge(owner, original.memberNo, duplicate.memberNo);

  const operators = staff.filter((s) => s.role === 'operator').map((s) => s.staffId!);
  const matrix = await seedCampaignsAndGroups(services, owner, operators, demoMembers, rng, now);
  const sources = await seedChannels(services, owner, operators, rng);
  const run = await seedCampaignRun(services, owner, rng, now);
  const events = await seedEvents(services, owner, rng, now);
  const operations = await seedOperations(services, owner, rng, now);

  return { workspace, members: memberNos.length + 2, staff: staff.length, tags: tagIds.size, records, ...matrix, ...sources, ...run, events, ...operations };
}

function nickname(rng: SeededRandom): string {
  const roll = rng.next();
  if (roll < 0.6) return `${rng.pick(CHILD_NAMES)}${rng.pick(RELATIONS)}${rng.pick(DECORATIONS)}`;
  if (roll < 0.85) return rng.pick(ADULT_NAMES);
  return `${rng.pick(CHILD_NAMES)}${rng.pick(RELATIONS)}（${rng.pick(CITIES)}）`;
}
