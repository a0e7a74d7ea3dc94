// Signup on the landing page. The dev provider takes a phone number (nickname optional) or a nickname alone; a
// member already signed in on this device enrolls in one tap. Refusals (blocked, full, closed) and field errors are
// shown where the member looks; success goes to the member home.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { MemberApiError, memberApi } from '../api';
import { setMemberSignedIn } from '../events';
import { money } from '../format';
import { useMt, type MemberKey, type MemberT } from '../i18n';
import type { Landing, SignupBody } from '../types';

type Mode = 'phone' | 'nickname';

interface Values {
  phone?: string;
  nickname?: string;
}

const REFUSALS: Record<string, MemberKey> = {
  'signup.blocked': 'signup.blocked',
  'signup.full': 'signup.full',
  'signup.closed': 'signup.closed',
};
const FORM_FIELDS = ['phone', 'nickname'] as const;

const MOBILE = /^1\d{10}$/;
const normalizePhone = (value: string) => value.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');

/** What to say above the form when the server refused: the refusal, or what is wrong beyond the form's fields. */
function refusalMessage(t: MemberT, error: unknown): string | null {
  if (!(error instanceof MemberApiError)) return String(error);
  const known = REFUSALS[error.code];
  if (known) return t(known);
  if (error.code === 'network.unreachable') return t('state.network');
  const fields = Object.entries(error.fields);
  if (fields.length === 0) return error.message;
  const other = fields.filter(([field]) => !(FORM_FIELDS as readonly string[]).includes(field));
  return other.length ? `${t('signup.invalid')} ${other.map(([f, m]) => `${f}: ${m}`).join('; ')}` : null;
}

export function SignupForm({ landing, code }: { landing: Landing; code: string }) {
  const t = useMt();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<Mode>('phone');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { campaign, me } = landing;
  const full = campaign.placesLeft !== null && campaign.placesLeft <= 0;
  // Closed or full: newcomers are refused, but a member who signed up before may still sign in here.
  const closedNote = !campaign.signupOpen ? t('landing.closed') : full ? t('landing.full') : null;
  // A member signed in on this device enrolls in one tap; the form is for signing in (as someone else).
  const oneTap = me !== null && closedNote === null;
  const devOffered = landing.providers.includes('dev');
  const [showForm, setShowForm] = useState(!oneTap);

  async function submit(body: SignupBody) {
    setRefusal(null);
    setBusy(true);
    try {
      await memberApi.signup(body);
      setMemberSignedIn(true);
      navigate(`/m/campaigns/${encodeURIComponent(campaign.key)}`, { replace: true });
    } catch (error) {
      setRefusal(refusalMessage(t, error));
      if (error instanceof MemberApiError) {
        form.setFields(FORM_FIELDS.filter((f) => f in error.fields).map((name) => ({
          name, errors: [name === 'phone' ? t('landing.phoneInvalid') : error.fields[name]!],
        })));
      }
    } finally {
      setBusy(false);
    }
  }

  function submitForm(values: Values) {
    const nickname = (values.nickname ?? '').trim();
    void submit(mode === 'phone'
      ? { code, provider: 'dev', phone: normalizePhone(values.phone ?? ''), ...(nickname ? { nickname } : {}) }
      : { code, provider: 'dev', nickname });
  }

  const deposit = campaign.depositCents > 0 ? money(t, campaign.depositCents) : null;
  return (
    <Card title={t('landing.signupTitle')} data-testid="signup-card">
      {closedNote && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="signup-unavailable"
          title={closedNote} description={devOffered ? t('landing.signinOnly') : undefined} />
      )}
      {!devOffered && !oneTap && <Alert type="warning" showIcon title={t('landing.noProvider')} data-testid="signup-no-provider" />}
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="signup-error" />}
      {oneTap && (
        <div style={{ marginBottom: showForm ? 16 : 0 }}>
          <Button type="primary" size="large" block loading={busy} onClick={() => void submit({ code })} data-testid="signup-as-me">
            {t('landing.signupAsMe', { nickname: me.nickname, memberNo: me.memberNo })}
          </Button>
          {devOffered && !showForm && <Button type="link" block onClick={() => setShowForm(true)} data-testid="signup-other">{t('landing.signupOther')}</Button>}
        </div>
      )}
      {devOffered && showForm && (
        <>
          <Segmented<Mode>
            block value={mode} onChange={(next) => { setMode(next); setRefusal(null); }} 
            options={[{ value: 'phone', label: t('landing.byPhone') }, { value: 'nickname', label: t('landing.byNickname') }]}
            style={{ marginBottom: 12 }} data-testid="signup-mode"
          />
          <Form form={form} layout="vertical" onFinish={submitForm} requiredMark={false}>
            {mode === 'phone' && (
              <Form.Item name="phone" label={t('landing.phone')}
                rules={[{ validator: (_, value?: string) => (MOBILE.test(normalizePhone(value ?? '')) ? Promise.resolve() : Promise.reject(new Error(t('landing.phoneInvalid')))) }]}>
                <Input type="tel" inputMode="numeric" autoComplete="tel" size="large" placeholder={t('landing.phonePlaceholder')} data-testid="signup-phone" />
              </Form.Item>
            )}
            <Form.Item
              name="nickname" label={t(mode === 'phone' ? 'landing.nicknameOptional' : 'landing.nickname')}
              rules={mode === 'phone' ? [{ max: 30 }] : [{ required: true, whitespace: true, message: t('landing.nicknameRequired') }, { max: 30 }]}
            >
              <Input autoComplete="nickname" size="large" maxLength={30} placeholder={t('landing.nicknamePlaceholder')} data-testid="signup-nickname" />
            </Form.Item>
            <Button type={oneTap ? 'default' : 'primary'} htmlType="submit" size="large" block loading={busy} data-testid="signup-submit">
              {closedNote ? t('landing.signin') : deposit ? t('landing.submitDeposit', { deposit }) : t('landing.submit')}
            </Button>
          </Form>
        </>
      )}
      {deposit && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 13 }}>{t('landing.depositNote')}</Typography.Paragraph>}
    </Card>
  );
}
