// Signup through a channel's landing page: who the person is (an identity provider), their member (found by that
// identity, or created with the next number), their enrollment (enrollments/) and a member session — all in one
// transaction, so a refusal (blocklisted, closed, full) writes nothing at all.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import type { CampaignService } from '../campaigns/service.js';
import type { CampaignOut } from '../campaigns/schema.js';
import type { ChannelService, PublicChannel } from '../channels/service.js';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import { memberAccess } from '../enrollments/member-access.js';
import { toMemberEnrollment } from '../enrollments/out.js';
import { memberRules } from '../enrollments/schema.js';
import type { EnrollmentService } from '../enrollments/service.js';
import { AppError, invalid, isUniqueViolation } from '../http/errors.js';
import type { MemberContext, MemberSessions } from '../member-session/service.js';
import type { IdentityKind, Member } from '../members/schema.js';
import type { MemberService } from '../members/service.js';
import type { IdentityProviders } from './providers.js';
import type { LandingOut, SignupBody, SignupOut } from './schema.js';

const landingNotFound = () => new AppError(404, 'landing.not_found', 'This link leads to no campaign', { code: 'no campaign behind this link' });

/** Who is signing up: a member found (or to be created) by a provider's identity, or the member signed in already. */
type Signer =
  | { kind: 'identity'; provider: string; identity: { kind: IdentityKind; value: string }; nickname: string }
  | { kind: 'session'; member: MemberContext };

export class SignupService {
  constructor(
    private readonly db: Kysely<DB>, private readonly clock: Clock, private readonly members: MemberService,
    private readonly campaigns: CampaignService, private readonly channels: ChannelService, private readonly enrollments: EnrollmentService,
    private readonly sessions: MemberSessions, readonly providers: IdentityProviders,
  ) {}

