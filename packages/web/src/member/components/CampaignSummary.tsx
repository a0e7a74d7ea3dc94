// The campaign as the landing page presents it: name, theme, dates, money, places left and the rule.
import { Card, Typography } from 'antd';
import { money, shortDate } from '../format';
import { useMemberLang, useMt } from '../i18n';
import { ruleDetails, ruleSentence } from '../rule';
import type { LandingCampaign } from '../types';

export function CampaignSummary({ campaign }: { campaign: LandingCampaign }) {
  const t = useMt();
  const { lang } = useMemberLang();
  const dates = t('common.dateRange', { start: shortDate(lang, campaign.startsOn), end: shortDate(lang, campaign.endsOn) });
  return (
    <Card data-testid="landing-campaign">
      <Typography.Title level={3} style={{ marginTop: 0 }}>{campaign.name}</Typography.Title>
      <dl className="qm-facts">
        {campaign.theme && (<><dt>{t('landing.theme')}</dt><dd>{campaign.theme}</dd></>)}
        <dt>{t('landing.dates')}</dt>
        <dd>{dates}</dd>
        {campaign.depositCents > 0 && (<><dt>{t('landing.deposit')}</dt><dd data-testid="landing-deposit">{money(t, campaign.depositCents)}</dd></>)}
        {(campaign.priceCents > 0 || campaign.depositCents === 0) && (
          <><dt>{t('landing.price')}</dt><dd>{campaign.priceCents > 0 ? money(t, campaign.priceCents) : t('common.free')}</dd></>
        )}
        <dt>{t('landing.places')}</dt>
        <dd data-testid="landing-places">
          {campaign.placesLeft === null ? t('landing.placesUnlimited') : t('landing.placesLeft', { n: campaign.placesLeft })}
        </dd>
        <dt>{t('landing.rule')}</dt>
        <dd>
          <div data-testid="landing-rule"><strong>{ruleSentence(t, campaign.rules, campaign.depositCents)}</strong></div>
          <Typography.Text type="secondary">{ruleDetails(t, campaign.rules)}</Typography.Text>
        </dd>
      </dl>
    </Card>
  );
}