  /** The channel behind a link and its campaign (404 for an unknown or archived link, or one without a campaign). */
  private async campaignOf(code: string): Promise<{ channel: PublicChannel; campaign: CampaignOut }> {
    const channel = await this.channels.byCode(code);
    if (!channel || channel.campaignId === null) throw landingNotFound();
    const ctx = memberAccess({ workspaceId: channel.workspaceId, memberId: null, nickname: 'visitor' }, null);
    const campaign = await this.campaigns.getCampaign(ctx, channel.campaignId, this.clock.now()).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404) throw landingNotFound();
      throw error;
    });
    return { channel, campaign };
  }

  async landing(code: string, session: MemberContext | null): Promise<LandingOut> {
    const { channel, campaign } = await this.campaignOf(code);
    const me = session?.workspaceId === channel.workspaceId ? session : null;
    const { taken, enrolled } = await this.enrollments.placesAndStatus(channel.workspaceId, campaign.id, me?.memberId ?? null);
    return {
      channel: { code: channel.code, name: channel.name },
      campaign: {
        key: campaign.key, name: campaign.name, theme: campaign.theme, startsOn: campaign.startsOn, endsOn: campaign.endsOn, timezone: campaign.timezone,
        priceCents: campaign.priceCents, depositCents: campaign.depositCents, capacity: campaign.capacity,
        placesLeft: campaign.capacity === null ? null : Math.max(0, campaign.capacity - taken),
        signupOpen: campaign.signupOpen, status: campaign.status, rules: memberRules(campaign.rules),
      },
      providers: this.providers.names(),
      me: me ? { memberNo: me.memberNo, nickname: me.nickname } : null,
      enrolled,
    };
  }

  /**
   * Signs the person in and enrolls them. Returns the new session's cookie value (null when the member signed in
   * already and sent no provider: their session goes on).
   */
  async signup(input: SignupBody, session: MemberContext | null, requestId: string): Promise<SignupOut & { token: string | null }> {
    const { channel, campaign } = await this.campaignOf(input.code);
    const signer = await this.identify(input, session?.workspaceId === channel.workspaceId ? session : null);
    const open = campaign.signupOpen && campaign.status !== 'archived' && campaign.status !== 'ended';
    const attempt = async () => {
      const existing = await this.existingMember(channel.workspaceId, signer);
      if (existing?.blocked) throw new AppError(403, 'signup.blocked', 'This account cannot sign up for campaigns here; contact the staff');
      if (!existing && !open) throw new AppError(409, 'signup.closed', 'Signup for this campaign is closed', { code: 'signup closed' });
      return this.db.transaction().execute(async (tx) => {
        const visitor = memberAccess({ workspaceId: channel.workspaceId, memberId: existing?.id ?? null, nickname: existing?.nickname ?? '' }, requestId);
        let member = existing ? { id: existing.id, memberNo: existing.memberNo, nickname: existing.nickname } : null;
        if (!member && signer.kind === 'identity') {
          const row = await this.members.createIn(tx, visitor, { nickname: signer.nickname, identities: [signer.identity], nicknameContext: `signup:${channel.name}`.slice(0, 64), createdAt: this.clock.now().toISOString() });
          member = { id: row.id, memberNo: row.member_no, nickname: row.nickname };
          await recordAudit(tx, memberAccess({ workspaceId: channel.workspaceId, memberId: row.id, nickname: row.nickname }, requestId), {
            action: 'member.create', entity: 'member', entityId: row.member_no, memberId: row.id,
            after: { memberNo: row.member_no, nickname: row.nickname, from: `signup via channel ${channel.code} (${signer.provider})` },
          });
        }
        const ctx = memberAccess({ workspaceId: channel.workspaceId, memberId: member!.id, nickname: member!.nickname }, requestId);
        const result = await this.enrollments.enrollIn(tx, ctx, { campaign, memberId: member!.id, channelId: channel.id, source: 'signup', open, refusal: 'signup' });
        const enrollment = toMemberEnrollment(result.enrollment, campaign.key);
        if (result.created) {
          await recordAudit(tx, ctx, { action: 'enrollment.signup', entity: 'enrollment', entityId: enrollment.id, memberId: member!.id, after: { campaignKey: campaign.key, channel: channel.code, enrollment } });
        }
        const token = signer.kind === 'identity' ? (await this.sessions.create(tx, channel.workspaceId, member!.id, signer.provider)).token : null;
        return { member: { memberNo: member!.memberNo, nickname: member!.nickname }, enrollment, created: result.created, token };
      });
    };
    try {
      return await attempt();
    } catch (error) {
      // Two first signups of one person at once: the loser finds the member (or enrollment) the winner created.
      if (isUniqueViolation(error) || (error instanceof AppError && error.code === 'identity.taken')) return attempt();
      throw error;
    }
  }

  private async identify(input: SignupBody, session: MemberContext | null): Promise<Signer> {
    if (input.provider === undefined) {
      if (!session) throw invalid('signup.invalid', 'Choose how to sign in', { provider: 'required unless signed in' });
      return { kind: 'session', member: session };
    }
    const provider = this.providers.get(input.provider);
    if (!provider) throw invalid('signup.unknown_provider', `No provider "${input.provider}" here (offered: ${this.providers.names().join(', ')})`, { provider: 'not offered here' });
    const found = await provider.identify({ phone: input.phone, nickname: input.nickname, authCode: input.authCode });
    if ('error' in found) throw invalid('signup.invalid', `${found.error.field}: ${found.error.message}`, { [found.error.field]: found.error.message });
    return { kind: 'identity', provider: provider.name, identity: found.identity, nickname: found.nickname.slice(0, 64) };
  }

  /** The member behind the signer now (an identity moved by a merge leads to the survivor), or null for a newcomer. */
  private async existingMember(workspaceId: number, signer: Signer): Promise<Member | null> {
    const ctx = memberAccess({ workspaceId, memberId: null, nickname: '' }, null);
    const lookup = signer.kind === 'session'
      ? this.members.get(ctx, signer.member.memberNo)
      : this.members.getByIdentity(ctx, signer.identity.kind, signer.identity.value);
    return lookup.catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404) return null;
      throw error;
    });
  }
}
